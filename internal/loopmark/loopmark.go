// Package loopmark is the contract between the loop analyzers (hotmap,
// makecap) and profile weighing (internal/hot): a finding about a loop
// carries a related-information entry, made by Related, that spans the
// loop; internal/hot finds it with Of. The entry's message is one of the
// Role constants, so neither side matches the other's wording.
package loopmark

import (
	"go/ast"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// A Role says what the loop does with the finding's variable. Its text is
// the related entry's message, shown by editors and printed by drivers.
type Role string

const (
	Filled        Role = "filled in this loop"                  // the variable is filled by the loop
	MadeEachRound Role = "made on every iteration of this loop" // the variable is made anew per iteration
)

// roles lists every Role: Of recognizes only these.
var roles = []Role{Filled, MadeEachRound}

// Related returns the entry that marks loop as the loop of a finding.
func Related(loop ast.Node, r Role) analysis.RelatedInformation {
	return analysis.RelatedInformation{Pos: loop.Pos(), End: loop.End(), Message: string(r)}
}

// Of returns the entry of d made by Related, if any.
func Of(d analysis.Diagnostic) (analysis.RelatedInformation, bool) {
	for _, r := range d.Related {
		if slices.Contains(roles, Role(r.Message)) && r.Pos.IsValid() && r.End > r.Pos {
			return r, true
		}
	}
	return analysis.RelatedInformation{}, false
}
