//go:build go1.26

package a

import "fmt"

// ---- Rule 2: reported ----

func lengthThenAppend(users []User) []string {
	names := make([]string, len(users)) // want `slice "names" is made with length len\(users\) and then appended to: the len\(users\) zero values stay in front; make it with make\(\[\]string, 0, len\(users\)\)`
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func lengthAndCap(n int) []int {
	var out = make([]int, n, 2*n) // want `make it with make\(\[\]int, 0, 2 \* n\)`
	out = append(out, 1)
	return out
}

func conditionalAppend(n int, ok bool) []int {
	out := make([]int, n) // want `slice "out" is made with length n`
	if len(out) > 0 && ok {
		out = append(out, 1)
	}
	return out
}

// ---- Rule 2: silent ----

func fillByIndex(users []User) []string {
	names := make([]string, len(users))
	for i, u := range users {
		names[i] = u.Name
	}
	return names
}

func indexThenAppend(n int) []int {
	out := make([]int, n)
	out[0] = 1
	out = append(out, 2)
	return out
}

func copyThenAppend(xs []int) []int {
	out := make([]int, len(xs))
	copy(out, xs)
	out = append(out, 0)
	return out
}

func reslicedThenAppend(n int) []int {
	out := make([]int, n)
	out = out[:0]
	out = append(out, 1)
	return out
}

func passedThenAppend(n int) []byte {
	buf := make([]byte, n)
	fmt.Sscan("x", &buf)
	buf = append(buf, '\n')
	return buf
}

func zeroLength(n int) []int {
	out := make([]int, 0, n)
	out = append(out, 1)
	return out
}

func neverAppended(n int) []int {
	out := make([]int, n)
	return out
}

func existingVar(out []int, n int) []int {
	out = make([]int, n)
	out = append(out, 1)
	return out
}

// A constant length then a straight-line append: zero padding on purpose.
func padding() []byte {
	in := make([]byte, 16)
	in = append(in, 0x80, 0xff)
	return in
}

// A constant length then appends in a loop: a leading sentinel, silent.
func constLengthLoop(xs []int) []int {
	const n = 1
	out := make([]int, n)
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func product(a, b int) []int {
	out := []int{} // want `slice "out" gets \(a \+ 1\) \* \(b \+ 1\) appends; make it with make\(\[\]int, 0, max\(\(a \+ 1\) \* \(b \+ 1\), 0\)\)`
	for i := 0; i < (a+1)*(b+1); i++ {
		out = append(out, i)
	}
	return out
}
