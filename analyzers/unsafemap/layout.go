package unsafemap

import (
	"fmt"
	"go/types"
	"strings"
)

// The two runtime map header layouts, for 64-bit platforms.
//
// oldHeader is runtime.hmap up to Go 1.23 (src/runtime/map.go at go1.22.12;
// Go 1.24 and 1.25 kept it, plus clearSeq at 40, only under
// GOEXPERIMENT=noswissmap). swissHeader is internal/runtime/maps.Map, the
// header of every map since Go 1.24 (src/internal/runtime/maps/map.go at
// go1.26.8). Both are 48 bytes; see docs/unsafemap.md.
type field struct {
	off, size int64
	name      string
}

const headerSize = 48

var oldHeader = []field{
	{0, 8, "count"},
	{8, 1, "flags"},
	{9, 1, "B"},
	{10, 2, "noverflow"},
	{12, 4, "hash0"},
	{16, 8, "buckets"},
	{24, 8, "oldbuckets"},
	{32, 8, "nevacuate"},
	{40, 8, "extra"},
}

var swissHeader = []field{
	{0, 8, "used"},
	{8, 8, "seed"},
	{16, 8, "dirPtr"},
	{24, 8, "dirLen"},
	{32, 1, "globalDepth"},
	{33, 1, "globalShift"},
	{34, 1, "writing"},
	{35, 1, "tombstonePossible"},
	{36, 4, ""}, // padding
	{40, 8, "clearSeq"},
}

// oldFieldAt names the hmap field(s) that the bytes [off, off+size) held
// before Go 1.24: "B", "part of hash0", "flags, B", or "" past the header.
func oldFieldAt(off, size int64) string {
	var names []string
	for _, f := range oldHeader {
		if off < f.off+f.size && f.off < off+size {
			names = append(names, f.name)
		}
	}
	if len(names) == 1 {
		for _, f := range oldHeader {
			if f.name == names[0] && (off != f.off || size != f.size) {
				return "part of " + f.name
			}
		}
	}
	return strings.Join(names, ", ")
}

// swissFieldAt says what the bytes [off, off+size) of the header hold since
// Go 1.24, as a phrase for a message.
func swissFieldAt(off, size int64) string {
	if off >= headerSize || off < 0 {
		return "memory past the end of the 48-byte header"
	}
	var hit []field
	for _, f := range swissHeader {
		if off < f.off+f.size && f.off < off+size {
			hit = append(hit, f)
		}
	}
	if off+size > headerSize {
		return "the end of the header and the memory after it"
	}
	if len(hit) == 1 {
		f := hit[0]
		exact := f.off == off && f.size == size
		switch f.name {
		case "used":
			if exact {
				return "`used`, still the count on 64-bit, but nothing guarantees it"
			}
			return "part of `used` (the count)"
		case "seed":
			switch {
			case exact:
				return "the hash seed"
			case size == 1:
				return "a byte of the hash seed"
			default:
				return "part of the hash seed"
			}
		case "dirPtr":
			if exact {
				return "dirPtr, the table directory (or, for maps of at most 8 entries, the single group), not a bucket array"
			}
			return "part of the dirPtr pointer"
		case "dirLen":
			if exact {
				return "dirLen, the directory length (0 for small maps), not a pointer"
			}
			return "part of dirLen, the directory length"
		case "clearSeq":
			if exact {
				return "clearSeq, a counter of clear calls, not a pointer"
			}
			return "part of clearSeq, a counter of clear calls"
		case "":
			return "padding"
		case "writing":
			return "`writing`, the concurrent-write detector flag"
		default:
			return "`" + f.name + "`"
		}
	}
	var names []string
	for _, f := range hit {
		if f.name == "" {
			names = append(names, "padding")
		} else {
			names = append(names, f.name)
		}
	}
	return "parts of " + strings.Join(names, ", ")
}

// shortSwissFieldAt is swissFieldAt in a few words, for field lists.
func shortSwissFieldAt(off, size int64) string {
	s := swissFieldAt(off, size)
	switch {
	case strings.Contains(s, "hash seed"):
		return "the hash seed"
	case strings.HasPrefix(s, "parts of"), strings.HasPrefix(s, "memory past"), strings.HasPrefix(s, "the end"):
		return s
	}
	if i := strings.IndexAny(s, ",("); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	return strings.Trim(s, "`")
}

// insteadFor says what to write instead of reading the old field(s) old.
func insteadFor(old string) string {
	switch {
	case old == "count":
		return "use len(m)"
	case strings.Contains(old, "hash0"):
		return "use hash/maphash for a seeded hash"
	case old == "buckets" || old == "extra":
		return "use for range, the maps package or reflect.Value.MapRange to walk entries, len(m) for the size"
	case old == "":
		return "use len(m), for range, the maps package or reflect.Value.MapRange"
	default:
		return "use len(m) for the size, testing.AllocsPerRun or runtime.MemStats to observe growth"
	}
}

// headerReadMessage describes reading a value of type t at offset off
// (known or not) of the map header.
func (c *checker) headerReadMessage(t types.Type, off int64, offKnown bool) string {
	tname := types.TypeString(t, types.RelativeTo(c.pass.Pkg))
	const since = "since Go 1.24 maps are Swiss tables (internal/runtime/maps.Map)"
	if st, ok := t.Underlying().(*types.Struct); ok && st.NumFields() > 0 {
		return c.structReadMessage(tname, st, off, offKnown)
	}
	if !offKnown {
		return fmt.Sprintf("reads %s at a computed offset into the map header: %s and runtime.hmap offsets mean nothing; %s",
			tname, since, insteadFor(""))
	}
	size, ok := c.sizeof(t)
	if !ok || c.wordSize != 8 {
		return fmt.Sprintf("reads %s at offset %d of the map header: %s; %s", tname, off, since, insteadFor(""))
	}
	old := oldFieldAt(off, size)
	was := ""
	if old != "" {
		was = fmt.Sprintf(" (%s before Go 1.24)", old)
	}
	return fmt.Sprintf("reads %s at offset %d of the map header%s: %s and this is %s; %s",
		tname, off, was, since, swissFieldAt(off, size), insteadFor(old))
}

func (c *checker) structReadMessage(tname string, st *types.Struct, base int64, offKnown bool) string {
	const gone = "runtime.hmap is gone since Go 1.24 (maps are Swiss tables, internal/runtime/maps.Map)"
	const instead = "use len(m), for range, the maps package or reflect.Value.MapRange"
	if !offKnown || c.wordSize != 8 {
		return fmt.Sprintf("reads the map header as %s: %s; %s", tname, gone, instead)
	}
	fields := make([]*types.Var, st.NumFields())
	for i := range fields {
		fields[i] = st.Field(i)
	}
	offs, ok := c.offsetsof(fields)
	if !ok {
		return fmt.Sprintf("reads the map header as %s: %s; %s", tname, gone, instead)
	}
	// Group consecutive fields that land in the same Swiss-table field.
	type group struct {
		names    []string
		off, end int64
		target   string
	}
	var groups []group
	for i, f := range fields {
		size, ok := c.sizeof(f.Type())
		if !ok || size == 0 {
			continue
		}
		off := base + offs[i]
		if off == 0 && size == 8 {
			continue // used is still the count: not worth a note
		}
		target := shortSwissFieldAt(off, size)
		if n := len(groups); n > 0 && groups[n-1].target == target {
			groups[n-1].names = append(groups[n-1].names, f.Name())
			groups[n-1].end = off + size
			continue
		}
		groups = append(groups, group{[]string{f.Name()}, off, off + size, target})
	}
	var notes []string
	for i, g := range groups {
		if i == 3 {
			notes = append(notes, fmt.Sprintf("and %d more", len(groups)-3))
			break
		}
		where, verb := fmt.Sprintf("offset %d", g.off), "reads"
		if len(g.names) > 1 {
			where, verb = fmt.Sprintf("offsets %d-%d", g.off, g.end-1), "read"
		}
		notes = append(notes, fmt.Sprintf("%s (%s) %s %s", strings.Join(g.names, ", "), where, verb, g.target))
	}
	detail := ""
	if len(notes) > 0 {
		detail = ": " + strings.Join(notes, "; ")
	}
	return fmt.Sprintf("reads the map header as %s%s; %s; %s", tname, detail, gone, instead)
}
