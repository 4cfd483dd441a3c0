// Command golangci-lint (in plugin/gcl) is golangci-lint v2 with maplint
// compiled in as a module plugin: the binary "golangci-lint custom" would
// produce, made from the Go module proxy alone (no git clone).
//
//	cd plugin/gcl && go build -o golangci-lint-maplint .
//	./golangci-lint-maplint run -c .golangci.yml ./...
//
// It is its own module so that importing maplint's analyzers never pulls
// golangci-lint's dependencies into a user's build. See docs/golangci-lint.md.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// Registers the "maplint" module plugin.
	_ "github.com/maplint/maplint/plugin"
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo reports golangci-lint's version (the module this binary pins)
// with a "+maplint" suffix, so "version" tells which golangci-lint it is.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	maplint := "devel"
	for _, dep := range bi.Deps {
		switch dep.Path {
		case "github.com/golangci/golangci-lint/v2":
			info.Version = strings.TrimPrefix(dep.Version, "v")
		case "github.com/maplint/maplint":
			if dep.Replace == nil {
				maplint = dep.Version
			}
		}
	}
	info.Version += "+maplint"
	info.Commit = "maplint " + maplint
	return info
}
