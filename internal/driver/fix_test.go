package driver

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/tools/go/packages"
)

// fullDisk writes half of what it is given, then fails as write(2) does
// on a full disk.
type fullDisk struct{ w io.Writer }

func (d fullDisk) Write(p []byte) (int, error) {
	n, _ := d.w.Write(p[:len(p)/2])
	return n, syscall.ENOSPC
}

func TestWriteFileAtomicFullDisk(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	orig := []byte("package a\n\nfunc F() { _ = new(map[string]int) }\n")
	if err := os.WriteFile(name, orig, 0o640); err != nil {
		t.Fatal(err)
	}
	tempWriter = func(f *os.File) io.Writer { return fullDisk{f} }
	defer func() { tempWriter = func(f *os.File) io.Writer { return f } }()

	err := writeFileAtomic(name, orig, []byte("package a\n\nfunc F() { _ = &map[string]int{} }\n"))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("writeFileAtomic on a full disk: %v, want ENOSPC", err)
	}
	if got, _ := os.ReadFile(name); !bytes.Equal(got, orig) {
		t.Errorf("original changed:\n%s", got)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("temporary file left behind: %v", ents)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.go")
	orig, fixed := []byte("old\n"), []byte("new\n")
	os.WriteFile(name, orig, 0o640)
	os.Chmod(name, 0o640) // whatever the umask
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink("a.go", link); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(link, orig, fixed); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(name); !bytes.Equal(got, fixed) {
		t.Errorf("content %q, want %q", got, fixed)
	}
	if fi, _ := os.Stat(name); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 kept", fi.Mode().Perm())
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced by a file")
	}
	// Changed on disk since it was read: not written.
	if err := writeFileAtomic(name, orig, []byte("newer\n")); err == nil {
		t.Errorf("wrote over a file that changed since it was read")
	}
	if got, _ := os.ReadFile(name); !bytes.Equal(got, fixed) {
		t.Errorf("content %q, want %q", got, fixed)
	}
}

func TestKeepStyle(t *testing.T) {
	orig := []byte("\ufeffpackage a\r\n\r\nvar x = 1\r\n")
	formatted := []byte("package a\n\nvar x = 2\n")
	want := "\ufeffpackage a\r\n\r\nvar x = 2\r\n"
	if got := string(keepStyle(orig, formatted)); got != want {
		t.Errorf("keepStyle = %q, want %q", got, want)
	}
	// LF files and a fix text that already has CRLF stay as they are.
	if got := string(keepStyle([]byte("package a\n"), formatted)); got != string(formatted) {
		t.Errorf("LF file: %q", got)
	}
	if got := string(keepStyle(orig, []byte("a\r\nb\n"))); got != "\ufeffa\r\nb\r\n" {
		t.Errorf("mixed: %q", got)
	}
}

func TestRefuse(t *testing.T) {
	root := t.TempDir()
	goroot := filepath.Join(root, "goroot")
	modcache := filepath.Join(root, "modcache")
	main := filepath.Join(root, "main")
	never := []string{goroot, modcache}
	mainMod := &packages.Module{Path: "example.com/m", Main: true, Dir: main}
	for _, tc := range []struct {
		file string
		mod  *packages.Module
		want string // "" allowed, else a word of the reason
	}{
		{filepath.Join(main, "a.go"), mainMod, ""},
		{filepath.Join(main, "sub", "a.go"), mainMod, ""},
		{filepath.Join(main, "vendor", "example.com", "d", "d.go"), mainMod, "vendored"},
		{filepath.Join(goroot, "src", "strings", "a.go"), nil, "GOROOT"},
		{filepath.Join(root, "gopath", "a.go"), nil, "not in a module"},
		{filepath.Join(modcache, "example.com", "d@v1.0.0", "d.go"), &packages.Module{Path: "example.com/d", Dir: filepath.Join(modcache, "example.com", "d@v1.0.0")}, "module cache"},
		{filepath.Join(root, "d", "d.go"), &packages.Module{Path: "example.com/d", Dir: filepath.Join(root, "d"), Replace: &packages.Module{Path: "../d"}}, "replace directive"},
		{filepath.Join(root, "d", "d.go"), &packages.Module{Path: "example.com/d", Dir: filepath.Join(root, "d")}, "dependency module"},
		{filepath.Join(root, "elsewhere", "a.go"), mainMod, "outside the directory"},
	} {
		got := refuse(tc.file, &packages.Package{PkgPath: "p", Module: tc.mod}, never)
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("refuse(%s) = %q, want %q", tc.file, got, tc.want)
		}
	}
}
