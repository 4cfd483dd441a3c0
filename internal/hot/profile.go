package hot

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/google/pprof/profile"
)

// Profile is a parsed CPU profile indexed by function, ready to weigh loops.
// It is immutable once built and safe for concurrent use.
type Profile struct {
	Path  string
	total int64   // sum of the chosen value over all samples
	value []int64 // the chosen value of each sample
	// byBase holds the functions by the base name of their file.
	byBase map[string][]*function
}

// function is one function of the profile (name and file), with every
// place a sample's stack passes through it.
type function struct {
	name, file string
	startLine  int64 // 0 when the profile does not record it
	hits       []hit
}

// hit is one frame of one sample in a function: an entry of a Location's
// Line list, so every frame of an inlined call is a hit of its own.
type hit struct {
	sample int32
	line   int32
	leaf   bool // the innermost frame of the sample: its time is "flat" here
	// grows is set on the innermost frame outside the runtime when the
	// runtime frames below it grow a slice or a map or make a map
	// (growthFuncs): this line's own append, insert or make.
	grows Growth
}

// Weight is the share of a profile's samples spent in a loop.
type Weight struct {
	// Cum is the share (0..1) of samples with the loop anywhere on the
	// stack: in its own code or in what it calls. Flat is the share with
	// the loop's own code as the innermost frame.
	Cum, Flat float64
	// Growth is the share of samples in which a line of the loop that
	// appends to, inserts into or makes the finding's own variable grows
	// it: growthFuncs, reached from the line through the runtime and std's
	// map fillers only. It is what presizing or hoisting that variable
	// saves directly; the garbage collector's background work that fewer
	// bytes spare is in no loop's share, so it is a lower bound. Cum also
	// counts everything else the loop does, which the fix does not change
	// (issue 17: loops at 10-12% of CPU whose fixes gained nothing
	// measurable had 0% growth).
	Growth float64
	// GrowthOf names the variable Growth is about; "" when the finding's
	// variable was not found and Growth covers every line of the loop.
	GrowthOf string
	// WholeFunc is set when the profile's line numbers do not fit the
	// source (a profile of a different build: the function starts on
	// another line, or has samples past its end): the weight is then the
	// whole function's.
	WholeFunc bool
	// Profile is the file the weight comes from.
	Profile string
}

// cache holds every profile this process parsed, by path, so that each
// file is read once per run however many packages and analyzers ask. It,
// the default.pgo lookup of auto.go (also computed once), the weights of
// hot.go and Config are the package's only mutable globals.
var cache sync.Map // path -> *loadResult

type loadResult struct {
	once sync.Once
	p    *Profile
	err  error
}

// Load returns the profile in file path, parsed once per process. The
// error names the file and says what is wrong in one line.
func Load(path string) (*Profile, error) {
	v, _ := cache.LoadOrStore(path, new(loadResult))
	r := v.(*loadResult)
	r.once.Do(func() { r.p, r.err = load(path) })
	return r.p, r.err
}

// maxProfileBytes bounds a profile file, and its contents once
// decompressed: CPU profiles are a few megabytes, and a profile is read
// whole into memory.
var maxProfileBytes int64 = 256 << 20 // a variable for tests

func load(path string) (*Profile, error) {
	data, err := readProfile(path)
	if err != nil {
		return nil, fmt.Errorf("profile %s: %v", path, err)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("profile %s: empty file", path)
	}
	p, err := profile.ParseData(data)
	if err != nil {
		return nil, fmt.Errorf("profile %s: not a pprof profile: %v", path, err)
	}
	return index(path, p)
}

// readProfile returns the contents of the profile file, decompressed if
// gzipped, refusing anything but a regular file (a named pipe would block
// the open, a device such as /dev/zero never end) and anything past
// maxProfileBytes.
func readProfile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !fi.Mode().IsRegular() {
		kind := "a special file"
		switch t := fi.Mode().Type(); {
		case t&fs.ModeDir != 0:
			kind = "a directory"
		case t&fs.ModeNamedPipe != 0:
			kind = "a named pipe"
		case t&fs.ModeDevice != 0:
			kind = "a device"
		case t&fs.ModeSocket != 0:
			kind = "a socket"
		}
		return nil, fmt.Errorf("%s, not a regular file", kind)
	}
	if fi.Size() > maxProfileBytes {
		return nil, fmt.Errorf("%d bytes, more than a profile's limit of %d MiB", fi.Size(), maxProfileBytes>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	data, err := readAtMost(f)
	if err != nil {
		return nil, err
	}
	// Decompress here, bounded: pprof's ParseData would inflate without a
	// limit.
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("not a pprof profile: %v", err)
		}
		if data, err = readAtMost(zr); err != nil {
			return nil, fmt.Errorf("decompressed, %v", err)
		}
	}
	return data, nil
}

// readAtMost reads r to its end, failing past maxProfileBytes.
func readAtMost(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxProfileBytes+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if int64(len(data)) > maxProfileBytes {
		return nil, fmt.Errorf("more than a profile's limit of %d MiB", maxProfileBytes>>20)
	}
	return data, nil
}

// unwrapPath drops an *os.PathError's path: the caller names the file.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// index builds a Profile from a parsed one.
func index(path string, p *profile.Profile) (*Profile, error) {
	vi := -1
	for i, st := range p.SampleType {
		if st.Type == "cpu" {
			vi = i // Go's CPU profiles: samples/count, cpu/nanoseconds
			break
		}
		if st.Type == "samples" && vi < 0 {
			vi = i
		}
	}
	if vi < 0 {
		var types = make([]string, 0, len(p.SampleType))
		for _, st := range p.SampleType {
			types = append(types, st.Type+"/"+st.Unit)
		}
		return nil, fmt.Errorf("profile %s: not a CPU profile (sample types %v, want cpu or samples)", path, types)
	}
	hp := &Profile{Path: path, value: make([]int64, len(p.Sample)), byBase: make(map[string][]*function)}
	byFunc := make(map[[2]string]*function)
	for si, s := range p.Sample {
		if vi >= len(s.Value) {
			continue
		}
		v := s.Value[vi]
		hp.value[si] = v
		hp.total += v
		grower, kind := growingFrame(s)
		frame := -1
		for li, loc := range s.Location {
			for k, ln := range loc.Line {
				frame++
				if ln.Function == nil {
					continue
				}
				key := [2]string{ln.Function.Name, ln.Function.Filename}
				fn := byFunc[key]
				if fn == nil {
					fn = &function{name: key[0], file: key[1], startLine: ln.Function.StartLine}
					byFunc[key] = fn
					base := baseName(key[1])
					hp.byBase[base] = append(hp.byBase[base], fn)
				}
				fn.hits = append(fn.hits, hit{sample: int32(si), line: int32(ln.Line), leaf: li == 0 && k == 0})
				if frame == grower {
					fn.hits[len(fn.hits)-1].grows = kind
				}
			}
		}
	}
	if hp.total <= 0 {
		return nil, fmt.Errorf("profile %s: no CPU samples", path)
	}
	return hp, nil
}

// Growth is a kind of runtime work that a capacity, a size hint or a make
// hoisted out of a loop removes.
type Growth uint8

const (
	NoGrowth  Growth = iota
	GrowSlice        // append past the capacity
	GrowMap          // an insert past the map's room
	MakeMap          // a map made (hoisting saves it)
)

// growthFuncs are the runtime functions, as profiles name them, behind
// each kind of Growth. TestGrowthFuncs checks them against GOROOT: a
// function renamed by a Go release would weigh no growth at all.
var growthFuncs = map[string]Growth{
	"runtime.growslice":                        GrowSlice,
	"runtime.growsliceNoAlias":                 GrowSlice,
	"runtime.growsliceBuf":                     GrowSlice,
	"runtime.growsliceBufNoAlias":              GrowSlice,
	"internal/runtime/maps.(*Map).growToSmall": GrowMap,
	"internal/runtime/maps.(*Map).growToTable": GrowMap,
	"internal/runtime/maps.(*table).rehash":    GrowMap,
	"internal/runtime/maps.(*table).grow":      GrowMap,
	"internal/runtime/maps.(*table).split":     GrowMap,
	"runtime.makemap":                          MakeMap,
	"runtime.makemap64":                        MakeMap,
	"runtime.makemap_small":                    MakeMap,
}

// legacyGrowthFuncs are map growth before Swiss tables (Go 1.23 and older,
// or GOEXPERIMENT=noswissmap): a production profile, or a default.pgo, may
// come from such a build. The running toolchain need not have them.
var legacyGrowthFuncs = map[string]Growth{
	"runtime.hashGrow":         GrowMap,
	"runtime.growWork":         GrowMap,
	"runtime.growWork_fast32":  GrowMap,
	"runtime.growWork_fast64":  GrowMap,
	"runtime.growWork_faststr": GrowMap,
	"runtime.evacuate":         GrowMap,
	"runtime.evacuate_fast32":  GrowMap,
	"runtime.evacuate_fast64":  GrowMap,
	"runtime.evacuate_faststr": GrowMap,
	"runtime.makeBucketArray":  GrowMap,
}

// growingFrame returns the index, in the order index walks s's frames
// (leaf first, inlined frames innermost first), of the frame that caused
// the growth of a slice or map the sample is in, and its kind; -1 when the
// sample grows nothing. Frames below the growth function are whatever it
// calls (aeshashbody, internal/abi's inlined helpers); frames above it up
// to the grower are the runtime's and std's map fillers (fillFrame).
func growingFrame(s *profile.Sample) (int, Growth) {
	i, kind := 0, NoGrowth
	for _, loc := range s.Location {
		for _, ln := range loc.Line {
			if ln.Function == nil {
				return -1, NoGrowth
			}
			name := ln.Function.Name
			if g := cmp.Or(growthFuncs[name], legacyGrowthFuncs[name]); g != NoGrowth {
				kind = g // the outermost one: growslice may allocate, a map's growth too
			} else if kind != NoGrowth && !fillFrame(name) {
				return i, kind
			}
			i++
		}
	}
	return -1, NoGrowth
}

// fillFrame reports whether a frame between a growth function and the
// line that caused it belongs to how Go fills a map or slice rather than
// to code of its own: the runtime, and std's maps.Copy and maps.Insert
// with the iterators of package maps (hotmap counts maps.Copy(m, src) as
// a fill of m).
func fillFrame(name string) bool {
	if strings.HasPrefix(name, "runtime.") || strings.HasPrefix(name, "internal/runtime/") {
		return true
	}
	fn, ok := strings.CutPrefix(name, "maps.")
	if !ok {
		return false
	}
	fn, _, _ = strings.Cut(fn, "[") // maps.Copy[go.shape.map[...]...]
	fn, _, _ = strings.Cut(fn, ".") // maps.Insert.func1
	return slices.Contains([]string{"Copy", "Insert", "All", "Keys", "Values", "Collect"}, fn)
}

// GrowthLine is a line of a loop where a finding's variable may grow, and
// how: an append to it, an insert into it, or its make.
type GrowthLine struct {
	Line int
	Kind Growth
}

// Weigh returns the weight of the loop on lines [start, end] of f. Growth
// counts the growth given in grow, or any growth on the loop's lines when
// there is none.
//
// The samples counted are those with a frame of f (or of a closure of f,
// inlined or not) in f's file whose line is in [start, end]; each sample
// counts once however many of its frames are in the loop. When the profile's
// lines do not fit f's source (see Weight.WholeFunc), every sample with a
// frame of f counts instead.
func (p *Profile) Weigh(f Func, start, end int, grow ...GrowthLine) Weight {
	var fns []*function
	moved := false
	for _, fn := range p.byBase[baseName(f.File)] {
		if !sameFile(fn.file, f.File) {
			continue
		}
		ok, exact, binary := f.match(fn.name)
		if !ok || binary && !ownsFile(fn.file, f.File) {
			continue
		}
		fns = append(fns, fn)
		if exact && f.Start > 0 {
			if fn.startLine != 0 && fn.startLine != int64(f.Start) {
				moved = true
			}
			for _, h := range fn.hits {
				if int(h.line) < f.Start || int(h.line) > f.End {
					moved = true
				}
			}
		}
	}
	if moved {
		start, end = 0, int(^uint(0)>>1)
	}
	var cum, flat, growth int64
	seen, grew := make(map[int32]bool), make(map[int32]bool)
	for _, fn := range fns {
		for _, h := range fn.hits {
			if int(h.line) < start || int(h.line) > end {
				continue
			}
			if !seen[h.sample] {
				seen[h.sample] = true
				cum += p.value[h.sample]
			}
			if h.leaf {
				flat += p.value[h.sample]
			}
			if h.grows != NoGrowth && !grew[h.sample] && (len(grow) == 0 || moved || slices.Contains(grow, GrowthLine{int(h.line), h.grows})) {
				grew[h.sample] = true
				growth += p.value[h.sample]
			}
		}
	}
	return Weight{
		Cum:       float64(cum) / float64(p.total),
		Flat:      float64(flat) / float64(p.total),
		Growth:    float64(growth) / float64(p.total),
		WholeFunc: moved,
		Profile:   p.Path,
	}
}
