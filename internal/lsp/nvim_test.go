package lsp

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNeovim proves maplint lsp in a real editor: a headless Neovim (0.7
// or later; Debian's is 0.7.2) runs testdata/nvim.lua, which starts
// "maplint lsp" with the built-in client, waits for the diagnostic, asks
// for the code action and applies its edit, and writes the file. Then the
// fixed module must build and maplint must find nothing in it.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim not found on PATH: install Neovim (apt-get install neovim, as .ci/run does) to run the editor test")
	}
	bin := maplintBinary(t)
	mod := t.TempDir()
	if err := os.CopyFS(mod, os.DirFS("testdata/editor")); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("testdata/nvim.lua")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(mod, "names", "names.go")
	report := filepath.Join(t.TempDir(), "report")
	state := t.TempDir() // Neovim's log, shada and swap files

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute) // a hang guard
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "MAPLINT="+bin, "LSP_FILE="+file, "LSP_OUT="+report,
		"XDG_CACHE_HOME="+state, "XDG_STATE_HOME="+state, "XDG_DATA_HOME="+state, "XDG_CONFIG_HOME="+state)
	out, err := cmd.CombinedOutput()
	got, rerr := os.ReadFile(report)
	if err != nil || rerr != nil {
		t.Fatalf("nvim: %v, report: %v\noutput:\n%s\nreport:\n%s", err, rerr, out, got)
	}
	t.Logf("Neovim's report:\n%s", got)
	for _, want := range []string{
		`diagnostic: slice "names" gets len(users) appends; make it with make([]string, 0, len(users))`,
		"source: maplint/makecap",
		"line: 6",
		"action: quickfix: Make names with capacity len(users)",
		"cleared",
	} {
		if !strings.Contains(string(got), want+"\n") {
			t.Errorf("Neovim's report lacks %q", want)
		}
	}
	if strings.Contains(string(got), "FAIL") {
		t.Errorf("Neovim's report has a failure")
	}

	fixed, _ := os.ReadFile(file)
	if !strings.Contains(string(fixed), "names := make([]string, 0, len(users))\n") {
		t.Errorf("the written file:\n%s", fixed)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = mod
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("go build after the fix: %v\n%s", err, out)
	}
	lint := exec.Command(bin, "./...")
	lint.Dir = mod
	if out, err := lint.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("maplint after the fix: %v\n%s", err, out)
	}
}
