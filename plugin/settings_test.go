package plugin

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// fakes returns two analyzers with flags, fresh for each test, so the
// settings logic is tested independently of which analyzers have landed.
func fakes() (alpha, beta *analysis.Analyzer, all []*analysis.Analyzer) {
	alpha = &analysis.Analyzer{Name: "alpha", Doc: "alpha: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	alpha.Flags.Bool("strict", false, "be strict")
	alpha.Flags.Int("min-size", 8, "minimum size")
	alpha.Flags.String("funcs", "make,new", "functions")
	alpha.Flags.Float64("ratio", 0.5, "ratio")
	beta = &analysis.Analyzer{Name: "beta", Doc: "beta: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	return alpha, beta, []*analysis.Analyzer{alpha, beta}
}

func joinNames(as []*analysis.Analyzer) string {
	var ns = make([]string, 0, len(as))
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return strings.Join(ns, ",")
}

func get(a *analysis.Analyzer, name string) string { return a.Flags.Lookup(name).Value.String() }

func TestEnableDisable(t *testing.T) {
	_, _, all := fakes()
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{nil, "alpha,beta"},
		{map[string]any{}, "alpha,beta"},
		{map[string]any{"enable": []any{"beta"}}, "beta"},
		{map[string]any{"enable": []any{"beta", "alpha"}}, "alpha,beta"}, // registry order
		{map[string]any{"disable": []any{"alpha"}}, "beta"},
		{map[string]any{"enable": []any{"alpha", "beta"}, "disable": []any{}}, "alpha,beta"},
		{map[string]any{"enable": nil}, "alpha,beta"},
	} {
		p, err := newPlugin(all, tc.settings)
		if err != nil {
			t.Errorf("%v: %v", tc.settings, err)
			continue
		}
		as, _ := p.BuildAnalyzers()
		if got := joinNames(as); got != tc.want {
			t.Errorf("%v: analyzers %s, want %s", tc.settings, got, tc.want)
		}
	}
}

func TestFlags(t *testing.T) {
	alpha, _, all := fakes()
	// Values as golangci-lint hands them over (viper: YAML scalars as Go values).
	_, err := newPlugin(all, map[string]any{
		"alpha": map[string]any{"strict": true, "min-size": 1000000, "funcs": "make", "ratio": 0.25},
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"strict": "true", "min-size": "1000000", "funcs": "make", "ratio": "0.25"} {
		if got := get(alpha, name); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}

	// A later New restores what an earlier one set: its result depends on its settings only.
	if _, err := newPlugin(all, map[string]any{"alpha": map[string]any{"ratio": "2"}}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"strict": "false", "min-size": "8", "funcs": "make,new", "ratio": "2"} {
		if got := get(alpha, name); got != want {
			t.Errorf("after second New: %s = %s, want %s", name, got, want)
		}
	}
	if _, err := newPlugin(all, nil); err != nil {
		t.Fatal(err)
	}
	if got := get(alpha, "ratio"); got != "0.5" {
		t.Errorf("after New(nil): ratio = %s, want default 0.5", got)
	}

	// Strings are passed through, so "true" and true are the same setting, as on the CLI.
	if _, err := newPlugin(all, map[string]any{"alpha": map[string]any{"strict": "true"}, "beta": nil}); err != nil {
		t.Fatal(err)
	}
	if got := get(alpha, "strict"); got != "true" {
		t.Errorf("strict = %s, want true", got)
	}
	newPlugin(all, nil)
}

func TestErrors(t *testing.T) {
	alpha, _, all := fakes()
	for _, tc := range []struct {
		settings any
		want     string // substring of the error
	}{
		{"oops", "settings must be a mapping"},
		{[]any{"alpha"}, "settings must be a mapping"},
		{map[string]any{"gamma": map[string]any{}}, `unknown key "gamma": want enable, disable, profile, hot-threshold or an analyzer name (alpha, beta)`},
		{map[string]any{"Enable": []any{"alpha"}}, `unknown key "Enable"`},
		{map[string]any{"enable": "alpha"}, "enable: want a list of analyzer names, got a string"},
		{map[string]any{"enable": []any{"alpha", 3}}, "enable: want a list of analyzer names"},
		{map[string]any{"enable": []any{"gamma"}}, `enable: unknown analyzer "gamma" (maplint has alpha, beta)`},
		{map[string]any{"disable": []any{"gamma"}}, `disable: unknown analyzer "gamma"`},
		{map[string]any{"enable": []any{"alpha"}, "disable": []any{"alpha"}}, `analyzer "alpha" is in both enable and disable`},
		{map[string]any{"disable": []any{"alpha", "beta"}}, "settings disable every analyzer"},
		{map[string]any{"alpha": true}, "alpha: want a mapping of alpha's options: got a boolean"},
		{map[string]any{"alpha": map[string]any{"strictly": true}}, `unknown key "alpha.strictly": analyzer alpha has options funcs, min-size, ratio, strict`},
		{map[string]any{"beta": map[string]any{"x": 1}}, `unknown key "beta.x": analyzer beta has no options`},
		{map[string]any{"alpha": map[string]any{"strict": "maybe"}}, `alpha.strict: invalid value "maybe"`},
		{map[string]any{"alpha": map[string]any{"min-size": 1.5}}, `alpha.min-size: invalid value "1.5"`},
		{map[string]any{"alpha": map[string]any{"funcs": []any{"make"}}}, "alpha.funcs: want a string, number or boolean (the flag's command-line value), got a list"},
		{map[string]any{"alpha": map[string]any{"funcs": nil}}, "alpha.funcs: want a string, number or boolean"},
		{map[string]any{"alpha": map[string]any{"funcs": map[string]any{}}}, "got a mapping"},
		// An invalid value after a valid one: nothing stays set.
		{map[string]any{"alpha": map[string]any{"funcs": "x", "strict": "maybe"}}, "alpha.strict"},
	} {
		p, err := newPlugin(all, tc.settings)
		if err == nil {
			t.Errorf("%v: no error (plugin %v)", tc.settings, p)
			continue
		}
		if !strings.HasPrefix(err.Error(), "maplint: ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %q, want it to start with \"maplint: \" and contain %q", tc.settings, err, tc.want)
		}
	}
	if got := get(alpha, "funcs"); got != "make,new" {
		t.Errorf("after failed New: funcs = %s, want default make,new", got)
	}
}

func TestRegistryErrors(t *testing.T) {
	a := &analysis.Analyzer{Name: "alpha"}
	if _, err := newPlugin([]*analysis.Analyzer{a, a}, nil); err == nil || !strings.Contains(err.Error(), "registered twice") {
		t.Errorf("duplicate analyzer: err = %v", err)
	}
	if _, err := newPlugin([]*analysis.Analyzer{{Name: "enable"}}, nil); err == nil || !strings.Contains(err.Error(), "reserved") {
		t.Errorf("reserved name: err = %v", err)
	}
}

// TestEmptyProfile: profile: "" (as .golangci.example.yml shows the
// default) means no profile, as maplint -profile="" does.
func TestEmptyProfile(t *testing.T) {
	_, _, all := fakes()
	p, err := newPlugin(all, map[string]any{"profile": "", "hot-threshold": 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if as, _ := p.BuildAnalyzers(); len(as) != 2 || as[0] != all[0] {
		t.Errorf("profile \"\" wrapped or changed the analyzers: %v", as)
	}
}
