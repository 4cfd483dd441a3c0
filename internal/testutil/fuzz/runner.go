// Package fuzz holds the no-panic tests of the maplint suite (issue 8): a
// minimal in-process driver that runs every analyzer of analyzers.All()
// on one type-checked (possibly ill-typed) package, checks on what they
// report, a go test -fuzz target seeded from the analyzers' testdata, and
// edge-case tests through the real checker (type errors, cgo, generated
// files, //line directives, build tags for other platforms).
//
//	go test ./internal/testutil/fuzz                                   # seeds + edge cases
//	go test ./internal/testutil/fuzz -run '^$' -fuzz FuzzSuite -fuzztime 30s
package fuzz

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"runtime/debug"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// Input is one type-checked package handed to the analyzers.
type Input struct {
	Fset       *token.FileSet
	Files      []*ast.File
	Src        map[string][]byte // file name -> content, for ReadFile and fix checks
	Pkg        *types.Package
	Info       *types.Info
	TypeErrors []types.Error
	// Importer, when set, lets Check type-check the fixed package of a
	// package that had no type errors: a fix must compile, not just parse.
	Importer types.Importer
}

// PanicError is the error Run returns when an analyzer panicked.
type PanicError struct {
	Analyzer string
	Value    any
	Stack    []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("analyzer %s panicked: %v\n%s", e.Analyzer, e.Value, e.Stack)
}

// Diag is a diagnostic with the analyzer that reported it.
type Diag struct {
	Analyzer *analysis.Analyzer
	analysis.Diagnostic
}

// NewInfo returns a types.Info recording everything analyzers may ask for.
func NewInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
}

// TypeCheck checks files as package path with imp, keeping going after
// errors (the analyzers then run on incomplete type information).
func TypeCheck(fset *token.FileSet, path string, files []*ast.File, imp types.Importer) (*types.Package, *types.Info, []types.Error) {
	var errs []types.Error
	conf := types.Config{
		Importer:    imp,
		FakeImportC: true,
		GoVersion:   "go1.26",
		Sizes:       types.SizesFor("gc", "amd64"),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				errs = append(errs, te)
			}
		},
	}
	info := NewInfo()
	pkg, _ := conf.Check(path, fset, files, info)
	return pkg, info, errs
}

type objectFactKey struct {
	obj types.Object
	t   reflect.Type
}

type packageFactKey struct {
	pkg *types.Package
	t   reflect.Type
}

// Run runs analyzers (and, first, everything they require) on in, the
// way the checker does for one package, except that facts from imported
// packages are never available (every Import*Fact call answers false)
// and that analyzers run even when the package has type errors. A panic
// or an error of an analyzer is returned as an error naming it.
func Run(in *Input, analyzers []*analysis.Analyzer) (diags []Diag, err error) {
	results := map[*analysis.Analyzer]any{}
	done := map[*analysis.Analyzer]bool{}
	objFacts := map[objectFactKey]analysis.Fact{}
	pkgFacts := map[packageFactKey]analysis.Fact{}

	var exec func(a *analysis.Analyzer) error
	exec = func(a *analysis.Analyzer) (err error) {
		if done[a] {
			return nil
		}
		done[a] = true
		for _, req := range a.Requires {
			if err := exec(req); err != nil {
				return err
			}
		}
		inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
		for _, req := range a.Requires {
			inputs[req] = results[req]
		}
		factOK := func(f analysis.Fact) {
			t := reflect.TypeOf(f)
			for _, ft := range a.FactTypes {
				if reflect.TypeOf(ft) == t {
					return
				}
			}
			panic(fmt.Sprintf("analyzer %s: fact type %T not in FactTypes", a.Name, f))
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       in.Fset,
			Files:      in.Files,
			Pkg:        in.Pkg,
			TypesInfo:  in.Info,
			TypesSizes: types.SizesFor("gc", "amd64"),
			TypeErrors: in.TypeErrors,
			Module:     &analysis.Module{Path: "example.com/fuzz", GoVersion: "1.26"},
			ResultOf:   inputs,
			Report: func(d analysis.Diagnostic) {
				diags = append(diags, Diag{a, d})
			},
			ReadFile: func(name string) ([]byte, error) {
				if b, ok := in.Src[name]; ok {
					return b, nil
				}
				return nil, fmt.Errorf("ReadFile(%q): not a file of the package", name)
			},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportObjectFact: func(obj types.Object, f analysis.Fact) {
				factOK(f)
				if obj == nil || obj.Pkg() != in.Pkg {
					panic(fmt.Sprintf("analyzer %s: ExportObjectFact(%v) for an object of another package", a.Name, obj))
				}
				objFacts[objectFactKey{obj, reflect.TypeOf(f)}] = f
			},
			ExportPackageFact: func(f analysis.Fact) {
				factOK(f)
				pkgFacts[packageFactKey{in.Pkg, reflect.TypeOf(f)}] = f
			},
			AllObjectFacts: func() []analysis.ObjectFact {
				var out = make([]analysis.ObjectFact, 0, len(objFacts))
				for k, f := range objFacts {
					out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
				}
				return out
			},
			AllPackageFacts: func() []analysis.PackageFact {
				var out = make([]analysis.PackageFact, 0, len(pkgFacts))
				for k, f := range pkgFacts {
					out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
				}
				return out
			},
		}
		defer func() {
			if r := recover(); r != nil {
				err = &PanicError{a.Name, r, debug.Stack()}
			}
		}()
		res, err := a.Run(pass)
		if err != nil {
			return fmt.Errorf("analyzer %s: %v", a.Name, err)
		}
		if a.ResultType != nil && res != nil && !reflect.TypeOf(res).AssignableTo(a.ResultType) {
			return fmt.Errorf("analyzer %s: result of type %T, want %v", a.Name, res, a.ResultType)
		}
		results[a] = res
		return nil
	}
	for _, a := range analyzers {
		if err := exec(a); err != nil {
			return diags, err
		}
	}
	return diags, nil
}

// Check verifies what the analyzers reported on in: every position lies
// in a file of the package, ranges are ordered, and every suggested fix
// has edits inside one file of the package that do not overlap and that
// leave a file that still parses (when it parsed before).
func Check(in *Input, diags []Diag) []error {
	var errs []error
	files := map[*token.File]*ast.File{}
	for _, f := range in.Files {
		files[in.Fset.File(f.FileStart)] = f
	}
	fileOf := func(pos token.Pos) *token.File {
		if !pos.IsValid() {
			return nil
		}
		tf := in.Fset.File(pos)
		if tf == nil || files[tf] == nil {
			return nil
		}
		return tf
	}
	checkRange := func(what string, d Diag, pos, end token.Pos) *token.File {
		tf := fileOf(pos)
		if tf == nil {
			errs = append(errs, fmt.Errorf("%s: %s: position %d is not in a file of the package (%q)", d.Analyzer.Name, what, pos, d.Message))
			return nil
		}
		if end.IsValid() {
			if in.Fset.File(end) != tf || end < pos || int(end) > tf.Base()+tf.Size() {
				errs = append(errs, fmt.Errorf("%s: %s: end %d outside [%d, file end %d] (%q)", d.Analyzer.Name, what, end, pos, tf.Base()+tf.Size(), d.Message))
			}
		}
		return tf
	}
	byFile := make(map[*token.File][]analysis.TextEdit)
	for _, d := range diags {
		clear(byFile)
		checkRange("diagnostic", d, d.Pos, d.End)
		for _, r := range d.Related {
			if r.Pos.IsValid() && in.Fset.File(r.Pos) == nil {
				errs = append(errs, fmt.Errorf("%s: related information at invalid position %d", d.Analyzer.Name, r.Pos))
			}
		}
		for _, fix := range d.SuggestedFixes {
			clear(byFile)
			for _, e := range fix.TextEdits {
				end := e.End
				if !end.IsValid() {
					end = e.Pos
				}
				tf := checkRange(fmt.Sprintf("fix %q edit", fix.Message), d, e.Pos, end)
				if tf != nil {
					e.End = end
					byFile[tf] = append(byFile[tf], e)
				}
			}
			for tf, edits := range byFile {
				sort.SliceStable(edits, func(i, j int) bool {
					if edits[i].Pos != edits[j].Pos {
						return edits[i].Pos < edits[j].Pos
					}
					return edits[i].End < edits[j].End
				})
				ok := true
				for i := 1; i < len(edits); i++ {
					if edits[i-1].End > edits[i].Pos {
						errs = append(errs, fmt.Errorf("%s: fix %q: overlapping edits [%d,%d) and [%d,%d) in %s", d.Analyzer.Name, fix.Message,
							edits[i-1].Pos, edits[i-1].End, edits[i].Pos, edits[i].End, tf.Name()))
						ok = false
					}
				}
				src, have := in.Src[tf.Name()]
				if !ok || !have {
					continue
				}
				if len(src) != tf.Size() {
					continue // file content does not match (should not happen)
				}
				var out bytes.Buffer
				last := 0
				for _, e := range edits {
					start, stop := int(e.Pos)-tf.Base(), int(e.End)-tf.Base()
					out.Write(src[last:start])
					out.Write(e.NewText)
					last = stop
				}
				out.Write(src[last:])
				if _, err := parser.ParseFile(token.NewFileSet(), tf.Name(), src, parser.ParseComments); err != nil {
					continue // did not parse before: nothing to keep
				}
				if _, err := parser.ParseFile(token.NewFileSet(), tf.Name(), out.Bytes(), parser.ParseComments); err != nil {
					errs = append(errs, fmt.Errorf("%s: fix %q leaves %s unparsable: %v\n--- fixed source ---\n%s", d.Analyzer.Name, fix.Message, tf.Name(), err, out.Bytes()))
				} else if err := typeCheckFixed(in, tf.Name(), out.Bytes()); err != nil {
					errs = append(errs, fmt.Errorf("%s: fix %q does not compile: %v\n--- fixed source ---\n%s", d.Analyzer.Name, fix.Message, err, out.Bytes()))
				}
			}
		}
	}
	return errs
}

// typeCheckFixed type-checks in's package with file name replaced by
// fixed, when in had no type errors to begin with.
func typeCheckFixed(in *Input, name string, fixed []byte) error {
	if in.Importer == nil || len(in.TypeErrors) > 0 || in.Pkg == nil {
		return nil
	}
	files := make([]*ast.File, 0, len(in.Files))
	for _, f := range in.Files {
		if in.Fset.File(f.Pos()).Name() != name {
			files = append(files, f)
			continue
		}
		nf, err := parser.ParseFile(in.Fset, name, fixed, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files = append(files, nf)
	}
	if _, _, terrs := TypeCheck(in.Fset, in.Pkg.Path(), files, in.Importer); len(terrs) > 0 {
		return terrs[0]
	}
	return nil
}
