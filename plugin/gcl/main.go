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
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
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

// buildInfo names the golangci-lint version this binary pins, plus which
// maplint is inside: "2.15.0-maplint-v0.1.0", or for a build from a work
// tree (replace directive, no version) "2.15.0-maplint-devel-<hash of this
// executable>". golangci-lint salts its analysis cache with the version
// string, so the string must change whenever maplint's code does, or a
// rebuilt binary would reuse findings cached by the previous one.
// ("golangci-lint custom" does the same with a hash of the plugins.)
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	maplint := ""
	for _, dep := range bi.Deps {
		switch dep.Path {
		case "github.com/golangci/golangci-lint/v2":
			info.Version = strings.TrimPrefix(dep.Version, "v")
		case "github.com/maplint/maplint":
			if dep.Replace == nil && dep.Sum != "" {
				maplint = dep.Version
			}
		}
	}
	if maplint == "" {
		maplint = "devel-" + selfHash()
	}
	info.Version += "-maplint-" + maplint
	info.Commit = "maplint " + maplint
	return info
}

// selfHash is a short hash of the running executable's content.
func selfHash() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
