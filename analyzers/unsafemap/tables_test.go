package unsafemap

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

// TestAPITables checks atomicWordReads against sync/atomic's doc: the
// listed functions are those on Pointer or Uintptr words whose doc says
// they load *addr or return the previous *addr.
func TestAPITables(t *testing.T) {
	dir := filepath.Join(runtime.GOROOT(), "src", "sync", "atomic")
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	reads := regexp.MustCompile(`atomically loads \*addr|returns the previous \*addr`)
	var got []string
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
			if ok && fd.Recv == nil && fd.Doc != nil && fd.Name.IsExported() &&
				(strings.HasSuffix(fd.Name.Name, "Pointer") || strings.HasSuffix(fd.Name.Name, "Uintptr")) &&
				reads.MatchString(strings.Join(strings.Fields(fd.Doc.Text()), " ")) {
				got = append(got, fd.Name.Name)
			}
		}
	}
	slices.Sort(got)
	if want := slices.Sorted(slices.Values(atomicWordReads)); !slices.Equal(got, want) {
		t.Errorf("sync/atomic's doc: functions that read a Pointer or Uintptr word: %v; atomicWordReads: %v", got, want)
	}
}
