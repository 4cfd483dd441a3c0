package plugin_test

import (
	"bytes"
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// repoRoot is the root of the maplint module (tests run in plugin/).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

type result struct {
	stdout, stderr string
	code           int // exit code; -1 if the command did not start or was killed
	took           time.Duration
}

// command runs name with args in dir, with the test's environment plus env,
// bounded by the test's deadline.
func command(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx := context.Background()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-10*time.Second))
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.Exited():
		r.code = exit.ExitCode()
	default:
		t.Fatalf("%s %s (in %s): %v\nstderr:\n%s", name, strings.Join(args, " "), dir, err, r.stderr)
	}
	return r
}

// mustRun is command that fails the test unless the exit code is 0.
func mustRun(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	r := command(t, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("%s %s (in %s): exit %d\nstdout:\n%s\nstderr:\n%s", name, strings.Join(args, " "), dir, r.code, r.stdout, r.stderr)
	}
	return r
}

// buildMaplint builds cmd/maplint into a temporary directory.
func buildMaplint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "maplint")
	mustRun(t, repoRoot(t), nil, "go", "build", "-buildvcs=false", "-o", bin, "./cmd/maplint")
	return bin
}

// An expectation is one pattern of a "// want" comment (analysistest syntax;
// fact expectations, name:"pattern", are not diagnostics and are skipped).
type expectation struct {
	file string // slash-separated, relative to the module root
	line int
	re   *regexp.Regexp
	// nolint: the line carries a //nolint:maplint comment.
	nolint bool
	// analyzer expected to report it (from the top-level directory).
	analyzer string
}

func (e expectation) String() string {
	return e.file + ":" + strconv.Itoa(e.line) + ": want " + strconv.Quote(e.re.String())
}

var nolintRE = regexp.MustCompile(`//\s*nolint:([\w,-]*\b)?maplint\b`)

// wants reads the diagnostics expected in module root, in the top-level
// directories that dirs maps to the analyzer that reports there.
func wants(t *testing.T, root string, dirs map[string]string) []expectation {
	t.Helper()
	var out []expectation
	for dir, analyzer := range dirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					for _, re := range wantPatterns(t, fset.Position(c.Pos()).String(), c) {
						line := fset.Position(c.Pos()).Line
						out = append(out, expectation{
							file:     filepath.ToSlash(rel),
							line:     line,
							re:       re,
							nolint:   nolintRE.MatchString(c.Text),
							analyzer: analyzer,
						})
					}
				}
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	}
	return out
}

func wantPatterns(t *testing.T, pos string, c *ast.Comment) []*regexp.Regexp {
	text, ok := strings.CutPrefix(c.Text, "//")
	if !ok {
		return nil
	}
	if i := strings.Index(text, "// want"); i >= 0 {
		text = text[i+len("// "):]
	}
	text, ok = strings.CutPrefix(strings.TrimSpace(text), "want")
	if !ok || (text != "" && text[0] != ' ' && text[0] != '\t') {
		return nil
	}
	var res []*regexp.Regexp
	for text = strings.TrimSpace(text); text != ""; text = strings.TrimSpace(text) {
		fact := false
		if i := strings.IndexAny(text, "\"`"); i > 0 && strings.HasSuffix(text[:i], ":") {
			fact, text = true, text[i:] // name:"pattern"
		}
		lit, err := strconv.QuotedPrefix(text)
		if err != nil {
			t.Fatalf("%s: bad want comment %q: %v", pos, c.Text, err)
		}
		text = text[len(lit):]
		if fact {
			continue
		}
		s, _ := strconv.Unquote(lit)
		re, err := regexp.Compile(s)
		if err != nil {
			t.Fatalf("%s: bad want pattern %s: %v", pos, lit, err)
		}
		res = append(res, re)
	}
	return res
}

// copyTree copies the directory src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
