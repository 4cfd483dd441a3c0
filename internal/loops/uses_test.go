package loops_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/loops"
)

const scopes = `package p

func f(xs []int) (n int) {
	for i, x := range xs {
		if y := x; y > 0 {
			n += y + i
		} else {
			switch z := y; z {
			case 1:
				g := func(a int) int { { b := a; return b } }
				n += g(z)
			default:
			}
		}
	}
	var m = map[int]int{}
	m[1]++
	p := &n
	_ = p
	return
}

type T struct{}

func (t *T) M() { for range 3 { select { default: } } }
`

// uses type-checks src and returns the index UsesAnalyzer builds for it.
func uses(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Package, *types.Info, *loops.Uses) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{},
		Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{}}
	pkg, err := (&types.Config{Importer: importer.ForCompiler(fset, "source", nil)}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	res, err := loops.UsesAnalyzer.Run(&analysis.Pass{Files: []*ast.File{f}, TypesInfo: info, Pkg: pkg,
		ResultOf: map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New([]*ast.File{f})}})
	if err != nil {
		t.Fatal(err)
	}
	return fset, f, pkg, info, res.(*loops.Uses)
}

// TestInnermost: the index's binary search finds the scope go/types'
// Innermost finds, at every position of a file with nested scopes.
func TestInnermost(t *testing.T) {
	fset, f, pkg, _, u := uses(t, scopes)
	for pos := f.FileStart; pos <= f.FileEnd; pos++ {
		if got, want := u.Innermost(pos), pkg.Scope().Innermost(pos); got != want {
			t.Errorf("%s: Innermost = %v, want %v", fset.Position(pos), got, want)
		}
	}
}

// TestUsesWritten: the writes of the index are those Assigns sees, use
// by use.
func TestUsesWritten(t *testing.T) {
	_, f, _, info, u := uses(t, scopes)
	for id, obj := range info.Uses {
		if _, ok := obj.(*types.Var); !ok {
			continue
		}
		// Assigns on the innermost statement around the use.
		var stmt ast.Stmt
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || n.Pos() > id.Pos() || n.End() <= id.Pos() {
				return false
			}
			if s, ok := n.(ast.Stmt); ok {
				if _, block := s.(*ast.BlockStmt); !block {
					stmt = s
				}
			}
			return true
		})
		if stmt == nil {
			continue
		}
		want := loops.Assigns(info, stmt, []types.Object{obj})
		if got := u.Written([]types.Object{obj}, stmt.Pos(), stmt.End()); got != want {
			t.Errorf("%s in %T at %d: Written = %v, Assigns = %v", id.Name, stmt, stmt.Pos(), got, want)
		}
	}
}

const using = `package p

func f(xs []int) (n int) {
	var s []int
	n++
	s = append(s, 1)
	n++
	if n > 0 {
		s = append(s, 2)
	}
	n++
	return len(s)
}
`

// TestUsing checks that Using yields exactly the statements of a list
// that mention the object, in order, from a position on, and stops when
// the consumer does.
func TestUsing(t *testing.T) {
	fset, f, _, info, u := uses(t, using)
	body := f.Decls[0].(*ast.FuncDecl).Body
	var s types.Object
	for id, o := range info.Defs {
		if id.Name == "s" {
			s = o
		}
	}
	lines := func(from token.Pos, limit int) []int {
		var got []int
		for st := range u.Using(body.List, s, from) {
			got = append(got, fset.Position(st.Pos()).Line)
			if len(got) == limit {
				break
			}
		}
		return got
	}
	if got, want := lines(body.List[0].End(), 10), []int{6, 8, 12}; !slices.Equal(got, want) {
		t.Errorf("Using from the declaration: lines %v, want %v", got, want)
	}
	if got, want := lines(body.List[2].End(), 10), []int{8, 12}; !slices.Equal(got, want) {
		t.Errorf("Using after the first append: lines %v, want %v", got, want)
	}
	if got, want := lines(body.List[0].End(), 1), []int{6}; !slices.Equal(got, want) {
		t.Errorf("Using stopped after one: lines %v, want %v", got, want)
	}
}

// TestUsesIn: asking the index whether a statement or expression refers
// to an object answers what a walk of it does (In replaced such walks),
// for every one in the bodies of a file with closures, nested scopes and
// two declarations.
func TestUsesIn(t *testing.T) {
	for _, src := range []string{scopes, using} {
		fset, f, _, info, u := uses(t, src)
		objs := make(map[types.Object]bool)
		for _, obj := range info.Uses {
			objs[obj] = true
		}
		var check func(n ast.Node) bool
		check = func(n ast.Node) bool {
			switch n.(type) {
			case ast.Stmt, ast.Expr:
			default:
				return n != nil
			}
			for obj := range objs {
				walked := false
				ast.Inspect(n, func(m ast.Node) bool {
					id, ok := m.(*ast.Ident)
					walked = walked || ok && info.Uses[id] == obj
					return !walked
				})
				if got := u.In(obj, n.Pos(), n.End()); got != walked {
					t.Errorf("%s: %T refers to %s: In = %v, walk = %v", fset.Position(n.Pos()), n, obj.Name(), got, walked)
				}
			}
			return true
		}
		for _, d := range f.Decls {
			if d, ok := d.(*ast.FuncDecl); ok {
				ast.Inspect(d.Body, check)
			}
		}
	}
}

// TestUsesNext: within each declaration, Next finds every use of every
// object, in order, whatever its kind (variables, functions, types,
// constants, builtins, packages).
func TestUsesNext(t *testing.T) {
	_, f, _, info, u := uses(t, scopes+`
const c = 1

func h() int { return c + len(fmtName) + f(nil) }

var fmtName = "x"
`)
	kinds := make(map[string]bool)
	for _, d := range f.Decls {
		want := make(map[types.Object][]token.Pos)
		for id, obj := range info.Uses {
			if d.Pos() <= id.Pos() && id.Pos() < d.End() {
				want[obj] = append(want[obj], id.Pos())
			}
		}
		for obj, list := range want {
			slices.Sort(list)
			var got []token.Pos
			for pos := d.Pos(); ; {
				p, ok := u.Next(obj, pos)
				if !ok || p >= d.End() {
					break
				}
				got = append(got, p)
				pos = p + 1
			}
			if !slices.Equal(got, list) {
				t.Errorf("uses of %v: %v, want %v", obj, got, list)
			}
			kinds[fmt.Sprintf("%T", obj)] = true
		}
	}
	for _, k := range []string{"*types.Var", "*types.Func", "*types.Const", "*types.TypeName", "*types.Builtin"} {
		if !kinds[k] {
			t.Errorf("no use of a %s in the test: %v", k, kinds)
		}
	}
}
