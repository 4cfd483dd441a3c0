//go:build go1.26

package a

import "log"

// A loop that may stop at a call that does not return (log.Fatal,
// os.Exit, t.Fatal) may append fewer than its trip count: silent, as with
// a return.
func fatalInLoop(xs []string) []string {
	out := []string{}
	for _, x := range xs {
		if x == "" {
			log.Fatal("empty name")
		}
		out = append(out, x)
	}
	return out
}

// The same loop with log.Print runs to its end: reported.
func printInLoop(xs []string) []string {
	out := []string{} // want `^slice "out" gets len\(xs\) appends; make it with make\(\[\]string, 0, len\(xs\)\)$`
	for _, x := range xs {
		if x == "" {
			log.Print("empty name")
		}
		out = append(out, x)
	}
	return out
}
