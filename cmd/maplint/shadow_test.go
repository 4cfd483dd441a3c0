package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestFixShadowed (issue 14): in testdata/shadowfix, max, len, make and
// clear are shadowed where four fixes would land. maplint -fix fixes only
// the twins; the module still builds, vets and tests; the four shadowed
// findings are still reported, without the shadowed name as code.
func TestFixShadowed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shadowfix")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(testdataDir, "shadowfix"))); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "shadowfix.go"))
	if err != nil {
		t.Fatal(err)
	}
	var wants []expectation
	for i, line := range strings.Split(string(src), "\n") {
		if m := regexp.MustCompile("// want `(.*)`$").FindStringSubmatch(line); m != nil {
			wants = append(wants, expectation{"shadowfix.go:" + strconv.Itoa(i+1), regexp.MustCompile(m[1])})
		}
	}
	if len(wants) != 4 {
		t.Fatalf("%d want comments in shadowfix.go, want 4", len(wants))
	}
	findings := func() []diagnostic {
		t.Helper()
		_, stderr, code := run(t, dir, maplintBin, "-hotmap.per-iteration", "./...")
		if code != 3 {
			t.Fatalf("maplint ./...: exit %d, want 3\n%s", code, stderr)
		}
		var out []diagnostic
		for _, d := range parseText(t, stderr) {
			d.pos = d.pos[strings.LastIndex(d.pos, "/")+1:]
			out = append(out, d)
		}
		return out
	}
	if before := findings(); len(before) != 7 {
		t.Fatalf("before -fix: %d findings, want the four shadowed and three twins: %v", len(before), before)
	}
	if _, stderr, code := run(t, dir, maplintBin, "-hotmap.per-iteration", "-fix", "./..."); code != 0 && code != 3 {
		t.Fatalf("maplint -fix: exit %d\n%s", code, stderr)
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"test", "./..."}} {
		if _, stderr, code := run(t, dir, "go", args...); code != 0 {
			t.Fatalf("after -fix, go %v: exit %d\n%s", args, code, stderr)
		}
	}
	after := findings()
	if len(after) != 4 {
		t.Errorf("after -fix: %v, want the four shadowed findings", after)
	}
	for _, w := range wants {
		found := false
		for _, d := range after {
			found = found || (d.pos == w.pos && w.re.MatchString(d.msg))
		}
		if !found {
			t.Errorf("after -fix: no finding at %s matching %q in %v", w.pos, w.re, after)
		}
	}
}
