package analysisutil

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IgnoreDirective is the comment that silences maplint findings:
//
//	//maplint:ignore makecap,hotmap the growth is what this test measures
//	//maplint:ignore * reason
//
// on the reported line or on its own line just above it. The analyzer list
// and a reason are required, as with staticcheck's //lint:ignore, so a
// silenced finding explains itself. golangci-lint users can also write
// //nolint:maplint.
const IgnoreDirective = "//maplint:ignore "

// WithIgnores returns a copy of pass whose Report drops the diagnostics
// that an IgnoreDirective names. Files are scanned only when a diagnostic
// is reported, so clean packages pay nothing.
func WithIgnores(pass *analysis.Pass) *analysis.Pass {
	p := *pass
	var ignored map[token.Position]bool // file and line, Column 0
	p.Report = func(d analysis.Diagnostic) {
		if ignored == nil {
			ignored = ignoredLines(pass)
		}
		pos := pass.Fset.Position(d.Pos)
		if pos.IsValid() && ignored[token.Position{Filename: pos.Filename, Line: pos.Line}] {
			return
		}
		pass.Report(d)
	}
	return &p
}

// ignoredLines returns the lines that a directive naming pass's analyzer
// silences: its own line and the next.
func ignoredLines(pass *analysis.Pass) map[token.Position]bool {
	lines := make(map[token.Position]bool)
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, IgnoreDirective)
				if !ok {
					continue
				}
				fields := strings.Fields(rest)
				if len(fields) < 2 { // no reason given: not a directive
					continue
				}
				names := strings.Split(fields[0], ",")
				if !slices.Contains(names, pass.Analyzer.Name) && !slices.Contains(names, "*") {
					continue
				}
				pos := pass.Fset.Position(c.Pos())
				lines[token.Position{Filename: pos.Filename, Line: pos.Line}] = true
				lines[token.Position{Filename: pos.Filename, Line: pos.Line + 1}] = true
			}
		}
	}
	return lines
}
