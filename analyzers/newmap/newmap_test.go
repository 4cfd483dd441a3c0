package newmap_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/analyzers/newmap"
	"github.com/maplint/maplint/internal/testutil/golden"
)

func TestNewMap(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), newmap.Analyzer, "a", "lost", "gen", "ignore")
}

// TestFacts checks the facts of the helper pass (freshlib holds only fact
// expectations; "lost" imports it and is where the lost writes are reported).
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), newmap.FactsAnalyzer, "freshlib")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), newmap.Analyzer, "fix")
}

func TestSuggestedFixesCompile(t *testing.T) {
	golden.TypeCheck(t, analysistest.TestData(), "fix")
}
