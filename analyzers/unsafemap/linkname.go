package unsafemap

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The linkname rule reports a //go:linkname pull of a runtime or reflect
// map function, on the declaration it binds:
//
//	//go:linkname mapaccess1 runtime.mapaccess1
//	func mapaccess1(t, h, key unsafe.Pointer) unsafe.Pointer // rejected by the linker since Go 1.24
//
// and is silent for the push form (a function with a body) and for
// non-map symbols.

// linkStatus is what the linker does with a //go:linkname pull of a
// symbol. The table below was measured by building one small program per
// symbol (importing reflect and maps) with go1.22.12, go1.23.12,
// go1.24.13, go1.25.7 and go1.26.8: the statuses are the same for 1.24
// through 1.26; go1.22 links all of them but mapIterStart/mapIterNext
// (not defined yet), go1.23 all but those two and reflect.mapassign_faststr.
// TestLinknameTable rebuilds them with the installed toolchain.
type linkStatus int

const (
	// links: the runtime still defines and pushes the symbol (kept for
	// existing users, go.dev/issue/67401), but it works on Swiss-table
	// types since Go 1.24.
	links linkStatus = iota + 1
	// rejected: "invalid reference": the linker's -checklinkname check
	// (Go 1.23+) refuses a pull of this internal symbol; for most map
	// functions since Go 1.24, when the Swiss-table runtime stopped
	// pushing them.
	rejected
)

// A mapSymbol is a runtime or reflect map function reached by //go:linkname.
type mapSymbol struct {
	status linkStatus
	family string // access, assign, delete, iter, len, make, clear, clone
	// for links: what changed in Go 1.24; for rejected: the first Go
	// version whose linker rejects it
	changed string
}

// mapSymbols is keyed by the linkname target ("runtime.mapaccess1").
var mapSymbols = map[string]mapSymbol{
	"runtime.makemap":             {links, "make", "it takes and returns *maps.Map, not *hmap"},
	"runtime.makemap_small":       {links, "make", "it returns *maps.Map, not *hmap"},
	"runtime.makemap64":           {rejected, "make", "1.24"},
	"runtime.mapaccess1":          {rejected, "access", "1.24"},
	"runtime.mapaccess1_fast32":   {rejected, "access", "1.24"},
	"runtime.mapaccess1_fast64":   {rejected, "access", "1.24"},
	"runtime.mapaccess1_faststr":  {rejected, "access", "1.24"},
	"runtime.mapaccess1_fat":      {rejected, "access", "1.24"},
	"runtime.mapaccess2_fat":      {rejected, "access", "1.24"},
	"runtime.mapaccess2":          {links, "access", "it takes *maps.Map, not *hmap"},
	"runtime.mapaccess2_fast32":   {links, "access", "it takes *maps.Map, not *hmap"},
	"runtime.mapaccess2_fast64":   {links, "access", "it takes *maps.Map, not *hmap"},
	"runtime.mapaccess2_faststr":  {links, "access", "it takes *maps.Map, not *hmap"},
	"runtime.mapassign":           {links, "assign", "it takes *maps.Map, not *hmap"},
	"runtime.mapassign_fast32":    {links, "assign", "it takes *maps.Map, not *hmap"},
	"runtime.mapassign_fast32ptr": {links, "assign", "it takes *maps.Map, not *hmap"},
	"runtime.mapassign_fast64":    {links, "assign", "it takes *maps.Map, not *hmap"},
	"runtime.mapassign_fast64ptr": {links, "assign", "it takes *maps.Map, not *hmap"},
	"runtime.mapassign_faststr":   {links, "assign", "it takes *maps.Map, not *hmap"},
	"runtime.mapdelete":           {links, "delete", "it takes *maps.Map, not *hmap"},
	"runtime.mapdelete_fast32":    {rejected, "delete", "1.24"},
	"runtime.mapdelete_fast64":    {rejected, "delete", "1.24"},
	"runtime.mapdelete_faststr":   {rejected, "delete", "1.24"},
	"runtime.mapiterinit":         {links, "iter", iterChange},
	"runtime.mapiternext":         {links, "iter", iterChange},
	"runtime.mapIterStart":        {rejected, "iter", "1.24"},
	"runtime.mapIterNext":         {rejected, "iter", "1.24"},
	"runtime.mapclear":            {rejected, "clear", "1.24"},
	"reflect.makemap":             {links, "make", "it returns *maps.Map, not *hmap"},
	"reflect.mapaccess":           {links, "access", "it takes *maps.Map, not *hmap"},
	"reflect.mapaccess_faststr":   {links, "access", "it takes *maps.Map, not *hmap"},
	"reflect.mapassign":           {links, "assign", "it takes *maps.Map, not *hmap"},
	"reflect.mapassign_faststr":   {rejected, "assign", "1.23"},
	"reflect.mapassign0":          {links, "assign", "it takes *maps.Map, not *hmap"},
	"reflect.mapassign_faststr0":  {links, "assign", "it takes *maps.Map, not *hmap"},
	"reflect.mapdelete":           {links, "delete", "it takes *maps.Map, not *hmap"},
	"reflect.mapdelete_faststr":   {links, "delete", "it takes *maps.Map, not *hmap"},
	"reflect.mapiterinit":         {links, "iter", iterChange},
	"reflect.mapiternext":         {links, "iter", iterChange},
	"reflect.mapiterkey":          {links, "iter", iterChange},
	"reflect.mapiterelem":         {links, "iter", iterChange},
	"reflect.maplen":              {links, "len", "it takes *maps.Map, not *hmap"},
	"reflect.mapclear":            {links, "clear", "it takes *maps.Map, not *hmap"},
	"internal/reflectlite.maplen": {links, "len", "it takes *maps.Map, not *hmap"},
	"maps.clone":                  {links, "clone", "the runtime clones a *maps.Map, not an *hmap"},
}

const iterChange = "the iterator is a compatibility shim: of the old hiter only key, elem and t keep their meaning, h holds the shim's own iterator, buckets, B, ... stay zero"

// insteadOf names the supported way to do what a family of functions does.
var insteadOf = map[string]string{
	"access": "m[k] / v, ok := m[k] (reflect.Value.MapIndex)",
	"assign": "m[k] = v (reflect.Value.SetMapIndex)",
	"delete": "delete(m, k)",
	"iter":   "for range, the maps package or reflect.Value.MapRange",
	"len":    "len(m) (reflect.Value.Len)",
	"make":   "make(map[K]V, n) (reflect.MakeMapWithSize)",
	"clear":  "clear(m) (reflect.Value.Clear)",
	"clone":  "maps.Clone",
}

// hasLinkname reports whether f has a //go:linkname comment: only such
// files are scanned further.
func hasLinkname(f *ast.File) bool {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "//go:linkname ") {
				return true
			}
		}
	}
	return false
}

// CategoryLinkname is the category of a //go:linkname bound to a runtime
// or reflect map function.
const CategoryLinkname = "linkname"

// checkLinknames reports the declarations that a //go:linkname in file
// binds to a runtime or reflect map function. The one-argument form and a
// linkname on a function with a body (push: the local function provides
// the symbol) are silent.
func checkLinknames(pass *analysis.Pass, file *ast.File) {
	reported := make(map[*ast.FuncDecl]bool)
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			rest, ok := strings.CutPrefix(c.Text, "//go:linkname ")
			if !ok {
				continue
			}
			args := strings.Fields(rest)
			if len(args) != 2 {
				continue
			}
			local, target := args[0], args[1]
			sym, ok := mapSymbols[target]
			if !ok || symbolPackage(target) == pass.Pkg.Path() {
				continue // not a map function, or this package's own symbol (maps.clone in maps)
			}
			fn := findFunc(pass, file, local)
			if fn == nil || fn.Body != nil || reported[fn] {
				continue
			}
			reported[fn] = true
			pass.Report(analysis.Diagnostic{
				Pos:      fn.Name.Pos(),
				End:      fn.Name.End(),
				Message:  linknameMessage(target, sym),
				Category: CategoryLinkname,
			})
		}
	}
}

// symbolPackage returns the package path of a linker symbol name such as
// "internal/reflectlite.maplen".
func symbolPackage(sym string) string {
	slash := strings.LastIndex(sym, "/")
	dot := strings.Index(sym[slash+1:], ".")
	if dot < 0 {
		return ""
	}
	return sym[:slash+1+dot]
}

func linknameMessage(target string, sym mapSymbol) string {
	instead := insteadOf[sym.family]
	switch sym.status {
	case rejected:
		return "//go:linkname to " + target + " is rejected by the linker since Go " + sym.changed + " (\"invalid reference\": the build fails); use " + instead
	default:
		return "//go:linkname to " + target + " still links (kept for existing users, go.dev/issue/67401), but its ABI changed in Go 1.24 (" + sym.changed + "); use " + instead
	}
}

// findFunc returns the package-level function named name, looking in
// file first.
func findFunc(pass *analysis.Pass, file *ast.File, name string) *ast.FuncDecl {
	if fn := funcIn(file, name); fn != nil {
		return fn
	}
	for _, f := range pass.Files {
		if f != file {
			if fn := funcIn(f, name); fn != nil {
				return fn
			}
		}
	}
	return nil
}

func funcIn(f *ast.File, name string) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == name {
			return fn
		}
	}
	return nil
}
