package b

import "example.com/fl/e"

// Name uses e, but none of its map functions.
func Name() string { return e.Name() }
