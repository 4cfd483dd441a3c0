// Package analysisutil holds small helpers shared by maplint's analyzers:
// doc extraction, generated-file filtering, map type predicates and
// source rendering for suggested fixes.
package analysisutil

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/analyzers/internal/analysisutil/typeparams"
)

// MustExtractDoc returns the text of the "# Analyzer name" section of a
// package doc comment (doc.go embedded with go:embed), the way
// x/tools' analyzers do, so the doc page and the -help text are one text.
func MustExtractDoc(content, name string) string {
	doc, err := extractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extractDoc(content, name string) (string, error) {
	if content == "" {
		return "", fmt.Errorf("empty Go source file")
	}
	fset := token.NewFileSet()
	f, err := parserParseComments(fset, content)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("Go source file has no package doc comment")
	}
	text := f.Doc.Text()
	_, rest, ok := strings.Cut(text, "\n# Analyzer "+name+"\n")
	if !ok {
		return "", fmt.Errorf("package doc comment contains no '# Analyzer %s' heading", name)
	}
	section, _, _ := strings.Cut(rest, "\n# ")
	section = strings.TrimSpace(section)
	if !strings.HasPrefix(section, name+":") {
		return "", fmt.Errorf("'Analyzer %s' heading not followed by '%s: summary...' line", name, name)
	}
	return section, nil
}

// GeneratedFiles returns the set of pass files that carry the standard
// "// Code generated ... DO NOT EDIT." header. The check is in memory
// (ast.IsGenerated), so no file is read again from disk.
func GeneratedFiles(pass *analysis.Pass) map[*token.File]bool {
	m := make(map[*token.File]bool)
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			m[pass.Fset.File(f.Pos())] = true
		}
	}
	return m
}

// IsMap reports whether t is a map: its underlying type is a map, or it
// is a type parameter whose core type is a map.
func IsMap(t types.Type) bool {
	_, ok := MapOf(t)
	return ok
}

// MapOf returns the map type behind t (see IsMap).
func MapOf(t types.Type) (*types.Map, bool) {
	m, ok := CoreType(t).(*types.Map)
	return m, ok
}

// CoreType returns t's underlying type, or for a type parameter (or a
// constraint interface) the single underlying type of every type in its
// type set: x/tools' core type, with embedded constraints, unions and
// intersections normalized first. It is nil if there is none, or if t is
// nil (incomplete type information).
func CoreType(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return typeparams.CoreType(t)
}

// Render prints an expression as Go source for messages and fixes.
func Render(fset *token.FileSet, n ast.Node) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, n); err != nil {
		return ""
	}
	return buf.String()
}

// IsPkgFunc reports whether obj is the package-level function path.name.
func IsPkgFunc(obj types.Object, path, name string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Name() != name || fn.Pkg().Path() != path {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() == nil
}

// IsNamed reports whether t (or what it points to, if ptr) is the named type path.name.
func IsNamed(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == path && obj.Name() == name
}

// IsPointerTo reports whether t is *path.name.
func IsPointerTo(t types.Type, path, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(p.Elem(), path, name)
}

// IsBuiltin reports whether fun names the builtin function name (len,
// append, make, ...), not a shadowing declaration.
func IsBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// IsZero reports whether e is the constant 0.
func IsZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "0"
}
