package unsafemap_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/analyzers/unsafemap"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unsafemap.Analyzer,
		"a", "generic", "silent", "gen", "link", "oldgo")
}
