//go:build linux

package main_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestFixFullDisk runs -fix in a module on a tmpfs that is full: the fixed
// file cannot be written, the original must stay byte for byte, no
// temporary file may be left, and the summary must say nothing was
// written. Mounting needs root (CI and this machine run as root); without
// it, internal/driver's TestWriteFileAtomicFullDisk simulates ENOSPC.
func TestFixFullDisk(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	writeTree(t, dir, map[string]string{"go.mod": "module example.com/dep\n\ngo 1.26\n", "dep.go": fixable})

	// Fill the file system.
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 512)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	f.Close()

	_, stderr, code := run(t, dir, maplintBin, "-fix", "./...")
	if got := readFile(t, filepath.Join(dir, "dep.go")); got != fixable {
		t.Errorf("-fix on a full disk changed the file:\n%q", got)
	}
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"dep.go", "filler", "go.mod"}) {
		t.Errorf("files after -fix: %v, want no temporary file left", names)
	}
	if code != 1 || !strings.Contains(stderr, "dep.go left unchanged") ||
		!strings.Contains(stderr, "applied 0 of 1 fix; 0 files updated, 1 file not written") {
		t.Errorf("-fix on a full disk: exit %d, want 1 and a true summary\n%s", code, stderr)
	}
}
