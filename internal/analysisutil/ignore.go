package analysisutil

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IgnoreDirective is the comment that silences maplint findings:
//
//	//maplint:ignore makecap,hotmap the growth is what this test measures
//	//maplint:ignore * reason
//
// on the reported line or on its own line just above it. The analyzer list
// and a reason are required, as with staticcheck's //lint:ignore, so a
// silenced finding explains itself. golangci-lint users can also write
// //nolint:maplint.
const IgnoreDirective = "//maplint:ignore"

// A directive is one //maplint:ignore comment, parsed.
type directive struct {
	c       *ast.Comment
	names   []string // as written, split at commas
	reason  string
	spaced  bool  // "// maplint:ignore": not a directive to Go tools
	concern []int // Suite indexes of the analyzers it may be meant for
	problem []string
	fixed   []string // the analyzer names to write instead
}

// parseDirective parses c if it is, or looks like, a //maplint:ignore
// directive.
func parseDirective(c *ast.Comment) (*directive, bool) {
	// Every comment of every file comes here, once per analyzer: allocate
	// only for a directive.
	text, spaced := c.Text, false
	if rest, ok := strings.CutPrefix(text, "// maplint:ignore"); ok {
		spaced = true
		text = IgnoreDirective + rest
	}
	rest, ok := strings.CutPrefix(text, IgnoreDirective)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil, false // another comment, or //maplint:ignorefoo
	}
	d := &directive{c: c, spaced: spaced}
	fields := strings.Fields(rest)
	if len(fields) > 0 {
		d.names = strings.Split(fields[0], ",")
		// The reason may be written as a comment, as for //nolint:
		// "//maplint:ignore hotmap // reason".
		reason := strings.TrimSpace(strings.Join(fields[1:], " "))
		d.reason = strings.TrimSpace(strings.TrimPrefix(reason, "//"))
	}
	d.check()
	return d, true
}

// check fills d's problems, the analyzers it concerns and what to write.
func (d *directive) check() {
	if d.spaced {
		d.problem = append(d.problem, `"// maplint:ignore" is not a directive (no space after //)`)
	}
	all := false
	for _, n := range d.names {
		switch {
		case n == "*":
			all = true
			d.add(-1)
		case member(n) >= 0:
			d.add(member(n))
		case n == "":
			d.problem = append(d.problem, "an empty analyzer name (stray comma)")
		default:
			if i := slices.IndexFunc(Suite, func(m Member) bool { return slices.Contains(m.Categories, n) }); i >= 0 {
				d.problem = append(d.problem, fmt.Sprintf("%s is a category of %s, not an analyzer", n, Suite[i].Name))
				d.add(i)
				continue
			}
			all = true // a misspelled name may be meant for any analyzer
			d.problem = append(d.problem, fmt.Sprintf("%q is not a maplint analyzer (%s or *)", n, suiteNames()))
		}
	}
	if len(d.names) == 0 {
		all = true
		d.problem = append(d.problem, "no analyzer named")
	}
	if d.reason == "" {
		d.problem = append(d.problem, "no reason given")
	}
	if all {
		d.concern = nil
		for i := range Suite {
			d.concern = append(d.concern, i)
		}
	}
}

// add records that d is meant for Suite[i] (i < 0: every analyzer).
func (d *directive) add(i int) {
	if i < 0 {
		if !slices.Contains(d.fixed, "*") {
			d.fixed = append(d.fixed, "*")
		}
		return
	}
	if !slices.Contains(d.concern, i) {
		d.concern = append(d.concern, i)
	}
	if !slices.Contains(d.fixed, Suite[i].Name) {
		d.fixed = append(d.fixed, Suite[i].Name)
	}
}

// silences reports whether d silences analyzer name's findings.
func (d *directive) silences(name string) bool {
	if d.spaced || d.reason == "" {
		return false
	}
	return slices.Contains(d.names, name) || slices.Contains(d.names, "*")
}

// reporter returns the analyzer that reports d when it is malformed: the
// first analyzer of the registry that d may be meant for and that runs in
// this process. So each malformed directive is reported once when the
// whole suite runs, and still when a subset runs that it concerns.
func (d *directive) reporter() string {
	for _, i := range slices.Sorted(slices.Values(d.concern)) {
		if isRunning(Suite[i].Name) {
			return Suite[i].Name
		}
	}
	return ""
}

func (d *directive) message() string {
	names := "<analyzer>"
	if len(d.fixed) > 0 {
		names = strings.Join(d.fixed, ",")
	}
	reason := d.reason
	if reason == "" {
		reason = "<why this finding is wrong here>"
	}
	effect := "nothing"
	if d.reason != "" && !d.spaced {
		var valid []string
		for _, n := range d.names {
			if n == "*" || member(n) >= 0 {
				valid = append(valid, n)
			}
		}
		if len(valid) > 0 {
			effect = "only " + strings.Join(valid, ",")
		}
	}
	return fmt.Sprintf("malformed %s: %s, so it silences %s; write %s %s %s",
		IgnoreDirective, strings.Join(d.problem, ", "), effect, IgnoreDirective, names, reason)
}

func suiteNames() string {
	names := make([]string, 0, len(Suite))
	for _, m := range Suite {
		names = append(names, m.Name)
	}
	return strings.Join(names, ", ")
}

// WithIgnores returns a copy of pass whose Report drops the diagnostics
// that an IgnoreDirective names, and the suggested fixes of findings in
// cmd/cgo's copies of files (see inCgoCopy). Before it returns, it reports the
// malformed directives that this analyzer is the reporter of (category
// MalformedDirective), outside generated files.
func WithIgnores(pass *analysis.Pass) *analysis.Pass {
	ignored := make(map[token.Position]bool) // file and line, Column 0
	var generated map[*token.File]bool
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d, ok := parseDirective(c)
				if !ok {
					continue
				}
				if d.silences(pass.Analyzer.Name) {
					pos := pass.Fset.Position(c.Pos())
					ignored[token.Position{Filename: pos.Filename, Line: pos.Line}] = true
					ignored[token.Position{Filename: pos.Filename, Line: pos.Line + 1}] = true
				}
				if len(d.problem) == 0 || d.reporter() != pass.Analyzer.Name {
					continue
				}
				if generated == nil {
					generated = GeneratedFiles(pass)
				}
				if generated[pass.Fset.File(c.Pos())] {
					continue
				}
				pass.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Category: MalformedDirective, Message: d.message()})
			}
		}
	}
	p := *pass
	var cgo map[*token.File]bool // nil until a fix is reported
	p.Report = func(d analysis.Diagnostic) {
		pos := pass.Fset.Position(d.Pos)
		if pos.IsValid() && ignored[token.Position{Filename: pos.Filename, Line: pos.Line}] {
			return
		}
		if len(d.SuggestedFixes) > 0 {
			if cgo == nil {
				cgo = CgoFiles(pass)
				if cgo == nil {
					cgo = map[*token.File]bool{}
				}
			}
			if len(cgo) > 0 && inCgoCopy(pass.Fset, cgo, d) {
				d.SuggestedFixes = nil
			}
		}
		pass.Report(d)
	}
	return &p
}

// inCgoCopy reports whether d or an edit of its fixes lies in one of cgo's
// copies. Drivers would apply the edits there, in the build cache, not in
// the user's file (x/tools' -fix skips them as generated; others may
// not), so such findings are reported without a fix.
func inCgoCopy(fset *token.FileSet, cgo map[*token.File]bool, d analysis.Diagnostic) bool {
	if cgo[fset.File(d.Pos)] {
		return true
	}
	for _, fix := range d.SuggestedFixes {
		for _, e := range fix.TextEdits {
			if cgo[fset.File(e.Pos)] {
				return true
			}
		}
	}
	return false
}
