// Package stddoc reads the doc comments of the standard library in
// GOROOT, for the tests that check maplint's tables of standard APIs
// against their documentation.
package stddoc

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Docs returns the doc comments, spaces normalized, of the exported
// functions of the standard package path (recv "") or of the exported
// methods of its type recv (pointer or value receiver), by name.
func Docs(t testing.TB, path, recv string) map[string]string {
	t.Helper()
	dir := filepath.Join(runtime.GOROOT(), "src", path)
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	docs := make(map[string]string)
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() || fd.Doc == nil || (fd.Recv == nil) != (recv == "") {
				continue
			}
			if fd.Recv != nil && receiver(fd.Recv.List[0].Type) != recv {
				continue
			}
			docs[fd.Name.Name] += strings.Join(strings.Fields(fd.Doc.Text()), " ")
		}
	}
	return docs
}

// receiver returns the name of a receiver's type, T or *T.
func receiver(e ast.Expr) string {
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
