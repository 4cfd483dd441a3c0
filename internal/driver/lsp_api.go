package driver

// What the language server (internal/lsp) needs from the driver beyond
// Analyze: the findings as the text and JSON outputs list them, and a
// suggested fix's files as -fix would write them.

import (
	"fmt"
	"go/format"
	"go/token"
	"os"
	"slices"

	"github.com/aymanbagabas/go-udiff"
	"golang.org/x/tools/go/analysis"
)

// A Finding is a root unit's diagnostic.
type Finding struct {
	Unit       *Unit
	Diagnostic analysis.Diagnostic
}

// Findings returns the units that failed and the roots' diagnostics in
// output order, a diagnostic of both p and p's test variant once.
func Findings(res *Result) (failed []*Unit, found []Finding) {
	failed, fs := findings(res)
	for _, f := range fs {
		found = append(found, Finding{f.u, f.d})
	}
	return failed, found
}

// A FixedFile is one file a suggested fix edits: its content as analyzed
// and as -fix would write it for this fix alone (edits applied, gofmt'd,
// CRLF and byte-order mark kept).
type FixedFile struct {
	Name     string
	Old, New []byte
}

// ApplyFix computes the files fix changes, reading them from disk. It
// fails when a file cannot be read or changed since it was parsed (its
// size differs): then the fix's offsets no longer mean anything.
func ApplyFix(fset *token.FileSet, fix analysis.SuggestedFix) ([]FixedFile, error) {
	byFile := make(map[*token.File][]udiff.Edit)
	var order []*token.File
	for _, e := range fix.TextEdits {
		tf := fset.File(e.Pos)
		if tf == nil {
			return nil, fmt.Errorf("fix %q: edit at an unknown position", fix.Message)
		}
		if _, ok := byFile[tf]; !ok {
			order = append(order, tf)
		}
		byFile[tf] = append(byFile[tf], udiff.Edit{Start: tf.Offset(e.Pos), End: tf.Offset(e.End), New: string(e.NewText)})
	}
	var out []FixedFile
	for _, tf := range order {
		old, err := os.ReadFile(tf.Name())
		if err != nil {
			return nil, err
		}
		if tf.Size() != len(old) {
			return nil, fmt.Errorf("%s changed since it was analyzed", tf.Name())
		}
		edits := slices.Clone(byFile[tf])
		udiff.SortEdits(edits)
		fixed, err := udiff.ApplyBytes(old, edits)
		if err != nil {
			return nil, fmt.Errorf("fix %q: %v", fix.Message, err)
		}
		if formatted, err := format.Source(fixed); err == nil {
			fixed = formatted
		}
		out = append(out, FixedFile{tf.Name(), old, keepStyle(old, fixed)})
	}
	return out, nil
}
