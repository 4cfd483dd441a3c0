package plugin_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maplint/maplint/analyzers"
)

// TestVetFacts runs maplint as go vet's tool (go vet -vettool=maplint) on
// testdata/vetfacts, where the finding in package b needs a fact that
// newmap exports while analyzing package a ("a.Fresh returns a new map").
// go vet runs the tool once per package and hands a's facts to b's run in
// a .vetx file: the per-package protocol that lets the go command cache
// each package's result (and that Bazel's nogo uses too).
//
// It works on a copy of the module with a fresh comment in each file, so
// the first run really analyzes both packages however warm the cache is:
//  1. go vet reports the finding in b, and -x shows maplint ran on a and b;
//  2. the same command again reports it from the go command's cache
//     without starting maplint (since Go 1.26 go vet runs the tool with
//     -json and caches results with findings too);
//  3. a change in a alone (Fresh now returns a shared map) makes go vet
//     analyze a and b again and the finding in b, whose source did not
//     change, goes away: b's result depends on a's fact.
func TestVetFacts(t *testing.T) {
	if !registered("newmap") {
		t.Skip("newmap is not in analyzers.All(): no facts to pass")
	}
	maplint := buildMaplint(t)
	mod := t.TempDir()
	src := filepath.Join(repoRoot(t), "testdata")
	copyTree(t, filepath.Join(src, "vetfacts"), filepath.Join(mod, "vetfacts"))
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(mod, "go.mod"), string(gomod))
	nonce := fmt.Sprintf("\n// run %d\n", time.Now().UnixNano())
	aFile, bFile := filepath.Join(mod, "vetfacts", "a", "a.go"), filepath.Join(mod, "vetfacts", "b", "b.go")
	write(t, aFile, read(t, aFile)+nonce)
	write(t, bFile, read(t, bFile)+nonce)

	expect := wants(t, mod, map[string]string{"vetfacts": "newmap"})
	if len(expect) == 0 {
		t.Fatal("no want comments in testdata/vetfacts")
	}
	vet := func() (result, map[string]bool) {
		t.Helper()
		r := command(t, mod, nil, "go", "vet", "-x", "-vettool="+maplint, "./...")
		return r, toolRuns(r.stderr, maplint, mod)
	}

	r, runs := vet()
	if r.code == 0 {
		t.Fatalf("go vet found nothing in vetfacts:\n%s", r.stderr)
	}
	checkVetText(t, r.stderr, expect)
	if !runs["vetfacts/a"] || !runs["vetfacts/b"] {
		t.Errorf("first go vet ran maplint on %v, want a and b", runs)
	}

	r, runs = vet()
	checkVetText(t, r.stderr, expect)
	if len(runs) != 0 {
		t.Errorf("second go vet ran maplint on %v, want every result from the cache", runs)
	}

	write(t, aFile, strings.Replace(read(t, aFile),
		"func Fresh() map[string]int { return map[string]int{} }",
		"func Fresh() map[string]int { return shared }", 1))
	r, runs = vet()
	if !runs["vetfacts/a"] || !runs["vetfacts/b"] {
		t.Errorf("after changing a, go vet ran maplint on %v, want a and b", runs)
	}
	if r.code != 0 || vetLine.MatchString(r.stderr) {
		t.Errorf("after a.Fresh stopped returning a fresh map, go vet still reports (exit %d):\n%s", r.code, r.stderr)
	}
}

func registered(name string) bool {
	for _, a := range analyzers.All() {
		if a.Name == name {
			return true
		}
	}
	return false
}

var vetLine = regexp.MustCompile(`(?m)^(\S+\.go):(\d+):\d+: (.*)$`)

// checkVetText checks go vet's text output: one line per expectation.
func checkVetText(t *testing.T, out string, expect []expectation) {
	t.Helper()
	got := vetLine.FindAllStringSubmatch(out, -1)
	for _, e := range expect {
		found := false
		for _, m := range got {
			if strings.HasSuffix(filepath.ToSlash(m[1]), e.file) && m[2] == itoa(e.line) && e.re.MatchString(m[3]) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: not in go vet's output:\n%s", e, out)
		}
	}
	if len(got) != len(expect) {
		t.Errorf("go vet reported %d findings, want %d:\n%s", len(got), len(expect), out)
	}
}

// toolRuns reads go vet -x output and returns the packages (directories
// relative to root) the tool was started for.
func toolRuns(out, tool, root string) map[string]bool {
	runs := map[string]bool{}
	dir := ""
	for _, line := range strings.Split(out, "\n") {
		if d, ok := strings.CutPrefix(line, "cd "); ok {
			dir = d
		}
		// e.g. "TERM='dumb' /tmp/maplint -json $WORK/b001/vet.cfg"
		if strings.Contains(line, tool+" ") && strings.Contains(line, "vet.cfg") {
			runs[filepath.ToSlash(strings.TrimPrefix(dir, root+string(filepath.Separator)))] = true
		}
	}
	return runs
}

func itoa(i int) string { return strconv.Itoa(i) }

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
