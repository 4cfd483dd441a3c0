package newmap

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"testing"
)

// TestAPITables checks newmap's lists of standard-library APIs against
// their documentation in GOROOT: every method of *sync.Map is a writer
// exactly when its doc says it stores, sets or swaps, and every listed
// maps function says it returns a copy or a new map.
func TestAPITables(t *testing.T) {
	docs := funcDocs(t, "sync", "Map")
	if len(docs) < 8 {
		t.Fatalf("found %d methods of *sync.Map", len(docs))
	}
	writes := regexp.MustCompile(`\b(stores|sets|swaps)\b`)
	for name, doc := range docs {
		if got, want := slices.Contains(syncMapWriters, name), writes.MatchString(doc); got != want {
			t.Errorf("(*sync.Map).%s: in syncMapWriters %v, doc says it writes %v: %q", name, got, want, doc)
		}
	}
	docs = funcDocs(t, "maps", "")
	fresh := regexp.MustCompile(`\b(a copy|a new map)\b`)
	for _, name := range freshMapFuncs {
		if doc, ok := docs[name]; !ok || !fresh.MatchString(doc) {
			t.Errorf("maps.%s (in freshMapFuncs): doc %q does not say it returns a new map", name, doc)
		}
	}
}

// funcDocs returns the doc comments of the exported functions of the
// standard package path (recv "") or of the methods of its type recv.
func funcDocs(t *testing.T, path, recv string) map[string]string {
	t.Helper()
	dir := filepath.Join(runtime.GOROOT(), "src", path)
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	docs := make(map[string]string)
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() || fd.Doc == nil || (fd.Recv == nil) != (recv == "") {
				continue
			}
			if fd.Recv != nil {
				star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
				if !ok {
					continue
				}
				if id, ok := star.X.(*ast.Ident); !ok || id.Name != recv {
					continue
				}
			}
			docs[fd.Name.Name] += fd.Doc.Text()
		}
	}
	return docs
}
