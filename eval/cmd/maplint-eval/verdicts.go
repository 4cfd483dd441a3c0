package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var timesN = regexp.MustCompile(`^\S*\s*[×X](\d+)\b`)

// precision is the tally of one analyzer's verdict file.
type precision struct {
	Analyzer  string         `json:"analyzer"`
	TP        int            `json:"tp"`
	FP        int            `json:"fp"`
	Undecided int            `json:"undecided,omitempty"`
	ByRule    map[string]*tp `json:"by_rule,omitempty"`
}

type tp struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
}

// Value is TP/(TP+FP), or -1 with no decided verdicts.
func (p *precision) Value() float64 {
	if p == nil || p.TP+p.FP == 0 {
		return -1
	}
	return float64(p.TP) / float64(p.TP+p.FP)
}

func (p *precision) String() string {
	if p == nil || p.TP+p.FP == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%% (%d/%d)", 100*p.Value(), p.TP, p.TP+p.FP)
}

// readVerdicts reads every *.md file in dir (see eval/README.md for the
// format): each markdown table whose header has a "verdict" column
// contributes one verdict per row. The analyzer is the file's base name
// (or an "analyzer" column when the table has one); an optional "rule"
// column gives per-rule tallies. Verdicts are TP or FP (case-insensitive,
// a leading "TP"/"FP" word counts, so "FP (see reason)" is FP); anything
// else is counted as undecided.
func readVerdicts(dir string) (map[string]*precision, error) {
	return readVerdictsKept(dir, nil)
}

// readVerdictsKept is readVerdicts restricted to the rows keep accepts
// (by their "set" and "position" cells; rows without them are dropped
// when keep is set).
func readVerdictsKept(dir string, keep func(analyzer, set, posn string) bool) (map[string]*precision, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	out := make(map[string]*precision)
	for _, f := range files {
		if strings.EqualFold(filepath.Base(f), "README.md") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		if err := parseVerdicts(string(b), name, out, keep); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
	}
	return out, nil
}

func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	// "\|" is an escaped pipe inside a cell.
	line = strings.ReplaceAll(line, `\|`, "\x00")
	cells := strings.Split(line, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(strings.ReplaceAll(c, "\x00", "|"))
	}
	return cells
}

func isSeparator(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, ":- ") != "" {
			return false
		}
	}
	return len(cells) > 0
}

func parseVerdicts(text, defaultAnalyzer string, out map[string]*precision, keep func(analyzer, set, posn string) bool) error {
	lines := strings.Split(text, "\n")
	verdictCol, ruleCol, analyzerCol, setCol, posnCol := -1, -1, -1, -1, -1
	inTable := false
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(line, "|") {
			inTable = false
			verdictCol = -1
			continue
		}
		cells := splitRow(line)
		if !inTable {
			// A header row starts a table.
			inTable = true
			verdictCol, ruleCol, analyzerCol, setCol, posnCol = -1, -1, -1, -1, -1
			for j, c := range cells {
				switch strings.ToLower(strings.Trim(c, "*_` ")) {
				case "verdict":
					verdictCol = j
				case "rule", "category":
					ruleCol = j
				case "analyzer":
					analyzerCol = j
				case "set":
					setCol = j
				case "position":
					posnCol = j
				}
			}
			continue
		}
		if verdictCol < 0 || isSeparator(cells) || verdictCol >= len(cells) {
			continue
		}
		an := defaultAnalyzer
		if analyzerCol >= 0 && analyzerCol < len(cells) && cells[analyzerCol] != "" {
			an = strings.Trim(cells[analyzerCol], "`")
		}
		if keep != nil {
			if setCol < 0 || posnCol < 0 || setCol >= len(cells) || posnCol >= len(cells) ||
				!keep(an, cells[setCol], strings.Trim(cells[posnCol], "`")) {
				continue
			}
		}
		p := out[an]
		if p == nil {
			p = &precision{Analyzer: an, ByRule: map[string]*tp{}}
			out[an] = p
		}
		rule := ""
		if ruleCol >= 0 && ruleCol < len(cells) {
			rule = strings.Trim(cells[ruleCol], "`")
		}
		v := strings.ToUpper(strings.Trim(cells[verdictCol], "*_` "))
		word := v
		if k := strings.IndexAny(v, " (:,-—"); k >= 0 {
			word = v[:k]
		}
		word = strings.Trim(word, "*_`")
		var r *tp
		if rule != "" {
			r = p.ByRule[rule]
			if r == nil {
				r = &tp{}
				p.ByRule[rule] = r
			}
		}
		// "TP ×5" (or "TP-info x5") is one row standing for 5 findings.
		n := 1
		if m := timesN.FindStringSubmatch(v); m != nil {
			n, _ = strconv.Atoi(m[1])
		}
		switch word {
		case "TP", "TRUE":
			p.TP += n
			if r != nil {
				r.TP += n
			}
		case "FP", "FALSE":
			p.FP += n
			if r != nil {
				r.FP += n
			}
		default:
			p.Undecided++
		}
	}
	return nil
}

func printPrecision(w io.Writer, ps map[string]*precision) {
	names := make([]string, 0, len(ps))
	for n := range ps {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "| analyzer | TP | FP | undecided | precision | by rule |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---|")
	for _, n := range names {
		p := ps[n]
		rules := make([]string, 0, len(p.ByRule))
		for r, t := range p.ByRule {
			rules = append(rules, fmt.Sprintf("%s %d/%d", r, t.TP, t.TP+t.FP))
		}
		sort.Strings(rules)
		fmt.Fprintf(w, "| %s | %d | %d | %d | %s | %s |\n", n, p.TP, p.FP, p.Undecided, p, strings.Join(rules, ", "))
	}
}

// currentFindings reads result.json files and returns a filter that keeps
// the (set, position) pairs they report, ignoring the column (a fix
// elsewhere on the line does not move it), and the sets covered. Rows of
// other sets are dropped.
func currentFindings(paths []string) (func(analyzer, set, posn string) bool, []string, error) {
	seen := map[string]bool{}
	var sets []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		var res result
		if err := json.Unmarshal(b, &res); err != nil {
			return nil, nil, fmt.Errorf("%s: %v", p, err)
		}
		for _, s := range res.Sets {
			sets = append(sets, s.Set)
			for _, f := range s.FindingsList {
				seen[f.Analyzer+" "+s.Set+" "+fileLine(f.Posn)] = true
			}
		}
	}
	return func(analyzer, set, posn string) bool { return seen[analyzer+" "+set+" "+fileLine(posn)] }, sets, nil
}

// fileLine drops the column of a file:line:col position.
func fileLine(posn string) string {
	if i := strings.LastIndex(posn, ":"); i > 0 && strings.Count(posn, ":") >= 2 {
		return posn[:i]
	}
	return posn
}
