package driver

import (
	"crypto/sha256"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/maplint/maplint/internal/factload"
)

const versionUsage = "print maplint's module version and VCS revision and exit (-V=full: the go vet tool-ID protocol)"

// versionFlag is -V. Plain -V prints what a person asks for; -V=full keeps
// the line the go command parses to key its vet cache:
// "<tool> version devel ... buildID=<content hash>". With "devel" as the
// third word the go command uses the buildID, a hash of the executable,
// so any rebuild invalidates cached vet results.
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) Get() any         { return nil }
func (versionFlag) String() string   { return "" }
func (versionFlag) Set(s string) error {
	switch s {
	case "true":
		fmt.Println(Version())
	case "full":
		exe, err := os.Executable()
		if err != nil {
			return err
		}
		h := sha256.New()
		if err := factload.HashExecutable(h); err != nil {
			return err
		}
		mod, rev := buildInfo()
		fmt.Printf("%s version devel %s %s buildID=%x\n", exe, mod, rev, h.Sum(nil))
	default:
		return fmt.Errorf("want -V or -V=full")
	}
	os.Exit(0)
	return nil
}

// Version is the line -V prints: "maplint <module version> <revision> <go>".
func Version() string {
	mod, rev := buildInfo()
	return fmt.Sprintf("maplint %s %s %s", mod, rev, runtime.Version())
}

// buildInfo returns the main module's version and the VCS revision the
// binary was built from ("+dirty" when the tree had changes; "unknown"
// without VCS stamping, as with go run or -buildvcs=false).
func buildInfo() (version, revision string) {
	version, revision = "unknown", "unknown"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return
	}
	if v := bi.Main.Version; v != "" {
		version = v
	}
	var modified bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified && revision != "unknown" {
		revision += "+dirty"
	}
	// A version or revision with spaces would shift the words go vet reads.
	return strings.ReplaceAll(version, " ", "_"), strings.ReplaceAll(revision, " ", "_")
}
