// Package plugin registers maplint as a golangci-lint v2 module plugin.
//
// A custom golangci-lint binary that blank-imports this package (see
// plugin/gcl and docs/golangci-lint.md) knows a linter named "maplint",
// configured under linters.settings.custom.maplint:
//
//	linters:
//	  enable: [maplint]
//	  settings:
//	    custom:
//	      maplint:
//	        type: module
//	        settings:
//	          enable: [newmap, makecap]   # default: every analyzer
//	          disable: [hotmap]           # default: none
//	          newmap:                     # one block per analyzer:
//	            some-flag: value          # its flags, as "maplint help newmap" lists them
//	          profile: cpu.pprof          # weigh hotmap/makecap findings by a CPU profile (docs/profile.md)
//	          hot-threshold: 0.5          # with a profile: drop loop findings whose growth is under this % of samples
//
// The analyzers are exactly those of the registry, analyzers.All(), in its
// order; nothing is listed here a second time. Only with a profile setting
// are the loop analyzers served wrapped (internal/hot.WrapAll), so that
// their findings are weighed by the profile.
//
// # Settings and flags are one thing
//
// An analyzer's options are the flags of its Analyzer.Flags. The key under
// the analyzer's name is the flag's name, spelled exactly as on the command
// line (maplint -newmap.some-flag=value), and an omitted key keeps the
// flag's default, so the CLI and the plugin cannot drift apart. A value is
// what you would write after "=" on the command line: a YAML string, number
// or boolean (a list is an error; a list-valued flag takes its usual
// comma-separated string). Unknown keys, unknown analyzer names and values
// the flag rejects make New return an error that names the key; New never
// panics on malformed settings.
//
// # Flags are process-wide state
//
// Analyzer.Flags is a flag.FlagSet that lives in the analyzer's package and
// that the analyzer reads while it runs: setting it from the plugin changes
// that analyzer for the whole process, for every caller. golangci-lint
// builds the plugin once per process, so this is what a user wants. For
// callers that build it more than once (tests, tools embedding
// golangci-lint), each New first restores every flag an earlier New set
// to its default, so the last New wins and its result depends only on its
// own settings; analyzers returned by an earlier New see the new values too,
// because they are the same *analysis.Analyzer. New is serialized by a
// mutex, but running analyzers while another goroutine calls New is a data
// race: don't.
package plugin

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/internal/hot"
)

// Name is the linter name in golangci-lint's configuration, in its output
// ("... (maplint)") and in //nolint:maplint directives.
const Name = "maplint"

func init() {
	register.Plugin(Name, New)
}

// New builds the plugin from the settings golangci-lint decoded from
// linters.settings.custom.maplint.settings.
func New(settings any) (register.LinterPlugin, error) {
	return newPlugin(analyzers.All(), settings)
}

// Plugin is maplint's register.LinterPlugin.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

// BuildAnalyzers returns the enabled analyzers, in registry order.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return slices.Clone(p.analyzers), nil
}

// GetLoadMode reports that the analyzers need type information.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// Reserved top-level keys; every other key must name an analyzer.
const (
	keyEnable  = "enable"
	keyDisable = "disable"
	// Suite-wide, as maplint's -profile and -hot-threshold (docs/profile.md).
	keyProfile      = "profile"
	keyHotThreshold = "hot-threshold"
)

var (
	mu sync.Mutex
	// touched holds the flags an earlier New set, to restore them.
	touched = map[*flag.Flag]bool{}
)

func newPlugin(all []*analysis.Analyzer, settings any) (_ *Plugin, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("%s: %w", Name, err)
		}
	}()

	byName := make(map[string]*analysis.Analyzer, len(all))
	for _, a := range all {
		if byName[a.Name] != nil {
			return nil, fmt.Errorf("internal error: analyzer %q registered twice", a.Name)
		}
		if a.Name == keyEnable || a.Name == keyDisable || a.Name == keyProfile || a.Name == keyHotThreshold {
			return nil, fmt.Errorf("internal error: analyzer name %q is a reserved settings key", a.Name)
		}
		byName[a.Name] = a
	}

	raw, err := register.DecodeSettings[map[string]json.RawMessage](settings)
	if err != nil {
		return nil, fmt.Errorf("settings must be a mapping of %s, %s and analyzer names: %w", keyEnable, keyDisable, err)
	}

	enable, err := nameList(raw, keyEnable, byName)
	if err != nil {
		return nil, err
	}
	disable, err := nameList(raw, keyDisable, byName)
	if err != nil {
		return nil, err
	}
	for name := range disable {
		if enable[name] {
			return nil, fmt.Errorf("settings: analyzer %q is in both %s and %s", name, keyEnable, keyDisable)
		}
	}

	// Parse every analyzer block before touching any flag.
	type assignment struct {
		key   string // for messages: "newmap.some-flag"
		flag  *flag.Flag
		value string
	}
	var assignments []assignment
	weigh := hot.Settings{Threshold: hot.DefaultThreshold}
	for _, key := range []string{keyProfile, keyHotThreshold} {
		msg, ok := raw[key]
		if !ok || isNull(msg) {
			continue
		}
		v, err := scalar(msg)
		if err != nil {
			return nil, fmt.Errorf("settings: %s: %v", key, err)
		}
		if key == keyProfile {
			if v == "" {
				continue // as maplint -profile="": no profile
			}
			if _, err := hot.Load(v); err != nil { // parsed once per process, reused by the analyzers
				return nil, fmt.Errorf("settings: %s: %v", key, err)
			}
			weigh.Profile = v
		} else if weigh.Threshold, err = strconv.ParseFloat(v, 64); err != nil || !hot.ValidThreshold(weigh.Threshold) {
			return nil, fmt.Errorf("settings: %s: %q is not a percentage between 0 and 100", key, v)
		}
	}
	for _, key := range sortedKeys(raw) {
		if key == keyEnable || key == keyDisable || key == keyProfile || key == keyHotThreshold {
			continue
		}
		a := byName[key]
		if a == nil {
			return nil, fmt.Errorf("settings: unknown key %q: want %s, %s, %s, %s or an analyzer name (%s)",
				key, keyEnable, keyDisable, keyProfile, keyHotThreshold, strings.Join(names(all), ", "))
		}
		opts, err := decodeObject(raw[key])
		if err != nil {
			return nil, fmt.Errorf("settings: %s: want a mapping of %s's options: %v", key, key, err)
		}
		for _, opt := range sortedKeys(opts) {
			f := a.Flags.Lookup(opt)
			if f == nil {
				return nil, fmt.Errorf("settings: unknown key %q: analyzer %s has %s", key+"."+opt, key, flagList(a))
			}
			v, err := scalar(opts[opt])
			if err != nil {
				return nil, fmt.Errorf("settings: %s.%s: %v", key, opt, err)
			}
			assignments = append(assignments, assignment{key + "." + opt, f, v})
		}
	}

	mu.Lock()
	defer mu.Unlock()

	// Restore what an earlier New changed, so this result depends only on
	// these settings.
	for f := range touched {
		_ = f.Value.Set(f.DefValue) // it held the default before we set it
		delete(touched, f)
	}
	for _, as := range assignments {
		if err := as.flag.Value.Set(as.value); err != nil {
			for f := range touched {
				_ = f.Value.Set(f.DefValue)
				delete(touched, f)
			}
			return nil, fmt.Errorf("settings: %s: invalid value %q: %v", as.key, as.value, err)
		}
		touched[as.flag] = true
	}

	p := &Plugin{}
	for _, a := range all {
		if (len(enable) == 0 || enable[a.Name]) && !disable[a.Name] {
			p.analyzers = append(p.analyzers, a)
		}
	}
	if weigh.Profile != "" {
		p.analyzers = hot.WrapAll(p.analyzers) // without a profile: the registry's own values
	}
	if len(p.analyzers) == 0 && len(all) > 0 {
		return nil, errors.New("settings disable every analyzer; to turn maplint off, remove it from linters.enable")
	}
	hot.Config = weigh // like the flags: process-wide, the last New wins
	running := make([]string, 0, len(p.analyzers))
	for _, a := range p.analyzers {
		running = append(running, a.Name)
	}
	analyzers.Running(running) // who reports a malformed //maplint:ignore
	return p, nil
}

// nameList decodes raw[key] as a list of analyzer names.
func nameList(raw map[string]json.RawMessage, key string, byName map[string]*analysis.Analyzer) (map[string]bool, error) {
	msg, ok := raw[key]
	if !ok || isNull(msg) {
		return nil, nil
	}
	var list []string
	if err := json.Unmarshal(msg, &list); err != nil {
		return nil, fmt.Errorf("settings: %s: want a list of analyzer names, got %s", key, kind(msg))
	}
	set := make(map[string]bool, len(list))
	for _, name := range list {
		if byName[name] == nil {
			all := make([]string, 0, len(byName))
			for n := range byName {
				all = append(all, n)
			}
			sort.Strings(all)
			return nil, fmt.Errorf("settings: %s: unknown analyzer %q (maplint has %s)", key, name, strings.Join(all, ", "))
		}
		set[name] = true
	}
	return set, nil
}

func decodeObject(msg json.RawMessage) (map[string]json.RawMessage, error) {
	if isNull(msg) {
		return nil, nil // "newmap:" with nothing under it
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(msg, &m); err != nil {
		return nil, fmt.Errorf("got %s", kind(msg))
	}
	return m, nil
}

// scalar turns a JSON string, number or boolean into the text a flag's Set
// method takes: what a user would write after "=" on the command line.
func scalar(msg json.RawMessage) (string, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(msg))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return "", err
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		if v {
			return "true", nil
		}
		return "false", nil
	default:
		return "", fmt.Errorf("want a string, number or boolean (the flag's command-line value), got %s", kind(msg))
	}
}

func isNull(msg json.RawMessage) bool { return string(bytes.TrimSpace(msg)) == "null" }

func kind(msg json.RawMessage) string {
	s := bytes.TrimSpace(msg)
	if len(s) == 0 {
		return "nothing"
	}
	switch s[0] {
	case '{':
		return "a mapping"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func names(all []*analysis.Analyzer) []string {
	var ns = make([]string, 0, len(all))
	for _, a := range all {
		ns = append(ns, a.Name)
	}
	return ns
}

func flagList(a *analysis.Analyzer) string {
	var fs []string
	a.Flags.VisitAll(func(f *flag.Flag) { fs = append(fs, f.Name) })
	if len(fs) == 0 {
		return "no options"
	}
	return "options " + strings.Join(fs, ", ")
}
