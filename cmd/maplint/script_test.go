package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestScripts runs testdata/script/*.txtar with the built maplint on PATH
// (and in $MAPLINT, for go vet -vettool=$MAPLINT).
func TestScripts(t *testing.T) {
	goEnv := map[string]string{}
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH", "GOENV", "GOFLAGS").Output()
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		goEnv[[]string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOENV", "GOFLAGS"}[i]] = v
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", filepath.Dir(maplintBin)+string(os.PathListSeparator)+os.Getenv("PATH"))
			env.Setenv("MAPLINT", maplintBin)
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			env.Setenv("GOPROXY", "off") // the scripts' modules need nothing from outside
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("HOME", filepath.Join(env.WorkDir, ".home"))
			return nil
		},
	})
}

// documented are the files whose maplint commands must each run in a script.
var documented = []string{"../../README.md", "../../docs/install.md", "../../docs/pre-commit.md", "../../docs/sarif.md", "main.go"}

// notScripted are documented commands the scripts do not run, and why.
var notScripted = map[string]string{
	"maplint -profile=cpu.pprof ./...": "needs a CPU profile with samples; TestProfile runs it on testdata/pgomod",
}

var (
	spanRE = regexp.MustCompile("`([^`]+)`")
	// How maplint is invoked is not what the scripts test: go run, go tool
	// and a path all become "maplint".
	invocationRE = regexp.MustCompile(`^go (?:tool(?: -modfile=\S+)?|run) \S*maplint\S*`)
)

// commands returns the maplint commands of a file: in a Go file the lines
// of the usage comment ("//\tcommand   what it does"); in Markdown the
// lines of sh blocks and the code spans.
func commands(name, text string) []string {
	var raw []string
	if strings.HasSuffix(name, ".go") {
		for _, line := range strings.Split(text, "\n") {
			if cmd, ok := strings.CutPrefix(line, "//\t"); ok {
				cmd, _, _ = strings.Cut(cmd, "  ")
				raw = append(raw, cmd)
			}
		}
	} else {
		inSh := false
		for _, line := range strings.Split(text, "\n") {
			switch {
			case strings.HasPrefix(line, "```"):
				inSh = line == "```sh"
			case inSh:
				cmd, _, _ := strings.Cut(line, "#")
				raw = append(raw, cmd)
			default:
				for _, m := range spanRE.FindAllStringSubmatch(line, -1) {
					raw = append(raw, m[1])
				}
			}
		}
	}
	var out []string
	for _, cmd := range raw {
		cmd = normalize(cmd)
		if strings.HasPrefix(cmd, "maplint ") || strings.HasPrefix(cmd, "go vet -vettool=") || strings.HasPrefix(cmd, "go fix -fixtool=") {
			out = append(out, cmd)
		}
	}
	return out
}

// TestDocumentedCommands: every maplint command (and go vet -vettool, go fix -fixtool) in the README, the install,
// pre-commit and SARIF docs and cmd/maplint's usage comment is run by a
// script in testdata/script, so a documented command that stops working
// fails TestScripts. Commands with placeholders (<analyzer>) are skipped.
func TestDocumentedCommands(t *testing.T) {
	scripted := make(map[string]bool)
	scripts, _ := filepath.Glob("testdata/script/*.txtar")
	for _, s := range scripts {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimPrefix(strings.TrimPrefix(line, "! "), "? ")
			if cmd, ok := strings.CutPrefix(line, "exec "); ok {
				scripted[normalize(cmd)] = true
			}
		}
	}
	var n int
	for _, doc := range documented {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, cmd := range commands(doc, string(data)) {
			if strings.ContainsAny(cmd, "<>") {
				continue // a placeholder: maplint help <analyzer>
			}
			n++
			if _, ok := notScripted[cmd]; !ok && !scripted[cmd] {
				t.Errorf("%s: %q is run by no script in testdata/script", doc, cmd)
			}
		}
	}
	if n < 5 {
		t.Errorf("found only %d documented commands: is commandRE still right?", n)
	}
}

// normalize turns a documented or scripted command into a comparable form.
func normalize(cmd string) string {
	cmd = strings.Join(strings.Fields(cmd), " ")
	cmd = invocationRE.ReplaceAllString(cmd, "maplint")
	cmd = strings.ReplaceAll(cmd, "$(command -v maplint)", "$MAPLINT")
	if i := strings.Index(cmd, " > "); i >= 0 {
		cmd = cmd[:i] // the script copies stdout to the file
	}
	return cmd
}
