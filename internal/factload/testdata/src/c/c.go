package c

import "example.com/fl/b"

func Fresh3() map[string]int { return b.Fresh2() }
