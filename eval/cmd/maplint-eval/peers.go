package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// runPeers runs prealloc and staticcheck on the set, once each, and
// compares prealloc's findings with makecap's by file and line.
func runPeers(s set, t *tools, sr *setResult, dir, out string) error {
	env := goEnv()

	// prealloc is a go/analysis singlechecker: same -json output.
	pm, err := run(dir, env, t.prealloc, append([]string{"-json"}, s.Patterns...)...)
	if err != nil {
		return err
	}
	pr := &peerResult{Tool: "prealloc (" + strings.TrimPrefix(preallocPkg, "github.com/alexkohler/") + ")", Run: stat(pm)}
	var pfs []finding
	if crashed(pm) {
		pr.Error = "crashed: " + tail(pm.Stderr, 5)
	} else {
		pfs, _, err = parseDriverJSON(pm.Stdout, dir)
		if err != nil {
			pr.Error = err.Error()
		}
		pr.Findings = len(pfs)
	}
	sr.Peers = append(sr.Peers, pr)

	sm, err := run(dir, env, t.staticcheck, append([]string{"-checks", staticChecks, "-f", "json"}, s.Patterns...)...)
	if err != nil {
		return err
	}
	st := &peerResult{Tool: "staticcheck -checks " + staticChecks + " (v0.8.2)", Run: stat(sm), ByCheck: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(sm.Stdout))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	seen := map[string]bool{}
	for sc.Scan() {
		var d struct {
			Code     string `json:"code"`
			Message  string `json:"message"`
			Location struct {
				File         string `json:"file"`
				Line, Column int
			} `json:"location"`
		}
		if json.Unmarshal(sc.Bytes(), &d) != nil {
			continue
		}
		key := fmt.Sprintf("%s:%d:%d %s", d.Location.File, d.Location.Line, d.Location.Column, d.Code)
		if seen[key] {
			continue
		}
		seen[key] = true
		if d.Code == "compile" {
			st.ByCheck["compile errors"]++
			continue
		}
		st.Findings++
		st.ByCheck[d.Code]++
	}
	if crashed(sm) {
		st.Error = "crashed: " + tail(sm.Stderr, 5)
	}
	sr.Peers = append(sr.Peers, st)

	// prealloc vs makecap, by file:line.
	lineKey := func(posn string) string {
		if i := strings.LastIndex(posn, ":"); i >= 0 {
			return posn[:i]
		}
		return posn
	}
	ours := map[string]finding{}
	for _, f := range sr.FindingsList {
		if f.Analyzer == "makecap" {
			ours[lineKey(f.Posn)] = f
		}
	}
	theirs := map[string]finding{}
	for _, f := range pfs {
		theirs[lineKey(f.Posn)] = f
	}
	ov := &overlap{}
	var common, onlyOurs, onlyTheirs []string
	for k, f := range ours {
		if _, ok := theirs[k]; ok {
			ov.Common++
			common = append(common, fmt.Sprintf("| %s | %s | %s |", k, esc(f.Message), esc(theirs[k].Message)))
		} else {
			ov.OnlyOurs++
			onlyOurs = append(onlyOurs, fmt.Sprintf("| %s | %s | |", k, esc(f.Message)))
		}
	}
	for k, f := range theirs {
		if _, ok := ours[k]; !ok {
			ov.OnlyTheir++
			onlyTheirs = append(onlyTheirs, fmt.Sprintf("| %s | | %s |", k, esc(f.Message)))
		}
	}
	sr.Overlap = ov
	var b strings.Builder
	fmt.Fprintf(&b, "# prealloc vs makecap on %s\n\ncommon %d, only makecap %d, only prealloc %d (matched by file:line; up to 30 rows each)\n", s.Name, ov.Common, ov.OnlyOurs, ov.OnlyTheir)
	for _, part := range []struct {
		title string
		rows  []string
	}{{"common", common}, {"only makecap", onlyOurs}, {"only prealloc", onlyTheirs}} {
		sort.Strings(part.rows)
		if len(part.rows) > 30 {
			part.rows = part.rows[:30]
		}
		fmt.Fprintf(&b, "\n## %s\n\n| position | makecap | prealloc |\n|---|---|---|\n%s\n", part.title, strings.Join(part.rows, "\n"))
	}
	return os.WriteFile(filepath.Join(out, "overlap-"+s.Name+".md"), []byte(b.String()), 0o644)
}

func esc(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
