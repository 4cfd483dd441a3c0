package unsafemap

import (
	_ "embed"
	"go/ast"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/maplint/maplint/internal/analysisutil"
)

//go:embed doc.go
var doc string

// Analyzer reports conversions that read the runtime map header through
// unsafe, and //go:linkname declarations bound to runtime map functions.
var Analyzer = &analysis.Analyzer{
	Name:     "unsafemap",
	Doc:      analysisutil.MustExtractDoc(doc, "unsafemap"),
	URL:      "https://github.com/maplint/maplint/blob/main/docs/unsafemap.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	pass = analysisutil.WithIgnores(pass)
	// Reading the map header needs unsafe (or reflect's UnsafePointer), and
	// a //go:linkname needs an import of unsafe: most packages have neither.
	if !importsAny(pass.Files, "unsafe", "reflect") {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	generated := analysisutil.GeneratedFiles(pass)
	sizes := pass.TypesSizes
	if sizes == nil {
		sizes = types.SizesFor("gc", "amd64")
	}
	for fileCur := range insp.Root().Children() {
		file, ok := fileCur.Node().(*ast.File)
		if !ok || generated[pass.Fset.File(file.Pos())] || isOldMapsOnly(file) {
			continue
		}
		if hasLinkname(file) {
			checkLinknames(pass, file)
		}
		if !importsAny([]*ast.File{file}, "unsafe", "reflect") {
			continue
		}
		c := &checker{
			pass:     pass,
			sizes:    sizes,
			vars:     make(map[types.Object]value),
			knownMap: make(map[types.Object][]span),
		}
		c.wordSize, _ = c.sizeof(types.Typ[types.Uintptr])
		for declCur := range fileCur.Children() {
			if _, ok := declCur.Node().(ast.Decl); !ok {
				continue
			}
			clear(c.vars) // what a variable holds is tracked within one top-level declaration
			clear(c.knownMap)
			c.checkDecl(declCur)
		}
	}
	return nil, nil
}

// importsAny reports whether one of files imports one of paths.
func importsAny(files []*ast.File, paths ...string) bool {
	for _, f := range files {
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				continue
			}
			for _, want := range paths {
				if p == want {
					return true
				}
			}
		}
	}
	return false
}
