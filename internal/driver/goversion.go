package driver

import (
	"go/version"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/internal/goversion"
)

// defaultGoModVersion is the language version the go command gives a
// module whose go.mod has no go line (cmd/go's gover.DefaultGoModVersion).
const defaultGoModVersion = "go1.16"

// setFileVersions gives the files of the packages type-checked from source
// the Go version go vet gives them (cmd/go's buildVetConfig sets
// types.Config.GoVersion): the module's go line (go list says 1.16 when
// go.mod has none); go1.16 for a module go list gives no version; the go
// command's own version (local, "go1.26.8") for a package outside modules,
// as std and cmd are. go/packages sets only the first and leaves the
// others unknown ("" in FileVersions), which x/tools and maplint take for
// the newest Go. A file whose //go:build line names a version keeps it, as
// go/types gives it either way.
func setFileVersions(pkgs []*packages.Package, local func() string) {
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.TypesInfo == nil || p.Module != nil && p.Module.GoVersion != "" {
			return
		}
		v := defaultGoModVersion
		if p.Module == nil {
			if v = local(); !version.IsValid(v) {
				return // a devel toolchain: unknown stays unknown
			}
		}
		for _, f := range p.Syntax {
			if p.TypesInfo.FileVersions[f] == "" {
				p.TypesInfo.FileVersions[f] = v
			}
		}
	})
}

// localGoVersion returns the version of the go command that loads the
// packages ("go env GOVERSION"), asked once, without any " X:..." suffix.
func localGoVersion() func() string {
	return sync.OnceValue(func() string {
		if f := strings.Fields(goversion.Loaded()); len(f) > 0 {
			return f[0]
		}
		return ""
	})
}
