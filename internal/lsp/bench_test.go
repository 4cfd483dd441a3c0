package lsp

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSaveToDiagnostics measures, warm, the time from a didSave to
// the diagnostics published for the saved file's package: one op is one
// save (the file written unchanged) and the wait for its publication.
// MAPLINT_LSP_BENCH_FILE names the file (default: a file of this
// repository's makecap package); docs/editors.md quotes the numbers.
//
//	GOWORK=off MAPLINT_LSP_BENCH_FILE=~/.cache/maplint-eval/src/prometheus/model/labels/float.go \
//	    go test ./internal/lsp -run '^$' -bench SaveToDiagnostics -benchtime 10x
func BenchmarkSaveToDiagnostics(b *testing.B) {
	file := os.Getenv("MAPLINT_LSP_BENCH_FILE")
	if file == "" {
		file = "../../analyzers/makecap/makecap.go"
	}
	file, err := filepath.Abs(file)
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	c := start(b, filepath.Dir(file), nil)
	c.open(file)
	// Cold: the first load fills the go command's caches. A note instead
	// of findings (a load error, a type error) would time the wrong thing.
	for _, d := range c.wait(file, 1).Diagnostics {
		if d.Source == "maplint" {
			b.Fatalf("%s was not analyzed: %s", file, d.Message)
		}
	}
	n := 1
	b.ResetTimer()
	for range b.N {
		c.save(file, string(text))
		n++
		c.wait(file, n)
	}
}
