package factload

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"

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

type diskCache struct {
	*Store
	salt [sha256.Size]byte
}

func newDiskCache(dir string, analyzers []*analysis.Analyzer, warn io.Writer) (*diskCache, error) {
	store, err := OpenStore(dir, warn)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "factload 2\n%s\n", runtime.Version())
	if err := HashExecutable(h); err != nil {
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
	c := &diskCache{Store: store}
	h.Sum(c.salt[:0])
	return c, nil
}

// HashExecutable writes to h the contents of the running program's
// executable, which identify its build: a cache entry is never read by a
// build that could compute it differently.
func HashExecutable(h io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err
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

// get reads the cache entry key into n.src.
func (c *diskCache) get(key string, n *node) bool {
	var facts []gobFact
	if !c.Get(key, &facts) {
		return false
	}
	src := make(map[pathKey]analysis.Fact, len(facts))
	for _, f := range facts {
		src[pathKey{objectpath.Path(f.Path), reflect.TypeOf(f.Fact)}] = f.Fact
	}
	n.src = src
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
	c.Put(key, facts)
}
