//go:build go1.26

package a

// A variable whose only value is a literal of ≤ 8 elements is a tiny
// table, as the literal itself is (cmd/internal/script/scripttest's
// setup, pebble's knownKeyFormats): silent. Nine elements, or a variable
// that is assigned, appended to or whose address is taken, are reported.

var knownFormats = []string{"a", "b"} // never changed in the package

var grownFormats = []string{"a", "b"}

func init() { grownFormats = append(grownFormats, "c") }

var pokedFormats = []string{"a", "b"}

func poke(p *[]string) {}

func init() { poke(&pokedFormats) }

// KnownFormats is exported, other packages may change it.
var KnownFormats = []string{"a", "b"}

func tables(root string) ([]string, []string, []string, []string, []string, []string) {
	tomake := []string{"bin", "src", "pkg", "pkg/include", "tool"}
	made := []string{} // silent: a 5-element table
	for _, t := range tomake {
		made = append(made, root+t)
	}
	nine := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
	all := []string{} // want `slice "all" gets len\(nine\) appends; make it with make\(\[\]string, 0, len\(nine\)\)$`
	for _, t := range nine {
		all = append(all, root+t)
	}
	known := []string{} // silent: a package-level table of 2
	for _, f := range knownFormats {
		known = append(known, f)
	}
	grown := []string{} // want `slice "grown" gets len\(grownFormats\) appends`
	for _, f := range grownFormats {
		grown = append(grown, f)
	}
	poked := []string{} // want `slice "poked" gets len\(pokedFormats\) appends`
	for _, f := range pokedFormats {
		poked = append(poked, f)
	}
	exported := []string{} // want `slice "exported" gets len\(KnownFormats\) appends`
	for _, f := range KnownFormats {
		exported = append(exported, f)
	}
	return made, all, known, grown, poked, exported
}

func reassigned(root string, more bool) []string {
	dirs := []string{"bin", "src"}
	if more {
		dirs = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	}
	out := []string{} // want `slice "out" gets len\(dirs\) appends`
	for _, d := range dirs {
		out = append(out, root+d)
	}
	return out
}
