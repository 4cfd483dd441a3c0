package analysisutil

import (
	"flag"
	"slices"
	"sync"
)

// Suite lists maplint's analyzers in registry order (analyzers.All) with
// the categories of their findings: a //maplint:ignore directive names
// analyzers, and one that names a category is told which analyzer it
// belongs to. analyzers' tests check this list against the registry and
// the analyzers' sources.
var Suite = []Member{
	{"newmap", []string{"new-nil-map", "nil-map-written", "lost-write"}},
	{"hotmap", []string{"missing-hint", "per-iteration"}},
	{"makecap", []string{"missing-capacity", "length-then-append"}},
	{"unsafemap", []string{"header-read", "linkname"}},
}

// Member is one analyzer of Suite.
type Member struct {
	Name       string
	Categories []string
}

// member returns the index in Suite of the analyzer name, or -1.
func member(name string) int {
	return slices.IndexFunc(Suite, func(m Member) bool { return m.Name == name })
}

// MalformedDirective is the category of the report about a
// //maplint:ignore directive that silences nothing.
const MalformedDirective = "malformed-directive"

var (
	runningMu sync.Mutex
	running   []string // set by SetRunning; nil: not told
)

// SetRunning records the analyzers of the suite that the driver runs in
// this process, for drivers that do not select them with x/tools'
// -NAME flags (the golangci-lint plugin). nil forgets it.
func SetRunning(names []string) {
	runningMu.Lock()
	defer runningMu.Unlock()
	running = slices.Clone(names)
}

// isRunning reports whether the suite's analyzer name runs in this
// process: as SetRunning said, else as x/tools' multichecker and
// unitchecker (cmd/maplint, go vet -vettool) chose from the -NAME flags on
// the command line, else (analysistest, nogo, other drivers) yes.
func isRunning(name string) bool {
	runningMu.Lock()
	r := running
	runningMu.Unlock()
	if r != nil {
		return slices.Contains(r, name)
	}
	if !flag.Parsed() {
		return true
	}
	// analysisflags: if any -NAME is true, only those run; otherwise all
	// but those set false.
	set := make(map[string]bool)
	flag.Visit(func(f *flag.Flag) {
		if g, ok := f.Value.(flag.Getter); ok && member(f.Name) >= 0 {
			v, _ := g.Get().(bool)
			set[f.Name] = v
		}
	})
	anyTrue := false
	for _, v := range set {
		anyTrue = anyTrue || v
	}
	if anyTrue {
		return set[name]
	}
	v, ok := set[name]
	return !ok || v
}
