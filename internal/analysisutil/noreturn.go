package analysisutil

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Calls that never return to their caller end a block as a return or a
// panic does. The list is a table of well-known functions rather than
// x/tools' ctrlflow pass: ctrlflow exports a fact for every function of
// every package, which would make a driver analyse every dependency from
// source to compute it (the cost issue 15 removes); the calls that end
// blocks in practice are these. TestNoReturn checks each against its doc
// comment in GOROOT.

// noReturnFuncs are the package-level functions that never return, by
// package path.
var noReturnFuncs = map[string][]string{
	"os":      {"Exit"},
	"runtime": {"Goexit"},
	"log":     {"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"},
}

// noReturnMethods are the methods that never return, by package path and
// receiver type name (testing.common is what *testing.T, *testing.B and
// *testing.F embed; testing.TB is the interface they share).
var noReturnMethods = []struct {
	pkg, typ string
	names    []string
}{
	{"log", "Logger", []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}},
	{"testing", "common", []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"}},
	{"testing", "TB", []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"}},
}

// NoReturn reports whether call never returns: the builtin panic, or one
// of the well-known functions and methods above.
func NoReturn(info *types.Info, call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return fn.Name() == "panic"
	case *types.Func:
		if fn.Pkg() == nil {
			return false
		}
		if names, ok := noReturnFuncs[fn.Pkg().Path()]; ok && IsFunctionNamed(fn, fn.Pkg().Path(), names...) {
			return true
		}
		for _, m := range noReturnMethods {
			if IsMethodNamed(fn, m.pkg, m.typ, m.names...) {
				return true
			}
		}
	}
	return false
}
