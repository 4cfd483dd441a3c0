package hot

import (
	"go/ast"
	"go/token"
	"strings"
)

// Func identifies, in the terms a pprof profile uses, the Go function that
// encloses a loop: the symbol the compiler gives it and where it is in the
// source.
type Func struct {
	// Pkgs are the symbol prefixes of the package: its import path with
	// the runtime's escaping (a "." in the last path element is "%2e"),
	// plus "main" for a main package (a binary names it "main", a test
	// binary of the same package names it by its import path).
	Pkgs []string
	// Local is the symbol within the package, with type arguments
	// written "[...]": "F", "T.M", "(*T).M", "F[...]", "(*T[...]).M", or
	// "init" for code outside any function declaration (package-level
	// variable initializers).
	Local string
	// File is the source file name; lines are File's lines.
	File string
	// Start and End are the lines of the declaration ("func" to "}").
	Start, End int
}

// Name returns the symbol as a profile would show it (first prefix).
func (f Func) Name() string {
	if len(f.Pkgs) == 0 {
		return f.Local
	}
	return f.Pkgs[0] + "." + f.Local
}

// EnclosingFunc returns the Func of the function declaration in file that
// contains pos. pkgPath and pkgName are the package's import path and name.
func EnclosingFunc(fset *token.FileSet, file *ast.File, pkgPath, pkgName string, pos token.Pos) Func {
	f := Func{Pkgs: []string{pathToPrefix(pkgPath)}, Local: "init"}
	if pkgName == "main" && pkgPath != "main" {
		f.Pkgs = append([]string{"main"}, f.Pkgs...)
	}
	if pkgPath != pathToPrefix(pkgPath) {
		f.Pkgs = append(f.Pkgs, pkgPath) // be lenient with unescaped names
	}
	f.File = fset.Position(pos).Filename
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || pos < fd.Pos() || pos >= fd.End() {
			continue
		}
		f.Local = LocalName(fd)
		f.Start = fset.Position(fd.Pos()).Line
		f.End = fset.Position(fd.End()).Line
		return f
	}
	// Package-level code: the loop is in a function literal of a variable
	// initializer, compiled into init (its closures are init.funcN).
	f.Start = fset.Position(file.FileStart).Line
	f.End = fset.Position(file.FileEnd).Line
	return f
}

// LocalName returns the symbol of fd within its package, as the runtime
// names it with type arguments elided: F, F[...], T.M, (*T).M, (*T[...]).M.
func LocalName(fd *ast.FuncDecl) string {
	name := fd.Name.Name
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		if fd.Type.TypeParams != nil && len(fd.Type.TypeParams.List) > 0 {
			name += "[...]"
		}
		return name
	}
	t := ast.Unparen(fd.Recv.List[0].Type)
	star := false
	if s, ok := t.(*ast.StarExpr); ok {
		star, t = true, ast.Unparen(s.X)
	}
	generic := false
	switch x := t.(type) {
	case *ast.IndexExpr:
		t, generic = x.X, true
	case *ast.IndexListExpr:
		t, generic = x.X, true
	}
	recv := "?"
	if id, ok := t.(*ast.Ident); ok {
		recv = id.Name
	}
	if generic {
		recv += "[...]"
	}
	if star {
		recv = "(*" + recv + ")"
	}
	return recv + "." + name
}

// match reports whether the profile symbol sym belongs to f: it is f itself
// (exact), or a closure or wrapper the compiler made from f's body —
// "F.func1", "F.func1.2", "F.gowrap1", "F.deferwrap1", "init.0", also when
// F was inlined and the name became "Caller.F.func1". binary is set when
// sym matched as "main.": every main package has that prefix.
func (f Func) match(sym string) (ok, exact, binary bool) {
	for i, pkg := range f.Pkgs {
		binary = pkg == "main" && i == 0 && len(f.Pkgs) > 1
		rest, found := strings.CutPrefix(sym, pkg+".")
		if !found {
			continue
		}
		rest = elideTypeArgs(rest)
		if rest == f.Local {
			return true, true, binary
		}
		if f.Local == "init" && strings.HasPrefix(rest, "glob..func") {
			return true, false, binary // closures of variable initializers before Go 1.22
		}
		for i := 0; i+len(f.Local) <= len(rest); {
			j := strings.Index(rest[i:], f.Local)
			if j < 0 {
				break
			}
			j += i
			before := j == 0 || (rest[j-1] == '.' && (j < 2 || rest[j-2] != ')'))
			if before && closureSuffix(rest[j+len(f.Local):]) {
				return true, false, binary
			}
			i = j + 1
		}
	}
	return false, false, false
}

// closureSuffix reports whether s starts a compiler-made name under a
// function: ".funcN", ".gowrapN", ".deferwrapN" or ".N".
func closureSuffix(s string) bool {
	s, ok := strings.CutPrefix(s, ".")
	if !ok {
		return false
	}
	for _, p := range []string{"func", "gowrap", "deferwrap", ""} {
		if r, ok := strings.CutPrefix(s, p); ok && r != "" && r[0] >= '0' && r[0] <= '9' {
			return true
		}
	}
	return false
}

// elideTypeArgs rewrites every bracketed type-argument list to "[...]":
// the runtime writes an instantiation as F[go.shape.int] or F[...].
func elideTypeArgs(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '[':
			if depth == 0 {
				b.WriteString("[...]")
			}
			depth++
		case c == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// pathToPrefix escapes an import path as the linker does in symbol names
// (cmd/internal/objabi.PathToPrefix): control characters, space, '%', '"',
// non-ASCII bytes, and '.' in the last path element become %xx.
func pathToPrefix(s string) string {
	slash := strings.LastIndex(s, "/")
	esc := func(r int) bool {
		c := s[r]
		return c <= ' ' || (c == '.' && r > slash) || c == '%' || c == '"' || c >= 0x7F
	}
	var b strings.Builder
	for r := 0; r < len(s); r++ {
		if esc(r) {
			const hex = "0123456789abcdef"
			b.WriteByte('%')
			b.WriteByte(hex[s[r]>>4])
			b.WriteByte(hex[s[r]&0xF])
		} else {
			b.WriteByte(s[r])
		}
	}
	return b.String()
}

// sameFile reports whether a profile's file name and a local file name
// can be the same source file: their common path suffix includes the base
// name. Profiles carry the build machine's paths (or module-relative ones
// under -trimpath), so only the tail can be compared; the function symbol,
// which holds the package path, does the rest.
func sameFile(profileFile, localFile string) bool {
	a, b := baseName(profileFile), baseName(localFile)
	return a != "" && a == b
}

// baseName is the last element of a slash- or backslash-separated path
// (profiles may come from another OS).
func baseName(file string) string {
	return file[strings.LastIndexAny(file, `/\`)+1:]
}
