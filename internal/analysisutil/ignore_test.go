package analysisutil

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

const directives = `package p

//maplint:ignore newmap
//maplint:ignore hotmap,makecap
//maplint:ignore *
//maplint:ignore
//maplint:ignore missing-hint a category
//maplint:ignore newamp a typo
//maplint:ignore unsafemap //
// maplint:ignore unsafemap spaced
//maplint:ignore unsafemap,length-then-append reason
//maplint:ignore hotmap, a stray comma

//maplint:ignore hotmap fine
//maplint:ignore newmap,unsafemap fine
//maplint:ignore * fine
//maplint:ignore makecap // fine too, as for //nolint
//maplint:ignorehotmap not a directive
// The maplint:ignore directive, in prose.
`

// malformed maps each malformed line of directives to the analyzer that
// reports it when the whole suite runs.
var malformed = map[int]string{
	3: "newmap", 4: "hotmap", 5: "newmap", 6: "newmap", 7: "hotmap", 8: "newmap",
	9: "unsafemap", 10: "unsafemap", 11: "makecap", 12: "hotmap",
}

// reports runs WithIgnores for analyzer name on src and returns the lines
// it reported, and the pass to report through.
func reports(t *testing.T, name, src string) (map[int]string, *analysis.Pass, *[]int) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[int]string)
	var after []int
	reporting := false
	pass := &analysis.Pass{
		Analyzer: &analysis.Analyzer{Name: name},
		Fset:     fset,
		Files:    []*ast.File{f},
		Report: func(d analysis.Diagnostic) {
			line := fset.Position(d.Pos).Line
			if reporting {
				after = append(after, line)
				return
			}
			if d.Category != MalformedDirective {
				t.Errorf("category %q", d.Category)
			}
			if _, dup := got[line]; dup {
				t.Errorf("line %d reported twice", line)
			}
			got[line] = d.Message
		},
	}
	p := WithIgnores(pass)
	reporting = true
	return got, p, &after
}

func TestMalformedOnce(t *testing.T) {
	SetRunning([]string{"newmap", "hotmap", "makecap", "unsafemap"})
	defer SetRunning(nil)
	count := make(map[int]int)
	for _, m := range Suite {
		got, _, _ := reports(t, m.Name, directives)
		for line := range got {
			count[line]++
			if malformed[line] != m.Name {
				t.Errorf("line %d reported by %s, want %q", line, m.Name, malformed[line])
			}
		}
	}
	for line, by := range malformed {
		if count[line] != 1 {
			t.Errorf("line %d reported %d times, want once (by %s)", line, count[line], by)
		}
	}
}

func TestMalformedSubset(t *testing.T) {
	defer SetRunning(nil)
	for _, tc := range []struct {
		running []string
		name    string
		lines   []int
	}{
		// *, the empty directive and the typo concern every analyzer;
		// "hotmap,makecap" falls to makecap when hotmap is off.
		{[]string{"makecap"}, "makecap", []int{4, 5, 6, 8, 11}},
		{[]string{"hotmap", "unsafemap"}, "hotmap", []int{4, 5, 6, 7, 8, 12}},
		{[]string{"hotmap", "unsafemap"}, "unsafemap", []int{9, 10, 11}},
		{[]string{"unsafemap"}, "unsafemap", []int{5, 6, 8, 9, 10, 11}},
	} {
		SetRunning(tc.running)
		got, _, _ := reports(t, tc.name, directives)
		for _, l := range tc.lines {
			if _, ok := got[l]; !ok {
				t.Errorf("running %v: %s did not report line %d", tc.running, tc.name, l)
			}
		}
		if len(got) != len(tc.lines) {
			t.Errorf("running %v: %s reported %d lines, want %v: %v", tc.running, tc.name, len(got), tc.lines, got)
		}
	}
}

func TestMalformedMessages(t *testing.T) {
	SetRunning([]string{"newmap", "hotmap", "makecap", "unsafemap"})
	defer SetRunning(nil)
	want := map[int]string{
		3:  "malformed //maplint:ignore: no reason given, so it silences nothing; write //maplint:ignore newmap <why this finding is wrong here>",
		6:  "malformed //maplint:ignore: no analyzer named, no reason given, so it silences nothing; write //maplint:ignore <analyzer> <why this finding is wrong here>",
		7:  "malformed //maplint:ignore: missing-hint is a category of hotmap, not an analyzer, so it silences nothing; write //maplint:ignore hotmap a category",
		8:  `malformed //maplint:ignore: "newamp" is not a maplint analyzer (newmap, hotmap, makecap, unsafemap or *), so it silences nothing; write //maplint:ignore <analyzer> a typo`,
		10: `malformed //maplint:ignore: "// maplint:ignore" is not a directive (no space after //), so it silences nothing; write //maplint:ignore unsafemap spaced`,
		11: "malformed //maplint:ignore: length-then-append is a category of makecap, not an analyzer, so it silences only unsafemap; write //maplint:ignore unsafemap,makecap reason",
		12: "malformed //maplint:ignore: an empty analyzer name (stray comma), so it silences only hotmap; write //maplint:ignore hotmap a stray comma",
	}
	got := make(map[int]string)
	for _, m := range Suite {
		r, _, _ := reports(t, m.Name, directives)
		for l, msg := range r {
			got[l] = msg
		}
	}
	for l, w := range want {
		if got[l] != w {
			t.Errorf("line %d:\n got %s\nwant %s", l, got[l], w)
		}
	}
}

// TestSilences checks which lines each analyzer's findings are dropped on:
// a directive's line and the next, only when it is well formed.
func TestSilences(t *testing.T) {
	SetRunning([]string{"newmap", "hotmap", "makecap", "unsafemap"})
	defer SetRunning(nil)
	src := directives + strings.Repeat("\n", 5)
	for _, tc := range []struct {
		name   string
		silent []int
	}{
		{"hotmap", []int{12, 13, 14, 15, 16, 17}},
		{"newmap", []int{15, 16, 17}},
		{"unsafemap", []int{11, 12, 15, 16, 17}},
		{"makecap", []int{16, 17, 18}},
	} {
		_, p, after := reports(t, tc.name, src)
		fset := p.Fset
		tf := fset.File(p.Files[0].Pos())
		for line := 3; line <= 20; line++ {
			p.Report(analysis.Diagnostic{Pos: tf.LineStart(line)})
		}
		reported := make(map[int]bool)
		for _, l := range *after {
			reported[l] = true
		}
		for line := 3; line <= 20; line++ {
			silent := false
			for _, s := range tc.silent {
				silent = silent || s == line
			}
			if reported[line] == silent {
				t.Errorf("%s: line %d reported=%v, want silent=%v", tc.name, line, reported[line], silent)
			}
		}
	}
}

// TestRunningFromFlags checks the -NAME flags of x/tools' multichecker and
// unitchecker: -hotmap alone runs only hotmap; -newmap=false all but newmap.
func TestRunningFromFlags(t *testing.T) {
	SetRunning(nil)
	for _, m := range Suite {
		if !isRunning(m.Name) {
			t.Fatalf("%s not running without flags", m.Name)
		}
	}
	fs := flag.CommandLine
	for _, m := range Suite {
		if fs.Lookup(m.Name) == nil {
			fs.Bool(m.Name, false, "")
		}
	}
	if err := fs.Set("newmap", "false"); err != nil {
		t.Fatal(err)
	}
	if isRunning("newmap") || !isRunning("hotmap") || !isRunning("unsafemap") {
		t.Errorf("-newmap=false: want all but newmap")
	}
	if err := fs.Set("hotmap", "true"); err != nil {
		t.Fatal(err)
	}
	if isRunning("newmap") || !isRunning("hotmap") || isRunning("makecap") {
		t.Errorf("-newmap=false -hotmap: want only hotmap")
	}
	SetRunning([]string{"makecap"}) // a driver that says so wins
	defer SetRunning(nil)
	if !isRunning("makecap") || isRunning("hotmap") {
		t.Errorf("SetRunning([makecap]): want only makecap")
	}
}
