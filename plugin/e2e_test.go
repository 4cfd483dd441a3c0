package plugin_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maplint/maplint/analyzers"
)

// skipGCL is the one switch that skips TestGolangciLint. The test is not
// skipped under -short: it is the only proof that the plugin works inside
// golangci-lint, and .ci/run is where it must run.
const skipGCL = "MAPLINT_SKIP_GCL"

// TestGolangciLint builds golangci-lint with maplint compiled in (plugin/gcl,
// from the Go module proxy, no git clone) and runs it on the end-to-end
// module testdata/ with the configuration of .golangci.example.yml:
//
//   - every "// want" expectation of testdata/<analyzer>/ (and of the
//     directories below that need newmap) is reported, as "(maplint)",
//     and nothing else is;
//   - //nolint:maplint silences a finding (testdata/nolint);
//   - an invalid setting stops golangci-lint with maplint's message;
//   - "disable" in the settings switches an analyzer off;
//   - "run --fix" on a copy leaves code that builds, identical to what
//     "maplint -fix" leaves.
//
// The build takes minutes when the Go build cache is cold and seconds when
// it is warm (the test uses the ordinary GOCACHE, so the second run is warm).
func TestGolangciLint(t *testing.T) {
	if os.Getenv(skipGCL) == "1" {
		t.Skipf("%s=1: not building golangci-lint", skipGCL)
	}
	root := repoRoot(t)
	testdata := filepath.Join(root, "testdata")
	tmp := t.TempDir()

	gcl := filepath.Join(tmp, "golangci-lint-maplint")
	r := command(t, filepath.Join(root, "plugin", "gcl"), nil, "go", "build", "-buildvcs=false", "-o", gcl, ".")
	if r.code != 0 {
		hint := ""
		if strings.Contains(r.stderr, "missing go.sum entry") || strings.Contains(r.stderr, "go: updates to go.mod needed") {
			hint = "\nmaplint's dependencies changed: run  cd plugin/gcl && go mod tidy  and commit plugin/gcl/go.mod and go.sum"
		}
		t.Fatalf("building plugin/gcl: exit %d\n%s%s", r.code, r.stderr, hint)
	}
	t.Logf("built custom golangci-lint in %v", r.took.Round(100e6))
	r = mustRun(t, tmp, nil, gcl, "version")
	t.Logf("%s", strings.TrimSpace(r.stdout+r.stderr))
	// golangci-lint salts its cache with the version: it must identify this build.
	if !regexp.MustCompile(`version 2\.\d+\.\d+-maplint-devel-[0-9a-f]{12} `).MatchString(r.stdout + r.stderr) {
		t.Errorf("version %q does not identify the maplint build (golangci-lint's cache salt)", r.stdout+r.stderr)
	}

	example, err := os.ReadFile(filepath.Join(root, ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	// config writes a variant of the example configuration.
	config := func(name, old, new string) string {
		t.Helper()
		text := string(example)
		if old != "" {
			if !strings.Contains(text, old) {
				t.Fatalf(".golangci.example.yml has no %q", old)
			}
			text = strings.Replace(text, old, new, 1)
		}
		path := filepath.Join(tmp, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	env := []string{"GOLANGCI_LINT_CACHE=" + filepath.Join(tmp, "gcl-cache")} // fresh: results always computed
	lint := func(dir, cfg string, extra ...string) ([]issue, result) {
		t.Helper()
		args := append([]string{"run", "-c", cfg,
			"--output.json.path=stdout", "--path-mode=abs", "--show-stats=false",
			"--max-issues-per-linter=0", "--max-same-issues=0"}, extra...)
		args = append(args, "./...")
		r := command(t, dir, env, gcl, args...)
		if r.code != 0 && r.code != 1 { // 1: issues found
			t.Fatalf("golangci-lint %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
		var out struct{ Issues []issue }
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatalf("golangci-lint %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, r.stdout, r.stderr)
		}
		for i, is := range out.Issues {
			if rel, err := filepath.Rel(dir, is.Pos.Filename); err == nil {
				out.Issues[i].Pos.Filename = filepath.ToSlash(rel)
			}
		}
		return out.Issues, r
	}

	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
	}
	dirs := make(map[string]string, len(names))
	for _, name := range names {
		dirs[name] = name
	}
	if slices.Contains(names, "newmap") {
		dirs["nolint"], dirs["vetfacts"] = "newmap", "newmap"
	}
	expect := wants(t, testdata, dirs)

	t.Run("example config", func(t *testing.T) {
		issues, r := lint(testdata, config("example.yml", "", ""))
		t.Logf("golangci-lint run on testdata/: %d issues in %v", len(issues), r.took.Round(100e6))
		checkIssues(t, issues, expect, "")
		if !slices.ContainsFunc(expect, func(e expectation) bool { return e.nolint }) && slices.Contains(names, "newmap") {
			t.Error("testdata/nolint has no //nolint:maplint line with a want comment")
		}
	})

	t.Run("invalid setting", func(t *testing.T) {
		cfg := config("invalid.yml", "          disable: []\n", "          disable: [nosuchanalyzer]\n")
		r := command(t, testdata, env, gcl, "run", "-c", cfg, "./...")
		if r.code == 0 || !strings.Contains(r.stderr, `maplint: settings: disable: unknown analyzer "nosuchanalyzer"`) || strings.Contains(r.stderr, "panic") {
			t.Errorf("exit %d, stderr:\n%s\nwant a failure naming the setting", r.code, r.stderr)
		}
	})

	t.Run("disable", func(t *testing.T) {
		if len(names) < 2 {
			t.Skip("needs two analyzers in the registry")
		}
		off := names[0]
		cfg := config("disable.yml", "          disable: []\n", "          disable: ["+off+"]\n")
		issues, _ := lint(testdata, cfg)
		checkIssues(t, issues, expect, off)
		for _, is := range issues {
			if is.analyzer() == off {
				t.Errorf("%s reported although disabled: %s", off, is)
			}
		}
	})

	t.Run("fix", func(t *testing.T) {
		viaGCL, viaCLI := filepath.Join(tmp, "fix-gcl"), filepath.Join(tmp, "fix-cli")
		copyTree(t, testdata, viaGCL)
		copyTree(t, testdata, viaCLI)
		lint(viaGCL, config("fix.yml", "", ""), "--fix")
		if diffTrees(t, testdata, viaGCL) == "" {
			t.Error("golangci-lint run --fix changed nothing in testdata/")
		}
		mustRun(t, viaGCL, nil, "go", "build", "./...")
		maplint := buildMaplint(t)
		command(t, viaCLI, nil, maplint, "-fix", "./...")
		// maplint knows no //nolint comments: compare everything else.
		os.RemoveAll(filepath.Join(viaGCL, "nolint"))
		os.RemoveAll(filepath.Join(viaCLI, "nolint"))
		if d := diffTrees(t, viaCLI, viaGCL); d != "" {
			t.Errorf("golangci-lint run --fix and maplint -fix leave different code:\n%s", d)
		}
	})
}

// issue is the part of golangci-lint's JSON output the test reads.
type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
	}
}

func (is issue) String() string {
	return fmt.Sprintf("%s:%d: %s (%s)", is.Pos.Filename, is.Pos.Line, is.Text, is.FromLinter)
}

// analyzer is the analyzer that reported: golangci-lint prefixes the
// message with the analyzer name when it differs from the linter name.
func (is issue) analyzer() string {
	name, _, _ := strings.Cut(is.Text, ": ")
	return name
}

func (is issue) message() string {
	_, msg, _ := strings.Cut(is.Text, ": ")
	return msg
}

// checkIssues matches issues against expectations: each expectation must
// match one issue of its analyzer on its line, except on //nolint:maplint
// lines and for the analyzer off, where none may; every issue must match.
func checkIssues(t *testing.T, issues []issue, expect []expectation, off string) {
	t.Helper()
	used := make([]bool, len(issues))
	for _, e := range expect {
		found := false
		for i, is := range issues {
			if !used[i] && is.Pos.Filename == e.file && is.Pos.Line == e.line &&
				is.analyzer() == e.analyzer && e.re.MatchString(is.message()) {
				used[i], found = true, true
				break
			}
		}
		silent := e.nolint || e.analyzer == off
		switch {
		case silent && found:
			t.Errorf("%s: reported (by %s) despite //nolint:maplint or disable", e, e.analyzer)
		case !silent && !found:
			t.Errorf("%s: not reported by golangci-lint (%s)", e, e.analyzer)
		}
	}
	for i, is := range issues {
		switch {
		case used[i]:
		case is.FromLinter != "maplint":
			t.Errorf("unexpected issue from another linter: %s", is)
		case strings.Contains(is.Text, "(related information)"):
		default:
			t.Errorf("unexpected issue: %s", is)
		}
	}
}

// diffTrees lists the files that differ between two directory trees.
func diffTrees(t *testing.T, a, b string) string {
	t.Helper()
	files := func(root string) map[string]string {
		m := map[string]string{}
		filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				data, _ := os.ReadFile(path)
				rel, _ := filepath.Rel(root, path)
				m[rel] = string(data)
			}
			return nil
		})
		return m
	}
	fa, fb := files(a), files(b)
	var out []string
	for name, da := range fa {
		if db, ok := fb[name]; !ok {
			out = append(out, "only in "+a+": "+name)
		} else if da != db {
			out = append(out, fmt.Sprintf("%s differs:\n--- maplint -fix\n%s\n--- golangci-lint --fix\n%s", name, da, db))
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			out = append(out, "only in "+b+": "+name)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}
