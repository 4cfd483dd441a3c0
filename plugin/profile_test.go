package plugin

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/pprof/profile"
	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/hot"
)

// TestProfileSettings: "profile" and "hot-threshold" set the suite-wide
// weighing of internal/hot (docs/profile.md), like maplint's -profile and
// -hot-threshold. A profile wraps the loop analyzers; without one the
// plugin serves the registry's own values.
func TestProfileSettings(t *testing.T) {
	defer func() { hot.Config = hot.Settings{Threshold: hot.DefaultThreshold} }()
	loop := &analysis.Analyzer{Name: "makecap", Doc: "makecap: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	_, _, all := fakes()
	all = append(all, loop)

	p, err := newPlugin(all, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.analyzers[2] != loop || hot.Config.Profile != "" {
		t.Errorf("without a profile: %v wrapped, config %+v", p.analyzers, hot.Config)
	}

	file := filepath.Join(t.TempDir(), "cpu.pprof")
	fn := &profile.Function{ID: 1, Name: "main.main", Filename: "main.go"}
	loc := &profile.Location{ID: 1, Line: []profile.Line{{Function: fn, Line: 3}}}
	prof := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
		Sample:     []*profile.Sample{{Location: []*profile.Location{loc}, Value: []int64{1, 10000000}}},
		Location:   []*profile.Location{loc},
		Function:   []*profile.Function{fn},
	}
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := prof.Write(f); err != nil {
		t.Fatal(err)
	}
	f.Close()

	p, err = newPlugin(all, map[string]any{"profile": file, "hot-threshold": 2})
	if err != nil {
		t.Fatal(err)
	}
	if a := p.analyzers[2]; a == loop || a.Name != "makecap" || p.analyzers[0] != all[0] {
		t.Errorf("with a profile: want makecap alone wrapped, got %v", p.analyzers)
	}
	if hot.Config.Profile != file || hot.Config.Threshold != 2 {
		t.Errorf("config %+v", hot.Config)
	}

	missing := filepath.Join(t.TempDir(), "nope.pprof")
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"profile": missing}, "settings: profile: profile " + missing + ": no such file or directory"},
		{map[string]any{"profile": "plugin.go"}, "profile plugin.go: not a pprof profile"},
		{map[string]any{"hot-threshold": "lots"}, `settings: hot-threshold: "lots" is not a percentage`},
		{map[string]any{"hot-threshold": -1}, `settings: hot-threshold: "-1" is not a percentage`},
		{map[string]any{"profile": []any{"a"}}, "settings: profile: want a string"},
	} {
		_, err := newPlugin(all, tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.settings, err, tc.want)
		}
	}
}
