// Command pgodemo is a main package whose directory can hold a default.pgo
// (go build -pgo=auto): maplint then weighs pgomod's loops by it.
package main

import "example.com/pgomod"

func main() {
	t := &pgomod.Table{Rows: []int{1, 2, 3}}
	println(len(t.Render()), len(pgomod.Cold(t.Rows)), len(pgomod.ColdIndex(t.Rows)))
}
