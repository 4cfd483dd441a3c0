package lsp

import (
	"strings"
	"testing"
)

// LSP characters are UTF-16 code units: é is one, 😀 two (a surrogate pair).
func TestPositionUTF16(t *testing.T) {
	text := "package p\n// é😀x\nvar v = 1\n"
	m := newMapper([]byte(text))
	for _, tc := range []struct {
		at         string // the text the offset is at
		line, char uint32
	}{
		{"package", 0, 0},
		{"x\n", 1, 6}, // "// " 3, é 1, 😀 2
		{"var", 2, 0},
		{"1\n", 2, 8},
	} {
		p := m.position(strings.Index(text, tc.at))
		if p.Line != tc.line || p.Character != tc.char {
			t.Errorf("%q: %d:%d, want %d:%d", tc.at, p.Line, p.Character, tc.line, tc.char)
		}
	}
	if p := m.position(len(text)); p.Line != 3 || p.Character != 0 {
		t.Errorf("end of file: %+v", p)
	}
}

func TestURI(t *testing.T) {
	for _, path := range []string{"/tmp/a.go", "/tmp/with space/ü.go"} {
		if got := uriToPath(pathToURI(path)); got != path {
			t.Errorf("%s: round trip gives %s (via %s)", path, got, pathToURI(path))
		}
	}
	if got := pathToURI("/tmp/with space/a.go"); got != "file:///tmp/with%20space/a.go" {
		t.Errorf("URI %s", got)
	}
}
