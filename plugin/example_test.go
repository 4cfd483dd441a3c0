package plugin_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/maplint/maplint/analyzers"
)

var update = flag.Bool("update", false, "rewrite the generated part of .golangci.example.yml")

const (
	beginMarker = "          # BEGIN per-analyzer options"
	endMarker   = "          # END per-analyzer options"
)

// TestExampleConfig keeps .golangci.example.yml complete: between its
// BEGIN/END markers it must show every analyzer of the registry and each
// of its flags with the flag's default and usage, as generated here.
// After adding an analyzer or a flag, run
//
//	go test ./plugin -run TestExampleConfig -update
func TestExampleConfig(t *testing.T) {
	path := filepath.Join(repoRoot(t), ".golangci.example.yml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	before, rest, ok1 := strings.Cut(text, beginMarker)
	_, after, ok2 := strings.Cut(rest, endMarker)
	if !ok1 || !ok2 {
		t.Fatalf("%s: markers %q and %q not found", path, beginMarker, endMarker)
	}
	head, _, _ := strings.Cut(rest, "\n")
	want := before + beginMarker + head + "\n" + exampleOptions() + endMarker + after
	if want == text {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf(".golangci.example.yml does not list every analyzer option with its default; run\n\tgo test ./plugin -run TestExampleConfig -update\nwant the part between the markers to be:\n%s", exampleOptions())
}

// exampleOptions renders the per-analyzer settings from the analyzers' flags.
func exampleOptions() string {
	const indent = "          "
	var b strings.Builder
	for _, a := range analyzers.All() {
		summary, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(&b, "%s# %s\n", indent, summary)
		n := 0
		a.Flags.VisitAll(func(*flag.Flag) { n++ })
		if n == 0 {
			fmt.Fprintf(&b, "%s# %s: {}  # (no options)\n", indent, a.Name)
			continue
		}
		fmt.Fprintf(&b, "%s%s:\n", indent, a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) {
			usage := strings.Join(strings.Fields(f.Usage), " ")
			fmt.Fprintf(&b, "%s  # %s (CLI: -%s.%s)\n", indent, usage, a.Name, f.Name)
			fmt.Fprintf(&b, "%s  %s: %s\n", indent, f.Name, yamlValue(f))
		})
	}
	return b.String()
}

// yamlValue renders a flag's default as YAML: booleans and numbers bare,
// everything else as a double-quoted string (the plugin hands every value
// to the flag as text, so quoting never changes its meaning).
func yamlValue(f *flag.Flag) string {
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool, int, int64, uint, uint64, float64:
			return f.DefValue
		}
	}
	return strconv.Quote(f.DefValue)
}
