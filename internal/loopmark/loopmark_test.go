package loopmark

import (
	"go/ast"
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestOf(t *testing.T) {
	loop := &ast.ForStmt{For: 10, Body: &ast.BlockStmt{Lbrace: 20, Rbrace: 30}}
	for _, r := range roles {
		d := analysis.Diagnostic{Pos: 1, Related: []analysis.RelatedInformation{{Pos: 5, Message: "declared here"}, Related(loop, r)}}
		got, ok := Of(d)
		if !ok || got.Pos != 10 || got.End != 31 || got.Message != string(r) {
			t.Errorf("Of(Related(loop, %q)) = %+v, %v", r, got, ok)
		}
	}
	// Only a Role marks a loop, whatever the wording; an empty span is none.
	for _, r := range []analysis.RelatedInformation{
		{Pos: 10, End: 31, Message: "see this loop"},
		{Pos: 10, End: 10, Message: string(Filled)},
		{Pos: token.NoPos, End: 31, Message: string(Filled)},
	} {
		if got, ok := Of(analysis.Diagnostic{Related: []analysis.RelatedInformation{r}}); ok {
			t.Errorf("Of(%+v) = %+v, want none", r, got)
		}
	}
}
