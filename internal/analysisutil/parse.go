package analysisutil

import (
	"go/ast"
	"go/parser"
	"go/token"
)

func parserParseComments(fset *token.FileSet, src string) (*ast.File, error) {
	return parser.ParseFile(fset, "", src, parser.ParseComments|parser.PackageClauseOnly)
}
