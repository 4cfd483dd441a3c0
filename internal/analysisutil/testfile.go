package analysisutil

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IsTestFile reports whether pos is in a _test.go file. It reads the
// file's real name: fset.Position(pos).Filename follows //line
// directives, which generators and test helpers use to name other files.
// Every maplint rule that treats tests differently asks this one function.
func IsTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// TestsFlag registers a's -tests flag, off by default, which turns its
// advice rules back on in _test.go files. One name for every analyzer
// that has one, so the CLI flag (-<analyzer>.tests) and the golangci-lint
// setting (<analyzer>: {tests: true}) read the same everywhere.
func TestsFlag(a *analysis.Analyzer, p *bool, usage string) {
	a.Flags.BoolVar(p, "tests", false, usage)
}
