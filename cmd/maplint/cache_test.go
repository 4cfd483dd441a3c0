package main_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The findings cache (internal/driver/cache.go) must never serve stale
// findings: each case below compares a cached run with -cache=false on the
// same code.

var cacheModule = map[string]string{
	"go.mod": "module example.com/cache\n\ngo 1.26\n",
	"a/a.go": `package a

func Fresh() map[string]int { return map[string]int{} }
`,
	"b/b.go": `package b

import "example.com/cache/a"

func Set() { a.Fresh()["k"] = 1 }
`,
	"c/c.go": `package c

func Names(in []string) []string {
	var out []string
	for _, s := range in {
		out = append(out, s+"!")
	}
	return out
}
`,
	"d/d.go": `package d

func Copy(in []string) []string {
	out := make([]string, len(in))
	for _, s := range in {
		out = append(out, s)
	}
	return out
}
`,
	"c/c_test.go": `package c

import "testing"

func TestNames(t *testing.T) { _ = upper([]string{"x"}) }

func upper(in []string) []string {
	var out []string
	for _, s := range in {
		out = append(out, s+"!")
	}
	return out
}
`,
}

func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, files)
	return dir
}

var fromCacheRE = regexp.MustCompile(`findings cache: (\d+) of (\d+) packages from the cache`)

// cachedRun runs maplint -debug=v with cache dir cache (env MAPLINT_CACHE,
// unless env is given) and returns its findings (text output without the
// -debug=v lines) and how many root packages came from the cache (-1:
// the cache was not used).
func cachedRun(t *testing.T, dir string, env []string, args ...string) (out string, hits, total int) {
	t.Helper()
	cmd := exec.Command(maplintBin, append([]string{"-debug=v"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr, cmd.Stdout = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			t.Fatalf("maplint %s: %v\n%s", args, err, stderr.String())
		}
	}
	hits, total = -1, -1
	var lines []string
	for _, l := range strings.Split(stderr.String(), "\n") {
		if m := fromCacheRE.FindStringSubmatch(l); m != nil {
			hits, total = atoi(m[1]), atoi(m[2])
		}
		if strings.Contains(l, ".go:") || strings.Contains(l, "corrupt") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n"), hits, total
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestFindingsCache(t *testing.T) {
	dir := writeModule(t, cacheModule)
	cache := t.TempDir()
	env := []string{"MAPLINT_CACHE=" + cache}
	want := func(args ...string) string {
		out, hits, _ := cachedRun(t, dir, env, append(append([]string{"-cache=false"}, args...), "./...")...)
		if hits != -1 {
			t.Fatalf("-cache=false used the cache")
		}
		return out
	}
	step := func(name string, wantHits func(hits, total int) bool, args ...string) {
		t.Helper()
		ref := want(args...)
		got, hits, total := cachedRun(t, dir, env, append(args, "./...")...)
		if got != ref {
			t.Errorf("%s: findings differ from -cache=false:\n got %s\nwant %s", name, got, ref)
		}
		if !wantHits(hits, total) {
			t.Errorf("%s: %d of %d packages from the cache", name, hits, total)
		}
	}
	all := func(h, n int) bool { return h == n && n > 0 }
	none := func(h, n int) bool { return h == 0 && n > 0 }
	// Packages: a, b, c, c [c.test], c.test.
	step("cold", none)
	step("warm", all)

	// A changed file: its package and its test variants are redone.
	writeFile(t, dir, "c/c.go", strings.Replace(cacheModule["c/c.go"], "var out []string", "out := make([]string, 0, len(in))", 1))
	step("changed file", func(h, n int) bool { return h == n-3 })
	// A changed dependency: a's result is no longer fresh, b's lost write goes.
	writeFile(t, dir, "a/a.go", "package a\n\nvar m = map[string]int{}\n\nfunc Fresh() map[string]int { return m }\n")
	step("changed dependency", func(h, n int) bool { return h == n-2 })
	writeFile(t, dir, "a/a.go", cacheModule["a/a.go"])
	step("dependency restored", all) // the first entries are still there
	// A changed flag: everything is redone.
	if want("-makecap.tests") == want() {
		t.Fatal("-makecap.tests changes no finding here: the flag case tests nothing")
	}
	step("changed flag", none, "-makecap.tests")
	step("changed flag, warm", all, "-makecap.tests")
	step("flag back", all)

	// A corrupt entry: analyzed again, with a note.
	entries, _ := filepath.Glob(filepath.Join(cache, "findings", "*", "*"))
	if len(entries) == 0 {
		t.Fatal("no findings entry written")
	}
	for _, e := range entries {
		if err := os.WriteFile(e, []byte("garbage"), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	ref := want()
	got, hits, _ := cachedRun(t, dir, env, "./...")
	if hits != 0 || !strings.Contains(got, "corrupt cache entry") || strings.Replace(got, "\n", "", -1) == "" {
		t.Errorf("corrupt entries: %d hits, output\n%s", hits, got)
	}
	if clean := dropNotes(got); clean != ref {
		t.Errorf("corrupt entries: findings\n%s\nwant\n%s", clean, ref)
	}
	step("after corrupt entries", all)
}

func dropNotes(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, "corrupt") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func writeFile(t *testing.T, dir, name, src string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
}

// TestFindingsCacheConcurrent runs two maplints on one empty cache at once;
// both must report the findings, and a third run reads them all back.
func TestFindingsCacheConcurrent(t *testing.T) {
	dir := writeModule(t, cacheModule)
	env := []string{"MAPLINT_CACHE=" + t.TempDir()}
	ref, _, _ := cachedRun(t, dir, env, "-cache=false", "./...")
	var wg sync.WaitGroup
	outs := make([]string, 2)
	for i := range outs {
		wg.Go(func() { outs[i], _, _ = cachedRun(t, dir, env, "./...") })
	}
	wg.Wait()
	for i, out := range outs {
		if out != ref {
			t.Errorf("concurrent run %d:\n%s\nwant\n%s", i, out, ref)
		}
	}
	out, hits, total := cachedRun(t, dir, env, "./...")
	if out != ref || hits != total {
		t.Errorf("after concurrent runs: %d of %d from the cache,\n%s\nwant\n%s", hits, total, out, ref)
	}
}

// TestCacheOff checks that -cache=false and MAPLINT_CACHE=off write
// nothing, not even in the default directory, and that the default is
// maplint under the user cache directory.
func TestCacheOff(t *testing.T) {
	dir := writeModule(t, cacheModule)
	home := t.TempDir()
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	// os.UserCacheDir is $XDG_CACHE_HOME; GOCACHE stays where it is.
	base := []string{"XDG_CACHE_HOME=" + home, "GOCACHE=" + strings.TrimSpace(string(gocache)), "MAPLINT_CACHE="}
	for _, tc := range []struct {
		env  []string
		args []string
	}{
		{base, []string{"-cache=false"}},
		{append(base, "MAPLINT_CACHE=off"), nil},
	} {
		_, hits, _ := cachedRun(t, dir, tc.env, append(tc.args, "./...")...)
		if _, err := os.Stat(filepath.Join(home, "maplint")); hits != -1 || err == nil {
			t.Errorf("%v %v: cache used (%d hits) or written", tc.env, tc.args, hits)
		}
	}
	cachedRun(t, dir, base, "./...")
	if _, err := os.Stat(filepath.Join(home, "maplint", "findings")); err != nil {
		t.Errorf("default cache directory: %v", err)
	}
}

// TestCacheTrim checks that entries unused for five days are removed, as
// the go command trims GOCACHE, at most once a day.
func TestCacheTrim(t *testing.T) {
	dir := writeModule(t, cacheModule)
	cache := t.TempDir()
	env := []string{"MAPLINT_CACHE=" + cache}
	cachedRun(t, dir, env, "./...")
	entries, _ := filepath.Glob(filepath.Join(cache, "findings", "*", "*"))
	if len(entries) == 0 {
		t.Fatal("no entries")
	}
	old := time.Now().Add(-6 * 24 * time.Hour)
	for _, e := range entries {
		os.Chtimes(e, old, old)
	}
	// Trimmed today already (by the first run): kept.
	if _, hits, total := cachedRun(t, dir, env, "./..."); hits != total {
		t.Errorf("entries trimmed although the last trim was today: %d of %d", hits, total)
	}
	for _, e := range entries {
		os.Chtimes(e, old, old)
	}
	stamp := filepath.Join(cache, "findings", "trim.txt")
	yesterday := time.Now().Add(-25 * time.Hour)
	os.Chtimes(stamp, yesterday, yesterday)
	if _, hits, _ := cachedRun(t, dir, env, "./..."); hits != 0 {
		t.Errorf("entries unused for 6 days not trimmed: %d hits", hits)
	}
}

// TestFixWithWarmCache checks that -fix and -diff after a warm run still
// see and apply the fixes (they always analyze).
func TestFixWithWarmCache(t *testing.T) {
	dir := writeModule(t, cacheModule)
	env := []string{"MAPLINT_CACHE=" + t.TempDir()}
	cachedRun(t, dir, env, "./...")
	cachedRun(t, dir, env, "./...")
	cmd := exec.Command(maplintBin, "-fix", "-diff", "./d")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
	out, _ := cmd.Output()
	if !strings.Contains(string(out), "+\tout := make([]string, 0, len(in))") || !strings.Contains(string(out), "-\tout := make([]string, len(in))") {
		t.Errorf("-fix -diff after a warm run:\n%s", out)
	}
	cmd = exec.Command(maplintBin, "-fix", "./d")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
	cmd.Run()
	if data, _ := os.ReadFile(filepath.Join(dir, "d/d.go")); !strings.Contains(string(data), "make([]string, 0, len(in))") {
		t.Errorf("-fix after a warm run did not fix:\n%s", data)
	}
}

// TestFindingsCacheCgo: findings in a package that imports "C" are at
// positions in the files cmd/cgo generates, moved by their //line
// directives to the package's own files. They are stored with those files
// and print as without the cache; the package is keyed alike whether it
// was loaded (with cmd/cgo's files and their imports) or only listed, so
// the second run reads every package from the cache.
func TestFindingsCacheCgo(t *testing.T) {
	if out, _ := exec.Command("go", "env", "CGO_ENABLED").Output(); strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo disabled")
	}
	sameAndHit(t, filepath.Join(testdataDir, "cgomod"), "cgomod.go:")
}

// sameAndHit runs maplint on dir's ./... three times on an empty cache,
// with text and with -json output: every run prints what -cache=false
// prints (which must contain want), and the runs after the first read
// every package from the cache.
func sameAndHit(t *testing.T, dir, want string) {
	t.Helper()
	env := []string{"MAPLINT_CACHE=" + t.TempDir()}
	for _, args := range [][]string{nil, {"-json"}} {
		ref, _, _ := cachedRun(t, dir, env, append(args, "-cache=false", "./...")...)
		if !strings.Contains(ref, want) {
			t.Fatalf("no finding at %s:\n%s", want, ref)
		}
		for _, run := range []string{"first", "second", "third"} {
			out, hits, total := cachedRun(t, dir, env, append(args, "./...")...)
			if out != ref {
				t.Errorf("%v %s run:\n%s\nwant\n%s", args, run, out, ref)
			}
			if run != "first" && hits != total {
				t.Errorf("%v %s run: %d of %d packages from the cache", args, run, hits, total)
			}
		}
	}
}

// TestListings counts the go list runs that load packages: a run on a
// cache that holds nothing for its flags loads them once (no listing for
// keys first), a warm run only lists them (no export data, no type
// checking), and a run with a changed root lists them, then loads what
// missed. Each run's findings are those of -cache=false.
func TestListings(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the go wrapper is a shell script")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeModule(t, cacheModule)
	wrapper, logFile := t.TempDir(), filepath.Join(t.TempDir(), "go.log")
	script := fmt.Sprintf("#!/bin/sh\nprintf '%%s\\n' \"$*\" >> '%s'\nexec '%s' \"$@\"\n", logFile, goBin)
	if err := os.WriteFile(filepath.Join(wrapper, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"MAPLINT_CACHE=" + t.TempDir(), "PATH=" + wrapper + string(os.PathListSeparator) + os.Getenv("PATH")}
	// listings returns the go list runs of packages since the last call,
	// as "export" (loading from export data) or "list" (names and files).
	listings := func() []string {
		data, _ := os.ReadFile(logFile)
		os.Remove(logFile)
		var out []string
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "list ") && strings.Contains(l, "-deps=true") {
				out = append(out, map[bool]string{true: "export", false: "list"}[strings.Contains(l, "-export=true")])
			}
		}
		return out
	}
	ref, _, _ := cachedRun(t, dir, env, "-cache=false", "./...")
	listings()
	for _, step := range []struct {
		name string
		edit func()
		want []string
	}{
		{"cold", func() {}, []string{"export"}},
		{"warm", func() {}, []string{"list"}},
		{"changed root", func() {
			writeFile(t, dir, "d/d.go", cacheModule["d/d.go"]+"\nfunc More() {}\n")
		}, []string{"list", "export"}},
	} {
		step.edit()
		if out, _, _ := cachedRun(t, dir, env, "./..."); out != ref {
			t.Errorf("%s: findings\n%s\nwant\n%s", step.name, out, ref)
		}
		if got := listings(); !slices.Equal(got, step.want) {
			t.Errorf("%s: go list runs %q, want %q", step.name, got, step.want)
		}
	}
}

// TestFindingsCacheColdModified: a cold run keys the packages after
// analyzing them, so a file modified since loading began (here: a
// modification time in the future) must not be keyed; its package and
// the packages that depend on it are analyzed again by the next run.
func TestFindingsCacheColdModified(t *testing.T) {
	dir := writeModule(t, cacheModule)
	env := []string{"MAPLINT_CACHE=" + t.TempDir()}
	ref, _, _ := cachedRun(t, dir, env, "-cache=false", "./...")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "c/c.go"), later, later); err != nil {
		t.Fatal(err)
	}
	if out, hits, _ := cachedRun(t, dir, env, "./..."); out != ref || hits != 0 {
		t.Errorf("cold run: %d hits, findings\n%s\nwant\n%s", hits, out, ref)
	}
	// c, c [c.test] and c.test were not stored; a and b were.
	if out, hits, total := cachedRun(t, dir, env, "./..."); out != ref || hits != total-3 {
		t.Errorf("second run: %d of %d from the cache, findings\n%s\nwant\n%s", hits, total, out, ref)
	}
}

// TestFindingsCacheLineDirective: a finding after a //line directive
// prints at the position the directive sets, from the cache too (the file
// is rebuilt by scanning it, as the parser does), and the package is read
// from the cache.
func TestFindingsCacheLineDirective(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/line\n\ngo 1.26\n",
		"e/e.go": "package e\n\nfunc A() {}\n\n//line template_gen.go:40:3\nfunc Names(in []string) []string {\n\tvar out []string\n" +
			"\tfor _, s := range in {\n\t\tout = append(out, s+\"!\")\n\t}\n\treturn out /*line other_gen.go:7:1*/\n}\n",
	})
	sameAndHit(t, dir, "template_gen.go:")
}

// TestFindingsCacheGoroot: a root in GOROOT (its files keyed on size and
// time, as every GOROOT file) gets the same key from a cold run, which
// loads it, as from a warm one, which lists it.
func TestFindingsCacheGoroot(t *testing.T) {
	env := []string{"MAPLINT_CACHE=" + t.TempDir()}
	dir := t.TempDir()
	ref, _, _ := cachedRun(t, dir, env, "-cache=false", "-test=false", "errors", "container/list")
	for _, run := range []string{"first", "second"} {
		out, hits, total := cachedRun(t, dir, env, "-test=false", "errors", "container/list")
		if out != ref {
			t.Errorf("%s run:\n%s\nwant\n%s", run, out, ref)
		}
		if run == "second" && (hits != total || total != 2) {
			t.Errorf("%s run: %d of %d packages from the cache", run, hits, total)
		}
	}
}
