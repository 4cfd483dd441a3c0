package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"golang.org/x/tools/go/analysis"
)

// docURL is where a rule's documentation lives when its analyzer has no URL.
const docURL = "https://github.com/maplint/maplint/blob/main/docs/%s.md"

// srcRoot is the uriBaseId of paths under the current directory: GitHub
// code scanning resolves it to the repository's checkout.
const srcRoot = "%SRCROOT%"

// printSARIF writes the roots' diagnostics as one SARIF 2.1.0 log. Each
// diagnostic category is a rule (the analyzer's name when it has none)
// whose help URI is its analyzer's documentation; a result has the
// finding's region, its related positions and its suggested fixes.
// Analyzer errors become tool execution notifications.
func printSARIF(w io.Writer, res *Result, analyzers []*analysis.Analyzer) error {
	wd, _ := os.Getwd()
	run := sarif.NewRunWithInformationURI("maplint", "https://github.com/maplint/maplint")
	mod, rev := buildInfo()
	run.Tool.Driver.WithVersion(mod)
	if rev != "unknown" {
		run.Tool.Driver.WithProperties(sarif.NewPropertyBag().Add("revision", rev))
	}
	run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{srcRoot: *sarif.NewArtifactLocation().WithURI(fileURI(wd) + "/")})
	run.WithColumnKind("unicodeCodePoints")

	// One rule per category, in a stable order: by analyzer, then category.
	type ruleKey struct{ analyzer, id string }
	var rules []ruleKey
	seenRule := make(map[string]bool)
	inv := sarif.NewInvocation().WithExecutionSuccessful(true)
	failed, found := findings(res)
	for _, u := range failed {
		inv.WithExecutionSuccessful(false)
		inv.AddToolExecutionNotification(sarif.NewNotification().
			WithLevel("error").
			WithMessage(sarif.NewTextMessage(fmt.Sprintf("%s: %s: %v", u.Package.ID, u.Analyzer.Name, u.Err))))
	}
	for _, f := range found {
		if id := ruleID(f.u.Analyzer, f.d); !seenRule[id] {
			seenRule[id] = true
			rules = append(rules, ruleKey{f.u.Analyzer.Name, id})
		}
	}
	slices.SortFunc(rules, func(x, y ruleKey) int {
		return cmp.Or(strings.Compare(x.analyzer, y.analyzer), strings.Compare(x.id, y.id))
	})
	byName := make(map[string]*analysis.Analyzer, len(analyzers))
	for _, a := range analyzers {
		byName[a.Name] = a
	}
	for _, r := range rules {
		a := byName[r.analyzer]
		help := fmt.Sprintf(docURL, r.analyzer)
		title := r.analyzer
		if a != nil {
			help = cmp.Or(a.URL, help)
			title = strings.Split(a.Doc, "\n\n")[0]
		}
		run.AddRule(r.id).
			WithName(r.id).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.analyzer + ": " + title)).
			WithHelpURI(help).
			WithHelp(sarif.NewMultiformatMessageString().WithText("See " + help)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel("warning")).
			WithProperties(sarif.NewPropertyBag().Add("analyzer", r.analyzer))
	}
	for _, f := range found {
		fset := f.u.Package.Fset
		result := run.CreateResultForRule(ruleID(f.u.Analyzer, f.d)).
			WithLevel("warning").
			WithMessage(sarif.NewTextMessage(f.d.Message)).
			AddLocation(location(fset, wd, f.d.Pos, f.d.End))
		for i, r := range f.d.Related {
			result.AddRelatedLocation(location(fset, wd, r.Pos, r.End).
				WithID(i + 1).
				WithMessage(sarif.NewTextMessage(r.Message)))
		}
		for _, fix := range f.d.SuggestedFixes {
			result.AddFixe(sarifFix(fset, wd, fix))
		}
	}
	run.AddInvocation(inv)
	rep := sarif.NewReport()
	rep.AddRun(run)
	return rep.PrettyWrite(w)
}

// ruleID is a diagnostic's rule: its category, or its analyzer's name.
func ruleID(a *analysis.Analyzer, d analysis.Diagnostic) string {
	return cmp.Or(d.Category, a.Name)
}

func location(fset *token.FileSet, wd string, pos, end token.Pos) *sarif.Location {
	return sarif.NewLocation().WithPhysicalLocation(sarif.NewPhysicalLocation().
		WithArtifactLocation(artifact(wd, fset.Position(pos).Filename)).
		WithRegion(region(fset, pos, end)))
}

// region is a finding's span. Columns count characters (the run's
// columnKind) and are one past the last one at the end.
func region(fset *token.FileSet, pos, end token.Pos) *sarif.Region {
	p, e := fset.Position(pos), fset.Position(cmp.Or(end, pos))
	r := sarif.NewRegion().WithStartLine(p.Line).WithEndLine(e.Line)
	if col := charColumn(fset, pos); col > 0 {
		r.WithStartColumn(col)
	}
	if col := charColumn(fset, cmp.Or(end, pos)); col > 0 {
		r.WithEndColumn(col)
	}
	return r
}

// charColumn converts pos's byte column to a character column.
func charColumn(fset *token.FileSet, pos token.Pos) int {
	p := fset.Position(pos)
	if p.Column <= 1 {
		return p.Column
	}
	tf := fset.File(pos)
	data, err := os.ReadFile(tf.Name())
	if err != nil || p.Offset > len(data) {
		return p.Column
	}
	start := p.Offset - (p.Column - 1)
	if start < 0 {
		return p.Column
	}
	return len([]rune(string(data[start:p.Offset]))) + 1
}

func sarifFix(fset *token.FileSet, wd string, fix analysis.SuggestedFix) *sarif.Fix {
	sf := sarif.NewFix().WithDescription(sarif.NewTextMessage(fix.Message))
	changes := make(map[string]*sarif.ArtifactChange)
	var order []string
	for _, e := range fix.TextEdits {
		name := fset.Position(e.Pos).Filename
		ch, ok := changes[name]
		if !ok {
			ch = sarif.NewArtifactChange().WithArtifactLocation(artifact(wd, name))
			changes[name] = ch
			order = append(order, name)
		}
		start, end := fset.Position(e.Pos).Offset, fset.Position(cmp.Or(e.End, e.Pos)).Offset
		ch.AddReplacement(sarif.NewReplacement().
			WithDeletedRegion(sarif.NewRegion().WithByteOffset(start).WithByteLength(end - start)).
			WithInsertedContent(sarif.NewArtifactContent().WithText(string(e.NewText))))
	}
	for _, name := range order {
		sf.AddArtifactChange(changes[name])
	}
	return sf
}

// artifact locates a file: relative to %SRCROOT% (the current directory)
// when it is under it, as code scanning wants; a file:// URI otherwise.
func artifact(wd, name string) *sarif.ArtifactLocation {
	if wd != "" {
		if rel, err := filepath.Rel(wd, name); err == nil && filepath.IsLocal(rel) {
			return sarif.NewArtifactLocation().WithURI(escapePath(filepath.ToSlash(rel))).WithURIBaseID(srcRoot)
		}
	}
	return sarif.NewArtifactLocation().WithURI(fileURI(name))
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }
