package factload

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// The cache keeps the facts of dependencies analyzed from source across
// runs, one file per package, named by a key over everything the facts
// depend on: the package's compiled code (its export data file, which
// changes with any of its function bodies), its imports' keys
// (recursively), the maplint executable, the analyzers and their flags,
// and the Go version. A changed package therefore gets a new key, and so
// does every package that depends on it. Entries are written to a
// temporary file and renamed (concurrent runs see whole files or none),
// carry a checksum (a corrupt one is recomputed, with a note), and are
// trimmed like GOCACHE: entries unused for trimAge go, checked at most
// once per trimEvery.

const (
	trimAge   = 5 * 24 * time.Hour
	trimEvery = 24 * time.Hour
	touchAge  = time.Hour // refresh an entry's mtime when used after this
)

type diskCache struct {
	dir  string
	salt [sha256.Size]byte

	warnOnce sync.Once
	warn     io.Writer
}

func newDiskCache(dir string, analyzers []*analysis.Analyzer, warn io.Writer) (*diskCache, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "factload 2\n%s\n", runtime.Version())
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return nil, err
	}
	for _, a := range analyzers {
		fmt.Fprintf(h, "analyzer %s\n", a.Name)
		for _, ft := range a.FactTypes {
			gob.Register(ft)
			fmt.Fprintf(h, "fact %T\n", ft)
		}
		a.Flags.VisitAll(func(fl *flag.Flag) { fmt.Fprintf(h, "flag %s=%s\n", fl.Name, fl.Value) })
	}
	c := &diskCache{dir: dir, warn: warn}
	h.Sum(c.salt[:0])
	c.trim()
	return c, nil
}

// exportID names the content of a package's export data: the GOCACHE
// file name is already its content hash; other files are hashed.
var cacheName = regexp.MustCompile(`^[0-9a-f]{64}-d$`)

func exportID(file string) (string, error) {
	if cacheName.MatchString(filepath.Base(file)) {
		return filepath.Base(file), nil
	}
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// key returns n's cache key (false: not cacheable, e.g. no export data).
func (p *Provider) key(n *node) (string, bool) {
	n.keyOnce.Do(func() {
		id := "unsafe" // no export data, never changes
		if n.pkg.PkgPath != "unsafe" {
			var err error
			if id, err = exportID(n.pkg.ExportFile); n.pkg.ExportFile == "" || err != nil {
				return
			}
		}
		h := sha256.New()
		h.Write(p.cache.salt[:])
		fmt.Fprintf(h, "%s\n%s\n", n.pkg.ID, id)
		paths := make([]string, 0, len(n.pkg.Imports))
		for path := range n.pkg.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			dep := p.nodes[n.pkg.Imports[path].Types]
			if dep == nil {
				return
			}
			k, ok := p.key(dep)
			if !ok {
				return
			}
			fmt.Fprintf(h, "import %s %s\n", path, k)
		}
		n.key = hex.EncodeToString(h.Sum(nil))
	})
	return n.key, n.key != ""
}

// gobFact is one fact of a cache entry; Path is empty for a package fact.
type gobFact struct {
	Path string
	Fact analysis.Fact
}

func (c *diskCache) file(key string) string { return filepath.Join(c.dir, key[:2], key) }

// get reads the cache entry key into n.src.
func (c *diskCache) get(key string, n *node) bool {
	name := c.file(key)
	var facts []gobFact
	if !c.read(name, &facts) {
		return false
	}
	src := make(map[pathKey]analysis.Fact, len(facts))
	for _, f := range facts {
		src[pathKey{objectpath.Path(f.Path), reflect.TypeOf(f.Fact)}] = f.Fact
	}
	n.src = src
	return true
}

// read decodes the entry in file name into v: false if there is none,
// or if it is corrupt (with a note, once).
func (c *diskCache) read(name string, v any) bool {
	data, err := os.ReadFile(name)
	if err != nil {
		return false // a miss
	}
	sum := sha256.Sum256(data[min(len(data), sha256.Size):])
	if len(data) < sha256.Size || !bytes.Equal(sum[:], data[:sha256.Size]) ||
		gob.NewDecoder(bytes.NewReader(data[sha256.Size:])).Decode(v) != nil {
		c.warnOnce.Do(func() {
			fmt.Fprintf(c.warn, "maplint: corrupt cache entry %s: analyzing again\n", name)
		})
		return false
	}
	if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > touchAge {
		now := time.Now() // trim reads the mtime as the last use
		os.Chtimes(name, now, now)
	}
	return true
}

// put writes n.src as cache entry key. Errors only cost a later miss.
func (c *diskCache) put(key string, n *node) {
	facts := make([]gobFact, 0, len(n.src))
	for k, f := range n.src {
		facts = append(facts, gobFact{string(k.path), f})
	}
	slices.SortFunc(facts, func(a, b gobFact) int {
		if a.Path != b.Path {
			return strings.Compare(a.Path, b.Path)
		}
		return strings.Compare(fmt.Sprintf("%T", a.Fact), fmt.Sprintf("%T", b.Fact))
	})
	writeEntry(c.file(key), facts)
}

// writeEntry writes v, gob-encoded after its checksum, to a temporary
// file renamed to name: concurrent readers see a whole entry or none.
func writeEntry(name string, v any) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		return
	}
	sum := sha256.Sum256(buf.Bytes())
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "tmp-")
	if err != nil {
		return
	}
	_, err = tmp.Write(append(sum[:], buf.Bytes()...))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}

// trim removes entries (and stray temporary files) unused for trimAge,
// at most once per trimEvery, as the go command trims GOCACHE.
func (c *diskCache) trim() {
	stamp := filepath.Join(c.dir, "trim.txt")
	if st, err := os.Stat(stamp); err == nil && time.Since(st.ModTime()) < trimEvery {
		return
	}
	os.WriteFile(stamp, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o666)
	cutoff := time.Now().Add(-trimAge)
	filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == stamp {
			return nil
		}
		if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(path)
		}
		return nil
	})
}
