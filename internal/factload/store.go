package factload

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

const (
	trimAge   = 5 * 24 * time.Hour
	trimEvery = 24 * time.Hour
	touchAge  = time.Hour // refresh an entry's mtime when used after this
)

// A Store is a directory of cache entries, one file per key: a SHA-256
// checksum, then a gob encoding. Entries are written to a temporary file
// and renamed, so concurrent runs see a whole entry or none; a corrupt one
// reads as a miss, with a note; entries unused for trimAge are removed,
// checked at most once per trimEvery, as the go command trims GOCACHE.
type Store struct {
	dir string

	warnOnce sync.Once
	warn     io.Writer
}

// OpenStore creates dir if needed and trims it; warn receives the note
// about a corrupt entry (nil: os.Stderr).
func OpenStore(dir string, warn io.Writer) (*Store, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	if warn == nil {
		warn = os.Stderr
	}
	s := &Store{dir: dir, warn: warn}
	s.trim()
	return s, nil
}

func (s *Store) file(key string) string { return filepath.Join(s.dir, key[:2], key) }

// Get decodes entry key into v: false if there is none,
// or if it is corrupt (with a note, once).
func (s *Store) Get(key string, v any) bool {
	name := s.file(key)
	data, err := os.ReadFile(name)
	if err != nil {
		return false // a miss
	}
	sum := sha256.Sum256(data[min(len(data), sha256.Size):])
	if len(data) < sha256.Size || !bytes.Equal(sum[:], data[:sha256.Size]) ||
		gob.NewDecoder(bytes.NewReader(data[sha256.Size:])).Decode(v) != nil {
		s.warnOnce.Do(func() {
			fmt.Fprintf(s.warn, "maplint: corrupt cache entry %s: analyzing again\n", name)
		})
		return false
	}
	if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > touchAge {
		now := time.Now() // trim reads the mtime as the last use
		os.Chtimes(name, now, now)
	}
	return true
}

// Put writes v, gob-encoded after its checksum, to a temporary
// file renamed to its name: concurrent readers see a whole entry or none.
func (s *Store) Put(key string, v any) {
	name := s.file(key)
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
func (s *Store) trim() {
	stamp := filepath.Join(s.dir, "trim.txt")
	if st, err := os.Stat(stamp); err == nil && time.Since(st.ModTime()) < trimEvery {
		return
	}
	os.WriteFile(stamp, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o666)
	cutoff := time.Now().Add(-trimAge)
	filepath.WalkDir(s.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == stamp {
			return nil
		}
		if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(path)
		}
		return nil
	})
}
