package newmap

import (
	"regexp"
	"slices"
	"testing"

	"github.com/maplint/maplint/internal/testutil/stddoc"
)

// TestAPITables checks newmap's lists of standard-library APIs against
// their documentation in GOROOT: every method of *sync.Map is a writer
// exactly when its doc says it stores, sets or swaps, and every listed
// maps function says it returns a copy or a new map.
func TestAPITables(t *testing.T) {
	docs := stddoc.Docs(t, "sync", "Map")
	if len(docs) < 8 {
		t.Fatalf("found %d methods of *sync.Map", len(docs))
	}
	writes := regexp.MustCompile(`\b(stores|sets|swaps)\b`)
	for name, doc := range docs {
		if got, want := slices.Contains(syncMapWriters, name), writes.MatchString(doc); got != want {
			t.Errorf("(*sync.Map).%s: in syncMapWriters %v, doc says it writes %v: %q", name, got, want, doc)
		}
	}
	docs = stddoc.Docs(t, "maps", "")
	fresh := regexp.MustCompile(`\b(a copy|a new map)\b`)
	for _, name := range freshMapFuncs {
		if doc, ok := docs[name]; !ok || !fresh.MatchString(doc) {
			t.Errorf("maps.%s (in freshMapFuncs): doc %q does not say it returns a new map", name, doc)
		}
	}
}
