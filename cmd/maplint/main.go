// Command maplint runs maplint's analyzers on Go packages.
//
//	maplint ./...                  report findings (exit 3 when there are some)
//	maplint -json ./...            go/analysis JSON output (exit 0)
//	maplint -fix ./...             apply suggested fixes (-diff to show them)
//	maplint -newmap=false ./...    switch an analyzer off
//	go vet -vettool=$(command -v maplint) ./...
//
// Run "maplint help" for every flag.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/maplint/maplint/analyzers"
)

func main() { multichecker.Main(analyzers.All()...) }
