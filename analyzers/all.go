// Package analyzers is the registry of the maplint suite: the one list
// that cmd/maplint and the golangci-lint plugin both read.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/analyzers/hotmap"
	"github.com/maplint/maplint/analyzers/makecap"
	"github.com/maplint/maplint/analyzers/newmap"
	"github.com/maplint/maplint/analyzers/unsafemap"
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
