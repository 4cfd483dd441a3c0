package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/internal/driver"
)

// The wire format, decoded by the test's own types so that a field the
// server names wrongly shows up as missing.
type (
	wirePos   struct{ Line, Character int }
	wireRange struct{ Start, End wirePos }
	wireDiag  struct {
		Range           wireRange
		Severity        int
		Code            string
		CodeDescription *struct{ Href string }
		Source          string
		Message         string
		Related         []struct {
			Location struct {
				URI   string
				Range wireRange
			}
			Message string
		} `json:"relatedInformation"`
	}
	wirePublish struct {
		URI         string
		Diagnostics []wireDiag
	}
	wireEdit struct {
		Range   wireRange
		NewText string
	}
	wireAction struct {
		Title       string
		Kind        string
		Diagnostics []wireDiag
		Command     any
		Edit        struct {
			Changes map[string][]wireEdit
		}
	}
)

type client struct {
	t      testing.TB
	conn   *jsonrpc2.Conn
	srv    *Server
	mu     sync.Mutex
	got    map[string][]wirePublish // by URI, in arrival order
	shown  []string                 // window/showMessage messages
	notify chan struct{}
}

// start runs a server in this process and connects a client to it.
func start(t testing.TB, root string, initOptions any) *client {
	t.Helper()
	srvEnd, cliEnd := net.Pipe()
	srv := NewServer(analyzers.All())
	srv.Serve(context.Background(), srvEnd)
	c := &client{t: t, srv: srv, got: make(map[string][]wirePublish), notify: make(chan struct{}, 1)}
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(cliEnd, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			if req.Method == "window/showMessage" {
				var p struct{ Message string }
				json.Unmarshal(*req.Params, &p)
				c.mu.Lock()
				c.shown = append(c.shown, p.Message)
				c.mu.Unlock()
			}
			if req.Method == "textDocument/publishDiagnostics" {
				var p wirePublish
				if err := json.Unmarshal(*req.Params, &p); err != nil {
					t.Errorf("publishDiagnostics: %v", err)
				}
				c.mu.Lock()
				c.got[p.URI] = append(c.got[p.URI], p)
				c.mu.Unlock()
				select {
				case c.notify <- struct{}{}:
				default:
				}
			}
			return nil, nil
		}))
	t.Cleanup(func() {
		c.call("shutdown", nil, nil)
		c.conn.Notify(context.Background(), "exit", nil)
		c.conn.Close()
		<-srv.conn.DisconnectNotify()
	})
	var res struct {
		Capabilities struct {
			TextDocumentSync   struct{ OpenClose, Save bool }
			CodeActionProvider struct{ CodeActionKinds []string }
		}
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": pathToURI(root), "capabilities": map[string]any{},
		"initializationOptions": initOptions}, &res)
	if !res.Capabilities.TextDocumentSync.OpenClose || !res.Capabilities.TextDocumentSync.Save ||
		!slices.Equal(res.Capabilities.CodeActionProvider.CodeActionKinds, []string{"quickfix"}) {
		t.Fatalf("initialize: capabilities %+v", res.Capabilities)
	}
	c.conn.Notify(context.Background(), "initialized", map[string]any{})
	return c
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	if err := c.conn.Call(context.Background(), method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) open(path string) {
	c.t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		c.t.Fatal(err)
	}
	c.conn.Notify(context.Background(), "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": pathToURI(path), "languageId": "go", "version": 1, "text": string(text)}})
}

// save writes the file and tells the server, as an editor does.
func (c *client) save(path, text string) {
	c.t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		c.t.Fatal(err)
	}
	c.conn.Notify(context.Background(), "textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": pathToURI(path), "version": 2},
		"contentChanges": []any{map[string]any{"text": text}}})
	c.conn.Notify(context.Background(), "textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": pathToURI(path)}})
}

// wait returns the n-th publication for path (1-based), waiting for it.
func (c *client) wait(path string, n int) wirePublish {
	c.t.Helper()
	uri := pathToURI(path)
	deadline := time.After(3 * time.Minute) // a hang guard, not a timing assertion
	for {
		c.mu.Lock()
		list := c.got[uri]
		c.mu.Unlock()
		if len(list) >= n {
			return list[n-1]
		}
		select {
		case <-c.notify:
		case <-deadline:
			c.t.Fatalf("no publication #%d for %s (got %d)", n, path, len(list))
		}
	}
}

func (c *client) count(path string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.got[pathToURI(path)])
}

func (c *client) codeActions(path string, r wireRange, only ...string) []wireAction {
	c.t.Helper()
	var actions []wireAction
	ctx := map[string]any{"diagnostics": []any{}}
	if only != nil {
		ctx["only"] = only
	}
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": pathToURI(path)},
		"range":        r, "context": ctx}, &actions)
	return actions
}

// writeModule writes files (path: content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const goMod = "module example.com/m\n\ngo 1.26\n"

// namesGo is the editor test's file (testdata/editor/names) as package a,
// without its doc comment: one makecap finding with a fix, on line 6.
var namesGo = func() string {
	data, err := os.ReadFile("testdata/editor/names/names.go")
	if err != nil {
		panic(err)
	}
	_, text, _ := strings.Cut(string(data), "\n")
	return strings.Replace(text, "package names", "package a", 1)
}()

const namesWant = `slice "names" gets len(users) appends; make it with make([]string, 0, len(users))`

// applyEdits applies LSP edits to ASCII text (where UTF-16 units are bytes).
func applyEdits(t *testing.T, text string, edits []wireEdit) string {
	t.Helper()
	offset := func(p wirePos) int {
		lines := strings.SplitAfter(text, "\n")
		off := 0
		for _, l := range lines[:p.Line] {
			off += len(l)
		}
		return off + p.Character
	}
	slices.SortFunc(edits, func(a, b wireEdit) int { return offset(b.Range.Start) - offset(a.Range.Start) })
	for _, e := range edits {
		text = text[:offset(e.Range.Start)] + e.NewText + text[offset(e.Range.End):]
	}
	return text
}

func TestDiagnosticsAndQuickFix(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": goMod, "a/a.go": namesGo, "a/b.go": "package a\n"})
	file := filepath.Join(dir, "a/a.go")
	c := start(t, dir, nil)
	c.open(file)

	pub := c.wait(file, 1)
	if len(pub.Diagnostics) != 1 {
		t.Fatalf("diagnostics %+v, want one", pub.Diagnostics)
	}
	d := pub.Diagnostics[0]
	if d.Message != namesWant || d.Code != "missing-capacity" || d.Severity != 2 || d.Source != "maplint/makecap" ||
		d.CodeDescription == nil || !strings.HasSuffix(d.CodeDescription.Href, "/docs/makecap.md") {
		t.Errorf("diagnostic %+v", d)
	}
	if d.Range.Start != (wirePos{5, 1}) {
		t.Errorf("range %+v, want line 5 (0-based), column 1", d.Range)
	}
	if len(d.Related) != 1 || d.Related[0].Message != "filled in this loop" ||
		d.Related[0].Location.URI != pathToURI(file) || d.Related[0].Location.Range != (wireRange{wirePos{6, 1}, wirePos{8, 2}}) {
		t.Errorf("related information %+v", d.Related)
	}
	if c.count(filepath.Join(dir, "a/b.go")) != 0 {
		t.Errorf("published an empty list for a file that never had diagnostics")
	}

	if got := c.codeActions(file, wireRange{wirePos{0, 0}, wirePos{1, 0}}); len(got) != 0 {
		t.Errorf("code actions away from the diagnostic: %+v", got)
	}
	if got := c.codeActions(file, d.Range, "refactor"); len(got) != 0 {
		t.Errorf("code actions of kind refactor: %+v", got)
	}
	actions := c.codeActions(file, d.Range)
	if len(actions) != 1 {
		t.Fatalf("code actions %+v, want one", actions)
	}
	a := actions[0]
	if a.Kind != "quickfix" || a.Title != "Make names with capacity len(users)" || a.Command != nil ||
		len(a.Diagnostics) != 1 || a.Diagnostics[0].Message != namesWant || len(a.Edit.Changes) != 1 {
		t.Fatalf("action %+v", a)
	}
	fixed := applyEdits(t, namesGo, a.Edit.Changes[pathToURI(file)])

	// The same bytes as maplint -fix.
	cliDir := t.TempDir()
	writeFiles(t, cliDir, map[string]string{"go.mod": goMod, "a/a.go": namesGo})
	cmd := exec.Command(maplintBinary(t), "-fix", "./...")
	cmd.Dir = cliDir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("maplint -fix: %v\n%s", err, out)
	}
	if want, _ := os.ReadFile(filepath.Join(cliDir, "a/a.go")); fixed != string(want) {
		t.Errorf("quick fix gives\n%s\nmaplint -fix gives\n%s", fixed, want)
	}

	// The file rewritten on disk to the same size (a checkout), and the
	// buffer reloaded, with no save: the fix was computed on other text.
	same := strings.ReplaceAll(namesGo, "users", "userz")
	if err := os.WriteFile(file, []byte(same), 0o644); err != nil {
		t.Fatal(err)
	}
	c.conn.Notify(context.Background(), "textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": pathToURI(file), "version": 2},
		"contentChanges": []any{map[string]any{"text": same}}})
	if got := c.codeActions(file, d.Range); len(got) != 0 {
		t.Errorf("code actions on a file rewritten since it was analyzed: %+v", got)
	}
	if err := os.WriteFile(file, []byte(namesGo), 0o644); err != nil {
		t.Fatal(err)
	}

	// An unsaved change: the fix's offsets would be wrong, so none is offered.
	c.conn.Notify(context.Background(), "textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": pathToURI(file), "version": 2},
		"contentChanges": []any{map[string]any{"text": "// edited\n" + namesGo}}})
	if got := c.codeActions(file, d.Range); len(got) != 0 {
		t.Errorf("code actions on a buffer that differs from the file: %+v", got)
	}

	// Saved with the fix: the diagnostic is cleared.
	c.save(file, fixed)
	if pub := c.wait(file, 2); len(pub.Diagnostics) != 0 {
		t.Errorf("after the fix: %+v", pub.Diagnostics)
	}
	if got := c.codeActions(file, d.Range); len(got) != 0 {
		t.Errorf("code actions after the fix: %+v", got)
	}
}

func TestBrokenCode(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": goMod, "a/a.go": namesGo})
	file := filepath.Join(dir, "a/a.go")
	c := start(t, dir, nil)
	c.open(file)
	if pub := c.wait(file, 1); len(pub.Diagnostics) != 1 {
		t.Fatalf("diagnostics %+v", pub.Diagnostics)
	}

	// The finding is still there, but the package does not type-check.
	c.save(file, strings.Replace(namesGo, "return names", "return names + 1", 1))
	pub := c.wait(file, 2)
	if len(pub.Diagnostics) != 1 {
		t.Fatalf("broken code: %+v, want one note", pub.Diagnostics)
	}
	d := pub.Diagnostics[0]
	if d.Severity != 3 || d.Source != "maplint" || !strings.Contains(d.Message, "does not type-check") ||
		d.Range.Start.Line != 9 {
		t.Errorf("broken code: %+v, want an information at the type error, line 9 (0-based)", d)
	}

	// A syntax error: the same, and no crash.
	c.save(file, "package a\n\nfunc {\n")
	if pub := c.wait(file, 3); len(pub.Diagnostics) != 1 || !strings.Contains(pub.Diagnostics[0].Message, "does not type-check") {
		t.Errorf("syntax error: %+v", pub.Diagnostics)
	}

	c.save(file, namesGo)
	if pub := c.wait(file, 4); len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Message != namesWant {
		t.Errorf("repaired: %+v", pub.Diagnostics)
	}
}

func TestStaleRun(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": goMod, "a/a.go": namesGo})
	file := filepath.Join(dir, "a/a.go")
	c := start(t, dir, nil)

	// Hold the first run back after it analyzed the old file, until the
	// newer save has been received.
	started, release := make(chan struct{}), make(chan struct{})
	var runs int
	c.srv.Analyze = func(dir string, patterns []string, as []*analysis.Analyzer, opts driver.LoadOptions) (*driver.Result, error) {
		res, err := analyzeIn(dir, patterns, as, opts)
		runs++
		if runs == 1 {
			close(started)
			<-release
		}
		return res, err
	}
	c.open(file)
	<-started
	renamed := strings.ReplaceAll(namesGo, "names", "list")
	c.save(file, renamed)
	c.codeActions(file, wireRange{}) // a round trip: the save has been handled
	close(release)

	pub := c.wait(file, 1)
	if len(pub.Diagnostics) != 1 || !strings.HasPrefix(pub.Diagnostics[0].Message, `slice "list"`) {
		t.Errorf("first publication %+v, want the newer file's finding only", pub.Diagnostics)
	}
}

func TestIgnore(t *testing.T) {
	dir := t.TempDir()
	ignored := strings.Replace(namesGo, "	names := []string{}", "	names := []string{} //maplint:ignore makecap few users", 1) +
		strings.ReplaceAll(strings.TrimPrefix(namesGo, "package a\n\ntype User struct{ Name string }\n"), "Names", "Names2")
	writeFiles(t, dir, map[string]string{"go.mod": goMod, "a/a.go": ignored})
	file := filepath.Join(dir, "a/a.go")
	c := start(t, dir, nil)
	c.open(file)
	pub := c.wait(file, 1)
	if len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Range.Start.Line != 13 {
		t.Errorf("diagnostics %+v, want only Names2's (line 13, 0-based)", pub.Diagnostics)
	}
}

func TestOutsideModule(t *testing.T) {
	dir := t.TempDir()
	if hasModule(dir) {
		t.Skipf("%s is inside a module", dir)
	}
	writeFiles(t, dir, map[string]string{"a.go": namesGo, "b.go": "package b\n"})
	file := filepath.Join(dir, "a.go")
	c := start(t, dir, nil)
	c.open(file)
	pub := c.wait(file, 1)
	if len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Message != namesWant {
		t.Errorf("diagnostics %+v, want the finding, the file analyzed alone", pub.Diagnostics)
	}
	if actions := c.codeActions(file, pub.Diagnostics[0].Range); len(actions) != 1 {
		t.Errorf("code actions %+v, want one", actions)
	}
}

// Several modules, one of them in a go.work with another: each file is
// analyzed in its own module.
func TestWorkspaces(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.work":      "go 1.26\n\nuse (\n\t./m1\n\t./m2\n)\n",
		"m1/go.mod":    "module example.com/m1\n\ngo 1.26\n",
		"m1/a/a.go":    namesGo,
		"m2/go.mod":    "module example.com/m2\n\ngo 1.26\n\nrequire example.com/m1 v0.0.0\n",
		"m2/b/b.go":    "package b\n\nimport \"example.com/m1/a\"\n\n" + strings.TrimPrefix(strings.ReplaceAll(namesGo, "[]User", "[]a.User"), "package a\n\ntype User struct{ Name string }\n"),
		"solo/go.mod":  "module example.com/solo\n\ngo 1.26\n",
		"solo/s/s.go":  namesGo,
		"solo/s/t.go":  "package a\n",
		"solo/go.work": "go 1.26\n\nuse .\n",
	})
	c := start(t, dir, nil)
	for _, f := range []string{"m1/a/a.go", "m2/b/b.go", "solo/s/s.go"} {
		file := filepath.Join(dir, f)
		c.open(file)
		if pub := c.wait(file, 1); len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Message != namesWant {
			t.Errorf("%s: %+v", f, pub.Diagnostics)
		}
	}
}

func TestSettings(t *testing.T) {
	dir := t.TempDir()
	test := strings.Replace(namesGo, "func Names(", "func names2(", 1)
	test = strings.Replace(test, "type User struct{ Name string }\n", "", 1)
	writeFiles(t, dir, map[string]string{"go.mod": goMod, "a/a.go": namesGo, "a/a_test.go": test})
	file, testFile := filepath.Join(dir, "a/a.go"), filepath.Join(dir, "a/a_test.go")

	c := start(t, dir, map[string]any{"tests": false, "disable": []string{"makecap"}})
	c.open(file)
	if pub := c.wait(file, 1); len(pub.Diagnostics) != 0 {
		t.Errorf("makecap disabled: %+v", pub.Diagnostics)
	}
	// Another server's section changes nothing.
	c.conn.Notify(context.Background(), "workspace/didChangeConfiguration",
		map[string]any{"settings": map[string]any{"gopls": map[string]any{"staticcheck": true}}})
	c.conn.Notify(context.Background(), "workspace/didChangeConfiguration",
		map[string]any{"settings": map[string]any{"maplint": map[string]any{
			// Load the test files, and let makecap's advice report in them
			// (off by default there: issue 13).
			"tests": true, "makecap": map[string]any{"tests": true}}}})
	if pub := c.wait(file, 2); len(pub.Diagnostics) != 1 {
		t.Errorf("makecap enabled again: %+v", pub.Diagnostics)
	}
	if pub := c.wait(testFile, 1); len(pub.Diagnostics) != 1 {
		t.Errorf("tests: true: %+v", pub.Diagnostics)
	}
	c.mu.Lock()
	if len(c.shown) > 0 {
		t.Errorf("messages shown: %q", c.shown)
	}
	c.mu.Unlock()

	// The plugin's decoder rejects what golangci-lint rejects.
	srvEnd, cliEnd := net.Pipe()
	NewServer(analyzers.All()).Serve(context.Background(), srvEnd)
	conn := jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(cliEnd, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(context.Context, *jsonrpc2.Conn, *jsonrpc2.Request) (any, error) { return nil, nil }))
	defer conn.Close()
	err := conn.Call(context.Background(), "initialize", map[string]any{"processId": nil, "capabilities": map[string]any{},
		"initializationOptions": map[string]any{"makecap": map[string]any{"no-such-flag": true}}}, nil)
	if err == nil || !strings.Contains(err.Error(), `unknown key "makecap.no-such-flag"`) {
		t.Errorf("initialize with an unknown flag: %v", err)
	}
}

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

func TestMain(m *testing.M) {
	// The tests' own cache, not the user's.
	cache, err := os.MkdirTemp("", "maplint-lsp-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("MAPLINT_CACHE", cache)
	code := m.Run()
	os.RemoveAll(cache)
	if binary != "" {
		os.RemoveAll(filepath.Dir(binary))
	}
	os.Exit(code)
}

// maplintBinary builds cmd/maplint once per test process.
func maplintBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "maplint-lsp-test-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "maplint")
		out, err := exec.Command("go", "build", "-o", binary, "github.com/maplint/maplint/cmd/maplint").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// A run that panics is reported, and the server goes on.
func TestPanicInRun(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": goMod, "a/a.go": namesGo})
	file := filepath.Join(dir, "a/a.go")
	c := start(t, dir, nil)
	first := true
	c.srv.Analyze = func(dir string, patterns []string, as []*analysis.Analyzer, opts driver.LoadOptions) (*driver.Result, error) {
		if first {
			first = false
			panic("boom")
		}
		return analyzeIn(dir, patterns, as, opts)
	}
	c.open(file)
	if pub := c.wait(file, 1); len(pub.Diagnostics) != 1 || !strings.Contains(pub.Diagnostics[0].Message, "internal error (please report it): boom") {
		t.Errorf("after a panic: %+v", pub.Diagnostics)
	}
	c.save(file, namesGo)
	if pub := c.wait(file, 2); len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Message != namesWant {
		t.Errorf("the run after: %+v", pub.Diagnostics)
	}
}

// The server keeps the facts of the dependencies it analyzes from source
// in the command line's cache (MAPLINT_CACHE, off when "off"), and a
// lost write through a dependency's fact is reported with or without it.
func TestFactsCache(t *testing.T) {
	files := map[string]string{
		"go.mod": goMod,
		"a/a.go": "package a\n\nfunc Fresh() map[string]int { return map[string]int{} }\n",
		"b/b.go": "package b\n\nimport \"example.com/m/a\"\n\nfunc Set() { a.Fresh()[\"k\"] = 1 }\n",
	}
	for _, env := range []string{"dir", "off"} {
		t.Run(env, func(t *testing.T) {
			dir, cache := t.TempDir(), t.TempDir()
			writeFiles(t, dir, files)
			if env == "off" {
				gocache, err := exec.Command("go", "env", "GOCACHE").Output()
				if err != nil {
					t.Fatal(err)
				}
				t.Setenv("GOCACHE", strings.TrimSpace(string(gocache)))
				t.Setenv("MAPLINT_CACHE", "off")
				t.Setenv("XDG_CACHE_HOME", cache) // the default, which "off" must not use either
			} else {
				t.Setenv("MAPLINT_CACHE", cache)
			}
			file := filepath.Join(dir, "b/b.go")
			c := start(t, dir, nil)
			c.open(file)
			if pub := c.wait(file, 1); len(pub.Diagnostics) != 1 || !strings.Contains(pub.Diagnostics[0].Message, "Fresh") {
				t.Errorf("diagnostics %+v, want the lost write into a.Fresh()", pub.Diagnostics)
			}
			var entries []string
			filepath.WalkDir(cache, func(path string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					entries = append(entries, path)
				}
				return nil
			})
			facts := slices.ContainsFunc(entries, func(p string) bool {
				return strings.HasPrefix(p, filepath.Join(cache, "facts")+string(filepath.Separator)) && filepath.Base(p) != "trim.txt"
			})
			if env == "dir" && !facts {
				t.Errorf("no facts entry in %s: %q", cache, entries)
			}
			if env == "off" && len(entries) > 0 {
				t.Errorf("MAPLINT_CACHE=off wrote %q", entries)
			}
		})
	}
}
