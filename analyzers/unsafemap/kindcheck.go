package unsafemap

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
)

// Kind() checks tell the header-read rule where a reflect.Value,
// reflect.Type or interface is a map:
//
//	if v.Kind() == reflect.Map { here }
//	if v.Kind() != reflect.Map { return }; here, to the end of the block
//	switch v.Kind() { case reflect.Map: here }

// isReflectMapConst reports whether e is the constant reflect.Map.
func (c *checker) isReflectMapConst(e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id = e.Sel
	case *ast.Ident:
		id = e
	default:
		return false
	}
	obj, ok := c.pass.TypesInfo.Uses[id].(*types.Const)
	return ok && obj.Pkg() != nil && obj.Pkg().Path() == "reflect" && obj.Name() == "Map"
}

// A span is the source range where a Kind() check holds.
type span struct{ start, end token.Pos }

// kindTests returns the x.Kind() calls that cond compares with
// reflect.Map: eq holds when cond is true (== conjuncts), neq holds when
// cond is false (!= disjuncts).
func (c *checker) kindTests(cond ast.Expr) (eq, neq []ast.Expr) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil, nil
	}
	switch b.Op {
	case token.LAND:
		eqX, _ := c.kindTests(b.X)
		eqY, _ := c.kindTests(b.Y)
		return append(eqX, eqY...), nil
	case token.LOR:
		_, neqX := c.kindTests(b.X)
		_, neqY := c.kindTests(b.Y)
		return nil, append(neqX, neqY...)
	case token.EQL, token.NEQ:
		var k ast.Expr
		if c.isReflectMapConst(b.Y) {
			k = b.X
		} else if c.isReflectMapConst(b.X) {
			k = b.Y
		} else {
			return nil, nil
		}
		if b.Op == token.EQL {
			return []ast.Expr{k}, nil
		}
		return nil, []ast.Expr{k}
	}
	return nil, nil
}

// ifKindCheck handles "if x.Kind() == reflect.Map { here }",
// "if x.Kind() != reflect.Map { ... } else { here }" and
// "if x.Kind() != reflect.Map { return }; here ... to the end of the block".
func (c *checker) ifKindCheck(cur inspector.Cursor, n *ast.IfStmt) {
	eq, neq := c.kindTests(n.Cond)
	for _, k := range eq {
		c.markKindCheck(k, span{n.Body.Pos(), n.Body.End()})
	}
	if len(neq) == 0 {
		return
	}
	var after span
	if terminates(c.pass.TypesInfo, n.Body) {
		switch p := cur.Parent().Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			after = span{n.End(), p.End()}
		}
	}
	for _, k := range neq {
		if n.Else != nil {
			c.markKindCheck(k, span{n.Else.Pos(), n.Else.End()})
		}
		if after.end.IsValid() {
			c.markKindCheck(k, after)
		}
	}
}

// terminates reports whether block ends with return, break, continue,
// goto or a call that does not return (panic, log.Fatal, t.Fatal, ...:
// analysisutil.NoReturn).
func terminates(info *types.Info, block *ast.BlockStmt) bool {
	if block == nil || len(block.List) == 0 {
		return false
	}
	switch s := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			return analysisutil.NoReturn(info, call)
		}
	}
	return false
}

// switchKindCheck handles "switch x.Kind() { case reflect.Map: here }" and
// "switch { case x.Kind() == reflect.Map: here }". A clause that lists
// other kinds too (case reflect.Map, reflect.Chan) proves nothing.
func (c *checker) switchKindCheck(s *ast.SwitchStmt) {
	if s.Body == nil {
		return
	}
	for _, stmt := range s.Body.List {
		cc, ok := stmt.(*ast.CaseClause)
		if !ok || len(cc.List) != 1 {
			continue
		}
		where := span{cc.Colon, cc.End()}
		if s.Tag != nil {
			if c.isReflectMapConst(cc.List[0]) {
				c.markKindCheck(s.Tag, where)
			}
			continue
		}
		eq, _ := c.kindTests(cc.List[0])
		for _, k := range eq {
			c.markKindCheck(k, where)
		}
	}
}

// markKindCheck records that within where, x (of e = x.Kind()) is, or
// holds, a map.
func (c *checker) markKindCheck(e ast.Expr, where span) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Kind" {
		return
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
		if obj := c.pass.TypesInfo.Uses[id]; obj != nil {
			c.knownMap[obj] = append(c.knownMap[obj], where)
		}
	}
	v := c.classify(sel.X, 0)
	if (v.kind == reflectV || v.kind == reflectT) && v.root != nil {
		c.knownMap[v.root] = append(c.knownMap[v.root], where)
	}
}

// isKnown reports whether v's map-ness is established at pos.
func (c *checker) isKnown(v value, pos token.Pos) bool {
	if v.root == nil {
		return true
	}
	for _, s := range c.knownMap[v.root] {
		if s.start <= pos && pos < s.end {
			return true
		}
	}
	return false
}
