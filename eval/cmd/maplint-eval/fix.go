package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type fixResult struct {
	FixableBefore  int      `json:"fixable_before"`
	FixableAfter   int      `json:"fixable_after"` // still reported after -fix (conflicting or not applied)
	Applied        int      `json:"applied"`       // FixableBefore - FixableAfter
	ChangedFiles   int      `json:"changed_files"`
	Checked        string   `json:"checked"` // what was built and vetted
	BaselineFails  []string `json:"baseline_failures,omitempty"`
	BrokenPackages int      `json:"broken_packages"`
	Broken         []string `json:"broken,omitempty"`
	BrokenFixes    int      `json:"broken_fixes"` // fixable findings in broken packages
	Error          string   `json:"error,omitempty"`
}

// checkFixes applies maplint -fix to a scratch copy of the set and checks
// that go build and go vet succeed there wherever they succeed on the
// original (packages failing before the fix are not held against it).
func checkFixes(s set, t *tools, sr *setResult, pkgs []pkgInfo, out string) (*fixResult, error) {
	fr := &fixResult{FixableBefore: sr.Fixable}
	if sr.Fixable == 0 {
		fr.Checked = "nothing to fix"
		return fr, nil
	}
	origDir := setDir(s)
	scratch := filepath.Join(*flagCache, "scratch", s.Name)
	if err := os.RemoveAll(scratch); err != nil {
		return nil, err
	}
	var copyDir string
	env := goEnv()
	if s.isGoroot() {
		// The standard library is fixed in a copy of the whole GOROOT
		// (the toolchain builds std from $GOROOT/src).
		gr := filepath.Join(scratch, "goroot")
		logf("%s: copying GOROOT to %s", s.Name, gr)
		if err := copyTree(goroot(), gr); err != nil {
			return nil, err
		}
		copyDir = filepath.Join(gr, "src")
		env = goEnv("GOROOT="+gr, "PATH="+filepath.Join(gr, "bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	} else {
		copyDir = filepath.Join(scratch, "src")
		if err := copyTree(origDir, copyDir); err != nil {
			return nil, err
		}
	}

	fixArgs := []string{"-fix"}
	if s.isGoroot() {
		fixArgs = append(fixArgs, "-fix-outside-module") // a scratch GOROOT: maplint refuses to write GOROOT otherwise
	}
	m, err := run(copyDir, env, t.maplint, append(fixArgs, s.Patterns...)...)
	if err != nil {
		return nil, err
	}
	if crashed(m) || (m.ExitCode != 0 && m.ExitCode != 1) {
		fr.Error = fmt.Sprintf("exit %d:\n%s", m.ExitCode, tail(m.Stderr, 30))
		return fr, nil
	}
	if m.ExitCode == 1 && bytes.Contains(m.Stderr, []byte("fix")) {
		// "applying fixes" errors (conflicts the driver could not merge)
		logf("%s: maplint -fix exit 1:\n%s", s.Name, tail(m.Stderr, 10))
	}

	// Which files and packages changed?
	var diff bytes.Buffer
	changedPkgs := map[string]bool{}
	for _, p := range pkgs {
		rel, err := filepath.Rel(origDir, p.Dir)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		for _, files := range [][]string{p.GoFiles, p.CgoFiles, p.TestGoFiles, p.XTestGoFiles} {
			for _, f := range files {
				a, err1 := os.ReadFile(filepath.Join(p.Dir, f))
				b, err2 := os.ReadFile(filepath.Join(copyDir, rel, f))
				if err1 != nil || err2 != nil || bytes.Equal(a, b) {
					continue
				}
				fr.ChangedFiles++
				changedPkgs[p.ImportPath] = true
				d, _ := run(".", os.Environ(), "diff", "-u", "--label", "a/"+filepath.Join(rel, f), "--label", "b/"+filepath.Join(rel, f), filepath.Join(p.Dir, f), filepath.Join(copyDir, rel, f))
				if d != nil {
					diff.Write(d.Stdout)
				}
			}
		}
	}
	if err := os.WriteFile(filepath.Join(out, "fix-"+s.Name+".diff"), diff.Bytes(), 0o644); err != nil {
		return nil, err
	}

	// What is still reported after the fix? (Not in the smoke run: one
	// load of the set less; Applied is then -1.)
	if *flagQuick {
		fr.Applied, fr.FixableAfter = -1, -1
		return fr, fr.buildCheck(s, origDir, copyDir, env, changedPkgs, sr, pkgs, out)
	}
	am, err := run(copyDir, env, t.maplint, append([]string{"-json"}, s.Patterns...)...)
	if err != nil {
		return nil, err
	}
	if crashed(am) {
		fr.Error = "maplint panicked on the fixed copy:\n" + tail(am.Stderr, 30)
		return fr, nil
	}
	after, _, err := parseDriverJSON(am.Stdout, copyDir)
	if err != nil {
		return nil, err
	}
	for _, f := range after {
		if f.Fixable {
			fr.FixableAfter++
		}
	}
	fr.Applied = max(0, fr.FixableBefore-fr.FixableAfter)
	return fr, fr.buildCheck(s, origDir, copyDir, env, changedPkgs, sr, pkgs, out)
}

// buildCheck builds and vets the original and the fixed copy and records
// the packages the fix broke.
func (fr *fixResult) buildCheck(s set, origDir, copyDir string, env []string, changedPkgs map[string]bool, sr *setResult, pkgs []pkgInfo, out string) error {
	if fr.ChangedFiles == 0 {
		fr.Checked = "no file changed"
		return nil
	}

	buildTargets, vetTargets := s.Patterns, s.Patterns
	fr.Checked = "go build + go vet " + strings.Join(s.Patterns, " ")
	if *flagQuick {
		// go build refuses a package with only test files; go vet
		// type-checks the test files of every package.
		buildTargets, vetTargets = nil, nil
		for _, p := range pkgs {
			if !changedPkgs[p.ImportPath] {
				continue
			}
			vetTargets = append(vetTargets, p.ImportPath)
			if len(p.GoFiles)+len(p.CgoFiles) > 0 {
				buildTargets = append(buildTargets, p.ImportPath)
			}
		}
		fr.Checked = fmt.Sprintf("go build + go vet of the %d changed package(s)", len(vetTargets))
	}
	logf("%s: %d file(s) changed by -fix; %s", s.Name, fr.ChangedFiles, fr.Checked)
	base := buildAndVet(origDir, goEnv(), buildTargets, vetTargets)
	fixed := buildAndVet(copyDir, env, buildTargets, vetTargets)
	for p := range base {
		if strings.HasPrefix(p, "(") {
			// The go command failed without naming a package: the
			// comparison would hide anything the fix broke.
			fr.Error = fmt.Sprintf("%s fails on the original set as a whole: %s", p, base[p])
		}
	}
	for p := range base {
		fr.BaselineFails = append(fr.BaselineFails, p)
	}
	sort.Strings(fr.BaselineFails)
	var log strings.Builder
	for p, msg := range fixed {
		if _, ok := base[p]; ok {
			continue
		}
		fr.Broken = append(fr.Broken, p)
		fmt.Fprintf(&log, "# %s\n%s\n", p, msg)
	}
	sort.Strings(fr.Broken)
	broken := map[string]bool{}
	for _, p := range fr.Broken {
		// "build pkg" or "vet pkg [pkg.test]": count each package once
		if f := strings.Fields(p); len(f) > 1 {
			broken[f[1]] = true
		} else {
			broken[p] = true
		}
	}
	fr.BrokenPackages = len(broken)
	if fr.BrokenPackages > 0 {
		for _, p := range pkgs {
			rel, _ := filepath.Rel(origDir, p.Dir)
			if !broken[p.ImportPath] && !broken[rel] {
				continue
			}
			for _, f := range sr.FindingsList {
				if f.Fixable && filepath.Dir(f.Posn) == rel {
					fr.BrokenFixes++
				}
			}
		}
		return os.WriteFile(filepath.Join(out, "fix-"+s.Name+"-broken.txt"), []byte(log.String()), 0o644)
	}
	return nil
}

// diagLine is a "file.go:line:col: message" line of go build or go vet.
var diagLine = regexp.MustCompile(`^(\S+\.go):\d+:\d+: (.*)$`)

// buildAndVet runs go build and go vet on targets in dir and returns the
// failing packages ("# pkg" headers of the go command's output, or
// "(go build)" / "(go vet)" when it failed without naming one) with
// their messages.
func buildAndVet(dir string, env []string, buildTargets, vetTargets []string) map[string]string {
	fails := map[string]string{}
	for _, verb := range []string{"build", "vet"} {
		targets := buildTargets
		if verb == "vet" {
			targets = vetTargets
		}
		if len(targets) == 0 {
			continue
		}
		m, err := run(dir, env, "go", append([]string{verb}, targets...)...)
		if err != nil {
			fails["(go "+verb+")"] = err.Error()
			continue
		}
		if m.ExitCode == 0 {
			continue
		}
		// go vet prints its own findings without "# pkg" headers (type
		// errors get one): key those by directory and message, without
		// line numbers, which a fix may shift; count repeats.
		cur := ""
		found := false
		for _, line := range strings.Split(string(m.Stderr), "\n") {
			if strings.HasPrefix(line, "# ") {
				cur = verb + " " + strings.TrimPrefix(line, "# ")
				found = true
				fails[cur] += ""
				continue
			}
			if g := diagLine.FindStringSubmatch(line); g != nil && verb == "vet" {
				key := verb + " " + filepath.Dir(g[1]) + " " + g[2]
				for n := 2; ; n++ {
					if _, dup := fails[key]; !dup {
						break
					}
					key = fmt.Sprintf("%s %s %s (#%d)", verb, filepath.Dir(g[1]), g[2], n)
				}
				fails[key] = line
				found = true
				continue
			}
			if cur != "" && len(fails[cur]) < 4000 {
				fails[cur] += line + "\n"
			}
		}
		if !found {
			fails["(go "+verb+")"] = tail(m.Stderr, 20)
		}
	}
	return fails
}
