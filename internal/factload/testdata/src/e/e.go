// Package e has a function that returns a map (it could carry a fact),
// but b calls only Name: e is not analyzed for b.
package e

func Map() map[string]int { return map[string]int{} }

func Name() string { return "e" }
