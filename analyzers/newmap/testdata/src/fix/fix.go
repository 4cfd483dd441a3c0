package fix

import "net/url"

type Labels map[string]string

func a() *map[string]int {
	return new(map[string]int) // want `pointer to a nil map`
}

func b() *Labels {
	return new((Labels)) // want `pointer to a nil map`
}

func c() *url.Values {
	return new(url.Values) // want `pointer to a nil map`
}

func d[M ~map[string]V, V any]() *M {
	return new(M) // want `pointer to a nil map`
}

func e() map[string][]int {
	m := *new(map[string][]int) // want `is a nil map and it is written below`
	m["a"] = nil
	return m
}

type StringMap interface{ ~map[string]string }

type LabelSet interface {
	StringMap
	String() string
}

func f[L LabelSet]() *L {
	return new(L) // want `pointer to a nil map`
}
