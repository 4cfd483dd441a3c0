package main_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
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
	weightRE := regexp.MustCompile(`; hot: (\d+\.\d)% of CPU samples in this loop \((\d+\.\d)% flat, (\d+\.\d)% growing ("[^"]+"|maps and slices)\)$`)
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
		// The loop had 88% of the samples on a quiet machine and 45% in
		// a CI run at load 8 (the share depends on the run, not only on
		// the code). Far above the 0.5% threshold is what this checks.
		if w := weight(diags[0]); w < 10 {
			t.Errorf("hot loop weighs %.1f%%, want far above the threshold", w)
		}
		// Render's appends grow "out" (growslice): a share of the loop's.
		if m := weightRE.FindStringSubmatch(diags[0].msg); m[3] == "0.0" || m[4] != `"out"` {
			t.Errorf("hot loop: growth %s%% of %s, want some of \"out\"", m[3], m[4])
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
		var doc map[string]map[string][]struct {
			Posn, Message string
			Hot           *struct{ Cum, Flat, Growth float64 }
		}
		if err := json.Unmarshal([]byte(stdout), &doc); code != 0 || err != nil {
			t.Fatalf("-json: exit %d, %v\n%s%s", code, err, stdout, stderr)
		}
		list := doc["example.com/pgomod"]["makecap"]
		if len(list) != 2 || !strings.Contains(list[0].Message, "[]string") || !strings.Contains(list[1].Message, "[]int") {
			t.Errorf("-json makecap findings not hottest first: %+v", list)
		}
		// The weight is also a typed field, the message's numbers as shares.
		for _, d := range list {
			m := weightRE.FindStringSubmatch(d.Message)
			if d.Hot == nil || m == nil || fmt.Sprintf("%.1f", d.Hot.Cum*100) != m[1] || fmt.Sprintf("%.1f", d.Hot.Flat*100) != m[2] || fmt.Sprintf("%.1f", d.Hot.Growth*100) != m[3] {
				t.Errorf("-json %s: hot %+v, want the message's weight", d.Posn, d.Hot)
			}
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
		if len(diags) != 1 || !regexp.MustCompile(`of CPU samples in this loop's function, \d+\.\d% growing maps and slices in it \(the profile's line numbers do not match this source`).MatchString(diags[0].msg) {
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
		// Never read whole or blocked on: a device and a named pipe.
		checkBadProfile(t, mod, "/dev/zero", "-makecap", "-hotmap", "-profile=/dev/zero", "./...")
		if fifo := filepath.Join(dir, "fifo"); exec.Command("mkfifo", fifo).Run() == nil {
			checkBadProfile(t, mod, fifo, "-makecap", "-hotmap", "-profile="+fifo, "./...")
		}
		for _, pct := range []string{"-1", "NaN", "+Inf", "101"} {
			_, stderr, code := run(t, mod, maplintBin, "-makecap", "-hotmap", "-profile="+prof, "-hot-threshold="+pct, "./...")
			if code != 1 || !strings.Contains(stderr, "hot-threshold") {
				t.Errorf("-hot-threshold=%s: exit %d\n%s", pct, code, stderr)
			}
		}
	})

	t.Run("MatchesNothing", func(t *testing.T) {
		// A profile of another program: one warning naming it, and the
		// findings as without a profile, so that "nothing is hot" and
		// "wrong profile" look different.
		other := filepath.Join(t.TempDir(), "other.pprof")
		if _, stderr, code := run(t, filepath.Join(testdataDir, "twomain"), "go", "run", "-exec", "env MAPLINT_CPUPROFILE="+other, "./cmd/server"); code != 0 {
			t.Fatalf("profiling cmd/server: exit %d\n%s", code, stderr)
		}
		_, stderr, code := run(t, mod, maplintBin, "-makecap", "-hotmap", "-profile="+other, "./...")
		warning := "maplint: warning: profile " + other + " matched no function of the linted packages; loop findings are not weighed\n"
		if code != 3 || strings.Count(stderr, warning) != 1 {
			t.Fatalf("exit %d, want 3 and the warning once:\n%s", code, stderr)
		}
		diags := parseText(t, strings.Replace(stderr, warning, "", 1))
		if len(diags) != 3 || strings.Contains(stderr, "hot:") {
			t.Errorf("got %v, want the three findings unweighed", diags)
		}
		// The right profile: no warning.
		if _, stderr, _ := run(t, mod, maplintBin, "-makecap", "-hotmap", "-profile="+prof, "./..."); strings.Contains(stderr, "warning") {
			t.Errorf("warning with the module's own profile:\n%s", stderr)
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

// TestProfileTwoMains: cmd/server and cmd/worker of testdata/twomain both
// have main.process in a main.go, on the same lines. A profile of the
// server, built in another directory (a build machine's paths) and with
// -trimpath, weighs the server's loop and not the worker's.
func TestProfileTwoMains(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and profiles a program")
	}
	mod := filepath.Join(testdataDir, "twomain")
	build := t.TempDir()
	if err := os.CopyFS(filepath.Join(build, "twomain"), os.DirFS(mod)); err != nil {
		t.Fatal(err)
	}
	weighed := regexp.MustCompile(`; hot: (\d+\.\d)% of CPU samples in this loop`)
	for _, flags := range [][]string{nil, {"-trimpath"}} {
		t.Run("build"+strings.Join(flags, ""), func(t *testing.T) {
			bin, prof := filepath.Join(build, "server"), filepath.Join(build, "server.pprof")
			args := append(append([]string{"build"}, flags...), "-o", bin, "./cmd/server")
			if _, stderr, code := run(t, filepath.Join(build, "twomain"), "go", args...); code != 0 {
				t.Fatalf("go %v: exit %d\n%s", args, code, stderr)
			}
			cmd := exec.Command(bin)
			cmd.Env = append(os.Environ(), "MAPLINT_CPUPROFILE="+prof)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("running the server: %v\n%s", err, out)
			}
			_, stderr, code := run(t, mod, maplintBin, "-makecap", "-hotmap", "-profile="+prof, "-hot-threshold=0", "./...")
			diags := parseText(t, stderr)
			if code != 3 || len(diags) != 2 {
				t.Fatalf("exit %d, %v; want the two process loops' findings", code, diags)
			}
			for _, d := range diags {
				m := weighed.FindStringSubmatch(d.msg)
				if m == nil {
					t.Fatalf("%s: not weighed: %s", d.pos, d.msg)
				}
				w, _ := strconv.ParseFloat(m[1], 64)
				if server := strings.Contains(d.pos, "cmd/server/"); server != (w > 0) {
					t.Errorf("%s weighs %.1f%%; want only cmd/server's loop weighed", d.pos, w)
				}
			}
		})
	}
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
