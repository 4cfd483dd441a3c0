package analysisutil_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
)

// TestRefs: a declaration's index gives, for every object, the uses a
// walk of the declaration finds, in order, by range, and its declaring
// identifier; an embedded field's name counts for both its type and its
// field.
func TestRefs(t *testing.T) {
	const src = `package p

type T struct{ M }

type M map[string]int

func f(m M, n int) (t T) {
	for i := range n {
		m[string(rune(i))] = i
		g := func() { t.M = m }
		g()
	}
	return
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	for d := range inspector.New([]*ast.File{f}).Root().Preorder((*ast.GenDecl)(nil), (*ast.FuncDecl)(nil)) {
		r := analysisutil.NewRefs(info, d)
		decl := d.Node()
		want := make(map[types.Object][]*ast.Ident)
		defs := make(map[types.Object]*ast.Ident)
		ast.Inspect(decl, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if obj := info.Uses[id]; obj != nil {
					want[obj] = append(want[obj], id)
				}
				if obj := info.Defs[id]; obj != nil {
					defs[obj] = id
				}
			}
			return true
		})
		for obj, ids := range want {
			for i, id := range ids {
				got := r.In(obj, id.Pos(), decl.End())
				if len(got) != len(ids)-i || got[0].Node() != id {
					t.Errorf("%s: In(%s) from its use %d: %d uses", fset.Position(id.Pos()), obj.Name(), i, len(got))
				}
				if p, ok := r.Next(obj, id.Pos()-1); !ok || p != id.Pos() {
					t.Errorf("%s: Next(%s) = %v, %v", fset.Position(id.Pos()), obj.Name(), p, ok)
				}
			}
			if got := r.In(obj, ids[len(ids)-1].End(), decl.End()); len(got) != 0 {
				t.Errorf("In(%s) after its last use: %d uses", obj.Name(), len(got))
			}
		}
		for obj, id := range defs {
			if c, ok := r.Def(obj); !ok || c.Node() != id {
				t.Errorf("%s: Def(%s) = %v, %v", fset.Position(id.Pos()), obj.Name(), c, ok)
			}
		}
	}
}

// TestFileUsesGoVersion: x/tools' rule: a file the checker did not see may
// not use Go 1.21; one of unknown version may (a future Go); otherwise the
// language versions compare.
func TestFileUsesGoVersion(t *testing.T) {
	seen, unseen := new(ast.File), new(ast.File)
	for v, want := range map[string]bool{"": true, "go1.20": false, "go1.20.14": false, "go1.21": true, "go1.21rc1": true, "go1.26.8": true, "bad": false} {
		info := &types.Info{FileVersions: map[*ast.File]string{seen: v}}
		if got := analysisutil.FileUsesGoVersion(info, seen, "go1.21"); got != want {
			t.Errorf("file version %q: uses go1.21 = %v, want %v", v, got, want)
		}
		if analysisutil.FileUsesGoVersion(info, unseen, "go1.21") {
			t.Errorf("a file not in FileVersions uses go1.21")
		}
	}
}
