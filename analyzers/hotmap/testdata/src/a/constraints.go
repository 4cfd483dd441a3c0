//go:build go1.26

package a

// Type parameters whose constraint embeds another constraint: the core
// type is that of the normalized type set (issue 13, rule 8).

type StringMap interface{ ~map[string]string }

type Labels interface {
	StringMap
	String() string
}

func embedded[L Labels](keys []string) L {
	l := make(L) // want `make it with make\(L, len\(keys\)\)`
	for _, k := range keys {
		l[k] = k
	}
	return l
}

// A union of the same map type, intersected with it: still map[string]string.
type SameMaps interface {
	StringMap
	~map[string]string | ~[]string
}

func intersected[L SameMaps](keys []string) L {
	l := make(L) // want `make it with make\(L, len\(keys\)\)`
	for _, k := range keys {
		l[k] = k
	}
	return l
}

// Silent: no single underlying map type.

type TwoMaps interface {
	~map[string]string | ~map[string]int
}

func twoMapsConstraint[M TwoMaps](keys []string) int {
	n := 0
	for range keys {
		var m M // cannot be made: M has no core type
		n += len(m)
	}
	return n
}

type StringSlice interface{ ~[]string }

type Strings interface {
	StringSlice
	String() string
}

func embeddedSlice[S Strings](keys []string) S {
	var s S
	for _, k := range keys {
		s = append(s, k) // a slice: not hotmap's
	}
	return s
}
