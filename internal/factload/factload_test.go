package factload_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/internal/factload"
)

// The module in testdata/src: b imports a (fresh maps), d (no map in any
// signature) and net/url; c imports b; b's external test imports c, so
// go list makes "c [b.test]", a test variant of c between b's test and b.

// findings runs the suite with the checker and returns "file:line: message"
// for every finding of a root package, sorted and deduplicated.
func findings(t *testing.T, graph *checker.Graph) []string {
	t.Helper()
	var out []string
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			out = append(out, fmt.Sprintf("%s:%d: %s", filepath.Base(posn.Filename), posn.Line, d.Message))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func load(t *testing.T, mode packages.LoadMode, patterns ...string) []*packages.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Tests: true, Dir: "testdata/src"}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("errors loading testdata")
	}
	return pkgs
}

// reference is what the checker reports with every package from source
// and facts everywhere: what maplint reports today.
func reference(t *testing.T, as []*analysis.Analyzer, patterns ...string) []string {
	graph, err := checker.Analyze(as, load(t, packages.LoadAllSyntax|packages.NeedModule, patterns...), nil)
	if err != nil {
		t.Fatal(err)
	}
	return findings(t, graph)
}

func withFactload(t *testing.T, as []*analysis.Analyzer, opts factload.Options, patterns ...string) ([]string, factload.Stats) {
	pkgs := load(t, factload.Mode, patterns...)
	p, err := factload.New(as, pkgs, opts)
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze(p.Analyzers(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return findings(t, graph), p.Stats()
}

func TestSameFindings(t *testing.T) {
	as := analyzers.All()
	opts := factload.Options{MayCarry: factload.MaplintMayCarry}
	for _, tc := range []struct {
		patterns []string
		want     []string // findings that need a fact from another package
		check    func(factload.Stats) bool
		why      string
	}{
		{
			patterns: []string{"./..."},
			want:     []string{"b.go:13: this write is lost", "b.go:15: this Set is lost", "b_test.go:10: this write is lost"},
			// c [b.test] takes the facts of the root c; a and c are roots.
			check: func(s factload.Stats) bool { return s.FromRoot == 1 && s.FromSource >= 1 },
			why:   "c [b.test] from the root c, net/url from source",
		},
		{
			patterns: []string{"./b"},
			want:     []string{"b.go:13: this write is lost", "b.go:15: this Set is lost", "b_test.go:10: this write is lost"},
			// a, c [b.test] and net/url from source; not d (no map in
			// its API), nor e (b calls none of its map functions).
			check: func(s factload.Stats) bool {
				return s.FromRoot == 0 && s.FromSource >= 3 && s.Skipped > 0 &&
					!slices.Contains(s.SourcePkgs, "example.com/fl/d") && !slices.Contains(s.SourcePkgs, "example.com/fl/e")
			},
			why: "a, c [b.test] and net/url from source, not d or e",
		},
	} {
		t.Run(strings.Join(tc.patterns, ","), func(t *testing.T) {
			ref := reference(t, as, tc.patterns...)
			got, stats := withFactload(t, as, opts, tc.patterns...)
			if !slices.Equal(got, ref) {
				t.Errorf("findings differ from the checker's with all packages from source:\n got %q\nwant %q", got, ref)
			}
			for _, w := range tc.want {
				if !slices.ContainsFunc(got, func(f string) bool { return strings.HasPrefix(f, w) }) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			if slices.ContainsFunc(got, func(f string) bool { return strings.HasPrefix(f, "b.go:14:") }) {
				t.Errorf("a.Kept's shared map reported: %q", got)
			}
			if !tc.check(stats) {
				t.Errorf("stats %+v: want %s", stats, tc.why)
			}
		})
	}
}

// TestOwnFactsOnly checks that the findings above do need facts from
// other packages, so that TestSameFindings tests their transfer.
func TestOwnFactsOnly(t *testing.T) {
	got, _ := withFactload(t, analyzers.All(), factload.Options{OwnFactsOnly: true}, "./...")
	for _, f := range got {
		if strings.Contains(f, "lost") {
			t.Errorf("found without facts from other packages: %s", f)
		}
	}
}

// TestOriginalsUntouched checks that a Provider leaves the suite's
// analyzers as they are: a driver that runs them with facts everywhere
// (another front end in the process, or a fallback) still finds the lost
// writes, while two Providers' copies are in use, and the copies still
// give the same findings afterwards.
func TestOriginalsUntouched(t *testing.T) {
	as := analyzers.All()
	var facts []*analysis.Analyzer
	for _, a := range as {
		for _, r := range a.Requires {
			if len(r.FactTypes) > 0 {
				facts = append(facts, r)
			}
		}
	}
	if len(facts) == 0 {
		t.Fatal("no analyzer with facts in the suite")
	}
	opts := factload.Options{MayCarry: factload.MaplintMayCarry}
	pkgs1, pkgs2 := load(t, factload.Mode, "./b"), load(t, factload.Mode, "./...")
	p1, err := factload.New(as, pkgs1, opts)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := factload.New(as, pkgs2, opts)
	if err != nil {
		t.Fatal(err)
	}
	copies := p1.Analyzers()
	for i, a := range as {
		if p1.Original(copies[i]) != a {
			t.Errorf("Original(%s) is not the analyzer given", copies[i])
		}
	}
	for _, a := range facts {
		if len(a.FactTypes) == 0 {
			t.Errorf("%s lost its facts", a)
		}
	}
	ref := reference(t, as, "./b") // the originals, facts everywhere
	if !slices.ContainsFunc(ref, func(f string) bool { return strings.Contains(f, "lost") }) {
		t.Errorf("the originals found no lost write with a Provider alive: %q", ref)
	}
	for _, run := range []struct {
		p       *factload.Provider
		pkgs    []*packages.Package
		pattern string
	}{{p2, pkgs2, "./..."}, {p1, pkgs1, "./b"}} {
		graph, err := checker.Analyze(run.p.Analyzers(), run.pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := findings(t, graph)
		if want := reference(t, as, run.pattern); !slices.Equal(got, want) {
			t.Errorf("copies found %q, want %q", got, want)
		}
	}
}

// TestCache checks that a second run reads the dependencies' facts from
// the cache with the same findings, and that a corrupt entry is analyzed
// again with a note.
func TestCache(t *testing.T) {
	as := analyzers.All()
	ref := reference(t, as, "./b")
	dir := t.TempDir()
	var warn strings.Builder
	opts := factload.Options{MayCarry: factload.MaplintMayCarry, CacheDir: dir, Warn: &warn}

	got, cold := withFactload(t, as, opts, "./b")
	if !slices.Equal(got, ref) || cold.FromSource < 3 || cold.FromCache != 0 {
		t.Fatalf("cold run: stats %+v, findings %q, want %q from source", cold, got, ref)
	}
	got, warm := withFactload(t, as, opts, "./b")
	if !slices.Equal(got, ref) || warm.FromSource != 0 || warm.FromCache != cold.FromSource {
		t.Fatalf("warm run: stats %+v, findings %q, want %q from the cache", warm, got, ref)
	}
	// Export data is read beyond go/packages' only for the imports of
	// the dependencies analyzed from source: none on the warm run.
	if cold.Completed == 0 || warm.Completed != 0 {
		t.Errorf("export data completed: cold %d, warm %d; want some, then none", cold.Completed, warm.Completed)
	}

	entries, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	if len(entries) == 0 {
		t.Fatal("no cache entry written")
	}
	for _, e := range entries {
		if err := os.WriteFile(e, []byte("garbage"), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	got, again := withFactload(t, as, opts, "./b")
	if !slices.Equal(got, ref) || again.FromSource != cold.FromSource {
		t.Fatalf("run over a corrupt cache: stats %+v, findings %q, want %q from source", again, got, ref)
	}
	if !strings.Contains(warn.String(), "corrupt cache entry") {
		t.Errorf("no note about the corrupt entry: %q", warn.String())
	}
}
