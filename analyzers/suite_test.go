package analyzers_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/analyzers/internal/analysisutil"
)

// TestSuite checks analysisutil.Suite, which //maplint:ignore directives
// are checked against, against the registry and the categories that the
// analyzers' sources report.
func TestSuite(t *testing.T) {
	all := analyzers.All()
	if len(all) != len(analysisutil.Suite) {
		t.Fatalf("analysisutil.Suite has %d analyzers, the registry %d", len(analysisutil.Suite), len(all))
	}
	category := regexp.MustCompile(`Category:\s*"([a-z-]+)"`)
	for i, a := range all {
		m := analysisutil.Suite[i]
		if m.Name != a.Name {
			t.Errorf("analysisutil.Suite[%d] is %s, the registry's %s", i, m.Name, a.Name)
			continue
		}
		files, err := filepath.Glob(filepath.Join(a.Name, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		var cats []string
		for _, f := range files {
			if !strings.HasSuffix(f, "_test.go") {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				for _, sm := range category.FindAllSubmatch(b, -1) {
					cats = append(cats, string(sm[1]))
				}
			}
		}
		slices.Sort(cats)
		want := slices.Sorted(slices.Values(m.Categories))
		if !slices.Equal(cats, want) {
			t.Errorf("%s reports categories %v, analysisutil.Suite lists %v", a.Name, cats, want)
		}
	}
}
