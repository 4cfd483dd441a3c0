package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNewerGo: a go command, or a go vet, newer than the Go maplint was
// built with stops maplint with one line saying to rebuild it, without a
// toolchain download: a fake go on PATH answers "go env GOVERSION" with
// go1.99.1, and a wrapper sets the GOVERSION go vet gives its tools.
func TestNewerGo(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "go")
	script := "#!/bin/sh\nif [ \"$1 $2\" = \"env GOVERSION\" ]; then echo go1.99.1; exit 0; fi\nexec " + goBin + " \"$@\"\n"
	if err := os.WriteFile(fake, []byte(script), 0o777); err != nil {
		t.Fatal(err)
	}
	want := "maplint was built with " + strings.Fields(runtime.Version())[0] +
		" and cannot check go1.99 code; rebuild it with go1.99: go install github.com/maplint/maplint/cmd/maplint@latest\n"

	cmd := exec.Command(maplintBin, "./newmap")
	cmd.Dir = testdataDir
	cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 1 || string(out) != want {
		t.Errorf("with go1.99 on PATH: exit %d (%v), output\n%s\nwant exit 1 and\n%s", code, err, out, want)
	}

	// go vet: it runs the tool with -V=full once before any package.
	tool := filepath.Join(dir, "maplint-go1.99")
	if err := os.WriteFile(tool, []byte("#!/bin/sh\nGOVERSION=go1.99.1 exec "+maplintBin+" \"$@\"\n"), 0o777); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, testdataDir, "go", "vet", "-vettool="+tool, "./...")
	// (go vet adds "go: error obtaining buildID ...", sometimes a
	// cleanup error of its own; no package is run.)
	if code != 1 || !strings.HasPrefix(stderr, want) || strings.Count(stderr, want) != 1 || strings.Contains(stderr, "# ") {
		t.Errorf("go vet with a go1.99 GOVERSION: exit %d, want 1, the line once and no package run\n%s", code, stderr)
	}

	// The go it was built with, and an older one, are checked as usual.
	older := filepath.Join(dir, "maplint-go1.20")
	os.WriteFile(older, []byte("#!/bin/sh\nGOVERSION=go1.20.1 exec "+maplintBin+" \"$@\"\n"), 0o777)
	if _, stderr, code := run(t, testdataDir, "go", "vet", "-vettool="+older, "./newmap"); code == 0 || strings.Contains(stderr, "rebuild") {
		t.Errorf("go vet with a go1.20 GOVERSION: exit %d, want findings\n%s", code, stderr)
	}
}
