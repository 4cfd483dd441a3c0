// Package goversion refuses to analyze code of a newer Go than the one
// maplint was built with.
//
// maplint type-checks the standard library it finds (GOROOT's sources, or
// export data under go vet) with its own go/types. A maplint built with
// go1.26 meeting go1.27's standard library fails on code it cannot know
// ("promoted field in composite literal"), skips analyzers and, under go
// vet, prints an error per package. One line saying what to do is better.
// Older standard libraries are fine: a newer go/types checks them.
package goversion

import (
	"bytes"
	"fmt"
	"go/version"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// Check returns an error when loaded, the Go version of the standard
// library that will be loaded ("go1.27.3"), is a newer language version
// than built, the Go version maplint was built with (runtime.Version()).
// Versions it cannot parse ("devel ...", "") pass.
func Check(loaded, built string) error {
	l, b := lang(loaded), lang(built)
	if l == "" || b == "" || version.Compare(l, b) <= 0 {
		return nil
	}
	return fmt.Errorf("maplint was built with %s and cannot check %s code; rebuild it with %s: go install github.com/maplint/maplint/cmd/maplint@latest",
		strings.Fields(built)[0], l, l)
}

// lang is the language version of a Go version ("go1.27" for
// "go1.27.3 X:nodwarf5"), or "".
func lang(v string) string {
	if f := strings.Fields(v); len(f) > 0 {
		return version.Lang(f[0])
	}
	return ""
}

// Loaded returns the version of the go command that will load the
// packages: "go env GOVERSION" run in the current directory, as go/packages
// runs "go list" (so GOTOOLCHAIN and a go.mod toolchain line apply), or ""
// when that fails (go/packages then reports its own error).
func Loaded() string {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return ""
	}
	return string(bytes.TrimSpace(out))
}

// Guard checks the Go version for maplint's command line args (without
// the program name):
//   - under go vet (-V=full, which go vet runs once before any package, or
//     a last argument naming a .cfg file, after the flags go vet passes on),
//     the GOVERSION the go command sets in its
//     tools' environment: refusing at -V=full makes go vet stop with this
//     one line (and its own "error obtaining buildID") instead of one error
//     per package;
//   - otherwise (package patterns), Loaded;
//   - -flags and help need no packages: nil.
func Guard(args []string) error {
	built := runtime.Version()
	for _, a := range args {
		switch {
		case a == "-V=full" || a == "--V=full" || (a == args[len(args)-1] && strings.HasSuffix(a, ".cfg")):
			return Check(os.Getenv("GOVERSION"), built)
		case a == "-flags" || a == "--flags" || a == "help" || a == "-V" || a == "-h" || a == "-help" || a == "--help":
			return nil
		}
	}
	return Check(Loaded(), built)
}
