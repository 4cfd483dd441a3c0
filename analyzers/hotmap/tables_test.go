package hotmap

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maplint/maplint/internal/testutil/stddoc"
)

// TestAPITables checks keepsNoMapArg against GOROOT: every entry is an
// exported function or method whose doc says it reads its arguments
// (formats, encodes, compares, clones them) or, for those marked, copies
// into its first one; and the fmt entries are all of fmt's formatting
// functions.
func TestAPITables(t *testing.T) {
	reads := map[string]*regexp.Regexp{
		"fmt":           regexp.MustCompile(`^\w+ formats `),
		"encoding/json": regexp.MustCompile(`the JSON encoding of v|is like \[Marshal\]`),
		"reflect":       regexp.MustCompile(`^DeepEqual reports whether`),
		"maps":          regexp.MustCompile(`^\w+ (reports whether|returns a copy|is like Equal)`),
	}
	copies := regexp.MustCompile(`^\w+ (copies|adds) .* (to|adding them to) (dst|m)\b`)
	docs := make(map[[2]string]map[string]string) // by package and receiver
	doc := func(pkg, recv, name string) (string, bool) {
		k := [2]string{pkg, recv}
		if docs[k] == nil {
			docs[k] = stddoc.Docs(t, pkg, recv)
		}
		d, ok := docs[k][name]
		return d, ok
	}
	for full, intoFirst := range keepsNoMapArg {
		pkg, recv, name := split(full)
		d, ok := doc(pkg, recv, name)
		if !ok {
			t.Errorf("%s: no such exported function or method with a doc comment in GOROOT", full)
			continue
		}
		want := reads[pkg]
		if intoFirst {
			want = copies
		}
		if want == nil || !want.MatchString(d) {
			t.Errorf("%s (copies into its first argument: %v): doc %q does not say so", full, intoFirst, d)
		}
	}
	for name, d := range stddoc.Docs(t, "fmt", "") {
		if _, ok := keepsNoMapArg["fmt."+name]; ok != reads["fmt"].MatchString(d) {
			t.Errorf("fmt.%s: in keepsNoMapArg %v, doc %q", name, ok, d)
		}
	}
}

// split parses a FullName: "pkg/path.F" or "(*pkg/path.T).M".
func split(full string) (pkg, recv, name string) {
	if rest, ok := strings.CutPrefix(full, "("); ok {
		typ, m, _ := strings.Cut(rest, ").")
		typ = strings.TrimPrefix(typ, "*")
		i := strings.LastIndex(typ, ".")
		return typ[:i], typ[i+1:], m
	}
	i := strings.LastIndex(full, ".")
	return full[:i], "", full[i+1:]
}
