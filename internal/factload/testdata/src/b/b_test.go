package b_test

import (
	"testing"

	"example.com/fl/c"
)

func TestLost(t *testing.T) {
	c.Fresh3()["y"] = 2 // lost: fact from c, seen here through c [b.test]
}
