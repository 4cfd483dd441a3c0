// Package analyzers is the registry of the maplint suite: the one list
// that cmd/maplint and the golangci-lint plugin both read.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/analyzers/hotmap"
	"github.com/maplint/maplint/analyzers/makecap"
	"github.com/maplint/maplint/analyzers/newmap"
	"github.com/maplint/maplint/analyzers/unsafemap"
	"github.com/maplint/maplint/internal/analysisutil"
)

// All returns maplint's analyzers in a stable order. Each call returns the
// same *analysis.Analyzer values (their flags are shared state).
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		// one line per analyzer, in the order of the README table
		newmap.Analyzer,
		hotmap.Analyzer,
		makecap.Analyzer,
		unsafemap.Analyzer,
	}
}

// Running tells the analyzers which of them a driver runs in this process,
// for drivers that do not choose them with x/tools' -NAME flags
// (multichecker, unitchecker): a malformed //maplint:ignore is reported by
// the first analyzer of the registry that it concerns and that runs. The
// golangci-lint plugin calls it; a driver that runs a subset of All should
// too. nil: as the -NAME flags say, or all.
func Running(names []string) { analysisutil.SetRunning(names) }
