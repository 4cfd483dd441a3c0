package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/internal/suite"
)

// Versions of the peer linters, installed by the harness into
// <cache>/gobin (never project dependencies).
const (
	preallocPkg    = "github.com/alexkohler/prealloc@v1.1.0"
	staticcheckPkg = "honnef.co/go/tools/cmd/staticcheck@v0.8.2"
	staticChecks   = "SA5000,S1011,SA4027"
)

type runStat struct {
	WallSec  float64 `json:"wall_sec"`
	CPUSec   float64 `json:"cpu_sec"` // user+sys, robust to other load on the machine
	MaxRSSMB float64 `json:"max_rss_mb"`
}

type finding struct {
	Analyzer string `json:"analyzer"`
	Rule     string `json:"rule,omitempty"` // the diagnostic's category
	Posn     string `json:"posn"`           // file:line:col, file relative to the set
	Message  string `json:"message"`
	Fixable  bool   `json:"fixable,omitempty"`
}

type peerResult struct {
	Tool     string         `json:"tool"`
	Run      runStat        `json:"run"`
	Findings int            `json:"findings"`
	ByCheck  map[string]int `json:"by_check,omitempty"`
	Error    string         `json:"error,omitempty"`
}

type overlap struct {
	Common    int `json:"common"`
	OnlyOurs  int `json:"only_makecap"`
	OnlyTheir int `json:"only_prealloc"`
}

type setResult struct {
	Set      string `json:"set"`
	Kind     string `json:"kind"`
	Module   string `json:"module,omitempty"`
	Version  string `json:"version"`
	Packages int    `json:"packages"`
	Lines    int    `json:"lines"`

	Findings     map[string]int            `json:"findings"`         // per analyzer
	Rules        map[string]map[string]int `json:"findings_by_rule"` // analyzer -> rule -> count
	Fixable      int                       `json:"fixable_findings"` // findings with a suggested fix
	FindingsList []finding                 `json:"findings_list"`    // every finding (deduplicated)

	Floor     []runStat `json:"floor_runs"`
	Maplint   []runStat `json:"maplint_runs"`
	WallRatio float64   `json:"wall_ratio"` // median(maplint) / median(floor)
	RSSRatio  float64   `json:"rss_ratio"`
	CPURatio  float64   `json:"cpu_ratio"`
	// The floor that also builds the inspector (Requires: inspect.Analyzer),
	// and maplint's ratios to it: what maplint adds where the inspector is
	// already built for other analyzers (golangci-lint, go vet).
	FloorInspect     []runStat          `json:"floor_inspect_runs,omitempty"`
	InspectCPURatio  float64            `json:"cpu_ratio_to_floor_inspect,omitempty"`
	InspectRSSRatio  float64            `json:"rss_ratio_to_floor_inspect,omitempty"`
	InspectWallRatio float64            `json:"wall_ratio_to_floor_inspect,omitempty"`
	Share            map[string]float64 `json:"analyzer_seconds,omitempty"`
	ShareLoad        float64            `json:"share_load_seconds,omitempty"`
	ShareAnalys      float64            `json:"share_analysis_seconds,omitempty"`

	Peers   []*peerResult `json:"peers,omitempty"`
	Overlap *overlap      `json:"prealloc_vs_makecap,omitempty"`
	Fix     *fixResult    `json:"fix,omitempty"`

	LoadAvg string `json:"loadavg"` // /proc/loadavg before and after the set (other work on the machine)

	Failures []string `json:"failures,omitempty"` // panics, analyzer errors, broken fixes
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

type result struct {
	Date      string                `json:"date"`
	GoVersion string                `json:"go_version"`
	Machine   string                `json:"machine"`
	Commit    string                `json:"maplint_commit"`
	Analyzers []string              `json:"analyzers"`
	FloorMode string                `json:"floor_load_mode"`
	Smoke     bool                  `json:"smoke"`
	Runs      int                   `json:"runs"`
	Sets      []*setResult          `json:"sets"`
	Precision map[string]*precision `json:"precision"`
}

type tools struct {
	maplint, floor, floorInspect, share, prealloc, staticcheck string
}

// buildTools builds maplint, the floor and maplint-share from this
// repository (run from its root) into bin (one per run, so that runs in
// parallel do not replace each other's binaries), and installs the peers.
func buildTools(res *result, bin string) (*tools, error) {
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return nil, err
	}
	t := &tools{
		maplint:      filepath.Join(bin, "maplint"),
		floor:        filepath.Join(bin, "floor"),
		floorInspect: filepath.Join(bin, "floor-inspect"),
		share:        filepath.Join(bin, "maplint-share"),
	}
	env := goEnv()
	if _, err := mustRun(".", env, "go", "build", "-o", t.maplint, "./cmd/maplint"); err != nil {
		return nil, fmt.Errorf("build maplint (run from the repository root): %v", err)
	}
	ldflags := "-X main.facts=0"
	res.FloorMode = "root packages from source, dependencies from export data (no analyzer uses facts)"
	if suite.NeedFacts(analyzers.All()) {
		ldflags = "-X main.facts=1"
		res.FloorMode = "all packages from source (the suite uses facts, so the floor declares one)"
	}
	if _, err := mustRun(".", env, "go", "build", "-ldflags", ldflags, "-o", t.floor, "./eval/cmd/floor"); err != nil {
		return nil, err
	}
	if _, err := mustRun(".", env, "go", "build", "-ldflags", ldflags+" -X main.inspect=1", "-o", t.floorInspect, "./eval/cmd/floor"); err != nil {
		return nil, err
	}
	if _, err := mustRun(".", env, "go", "build", "-o", t.share, "./eval/cmd/maplint-share"); err != nil {
		return nil, err
	}
	if *flagPeers {
		gobin := filepath.Join(*flagCache, "gobin")
		for _, p := range []string{preallocPkg, staticcheckPkg} {
			// Outside any module, so they are not project dependencies.
			if _, err := mustRun(os.TempDir(), goEnv("GOBIN="+gobin), "go", "install", p); err != nil {
				return nil, err
			}
		}
		t.prealloc = filepath.Join(gobin, "prealloc")
		t.staticcheck = filepath.Join(gobin, "staticcheck")
	}
	return t, nil
}

func runAll(ss []set, smoke bool) error {
	res := &result{
		Date:    time.Now().UTC().Format("2006-01-02 15:04 UTC"),
		Machine: machine(),
		Smoke:   smoke,
		Runs:    *flagRuns,
	}
	for _, a := range analyzers.All() {
		res.Analyzers = append(res.Analyzers, a.Name)
	}
	if out, err := mustRun(".", goEnv(), "go", "version"); err == nil {
		res.GoVersion = strings.TrimSpace(strings.TrimPrefix(string(out), "go version "))
	}
	if out, err := mustRun(".", os.Environ(), "git", "rev-parse", "--short", "HEAD"); err == nil {
		res.Commit = strings.TrimSpace(string(out))
		if m, _ := run(".", os.Environ(), "git", "status", "--porcelain", "--untracked-files=no"); m != nil && len(bytes.TrimSpace(m.Stdout)) > 0 {
			res.Commit += " (+ uncommitted changes)"
		}
	}
	logf("analyzers: %v", res.Analyzers)
	for _, s := range ss {
		if !prepared(s) {
			return fmt.Errorf("set %s is not prepared: run 'go run ./eval/cmd/maplint-eval prepare' first", s.Name)
		}
	}
	out := *flagOut
	if out == "" {
		out = filepath.Join(*flagCache, "results", time.Now().Format("2006-01-02T150405"))
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	t, err := buildTools(res, filepath.Join(out, "bin"))
	if err != nil {
		return err
	}
	if p, err := readVerdicts(*flagVerdict); err == nil {
		res.Precision = p
	} else {
		logf("verdicts: %v", err)
	}
	var failures []string
	for _, s := range ss {
		sr, err := runSet(s, t, out)
		if err != nil {
			return fmt.Errorf("%s: %v", s.Name, err)
		}
		res.Sets = append(res.Sets, sr)
		for _, f := range sr.Failures {
			failures = append(failures, s.Name+": "+f)
		}
		// Write after every set so a long run leaves partial results.
		if err := writeResults(res, out); err != nil {
			return err
		}
	}
	md, _ := os.ReadFile(filepath.Join(out, "result.md"))
	os.Stdout.Write(md)
	logf("results in %s", out)
	if len(failures) > 0 {
		return fmt.Errorf("%d failure(s):\n  %s", len(failures), strings.Join(failures, "\n  "))
	}
	return nil
}

func writeResults(res *result, out string) error {
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "result.json"), b, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "result.md"), []byte(markdown(res)), 0o644)
}

// jsonTree is the -json output of a go/analysis driver:
// package ID -> analyzer -> diagnostics or {"error": ...}.
type jsonTree map[string]map[string]json.RawMessage

type jsonDiag struct {
	Category       string            `json:"category"`
	Posn           string            `json:"posn"`
	Message        string            `json:"message"`
	SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
}

// parseDriverJSON returns the deduplicated findings of a -json run (a
// file in both a package and its test variant is reported twice) and the
// analyzer errors. The JSON is a sequence of objects (one per package
// graph); posn file names are made relative to base.
func parseDriverJSON(b []byte, base string) (fs []finding, errs []string, err error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	seen := map[string]int{} // key -> index in fs
	for dec.More() {
		var tree jsonTree
		if err := dec.Decode(&tree); err != nil {
			return nil, nil, fmt.Errorf("decoding -json output: %v", err)
		}
		for pkg, byAnalyzer := range tree {
			for an, raw := range byAnalyzer {
				var e struct {
					Error string `json:"error"`
				}
				if len(raw) > 0 && raw[0] == '{' {
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						errs = append(errs, fmt.Sprintf("%s on %s: %s", an, pkg, e.Error))
					}
					continue
				}
				var diags []jsonDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, nil, err
				}
				for _, d := range diags {
					posn := d.Posn
					if rel, err := filepath.Rel(base, posn); err == nil && !strings.HasPrefix(rel, "..") {
						posn = rel
					}
					key := an + "\x00" + posn + "\x00" + d.Message
					if i, ok := seen[key]; ok {
						fs[i].Fixable = fs[i].Fixable || len(d.SuggestedFixes) > 0
						continue
					}
					seen[key] = len(fs)
					fs = append(fs, finding{Analyzer: an, Rule: d.Category, Posn: posn, Message: d.Message, Fixable: len(d.SuggestedFixes) > 0})
				}
			}
		}
	}
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Analyzer != fs[j].Analyzer {
			return fs[i].Analyzer < fs[j].Analyzer
		}
		return fs[i].Posn < fs[j].Posn
	})
	sort.Strings(errs)
	return fs, errs, nil
}

// crashed reports whether a driver's stderr shows a panic.
func crashed(m *measured) bool {
	return bytes.Contains(m.Stderr, []byte("panic: ")) || bytes.Contains(m.Stderr, []byte("\ngoroutine ")) || m.ExitCode == 2
}

func stat(m *measured) runStat {
	return runStat{WallSec: m.Wall.Seconds(), CPUSec: m.CPU.Seconds(), MaxRSSMB: float64(m.MaxRSSKB) / 1024}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func medianCPU(rs []runStat) float64 {
	c := make([]float64, 0, len(rs))
	for _, x := range rs {
		c = append(c, x.CPUSec)
	}
	return median(c)
}

func medians(rs []runStat) (wall, rss float64) {
	w, r := make([]float64, 0, len(rs)), make([]float64, 0, len(rs))
	for _, x := range rs {
		w = append(w, x.WallSec)
		r = append(r, x.MaxRSSMB)
	}
	return median(w), median(r)
}

func runSet(s set, t *tools, out string) (*setResult, error) {
	dir := setDir(s)
	env := goEnv()
	sr := &setResult{Set: s.Name, Kind: s.Kind, Module: s.Module, Version: s.Version,
		Findings: map[string]int{}, Rules: map[string]map[string]int{}, LoadAvg: loadavg()}
	defer func() { sr.LoadAvg += " → " + loadavg() }()
	if s.isGoroot() {
		sr.Version = strings.TrimSpace(runtimeVersion())
	}
	pkgs, lines, err := listPackages(s, dir, env)
	if err != nil {
		return nil, err
	}
	sr.Packages, sr.Lines = len(pkgs), lines
	logf("%s: %d packages, %d lines of Go", s.Name, sr.Packages, sr.Lines)

	// Floor and maplint, alternating.
	var maplintOut *measured
	args := append([]string{"-json"}, s.Patterns...)
	for i := 0; i < *flagRuns; i++ {
		fm := &measured{}
		if *flagFloor {
			fm, err = run(dir, env, t.floor, args...)
			if err != nil {
				return nil, err
			}
			if crashed(fm) {
				return nil, fmt.Errorf("floor crashed (the driver itself):\n%s", tail(fm.Stderr, 30))
			}
			sr.Floor = append(sr.Floor, stat(fm))
			im, err := run(dir, env, t.floorInspect, args...)
			if err != nil {
				return nil, err
			}
			if crashed(im) {
				return nil, fmt.Errorf("floor-inspect crashed (the driver itself):\n%s", tail(im.Stderr, 30))
			}
			sr.FloorInspect = append(sr.FloorInspect, stat(im))
			logf("%s: run %d: floor+inspect %.1fs (cpu %.1fs) %.0fMB", s.Name, i+1, im.Wall.Seconds(), im.CPU.Seconds(), float64(im.MaxRSSKB)/1024)
		}
		mm, err := run(dir, env, t.maplint, args...)
		if err != nil {
			return nil, err
		}
		if crashed(mm) {
			sr.Failures = append(sr.Failures, "maplint panicked:\n"+tail(mm.Stderr, 40))
			return sr, nil
		}
		if *flagFloor && mm.ExitCode != fm.ExitCode {
			sr.Failures = append(sr.Failures, fmt.Sprintf("maplint exit %d, floor exit %d:\n%s", mm.ExitCode, fm.ExitCode, tail(mm.Stderr, 20)))
		}
		sr.Maplint = append(sr.Maplint, stat(mm))
		maplintOut = mm
		logf("%s: run %d: floor %.1fs (cpu %.1fs) %.0fMB, maplint %.1fs (cpu %.1fs) %.0fMB", s.Name, i+1,
			fm.Wall.Seconds(), fm.CPU.Seconds(), float64(fm.MaxRSSKB)/1024, mm.Wall.Seconds(), mm.CPU.Seconds(), float64(mm.MaxRSSKB)/1024)
	}
	fw, fr := medians(sr.Floor)
	mw, mr := medians(sr.Maplint)
	if fw > 0 && fr > 0 {
		sr.WallRatio, sr.RSSRatio = mw/fw, mr/fr
	}
	if fc, mc := medianCPU(sr.Floor), medianCPU(sr.Maplint); fc > 0 {
		sr.CPURatio = mc / fc
	}
	if iw, ir := medians(sr.FloorInspect); iw > 0 && ir > 0 {
		sr.InspectWallRatio, sr.InspectRSSRatio = mw/iw, mr/ir
	}
	if ic, mc := medianCPU(sr.FloorInspect), medianCPU(sr.Maplint); ic > 0 {
		sr.InspectCPURatio = mc / ic
	}
	if maplintOut != nil {
		fs, errs, err := parseDriverJSON(maplintOut.Stdout, dir)
		if err != nil {
			return nil, err
		}
		for _, e := range errs {
			sr.Failures = append(sr.Failures, "analyzer error: "+e)
		}
		sr.FindingsList = fs
		for _, f := range fs {
			sr.Findings[f.Analyzer]++
			if sr.Rules[f.Analyzer] == nil {
				sr.Rules[f.Analyzer] = map[string]int{}
			}
			rule := f.Rule
			if rule == "" {
				rule = "-"
			}
			sr.Rules[f.Analyzer][rule]++
			if f.Fixable {
				sr.Fixable++
			}
		}
		if err := writeSamples(s, fs, out); err != nil {
			return nil, err
		}
	}

	if *flagShare {
		// The CPU profile of the analysis phase: go tool pprof -top <bin>/maplint-share cpu-<set>.pprof
		m, err := run(dir, env, t.share, append([]string{"-cpuprofile", filepath.Join(out, "cpu-"+s.Name+".pprof")}, s.Patterns...)...)
		if err != nil {
			return nil, err
		}
		if crashed(m) || m.ExitCode != 0 {
			sr.Failures = append(sr.Failures, "maplint-share failed:\n"+tail(m.Stderr, 40))
		} else {
			var sh struct {
				LoadSeconds     float64            `json:"load_seconds"`
				AnalysisSeconds float64            `json:"analysis_seconds"`
				Analyzers       map[string]float64 `json:"analyzers"`
				Errors          []string           `json:"errors"`
			}
			if err := json.Unmarshal(m.Stdout, &sh); err != nil {
				return nil, fmt.Errorf("maplint-share output: %v", err)
			}
			sr.Share, sr.ShareLoad, sr.ShareAnalys = sh.Analyzers, sh.LoadSeconds, sh.AnalysisSeconds
			for _, e := range sh.Errors {
				sr.Failures = append(sr.Failures, "analyzer error (in-process): "+e)
			}
		}
	}

	if *flagPeers {
		if err := runPeers(s, t, sr, dir, out); err != nil {
			return nil, err
		}
	}
	if *flagFix {
		fr, err := checkFixes(s, t, sr, pkgs, out)
		if err != nil {
			return nil, err
		}
		sr.Fix = fr
		if fr.BrokenPackages > 0 {
			sr.Failures = append(sr.Failures, fmt.Sprintf("maplint -fix broke %d package(s): %s", fr.BrokenPackages, strings.Join(fr.Broken, ", ")))
		}
		if fr.Error != "" {
			sr.Failures = append(sr.Failures, "maplint -fix: "+fr.Error)
		}
	}
	return sr, nil
}

func runtimeVersion() string {
	out, err := mustRun(".", goEnv(), "go", "env", "GOVERSION")
	if err != nil {
		return "?"
	}
	return string(out)
}

// writeSamples writes, per analyzer, a verdict-ready table of up to
// -sample findings of this set, spread evenly over all of them.
func writeSamples(s set, fs []finding, out string) error {
	if *flagSample <= 0 {
		return nil
	}
	by := map[string][]finding{}
	for _, f := range fs {
		by[f.Analyzer] = append(by[f.Analyzer], f)
	}
	for an, list := range by {
		var b strings.Builder
		fmt.Fprintf(&b, "# %s findings sampled on %s (%d of %d)\n\n", an, s.Name, min(*flagSample, len(list)), len(list))
		fmt.Fprintf(&b, "| set | position | rule | message | verdict | reason |\n|---|---|---|---|---|---|\n")
		n := min(*flagSample, len(list))
		for i := 0; i < n; i++ {
			f := list[i*len(list)/n]
			fmt.Fprintf(&b, "| %s | %s | %s | %s |  |  |\n", s.Name, f.Posn, f.Rule, strings.ReplaceAll(f.Message, "|", `\|`))
		}
		if err := os.WriteFile(filepath.Join(out, fmt.Sprintf("sample-%s-%s.md", an, s.Name)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
