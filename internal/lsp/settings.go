package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/maplint/maplint/plugin"
)

// applySettings takes the settings of the golangci-lint plugin, by the
// same names and decoded by the same code (enable, disable, profile,
// hot-threshold, <analyzer>: {flag: value}), plus tests (default true, as
// maplint -test). A relative profile is relative to the workspace root.
// nil restores the defaults.
func (s *Server) applySettings(v any) error {
	raw := map[string]any{}
	if v != nil {
		data, err := json.Marshal(v)
		if err == nil {
			err = json.Unmarshal(data, &raw)
		}
		if err != nil {
			return fmt.Errorf("maplint: settings must be a mapping of plugin settings and tests: %v", err)
		}
	}
	tests := true
	if t, ok := raw["tests"]; ok {
		b, ok := t.(bool)
		if !ok {
			return fmt.Errorf("maplint: settings: tests: want true or false, got %v", t)
		}
		tests = b
		delete(raw, "tests")
	}
	s.mu.Lock()
	root := s.root
	s.mu.Unlock()
	if p, ok := raw["profile"].(string); ok && p != "" && !filepath.IsAbs(p) && root != "" {
		raw["profile"] = filepath.Join(root, p)
	}

	s.runMu.Lock() // the plugin sets the analyzers' flags: not while they run
	defer s.runMu.Unlock()
	p, err := plugin.New(raw)
	if err != nil {
		return err
	}
	analyzers, err := p.BuildAnalyzers()
	if err != nil {
		return err
	}
	s.analyzers, s.tests = analyzers, tests
	return nil
}
