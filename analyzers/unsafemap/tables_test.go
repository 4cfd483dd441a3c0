package unsafemap

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maplint/maplint/internal/testutil/stddoc"
)

// TestAPITables checks atomicWordReads against sync/atomic's doc: the
// listed functions are those on Pointer or Uintptr words whose doc says
// they load *addr or return the previous *addr.
func TestAPITables(t *testing.T) {
	reads := regexp.MustCompile(`atomically loads \*addr|returns the previous \*addr`)
	var got []string
	for name, doc := range stddoc.Docs(t, "sync/atomic", "") {
		if (strings.HasSuffix(name, "Pointer") || strings.HasSuffix(name, "Uintptr")) && reads.MatchString(doc) {
			got = append(got, name)
		}
	}
	slices.Sort(got)
	if want := slices.Sorted(slices.Values(atomicWordReads)); !slices.Equal(got, want) {
		t.Errorf("sync/atomic's doc: functions that read a Pointer or Uintptr word: %v; atomicWordReads: %v", got, want)
	}
}
