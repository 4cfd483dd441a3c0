package analyzers_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/analyzers"
)

// TestCgo runs the suite as cmd/maplint does (go/packages, then x/tools'
// checker) on ../testdata/cgomod, a module whose package imports "C": the
// files the analyzers get are cmd/cgo's copies, marked generated. Each
// analyzer must report its finding at the user's file and line, as the
// "// want" comments there say, without a fix; the generated file that
// imports "C" gets none.
func TestCgo(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with the go command")
	}
	out, err := exec.Command("go", "env", "CC").Output()
	cc := strings.TrimSpace(string(out))
	if err != nil || cc == "" {
		cc = "gcc"
	}
	if _, err := exec.LookPath(strings.Fields(cc)[0]); err != nil {
		t.Skipf("cgo needs a C compiler: %q: %v", cc, err)
	}
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "cgomod"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "CGO_ENABLED=1", "GOFLAGS=", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("errors loading testdata/cgomod")
	}
	graph, err := checker.Analyze(analyzers.All(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}

	want := cgoWants(t, dir)
	got := make(map[string][]string) // "file:line" -> analyzer: message
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			key := filepath.Base(posn.Filename) + ":" + strconv.Itoa(posn.Line)
			if filepath.Dir(posn.Filename) != dir {
				t.Errorf("%s: reported at %s, not in the user's file", act.Analyzer.Name, posn)
			}
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: %s: a fix in cgo's copy %s", act.Analyzer.Name, posn, act.Package.Fset.File(d.Pos).Name())
			}
			got[key] = append(got[key], act.Analyzer.Name+": "+d.Message)
		}
	}
	reporters := make(map[string]bool)
	for key, re := range want {
		i := slices.IndexFunc(got[key], func(m string) bool { return re.MatchString(m) })
		if i < 0 {
			t.Errorf("%s: no finding matching %q (got %q)", key, re, got[key])
			continue
		}
		reporters[strings.SplitN(got[key][i], ":", 2)[0]] = true
		got[key] = slices.Delete(got[key], i, i+1)
	}
	for key, msgs := range got {
		for _, m := range msgs {
			t.Errorf("%s: unexpected finding: %s", key, m)
		}
	}
	for _, a := range analyzers.All() {
		if !reporters[a.Name] {
			t.Errorf("%s reported nothing in the cgo package", a.Name)
		}
	}
}

// cgoWants reads the "// want" regexps (Go string literals) of dir's Go
// files, by file:line.
func cgoWants(t *testing.T, dir string) map[string]*regexp.Regexp {
	t.Helper()
	wantRE := regexp.MustCompile(`// want (".*")$`)
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := make(map[string]*regexp.Regexp)
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := wantRE.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			s, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s:%d: %v", name, line, err)
			}
			want[filepath.Base(name)+":"+strconv.Itoa(line)] = regexp.MustCompile(s)
		}
		f.Close()
	}
	if len(want) == 0 {
		t.Fatal("no // want comments in testdata/cgomod")
	}
	return want
}
