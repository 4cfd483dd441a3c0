package main_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestGoFixTool: Go 1.26's go fix runs maplint as a fix tool through the
// vet protocol (go fix -fixtool=maplint ./...) and must write exactly what
// maplint -fix writes, byte for byte, on a copy of testdata each.
func TestGoFixTool(t *testing.T) {
	viaGo, viaMaplint := t.TempDir(), t.TempDir()
	for _, dir := range []string{viaGo, viaMaplint} {
		if err := os.CopyFS(dir, os.DirFS(testdataDir)); err != nil {
			t.Fatal(err)
		}
	}
	if _, stderr, code := run(t, viaGo, "go", "fix", "-fixtool="+maplintBin, "./..."); code != 0 {
		t.Fatalf("go fix -fixtool: exit %d\n%s", code, stderr)
	}
	if _, stderr, code := run(t, viaMaplint, maplintBin, "-fix", "./..."); code != 0 && code != 3 {
		t.Fatalf("maplint -fix: exit %d\n%s", code, stderr)
	}

	var changed int
	err := filepath.WalkDir(viaMaplint, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(viaMaplint, path)
		want := readFile(t, path)
		if got := readFile(t, filepath.Join(viaGo, rel)); got != want {
			t.Errorf("%s: go fix -fixtool wrote\n%s\nmaplint -fix wrote\n%s", rel, got, want)
		}
		if orig, err := os.ReadFile(filepath.Join(testdataDir, rel)); err != nil || string(orig) != want {
			changed++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if changed == 0 {
		t.Fatal("neither changed a file: nothing was compared")
	}
	t.Logf("%d files fixed, the same by both", changed)
}
