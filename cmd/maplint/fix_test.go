package main_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (path relative to dir: content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// fixable has one newmap finding with a fix (new(map...) -> &map...{}).
const fixable = `package dep

// F returns a pointer to a map.
func F() *map[string]int {
	return new(map[string]int)
}
`

// TestFixReplacedModule: -fix on a package of a module brought in by a
// replace directive writes nothing and names the file; -diff still shows
// the change.
func TestFixReplacedModule(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"main/go.mod":  "module example.com/main\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n",
		"main/main.go": "package main\n\nimport \"example.com/dep\"\n\nfunc main() { _ = dep.F() }\n",
		"dep/go.mod":   "module example.com/dep\n\ngo 1.26\n",
		"dep/dep.go":   fixable,
	})
	main, depFile := filepath.Join(root, "main"), filepath.Join(root, "dep", "dep.go")

	_, stderr, code := run(t, main, maplintBin, "-fix", "example.com/dep")
	if got := readFile(t, depFile); got != fixable {
		t.Errorf("-fix rewrote a file of a replaced module:\n%s", got)
	}
	if code != 1 || !strings.Contains(stderr, "not writing "+depFile+": it is in module example.com/dep, brought in by a replace directive") ||
		!strings.Contains(stderr, "applied 0 of 1 fix; 0 files updated, 1 file not written") {
		t.Errorf("-fix on a replaced module: exit %d, want 1 and a line naming %s\n%s", code, depFile, stderr)
	}
	stdout, stderr, code := run(t, main, maplintBin, "-fix", "-diff", "example.com/dep")
	if code != 0 || !strings.Contains(stdout, "+\treturn &map[string]int{}") {
		t.Errorf("-fix -diff on a replaced module: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestFixCRLFBOM: a file with a byte-order mark and CRLF line endings keeps
// both, and gets the same fix as its LF twin.
func TestFixCRLFBOM(t *testing.T) {
	dir := t.TempDir()
	crlf := "\ufeff" + strings.ReplaceAll(fixable, "\n", "\r\n")
	writeTree(t, dir, map[string]string{
		"go.mod":    "module example.com/dep\n\ngo 1.26\n",
		"crlf/a.go": crlf,
		"lf/a.go":   fixable,
	})
	if _, stderr, code := run(t, dir, maplintBin, "-fix", "./..."); code != 0 {
		t.Fatalf("-fix: exit %d\n%s", code, stderr)
	}
	lf := readFile(t, filepath.Join(dir, "lf", "a.go"))
	if lf == fixable {
		t.Fatal("the LF file was not fixed")
	}
	want := "\ufeff" + strings.ReplaceAll(lf, "\n", "\r\n")
	if got := readFile(t, filepath.Join(dir, "crlf", "a.go")); got != want {
		t.Errorf("CRLF file after -fix:\n%q\nwant\n%q", got, want)
	}
	if _, stderr, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("fixed files do not build:\n%s", stderr)
	}
}

// TestFixDiffApplies: -fix -diff prints a patch that git apply and patch
// accept and that makes the tree what -fix makes it; -fix -json reports
// the fixes it applied and the files it wrote.
func TestFixDiffApplies(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	base := t.TempDir()
	viaDiff, viaFix := filepath.Join(base, "diff"), filepath.Join(base, "fix")
	for _, d := range []string{viaDiff, viaFix} {
		if err := os.CopyFS(d, os.DirFS(testdataDir)); err != nil {
			t.Fatal(err)
		}
	}
	os.RemoveAll(filepath.Join(viaDiff, "pgomod")) // a nested module, not in ./...
	os.RemoveAll(filepath.Join(viaFix, "pgomod"))

	patch, stderr, code := run(t, viaDiff, maplintBin, "-fix", "-diff", "./...")
	if code != 0 || !strings.HasPrefix(patch, "--- a/") {
		t.Fatalf("-fix -diff: exit %d\n%s%s", code, patch, stderr)
	}
	patchFile := filepath.Join(base, "fix.patch")
	os.WriteFile(patchFile, []byte(patch), 0o666)
	if _, stderr, code := run(t, viaDiff, "git", "apply", "--check", "--unsafe-paths", patchFile); code != 0 {
		t.Errorf("git apply --check rejects the -diff output:\n%s\n%s", stderr, patch)
	}
	if p, err := exec.LookPath("patch"); err == nil {
		if out, stderr, code := run(t, viaDiff, p, "-p1", "--dry-run", "-i", patchFile); code != 0 {
			t.Errorf("patch --dry-run rejects the -diff output:\n%s%s", out, stderr)
		}
	}
	if _, stderr, code := run(t, viaDiff, "git", "apply", "--unsafe-paths", patchFile); code != 0 {
		t.Fatalf("git apply: %s", stderr)
	}

	stdout, stderr, code := run(t, viaFix, maplintBin, "-fix", "-json", "./...")
	var rep struct {
		Fixes []struct{ Analyzer, Posn, Status string }
		Files []struct{ File, Status string }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); code != 0 || err != nil {
		t.Fatalf("-fix -json: exit %d, %v\n%s%s", code, err, stdout, stderr)
	}
	written := make(map[string]bool)
	for _, f := range rep.Files {
		if f.Status != "written" {
			t.Errorf("%s: %s", f.File, f.Status)
		}
		rel, _ := filepath.Rel(viaFix, f.File)
		written[rel] = true
	}
	if len(rep.Fixes) == 0 {
		t.Error("-fix -json reports no fixes")
	}
	for _, f := range rep.Fixes {
		if f.Status != "applied" {
			t.Errorf("%s (%s): %s", f.Posn, f.Analyzer, f.Status)
		}
	}
	// The patched tree and the fixed tree are the same, and -fix -json
	// listed exactly the files that changed.
	err := filepath.WalkDir(viaFix, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(viaFix, p)
		fixed, patched, orig := readFile(t, p), readFile(t, filepath.Join(viaDiff, rel)), readFile(t, filepath.Join(testdataDir, rel))
		if fixed != patched {
			t.Errorf("%s: -fix and the applied -diff differ", rel)
		}
		if changed := fixed != orig; changed != written[rel] {
			t.Errorf("%s: changed %v, but -fix -json says written %v", rel, changed, written[rel])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains([]byte(patch), []byte("@@ ")) {
		t.Error("no hunks")
	}
}
