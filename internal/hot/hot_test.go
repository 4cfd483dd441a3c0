package hot

import (
	"bytes"
	"compress/gzip"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/pprof/profile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/maplint/maplint/internal/loopmark"
)

// frame is one entry of a Location's Line list.
type frame struct {
	fn, file    string
	line, start int64
}

// sample is a stack, leaf first; each element is one Location, whose
// frames are innermost (inlined) first.
type sample struct {
	value int64
	stack [][]frame
}

// build makes a CPU profile as the Go runtime writes it.
func build(samples ...sample) *profile.Profile {
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
		PeriodType: &profile.ValueType{Type: "cpu", Unit: "nanoseconds"},
		Period:     10000000,
	}
	funcs := map[string]*profile.Function{}
	for _, s := range samples {
		ps := &profile.Sample{Value: []int64{s.value, s.value * 10000000}}
		for _, l := range s.stack {
			loc := &profile.Location{ID: uint64(len(p.Location) + 1), Address: uint64(0x1000 + len(p.Location))}
			for _, f := range l {
				key := f.fn + "\x00" + f.file
				fn := funcs[key]
				if fn == nil {
					fn = &profile.Function{ID: uint64(len(p.Function) + 1), Name: f.fn, SystemName: f.fn, Filename: f.file, StartLine: f.start}
					funcs[key] = fn
					p.Function = append(p.Function, fn)
				}
				loc.Line = append(loc.Line, profile.Line{Function: fn, Line: f.line})
			}
			p.Location = append(p.Location, loc)
			ps.Location = append(ps.Location, loc)
		}
		p.Sample = append(p.Sample, ps)
	}
	return p
}

// write saves p in dir and returns the file name.
func write(t *testing.T, p *profile.Profile) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "cpu.pprof")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Write(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return file
}

func indexed(t *testing.T, samples ...sample) *Profile {
	t.Helper()
	p, err := Load(write(t, build(samples...)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// parse parses src as file name and returns the Func enclosing the first
// loop of the declaration named decl, with the loop's lines.
func loopIn(t *testing.T, pkgPath, pkgName, name, src, decl string) (Func, int, int) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != decl {
			continue
		}
		var loop ast.Node
		ast.Inspect(fd, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				if loop == nil {
					loop = n
				}
			}
			return loop == nil
		})
		if loop == nil {
			t.Fatalf("no loop in %s", decl)
		}
		return EnclosingFunc(fset, f, pkgPath, pkgName, loop.Pos()), fset.Position(loop.Pos()).Line, fset.Position(loop.End()).Line
	}
	t.Fatalf("no func %s", decl)
	return Func{}, 0, 0
}

func TestLocalName(t *testing.T) {
	src := `package p
func F() {}
func G[T any]() {}
func (T) V() {}
func (t *T) P() {}
func (g *Gen[K]) M() {}
func (g Pair[K, V]) N() {}
func (t (*T)) Q() {}
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"F", "G[...]", "T.V", "(*T).P", "(*Gen[...]).M", "Pair[...].N", "(*T).Q"}
	for i, d := range f.Decls {
		if got := LocalName(d.(*ast.FuncDecl)); got != want[i] {
			t.Errorf("LocalName #%d = %q, want %q", i, got, want[i])
		}
	}
}

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		pkg, pkgName, local string
		sym                 string
		ok, exact           bool
	}{
		{"example.com/p", "p", "F", "example.com/p.F", true, true},
		{"example.com/p", "p", "F", "example.com/p.G", false, false},
		{"example.com/p", "p", "F", "example.com/q.F", false, false},
		{"example.com/p", "p", "F", "example.com/pp.F", false, false},
		// methods and pointer receivers
		{"example.com/p", "p", "(*T).M", "example.com/p.(*T).M", true, true},
		{"example.com/p", "p", "T.M", "example.com/p.T.M", true, true},
		{"example.com/p", "p", "T.M", "example.com/p.(*T).M", false, false},
		{"example.com/p", "p", "M", "example.com/p.(*T).M.func1", false, false},
		// generics, as the runtime names instantiations (shapes) or elides them
		{"example.com/p", "p", "Map[...]", "example.com/p.Map[go.shape.int]", true, true},
		{"example.com/p", "p", "Map[...]", "example.com/p.Map[...]", true, true},
		{"example.com/p", "p", "(*G[...]).M", "example.com/p.(*G[go.shape.int]).M", true, true},
		{"example.com/p", "p", "(*G[...]).M", "example.com/p.(*G[go.shape.map[string]int,go.shape.[]uint8]).M", true, true},
		{"example.com/p", "p", "Map[...]", "example.com/p.Map[go.shape.int].func1", true, false},
		// closures, nested, go and defer wrappers, inlined into a caller
		{"example.com/p", "p", "F", "example.com/p.F.func1", true, false},
		{"example.com/p", "p", "F", "example.com/p.F.func1.2", true, false},
		{"example.com/p", "p", "F", "example.com/p.F.gowrap1", true, false},
		{"example.com/p", "p", "F", "example.com/p.F.deferwrap2", true, false},
		{"example.com/p", "p", "F", "example.com/p.Caller.F.func1", true, false},
		{"example.com/p", "p", "F", "example.com/p.FF.func1", false, false},
		{"example.com/p", "p", "F", "example.com/p.F.other", false, false},
		{"example.com/p", "p", "(*T).M", "example.com/p.(*T).M.func3", true, false},
		// init functions and variable initializers
		{"example.com/p", "p", "init", "example.com/p.init.0", true, false},
		{"example.com/p", "p", "init", "example.com/p.init.func1", true, false},
		{"example.com/p", "p", "init", "example.com/p.glob..func1", true, false},
		// main packages: "main" in a binary, the import path in a test binary
		{"example.com/cmd/x", "main", "run", "main.run", true, true},
		{"example.com/cmd/x", "main", "run", "example.com/cmd/x.run", true, true},
		// a dot in the last path element is escaped in symbols
		{"gopkg.in/yaml.v3", "yaml", "(*decoder).unmarshal", "gopkg.in/yaml%2ev3.(*decoder).unmarshal", true, true},
	} {
		fset := token.NewFileSet()
		file, _ := parser.ParseFile(fset, "x.go", "package "+tc.pkgName, 0)
		f := EnclosingFunc(fset, file, tc.pkg, tc.pkgName, file.Package)
		f.Local = tc.local
		ok, exact, _ := f.match(tc.sym)
		if ok != tc.ok || exact != tc.exact {
			t.Errorf("%s: match(%q) = %v, %v; want %v, %v", f.Name(), tc.sym, ok, exact, tc.ok, tc.exact)
		}
	}
}

func TestSameFile(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"/build/src/example.com/p/x.go", "/home/me/p/x.go", true},
		{"example.com/p/x.go", "/home/me/p/x.go", true}, // -trimpath
		{"/build/p/x.go", "/home/me/p/y.go", false},
		{"/build/p/ax.go", "/home/me/p/x.go", false},
		{"", "/home/me/p/x.go", false},
		{`C:\build\p\x.go`, "/home/me/p/x.go", true}, // a profile from Windows
	} {
		if got := sameFile(tc.a, tc.b); got != tc.want {
			t.Errorf("sameFile(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

const methodSrc = `package p

type T struct{}

func (t *T) M(xs []int) {
	for range xs {
		work()
	}
	other()
}

func N() {
	for {
		work()
	}
}
`

func TestWeighLines(t *testing.T) {
	const file = "/build/example.com/p/x.go"
	m := func(line int64) frame { return frame{"example.com/p.(*T).M", file, line, 5} }
	work := frame{"example.com/p.work", "/build/example.com/p/w.go", 40, 39}
	p := indexed(t,
		sample{10, [][]frame{{work}, {m(7)}}},                     // a call in the loop: cum
		sample{5, [][]frame{{m(6)}}},                              // the loop's own code: flat and cum
		sample{7, [][]frame{{work, m(7)}}},                        // work inlined into the loop: cum
		sample{3, [][]frame{{m(9)}}},                              // after the loop
		sample{4, [][]frame{{work}, {m(7)}, {m(7)}}},              // recursion: counted once
		sample{6, [][]frame{{{"example.com/p.N", file, 14, 12}}}}, // another function
		sample{5, [][]frame{{{"runtime.gcBgMarkWorker", "/go/src/runtime/mgc.go", 1400, 1300}}}},
	)
	f, start, end := loopIn(t, "example.com/p", "p", "/home/me/p/x.go", methodSrc, "M")
	if start != 6 || end != 8 {
		t.Fatalf("loop lines %d-%d", start, end)
	}
	w := p.Weigh(f, start, end)
	if total := 40.0; w.Cum != 26/total || w.Flat != 5/total || w.WholeFunc {
		t.Errorf("Weigh = %+v, want cum 26/40, flat 5/40", w)
	}
	// The same lines in another file of the package weigh nothing.
	f.File = "/home/me/p/y.go"
	if w := p.Weigh(f, start, end); w.Cum != 0 {
		t.Errorf("other file: %+v", w)
	}
}

func TestWeighClosuresAndGenerics(t *testing.T) {
	src := `package p

func Map[E any](xs []E, f func(E) E) []E {
	var out []E
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Clo(xs []int) func() int {
	return func() int {
		s := 0
		for _, x := range xs {
			s += x
		}
		return s
	}
}
`
	const file = "/build/p/x.go"
	p := indexed(t,
		sample{3, [][]frame{{{"example.com/p.Map[go.shape.int]", file, 6, 3}}}},
		sample{1, [][]frame{{{"example.com/p.Map[go.shape.string]", file, 6, 3}}}},
		sample{2, [][]frame{{{"example.com/p.Clo.func1", file, 15, 12}}}},
		sample{4, [][]frame{{{"example.com/p.Caller.Clo.func1", file, 15, 12}, {"example.com/p.Caller", "/build/p/c.go", 9, 8}}}},
	)
	f, s, e := loopIn(t, "example.com/p", "p", "x.go", src, "Map")
	if w := p.Weigh(f, s, e); w.Cum != 0.4 || w.WholeFunc {
		t.Errorf("generic: %+v, want 0.4", w)
	}
	f, s, e = loopIn(t, "example.com/p", "p", "x.go", src, "Clo")
	if w := p.Weigh(f, s, e); w.Cum != 0.6 || w.Flat != 0.6 {
		t.Errorf("closure: %+v, want 0.6", w)
	}
}

func TestWeighMovedLines(t *testing.T) {
	const file = "/build/example.com/p/x.go"
	// The profile's build had M three lines further down.
	m := func(line int64) frame { return frame{"example.com/p.(*T).M", file, line, 8} }
	p := indexed(t,
		sample{6, [][]frame{{m(10)}}},
		sample{2, [][]frame{{m(12)}}},
		sample{2, [][]frame{{{"main.main", "/build/main.go", 3, 1}}}},
	)
	f, s, e := loopIn(t, "example.com/p", "p", "x.go", methodSrc, "M")
	if w := p.Weigh(f, s, e); !w.WholeFunc || w.Cum != 0.8 {
		t.Errorf("moved start line: %+v, want the whole function, 0.8", w)
	}
	// No start line recorded, but samples past the function's end.
	m = func(line int64) frame { return frame{"example.com/p.(*T).M", file, line, 0} }
	p = indexed(t, sample{6, [][]frame{{m(7)}}}, sample{4, [][]frame{{m(30)}}})
	if w := p.Weigh(f, s, e); !w.WholeFunc || w.Cum != 1 {
		t.Errorf("lines past the end: %+v, want the whole function", w)
	}
	// In place: exact.
	m = func(line int64) frame { return frame{"example.com/p.(*T).M", file, line, 5} }
	p = indexed(t, sample{6, [][]frame{{m(7)}}}, sample{4, [][]frame{{m(9)}}})
	if w := p.Weigh(f, s, e); w.WholeFunc || w.Cum != 0.6 {
		t.Errorf("in place: %+v, want 0.6 exact", w)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.pprof")
	os.WriteFile(empty, nil, 0o666)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("this is not a profile\n"), 0o666)
	heap := build(sample{1, [][]frame{{{"f", "f.go", 1, 1}}}})
	heap.SampleType = []*profile.ValueType{{Type: "alloc_objects", Unit: "count"}, {Type: "alloc_space", Unit: "bytes"}}
	zero := build()
	for _, tc := range []struct{ file, want string }{
		{filepath.Join(dir, "missing.pprof"), "no such file or directory"},
		{dir, "a directory, not a regular file"},
		{empty, "empty file"},
		{text, "not a pprof profile"},
		{write(t, heap), "not a CPU profile"},
		{write(t, zero), "no CPU samples"},
	} {
		_, err := Load(tc.file)
		if err == nil {
			t.Errorf("Load(%s): no error", tc.file)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tc.file) || !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
			t.Errorf("Load(%s) = %q, want one line naming the file and %q", tc.file, msg, tc.want)
		}
	}
}

// TestLoadBounded: a device never ends and a named pipe blocks the open;
// a file or a gzip stream past the limit is refused before it fills memory.
func TestLoadBounded(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := Load("/dev/zero"); err == nil || !strings.Contains(err.Error(), "a device, not a regular file") {
			t.Errorf("Load(/dev/zero) = %v, want a refusal", err)
		}
	}
	defer func(old int64) { maxProfileBytes = old }(maxProfileBytes)
	maxProfileBytes = 1 << 20
	dir := t.TempDir()
	big := filepath.Join(dir, "big.pprof")
	os.WriteFile(big, make([]byte, maxProfileBytes+1), 0o666)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(make([]byte, 2*maxProfileBytes))
	zw.Close()
	bomb := filepath.Join(dir, "bomb.pprof")
	os.WriteFile(bomb, gz.Bytes(), 0o666)
	for file, want := range map[string]string{big: "more than a profile's limit of 1 MiB", bomb: "decompressed, more than a profile's limit of 1 MiB"} {
		if _, err := Load(file); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), file) {
			t.Errorf("Load(%s) = %v, want %q", file, err, want)
		}
	}
}

// TestOwnsFile: a "main." symbol's file must resolve to the linted file:
// the longest tail of the profile's path that exists in the module.
func TestOwnsFile(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"go.mod", "root.go", "cmd/server/main.go", "cmd/worker/main.go", "a/tool/main.go", "b/tool/main.go"} {
		os.MkdirAll(filepath.Join(root, filepath.Dir(f)), 0o777)
		os.WriteFile(filepath.Join(root, f), nil, 0o666)
	}
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/mod\n"), 0o666)
	local := func(f string) string { return filepath.Join(root, f) }
	for _, tc := range []struct {
		profile string
		owner   string // "" for none
	}{
		{"/build/mod/cmd/server/main.go", "cmd/server/main.go"},      // another machine's path
		{"example.com/mod/cmd/server/main.go", "cmd/server/main.go"}, // -trimpath
		{`C:\build\mod\cmd\worker\main.go`, "cmd/worker/main.go"},    // another OS
		{local("cmd/server/main.go"), "cmd/server/main.go"},          // this machine
		{"/build/mod/root.go", "root.go"},                            // the root package
		{"/build/root.go", "root.go"},                                // built in a directory of another name
		{"/build/mod/tool/main.go", ""},                              // a/tool or b/tool: neither
		{"/build/other/cmd/gone/main.go", ""},                        // moved, or another module's
		{"other.com/mod/cmd/server/main.go", "cmd/server/main.go"},   // -trimpath, module renamed since: the tail
		{"example.com/mod/x/cmd/server/main.go", ""},                 // -trimpath: the module path decides
	} {
		for _, f := range []string{"root.go", "cmd/server/main.go", "cmd/worker/main.go", "a/tool/main.go", "b/tool/main.go"} {
			if got, want := ownsFile(tc.profile, local(f)), f == tc.owner; got != want {
				t.Errorf("ownsFile(%q, %s) = %v, want %v", tc.profile, f, got, want)
			}
		}
	}
}

func TestLoadOnce(t *testing.T) {
	file := write(t, build(sample{1, [][]frame{{{"f", "f.go", 1, 1}}}}))
	p1, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(file)
	if p2, err := Load(file); err != nil || p2 != p1 {
		t.Errorf("second Load = %p, %v; want the cached %p", p2, err, p1)
	}
}

// fake reports, for each function, its first loop as a finding with the
// loop as related information, and a finding without loop for Plain.
var fake = &analysis.Analyzer{
	Name: "fake",
	Doc:  "fake",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd := d.(*ast.FuncDecl)
				var loop ast.Node
				ast.Inspect(fd, func(n ast.Node) bool {
					if _, ok := n.(*ast.RangeStmt); ok && loop == nil {
						loop = n
					}
					return true
				})
				if loop == nil {
					pass.Report(analysis.Diagnostic{Pos: fd.Name.Pos(), Message: "no loop"})
					continue
				}
				pos := fd.Name.Pos()
				if fd.Name.Name == "Grows" { // at the variable, as hotmap and makecap report
					pos = fd.Body.List[0].(*ast.DeclStmt).Decl.(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Names[0].Pos()
				}
				pass.Report(analysis.Diagnostic{Pos: pos, Message: "loop in " + fd.Name.Name,
					Related: []analysis.RelatedInformation{loopmark.Related(loop, loopmark.Filled)}})
			}
		}
		return nil, nil
	},
}

func TestWrap(t *testing.T) {
	dir := analysistest.TestData()
	file := filepath.Join(dir, "src", "a", "a.go")
	p := write(t, build(
		sample{500, [][]frame{{{"runtime.memmove", "/go/src/runtime/memmove.go", 1, 1}}, {{"runtime.growslice", "/go/src/runtime/slice.go", 200, 178}}, {{"a.Hot", file, 6, 3}}}},
		sample{250, [][]frame{{{"a.Hot", file, 5, 3}}}},
		sample{100, [][]frame{{{"a.Warm", file, 21, 19}}}},
		sample{4, [][]frame{{{"a.Cold", file, 13, 11}}}}, // 0.4% < 0.5%
		sample{26, [][]frame{{{"runtime.gcBgMarkWorker", "/go/src/runtime/mgc.go", 1, 1}}}},
		// Growth of "out": its own append grows it (through runtime frames only).
		sample{40, [][]frame{{{"runtime.memmove", "/go/src/runtime/memmove.go", 1, 1}}, {{"runtime.growslice", "/go/src/runtime/slice.go", 200, 178}}, {{"a.Grows", file, 33, 29}}}},
		// Not its growth: another slice's append, a copy, a growth inside a call.
		sample{30, [][]frame{{{"runtime.growslice", "/go/src/runtime/slice.go", 200, 178}}, {{"a.Grows", file, 34, 29}}}},
		sample{20, [][]frame{{{"runtime.memmove", "/go/src/runtime/memmove.go", 1, 1}}, {{"a.Grows", file, 33, 29}}}},
		sample{10, [][]frame{{{"runtime.growslice", "/go/src/runtime/slice.go", 200, 178}, {"a.helper", file, 90, 89}}, {{"a.Grows", file, 33, 29}}}},
		sample{20, [][]frame{{{"runtime.makemap_small", "/go/src/runtime/map.go", 44, 43}}, {{"a.Grows", file, 33, 29}}}}, // a make, on an append's line
	))
	old := Config
	defer func() { Config = old }()

	// Dropping and annotating.
	Config = Settings{Profile: p, Threshold: DefaultThreshold}
	res := analysistest.Run(t, dir, Wrap(fake), "a")
	var got = make([]string, 0, len(res[0].Diagnostics))
	for _, d := range res[0].Diagnostics {
		got = append(got, strings.SplitN(d.Message, ";", 2)[0])
	}
	// Most growth first, then the finding without a loop. Warm's loop
	// has 10% of the samples but grows nothing: dropped, as Cold.
	if want := "loop in Hot,loop in Grows,no loop"; strings.Join(got, ",") != want {
		t.Errorf("order %q, want %q", strings.Join(got, ","), want)
	}

	// Threshold 0 keeps the cold loop.
	Config = Settings{Profile: p, Threshold: 0}
	res = analysistest.Run(&quiet{T: t}, dir, Wrap(fake), "a")
	if n := len(res[0].Diagnostics); n != 5 {
		t.Errorf("threshold 0: %d findings, want 5", n)
	}
	// Each weighed finding's weight is also data (-json's "hot"), the
	// same numbers as its message; the finding without a loop has none.
	for _, d := range res[0].Diagnostics {
		w, ok := WeightOf(d)
		if strings.HasPrefix(d.Message, "no loop") {
			if ok {
				t.Errorf("%q: weight %+v, want none", d.Message, w)
			}
			continue
		}
		if !ok || w.Profile != p || !strings.HasSuffix(d.Message, describe(w, false)) {
			t.Errorf("%q: WeightOf = %+v, %v; want the message's weight", d.Message, w, ok)
		}
		if strings.HasPrefix(d.Message, "loop in Hot") && w.Cum != 0.75 {
			t.Errorf("Hot: cum %v, want 0.75", w.Cum)
		}
	}

	// No profile: the original Run with the original Pass.
	Config = Settings{Threshold: DefaultThreshold}
	res = analysistest.Run(&quiet{T: t}, dir, Wrap(fake), "a")
	got = nil
	for _, d := range res[0].Diagnostics {
		got = append(got, d.Message)
	}
	if want := "loop in Hot,loop in Cold,loop in Warm,no loop,loop in Grows"; strings.Join(got, ",") != want {
		t.Errorf("without a profile: %q, want %q", strings.Join(got, ","), want)
	}

	// A bad profile is an error of the run.
	var fatal error
	Config = Settings{Profile: filepath.Join(t.TempDir(), "nope.pprof"), Threshold: 1, Fatal: func(err error) { fatal = err }}
	if _, err := Wrap(fake).Run(&analysis.Pass{}); err == nil || fatal == nil || !strings.Contains(err.Error(), "nope.pprof") {
		t.Errorf("bad profile: err %v, fatal %v", err, fatal)
	}
	Config = Settings{Profile: p, Threshold: -1}
	if _, err := Wrap(fake).Run(&analysis.Pass{}); err == nil {
		t.Errorf("threshold -1: no error")
	}
}

// quiet is a testing.T for analysistest runs whose "// want" comments do
// not describe them: it drops their complaints.
type quiet struct{ *testing.T }

func (q *quiet) Errorf(string, ...any) {}

// TestGrowthFuncs checks growthFuncs against the running toolchain's
// GOROOT: a function renamed by a Go release would weigh no growth at all.
func TestGrowthFuncs(t *testing.T) {
	goroot := runtime.GOROOT()
	for name := range growthFuncs {
		pkg, fn, _ := strings.Cut(name, ".")
		if strings.HasPrefix(name, "internal/") {
			i := strings.LastIndex(name, "/")
			dot := strings.Index(name[i:], ".")
			pkg, fn = name[:i+dot], name[i+dot+1:]
		}
		decl := regexp.QuoteMeta("func " + fn + "(")
		if recv, meth, ok := strings.Cut(fn, ")."); ok { // (*T).M
			decl = `func \([a-z]+ ` + regexp.QuoteMeta(strings.TrimPrefix(recv, "(")) + `\) ` + regexp.QuoteMeta(meth+"(")
		}
		re := regexp.MustCompile(`(?m)^` + decl)
		files, _ := filepath.Glob(filepath.Join(goroot, "src", pkg, "*.go"))
		found := false
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			found = found || re.Match(data)
		}
		if !found {
			t.Errorf("%s: no %s in %s", name, re, filepath.Join(goroot, "src", pkg))
		}
	}
}

func TestVariableLines(t *testing.T) {
	const src = `package p

import "maps"

func f(ks []string, src map[string]int) map[string]int {
	m := map[string]int{}
	var s []string
	var u []string
	u = []string{}
	for _, k := range ks {
		m[k] = 1
		m[k]++
		s = append(s, k)
		t := append(s, k)
		_ = t
		x := map[string]int{}
		(x)[k] += 1
		_ = m[k] + len(s)
		maps.Copy(x, src)
		maps.Insert(m, maps.All(src))
		maps.Copy(src, m)
		u = append(u, k)
	}
	return m
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, TypesInfo: info}
	body := f.Decls[1].(*ast.FuncDecl).Body.List
	loop := body[4].(*ast.RangeStmt)
	span := loopmark.Related(loop, loopmark.Filled)
	at := func(line, col int) token.Pos { return fset.File(f.Pos()).LineStart(line) + token.Pos(col-1) }
	for _, tc := range []struct {
		pos  token.Pos
		name string
		want []GrowthLine
	}{
		{at(6, 7), "m", []GrowthLine{{11, GrowMap}, {12, GrowMap}, {20, GrowMap}}},  // the literal assigned to m; maps.Insert(m, ...) fills it, maps.Copy(src, m) does not
		{at(7, 6), "s", []GrowthLine{{13, GrowSlice}}},                              // the name s; t := append(s, k) grows t
		{at(16, 8), "x", []GrowthLine{{17, GrowMap}, {19, GrowMap}, {16, MakeMap}}}, // made in the loop
		{at(9, 2), "u", []GrowthLine{{22, GrowSlice}}},                              // u = []string{}: reported at the assigned name
		{at(5, 1), "", nil}, // not a variable
	} {
		v, got := variableLines(pass, f, tc.pos, span)
		name := ""
		if v != nil {
			name = v.Name()
		}
		if name != tc.name || !slices.Equal(got, tc.want) {
			t.Errorf("%s: variableLines = %s %v, want %s %v", fset.Position(tc.pos), name, got, tc.name, tc.want)
		}
	}
}

func TestGrowingFrame(t *testing.T) {
	rt := func(name string) frame { return frame{name, "/go/src/runtime/x.go", 1, 1} }
	user := func(name string, line int64) frame { return frame{name, "/m/a.go", line, 1} }
	for _, tc := range []struct {
		name  string
		stack [][]frame
		index int
		kind  Growth
	}{
		{"slice", [][]frame{{rt("runtime.memmove")}, {rt("runtime.growslice")}, {user("a.F", 5)}}, 2, GrowSlice},
		{"hashing below the growth", [][]frame{{{"aeshashbody", "", 0, 0}}, {{"internal/abi.(*MapType).IndirectKey", "/go/src/internal/abi/map.go", 1, 1}, rt("internal/runtime/maps.(*table).rehash")},
			{rt("runtime.mapassign_faststr")}, {user("a.F", 5)}}, 4, GrowMap},
		{"maps.Copy between", [][]frame{{rt("internal/runtime/maps.(*Map).growToTable")}, {rt("runtime.mapassign_faststr")},
			{{"maps.Copy[go.shape.map[string]int,go.shape.map[string]int,go.shape.string,go.shape.int]", "/go/src/maps/maps.go", 1, 1}}, {user("a.F", 5)}}, 3, GrowMap},
		{"maps.Insert's yield", [][]frame{{rt("runtime.growslice")}, {rt("runtime.hashGrow")}, {rt("runtime.mapassign")},
			{{"maps.Insert[...].func1", "/go/src/maps/iter.go", 1, 1}, {"maps.All[...].func1", "/go/src/maps/iter.go", 1, 1}, {"maps.Insert[...]", "/go/src/maps/iter.go", 1, 1}}, {user("a.F", 5)}}, 6, GrowMap},
		{"the grower is a called function", [][]frame{{rt("runtime.growslice")}, {user("a.helper", 9), user("a.F", 5)}}, 1, GrowSlice},
		{"a make", [][]frame{{rt("runtime.mallocgc")}, {rt("runtime.makemap_small")}, {user("a.F", 5)}}, 2, MakeMap},
		{"no growth", [][]frame{{rt("runtime.memmove")}, {user("a.F", 5)}}, -1, NoGrowth},
		{"growth in a user function's own code", [][]frame{{user("a.G", 3)}, {rt("runtime.growslice")}}, -1, NoGrowth},
	} {
		p := build(sample{1, tc.stack})
		if i, k := growingFrame(p.Sample[0]); i != tc.index || k != tc.kind {
			t.Errorf("%s: growingFrame = %d, %d; want %d, %d", tc.name, i, k, tc.index, tc.kind)
		}
	}
}
