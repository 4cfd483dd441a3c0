package plugin_test

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/analyzers"
)

// TestNogoRequirements checks what drivers other than maplint's own need
// from each analyzer (docs/bazel.md): Bazel's nogo links analyzer packages
// by import path and looks for an exported variable named Analyzer; nogo,
// go vet and golangci-lint's cache serialize facts with encoding/gob.
// (That analyzers keep no mutable global state besides their flags is a
// review rule; it cannot be checked here.)
func TestNogoRequirements(t *testing.T) {
	const module = "github.com/maplint/maplint/"
	for _, a := range analyzers.All() {
		t.Run(a.Name, func(t *testing.T) {
			pkg := runPackage(a)
			rel, ok := strings.CutPrefix(pkg, module)
			if !ok {
				t.Fatalf("Run is in package %q, outside maplint", pkg)
			}
			if !declaresAnalyzerVar(t, filepath.Join(repoRoot(t), filepath.FromSlash(rel))) {
				t.Errorf("package %s declares no exported var Analyzer (nogo needs one)", pkg)
			}
			for _, f := range a.FactTypes {
				gob.Register(f)
				var buf bytes.Buffer
				zero := reflect.New(reflect.TypeOf(f).Elem()).Interface().(analysis.Fact)
				if err := gob.NewEncoder(&buf).Encode(&zero); err != nil {
					t.Errorf("fact %T is not gob-encodable: %v", f, err)
					continue
				}
				var back analysis.Fact
				if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
					t.Errorf("fact %T does not gob-decode: %v", f, err)
				}
			}
		})
	}
}

// runPackage is the import path of the package that defines a.Run.
func runPackage(a *analysis.Analyzer) string {
	name := runtime.FuncForPC(reflect.ValueOf(a.Run).Pointer()).Name() // e.g. ".../newmap.run"
	slash := strings.LastIndex(name, "/")
	dot := strings.Index(name[slash+1:], ".")
	return name[:slash+1+dot]
}

func declaresAnalyzerVar(t *testing.T, dir string) bool {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
					for _, s := range g.Specs {
						for _, n := range s.(*ast.ValueSpec).Names {
							if n.Name == "Analyzer" {
								return true
							}
						}
					}
				}
			}
		}
	}
	return false
}
