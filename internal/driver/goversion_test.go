package driver

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/internal/goversion"
)

// TestFileVersions: a standard package loaded from source has the go
// command's version in FileVersions, as go vet gives it, not the unknown
// "" go/packages leaves; so has a file of a package maplint's driver
// loads for its roots.
func TestFileVersions(t *testing.T) {
	want := strings.Fields(goversion.Loaded())[0]
	pkgs, err := load([]string{"unicode/utf8"}, packages.LoadSyntax|packages.NeedModule, false)
	if err != nil {
		t.Fatal(err)
	}
	p := pkgs[0]
	if p.Module != nil {
		t.Fatalf("%s is in module %s", p, p.Module.Path)
	}
	for _, f := range p.Syntax {
		if got := p.TypesInfo.FileVersions[f]; got != want {
			t.Errorf("%s: FileVersions = %q, want %q", p.Fset.File(f.Pos()).Name(), got, want)
		}
	}
}
