package unsafemap

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestIsOldMapsOnly(t *testing.T) {
	for _, tc := range []struct {
		header string
		old    bool
	}{
		{"", false},
		{"//go:build !go1.24", true},
		{"//go:build !go1.24 && linux", true},
		{"//go:build !go1.24 || windows", false},
		{"//go:build go1.18 && !go1.24", true},
		{"//go:build go1.24", false},
		{"//go:build !go1.25", false}, // Go 1.24 has Swiss tables
		{"//go:build !go1.26", false},
		{"//go:build !goexperiment.swissmap", false},                        // built by Go 1.26+
		{"//go:build go1.24 && !goexperiment.swissmap", false},              // built by Go 1.26+
		{"//go:build go1.24 && !go1.26 && !goexperiment.swissmap", true},    // noswissmap builds of 1.24/1.25 only
		{"//go:build !go1.24 || (!go1.26 && !goexperiment.swissmap)", true}, // every non-Swiss build
		{"//go:build goexperiment.swissmap", false},
		{"// +build !go1.24", true},
		{"// +build !go1.24\n// +build linux", true},
		{"// +build !go1.24 windows", false},
		{"//go:build ignore", false}, // not about maps: checked if ever analyzed
	} {
		src := tc.header + "\n\npackage p\n"
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%q: %v", tc.header, err)
		}
		if got := isOldMapsOnly(f); got != tc.old {
			t.Errorf("isOldMapsOnly(%q) = %v, want %v", tc.header, got, tc.old)
		}
	}
}
