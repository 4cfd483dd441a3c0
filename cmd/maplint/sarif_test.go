package main_test

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// TestSARIF checks -sarif's structure against the -json output of the same
// run: a valid SARIF 2.1.0 log, one rule per diagnostic category with a
// help URI to its analyzer's doc, one result per finding at its position
// relative to %SRCROOT%, with its related locations and fixes.
func TestSARIF(t *testing.T) {
	stdout, stderr, code := run(t, testdataDir, maplintBin, "-sarif", "./...")
	if code != 0 {
		t.Fatalf("-sarif: exit %d, want 0\n%s", code, stderr)
	}
	rep, err := sarif.FromString(stdout)
	if err != nil {
		t.Fatalf("-sarif output does not parse: %v", err)
	}
	if err := rep.Validate(); err != nil {
		t.Errorf("-sarif output is not valid SARIF 2.1.0: %v", err)
	}
	if rep.Version != "2.1.0" || len(rep.Runs) != 1 {
		t.Fatalf("version %q, %d runs; want 2.1.0, 1 run", rep.Version, len(rep.Runs))
	}
	r := rep.Runs[0]
	if r.Tool.Driver.Name == nil || *r.Tool.Driver.Name != "maplint" {
		t.Errorf("tool %v", r.Tool.Driver.Name)
	}

	// What -json reports for the same packages, deduplicated by position
	// and message as the text output is (p and p.test share files).
	jsonOut, _, _ := run(t, testdataDir, maplintBin, "-json", "./...")
	var doc map[string]map[string][]struct {
		Category, Posn, Message string
		SuggestedFixes          []json.RawMessage `json:"suggested_fixes"`
		Related                 []json.RawMessage
	}
	if err := json.Unmarshal([]byte(jsonOut), &doc); err != nil {
		t.Fatal(err)
	}
	type want struct {
		analyzer       string
		fixes, related int
	}
	wants := make(map[string]want) // "rule file:line:col message"
	categories := make(map[string]string)
	for _, byAnalyzer := range doc {
		for name, list := range byAnalyzer {
			for _, d := range list {
				if d.Category == "" {
					t.Errorf("%s: no category", d.Posn)
				}
				categories[d.Category] = name
				wants[fmt.Sprintf("%s %s %s", d.Category, strings.TrimPrefix(d.Posn, testdataDir+"/"), d.Message)] = want{name, len(d.SuggestedFixes), len(d.Related)}
			}
		}
	}

	rules := make(map[string]bool)
	for _, rule := range r.Tool.Driver.Rules {
		id := *rule.ID
		rules[id] = true
		analyzer, ok := categories[id]
		if !ok {
			t.Errorf("rule %s: no finding of that category in -json", id)
			continue
		}
		if wantURI := "https://github.com/maplint/maplint/blob/main/docs/" + analyzer + ".md"; rule.HelpURI == nil || *rule.HelpURI != wantURI {
			t.Errorf("rule %s: help URI %v, want %s", id, rule.HelpURI, wantURI)
		}
	}
	for c := range categories {
		if !rules[c] {
			t.Errorf("category %s: no rule", c)
		}
	}

	if len(r.Results) != len(wants) {
		t.Errorf("%d results, want %d (the findings of -json)", len(r.Results), len(wants))
	}
	for _, res := range r.Results {
		if len(res.Locations) != 1 {
			t.Errorf("%v: %d locations", res.RuleID, len(res.Locations))
			continue
		}
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URIBaseID == nil || *pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: not relative to %%SRCROOT%%", *pl.ArtifactLocation.URI)
		}
		key := fmt.Sprintf("%s %s:%d:%d %s", *res.RuleID, *pl.ArtifactLocation.URI, *pl.Region.StartLine, *pl.Region.StartColumn, *res.Message.Text)
		w, ok := wants[key]
		if !ok {
			t.Errorf("result not in -json: %s", key)
			continue
		}
		delete(wants, key)
		if len(res.Fixes) != w.fixes || len(res.RelatedLocations) != w.related {
			t.Errorf("%s: %d fixes, %d related; want %d, %d", key, len(res.Fixes), len(res.RelatedLocations), w.fixes, w.related)
		}
		for _, fix := range res.Fixes {
			if len(fix.ArtifactChanges) == 0 || len(fix.ArtifactChanges[0].Replacements) == 0 ||
				fix.ArtifactChanges[0].Replacements[0].DeletedRegion.ByteOffset < 0 || fix.ArtifactChanges[0].Replacements[0].DeletedRegion.ByteLength == nil {
				t.Errorf("%s: fix without a replacement", key)
			}
		}
	}
	for k := range wants {
		t.Errorf("finding missing from -sarif: %s", k)
	}
}

// TestVersionShort: -V prints the module version and VCS revision that the
// build info holds (go version -m reads the same).
func TestVersionShort(t *testing.T) {
	stdout, stderr, code := run(t, testdataDir, maplintBin, "-V")
	if code != 0 {
		t.Fatalf("-V: exit %d\n%s", code, stderr)
	}
	out, err := exec.Command("go", "version", "-m", maplintBin).Output()
	if err != nil {
		t.Fatal(err)
	}
	mod := regexp.MustCompile(`(?m)^\tmod\tgithub.com/maplint/maplint\t(\S+)`).FindSubmatch(out)
	if mod == nil {
		t.Fatalf("no main module in go version -m:\n%s", out)
	}
	rev := "unknown"
	if m := regexp.MustCompile(`(?m)^\tbuild\tvcs.revision=(\S+)`).FindSubmatch(out); m != nil {
		rev = string(m[1])
		if strings.Contains(string(out), "vcs.modified=true") {
			rev += "+dirty"
		}
	}
	if want := fmt.Sprintf("maplint %s %s go", mod[1], rev); !strings.HasPrefix(stdout, want) {
		t.Errorf("-V printed %q, want %q...", stdout, want)
	}
}
