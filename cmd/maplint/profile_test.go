package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestProfile is issue 9's end-to-end test: it profiles the benchmark of
// testdata/pgomod (one hot loop, one cold one, both makecap findings) with
// go test -cpuprofile and runs maplint with that profile. The module is
// profiled in a copy, so the profile holds another checkout's paths, as a
// profile from CI or production would.
func TestProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a benchmark")
	}
	// Most runs enable only the loop analyzers (-makecap -hotmap): without
	// newmap's facts maplint does not type-check the standard library
	// from source. NoProfile and DefaultPGO run the whole suite.
	mod := filepath.Join(testdataDir, "pgomod")
	build := t.TempDir()
	if err := os.CopyFS(filepath.Join(build, "pgomod"), os.DirFS(mod)); err != nil {
		t.Fatal(err)
	}
	prof := filepath.Join(build, "cpu.pprof")
	if _, stderr, code := run(t, filepath.Join(build, "pgomod"), "go", "test", "-run=^$", "-bench=.", "-benchtime=1s",
		"-cpuprofile="+prof, "-o="+filepath.Join(build, "pgomod.test"), "."); code != 0 {
		t.Fatalf("profiling the benchmark: exit %d\n%s", code, stderr)
	}

	src, err := os.ReadFile(filepath.Join(mod, "pgomod.go"))
	if err != nil {
		t.Fatal(err)
	}
	// The hot loop and two cold ones: makecap, makecap, hotmap.
	hotPos, coldPos, coldMapPos := "pgomod/pgomod.go:"+lineOf(t, src, "var out []string"),
		"pgomod/pgomod.go:"+lineOf(t, src, "var out []int"), "pgomod/pgomod.go:"+lineOf(t, src, "m := map[int]int{}")
	weightRE := regexp.MustCompile(`; hot: (\d+\.\d)% of CPU samples in this loop \((\d+\.\d)% flat\)$`)
	weight := func(d diagnostic) float64 {
		m := weightRE.FindStringSubmatch(d.msg)
		if m == nil {
			t.Fatalf("%s: no weight in %q", d.pos, d.msg)
		}
		w, _ := strconv.ParseFloat(m[1], 64)
		return w
	}
	// findings runs maplint in dir and returns its findings, in order.
	findings := func(dir string, args ...string) []diagnostic {
		t.Helper()
		_, stderr, code := run(t, dir, maplintBin, args...)
		if code != 3 {
			t.Fatalf("maplint %v: exit %d, want 3\n%s", args, code, stderr)
		}
		return parseText(t, stderr)
	}

	t.Run("DefaultThreshold", func(t *testing.T) {
		diags := findings(mod, "-makecap", "-hotmap", "-profile="+prof, "./...")
		if len(diags) != 1 || diags[0].pos != hotPos {
			t.Fatalf("got %v, want only the hot loop's finding at %s", diags, hotPos)
		}
		if w := weight(diags[0]); w < 50 {
			t.Errorf("hot loop weighs %.1f%%, want most of the profile", w)
		}
	})

	t.Run("ThresholdZero", func(t *testing.T) {
		// The text output lists each analyzer's findings in turn (hotmap,
		// then makecap), each hottest first.
		diags := findings(mod, "-makecap", "-hotmap", "-profile="+prof, "-hot-threshold=0", "./...")
		var pos = make([]string, 0, len(diags))
		for _, d := range diags {
			pos = append(pos, d.pos)
		}
		if want := []string{coldMapPos, hotPos, coldPos}; !slices.Equal(pos, want) {
			t.Fatalf("got %v, want findings at %v", diags, want)
		}
		for _, d := range []diagnostic{diags[0], diags[2]} {
			if w := weight(d); w >= 0.5 {
				t.Errorf("cold loop %s weighs %.1f%%, want under the default threshold", d.pos, w)
			}
		}
	})

	t.Run("JSON", func(t *testing.T) {
		stdout, stderr, code := run(t, mod, maplintBin, "-makecap", "-hotmap", "-json", "-profile="+prof, "-hot-threshold=0", "./...")
		var doc map[string]map[string][]struct{ Posn, Message string }
		if err := json.Unmarshal([]byte(stdout), &doc); code != 0 || err != nil {
			t.Fatalf("-json: exit %d, %v\n%s%s", code, err, stdout, stderr)
		}
		list := doc["example.com/pgomod"]["makecap"]
		if len(list) != 2 || !strings.Contains(list[0].Message, "[]string") || !strings.Contains(list[1].Message, "[]int") {
			t.Errorf("-json makecap findings not hottest first: %+v", list)
		}
		if list := doc["example.com/pgomod"]["hotmap"]; len(list) != 1 || !weightRE.MatchString(list[0].Message) {
			t.Errorf("-json hotmap findings: %+v, want the cold map's, weighed", list)
		}
	})

	t.Run("NoProfile", func(t *testing.T) {
		diags := findings(mod, "./...")
		if len(diags) != 3 || diags[0].pos != coldMapPos || diags[1].pos != hotPos || diags[2].pos != coldPos {
			t.Fatalf("got %v, want the three findings by analyzer, in source order", diags)
		}
		for _, d := range diags {
			if strings.Contains(d.msg, "hot:") {
				t.Errorf("weighed without a profile: %s: %s", d.pos, d.msg)
			}
		}
	})

	t.Run("DefaultPGO", func(t *testing.T) {
		// The profile as cmd/pgodemo's default.pgo: ./... matches that main
		// package, which imports pgomod, so pgomod is weighed by it.
		dir := filepath.Join(t.TempDir(), "pgomod")
		if err := os.CopyFS(dir, os.DirFS(mod)); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(prof)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "cmd", "pgodemo", "default.pgo"), data, 0o666); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := run(t, dir, maplintBin, "./...")
		diags := parseText(t, stderr)
		if code != 3 || len(diags) != 1 || !strings.HasSuffix(diags[0].pos, hotPos) {
			t.Fatalf("with cmd/pgodemo/default.pgo: exit %d, %v; want only the hot loop's finding", code, diags)
		}
		weight(diags[0])
		// "." matches no main package: no default.pgo applies.
		if diags := findings(dir, "-makecap", "-hotmap", "."); len(diags) != 3 || strings.Contains(diags[0].msg, "hot:") {
			t.Errorf("maplint . weighed by a default.pgo: %v", diags)
		}
		// A bad default.pgo is an error.
		if err := os.WriteFile(filepath.Join(dir, "cmd", "pgodemo", "default.pgo"), []byte("not a profile"), 0o666); err != nil {
			t.Fatal(err)
		}
		checkBadProfile(t, dir, filepath.Join(dir, "cmd", "pgodemo", "default.pgo"), "-makecap", "-hotmap", "./...")
	})

	t.Run("MovedLines", func(t *testing.T) {
		// Two lines added above the functions since the profile: the hot
		// function is weighed as a whole, and says so.
		dir := filepath.Join(t.TempDir(), "pgomod")
		if err := os.CopyFS(dir, os.DirFS(mod)); err != nil {
			t.Fatal(err)
		}
		moved := strings.Replace(string(src), "import \"strconv\"\n", "import \"strconv\"\n\n// two more\n// lines\n", 1)
		if err := os.WriteFile(filepath.Join(dir, "pgomod.go"), []byte(moved), 0o666); err != nil {
			t.Fatal(err)
		}
		diags := findings(dir, "-makecap", "-hotmap", "-profile="+prof, "./...")
		if len(diags) != 1 || !strings.Contains(diags[0].msg, "of CPU samples in this loop's function (the profile's line numbers do not match this source") {
			t.Fatalf("got %v, want the hot function weighed as a whole", diags)
		}
	})

	t.Run("BadProfile", func(t *testing.T) {
		dir := t.TempDir()
		empty, text := filepath.Join(dir, "empty.pprof"), filepath.Join(dir, "notes.txt")
		os.WriteFile(empty, nil, 0o666)
		os.WriteFile(text, []byte("hello\n"), 0o666)
		for _, file := range []string{filepath.Join(dir, "missing.pprof"), empty, text} {
			checkBadProfile(t, mod, file, "-makecap", "-hotmap", "-profile="+file, "./...")
		}
		_, stderr, code := run(t, mod, maplintBin, "-makecap", "-hotmap", "-profile="+prof, "-hot-threshold=-1", "./...")
		if code != 1 || !strings.Contains(stderr, "hot-threshold") {
			t.Errorf("-hot-threshold=-1: exit %d\n%s", code, stderr)
		}
	})

	t.Run("VetTool", func(t *testing.T) {
		// go vet learns -profile and -hot-threshold from maplint -flags
		// and passes them on; it runs the tool in each package's
		// directory, so the path is absolute.
		_, stderr, code := run(t, mod, "go", "vet", "-vettool="+maplintBin, "-makecap", "-hotmap", "-profile="+prof, "./...")
		diags := parseText(t, stderr)
		// go vet prints paths relative to the current directory.
		if code == 0 || len(diags) != 1 || !strings.HasSuffix(hotPos, "/"+diags[0].pos) {
			t.Fatalf("go vet -profile: exit %d, %v; want only the hot loop's finding\n%s", code, diags, stderr)
		}
		weight(diags[0])
	})
}

// checkBadProfile runs maplint with args in dir and wants exit 1 and a
// one-line error naming file.
func checkBadProfile(t *testing.T, dir, file string, args ...string) {
	t.Helper()
	_, stderr, code := run(t, dir, maplintBin, args...)
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, file) || strings.Contains(stderr, "panic") {
		t.Errorf("maplint %v: exit %d, want 1 and one line naming %s:\n%s", args, code, file, stderr)
	}
}

// lineOf returns the line number of the first line of src containing s.
func lineOf(t *testing.T, src []byte, s string) string {
	t.Helper()
	for i, line := range strings.Split(string(src), "\n") {
		if strings.Contains(line, s) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("%q not found", s)
	return ""
}
