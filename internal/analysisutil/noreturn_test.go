package analysisutil

import (
	"regexp"
	"slices"
	"testing"

	"github.com/maplint/maplint/internal/testutil/stddoc"
)

// TestNoReturn checks the no-return table against GOROOT's doc comments:
// each function or method says it exits the program or the goroutine, or
// panics (directly or through FailNow/SkipNow); testing.TB lists the same
// methods as testing.common.
func TestNoReturn(t *testing.T) {
	says := regexp.MustCompile(`os\.Exit|runtime\.Goexit|call to panic|FailNow|SkipNow|program to exit|terminates the goroutine`)
	check := func(pkg, recv string, names []string) {
		docs := stddoc.Docs(t, pkg, recv)
		for _, name := range names {
			doc, ok := docs[name]
			if !ok {
				t.Errorf("%s.%s%s: no such documented function", pkg, recv, name)
			} else if !says.MatchString(doc) {
				t.Errorf("%s.%s%s: doc does not say it never returns: %q", pkg, recv, name, doc)
			}
		}
	}
	for pkg, names := range noReturnFuncs {
		check(pkg, "", names)
	}
	for _, m := range noReturnMethods {
		if m.typ == "TB" {
			continue // interface methods: no doc of their own
		}
		check(m.pkg, m.typ, m.names)
	}
	var common, tb []string
	for _, m := range noReturnMethods {
		switch m.typ {
		case "common":
			common = m.names
		case "TB":
			tb = m.names
		}
	}
	if !slices.Equal(common, tb) {
		t.Errorf("testing.TB lists %v, testing.common %v", tb, common)
	}
}
