package driver

import (
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

const helpText = `PROGNAME is a tool for static analysis of Go programs.

PROGNAME examines Go source code and reports diagnostics for
suspicious constructs or opportunities for improvement.
Diagnostics may include suggested fixes.

Run it on package patterns ("PROGNAME ./..."), or as
"go vet -vettool=$(command -v PROGNAME) ./..." to have the go command
run it per package and cache its results.
`

// help is "maplint help [analyzer...]", as multichecker prints it.
func help(progname string, analyzers []*analysis.Analyzer, args []string) {
	if len(args) == 0 {
		fmt.Println(strings.ReplaceAll(helpText, "PROGNAME", progname))
		fmt.Println("Registered analyzers:")
		fmt.Println()
		sorted := slices.Clone(analyzers)
		slices.SortFunc(sorted, func(x, y *analysis.Analyzer) int { return strings.Compare(x.Name, y.Name) })
		for _, a := range sorted {
			fmt.Printf("    %-12s %s\n", a.Name, strings.Split(a.Doc, "\n\n")[0])
		}
		fmt.Println("\nBy default all analyzers are run.")
		fmt.Println("To select specific analyzers, use the -NAME flag for each one,")
		fmt.Println(" or -NAME=false to run all analyzers not explicitly disabled.")

		fmt.Println("\nCore flags:")
		fmt.Println()
		fs := flag.NewFlagSet("", flag.ExitOnError)
		flag.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(f.Name, ".") {
				fs.Var(f.Value, f.Name, f.Usage)
			}
		})
		fs.SetOutput(os.Stdout)
		fs.PrintDefaults()
		fmt.Printf("\nTo see details and flags of a specific analyzer, run '%s help name'.\n", progname)
		return
	}
	for _, arg := range args {
		i := slices.IndexFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == arg })
		if i < 0 {
			log.Fatalf("Analyzer %q not registered", arg)
		}
		a := analyzers[i]
		paras := strings.Split(a.Doc, "\n\n")
		fmt.Printf("%s: %s\n", a.Name, paras[0])
		fs := flag.NewFlagSet(a.Name, flag.ExitOnError)
		first := true
		a.Flags.VisitAll(func(f *flag.Flag) {
			if first {
				first = false
				fmt.Println("\nAnalyzer flags:")
				fmt.Println()
			}
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
		fs.SetOutput(os.Stdout)
		fs.PrintDefaults()
		if len(paras) > 1 {
			fmt.Printf("\n%s\n", strings.Join(paras[1:], "\n\n"))
		}
		if a.URL != "" {
			fmt.Printf("\nDocumentation: %s\n", a.URL)
		}
	}
}
