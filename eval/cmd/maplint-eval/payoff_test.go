package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPayoffFindings(t *testing.T) {
	// The weighed loop finding twice (package and test variant), one
	// cold, one in a test file, one without a weight, one without a fix.
	js := `{"p": {"makecap": [
  {"posn": "/m/a.go:3:2", "message": "m1; hot: 12.0% ...", "suggested_fixes": [{"message": "f", "edits": [{"filename": "/m/a.go", "start": 1, "end": 2, "new": "X"}]}], "hot": {"cum": 0.12, "flat": 0.01, "growth": 0.02}},
  {"posn": "/m/a.go:9:2", "message": "m2", "suggested_fixes": [{"message": "f", "edits": []}], "hot": {"cum": 0.004, "flat": 0}},
  {"posn": "/m/a.go:12:2", "message": "m6", "suggested_fixes": [{"message": "f", "edits": []}], "hot": {"cum": 0.3, "flat": 0, "growth": 0.001}},
  {"posn": "/m/a_test.go:9:2", "message": "m3", "suggested_fixes": [{"message": "f", "edits": []}], "hot": {"cum": 0.5, "flat": 0}},
  {"posn": "/m/a.go:20:2", "message": "m4", "suggested_fixes": [{"message": "f", "edits": []}]},
  {"posn": "/m/a.go:30:2", "message": "m5", "hot": {"cum": 0.9, "flat": 0}}]},
 "p [p.test]": {"makecap": [
  {"posn": "/m/a.go:3:2", "message": "m1; hot: 12.0% ...", "suggested_fixes": [{"message": "f", "edits": [{"filename": "/m/a.go", "start": 1, "end": 2, "new": "X"}]}], "hot": {"cum": 0.12, "flat": 0.01, "growth": 0.02}}]}}`
	fs, err := payoffFindings([]byte(js), "/m", 0.5, true)
	if err != nil {
		t.Fatal(err)
	}
	// By growth, a.go:12's loop (30% of the samples, 0.1% growth) is cold.
	if len(fs) != 3 || fs[0].Posn != "a.go:12:2" || fs[0].Hot || fs[1].Posn != "a.go:3:2" || !fs[1].Hot || fs[1].Cum != 0.12 ||
		fs[1].Growth != 0.02 || len(fs[1].edits) != 1 || fs[2].Posn != "a.go:9:2" || fs[2].Hot {
		t.Fatalf("findings %+v, want a.go:12:2 cold, a.go:3:2 hot, a.go:9:2 cold", fs)
	}
	// By cum, as before issue 17, it is hot.
	if fs, _ := payoffFindings([]byte(js), "/m", 0.5, false); len(fs) != 3 || !fs[0].Hot || !fs[1].Hot || fs[2].Hot {
		t.Fatalf("by cum: %+v, want a.go:12:2 and a.go:3:2 hot", fs)
	}
	if _, err := payoffFindings([]byte(`{"p": {"makecap": {"error": "boom"}}}`), "/m", 0.5, true); err == nil {
		t.Errorf("analyzer error: no error")
	}
}

func TestApplyFindings(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dst, "a.go"), []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(src, "a.go")
	fs := []*payoffFinding{
		{edits: []jsonEdit{{file, 6, 8, "x"}, {file, 1, 2, "AB"}}},
		{edits: []jsonEdit{{file, 6, 8, "x"}}}, // the same edit from a test variant: once
	}
	pkgs, err := applyFindings(fs, src, dst)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dst, "a.go"))
	if string(b) != "0AB2345x89" || len(pkgs) != 1 || pkgs[0] != "./." {
		t.Errorf("got %q, %v; want %q, [./.]", b, pkgs, "0AB2345x89")
	}
	// Overlapping edits are refused, not merged.
	if _, err := applyEdits([]byte("0123456789"), []jsonEdit{{file, 1, 5, "a"}, {file, 3, 6, "b"}}); err == nil {
		t.Errorf("overlapping edits: no error")
	}
}
