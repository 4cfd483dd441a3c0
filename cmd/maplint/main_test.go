package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The end-to-end tests run the built binary on the module in ../../testdata,
// whose expectations are "// want" comments (Go string literals holding
// regexps) on the lines that must be reported. Every other line must stay
// silent, so a file added there extends these tests.

var (
	maplintBin  string
	testdataDir string
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "maplint-e2e")
	if err != nil {
		panic(err)
	}
	maplintBin = filepath.Join(dir, "maplint")
	if out, err := exec.Command("go", "build", "-o", maplintBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building maplint: %v\n%s", err, out)
		os.Exit(1)
	}
	testdataDir, _ = filepath.Abs("../../testdata")
	// The tests' own cache, not the user's: every run starts empty.
	os.Setenv("MAPLINT_CACHE", filepath.Join(dir, "cache"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// expectation is one "// want" regexp at file:line (file relative to testdata).
type expectation struct {
	pos string
	re  *regexp.Regexp
}

var wantRE = regexp.MustCompile(`// want (.*)$`)

// wants reads the expectations of every package under testdata/dirs (all
// of testdata when dirs is empty).
func wants(t *testing.T, dirs ...string) []expectation {
	t.Helper()
	var out []expectation
	err := filepath.WalkDir(testdataDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && path != testdataDir {
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // a nested module (testdata/pgomod): not in ./...
			}
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(testdataDir, path)
		if len(dirs) > 0 && !slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(rel, d+string(filepath.Separator)) }) {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := wantRE.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			for _, lit := range splitLiterals(t, m[1]) {
				out = append(out, expectation{fmt.Sprintf("%s:%d", rel, line), regexp.MustCompile(lit)})
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no // want comments found in testdata")
	}
	return out
}

// splitLiterals parses a space-separated list of Go string literals.
func splitLiterals(t *testing.T, s string) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		prefix, err := strconv.QuotedPrefix(s)
		if err != nil {
			t.Fatalf("bad // want literal %q: %v", s, err)
		}
		lit, _ := strconv.Unquote(prefix)
		out = append(out, lit)
		s = s[len(prefix):]
	}
	return out
}

// diagnostic is one finding as file (relative to testdata):line and message.
type diagnostic struct{ pos, msg string }

var textDiagRE = regexp.MustCompile(`^(.*\.go):(\d+):(\d+): (.*)$`)

// parseText reads "file:line:col: message" lines, as printed by maplint
// and by go vet. A finding's related information follows it as
// "file:line:col: \tmessage" lines (makecap's "filled in this loop"),
// which are skipped.
func parseText(t *testing.T, out string) []diagnostic {
	var diags []diagnostic
	for _, line := range strings.Split(out, "\n") {
		m := textDiagRE.FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(m[4], "\t") {
			continue
		}
		diags = append(diags, diagnostic{relPos(t, m[1], m[2]), m[4]})
	}
	return diags
}

func relPos(t *testing.T, file, line string) string {
	if !filepath.IsAbs(file) {
		file = filepath.Join(testdataDir, file)
	}
	rel, err := filepath.Rel(testdataDir, file)
	if err != nil {
		t.Fatal(err)
	}
	return rel + ":" + line
}

// check matches diagnostics against expectations one to one.
func check(t *testing.T, diags []diagnostic, exps []expectation) {
	t.Helper()
	used := make([]bool, len(exps))
outer:
	for _, d := range diags {
		for i, e := range exps {
			if !used[i] && e.pos == d.pos && e.re.MatchString(d.msg) {
				used[i] = true
				continue outer
			}
		}
		t.Errorf("unexpected diagnostic %s: %s", d.pos, d.msg)
	}
	for i, e := range exps {
		if !used[i] {
			t.Errorf("%s: no diagnostic matching %q", e.pos, e.re)
		}
	}
}

func run(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return o.String(), e.String(), code
}

func TestText(t *testing.T) {
	_, stderr, code := run(t, testdataDir, maplintBin, "./...")
	if code != 3 {
		t.Errorf("exit code %d, want 3 (findings)\n%s", code, stderr)
	}
	check(t, parseText(t, stderr), wants(t))
}

func TestJSON(t *testing.T) {
	stdout, stderr, code := run(t, testdataDir, maplintBin, "-json", "./...")
	if code != 0 {
		t.Errorf("exit code %d, want 0 with -json\n%s", code, stderr)
	}
	// {"pkg": {"analyzer": [{"posn": ..., "message": ...}]}}
	var doc map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("-json output is not one JSON document: %v\n%s", err, stdout)
	}
	var diags []diagnostic
	for pkg, byAnalyzer := range doc {
		for name, raw := range byAnalyzer {
			var list []struct {
				Posn           string            `json:"posn"`
				Message        string            `json:"message"`
				SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
			}
			if err := json.Unmarshal(raw, &list); err != nil {
				t.Errorf("%s: %s: %v: %s", pkg, name, err, raw) // an analyzer error object
				continue
			}
			for _, d := range list {
				m := regexp.MustCompile(`^(.*\.go):(\d+):\d+$`).FindStringSubmatch(d.Posn)
				if m == nil {
					t.Fatalf("bad posn %q", d.Posn)
				}
				diags = append(diags, diagnostic{relPos(t, m[1], m[2]), d.Message})
				if len(d.SuggestedFixes) > 1 {
					t.Errorf("%s: %d suggested fixes, want at most one", d.Posn, len(d.SuggestedFixes))
				}
			}
		}
	}
	check(t, diags, wants(t))
}

// TestLostWritesFromDependencies lints only the packages that write into
// maps other packages return fresh: std's (maps.Clone, (*url.URL).Query)
// and the module's own (newmap/fresh, vetfacts/a), which are then
// dependencies, loaded from export data and analyzed for their facts
// apart. The second run reads those facts from the cache.
func TestLostWritesFromDependencies(t *testing.T) {
	cache := t.TempDir()
	for _, run1 := range []string{"cold", "warm"} {
		cmd := exec.Command(maplintBin, "./newmap", "./vetfacts/b")
		cmd.Dir = testdataDir
		cmd.Env = append(os.Environ(), "MAPLINT_CACHE="+cache)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			t.Errorf("%s: %v, want exit code 3 (findings)\n%s", run1, err, stderr.String())
		}
		check(t, parseText(t, stderr.String()), wants(t, "newmap", "vetfacts/b"))
	}
}

func TestVetTool(t *testing.T) {
	_, stderr, code := run(t, testdataDir, "go", "vet", "-vettool="+maplintBin, "./...")
	if code == 0 {
		t.Errorf("go vet exit code 0, want failure on findings\n%s", stderr)
	}
	check(t, parseText(t, stderr), wants(t))
}

func TestVersion(t *testing.T) {
	stdout, stderr, code := run(t, testdataDir, maplintBin, "-V=full")
	// go vet parses "<name> version <version> ... buildID=<id>".
	if code != 0 || !regexp.MustCompile(`maplint version .*buildID=\S+`).MatchString(stdout) {
		t.Errorf("-V=full: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestDisableAnalyzer(t *testing.T) {
	_, stderr, _ := run(t, testdataDir, maplintBin, "-newmap=false", "./newmap/...")
	if d := parseText(t, stderr); len(d) != 0 {
		t.Errorf("-newmap=false still reports: %v", d)
	}
	_, stderr, code := run(t, testdataDir, maplintBin, "./newmap/...")
	if code != 3 {
		t.Errorf("newmap alone: exit %d, want 3", code)
	}
	check(t, parseText(t, stderr), wants(t, "newmap"))
}

// TestTestsFlag: -makecap.tests turns missing-capacity back on in
// _test.go files (testdata/makecap/makecap_test.go is silent without it).
func TestTestsFlag(t *testing.T) {
	_, stderr, _ := run(t, testdataDir, maplintBin, "-makecap.tests", "./makecap/")
	found := false
	for _, d := range parseText(t, stderr) {
		if d.pos == filepath.Join("makecap", "makecap_test.go")+":15" && strings.Contains(d.msg, `slice "names" gets len(users) appends`) {
			found = true
		}
	}
	if !found {
		t.Errorf("-makecap.tests: no finding for names in makecap_test.go:15\n%s", stderr)
	}
}

// TestPerIterationFlag: -hotmap.per-iteration turns on hotmap's
// per-iteration rule (testdata/hotmap/hotmap.go:27 is silent without it).
func TestPerIterationFlag(t *testing.T) {
	_, stderr, _ := run(t, testdataDir, maplintBin, "-hotmap.per-iteration", "./hotmap/")
	found := false
	for _, d := range parseText(t, stderr) {
		if d.pos == filepath.Join("hotmap", "hotmap.go")+":27" && strings.Contains(d.msg, `map "seen" is made on every iteration`) {
			found = true
		}
	}
	if !found {
		t.Errorf("-hotmap.per-iteration: no finding for seen in hotmap.go:27\n%s", stderr)
	}
}

func TestGeneratedFilesSilent(t *testing.T) {
	_, stderr, _ := run(t, testdataDir, maplintBin, "./...")
	for _, d := range parseText(t, stderr) {
		if strings.Contains(d.pos, "generated") {
			t.Errorf("finding in a generated file: %s: %s", d.pos, d.msg)
		}
	}
}

// TestFix applies every fix to a copy of testdata: the result must build,
// and no finding that had a fix may remain.
func TestFix(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testdataDir)); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, dir, maplintBin, "-fix", "-diff", "./...")
	if !strings.Contains(stdout, "+\treturn &map[string]int{}") {
		t.Errorf("-diff does not show the newmap fix (exit %d):\n%s\n%s", code, stdout, stderr)
	}
	if _, stderr, code = run(t, dir, maplintBin, "-fix", "./..."); code != 0 && code != 3 {
		t.Fatalf("-fix: exit %d\n%s", code, stderr)
	}
	if _, stderr, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("fixed code does not build:\n%s", stderr)
	}
	stdout, _, _ = run(t, dir, maplintBin, "-json", "./...")
	if strings.Contains(stdout, `"suggested_fixes"`) {
		t.Errorf("fixable findings remain after -fix:\n%s", stdout)
	}
}

// TestCompileErrors checks that code that does not compile is reported
// as the type checker reports it, once, at its position: loading
// dependencies from export data makes go list compile every package,
// and the compiler's own report ("# pkg" and relative positions) must
// not show instead or as well.
func TestCompileErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n",
		"a/a.go": "package a\n\nimport \"example.com/m/b\"\n\nvar X = b.G()\n",
		"b/b.go": "package b\n\nfunc G() int { return \"x\" }\n",
		"c/c.go": "package c\n\nfunc F(names []string) []string {\n\treturn names + 1\n}\n",
		"d/d.go": "package d\n\nfunc {\n",
	})
	for _, tc := range []struct{ pkg, want string }{
		{"./a", filepath.Join(dir, "b/b.go") + `:3:23: cannot use "x"`}, // a dependency
		{"./c", filepath.Join(dir, "c/c.go") + ":4:9: invalid operation: names + 1"},
		{"./d", filepath.Join(dir, "d/d.go") + ":3:6: expected 'IDENT', found '{'"},
	} {
		_, stderr, code := run(t, dir, maplintBin, tc.pkg)
		if code != 1 {
			t.Errorf("%s: exit code %d, want 1", tc.pkg, code)
		}
		if n := strings.Count(stderr, tc.want); n != 1 {
			t.Errorf("%s: %q %d times in\n%s", tc.pkg, tc.want, n, stderr)
		}
		if strings.Contains(stderr, "# example.com") {
			t.Errorf("%s: the compiler's report in\n%s", tc.pkg, stderr)
		}
	}
}
