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

// inspect is set to "1" at link time to add a second no-op analyzer that
// requires inspect.Analyzer and has no facts: like maplint's own analyzers,
// it runs (and builds an inspector) on the root packages only. This is the
// floor of any analyzer in the x/tools style, and what golangci-lint or
// go vet already pay when any of their analyzers needs the inspector.
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
	analyzers := []*analysis.Analyzer{Analyzer}
	if inspect == "1" {
		analyzers = append(analyzers, &analysis.Analyzer{
			Name:     "floorinspect",
			Doc:      "floorinspect: builds the inspector, does nothing else",
			Requires: []*analysis.Analyzer{inspectpass.Analyzer},
			Run:      func(*analysis.Pass) (any, error) { return nil, nil },
		})
	}
	multichecker.Main(analyzers...)
}
