package analysisutil

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// PackageRef returns the name by which code written at pos refers to
// the package path, and the edits that import it if file does not yet:
// the name of an existing import of path (renamed or not), or name with
// a new import when name means nothing at pos. ok is false when neither
// holds (name is shadowed or another package's, or path is imported
// only as _ or .): code using the package would not compile there.
// scope is the innermost scope at pos.
func PackageRef(info *types.Info, file *ast.File, scope *types.Scope, pos token.Pos, path, name string) (ref string, edits []analysis.TextEdit, ok bool) {
	if scope == nil || file == nil {
		return "", nil, false
	}
	for _, spec := range file.Imports {
		if p, err := strconv.Unquote(spec.Path.Value); err != nil || p != path {
			continue
		}
		pn := info.PkgNameOf(spec)
		if pn == nil || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if _, obj := scope.LookupParent(pn.Name(), pos); obj == pn {
			return pn.Name(), nil, true
		}
	}
	if _, obj := scope.LookupParent(name, pos); obj != nil {
		return "", nil, false
	}
	imp := strconv.Quote(path)
	// Into a parenthesized import list, else after the last import
	// declaration (never before import "C": it must follow its preamble).
	at, text := file.Name.End(), "\n\nimport "+imp
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		if g.Lparen.IsValid() && len(g.Specs) > 0 && !isImportC(g.Specs[0]) {
			at = g.Specs[0].Pos()
			return name, []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(imp + "\n\t")}}, true
		}
		at, text = g.End(), "\nimport "+imp
	}
	return name, []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}}, true
}

func isImportC(s ast.Spec) bool {
	is, ok := s.(*ast.ImportSpec)
	return ok && is.Path.Value == `"C"`
}
