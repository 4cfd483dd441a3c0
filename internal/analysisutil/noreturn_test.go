package analysisutil

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestNoReturn checks the no-return table against GOROOT's doc comments:
// each function or method says it exits the program or the goroutine, or
// panics (directly or through FailNow/SkipNow); testing.TB lists the same
// methods as testing.common.
func TestNoReturn(t *testing.T) {
	says := regexp.MustCompile(`os\.Exit|runtime\.Goexit|call to panic|FailNow|SkipNow|program to exit|terminates the goroutine`)
	check := func(pkg, recv string, names []string) {
		docs := docComments(t, pkg, recv)
		for _, name := range names {
			doc, ok := docs[name]
			if !ok {
				t.Errorf("%s.%s%s: no such documented function", pkg, recv, name)
			} else if !says.MatchString(strings.Join(strings.Fields(doc), " ")) {
				t.Errorf("%s.%s%s: doc does not say it never returns: %q", pkg, recv, name, doc)
			}
		}
	}
	for pkg, names := range noReturnFuncs {
		check(pkg, "", names)
	}
	for _, m := range noReturnMethods {
		if m.typ == "TB" {
			continue // interface methods: no doc of their own
		}
		check(m.pkg, m.typ, m.names)
	}
	var common, tb []string
	for _, m := range noReturnMethods {
		switch m.typ {
		case "common":
			common = m.names
		case "TB":
			tb = m.names
		}
	}
	if !slices.Equal(common, tb) {
		t.Errorf("testing.TB lists %v, testing.common %v", tb, common)
	}
}

// docComments returns the doc comments of the functions of the standard
// package pkg (recv "") or of the methods of its type recv.
func docComments(t *testing.T, pkg, recv string) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(runtime.GOROOT(), "src", pkg, "*.go"))
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
			if !ok || fd.Doc == nil || (fd.Recv == nil) != (recv == "") {
				continue
			}
			if fd.Recv != nil {
				typ := fd.Recv.List[0].Type
				if star, ok := typ.(*ast.StarExpr); ok {
					typ = star.X
				}
				if id, ok := typ.(*ast.Ident); !ok || id.Name != recv {
					continue
				}
			}
			docs[fd.Name.Name] += fd.Doc.Text()
		}
	}
	return docs
}
