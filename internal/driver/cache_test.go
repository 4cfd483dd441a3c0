package driver

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// TestInstalledKeys: a file of a module in the module cache is keyed on
// its size and modification time (an edit changes the time), a file of
// the main module or of a replaced module on its contents, whatever its
// time says.
func TestInstalledKeys(t *testing.T) {
	root := t.TempDir()
	cached := filepath.Join(root, "modcache", "example.com", "!dep@v1.0.0")
	mine := filepath.Join(root, "work")
	for _, dir := range []string{cached, mine} {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	pkgs := map[string]*packages.Package{
		"module cache": {ID: "example.com/Dep", PkgPath: "example.com/Dep", Name: "dep",
			GoFiles: []string{filepath.Join(cached, "dep.go")},
			Module:  &packages.Module{Path: "example.com/Dep", Version: "v1.0.0", Dir: cached}},
		"main module": {ID: "example.com/m", PkgPath: "example.com/m", Name: "m",
			GoFiles: []string{filepath.Join(mine, "m.go")},
			Module:  &packages.Module{Path: "example.com/m", Main: true, Dir: mine}},
		"replaced": {ID: "example.com/Dep", PkgPath: "example.com/Dep", Name: "dep",
			GoFiles: []string{filepath.Join(cached, "dep.go")},
			Module: &packages.Module{Path: "example.com/Dep", Version: "v1.0.0", Dir: cached,
				Replace: &packages.Module{Path: "example.com/fork", Version: "v1.0.0", Dir: cached}}},
	}
	key := func(pkg *packages.Package) string {
		c := &findingsCache{keys: map[*packages.Package]string{}, roots: map[*packages.Package]bool{},
			contents: map[string][]byte{}, stamps: map[string]fileStamp{}}
		return c.key(pkg)
	}
	then := time.Now().Add(-time.Hour)
	write := func(name, src string, mtime time.Time) {
		if err := os.WriteFile(name, []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(name, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	for name, pkg := range pkgs {
		file := pkg.GoFiles[0]
		write(file, "package dep\n\nvar A = 1\n", then)
		k0 := key(pkg)
		if k0 == "" {
			t.Fatalf("%s: no key", name)
		}
		// The same size, the same time, other contents.
		write(file, "package dep\n\nvar A = 2\n", then)
		if same := key(pkg) == k0; same != (name == "module cache") {
			t.Errorf("%s: contents changed, time kept: key unchanged = %v", name, same)
		}
		// Edited: a later time.
		write(file, "package dep\n\nvar A = 2\n", then.Add(time.Second))
		if key(pkg) == k0 {
			t.Errorf("%s: edited file, same key", name)
		}
	}
}
