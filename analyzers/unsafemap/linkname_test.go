package unsafemap

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// tableMadeFor lists the toolchains the mapSymbols statuses were measured
// with (go1.24.13, go1.25.7, go1.26.8 agree).
var tableMadeFor = regexp.MustCompile(`^go1\.(24|25|26)(\.|$)`)

// TestLinknameTable builds, with the real toolchain ("go build", so the
// linker runs), one program per symbol of mapSymbols that pulls it with
// //go:linkname and calls it, and checks that the status in the table
// (and so the wording of the diagnostic) is what the linker does:
// links or "invalid reference" (rejected). Each program imports reflect
// and maps so that symbols defined there (reflect.mapassign) exist. Two
// non-map symbols are built as controls.
func TestLinknameTable(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ~50 programs")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goCmd, "env", "GOVERSION").Output()
	if err != nil {
		t.Skipf("go env GOVERSION: %v", err)
	}
	version := strings.TrimSpace(string(out))
	if !tableMadeFor.MatchString(version) {
		t.Skipf("the linkname table was measured with go1.24-go1.26; toolchain is %s", version)
	}

	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module linktest\n\ngo 1.24\n")
	var symbols = make([]string, 0, len(mapSymbols))
	for s := range mapSymbols {
		symbols = append(symbols, s)
	}
	sort.Strings(symbols)
	want := make(map[string]linkStatus) // package dir -> expected status
	symOf := make(map[string]string)
	for i, s := range append(symbols, "runtime.nanotime", "runtime.fastrand") {
		pkg := fmt.Sprintf("p%02d", i)
		status := links
		if sym, ok := mapSymbols[s]; ok {
			status = sym.status
		}
		want[pkg], symOf[pkg] = status, s
		write(pkg+"/main.go", fmt.Sprintf(`package main

import (
	_ "maps"
	"os"
	_ "reflect"
	_ "unsafe"
)

//go:linkname f %s
func f()

func main() {
	if len(os.Args) > 99 {
		f()
	}
}
`, s))
	}

	bin := filepath.Join(dir, "bin") + string(filepath.Separator)
	cmd := exec.Command(goCmd, "build", "-o", bin, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=mod", "CGO_ENABLED=0")
	buildOut, _ := cmd.CombinedOutput() // failures are expected

	// The go command prints "# linktest/pNN" then the linker's errors.
	errs := make(map[string]string)
	var cur string
	for _, line := range strings.Split(string(buildOut), "\n") {
		if pkg, ok := strings.CutPrefix(line, "# linktest/"); ok {
			cur = pkg
			continue
		}
		if cur != "" {
			errs[cur] += line + "\n"
		}
	}
	for pkg, status := range want {
		_, statErr := os.Stat(filepath.Join(dir, "bin", pkg))
		var got linkStatus
		switch {
		case statErr == nil:
			got = links
		case strings.Contains(errs[pkg], "invalid reference to"):
			got = rejected
		default:
			t.Errorf("%s: no binary and no recognised linker error:\n%s", symOf[pkg], errs[pkg])
			continue
		}
		if got != status {
			t.Errorf("%s with %s: table says %s, the toolchain %s\n%s", symOf[pkg], version, status, got, errs[pkg])
		}
	}
	if t.Failed() {
		t.Logf("go build output:\n%s", buildOut)
	}
}

func (s linkStatus) String() string {
	switch s {
	case links:
		return "links"
	case rejected:
		return "rejected"
	}
	return "?"
}

// TestLinknameMessages pins the wording to the status.
func TestLinknameMessages(t *testing.T) {
	for target, sym := range mapSymbols {
		msg := linknameMessage(target, sym)
		var want string
		switch sym.status {
		case links:
			want = "still links"
		case rejected:
			want = "rejected by the linker"
		}
		if sym.status == rejected && sym.changed != "1.23" && sym.changed != "1.24" {
			t.Errorf("%s: rejected since %q?", target, sym.changed)
		}
		if !strings.Contains(msg, want) || insteadOf[sym.family] == "" {
			t.Errorf("%s: %q", target, msg)
		}
	}
}
