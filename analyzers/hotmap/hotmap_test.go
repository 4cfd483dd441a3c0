package hotmap_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/analyzers/hotmap"
	"github.com/maplint/maplint/analyzers/internal/loops/goldentest"
)

func TestHotmap(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), hotmap.Analyzer, "a")
}

// TestGoldenFilesCompile type-checks the package with its .go.golden
// files in place of the sources they fix.
func TestGoldenFilesCompile(t *testing.T) {
	goldentest.Check(t, analysistest.TestData(), "a")
}
