package a

import (
	"encoding/json"
	"flag"
	"net/url"
	"sync"
)

type Labels map[string]string

type S struct{ m *map[string]int }

var global = new(map[string]int) // want `new\(map\[string\]int\) is a pointer to a nil map: a write through it panics unless a map is assigned first; use &map\[string\]int\{\}`

func returned() *map[string]int {
	return new(map[string]int) // want `new\(map\[string\]int\) is a pointer to a nil map`
}

func named() *Labels {
	return new(Labels) // want `new\(Labels\) is a pointer to a nil map: .*; use &Labels\{\}`
}

func values() *url.Values {
	return new(url.Values) // want `use &url.Values\{\}`
}

func field(s *S) {
	s.m = new(map[string]int) // want `pointer to a nil map`
}

func literalField() S {
	return S{m: new(map[string]int)} // want `pointer to a nil map`
}

func writtenThrough() {
	p := new(map[string]int) // want `pointer to a nil map`
	(*p)["a"] = 1
}

func incThrough() {
	var p = new(map[string]int) // want `pointer to a nil map`
	(*p)["a"]++
}

func readThenReturned() *map[string]int {
	p := new(map[string]int) // want `pointer to a nil map`
	_ = len(*p)
	return p
}

func aliased() {
	p := new(map[string]int) // want `pointer to a nil map`
	q := p
	*q = map[string]int{}
}

func capturedByClosure() func() {
	p := new(map[string]int) // want `pointer to a nil map`
	return func() { *p = map[string]int{} }
}

func Generic[K comparable, V any]() *map[K]V {
	return new(map[K]V) // want `new\(map\[K\]V\) is a pointer to a nil map`
}

func GenericCore[M ~map[string]int]() *M {
	return new(M) // want `new\(M\) is a pointer to a nil map: .*; use &M\{\}`
}

func nilValueWritten() {
	m := *new(map[string]int) // want `\*new\(map\[string\]int\) is a nil map and it is written below: the write panics; use map\[string\]int\{\}`
	_ = len(m)
	m["a"] = 1
}

func (l Labels) Set(k, v string)     { l[k] = v }
func (l Labels) Get(k string) string { return l[k] }

func valueMethodWrites(k, v string) url.Values {
	h := new(url.Values) // want `new\(url.Values\) is a pointer to a nil map: a write through it panics`
	h.Set(k, v)          // Set has a value receiver: it writes into the nil map *h
	return *h
}

func ownValueMethodWrites() Labels {
	l := new(Labels) // want `new\(Labels\) is a pointer to a nil map`
	l.Set("a", "b")
	return *l
}

func valueMethodReadsThenWrite() {
	l := new(Labels) // want `new\(Labels\) is a pointer to a nil map`
	_ = l.Get("a")   // reading the nil map is fine, the write below is not
	(*l)["a"] = "b"
}

// Silent below.

func valueMethodReads(k string) string {
	h := new(url.Values)
	return h.Get(k) // Get only reads the nil map *h
}

func ownValueMethodReads() string {
	l := new(Labels)
	s := l.Get("a")
	*l = Labels{}
	l.Set("a", s) // *l is a map by now
	return s
}

func assignedFirst() map[string]int {
	p := new(map[string]int)
	*p = make(map[string]int)
	(*p)["a"] = 1
	return *p
}

func lazyInit() map[string]int {
	p := new(map[string]int)
	if *p == nil {
		*p = map[string]int{}
	}
	(*p)["a"] = 1
	return *p
}

func decoded(b []byte) (map[string]any, error) {
	p := new(map[string]any)
	if err := json.Unmarshal(b, p); err != nil {
		return nil, err
	}
	(*p)["seen"] = true
	return *p, nil
}

func decodedDirect(b []byte) error {
	return json.Unmarshal(b, new(map[string]any))
}

type mapFlag map[string]string

func (m *mapFlag) String() string { return "" }
func (m *mapFlag) Set(s string) error {
	if *m == nil {
		*m = mapFlag{}
	}
	(*m)[s] = s
	return nil
}

func flagVar(fs *flag.FlagSet) {
	fs.Var(new(mapFlag), "kv", "key=value")
}

func pointerMethodFills() mapFlag {
	p := new(mapFlag)
	p.Set("a")
	return *p
}

func newExpr() *map[string]int {
	return new(map[string]int{}) // Go 1.26 new(expr): a pointer to a non-nil map copy
}

func newOfValue(m map[string]int) *map[string]int {
	return new(m)
}

func notAMap() *sync.Map { // fresh (checked in freshlib): the pointer is not to a map, so new is fine
	return new(sync.Map)
}

func nilValueNotWritten() map[string]int {
	return *new(map[string]int) // the zero value, idiomatic in generic code
}

func nilValueReassigned() map[string]int {
	m := *new(map[string]int)
	m = map[string]int{}
	m["a"] = 1
	return m
}

func pointerReassigned(other *map[string]int) {
	p := new(map[string]int)
	p = other
	(*p)["a"] = 1
}

type decodeCase struct {
	in  string
	ptr any
}

type typedCase struct {
	in  string
	ptr *map[string]any
}

var decodeCases = []decodeCase{
	{in: `{}`, ptr: new(map[string]any)}, // handed to reflection through an interface
	{`{}`, new(map[string]int)},
}

var typedCases = []typedCase{
	{in: `{}`, ptr: new(map[string]any)}, // want `pointer to a nil map`
	{`{}`, new(map[string]any)},          // want `pointer to a nil map`
}

var targets = []any{new(map[string]int), new(Labels)}

func asInterface() any {
	return new(map[string]int)
}

func assignedToInterface() {
	var v any
	v = new(map[string]int)
	_ = v
	var w any = new(map[string]int)
	_ = w
}

func convertedToInterface() {
	w := any(new(map[string]int))
	_ = w
}

type nested struct{ M **map[string]int }

func assignedNextThroughField(n *nested, s *S) {
	*n.M = new(map[string]int)
	**n.M = map[string]int{"one": 1}
	s.m = new(map[string]int)
	*s.m = make(map[string]int)
}

func notAssignedNext(n *nested, s *S) {
	*n.M = new(map[string]int) // want `pointer to a nil map`
	_ = n
	**n.M = map[string]int{"one": 1}
	s.m = new(map[string]int) // want `pointer to a nil map`
	*n.M = make(map[string]int)
}

// Constraints that embed other constraints (issue 13, rule 8).

type StringMap interface{ ~map[string]string }

type LabelSet interface {
	StringMap
	String() string
}

func EmbeddedCore[L LabelSet]() *L {
	return new(L) // want `new\(L\) is a pointer to a nil map: .*; use &L\{\}`
}

type NestedLabelSet interface {
	LabelSet
	Len() int
}

func NestedCore[L NestedLabelSet]() *L {
	return new(L) // want `new\(L\) is a pointer to a nil map`
}

type StringSlice interface{ ~[]string }

type SliceSet interface {
	StringSlice
	String() string
}

func EmbeddedNonMap[S SliceSet]() *S {
	return new(S) // a slice: its zero value is usable
}

type TwoMaps interface {
	~map[string]string | ~map[string]int
}

func NoCoreType[M TwoMaps]() *M {
	return new(M) // two map types, no core type: &M{} would not compile, not reported
}
