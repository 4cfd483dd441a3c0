package makecap_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/analyzers/internal/loops/goldentest"
	"github.com/maplint/maplint/analyzers/makecap"
)

func TestMakecap(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), makecap.Analyzer, "a")
}

func TestLiteralsFlag(t *testing.T) {
	if err := makecap.Analyzer.Flags.Set("literals", "true"); err != nil {
		t.Fatal(err)
	}
	defer makecap.Analyzer.Flags.Set("literals", "false")
	analysistest.Run(t, analysistest.TestData(), makecap.Analyzer, "literals")
}

// TestGoldenFilesCompile type-checks every package with its .go.golden
// files in place of the sources they fix.
func TestGoldenFilesCompile(t *testing.T) {
	goldentest.Check(t, analysistest.TestData(), "a")
}
