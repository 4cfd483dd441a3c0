// Package goldentest checks that the golden files of analysistest's
// RunWithSuggestedFixes compile: each package of testdata/src is
// type-checked with its .go.golden files in place of the sources.
package goldentest

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

// Check type-checks testdata/src/<pkg> for each pkg, golden files first.
func Check(t *testing.T, testdata string, pkgs ...string) {
	t.Helper()
	for _, pkg := range pkgs {
		dir := filepath.Join(testdata, "src", pkg)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		var files []*ast.File
		goldens := 0
		for _, e := range entries {
			name := e.Name()
			if !strings.HasSuffix(name, ".go") {
				continue
			}
			path := filepath.Join(dir, name)
			if _, err := os.Stat(path + ".golden"); err == nil {
				path += ".golden"
				goldens++
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Errorf("%s: %v", path, err)
				continue
			}
			files = append(files, f)
		}
		if goldens == 0 {
			t.Errorf("%s: no .go.golden files", dir)
		}
		conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
		if _, err := conf.Check(pkg, fset, files, nil); err != nil {
			t.Errorf("golden files of %s do not compile: %v", pkg, err)
		}
	}
}
