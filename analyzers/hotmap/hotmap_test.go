package hotmap_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/analyzers/hotmap"
	"github.com/maplint/maplint/internal/testutil/golden"
)

// perIterationOn turns on -hotmap.per-iteration (off by default) for t.
func perIterationOn(t *testing.T) {
	if err := hotmap.Analyzer.Flags.Set("per-iteration", "true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { hotmap.Analyzer.Flags.Set("per-iteration", "false") })
}

func TestHotmap(t *testing.T) {
	perIterationOn(t)
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), hotmap.Analyzer, "a", "shadow")
}

// TestPerIterationOff: by default rule 2 is silent, and the map it would
// report gets no missing-hint finding either (one rule per map).
func TestPerIterationOff(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hotmap.Analyzer, "defaults")
}

// TestTestsFlag: with -hotmap.tests, _test.go files are reported too
// (package a's bench_test.go shows the default: silent).
func TestTestsFlag(t *testing.T) {
	if err := hotmap.Analyzer.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	defer hotmap.Analyzer.Flags.Set("tests", "false")
	analysistest.Run(t, analysistest.TestData(), hotmap.Analyzer, "withtests")
}

// TestOldGo: a module at Go 1.20 gets no fix that needs max or clear.
func TestOldGo(t *testing.T) {
	perIterationOn(t)
	analysistest.RunWithSuggestedFixes(t, filepath.Join(analysistest.TestData(), "oldgo"), hotmap.Analyzer, "./...")
}

// TestGoldenFilesCompile type-checks the package with its .go.golden
// files in place of the sources they fix.
func TestGoldenFilesCompile(t *testing.T) {
	golden.TypeCheck(t, analysistest.TestData(), "a", "shadow")
}
