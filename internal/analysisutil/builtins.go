package analysisutil

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"go/version"
)

// UnavailableBuiltin returns the first builtin function that code (a Go
// expression that a fix or a message writes at pos) calls and that does
// not mean the builtin there, or "": a name shadowed in scope at pos (a
// package-level func max, a parameter len, a local make := ...), or max,
// min or clear in a file whose Go version is older than 1.21 (go121
// false). Such text does not compile where it lands, so it must not be
// fixed in nor suggested. scope is the innermost scope at pos
// (pkg.Scope().Innermost(pos)).
func UnavailableBuiltin(scope *types.Scope, pos token.Pos, go121 bool, code string) string {
	e, err := parser.ParseExpr(code)
	if err != nil || scope == nil {
		return "?" // nothing written can be vouched for
	}
	bad := ""
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || bad != "" {
			return bad == ""
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			return true
		}
		builtin, ok := types.Universe.Lookup(id.Name).(*types.Builtin)
		if !ok {
			return true
		}
		if _, obj := scope.LookupParent(id.Name, pos); obj != builtin {
			bad = id.Name
		} else if !go121 && (id.Name == "max" || id.Name == "min" || id.Name == "clear") {
			bad = id.Name
		}
		return bad == ""
	})
	return bad
}

// WhyUnavailable says, for a message, why the builtin name (from
// UnavailableBuiltin) cannot be written.
func WhyUnavailable(name string, go121 bool) string {
	switch {
	case name == "?":
		return "the code could not be checked"
	case !go121 && (name == "max" || name == "min" || name == "clear"):
		return name + " needs Go 1.21 and this file's Go version is older"
	}
	return name + " is not the builtin here"
}

// FileUsesGoVersion reports whether file may use the features of Go
// version v ("go1.21"), as x/tools' analyzerutil.FileUsesGoVersion does:
// a file the type checker did not see may not; one of unknown version ("")
// may, as x/tools takes an unknown version for a future one
// (versions.Future). maplint's driver gives every type-checked package a
// version, as go vet does (driver.setFileVersions); analysistest and the
// golangci-lint plugin leave std and GOPATH packages unknown. (x/tools also
// holds the packages that bootstrap the toolchain to the bootstrap Go,
// 1.24 for Go 1.26: no difference for the go1.21 builtins asked here.)
func FileUsesGoVersion(info *types.Info, file *ast.File, v string) bool {
	fv, ok := info.FileVersions[file]
	if !ok {
		return false
	}
	return fv == "" || version.Compare(version.Lang(fv), version.Lang(v)) >= 0
}
