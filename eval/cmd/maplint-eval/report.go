package main

import (
	"fmt"
	"sort"
	"strings"
)

func ratio(x float64) string {
	if x <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", x)
}

// markdown renders a result as the tables docs/evaluation.md quotes.
func markdown(res *result) string {
	var b strings.Builder
	kind := "full run"
	if res.Smoke {
		kind = "smoke run"
	}
	fmt.Fprintf(&b, "# maplint evaluation (%s)\n\n", kind)
	fmt.Fprintf(&b, "- date: %s\n- Go: %s\n- machine: %s\n- maplint: %s, analyzers: %s\n- timed runs per set: %d floor + %d maplint, alternating; ratios are of medians; CPU = user+sys of the process and its children (go list); wall time is sensitive to other load on the machine, CPU time much less\n- floor: no-op analyzer through the same multichecker driver, %s\n\n",
		res.Date, res.GoVersion, res.Machine, res.Commit, strings.Join(res.Analyzers, ", "), res.Runs, res.Runs, res.FloorMode)

	an := res.Analyzers
	// Findings.
	b.WriteString("## Findings\n\nfindings (per 100k lines)\n\n| set | version | packages | lines |")
	for _, a := range an {
		fmt.Fprintf(&b, " %s |", a)
	}
	b.WriteString(" fixes applied / broken builds |\n|---|---|---:|---:|")
	for range an {
		b.WriteString("---:|")
	}
	b.WriteString("---|\n")
	for _, s := range res.Sets {
		fmt.Fprintf(&b, "| %s | %s | %d | %d |", s.Set, s.Version, s.Packages, s.Lines)
		for _, a := range an {
			n := s.Findings[a]
			per := 0.0
			if s.Lines > 0 {
				per = float64(n) * 100000 / float64(s.Lines)
			}
			fmt.Fprintf(&b, " %d (%.1f) |", n, per)
		}
		if s.Fix != nil && s.Fix.Applied < 0 {
			fmt.Fprintf(&b, " %d files changed / %d |\n", s.Fix.ChangedFiles, s.Fix.BrokenPackages)
		} else if s.Fix != nil {
			fmt.Fprintf(&b, " %d / %d |\n", s.Fix.Applied, s.Fix.BrokenPackages)
		} else {
			b.WriteString(" not checked |\n")
		}
	}

	// Rules.
	b.WriteString("\n### By rule (diagnostic category)\n\n| set | analyzer | rule | findings |\n|---|---|---|---:|\n")
	for _, s := range res.Sets {
		for _, a := range an {
			var rules []string
			for r := range s.Rules[a] {
				rules = append(rules, r)
			}
			sort.Strings(rules)
			for _, r := range rules {
				fmt.Fprintf(&b, "| %s | %s | %s | %d |\n", s.Set, a, r, s.Rules[a][r])
			}
		}
	}

	// Precision.
	b.WriteString("\n## Precision (from eval/verdicts/*.md)\n\n")
	if len(res.Precision) == 0 {
		b.WriteString("No verdict files yet.\n")
	} else {
		var sb strings.Builder
		printPrecision(&sb, res.Precision)
		b.WriteString(sb.String())
	}

	// Speed.
	b.WriteString("\n## Speed and memory against the floor\n\n| set | floor wall (median) | maplint wall (median) | wall ratio | floor CPU (median) | maplint CPU (median) | CPU ratio | floor peak RSS | maplint peak RSS | RSS ratio | load average (1/5/15 min) before → after |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, s := range res.Sets {
		fw, fr := medians(s.Floor)
		mw, mr := medians(s.Maplint)
		fmt.Fprintf(&b, "| %s | %.1fs | %.1fs | %s | %.1fs | %.1fs | %s | %.0f MB | %.0f MB | %s | %s |\n", s.Set, fw, mw, ratio(s.WallRatio),
			medianCPU(s.Floor), medianCPU(s.Maplint), ratio(s.CPURatio), fr, mr, ratio(s.RSSRatio), s.LoadAvg)
	}
	b.WriteString("\n### Against the floor that also builds the inspector\n\nThe same no-op analyzer with `Requires: inspect.Analyzer`, timed in the same alternation: the cost every x/tools-style analyzer shares, and that golangci-lint or go vet already pay for their own analyzers.\n\n| set | floor+inspect wall | floor+inspect CPU | floor+inspect RSS | inspector alone (CPU vs floor) | maplint CPU ratio | maplint RSS ratio | maplint wall ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range res.Sets {
		if len(s.FloorInspect) == 0 {
			continue
		}
		iw, ir := medians(s.FloorInspect)
		ic, fc := medianCPU(s.FloorInspect), medianCPU(s.Floor)
		alone := 0.0
		if fc > 0 {
			alone = ic / fc
		}
		fmt.Fprintf(&b, "| %s | %.1fs | %.1fs | %.0f MB | %s | %s | %s | %s |\n", s.Set, iw, ic, ir, ratio(alone),
			ratio(s.InspectCPURatio), ratio(s.InspectRSSRatio), ratio(s.InspectWallRatio))
	}

	// Share.
	hasShare := false
	for _, s := range res.Sets {
		if len(s.Share) > 0 {
			hasShare = true
		}
	}
	if hasShare {
		b.WriteString("\n### Each analyzer's own time (in-process, sequential; maplint-share)\n\n")
		b.WriteString("Seconds of analysis per analyzer (prerequisites such as inspect under their own name) and its share of the load + analysis time.\n\n| set | load | analysis total | per analyzer |\n|---|---:|---:|---|\n")
		for _, s := range res.Sets {
			if len(s.Share) == 0 {
				continue
			}
			names := make([]string, 0, len(s.Share))
			for n := range s.Share {
				names = append(names, n)
			}
			sort.Slice(names, func(i, j int) bool { return s.Share[names[i]] > s.Share[names[j]] })
			parts := make([]string, 0, len(names))
			total := s.ShareLoad + s.ShareAnalys
			for _, n := range names {
				parts = append(parts, fmt.Sprintf("%s %.2fs (%.1f%%)", n, s.Share[n], 100*s.Share[n]/total))
			}
			fmt.Fprintf(&b, "| %s | %.1fs | %.2fs | %s |\n", s.Set, s.ShareLoad, s.ShareAnalys, strings.Join(parts, ", "))
		}
	}

	// Peers.
	hasPeers := false
	for _, s := range res.Sets {
		if len(s.Peers) > 0 {
			hasPeers = true
		}
	}
	if hasPeers {
		b.WriteString("\n## Peers (same run, same packages)\n\n| set | tool | wall | peak RSS | findings | by check | error |\n|---|---|---:|---:|---:|---|---|\n")
		for _, s := range res.Sets {
			for _, p := range s.Peers {
				checks := make([]string, 0, len(p.ByCheck))
				for c, n := range p.ByCheck {
					checks = append(checks, fmt.Sprintf("%s %d", c, n))
				}
				sort.Strings(checks)
				e := p.Error
				if len(e) > 80 {
					e = e[:80] + "…"
				}
				fmt.Fprintf(&b, "| %s | %s | %.1fs | %.0f MB | %d | %s | %s |\n", s.Set, p.Tool, p.Run.WallSec, p.Run.MaxRSSMB, p.Findings, strings.Join(checks, ", "), esc(strings.ReplaceAll(e, "\n", " ")))
			}
		}
		b.WriteString("\n### prealloc vs makecap (matched by file:line)\n\n| set | common | only makecap | only prealloc |\n|---|---:|---:|---:|\n")
		for _, s := range res.Sets {
			if s.Overlap != nil {
				fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", s.Set, s.Overlap.Common, s.Overlap.OnlyOurs, s.Overlap.OnlyTheir)
			}
		}
	}

	// Fixes.
	b.WriteString("\n## Fix safety (maplint -fix on a scratch copy)\n\n| set | fixable findings | applied | still reported after | changed files | checked | broken packages | fixes in broken packages | packages failing before the fix |\n|---|---:|---:|---:|---:|---|---:|---:|---|\n")
	for _, s := range res.Sets {
		f := s.Fix
		if f == nil {
			fmt.Fprintf(&b, "| %s | %d | – | – | – | not checked | – | – | |\n", s.Set, s.Fixable)
			continue
		}
		base := strings.Join(f.BaselineFails, ", ")
		if len(base) > 120 {
			base = base[:120] + "…"
		}
		applied, after := fmt.Sprint(f.Applied), fmt.Sprint(f.FixableAfter)
		if f.Applied < 0 {
			applied, after = "not counted (smoke)", "–"
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %d | %s | %d | %d | %s |\n", s.Set, f.FixableBefore, applied, after, f.ChangedFiles, f.Checked, f.BrokenPackages, f.BrokenFixes, base)
	}

	// Failures.
	b.WriteString("\n## Panics, analyzer errors, broken fixes\n\n")
	n := 0
	for _, s := range res.Sets {
		for _, f := range s.Failures {
			n++
			fmt.Fprintf(&b, "- %s: %s\n", s.Set, strings.SplitN(f, "\n", 2)[0])
		}
	}
	if n == 0 {
		b.WriteString("None.\n")
	}
	return b.String()
}
