package goversion

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		loaded, built string
		refused       bool
	}{
		{"go1.27.0", "go1.26.8", true},
		{"go1.27rc1", "go1.26.8", true},
		{"go1.99.1", "go1.26.8 X:nodwarf5", true},
		{"go1.26.0", "go1.26.8", false}, // same language version, older patch
		{"go1.26.9", "go1.26.8", false},
		{"go1.20.1", "go1.26.8", false}, // an older standard library is fine
		{"go1.26.8", "go1.27.3", false},
		{"", "go1.26.8", false},                               // go env failed
		{"go1.27.0", "devel go1.27-abcdef 2026-01-01", false}, // a development build: cannot tell
	} {
		err := Check(tc.loaded, tc.built)
		if (err != nil) != tc.refused {
			t.Errorf("Check(%q, %q) = %v, want refused %v", tc.loaded, tc.built, err, tc.refused)
		}
	}
	want := "maplint was built with go1.26.8 and cannot check go1.27 code; rebuild it with go1.27: go install github.com/maplint/maplint/cmd/maplint@latest"
	if err := Check("go1.27.3", "go1.26.8 X:nodwarf5"); err == nil || err.Error() != want || strings.Contains(err.Error(), "\n") {
		t.Errorf("message %q, want %q", err, want)
	}
}

func TestGuardNoPackages(t *testing.T) {
	t.Setenv("GOVERSION", "go1.99.0")
	t.Setenv("PATH", "") // no go command: Loaded would be ""
	for _, args := range [][]string{{"-flags"}, {"help"}, {"help", "hotmap"}} {
		if err := Guard(args); err != nil {
			t.Errorf("Guard(%q) = %v, want nil", args, err)
		}
	}
	for _, args := range [][]string{{"-V=full"}, {"/tmp/vet.cfg"}, {"-makecap", "-profile=/tmp/cpu.pprof", "/tmp/vet.cfg"}} {
		if err := Guard(args); err == nil {
			t.Errorf("Guard(%q) with GOVERSION=go1.99.0: nil, want a refusal", args)
		}
	}
}
