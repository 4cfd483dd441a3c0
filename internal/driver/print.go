package driver

// The text and JSON output are byte for byte those of multichecker
// (x/tools go/analysis/checker print.go and internal driverutil), which
// scripts, editors and maplint's own tests parse.
// The one addition is -json's "hot", present only on findings a profile
// weighed (internal/hot).

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/hot"
)

// A finding is a root's diagnostic.
type finding struct {
	u *Unit
	d analysis.Diagnostic
}

// findings returns the units that failed and the roots' diagnostics, in
// output order. A diagnostic in a file of both p and p's test variant is
// returned once (same position, end, analyzer and message).
func findings(res *Result) (failed []*Unit, found []finding) {
	type key struct {
		pos, end token.Position
		*analysis.Analyzer
		message string
	}
	seen := make(map[key]bool)
	for _, u := range res.All {
		if u.Err != nil {
			failed = append(failed, u)
			continue
		}
		if !u.IsRoot {
			continue
		}
		fset := u.Package.Fset
		for _, d := range u.Diagnostics {
			k := key{fset.Position(d.Pos), fset.Position(d.End), u.Analyzer, d.Message}
			if !seen[k] {
				seen[k] = true
				found = append(found, finding{u, d})
			}
		}
	}
	return failed, found
}

// printText writes the errors of failed units, then the findings as
// "file:line:col: message" (related information as "file:line:col: \tmsg"),
// each with contextLines lines around it when contextLines >= 0.
func printText(w io.Writer, res *Result, contextLines int) error {
	failed, found := findings(res)
	var buf bytes.Buffer
	for _, u := range failed {
		fmt.Fprintf(&buf, "%s: %v\n", u.Analyzer.Name, u.Err)
	}
	for _, f := range found {
		printPlain(&buf, f.u.Package.Fset, contextLines, f.d)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func printPlain(out io.Writer, fset *token.FileSet, contextLines int, d analysis.Diagnostic) {
	print := func(pos, end token.Pos, message string) {
		posn := fset.Position(pos)
		fmt.Fprintf(out, "%s: %s\n", posn, message)
		if contextLines < 0 {
			return
		}
		endPosn := fset.Position(end)
		if !endPosn.IsValid() {
			endPosn = posn
		}
		data, _ := os.ReadFile(posn.Filename)
		lines := strings.Split(string(data), "\n")
		for i := posn.Line - contextLines; i <= endPosn.Line+contextLines; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(out, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	print(d.Pos, d.End, d.Message)
	for _, rel := range d.Related {
		print(rel.Pos, rel.End, "\t"+rel.Message)
	}
}

// exitCode is multichecker's: 1 if any unit failed, else 3 if a root
// reported something, else 0.
func exitCode(res *Result) int {
	var errs, diags int
	for _, u := range res.All {
		if u.Err != nil {
			errs++
		} else if u.IsRoot {
			diags += len(u.Diagnostics)
		}
	}
	switch {
	case errs > 0:
		return 1
	case diags > 0:
		return 3
	}
	return 0
}

// The JSON document: {"package ID": {"analyzer": [diagnostic...] or {"error": "..."}}}.
type (
	jsonTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []jsonTextEdit `json:"edits"`
	}
	jsonDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated      `json:"related,omitempty"`
		Hot            *jsonHot           `json:"hot,omitempty"`
	}
	// jsonHot is the weight of a loop finding weighed by a profile, the
	// numbers of the message's "hot: ..." as shares from 0 to 1.
	jsonHot struct {
		Cum       float64 `json:"cum"`
		Flat      float64 `json:"flat"`
		Growth    float64 `json:"growth"`
		GrowthOf  string  `json:"growth_of,omitempty"` // the variable; "" when growth covers the loop's every line
		WholeFunc bool    `json:"whole_function,omitempty"`
		Profile   string  `json:"profile"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

func printJSON(w io.Writer, res *Result) error {
	tree := make(map[string]map[string]any)
	for _, u := range res.All {
		var v any
		if u.Err != nil {
			v = jsonError{u.Err.Error()}
		} else if u.IsRoot && len(u.Diagnostics) > 0 {
			list := make([]jsonDiagnostic, 0, len(u.Diagnostics))
			for _, d := range u.Diagnostics {
				list = append(list, toJSON(u.Package.Fset, d))
			}
			v = list
		}
		if v == nil {
			continue
		}
		m, ok := tree[u.Package.ID]
		if !ok {
			m = make(map[string]any)
			tree[u.Package.ID] = m
		}
		m[u.Analyzer.Name] = v
	}
	return writeJSON(w, tree)
}

func toJSON(fset *token.FileSet, d analysis.Diagnostic) jsonDiagnostic {
	fixes := make([]jsonSuggestedFix, 0, len(d.SuggestedFixes)) // omitempty: none prints as before
	for _, fix := range d.SuggestedFixes {
		//maplint:ignore makecap a fix without edits prints "edits": null, as multichecker's JSON does
		var edits []jsonTextEdit
		for _, e := range fix.TextEdits {
			edits = append(edits, jsonTextEdit{
				Filename: fset.Position(e.Pos).Filename,
				Start:    fset.Position(e.Pos).Offset,
				End:      fset.Position(e.End).Offset,
				New:      string(e.NewText),
			})
		}
		fixes = append(fixes, jsonSuggestedFix{fix.Message, edits})
	}
	related := make([]jsonRelated, 0, len(d.Related)) // omitempty: none prints as before
	for _, r := range d.Related {
		related = append(related, jsonRelated{
			Posn:    fset.Position(r.Pos).String(),
			End:     fset.Position(cmp.Or(r.End, r.Pos)).String(),
			Message: r.Message,
		})
	}
	var weight *jsonHot
	if w, ok := hot.WeightOf(d); ok {
		weight = &jsonHot{w.Cum, w.Flat, w.Growth, w.GrowthOf, w.WholeFunc, w.Profile}
	}
	return jsonDiagnostic{
		Hot:            weight,
		Category:       d.Category,
		Posn:           fset.Position(d.Pos).String(),
		End:            fset.Position(cmp.Or(d.End, d.Pos)).String(),
		Message:        d.Message,
		SuggestedFixes: fixes,
		Related:        related,
	}
}

func writeJSON(w io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
