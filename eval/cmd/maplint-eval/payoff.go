package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The payoff subcommand (issue 17) measures what following maplint's loop
// advice buys: it profiles a package's benchmarks, weighs every loop
// finding by that profile, applies the fixes of the hot findings to one
// copy of the module and those of the cold ones to another, and runs the
// benchmarks of the three builds in alternation for benchstat.

const payoffUsage = `usage: maplint-eval payoff [flags] -set NAME -pkg ./dir -bench REGEXP

In copies of a prepared set (or -C DIR) under -work:
 1. go test -c the package; run its benchmarks -count times with -cpuprofile;
 2. maplint -json -profile=<that> -hot-threshold=0 on -lint (default -pkg);
 3. copy "hot": the fixes of the findings weighing >= -threshold % (-by growth, as maplint filters, or cum);
    copy "cold": the fixes of the others (non-test files only); both must
    pass go build and go vet;
 4. -count rounds, each running the old, hot and cold test binaries once
    (-test.count=1), in turn;
 5. benchstat old vs hot and old vs cold.
Writes payoff.md (findings, weights, benchstat tables), the bench outputs,
the profile and findings.json to -out.

flags:
`

// payoffFinding is a loop finding of the benchmarked code with its weight.
type payoffFinding struct {
	Analyzer string  `json:"analyzer"`
	Posn     string  `json:"posn"` // relative to the module
	Message  string  `json:"message"`
	Cum      float64 `json:"cum"` // share 0..1
	Flat     float64 `json:"flat"`
	Growth   float64 `json:"growth"` // the finding's own variable's growth
	Hot      bool    `json:"hot"`
	edits    []jsonEdit
}

type jsonEdit struct {
	Filename   string `json:"filename"`
	Start, End int
	New        string `json:"new"`
}

func payoffMain(args []string) error {
	fs := flag.NewFlagSet("payoff", flag.ExitOnError)
	fs.Usage = func() { fmt.Fprint(os.Stderr, payoffUsage); fs.PrintDefaults() }
	setName := fs.String("set", "", "prepared set whose module is benchmarked")
	dir := fs.String("C", "", "module directory (instead of -set)")
	pkg := fs.String("pkg", "", "the package whose benchmarks run, relative to the module (./tsdb)")
	lint := fs.String("lint", "", "comma-separated patterns maplint weighs and fixes (default: -pkg)")
	bench := fs.String("bench", "", "benchmarks to run (go test -bench regexp)")
	benchtime := fs.String("benchtime", "200ms", "go test -benchtime of every run")
	count := fs.Int("count", 10, "runs of the profile (-count) and rounds of the comparison")
	threshold := fs.Float64("threshold", 0.5, "hot threshold, percent of CPU samples (maplint's default -hot-threshold)")
	by := fs.String("by", "growth", "the weight -threshold applies to: growth (what maplint's -hot-threshold applies to) or cum (the loop's share, as before issue 17)")
	maplintBin := fs.String("maplint", "", "maplint binary (default: build ./cmd/maplint from the working tree)")
	benchstat := fs.String("benchstat", "", "benchstat binary (default: go install golang.org/x/perf/cmd/benchstat@latest into <cache>/gobin)")
	work := fs.String("work", "", "directory for the three copies (default: <cache>/scratch/payoff-<name>)")
	reuse := fs.Bool("reuse-profile", false, "keep -out's cpu.pprof from an earlier run with the same -work instead of profiling again")
	out := fs.String("out", "", "result directory (default: <cache>/results/payoff-<name>-<time>)")
	var extra stringsFlag
	fs.Var(&extra, "maplint-flag", "a flag passed to maplint when it weighs the findings, repeatable (-maplint-flag=-hotmap.per-iteration)")
	fs.Parse(args)
	if *pkg == "" || *bench == "" || (*setName == "") == (*dir == "") || *count < 1 || (*by != "growth" && *by != "cum") {
		fs.Usage()
		return fmt.Errorf("want -pkg, -bench, -count >= 1, -by growth or cum, and one of -set, -C")
	}
	src, name := *dir, filepath.Base(*dir)
	if *setName != "" {
		s, ok := findSet(*setName)
		if !ok || s.isGoroot() {
			return fmt.Errorf("-set %q: want a prepared module set", *setName)
		}
		src, name = setDir(s), s.Name
	}
	name += "-" + cmp.Or(strings.Trim(strings.ReplaceAll(*pkg, "/", "_"), "._"), "root")
	if *work == "" {
		*work = filepath.Join(*flagCache, "scratch", "payoff-"+name)
	}
	if *out == "" {
		*out = filepath.Join(*flagCache, "results", "payoff-"+name+"-"+time.Now().UTC().Format("2006-01-02T150405"))
	}
	lintPatterns := []string{*pkg}
	if *lint != "" {
		lintPatterns = strings.Split(*lint, ",")
	}
	for _, d := range []string{*work, *out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	var err error
	if *out, err = filepath.Abs(*out); err != nil {
		return err
	}
	env := goEnv()
	if *maplintBin == "" {
		*maplintBin = filepath.Join(*out, "maplint")
		if _, err := mustRun(".", env, "go", "build", "-o", *maplintBin, "./cmd/maplint"); err != nil {
			return fmt.Errorf("build maplint (run from the repository root): %v", err)
		}
	}
	if *benchstat == "" {
		gobin := filepath.Join(*flagCache, "gobin")
		// Outside any module: a tool, not a project dependency.
		if _, err := mustRun(os.TempDir(), goEnv("GOBIN="+gobin), "go", "install", "golang.org/x/perf/cmd/benchstat@latest"); err != nil {
			return err
		}
		*benchstat = filepath.Join(gobin, "benchstat")
	}

	// Three copies, so that each build's test binary runs in its own
	// source tree (tests read testdata relative to their package).
	copies := map[string]string{}
	for _, c := range []string{"old", "hot", "cold"} {
		d := filepath.Join(*work, c)
		if err := os.RemoveAll(d); err != nil {
			return err
		}
		if err := copyTree(src, d); err != nil {
			return err
		}
		copies[c] = d
	}
	commit := "?" // of maplint's tree, when the run starts
	if o, err := mustRun(".", os.Environ(), "git", "rev-parse", "--short", "HEAD"); err == nil {
		commit = strings.TrimSpace(string(o))
	}
	load0 := loadavg()
	start := time.Now()

	// 1. Profile.
	oldBin := filepath.Join(*out, "old.test")
	if _, err := mustRun(copies["old"], env, "go", "test", "-c", "-o", oldBin, *pkg); err != nil {
		return err
	}
	prof := filepath.Join(*out, "cpu.pprof")
	_, err = os.Stat(prof)
	reused := *reuse && err == nil
	if reused {
		// Same -work, same paths: the profile still fits the old copy.
		logf("payoff: reusing %s", prof)
	} else {
		logf("payoff: profiling %s -bench %s -count %d", *pkg, *bench, *count)
		pout, err := mustRun(filepath.Join(copies["old"], *pkg), env, oldBin, "-test.run", "^$", "-test.bench", *bench,
			"-test.benchtime", *benchtime, "-test.benchmem", "-test.count", fmt.Sprint(*count), "-test.cpuprofile", prof)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(*out, "profile-bench.txt"), pout, 0o644); err != nil {
			return err
		}
	}

	// 2. Rank.
	margs := append([]string{"-json", "-profile=" + prof, "-hot-threshold=0"}, extra...)
	margs = append(margs, lintPatterns...)
	m, err := run(copies["old"], env, *maplintBin, margs...)
	if err != nil {
		return err
	}
	if crashed(m) || m.ExitCode == 1 {
		return fmt.Errorf("maplint %s: exit %d\n%s", strings.Join(margs, " "), m.ExitCode, tail(m.Stderr, 30))
	}
	if err := os.WriteFile(filepath.Join(*out, "findings.json"), m.Stdout, 0o644); err != nil {
		return err
	}
	found, err := payoffFindings(m.Stdout, copies["old"], *threshold, *by == "growth")
	if err != nil {
		return err
	}

	// 3. Hot and cold copies.
	bins := []struct{ name, path, dir string }{{"old", oldBin, copies["old"]}}
	applied := map[string][]*payoffFinding{}
	for _, c := range []string{"hot", "cold"} {
		var chosen []*payoffFinding
		for _, f := range found {
			if f.Hot == (c == "hot") {
				chosen = append(chosen, f)
			}
		}
		if len(chosen) == 0 {
			logf("payoff: no %s finding, no %s build", c, c)
			continue
		}
		pkgs, err := applyFindings(chosen, copies["old"], copies[c])
		if err != nil {
			return fmt.Errorf("%s copy: %v", c, err)
		}
		// A fix compiles or is not offered: check it on the packages it
		// changed and the benchmarked one. What go vet already reports
		// on the module as it is (prometheus' tsdb has such findings)
		// is not the fix's doing.
		targets := append(pkgs, *pkg)
		before := buildAndVet(copies["old"], env, targets, targets)
		for k, msg := range buildAndVet(copies[c], env, targets, targets) {
			if _, ok := before[k]; !ok {
				return fmt.Errorf("%s copy: the fixes break %s:\n%s", c, k, msg)
			}
		}
		bin := filepath.Join(*out, c+".test")
		if _, err := mustRun(copies[c], env, "go", "test", "-c", "-o", bin, *pkg); err != nil {
			return err
		}
		applied[c] = chosen
		bins = append(bins, struct{ name, path, dir string }{c, bin, copies[c]})
	}

	// 4. Alternate the binaries, one run of each per round.
	outputs := map[string]*bytes.Buffer{}
	if len(bins) > 1 {
		for r := range *count {
			for _, b := range bins {
				bout, err := mustRun(filepath.Join(b.dir, *pkg), env, b.path, "-test.run", "^$", "-test.bench", *bench,
					"-test.benchtime", *benchtime, "-test.benchmem", "-test.count", "1")
				if err != nil {
					return err
				}
				if outputs[b.name] == nil {
					outputs[b.name] = new(bytes.Buffer)
				}
				outputs[b.name].Write(bout)
				// After every run: a run stopped early keeps its rounds.
				if err := os.WriteFile(filepath.Join(*out, b.name+".txt"), outputs[b.name].Bytes(), 0o644); err != nil {
					return err
				}
			}
			logf("payoff: round %d/%d done (load %s)", r+1, *count, loadavg())
		}
	}

	// 5. Compare.
	stats := map[string]string{}
	for _, c := range []string{"hot", "cold"} {
		if outputs[c] == nil {
			continue
		}
		sout, err := mustRun(*out, env, *benchstat, "old=old.txt", c+"="+c+".txt")
		if err != nil {
			return err
		}
		stats[c] = string(sout)
	}
	var md bytes.Buffer
	fmt.Fprintf(&md, "## payoff: %s, package %s\n\n", name, *pkg)
	fmt.Fprintf(&md, "- date: %s; maplint commit %s; %s; %s\n", start.UTC().Format("2006-01-02 15:04 UTC"), commit, strings.TrimSpace(runtimeVersion()), machine())
	profiled := fmt.Sprintf("`-count %d`", *count)
	if reused {
		profiled = "reused from an earlier run (its benchmarks are in profile-bench.txt)"
	}
	fmt.Fprintf(&md, "- benchmarks: `-bench '%s' -benchtime %s`; profile: %s; comparison: %d rounds of old, hot, cold (`-count 1` each, in turn)\n", *bench, *benchtime, profiled, *count)
	fmt.Fprintf(&md, "- maplint %s; hot threshold %.1f%% of %s\n", strings.Join(margs, " "), *threshold, *by)
	fmt.Fprintf(&md, "- load average (1, 5, 15 min): %s → %s; wall %s\n\n", load0, loadavg(), time.Since(start).Round(time.Second))
	fmt.Fprintf(&md, "| finding | analyzer | hot (cum) | flat | growth | applied to |\n|---|---|---|---|---|---|\n")
	for _, f := range found {
		to := "cold"
		if f.Hot {
			to = "hot"
		}
		fmt.Fprintf(&md, "| `%s` %s | %s | %.2f%% | %.2f%% | %.3f%% | %s |\n", f.Posn, esc(shortMessage(f.Message)), f.Analyzer, f.Cum*100, f.Flat*100, f.Growth*100, to)
	}
	if len(found) == 0 {
		fmt.Fprintf(&md, "| (no fixable loop finding in non-test files) | | | | |\n")
	}
	for _, c := range []string{"hot", "cold"} {
		if s, ok := stats[c]; ok {
			fmt.Fprintf(&md, "\nold vs %s (%d findings applied):\n\n```\n%s```\n", c, len(applied[c]), s)
		} else {
			fmt.Fprintf(&md, "\nold vs %s: no %s finding, nothing to compare.\n", c, c)
		}
	}
	if err := os.WriteFile(filepath.Join(*out, "payoff.md"), md.Bytes(), 0o644); err != nil {
		return err
	}
	os.Stdout.Write(md.Bytes())
	logf("payoff: results in %s", *out)
	return nil
}

// shortMessage is a finding's message without its weight (in its own column).
func shortMessage(msg string) string {
	msg, _, _ = strings.Cut(msg, "; hot: ")
	return msg
}

// payoffFindings returns the deduplicated weighed loop findings with a fix
// in non-test files of a maplint -json output, hottest first. A finding is
// hot when its growth weight (byGrowth) or its cumulative weight is at
// least threshold percent.
func payoffFindings(b []byte, base string, threshold float64, byGrowth bool) ([]*payoffFinding, error) {
	weight := func(cum, growth float64) float64 {
		if byGrowth {
			return growth
		}
		return cum
	}
	type diag struct {
		Posn           string `json:"posn"`
		Message        string `json:"message"`
		SuggestedFixes []struct {
			Edits []jsonEdit `json:"edits"`
		} `json:"suggested_fixes"`
		Hot *struct{ Cum, Flat, Growth float64 } `json:"hot"`
	}
	var out []*payoffFinding
	seen := map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(b))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			return nil, fmt.Errorf("decoding -json output: %v", err)
		}
		for pkg, byAnalyzer := range tree {
			for an, raw := range byAnalyzer {
				if len(raw) > 0 && raw[0] == '{' {
					return nil, fmt.Errorf("%s on %s: %s", an, pkg, raw)
				}
				var diags []diag
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, err
				}
				for _, d := range diags {
					file, _, _ := strings.Cut(d.Posn, ":")
					// Test files are the benchmark, not the code it measures.
					if d.Hot == nil || len(d.SuggestedFixes) == 0 || strings.HasSuffix(file, "_test.go") {
						continue
					}
					posn := d.Posn
					if rel, err := filepath.Rel(base, posn); err == nil && !strings.HasPrefix(rel, "..") {
						posn = rel
					}
					if seen[an+posn] { // a package and its test variant
						continue
					}
					seen[an+posn] = true
					out = append(out, &payoffFinding{Analyzer: an, Posn: posn, Message: d.Message,
						Cum: d.Hot.Cum, Flat: d.Hot.Flat, Growth: d.Hot.Growth, Hot: weight(d.Hot.Cum, d.Hot.Growth)*100 >= threshold, edits: d.SuggestedFixes[0].Edits})
				}
			}
		}
	}
	slices.SortStableFunc(out, func(x, y *payoffFinding) int {
		return cmp.Or(cmp.Compare(y.Cum, x.Cum), cmp.Compare(x.Posn, y.Posn))
	})
	return out, nil
}

// applyFindings writes the first fix of each finding into the copy dst of
// the module src (edits name files under src) and returns the changed
// packages as ./dir patterns. Overlapping edits are an error.
func applyFindings(fs []*payoffFinding, src, dst string) ([]string, error) {
	byFile := map[string][]jsonEdit{}
	for _, f := range fs {
		for _, e := range f.edits {
			if !slices.Contains(byFile[e.Filename], e) {
				byFile[e.Filename] = append(byFile[e.Filename], e)
			}
		}
	}
	var pkgs []string
	for file, edits := range byFile {
		rel, err := filepath.Rel(src, file)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, fmt.Errorf("edit of %s, outside %s", file, src)
		}
		target := filepath.Join(dst, rel)
		b, err := os.ReadFile(target)
		if err != nil {
			return nil, err
		}
		if b, err = applyEdits(b, edits); err != nil {
			return nil, fmt.Errorf("%s: %v", rel, err)
		}
		if err := os.WriteFile(target, b, 0o644); err != nil {
			return nil, err
		}
		if p := "./" + filepath.Dir(rel); !slices.Contains(pkgs, p) {
			pkgs = append(pkgs, p)
		}
	}
	slices.Sort(pkgs)
	return pkgs, nil
}

// applyEdits applies byte-offset edits to b; they must not overlap.
func applyEdits(b []byte, edits []jsonEdit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(x, y jsonEdit) int { return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End)) })
	var out bytes.Buffer
	at := 0
	for _, e := range edits {
		if e.Start < at || e.End < e.Start || e.End > len(b) {
			return nil, fmt.Errorf("edit %d-%d overlaps another or leaves the file (%d bytes)", e.Start, e.End, len(b))
		}
		out.Write(b[at:e.Start])
		out.WriteString(e.New)
		at = e.End
	}
	out.Write(b[at:])
	return out.Bytes(), nil
}

// stringsFlag collects a repeated flag's values in order.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, " ") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }
