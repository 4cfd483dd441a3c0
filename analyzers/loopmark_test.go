package analyzers_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/analyzers/hotmap"
	"github.com/maplint/maplint/analyzers/makecap"
	"github.com/maplint/maplint/internal/loopmark"
)

// TestLoopMarks checks the contract with profile weighing (internal/hot):
// every finding of a loop rule carries the loopmark entry of its loop,
// and length-then-append, a mistake rather than a cost, none.
func TestLoopMarks(t *testing.T) {
	if err := hotmap.Analyzer.Flags.Set("per-iteration", "true"); err != nil {
		t.Fatal(err)
	}
	defer hotmap.Analyzer.Flags.Set("per-iteration", "false")
	for _, tc := range []struct {
		a     *analysis.Analyzer
		rules map[string]bool // category -> marked
	}{
		{hotmap.Analyzer, map[string]bool{hotmap.CategoryMissingHint: true, hotmap.CategoryPerIteration: true}},
		{makecap.Analyzer, map[string]bool{makecap.CategoryMissingCapacity: true, makecap.CategoryLengthThenAppend: false}},
	} {
		seen := make(map[string]int)
		dir, err := filepath.Abs(filepath.Join(tc.a.Name, "testdata"))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range analysistest.Run(t, dir, tc.a, "a") {
			if r.Err != nil {
				t.Fatalf("%s: %v", tc.a.Name, r.Err)
			}
			for _, d := range r.Diagnostics {
				want, known := tc.rules[d.Category]
				if !known {
					t.Errorf("%s: unknown category %q", tc.a.Name, d.Category)
					continue
				}
				seen[d.Category]++
				if _, ok := loopmark.Of(d); ok != want {
					t.Errorf("%s: %s finding %q: loop mark %v, want %v", tc.a.Name, d.Category, d.Message, ok, want)
				}
			}
		}
		for c := range tc.rules {
			if seen[c] == 0 {
				t.Errorf("%s: no %s finding in testdata/src/a: nothing checked", tc.a.Name, c)
			}
		}
	}
}
