package lsp

import (
	"go/token"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// LSP positions count UTF-16 code units within a line (the protocol's
// default encoding, the one every client supports).

// A mapper turns byte offsets of one file's content into LSP positions.
type mapper struct {
	content    []byte
	lineStarts []int
}

func newMapper(content []byte) *mapper {
	m := &mapper{content: content, lineStarts: []int{0}}
	for i, c := range content {
		if c == '\n' {
			m.lineStarts = append(m.lineStarts, i+1)
		}
	}
	return m
}

func (m *mapper) position(offset int) protocol.Position {
	offset = min(max(offset, 0), len(m.content))
	line := sort.Search(len(m.lineStarts), func(i int) bool { return m.lineStarts[i] > offset }) - 1
	var units int
	for b := m.content[m.lineStarts[line]:offset]; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		units++
		if r >= 0x10000 {
			units++ // a surrogate pair
		}
	}
	return protocol.Position{Line: uint32(line), Character: uint32(units)}
}

// fileCache reads each file a run's diagnostics point into once.
type fileCache struct {
	mappers map[string]*mapper // nil: unreadable, or changed since it was parsed
}

func newFileCache() *fileCache { return &fileCache{mappers: make(map[string]*mapper)} }

// name is the file pos is in: the real one, not a //line directive's.
func (c *fileCache) name(fset *token.FileSet, pos token.Pos) string {
	return filepath.Clean(fset.PositionFor(pos, false).Filename)
}

func (c *fileCache) rangeOf(fset *token.FileSet, pos, end token.Pos) (protocol.Range, bool) {
	tf := fset.File(pos)
	if tf == nil || fset.File(end) != tf {
		return protocol.Range{}, false
	}
	name := c.name(fset, pos)
	m, seen := c.mappers[name]
	if !seen {
		if content, err := os.ReadFile(name); err == nil && len(content) == tf.Size() {
			m = newMapper(content)
		}
		c.mappers[name] = m
	}
	if m == nil {
		return protocol.Range{}, false // a newer save will run again
	}
	return protocol.Range{Start: m.position(tf.Offset(pos)), End: m.position(tf.Offset(end))}, true
}

func pathToURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.Clean(filepath.FromSlash(u.Path))
}

// content is the file as read for the positions of its findings, or nil.
func (c *fileCache) content(name string) []byte {
	if m := c.mappers[name]; m != nil {
		return m.content
	}
	return nil
}
