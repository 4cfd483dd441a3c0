// Package d has no function that takes or returns a map: no fact.
package d

func N() int { return 1 }
