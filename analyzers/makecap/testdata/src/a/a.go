//go:build go1.26

package a

import (
	"iter"
	"strings"
)

type User struct {
	Name string
	ID   int
}

type Names []string

type Repo struct{ users []User }

// ---- Rule 1: reported forms ----

func rangeSlice(users []User) []string {
	names := []string{} // want `slice "names" gets len\(users\) appends; make it with make\(\[\]string, 0, len\(users\)\)`
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func varForm(users []User) []string {
	var names []string // want `slice "names" gets len\(users\) appends; make it with slices.Grow\(\[\]string\(nil\), len\(users\)\), which stays nil when the loop runs zero times$`
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func varValue(users []User) []string {
	var names = make([]string, 0) // want `make it with make\(\[\]string, 0, len\(users\)\)`
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func namedType(users []User) Names {
	var names Names // want `make it with slices.Grow\(Names\(nil\), len\(users\)\), which stays nil`
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func generic[S ~[]E, E any](xs []E) S {
	var out S // want `make it with slices.Grow\(S\(nil\), len\(xs\)\), which stays nil`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func fieldRange(r *Repo) []int {
	ids := make([]int, 0) // want `slice "ids" gets len\(r.users\) appends`
	for i := range r.users {
		ids = append(ids, r.users[i].ID)
	}
	return ids
}

func mapRange(m map[string]int) []string {
	keys := []string{} // want `gets len\(m\) appends`
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func arrayRange(a [16]int, p *[12]int) ([]int, []int) {
	var xs []int // want `gets 16 appends; make it with make\(\[\]int, 0, 16\)`
	for _, v := range a {
		xs = append(xs, v)
	}
	var ys []int // want `gets 12 appends`
	for _, v := range p {
		ys = append(ys, v)
	}
	return xs, ys
}

func rangeInt(n int, u uint) ([]int, []uint) {
	xs := []int{} // want `gets n appends; make it with make\(\[\]int, 0, max\(n, 0\)\)`
	for i := range n {
		xs = append(xs, i)
	}
	us := []uint{} // want `gets u appends; make it with make\(\[\]uint, 0, u\)`
	for i := range u {
		us = append(us, i)
	}
	return xs, us
}

func counted(lo, hi int, s []int) ([]int, []int, []int, []int) {
	a := []int{} // want `gets hi - lo appends; make it with make\(\[\]int, 0, max\(hi - lo, 0\)\)`
	for i := lo; i < hi; i++ {
		a = append(a, i)
	}
	b := []int{} // want `gets hi - lo \+ 1 appends`
	for i := lo; i <= hi; i++ {
		b = append(b, i)
	}
	c := []int{} // want `gets len\(s\) appends; make it with make\(\[\]int, 0, len\(s\)\)`
	for i := len(s) - 1; i >= 0; i-- {
		c = append(c, s[i])
	}
	d := []int{} // want `gets len\(s\) appends`
	for i := 0; len(s) > i; i++ {
		d = append(d, s[i])
	}
	return a, b, c, d
}

func twoPerIteration(xs []int) []int {
	out := []int{} // want `gets 2\*len\(xs\) appends; make it with make\(\[\]int, 0, 2\*len\(xs\)\)`
	for _, x := range xs {
		out = append(out, x, -x)
	}
	return out
}

func twoStatements(xs []int) []int {
	out := []int{} // want `gets 2\*len\(xs\) appends`
	for _, x := range xs {
		out = append(out, x)
		out = append(out, -x)
	}
	return out
}

func unrelatedBetween(users []User) []string {
	names := []string{} // want `gets len\(users\) appends`
	if len(users) == 0 {
		return nil
	}
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func continueAfter(xs []int) []int {
	out := []int{} // want `gets len\(xs\) appends`
	for _, x := range xs {
		out = append(out, x)
		if x > 0 {
			continue
		}
	}
	return out
}

func innerBreak(xs [][]int) []int {
	out := []int{} // want `gets len\(xs\) appends`
	for _, row := range xs {
		for _, v := range row {
			if v == 0 {
				break // exits the inner loop only
			}
		}
		switch len(row) {
		case 0:
			break // exits the switch only
		}
		out = append(out, len(row))
	}
	return out
}

func closureReturn(xs []int) []func() int {
	out := []func() int{} // want `gets len\(xs\) appends`
	for _, x := range xs {
		out = append(out, func() int { return x })
	}
	return out
}

func readsLen(xs []int) []int {
	out := []int{} // want `gets len\(xs\) appends`
	for _, x := range xs {
		out = append(out, x+len(out))
	}
	return out
}

// A pointer dereference in the capacity that a statement in between
// guards: reported, but no fix (moving it up could panic).
func guardedDeref(r *Repo) []int {
	ids := []int{} // want `gets len\(r.users\) appends`
	if r == nil {
		return nil
	}
	for _, u := range r.users {
		ids = append(ids, u.ID)
	}
	return ids
}

// An index into an array by a variable that a statement in between
// guards: reported, but no fix (moving it up could panic).
func guardedIndex(groups [4][]int, k int) []int {
	ids := []int{} // want `gets len\(groups\[k\]\) appends`
	if k < 0 || k >= len(groups) {
		return nil
	}
	for _, id := range groups[k] {
		ids = append(ids, id)
	}
	return ids
}

// ---- Rule 1: silent twins ----

func conditional(users []User) []string {
	names := []string{}
	for _, u := range users {
		if u.Name != "" {
			names = append(names, u.Name)
		}
	}
	return names
}

func continueBefore(users []User) []string {
	names := []string{}
	for _, u := range users {
		if u.Name == "" {
			continue
		}
		names = append(names, u.Name)
	}
	return names
}

func switchAround(xs []int) []int {
	out := []int{}
	for _, x := range xs {
		switch {
		default:
			out = append(out, x)
		}
	}
	return out
}

func earlyBreak(xs []int) []int {
	out := []int{}
	for _, x := range xs {
		if x < 0 {
			break
		}
		out = append(out, x)
	}
	return out
}

func earlyReturn(xs []int) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, x)
		if x < 0 {
			return nil
		}
	}
	return out
}

func earlyPanic(xs []int) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, x)
		if x < 0 {
			panic("negative")
		}
	}
	return out
}

func earlyGoto(xs []int) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, x)
		if x < 0 {
			goto done
		}
	}
done:
	return out
}

func outerContinue(xss [][]int) [][]int {
	var res [][]int
outer:
	for _, xs := range xss {
		out := []int{}
		for _, x := range xs {
			out = append(out, x)
			if x < 0 {
				continue outer
			}
		}
		res = append(res, out)
	}
	return res
}

func labeledBreak(xs []int) []int {
	out := []int{}
loop:
	for _, x := range xs {
		out = append(out, x)
		select {
		default:
			break loop
		}
	}
	return out
}

func channel(ch chan int) []int {
	out := []int{}
	for x := range ch {
		out = append(out, x)
	}
	return out
}

func iterator(seq iter.Seq[int]) []int {
	out := []int{}
	for x := range seq {
		out = append(out, x)
	}
	return out
}

func runes(s string) []rune {
	out := []rune{}
	for _, r := range s {
		out = append(out, r)
	}
	return out
}

func callResult(s string) []string {
	out := []string{}
	for _, f := range strings.Split(s, ",") {
		out = append(out, f)
	}
	return out
}

func stepLoop(n int) []int {
	out := []int{}
	for i := 0; i < n; i += 2 {
		out = append(out, i)
	}
	return out
}

func dataDependent(xs []int) []int {
	out := []int{}
	for i := 0; xs[i] != 0; i++ {
		out = append(out, i)
	}
	return out
}

func boundChanges(n int) []int {
	out := []int{}
	for i := 0; i < n; i++ {
		out = append(out, i)
		n--
	}
	return out
}

func indexChanges(n int) []int {
	out := []int{}
	for i := 0; i < n; i++ {
		out = append(out, i)
		i++
	}
	return out
}

func innerLoop(xss [][]int) []int {
	out := []int{}
	for _, xs := range xss {
		for _, x := range xs {
			out = append(out, x)
		}
	}
	return out
}

func spread(xss [][]int) []int {
	out := []int{}
	for _, xs := range xss {
		out = append(out, xs...)
	}
	return out
}

func literalWithElements(xs []string) []string {
	v := []string{"base"}
	for _, x := range xs {
		v = append(v, x)
	}
	return v
}

func shadowed(users []User) []string {
	names := []string{}
	for _, u := range users {
		names := []string{}
		names = append(names, u.Name)
		_ = names
	}
	return names
}

func usedBetween(users []User) []string {
	names := []string{}
	names = append(names, "header")
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func aliasedBetween(users []User) ([]string, []string) {
	names := []string{}
	alias := names
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names, alias
}

func aliasedInLoop(users []User) [][]string {
	names := []string{}
	var snaps [][]string // want `slice "snaps" gets len\(users\) appends`
	for _, u := range users {
		names = append(names, u.Name)
		snaps = append(snaps, names)
	}
	return snaps
}

func resliced(xs []int) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, x)
		out = out[1:]
	}
	return out
}

func addressOfElement(xs []int) []int {
	out := []int{}
	var last *int
	for _, x := range xs {
		out = append(out, x)
		last = &out[len(out)-1]
	}
	_ = last
	return out
}

func param(out []int, xs []int) []int {
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

var global []int

func pkgVar(xs []int) {
	for _, x := range xs {
		global = append(global, x)
	}
}

func field(r *Repo, xs []User) {
	for _, x := range xs {
		r.users = append(r.users, x)
	}
}

func singleElement() []int {
	out := []int{}
	for i := range 1 {
		out = append(out, i)
	}
	return out
}

func notInScope(users []User) []string {
	names := []string{}
	active := users[:len(users)/2]
	for _, u := range active {
		names = append(names, u.Name)
	}
	return names
}

func reassignedBetween(users []User) []string {
	names := []string{}
	users = users[1:]
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func closureAppend(xs []int) []int {
	out := []int{}
	for _, x := range xs {
		func() { out = append(out, x) }()
	}
	return out
}

func rangeOverOut(xs []int) []int {
	var out []int
	for range out {
		out = append(out, 1)
	}
	return out
}

func hasCapacity(xs []int) []int {
	out := make([]int, 0, 10)
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func rangeIntCall(f func() int) []int {
	out := []int{}
	for i := range f() {
		out = append(out, i)
	}
	return out
}

// Filled and never used: the allocation is the point (a growth test).
func growSlice(xs []int) {
	out := []int{}
	for _, x := range xs {
		out = append(out, x)
	}
}

// A nil slice keeps its fix when the loop surely runs: it ends non-nil
// either way. With an unknown count (varForm above) it is reported
// without a fix: zero iterations would leave make's slice non-nil.
func nilConstTrip() []int {
	var xs []int // want `slice "xs" gets 16 appends; make it with make\(\[\]int, 0, 16\)$`
	for i := range 16 {
		xs = append(xs, i)
	}
	return xs
}
