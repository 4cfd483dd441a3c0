// Command floor is the speed floor of the maplint evaluation: a no-op
// analyzer run through the same driver as cmd/maplint (multichecker), so
// that "maplint time / floor time" isolates what the analyzers cost on top
// of loading and type-checking.
//
// The checker loads every dependency from source when any analyzer uses
// facts, and only the root packages otherwise. The harness builds the
// floor with -ldflags "-X main.facts=1" when the maplint suite needs facts,
// so that both binaries load the same way.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	inspectpass "golang.org/x/tools/go/analysis/passes/inspect"
)

// facts is set to "1" at link time to make the no-op analyzer declare a
// fact type (and so load the same way as a suite that uses facts).
var facts string

// inspect is set to "1" at link time to make the no-op analyzer require
// inspect.Analyzer: the floor of any analyzer in the x/tools style, and what
// golangci-lint or go vet already pay when any of their analyzers needs it.
var inspect string

type noFact struct{}

func (*noFact) AFact()         {}
func (*noFact) String() string { return "noFact" }

var Analyzer = &analysis.Analyzer{
	Name: "floor",
	Doc:  "floor: does nothing (speed floor of the maplint evaluation)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	if facts == "1" {
		Analyzer.FactTypes = []analysis.Fact{new(noFact)}
	}
	if inspect == "1" {
		Analyzer.Requires = []*analysis.Analyzer{inspectpass.Analyzer}
	}
	multichecker.Main(Analyzer)
}
