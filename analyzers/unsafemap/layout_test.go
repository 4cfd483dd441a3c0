package unsafemap

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// hmapGo122 is runtime.hmap as in go1.22.12's src/runtime/map.go.
const hmapGo122 = `package p

import "unsafe"

type mapextra struct{}

type hmap struct {
	count     int
	flags     uint8
	B         uint8
	noverflow uint16
	hash0     uint32

	buckets    unsafe.Pointer
	oldbuckets unsafe.Pointer
	nevacuate  uintptr

	extra *mapextra
}
`

// structLayout type-checks src and returns the amd64 offsets and sizes of
// the fields of struct name.
func structLayout(t *testing.T, src, name string) []field {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}} // unknown types are tolerated, checked below
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, nil)
	obj := pkg.Scope().Lookup(name)
	if obj == nil {
		t.Fatalf("no type %s", name)
	}
	st := obj.Type().Underlying().(*types.Struct)
	sizes := types.SizesFor("gc", "amd64")
	var fields []*types.Var
	for i := 0; i < st.NumFields(); i++ {
		fields = append(fields, st.Field(i))
	}
	offs := sizes.Offsetsof(fields)
	var out = make([]field, 0, len(fields))
	for i, fv := range fields {
		if b, ok := fv.Type().(*types.Basic); ok && b.Kind() == types.Invalid {
			t.Fatalf("%s.%s: unknown type", name, fv.Name())
		}
		out = append(out, field{offs[i], sizes.Sizeof(fv.Type()), fv.Name()})
	}
	if got := sizes.Sizeof(st); got != headerSize {
		t.Errorf("%s is %d bytes, want %d", name, got, headerSize)
	}
	return out
}

func TestOldHeaderTable(t *testing.T) {
	got := structLayout(t, hmapGo122, "hmap")
	if len(got) != len(oldHeader) {
		t.Fatalf("hmap has %d fields, table %d", len(got), len(oldHeader))
	}
	for i := range got {
		if got[i] != oldHeader[i] {
			t.Errorf("hmap field %d: go1.22 source %+v, table %+v", i, got[i], oldHeader[i])
		}
	}
}

// TestSwissHeaderTable checks swissHeader against the installed
// toolchain's internal/runtime/maps.Map.
func TestSwissHeaderTable(t *testing.T) {
	path := filepath.Join(runtime.GOROOT(), "src", "internal", "runtime", "maps", "map.go")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no runtime source: %v", err)
	}
	src := string(data)
	start := strings.Index(src, "\ntype Map struct {")
	if start < 0 {
		t.Skip("no type Map in " + path)
	}
	end := strings.Index(src[start:], "\n}\n")
	decl := src[start : start+end+3]
	got := structLayout(t, "package p\n\nimport \"unsafe\"\n\nvar _ unsafe.Pointer\n"+decl, "Map")
	var want []field
	for _, f := range swissHeader {
		if f.name != "" {
			want = append(want, f)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("maps.Map has %d fields %v, table %v", len(got), got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("maps.Map field %d: source %+v, table %+v", i, got[i], want[i])
		}
	}
}

// TestMeasureHeader measures, on the running Go (1.24+, 64-bit), what the
// old hmap reads return: offset 0 equals len(m); offset 9 (old B) matches
// the B the old runtime would have had for the same map about as often as
// a random byte would; bit 4 of offset 8 (old flags&hashWriting) is set in
// about half of all maps; dirLen (24) is 0 for maps of at most 8 entries.
func TestMeasureHeader(t *testing.T) {
	v, _, _ := strings.Cut(strings.TrimPrefix(goVersionOfRuntime(), "go1."), ".")
	if minor, err := strconv.Atoi(v); unsafe.Sizeof(uintptr(0)) != 8 || err != nil || minor < 24 {
		t.Skip("measured for 64-bit Go 1.24+")
	}
	oldB := func(n int) uint8 { // the pre-1.24 growth rule: load factor 6.5, 8 per bucket
		b := uint8(0)
		for n > 8 && float64(n) > 6.5*float64(uint64(1)<<b) {
			b++
		}
		return b
	}
	const maps = 20000
	var bMatch, writing int
	for i := 0; i < maps; i++ {
		n := (i * 7919) % 1001
		//maplint:ignore hotmap the unhinted growth is what this test measures
		m := make(map[int]int)
		for j := 0; j < n; j++ {
			m[j] = j
		}
		p := *(*unsafe.Pointer)(unsafe.Pointer(&m))
		//maplint:ignore unsafemap this test measures what the old reads return now
		if got := *(*uint64)(p); got != uint64(len(m)) {
			t.Fatalf("offset 0 = %d, len %d", got, len(m))
		}
		//maplint:ignore unsafemap measurement
		if n <= 8 && *(*int)(unsafe.Add(p, 24)) != 0 {
			t.Fatalf("dirLen of a %d-entry map is not 0", n)
		}
		//maplint:ignore unsafemap measurement
		if *(*uint8)(unsafe.Add(p, 9)) == oldB(n) {
			bMatch++
		}
		//maplint:ignore unsafemap measurement
		if *(*uint8)(unsafe.Add(p, 8))&4 != 0 {
			writing++
		}
	}
	t.Logf("%d maps: byte at 9 == old B in %.2f%%, old hashWriting bit set in %.1f%%",
		maps, 100*float64(bMatch)/maps, 100*float64(writing)/maps)
	if bMatch > maps/20 {
		t.Errorf("byte at offset 9 matched the old B in %d of %d maps: not a seed byte?", bMatch, maps)
	}
	if writing < maps/4 || writing > 3*maps/4 {
		t.Errorf("old hashWriting bit set in %d of %d maps", writing, maps)
	}
}

// goVersionOfRuntime is runtime.Version() (the Go the test binary runs on).
func goVersionOfRuntime() string { return runtime.Version() }
