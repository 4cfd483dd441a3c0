package driver

// The findings cache: a warm run lists the packages (go list, no export
// data, no type checking), keys each root on what its findings depend
// on, and reads them back; only the roots whose key changed are loaded
// and analyzed again (with factload, as a cold run). A run on a cache
// that holds nothing for its salt does not list: it loads, analyzes and
// keys the loaded packages (analyzeCold).
//
// A root's key is a SHA-256 over the driver's salt (the executable and Go
// version, the analyzers and every flag value, the environment that
// selects files, sizes and cmd/cgo's output), the package's ID, the names
// and contents of its files (in GOROOT and the module cache: their size
// and time), its module, and the keys of its imports: a changed file
// changes its package's key and those of every package that depends on
// it. Entries live in CacheDir/findings as factload.Store entries
// (checksummed, written atomically, trimmed like GOCACHE).

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/scanner"
	"go/token"

	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/internal/factload"
)

// listMode is what a warm run asks go list: names, files, imports and
// modules, no export data and no types.
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule

// entry is one root package's cached result: its units in the order the
// checker visits them from each root analyzer (see assemble), positions
// as file indexes and offsets into the package's GoFiles.
type entry struct {
	ByRoot [][]cachedUnit // per analyzer given to Analyze
	// Scan lists the GoFiles whose //line directives move positions: they
	// are rebuilt by scanning them, as the parser does, not by lines.
	Scan []int
	// Extra are the files outside GoFiles that positions lie in (those
	// cmd/cgo writes), file indexes len(GoFiles) on: their contents, kept
	// here, since the key covers the files they are made from.
	Extra []cachedFile
}

type cachedFile struct {
	Name    string
	Content []byte
}

type cachedUnit struct {
	Analyzer string
	IsRoot   bool
	Err      string // "" for none
	Diags    []cachedDiag
}

type cachedPos struct{ File, Offset int } // File -1: token.NoPos

type cachedDiag struct {
	Pos, End cachedPos
	Category string
	URL      string
	Message  string
	Fixes    []cachedFix
	Related  []cachedRelated
}

type cachedFix struct {
	Message string
	Edits   []cachedEdit
}

type cachedEdit struct {
	Pos, End cachedPos
	NewText  []byte
}

type cachedRelated struct {
	Pos, End cachedPos
	Message  string
}

// findingsCache keys and stores roots' results for one run.
type findingsCache struct {
	store *factload.Store
	salt  []byte

	// since, if set, is when loading began (cold runs): files modified
	// after it may differ from what was analyzed, and are not keyed.
	since time.Time

	mu       sync.Mutex
	keys     map[*packages.Package]string // "" if not cacheable
	roots    map[*packages.Package]bool
	contents map[string][]byte    // the roots' files read for keys, to rebuild positions
	stamps   map[string]fileStamp // every file read for keys
	buf      []byte               // for hashing the other files
}

// outputFlags do not change findings, only how they are printed.
var outputFlags = []string{"json", "sarif", "c", "fix", "diff", "debug", "cpuprofile", "memprofile", "trace", "v", "cache", "V", "flags"}

// envKeys select files, build tags and sizes.
var envKeys = []string{"GOOS", "GOARCH", "GOFLAGS", "GOEXPERIMENT", "CGO_ENABLED", "GOAMD64", "GOARM", "GOARM64", "GO386",
	"GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM", "GOROOT", "GOPATH", "GOWORK", "GO111MODULE", "GOTOOLCHAIN",
	// cmd/cgo's output, which positions in cgo files and C types depend on
	"CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_FFLAGS", "CGO_LDFLAGS", "PKG_CONFIG"}

func newFindingsCache(dir string, analyzers []*analysis.Analyzer, tests bool, warn io.Writer) (*findingsCache, error) {
	store, err := factload.OpenStore(filepath.Join(dir, "findings"), warn)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "maplint findings 1\n%s\ntests=%v\n", runtime.Version(), tests)
	if err := factload.HashExecutable(h); err != nil {
		return nil, err
	}
	fmt.Fprintf(h, "roots")
	for _, a := range analyzers {
		fmt.Fprintf(h, " %s", a.Name)
	}
	fmt.Fprintln(h)
	for _, a := range factload.Closure(analyzers) {
		fmt.Fprintf(h, "analyzer %s\n", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "flag %s.%s=%s\n", a.Name, f.Name, f.Value) })
	}
	// Suite-wide flags (-hot-threshold; with -profile, Analyze does not
	// use this cache).
	flag.CommandLine.VisitAll(func(f *flag.Flag) {
		if !slices.Contains(outputFlags, f.Name) {
			fmt.Fprintf(h, "-%s=%s\n", f.Name, f.Value)
		}
	})
	for _, k := range envKeys {
		fmt.Fprintf(h, "%s=%s\n", k, os.Getenv(k))
	}
	return &findingsCache{store: store, salt: h.Sum(nil), keys: make(map[*packages.Package]string),
		roots: make(map[*packages.Package]bool), contents: make(map[string][]byte), stamps: make(map[string]fileStamp)}, nil
}

// A fileStamp is what os.Stat said of a file just before it was hashed.
type fileStamp struct {
	size  int64
	mtime int64
}

func stamp(name string) (fileStamp, bool) {
	st, err := os.Stat(name)
	if err != nil {
		return fileStamp{}, false
	}
	return fileStamp{st.Size(), st.ModTime().UnixNano()}, true
}

// unchanged reports whether every file hashed for a key still has the
// size and modification time it had then: results computed since then
// may be stored under those keys.
func (c *findingsCache) unchanged() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for name, was := range c.stamps {
		if now, ok := stamp(name); !ok || now != was {
			return false
		}
	}
	return true
}

// pgo reports whether a main package among roots has a default.pgo, which
// weighs loop findings (internal/hot) when no -profile is given.
func (c *findingsCache) pgo(roots []*packages.Package) (found bool) {
	for _, r := range roots {
		if r.Name == "main" && len(r.GoFiles) > 0 {
			name := filepath.Join(filepath.Dir(r.GoFiles[0]), "default.pgo")
			if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() {
				return true
			}
		}
	}
	return false
}

// key returns pkg's key, or "" if pkg cannot be cached: a file that
// cannot be read, a package with errors (in it or below it).
func (c *findingsCache) key(pkg *packages.Package) string {
	c.mu.Lock()
	k, ok := c.keys[pkg]
	c.mu.Unlock()
	if ok {
		return k
	}
	k = c.computeKey(pkg)
	c.mu.Lock()
	c.keys[pkg] = k
	c.mu.Unlock()
	return k
}

func (c *findingsCache) computeKey(pkg *packages.Package) string {
	if len(pkg.Errors) > 0 {
		return ""
	}
	h := sha256.New()
	h.Write(c.salt)
	fmt.Fprintf(h, "id %s\npath %s\nname %s\n", pkg.ID, pkg.PkgPath, pkg.Name)
	if m := pkg.Module; m != nil {
		fmt.Fprintf(h, "module %s %s %v %s\n", m.Path, m.Version, m.Main, m.GoVersion)
	}
	tree := installedTree(pkg)
	for _, list := range [][]string{pkg.GoFiles, pkg.OtherFiles, pkg.IgnoredFiles} {
		for _, name := range list {
			st, ok := stamp(name)
			if !ok || !c.before(st) {
				return ""
			}
			fmt.Fprintf(h, "file %s %d\n", name, st.size)
			// The same inputs whether pkg is a root or not, listed or
			// loaded: a key never depends on the patterns or the path.
			installed := tree != "" && strings.HasPrefix(name, tree)
			if installed {
				fmt.Fprintf(h, "mtime %d\n", st.mtime)
			}
			if c.roots[pkg] && slices.Contains(pkg.GoFiles, name) {
				data, err := os.ReadFile(name)
				if err != nil || int64(len(data)) != st.size {
					return ""
				}
				if !installed {
					h.Write(data)
				}
				c.mu.Lock()
				c.contents[name] = data
				c.mu.Unlock()
			} else if !installed && !c.hashFile(h, name, st.size) {
				return ""
			}
			c.mu.Lock()
			c.stamps[name] = st
			c.mu.Unlock()
		}
		fmt.Fprintln(h, "--")
	}
	paths, ok := listedImports(pkg)
	if !ok {
		return ""
	}
	for _, path := range paths {
		k := c.key(pkg.Imports[path])
		if k == "" {
			return ""
		}
		fmt.Fprintf(h, "import %s %s\n", path, k)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// installedTree returns the directory (with a trailing separator) of
// pkg's files if they belong to a tree that is installed, not edited:
// GOROOT's source, or a module in the module cache (not a main module,
// not replaced). Its files are keyed on their size and modification time,
// as make keys its inputs, not read: an edit changes the time, and
// reading them was half of a warm run's own work (caddy: 0.17 s of
// 0.37 s, besides go list's 0.8 s).
func installedTree(pkg *packages.Package) string {
	var dir string
	if m := pkg.Module; m == nil {
		if goroot := runtime.GOROOT(); goroot != "" {
			dir = filepath.Join(goroot, "src")
		}
	} else if !m.Main && m.Replace == nil && m.Version != "" && m.Dir != "" {
		path, err1 := module.EscapePath(m.Path)
		version, err2 := module.EscapeVersion(m.Version)
		if err1 == nil && err2 == nil && strings.HasSuffix(filepath.ToSlash(m.Dir), "/"+path+"@"+version) {
			dir = m.Dir // GOMODCACHE/path@version, as the go command lays it out
		}
	}
	if dir == "" {
		return ""
	}
	return filepath.Clean(dir) + string(filepath.Separator)
}

// cgoImports are the imports the go command adds to a package that cgo
// processes (cmd/go/internal/load: "Cgo translation adds imports").
var cgoImports = []string{"runtime/cgo", "syscall", "unsafe"}

// listedImports returns the sorted import paths of pkg as a listing (go
// list without -compiled, a warm run's) gives them, so that a key does not
// depend on how pkg was loaded: a package loaded from cmd/cgo's files
// (CompiledGoFiles) also imports what they import, which its own files may
// not. False if its files cannot be read.
func listedImports(pkg *packages.Package) ([]string, bool) {
	paths := make([]string, 0, len(pkg.Imports))
	for path := range pkg.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	if slices.Equal(pkg.CompiledGoFiles, pkg.GoFiles) || len(pkg.CompiledGoFiles) == 0 {
		return paths, true // not processed by cgo, or listed
	}
	explicit := make(map[string]bool)
	fset := token.NewFileSet()
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			return nil, false
		}
		for _, imp := range f.Imports {
			if path, err := strconv.Unquote(imp.Path.Value); err == nil {
				explicit[path] = true
			}
		}
	}
	return slices.DeleteFunc(paths, func(path string) bool {
		return !explicit[path] && slices.Contains(cgoImports, path)
	}), true
}

// hashFile writes the contents of file name, of the given size, to h
// without keeping them (keys are computed on one goroutine).
func (c *findingsCache) hashFile(h io.Writer, name string, size int64) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	if c.buf == nil {
		c.buf = make([]byte, 64<<10)
	}
	// Not io.CopyBuffer: *os.File's WriteTo would take over with a
	// buffer of its own per file.
	var n int64
	for {
		k, err := f.Read(c.buf)
		h.Write(c.buf[:k])
		n += int64(k)
		if err == io.EOF {
			return n == size
		}
		if err != nil {
			return false
		}
	}
}

// before reports whether a file stamped st may be keyed: on a cold run,
// only if it was last modified before loading began (by 2 s on a file
// system whose times have whole seconds only, as the go command allows
// for coarse file times).
func (c *findingsCache) before(st fileStamp) bool {
	if c.since.IsZero() {
		return true // stamps are compared after the analysis (unchanged)
	}
	cutoff := c.since.UnixNano()
	if st.mtime%int64(time.Second) == 0 {
		cutoff -= int64(2 * time.Second)
	}
	return st.mtime < cutoff
}

// fset rebuilds, from the files read for its key, a file set for pkg with
// the files at the positions an entry names.
func (c *findingsCache) fset(pkg *packages.Package, e *entry) *token.FileSet {
	fset := token.NewFileSet()
	for i, name := range pkg.GoFiles {
		c.mu.Lock()
		data := c.contents[name]
		c.mu.Unlock()
		if slices.Contains(e.Scan, i) {
			scanFile(fset, name, data)
		} else {
			fset.AddFile(name, -1, len(data)).SetLinesForContent(data)
		}
	}
	for _, f := range e.Extra {
		scanFile(fset, f.Name, f.Content)
	}
	return fset
}

// scanFile adds a file to fset as the parser would: its lines, and the
// positions its //line directives set (cmd/cgo's files have many).
func scanFile(fset *token.FileSet, name string, src []byte) {
	var s scanner.Scanner
	s.Init(fset.AddFile(name, -1, len(src)), src, nil, scanner.ScanComments)
	for {
		if _, tok, _ := s.Scan(); tok == token.EOF {
			return
		}
	}
}

// toEntry encodes the units of a freshly analyzed root package, grouped
// by root analyzer: a position in one of pkg.GoFiles by its index, one in
// another file (cmd/cgo's) with that file's contents (Extra), and the
// files where a //line directive moves a position are marked (Scan).
// False if a file cannot be read back as it was parsed.
func toEntry(pkg *packages.Package, byRoot [][]*Unit) (*entry, bool) {
	e := &entry{ByRoot: make([][]cachedUnit, len(byRoot))}
	files := make(map[string]int, len(pkg.GoFiles))
	for i, name := range pkg.GoFiles {
		files[name] = i
	}
	ok := true
	pos := func(p token.Pos) cachedPos {
		if !p.IsValid() {
			return cachedPos{-1, 0}
		}
		tf := pkg.Fset.File(p)
		if tf == nil {
			ok = false
			return cachedPos{}
		}
		i, found := files[tf.Name()]
		if !found {
			data, err := os.ReadFile(tf.Name())
			if err != nil || len(data) != tf.Size() {
				ok = false
				return cachedPos{}
			}
			i = len(pkg.GoFiles) + len(e.Extra)
			files[tf.Name()] = i
			e.Extra = append(e.Extra, cachedFile{tf.Name(), data})
		}
		if i < len(pkg.GoFiles) && !slices.Contains(e.Scan, i) && pkg.Fset.PositionFor(p, true) != pkg.Fset.PositionFor(p, false) {
			e.Scan = append(e.Scan, i)
		}
		return cachedPos{i, tf.Offset(p)}
	}
	for i, units := range byRoot {
		for _, u := range units {
			cu := cachedUnit{Analyzer: u.Analyzer.Name, IsRoot: u.IsRoot}
			if u.Err != nil {
				cu.Err = u.Err.Error()
			}
			for _, d := range u.Diagnostics {
				cd := cachedDiag{Pos: pos(d.Pos), End: pos(d.End), Category: d.Category, URL: d.URL, Message: d.Message}
				for _, f := range d.SuggestedFixes {
					cf := cachedFix{Message: f.Message}
					for _, ed := range f.TextEdits {
						cf.Edits = append(cf.Edits, cachedEdit{pos(ed.Pos), pos(ed.End), ed.NewText})
					}
					cd.Fixes = append(cd.Fixes, cf)
				}
				for _, r := range d.Related {
					cd.Related = append(cd.Related, cachedRelated{pos(r.Pos), pos(r.End), r.Message})
				}
				cu.Diags = append(cu.Diags, cd)
			}
			e.ByRoot[i] = append(e.ByRoot[i], cu)
		}
	}
	return e, ok
}

// fromEntry decodes e for pkg (listed, not loaded): pkg gets the rebuilt
// file set. byName finds the analyzers by name; false if one is missing.
func (c *findingsCache) fromEntry(pkg *packages.Package, e *entry, byName map[string]*analysis.Analyzer) ([][]*Unit, bool) {
	pkg.Fset = c.fset(pkg, e)
	var files []*token.File // in the order of pkg.GoFiles, as added
	pkg.Fset.Iterate(func(f *token.File) bool { files = append(files, f); return true })
	ok := true
	pos := func(p cachedPos) token.Pos {
		if p.File < 0 {
			return token.NoPos
		}
		if p.File >= len(files) || p.Offset > files[p.File].Size() {
			ok = false
			return token.NoPos
		}
		return files[p.File].Pos(p.Offset)
	}
	out := make([][]*Unit, len(e.ByRoot))
	for i, units := range e.ByRoot {
		for _, cu := range units {
			a := byName[cu.Analyzer]
			if a == nil {
				return nil, false
			}
			u := &Unit{Analyzer: a, Package: pkg, IsRoot: cu.IsRoot}
			if cu.Err != "" {
				u.Err = errors.New(cu.Err)
			}
			for _, cd := range cu.Diags {
				d := analysis.Diagnostic{Pos: pos(cd.Pos), End: pos(cd.End), Category: cd.Category, URL: cd.URL, Message: cd.Message}
				for _, cf := range cd.Fixes {
					f := analysis.SuggestedFix{Message: cf.Message}
					for _, ed := range cf.Edits {
						f.TextEdits = append(f.TextEdits, analysis.TextEdit{Pos: pos(ed.Pos), End: pos(ed.End), NewText: ed.NewText})
					}
					d.SuggestedFixes = append(d.SuggestedFixes, f)
				}
				for _, r := range cd.Related {
					d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos(r.Pos), End: pos(r.End), Message: r.Message})
				}
				u.Diagnostics = append(u.Diagnostics, d)
			}
			out[i] = append(out[i], u)
		}
	}
	return out, ok
}

// analyzeCached is Analyze with the findings cache: the roots whose key
// has an entry come from it; the others are analyzed (analyzeFresh, on
// their package paths) and stored.
func analyzeCached(patterns []string, analyzers []*analysis.Analyzer, opts LoadOptions) (*Result, error) {
	c, err := newFindingsCache(opts.CacheDir, analyzers, opts.Tests, opts.Log)
	if err != nil {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "maplint: findings cache: %v; analyzing without it\n", err)
		}
		return analyzeFresh(patterns, analyzers, opts)
	}
	if !c.used() {
		return c.analyzeCold(patterns, analyzers, opts)
	}
	listed, err := load(patterns, listMode, opts.Tests)
	if err != nil {
		return nil, err
	}
	if c.pgo(listed) {
		// A weighed finding's typed weight (-json "hot") lives in
		// internal/hot's table for this run only: not served from here.
		return analyzeFresh(patterns, analyzers, opts)
	}
	for _, pkg := range listed {
		c.roots[pkg] = true
	}
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range factload.Closure(analyzers) {
		byName[a.Name] = a
	}

	units := make(map[string][][]*Unit, len(listed)) // by package ID
	var missed []*packages.Package
	for _, pkg := range listed {
		var e entry
		if k := c.key(pkg); k != "" && c.store.Get(k, &e) && len(e.ByRoot) == len(analyzers) {
			if us, ok := c.fromEntry(pkg, &e, byName); ok {
				units[pkg.ID] = us
				continue
			}
		}
		missed = append(missed, pkg)
	}
	if opts.Verbose != nil {
		fmt.Fprintf(opts.Verbose, "findings cache: %d of %d packages from the cache\n", len(listed)-len(missed), len(listed))
		for _, pkg := range missed {
			fmt.Fprintf(opts.Verbose, "findings cache: analyzing %s\n", pkg.ID)
		}
	}
	initial := listed
	if len(missed) > 0 {
		var paths []string
		for _, pkg := range missed {
			if p := packagePattern(pkg); !slices.Contains(paths, p) {
				paths = append(paths, p)
			}
		}
		fresh, err := analyzeFresh(paths, analyzers, opts)
		if err != nil {
			return fresh, err
		}
		freshBy := byRoot(fresh, analyzers)
		freshPkg := make(map[string]*packages.Package, len(fresh.Initial))
		for _, p := range fresh.Initial {
			freshPkg[p.ID] = p
		}
		// Store only results of files as they were hashed: a file
		// edited meanwhile (even reverted later) must not pair its
		// old key with new findings.
		store := c.unchanged()
		initial = slices.Clone(listed)
		for _, pkg := range missed {
			us, fp := freshBy[pkg.ID], freshPkg[pkg.ID]
			if us == nil || fp == nil {
				return analyzeFresh(patterns, analyzers, opts) // go list disagrees with itself: no cache
			}
			units[pkg.ID] = us
			initial[slices.Index(listed, pkg)] = fp
			// Store only what the key describes: no errors anywhere
			// below (they are printed from the packages, not the
			// entry), the same files, unchanged since they were hashed.
			k := c.key(pkg)
			if k == "" || hasErrors(fp) || !slices.Equal(pkg.GoFiles, fp.GoFiles) || !store {
				continue
			}
			if e, ok := toEntry(fp, us); ok {
				c.store.Put(k, e)
			}
		}
	}
	c.markUsed()
	return assemble(initial, analyzers, units), nil
}

// analyzeCold is analyzeCached on a cache that holds nothing for this
// salt (a first run, another maplint or Go, other flags): no root can
// hit, so the packages are loaded and analyzed at once, without the
// listing, and keyed afterwards from the loaded packages. Files modified
// since loading began are not keyed (before), so no entry pairs a key
// with findings of other contents.
func (c *findingsCache) analyzeCold(patterns []string, analyzers []*analysis.Analyzer, opts LoadOptions) (*Result, error) {
	c.since = time.Now()
	res, err := analyzeFresh(patterns, analyzers, opts)
	if err != nil {
		return res, err
	}
	if opts.Verbose != nil {
		fmt.Fprintf(opts.Verbose, "findings cache: 0 of %d packages from the cache\n", len(res.Initial))
		for _, pkg := range res.Initial {
			fmt.Fprintf(opts.Verbose, "findings cache: analyzing %s\n", pkg.ID)
		}
	}
	if c.pgo(res.Initial) {
		return res, nil // as analyzeCached: weighed findings are not stored
	}
	units := byRoot(res, analyzers)
	for _, pkg := range res.Initial {
		us := units[pkg.ID]
		if us == nil || hasErrors(pkg) {
			continue
		}
		if k := c.key(pkg); k != "" {
			if e, ok := toEntry(pkg, us); ok {
				c.store.Put(k, e)
			}
		}
	}
	c.markUsed()
	return res, nil
}

// used reports whether a run with this salt has used the cache (and may
// have left entries); markUsed records it. Both are an entry of the
// store, so they are trimmed with it.
func (c *findingsCache) used() bool {
	var v bool
	return c.store.Get(c.usedKey(), &v)
}

func (c *findingsCache) markUsed() {
	if !c.used() {
		c.store.Put(c.usedKey(), true)
	}
}

func (c *findingsCache) usedKey() string {
	h := sha256.Sum256(append([]byte("used\n"), c.salt...))
	return hex.EncodeToString(h[:])
}

// packagePattern is the go list argument that loads pkg (with -test: its
// test variants too).
func packagePattern(pkg *packages.Package) string {
	switch {
	case pkg.ForTest != "":
		return pkg.ForTest
	case pkg.Name == "main" && strings.HasSuffix(pkg.ID, ".test"):
		return strings.TrimSuffix(pkg.ID, ".test")
	}
	return pkg.PkgPath
}

func hasErrors(pkg *packages.Package) bool {
	bad := false
	packages.Visit([]*packages.Package{pkg}, nil, func(p *packages.Package) {
		bad = bad || len(p.Errors) > 0 || p.IllTyped
	})
	return bad
}

// byRoot splits res.All (no unit depends on another package's: the
// analyzers have no facts, factload computes them) by package and by the
// root analyzer whose visit first reached each unit: the checker visits
// the roots analyzer by analyzer, package by package, each in postorder,
// so a root's unit closes its group.
func byRoot(res *Result, analyzers []*analysis.Analyzer) map[string][][]*Unit {
	out := make(map[string][][]*Unit)
	pending := make(map[string][]*Unit)
	for _, u := range res.All {
		id := u.Package.ID
		pending[id] = append(pending[id], u)
		if i := slices.Index(analyzers, u.Analyzer); u.IsRoot && i >= 0 {
			if out[id] == nil {
				out[id] = make([][]*Unit, len(analyzers))
			}
			out[id][i] = pending[id]
			pending[id] = nil
		}
	}
	return out
}

// assemble lists the units as fromGraph does from the checker's graph.
func assemble(initial []*packages.Package, analyzers []*analysis.Analyzer, units map[string][][]*Unit) *Result {
	res := &Result{Initial: initial}
	for i := range analyzers {
		for _, pkg := range initial {
			if units[pkg.ID] == nil {
				continue
			}
			group := units[pkg.ID][i]
			res.All = append(res.All, group...)
			if len(group) > 0 {
				res.Roots = append(res.Roots, group[len(group)-1])
			}
		}
	}
	return res
}
