package b

// An internal test file: go list then recompiles b for its test, and every
// package between b's external test and b (here c) as a test variant.
func helper() int { return 2 }
