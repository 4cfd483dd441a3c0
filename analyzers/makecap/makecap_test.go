package makecap_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/analyzers/makecap"
	"github.com/maplint/maplint/internal/testutil/golden"
)

func TestMakecap(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), makecap.Analyzer, "a", "shadow", "grow")
}

// TestOldGo: a module at Go 1.20 gets no fix that needs max or clear.
func TestOldGo(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, filepath.Join(analysistest.TestData(), "oldgo"), makecap.Analyzer, "./...")
}

func TestLiteralsFlag(t *testing.T) {
	if err := makecap.Analyzer.Flags.Set("literals", "true"); err != nil {
		t.Fatal(err)
	}
	defer makecap.Analyzer.Flags.Set("literals", "false")
	analysistest.Run(t, analysistest.TestData(), makecap.Analyzer, "literals")
}

// TestTestsFlag: with -makecap.tests, _test.go files get missing-capacity
// findings too (package a's bench_test.go shows the default: silent).
func TestTestsFlag(t *testing.T) {
	if err := makecap.Analyzer.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	defer makecap.Analyzer.Flags.Set("tests", "false")
	analysistest.Run(t, analysistest.TestData(), makecap.Analyzer, "withtests")
}

// TestGoldenFilesCompile type-checks every package with its .go.golden
// files in place of the sources they fix.
func TestGoldenFilesCompile(t *testing.T) {
	golden.TypeCheck(t, analysistest.TestData(), "a", "shadow", "grow")
}
