package plugin_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/plugin"
)

// build goes the way golangci-lint does: the registered constructor, then
// BuildAnalyzers.
func build(t *testing.T, settings any) (register.LinterPlugin, []*analysis.Analyzer) {
	t.Helper()
	newPlugin, err := register.GetPlugin(plugin.Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	return p, as
}

// TestRegistry checks that the plugin serves the registry, all of it, once,
// in order, and asks golangci-lint for type information.
func TestRegistry(t *testing.T) {
	p, as := build(t, nil)
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	all := analyzers.All()
	if len(as) != len(all) {
		t.Fatalf("BuildAnalyzers returned %d analyzers, the registry has %d", len(as), len(all))
	}
	seen := map[string]bool{}
	for i, a := range as {
		if a != all[i] {
			t.Errorf("analyzer %d is %s, registry has %s (same *Analyzer values, same order)", i, a.Name, all[i].Name)
		}
		if seen[a.Name] {
			t.Errorf("analyzer %s listed twice", a.Name)
		}
		seen[a.Name] = true
	}
	if len(all) == 0 {
		t.Log("analyzers.All() is empty: no analyzer has landed yet")
	}
}

// TestSettingsKeys checks what golangci-lint's configuration can express:
// it reads YAML through viper, which lowercases every key, so a flag with
// an upper-case letter could never be set from .golangci.yml; and a flag
// named like a reserved key would be ambiguous.
func TestSettingsKeys(t *testing.T) {
	for _, a := range analyzers.All() {
		if a.Name == "enable" || a.Name == "disable" || a.Name == "profile" || a.Name == "hot-threshold" || a.Name != strings.ToLower(a.Name) {
			t.Errorf("analyzer name %q cannot be a settings key", a.Name)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Name != strings.ToLower(f.Name) {
				t.Errorf("flag %s.%s has upper-case letters: golangci-lint (viper) lowercases setting keys", a.Name, f.Name)
			}
		})
	}
}

// TestEveryAnalyzerAlone runs each analyzer, built through the plugin with
// only that analyzer enabled, on its directory of the end-to-end module
// (testdata/<name>, expectations as // want comments), and checks that no
// diagnostic carries more than one suggested fix: golangci-lint applies
// every fix it is given, so with two fixes "golangci-lint run --fix" would
// apply both where "maplint -fix" applies one.
func TestEveryAnalyzerAlone(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range analyzers.All() {
		t.Run(a.Name, func(t *testing.T) {
			_, as := build(t, map[string]any{"enable": []any{a.Name}})
			if len(as) != 1 || as[0] != a {
				t.Fatalf("enable: [%s] gave %d analyzers", a.Name, len(as))
			}
			if _, err := os.Stat(filepath.Join(root, a.Name)); err != nil {
				t.Skipf("no end-to-end directory testdata/%s yet", a.Name)
			}
			for _, r := range analysistest.Run(diagnosticsOnly{t}, root, a, "./"+a.Name+"/...") {
				for _, d := range r.Diagnostics {
					if n := len(d.SuggestedFixes); n > 1 {
						t.Errorf("%s: %s: %d suggested fixes, want at most 1", r.Pass.Fset.Position(d.Pos), d.Message, n)
					}
				}
			}
		})
	}
}

// TestInstallable guards "go install github.com/maplint/maplint/cmd/maplint@version"
// (docs/install.md): the go command refuses it when the root go.mod has
// replace or exclude directives. (plugin/gcl, a module of its own, may.)
func TestInstallable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) > 0 && (f[0] == "replace" || f[0] == "exclude") {
			t.Errorf("go.mod:%d: %q: go install ...@version refuses modules with %s directives", i+1, line, f[0])
		}
	}
}

// diagnosticsOnly passes analysistest's complaints on, except about facts:
// the end-to-end module's want comments state diagnostics only (the CLI test
// reads them the same way); each analyzer's own tests check its facts.
type diagnosticsOnly struct{ t *testing.T }

func (d diagnosticsOnly) Errorf(format string, args ...any) {
	d.t.Helper()
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, ": unexpected fact: ") {
		d.t.Error(msg)
	}
}
