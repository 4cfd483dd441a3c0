// Package golden proves that suggested-fix golden files compile:
// analysistest.RunWithSuggestedFixes compares text only.
package golden

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TypeCheck type-checks, for each package directory under
// testdata/src/<pkg>, the package formed by its .go.golden files (in
// place of their .go files) plus its other .go files. Imports resolve
// against the standard library from source.
func TypeCheck(t *testing.T, testdata string, pkgs ...string) {
	t.Helper()
	for _, pkg := range pkgs {
		dir := filepath.Join(testdata, "src", pkg)
		goldens, _ := filepath.Glob(filepath.Join(dir, "*.go.golden"))
		if len(goldens) == 0 {
			t.Errorf("%s: no .go.golden files", dir)
			continue
		}
		fset := token.NewFileSet()
		var files []*ast.File
		srcs, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, src := range srcs {
			name := src
			if _, err := os.Stat(src + ".golden"); err == nil {
				name = src + ".golden"
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				t.Errorf("%v", err)
				continue
			}
			files = append(files, f)
		}
		conf := types.Config{
			Importer:  importer.ForCompiler(fset, "source", nil),
			GoVersion: "go1.26",
			Error:     func(err error) { t.Errorf("golden file does not compile: %v", err) },
		}
		_, _ = conf.Check(strings.ReplaceAll(pkg, "/", "_"), fset, files, nil)
	}
}
