package fuzz

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Importer resolves imports the way analysistest does for testdata: a
// path that names a directory under one of Roots (GOPATH-style
// testdata/src trees) is parsed and type-checked from there; anything
// else comes from the standard library, type-checked from source. It is
// safe for use by one goroutine at a time (Lock around use).
type Importer struct {
	sync.Mutex
	Fset  *token.FileSet
	Roots []string

	std   types.ImporterFrom
	cache map[string]*types.Package
	busy  map[string]bool
}

// NewImporter returns an importer whose positions live in a new file set.
func NewImporter(roots []string) *Importer {
	imp := &Importer{Roots: roots}
	imp.reset()
	return imp
}

func (imp *Importer) reset() {
	imp.Fset = token.NewFileSet()
	imp.std = importer.ForCompiler(imp.Fset, "source", nil).(types.ImporterFrom)
	imp.cache = map[string]*types.Package{}
	imp.busy = map[string]bool{}
}

func (imp *Importer) Import(path string) (*types.Package, error) {
	return imp.ImportFrom(path, "", 0)
}

func (imp *Importer) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if p, ok := imp.cache[path]; ok {
		if p == nil {
			return nil, fmt.Errorf("import %q failed before", path)
		}
		return p, nil
	}
	for _, root := range imp.Roots {
		d := filepath.Join(root, filepath.FromSlash(path))
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			if imp.busy[path] {
				return nil, fmt.Errorf("import cycle through %q", path)
			}
			imp.busy[path] = true
			files, _, err := ParseDir(imp.Fset, d)
			if err != nil || len(files) == 0 {
				imp.cache[path] = nil
				return nil, fmt.Errorf("import %q: %v", path, err)
			}
			pkg, _, _ := TypeCheck(imp.Fset, path, files, imp)
			imp.cache[path] = pkg
			return pkg, nil
		}
	}
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	// Only the standard library from here: anything else would make
	// go/build ask the go command (seconds per mutated import path).
	if st, err := os.Stat(filepath.Join(build.Default.GOROOT, "src", filepath.FromSlash(path))); path == "" || strings.HasPrefix(path, ".") || err != nil || !st.IsDir() {
		imp.cache[path] = nil
		return nil, fmt.Errorf("import %q: not a testdata or standard library package", path)
	}
	p, err := imp.std.ImportFrom(path, "", 0)
	if err != nil {
		imp.cache[path] = nil
		return nil, err
	}
	imp.cache[path] = p
	return p, nil
}

// ParseDir parses the non-test .go files of dir that match the build
// context (files for other platforms are skipped, as go list does) and
// returns them with their contents.
func ParseDir(fset *token.FileSet, dir string) ([]*ast.File, map[string][]byte, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	for _, e := range ents {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			if ok, err := build.Default.MatchFile(dir, n); err != nil || !ok {
				continue // build constraints exclude it (like go list)
			}
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var files []*ast.File
	src := map[string][]byte{}
	for _, n := range names {
		name := filepath.Join(dir, n)
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, err
		}
		f, err := parser.ParseFile(fset, name, b, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		files = append(files, f)
		src[name] = b
	}
	return files, src, nil
}
