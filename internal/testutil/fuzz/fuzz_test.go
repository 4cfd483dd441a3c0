package fuzz

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/analyzers"
)

// seed is one Go file of an analyzer's testdata.
type seed struct {
	path string // relative to the analyzers directory, for test names
	dir  string
	src  []byte
}

var (
	setupOnce sync.Once
	seeds     []seed
	imp       *Importer
)

// setup globs analyzers/*/testdata/src/**/*.go at test time, so every
// analyzer that lands is covered without editing this package.
func setup(t testing.TB) {
	setupOnce.Do(func() {
		if err := analysis.Validate(analyzers.All()); err != nil {
			t.Fatalf("analysis.Validate: %v", err)
		}
		roots, _ := filepath.Glob(filepath.Join("..", "..", "..", "analyzers", "*", "testdata", "src"))
		var abs = make([]string, 0, len(roots))
		for _, root := range roots {
			a, err := filepath.Abs(root)
			if err != nil {
				t.Fatal(err)
			}
			abs = append(abs, a)
			filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
					return nil
				}
				b, err := os.ReadFile(path)
				if err != nil {
					return nil
				}
				rel, _ := filepath.Rel(filepath.Join("..", "..", "..", "analyzers"), path)
				if r, err := filepath.Rel(mustAbs(filepath.Join("..", "..", "..", "analyzers")), path); err == nil {
					rel = r
				}
				seeds = append(seeds, seed{path: rel, dir: filepath.Dir(path), src: b})
				return nil
			})
		}
		sort.Slice(seeds, func(i, j int) bool { return seeds[i].path < seeds[j].path })
		imp = NewImporter(abs)
		// Import everything the seeds import now: the fuzzing engine
		// counts an input that takes over 10s as a hang, and type-checking
		// the standard library from source on the first input would.
		paths := map[string]bool{"fmt": true, "strings": true, "sort": true, "maps": true, "slices": true, "sync": true, "unsafe": true, "reflect": true, "strconv": true, "errors": true, "os": true, "io": true, "bytes": true, "context": true, "runtime": true, "iter": true}
		for _, s := range seeds {
			f, err := parser.ParseFile(token.NewFileSet(), "", s.src, parser.ImportsOnly)
			if err != nil {
				continue
			}
			for _, is := range f.Imports {
				if p, err := strconv.Unquote(is.Path.Value); err == nil {
					paths[p] = true
				}
			}
		}
		for p := range paths {
			imp.Import(p) // errors (testdata-only paths, "C") are fine
		}
	})
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return a
}

// analyzeSource parses src as the only file of a package, type-checks it
// as far as it goes, runs the whole suite and checks what it reports.
// It returns the diagnostics (nil when src does not parse).
func analyzeSource(t *testing.T, name string, src []byte) []Diag {
	t.Helper()
	imp.Lock()
	defer imp.Unlock()
	f, err := parser.ParseFile(imp.Fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	return analyzeFiles(t, "fuzz/"+f.Name.Name, []*ast.File{f}, map[string][]byte{name: src})
}

// analyzeFiles runs the suite on files (already parsed into imp.Fset;
// imp is locked by the caller).
func analyzeFiles(t *testing.T, path string, files []*ast.File, src map[string][]byte) []Diag {
	t.Helper()
	pkg, info, typeErrs := TypeCheck(imp.Fset, path, files, imp)
	in := &Input{Fset: imp.Fset, Files: files, Src: src, Pkg: pkg, Info: info, TypeErrors: typeErrs, Importer: imp}
	diags, err := Run(in, analyzers.All())
	if err != nil {
		var pe *PanicError
		if errors.As(err, &pe) {
			t.Fatalf("%s (%d type errors)\n--- source ---\n%s", err, len(typeErrs), joinSrc(src))
		}
		if len(typeErrs) == 0 {
			t.Fatalf("analyzer error on a well-typed package: %v\n--- source ---\n%s", err, joinSrc(src))
		}
		t.Logf("analyzer error with %d type errors (allowed): %v", len(typeErrs), err)
	}
	for _, e := range Check(in, diags) {
		t.Errorf("%v\n--- source ---\n%s", e, joinSrc(src))
	}
	return diags
}

func joinSrc(src map[string][]byte) string {
	var names = make([]string, 0, len(src))
	for n := range src {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString("// " + n + "\n")
		b.Write(src[n])
		b.WriteString("\n")
	}
	s := b.String()
	if len(s) > 20000 {
		s = s[:20000] + "\n…"
	}
	return s
}

// FuzzSuite mutates Go source seeded from every analyzer's testdata and
// checks the suite never panics, reports only valid positions, and
// suggests fixes that apply cleanly and keep the file parsable.
func FuzzSuite(f *testing.F) {
	setup(f)
	if len(seeds) == 0 {
		f.Add([]byte("package p\n\nfunc f() map[string]int { return map[string]int{} }\n"))
	}
	for _, s := range seeds {
		f.Add(s.src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		analyzeSource(t, "/fuzz/fuzz.go", src)
	})
}

// TestSeedPackages runs the suite on every testdata package as a whole
// (all its files, imports of sibling testdata packages resolved).
func TestSeedPackages(t *testing.T) {
	setup(t)
	dirs := make(map[string]bool, len(seeds))
	for _, s := range seeds {
		dirs[s.dir] = true
	}
	if len(dirs) == 0 {
		t.Skip("no analyzer testdata yet")
	}
	var list = make([]string, 0, len(dirs))
	for d := range dirs {
		list = append(list, d)
	}
	sort.Strings(list)
	total := 0
	for _, dir := range list {
		root := ""
		for _, r := range imp.Roots {
			if strings.HasPrefix(dir, r+string(filepath.Separator)) {
				root = r
			}
		}
		path, _ := filepath.Rel(root, dir)
		t.Run(filepath.Base(filepath.Dir(filepath.Dir(root)))+"/"+filepath.ToSlash(path), func(t *testing.T) {
			imp.Lock()
			defer imp.Unlock()
			files, src, err := ParseDir(imp.Fset, dir)
			if err != nil || len(files) == 0 {
				t.Skipf("no files: %v", err)
			}
			total += len(analyzeFiles(t, filepath.ToSlash(path), files, src))
		})
	}
	t.Logf("%d packages, %d diagnostics", len(list), total)
}

// TestGeneratedSeeds marks every seed file as generated: the suite must
// then report nothing in it.
func TestGeneratedSeeds(t *testing.T) {
	setup(t)
	for _, s := range seeds {
		t.Run(s.path, func(t *testing.T) {
			src := append([]byte("// Code generated by maplint's fuzz test. DO NOT EDIT.\n\n"), s.src...)
			for _, d := range analyzeSource(t, "/gen/gen.go", src) {
				t.Errorf("%s reported in a generated file: %s", d.Analyzer.Name, d.Message)
			}
		})
	}
}

// TestMutilatedSeeds runs the suite on variants of every seed that real
// code produces: type errors, a //line directive, an import "C", and
// parse-level damage (each statement list truncated).
func TestMutilatedSeeds(t *testing.T) {
	setup(t)
	variants := map[string]func([]byte) []byte{
		"typeerrors": func(b []byte) []byte {
			return append(append([]byte{}, b...), []byte("\nvar _ int = \"not an int\"\n\nfunc _() { undefinedFunc(undefinedVar); var m map[string]int = 3; _ = m; for k := range undefinedMap { _ = k } }\n")...)
		},
		"undefined-types": func(b []byte) []byte {
			// Every map type's key becomes an undefined type.
			return []byte(strings.ReplaceAll(string(b), "map[", "map[undefinedKey]map["))
		},
		"linedirective": func(b []byte) []byte {
			return []byte(strings.Replace(string(b), "\nfunc ", "\n//line elsewhere.y:100\nfunc ", -1))
		},
		"cgo": func(b []byte) []byte {
			s := string(b)
			i := strings.Index(s, "\npackage ")
			if !strings.HasPrefix(s, "package ") && i < 0 {
				return b
			}
			// Insert import "C" right after the package clause.
			j := strings.Index(s[max(i, 0)+1:], "\n")
			if j < 0 {
				return b
			}
			k := max(i, 0) + 1 + j
			return []byte(s[:k] + "\n\n// #include <stdlib.h>\nimport \"C\"\n\nvar _ = C.free\n" + s[k:])
		},
	}
	for _, s := range seeds {
		for name, v := range variants {
			t.Run(s.path+"/"+name, func(t *testing.T) {
				analyzeSource(t, "/mut/"+name+".go", v(s.src))
			})
		}
		// Drop each line in turn, within a budget: partial functions,
		// missing declarations, unbalanced loops that still parse.
		lines := strings.Split(string(s.src), "\n")
		step := max(1, len(lines)/40)
		t.Run(s.path+"/droplines", func(t *testing.T) {
			for i := 0; i < len(lines); i += step {
				mut := strings.Join(append(append([]string{}, lines[:i]...), lines[i+1:]...), "\n")
				analyzeSource(t, "/mut/drop.go", []byte(mut))
			}
		})
	}
}
