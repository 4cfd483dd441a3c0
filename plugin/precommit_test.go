package plugin_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommit runs the hooks of .pre-commit-hooks.yaml the way pre-commit
// does for a user: a scratch git repository holding a small Go module gets
// the .pre-commit-config.yaml of docs/pre-commit.md, with this repository's
// path as "repo" and its HEAD commit as "rev"; "pre-commit run --all-files"
// then clones that commit, builds the hook environment with
// "go install ./..." and runs the hooks. Nothing comes from the network
// except what "go install" may need from the module proxy (the test shares
// the caller's module cache, so normally nothing).
//
// It tests the committed HEAD, not the work tree: commit a change to
// .pre-commit-hooks.yaml or cmd/maplint before this test can see it (in CI
// the two are the same). What it does not cover: fetching the repository
// from its public URL at a released tag, which is ordinary pre-commit
// behaviour.
func TestPreCommit(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (Debian package pre-commit; .ci/run installs it): hooks not tested")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: pre-commit needs it")
	}
	if !registered("newmap") {
		t.Skip("the scratch module's findings are newmap's, which is not registered")
	}
	root := repoRoot(t)
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout: pre-commit clones hook repositories with git")
	}
	tmp := t.TempDir()
	modcache := strings.TrimSpace(mustRun(t, root, nil, "go", "env", "GOMODCACHE").stdout)
	env := []string{
		"PRE_COMMIT_HOME=" + filepath.Join(tmp, "pre-commit-home"), // fresh: the hook is really built
		"GOMODCACHE=" + modcache,                                   // pre-commit sets GOPATH to its env dir: keep the module cache
		"GIT_AUTHOR_NAME=maplint test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=maplint test", "GIT_COMMITTER_EMAIL=test@example.com",
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + filepath.Join(tmp, "gitconfig"),
	}
	write(t, filepath.Join(tmp, "gitconfig"), "[safe]\n\tdirectory = *\n[init]\n\tdefaultBranch = main\n")

	project := filepath.Join(tmp, "project")
	os.MkdirAll(project, 0o755)
	write(t, filepath.Join(project, "go.mod"), "module example.com/hooked\n\ngo 1.26\n")
	lost := filepath.Join(project, "lost.go")
	write(t, lost, `package hooked

func Lost() {
	make(map[string]int)["a"] = 1
}

func Ptr() *map[string]int {
	return new(map[string]int)
}
`)

	rev := strings.TrimSpace(mustRun(t, root, env, "git", "rev-parse", "HEAD").stdout)
	write(t, filepath.Join(project, ".pre-commit-config.yaml"), `repos:
  - repo: `+root+`
    rev: `+rev+`
    hooks:
      - id: maplint
      - id: maplint-fix
        stages: [manual]
`)
	mustRun(t, project, env, "git", "init", "-q")
	mustRun(t, project, env, "git", "add", ".")
	run := func(hook string) result {
		t.Helper()
		args := []string{"run", hook, "--all-files", "--verbose"}
		if hook == "maplint-fix" {
			args = append(args, "--hook-stage", "manual")
		}
		return command(t, project, env, "pre-commit", args...)
	}

	r := run("maplint")
	out := r.stdout + r.stderr
	t.Logf("pre-commit run maplint (hooks from %s at %.12s, environment built): exit %d in %v", root, rev, r.code, r.took.Round(100e6))
	if r.code != 1 || !strings.Contains(out, "lost.go:4:2: this write is lost") || !strings.Contains(out, "lost.go:8:9: new(map[string]int)") {
		t.Errorf("maplint hook: exit %d, want 1 and both findings:\n%s", r.code, out)
	}

	r = run("maplint-fix")
	out = r.stdout + r.stderr
	if r.code != 1 || !strings.Contains(out, "files were modified by this hook") {
		t.Errorf("maplint-fix hook: exit %d, want 1 and \"files were modified by this hook\":\n%s", r.code, out)
	}
	if got := read(t, lost); !strings.Contains(got, "return &map[string]int{}") {
		t.Errorf("maplint-fix hook did not apply the fix; lost.go:\n%s", got)
	}

	// A module without findings passes.
	write(t, lost, "package hooked\n\nfunc Ptr() *map[string]int { return &map[string]int{} }\n")
	mustRun(t, project, env, "git", "add", ".")
	if r := run("maplint"); r.code != 0 {
		t.Errorf("maplint hook on a clean module: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
