package loops

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
)

// VarDecl is the declaration of one variable, where makecap and hotmap
// look for a slice or map that a loop then fills: x := v, var x = v,
// var x T, or var x T followed by x = v (Assigned). In a statement that
// declares several names, Name is one of them (Spec.Names or the
// assignment's Lhs hold the others).
type VarDecl struct {
	Cur   inspector.Cursor // the statement
	Stmt  ast.Stmt         // *ast.AssignStmt or *ast.DeclStmt
	Spec  *ast.ValueSpec   // the var form, else nil
	Name  *ast.Ident
	Value ast.Expr // nil for var x T
	// Go121Builtins reports whether the file may use the max, min and
	// clear builtins (Go 1.21), which some fixes need.
	Go121Builtins bool
	// Assigned: Stmt is the "x = v" right after "var x T" (Name's spec):
	// x starts there as it would with x := v. Stmt alone does not
	// declare x, so a fix must not move or delete it.
	Assigned bool
}

// VarDecls yields the variable declarations in the package's files, one
// per name (a, b := x, y and var a, b T give two), skipping generated
// files and names without a value of their own (a, b := f()).
func VarDecls(pass *analysis.Pass) iter.Seq[VarDecl] {
	return func(yield func(VarDecl) bool) {
		in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		generated := analysisutil.GeneratedFiles(pass)
		for fc := range in.Root().Children() {
			file, ok := fc.Node().(*ast.File)
			if !ok || generated[pass.Fset.File(file.Pos())] {
				continue
			}
			go121 := analysisutil.FileUsesGoVersion(pass.TypesInfo, file, "go1.21")
			for cur := range fc.Preorder((*ast.AssignStmt)(nil), (*ast.DeclStmt)(nil)) {
				switch s := cur.Node().(type) {
				case *ast.AssignStmt:
					if s.Tok != token.DEFINE || len(s.Lhs) != len(s.Rhs) {
						continue // a, b := f(): no value per name
					}
					for i, lhs := range s.Lhs {
						if id, ok := lhs.(*ast.Ident); ok {
							if !yield(VarDecl{Cur: cur, Stmt: s, Name: id, Value: s.Rhs[i], Go121Builtins: go121}) {
								return
							}
						}
					}
				case *ast.DeclStmt:
					g, ok := s.Decl.(*ast.GenDecl)
					if !ok || g.Tok != token.VAR {
						continue
					}
					for _, spec := range g.Specs {
						vs, ok := spec.(*ast.ValueSpec)
						if !ok || (len(vs.Values) > 0 && len(vs.Values) != len(vs.Names)) {
							continue // var a, b = f(): no value per name
						}
						// var a, b []T: each name as if it had its own spec.
						for i, name := range vs.Names {
							var value ast.Expr
							if len(vs.Values) > 0 {
								value = vs.Values[i]
							}
							if !yield(VarDecl{Cur: cur, Stmt: s, Spec: vs, Name: name, Value: value, Go121Builtins: go121}) {
								return
							}
							if value == nil {
								if d, ok := assignedNext(pass.TypesInfo, cur, name); ok {
									d.Go121Builtins = go121
									if !yield(d) {
										return
									}
								}
							}
						}
					}
				}
			}
		}
	}
}

// assignedNext returns "name = v" when it is the statement right after
// the declaration at cur: var m map[K]V; m = make(map[K]V) is m := make(...).
func assignedNext(info *types.Info, cur inspector.Cursor, name *ast.Ident) (VarDecl, bool) {
	next, ok := cur.NextSibling()
	if !ok {
		return VarDecl{}, false
	}
	as, ok := next.Node().(*ast.AssignStmt)
	obj := info.Defs[name]
	if !ok || obj == nil || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !IsObj(info, as.Lhs[0], obj) {
		return VarDecl{}, false
	}
	return VarDecl{Cur: next, Stmt: as, Name: name, Value: as.Rhs[0], Assigned: true}, true
}
