//go:build go1.26

package a

// A variable whose only value is a literal of ≤ 8 elements is a tiny
// table, as the literal itself is (pebble's metamorphic knownKeyFormats):
// silent. Nine elements, or a variable appended to, are reported.

type keyFormat struct{ Name string }

var knownKeyFormats = []keyFormat{{Name: "a"}, {Name: "b"}}

var keyFormatsByName = func() map[string]keyFormat {
	m := make(map[string]keyFormat) // silent: a package-level table of 2
	for _, kf := range knownKeyFormats {
		m[kf.Name] = kf
	}
	return m
}()

var moreKeyFormats = []keyFormat{{Name: "a"}, {Name: "b"}}

func AddKeyFormat(kf keyFormat) { moreKeyFormats = append(moreKeyFormats, kf) }

func ByName() map[string]keyFormat {
	m := make(map[string]keyFormat) // want `map "m" is filled with up to len\(moreKeyFormats\) entries; make it with make\(map\[string\]keyFormat, len\(moreKeyFormats\)\)$`
	for _, kf := range moreKeyFormats {
		m[kf.Name] = kf
	}
	return m
}

func Tables() (map[string]int, map[string]int) {
	few := []string{"a", "b", "c"}
	small := map[string]int{} // silent: a 3-element table
	for i, s := range few {
		small[s] = i
	}
	nine := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
	large := map[string]int{} // want `map "large" is filled with up to len\(nine\) entries; make it with make\(map\[string\]int, len\(nine\)\)$`
	for i, s := range nine {
		large[s] = i
	}
	return small, large
}
