package fuzz

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/maplint/maplint/analyzers"
)

// bigFunc returns a file with one function that declares n maps and n
// slices and then fills each in a loop of its own, and uses them all after:
// every map and slice is a finding, and every one's "next use" is n
// statements away (issue 14 item 6).
func bigFunc(n int) string {
	var b strings.Builder
	b.WriteString("package p\n\nfunc Big(xs []int) int {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tm%d := map[int]int{}\n\tvar s%d []int\n", i, i)
	}
	for i := range n {
		fmt.Fprintf(&b, "\tfor _, x := range xs {\n\t\tm%d[x] = x\n\t}\n\tfor _, x := range xs {\n\t\ts%[1]d = append(s%[1]d, x)\n\t}\n", i)
	}
	b.WriteString("\tt := 0\n")
	for i := range n {
		fmt.Fprintf(&b, "\tt += len(m%d) + len(s%[1]d)\n", i)
	}
	b.WriteString("\treturn t\n}\n")
	return b.String()
}

// noop requires what the suite's analyzers require and does nothing: its
// run is the floor the analyzers' own work adds to.
var noop = &analysis.Analyzer{Name: "noop", Doc: "noop", Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(*analysis.Pass) (any, error) { return nil, nil }}

// BenchmarkOneBigFunction measures each analyzer on bigFunc(3000), the
// case of issue 14 item 6 (9.8 s of CPU for maps alone before the uses
// were indexed), against noop:
//
//	go test -run '^$' -bench OneBigFunction -benchtime 3x ./internal/testutil/fuzz
func BenchmarkOneBigFunction(b *testing.B) {
	n := scaleN
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "big.go", bigFunc(n), parser.SkipObjectResolution)
	if err != nil {
		b.Fatal(err)
	}
	pkg, info, errs := TypeCheck(fset, "p", []*ast.File{f}, nil)
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	in := &Input{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, Info: info}
	want := map[string]int{"noop": 0, "hotmap": n, "makecap": n}
	for _, a := range append([]*analysis.Analyzer{noop}, analyzers.All()...) {
		b.Run(a.Name, func(b *testing.B) {
			for b.Loop() {
				diags, err := Run(in, []*analysis.Analyzer{a})
				if err != nil {
					b.Fatal(err)
				}
				if w, ok := want[a.Name]; ok && len(diags) != w {
					b.Fatalf("%d findings, want %d", len(diags), w)
				}
			}
		})
	}
}

// scaleN is the size of BenchmarkOneBigFunction's function.
var scaleN = 3000 // -args -scale.n=N for a quick profile

func init() { flag.IntVar(&scaleN, "scale.n", scaleN, "maps and slices in BenchmarkOneBigFunction") }
