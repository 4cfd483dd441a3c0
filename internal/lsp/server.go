// Package lsp is maplint's language server ("maplint lsp"): over stdio it
// publishes maplint's diagnostics for the package of each file opened or
// saved, and offers each suggested fix as a quick fix whose WorkspaceEdit
// the client applies itself. It reads files from disk, as the go command
// does, and never writes one.
//
// Loading and analysis are the standalone driver's (driver.Analyze), run
// from the file's directory so that go.mod, go.work and several modules in
// one workspace resolve as the go command resolves them there. Runs are
// serialized; a run that a newer open or save of the same package made
// stale is discarded rather than published.
package lsp

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"go/token"
	"io"
	"log"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/aymanbagabas/go-udiff"
	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/maplint/maplint/internal/driver"
)

// Main serves LSP on stdin and stdout until the client exits.
func Main(all []*analysis.Analyzer) int {
	log.SetFlags(0)
	log.SetPrefix("maplint lsp: ")
	if len(os.Args) > 2 {
		log.Printf("takes no arguments (settings come from initializationOptions; see docs/editors.md)")
		return 2
	}
	s := NewServer(all)
	<-s.Serve(context.Background(), stdio{}).DisconnectNotify()
	return 0
}

type stdio struct{}

func (stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (stdio) Write(p []byte) (int, error) { return os.Stdout.Write(p) }
func (stdio) Close() error                { return os.Stdin.Close() }

// A Server is one client's language server.
type Server struct {
	all  []*analysis.Analyzer // the registry, for the settings
	conn *jsonrpc2.Conn

	// Analyze runs the driver on patterns from directory dir; a test
	// replaces it to hold a run back.
	Analyze func(dir string, patterns []string, analyzers []*analysis.Analyzer, opts driver.LoadOptions) (*driver.Result, error)

	runMu     sync.Mutex // held by a run, and by a change of settings (analyzer flags are process-wide)
	analyzers []*analysis.Analyzer
	tests     bool

	mu        sync.Mutex
	root      string               // the workspace root, for a relative profile path
	docs      map[string]string    // open documents' text, by path
	queue     []string             // package keys waiting for a run, oldest first
	jobs      map[string]*job      // the latest request for each package key
	published map[string]*fileDiag // what was last published, by path
	wake      chan struct{}
}

type job struct {
	key     string // the directory of a module's package, or a file outside any module
	dir     string
	pattern string
	trigger string // the path of the file last opened or saved
	gen     int
}

// fileDiag is what a file's last publication said, for code actions.
type fileDiag struct {
	key     string
	diags   []published
	content []byte // the file as analyzed, when it has findings
}

type published struct {
	lsp  protocol.Diagnostic
	fset *token.FileSet
	d    analysis.Diagnostic
}

// NewServer returns a server running the analyzers all (settings may
// enable fewer) with the default settings.
func NewServer(all []*analysis.Analyzer) *Server {
	s := &Server{
		all:       all,
		Analyze:   analyzeIn,
		docs:      make(map[string]string),
		jobs:      make(map[string]*job),
		published: make(map[string]*fileDiag),
		wake:      make(chan struct{}, 1),
	}
	if err := s.applySettings(nil); err != nil {
		panic(err) // the defaults are valid
	}
	return s
}

// Serve answers the client on rwc in the background.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) *jsonrpc2.Conn {
	h := &protocol.Handler{
		Initialize:                      s.initialize,
		Initialized:                     func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:                        func(*glsp.Context) error { return nil },
		Exit:                            func(*glsp.Context) error { return nil },
		SetTrace:                        func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:             s.didOpen,
		TextDocumentDidChange:           s.didChange,
		TextDocumentDidSave:             s.didSave,
		TextDocumentDidClose:            s.didClose,
		TextDocumentCodeAction:          s.codeAction,
		WorkspaceDidChangeConfiguration: s.didChangeConfiguration,
	}
	// As glsp's server.handle, which works only on os.Stdin: exit closes
	// the connection; errors become JSON-RPC errors.
	handle := func(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (_ any, err error) {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("panic in %s: %v\n%s", req.Method, r, debug.Stack())
				err = &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("maplint: internal error: %v", r)}
			}
		}()
		gctx := &glsp.Context{Method: req.Method}
		if req.Params != nil {
			gctx.Params = *req.Params
		}
		if req.Method == string(protocol.MethodExit) {
			return nil, conn.Close()
		}
		r, validMethod, validParams, err := h.Handle(gctx)
		switch {
		case !validMethod:
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
		case !validParams:
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprint(err)}
		case err != nil:
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
		}
		return r, nil
	}
	s.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rwc, jsonrpc2.VSCodeObjectCodec{}), jsonrpc2.HandlerWithError(handle))
	go s.worker(ctx)
	return s.conn
}

func (s *Server) initialize(_ *glsp.Context, p *protocol.InitializeParams) (any, error) {
	s.mu.Lock()
	switch {
	case p.RootURI != nil:
		s.root = uriToPath(*p.RootURI)
	case p.RootPath != nil:
		s.root = *p.RootPath
	}
	s.mu.Unlock()
	if err := s.applySettings(p.InitializationOptions); err != nil {
		return nil, err // the client shows it; nothing runs with settings it did not ask for
	}
	yes := true
	full := protocol.TextDocumentSyncKindFull
	name := "maplint"
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: &yes,
				Change:    &full, // only to know when a buffer differs from the file a fix was computed on
				Save:      &yes,
			},
			CodeActionProvider: protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: name},
	}, nil
}

func (s *Server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	s.mu.Lock()
	s.docs[uriToPath(p.TextDocument.URI)] = p.TextDocument.Text
	s.mu.Unlock()
	s.schedule(uriToPath(p.TextDocument.URI))
	return nil
}

func (s *Server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range p.ContentChanges {
		if whole, ok := c.(protocol.TextDocumentContentChangeEventWhole); ok {
			s.docs[uriToPath(p.TextDocument.URI)] = whole.Text
		}
	}
	return nil
}

func (s *Server) didSave(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
	s.schedule(uriToPath(p.TextDocument.URI))
	return nil
}

func (s *Server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	delete(s.docs, uriToPath(p.TextDocument.URI))
	s.mu.Unlock()
	return nil
}

// schedule asks for a run on the package of the file path. A run already
// waiting for that package is reused; one under way becomes stale.
func (s *Server) schedule(path string) {
	if !strings.HasSuffix(path, ".go") {
		return
	}
	j := &job{trigger: path, dir: filepath.Dir(path)}
	if hasModule(j.dir) {
		j.key, j.pattern = j.dir, "."
	} else {
		// Outside any module the go command builds the named file alone
		// (an ad hoc package), as "go run file.go" does.
		j.key, j.pattern = path, path
	}
	s.mu.Lock()
	if old := s.jobs[j.key]; old != nil {
		j.gen = old.gen + 1
	}
	if !slices.Contains(s.queue, j.key) {
		s.queue = append(s.queue, j.key)
	}
	s.jobs[j.key] = j
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// hasModule reports whether dir is in a module: a go.mod here or above.
// (A go.work lists modules, each with its go.mod.)
func hasModule(dir string) bool {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

func (s *Server) worker(ctx context.Context) {
	done := s.conn.DisconnectNotify()
	for {
		s.mu.Lock()
		var j *job
		if len(s.queue) > 0 {
			j = s.jobs[s.queue[0]]
			s.queue = s.queue[1:]
		}
		s.mu.Unlock()
		if j == nil {
			select {
			case <-s.wake:
				continue
			case <-done:
				return
			case <-ctx.Done():
				return
			}
		}
		s.run(j)
	}
}

// run analyzes j's package and publishes the result unless a newer
// request for the package arrived meanwhile.
func (s *Server) run(j *job) {
	res, err := s.analyze(j)

	s.mu.Lock()
	defer s.mu.Unlock()
	if latest := s.jobs[j.key]; latest.gen != j.gen {
		return // stale: the newer run is queued and publishes instead
	}
	s.publish(j, res, err)
}

// analyze runs the driver for j; a panic in it becomes an error, so the
// server outlives a crashing run.
func (s *Server) analyze(j *job) (res *driver.Result, err error) {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			log.Printf("panic analyzing %s: %v\n%s", j.key, r, debug.Stack())
			res, err = nil, fmt.Errorf("internal error (please report it): %v", r)
		}
	}()
	// The dependencies' facts come from the cache the command line uses;
	// findings are always computed (quick fixes need the syntax).
	return s.Analyze(j.dir, []string{j.pattern}, s.analyzers, driver.LoadOptions{Tests: s.tests, CacheDir: driver.DefaultCacheDir()})
}

// analyzeIn runs driver.Analyze from directory dir. The driver loads
// from the current directory, which is process-wide: runs are
// serialized, and the server uses absolute paths only.
func analyzeIn(dir string, patterns []string, analyzers []*analysis.Analyzer, opts driver.LoadOptions) (*driver.Result, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if err := os.Chdir(dir); err != nil {
		return nil, err
	}
	defer os.Chdir(wd)
	return driver.Analyze(patterns, analyzers, opts)
}

// publish sends the diagnostics of every file of j's package, an empty
// list for files whose findings are gone. s.mu is held.
func (s *Server) publish(j *job, res *driver.Result, err error) {
	out := make(map[string][]published) // by path; a key for each file of the package
	note := func(path string, r protocol.Range, msg string) {
		sev := protocol.DiagnosticSeverityInformation
		src := "maplint"
		out[path] = append(out[path], published{lsp: protocol.Diagnostic{Range: r, Severity: &sev, Source: &src, Message: msg}})
	}
	out[j.trigger] = nil
	files := newFileCache()

	switch {
	case err != nil:
		note(j.trigger, protocol.Range{}, "maplint could not analyze this file's package: "+err.Error())
	case res != nil:
		for _, p := range res.Initial {
			for _, f := range slices.Concat(p.CompiledGoFiles, p.GoFiles) {
				if strings.HasSuffix(f, ".go") {
					out[filepath.Clean(f)] = nil
				}
			}
		}
		if e := firstError(res.Initial); e != nil {
			// Analyzers do not run on code that does not type-check:
			// say so once, where the first error is, and nothing else.
			at, r := j.trigger, protocol.Range{}
			if file, line, col, ok := splitPos(e.Pos); ok {
				if _, known := out[filepath.Clean(file)]; known {
					at = filepath.Clean(file)
					r = protocol.Range{Start: protocol.Position{Line: uint32(max(line-1, 0)), Character: uint32(max(col-1, 0))}}
					r.End = r.Start
				}
			}
			note(at, r, "maplint: package does not type-check, so it was not analyzed: "+e.Msg)
			break
		}
		failed, found := driver.Findings(res)
		for _, u := range failed {
			note(j.trigger, protocol.Range{}, fmt.Sprintf("maplint: %s failed on %s: %v", u.Analyzer.Name, u.Package.PkgPath, u.Err))
		}
		for _, f := range found {
			d, ok := toLSP(files, f)
			if !ok {
				continue
			}
			path := files.name(f.Unit.Package.Fset, f.Diagnostic.Pos)
			if _, ours := out[path]; !ours {
				continue // a generated cgo file
			}
			out[path] = append(out[path], published{d, f.Unit.Package.Fset, f.Diagnostic})
		}
	}

	for path, fd := range s.published {
		if _, still := out[path]; !still && fd.key == j.key {
			out[path] = nil // a file no longer in the package: clear it
		}
	}
	for _, path := range slices.Sorted(maps.Keys(out)) {
		list := out[path]
		if len(list) == 0 {
			if fd := s.published[path]; fd == nil || len(fd.diags) == 0 {
				if path != j.trigger {
					continue // nothing was shown, nothing to clear
				}
			}
		}
		s.published[path] = &fileDiag{key: j.key, diags: list, content: files.content(path)}
		diags := make([]protocol.Diagnostic, 0, len(list))
		for _, p := range list {
			diags = append(diags, p.lsp)
		}
		s.conn.Notify(context.Background(), string(protocol.ServerTextDocumentPublishDiagnostics),
			protocol.PublishDiagnosticsParams{URI: pathToURI(path), Diagnostics: diags})
	}
}

// firstError is the first list, parse or type error of the packages.
func firstError(pkgs []*packages.Package) *packages.Error {
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return &p.Errors[0]
		}
	}
	return nil
}

// splitPos splits a packages.Error position, "file:line:col" or
// "file:line".
func splitPos(pos string) (file string, line, col int, ok bool) {
	rest := pos
	var nums []int
	for range 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		var n int
		if _, err := fmt.Sscanf(rest[i+1:], "%d", &n); err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		rest = rest[:i]
	}
	if len(nums) == 0 || rest == "" {
		return "", 0, 0, false
	}
	line = nums[0]
	if len(nums) > 1 {
		col = nums[1]
	}
	return rest, line, col, true
}

// toLSP converts a finding: the category is the code, the rule's doc its
// description, the related positions ("this loop") related information.
func toLSP(files *fileCache, f driver.Finding) (protocol.Diagnostic, bool) {
	fset, d := f.Unit.Package.Fset, f.Diagnostic
	r, ok := files.rangeOf(fset, d.Pos, cmp.Or(d.End, d.Pos))
	if !ok {
		return protocol.Diagnostic{}, false
	}
	sev := protocol.DiagnosticSeverityWarning
	src := "maplint/" + f.Unit.Analyzer.Name
	out := protocol.Diagnostic{Range: r, Severity: &sev, Source: &src, Message: d.Message}
	if d.Category != "" {
		out.Code = &protocol.IntegerOrString{Value: d.Category}
	}
	if url := f.Unit.Analyzer.URL; url != "" {
		out.CodeDescription = &protocol.CodeDescription{HRef: url}
	}
	for _, rel := range d.Related {
		rr, ok := files.rangeOf(fset, rel.Pos, cmp.Or(rel.End, rel.Pos))
		if !ok {
			continue
		}
		out.RelatedInformation = append(out.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: pathToURI(files.name(fset, rel.Pos)), Range: rr},
			Message:  rel.Message,
		})
	}
	return out, true
}

func (s *Server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	actions := []protocol.CodeAction{}
	if len(p.Context.Only) > 0 && !slices.ContainsFunc(p.Context.Only, func(k protocol.CodeActionKind) bool {
		return k == protocol.CodeActionKindQuickFix || strings.HasPrefix(string(protocol.CodeActionKindQuickFix), string(k)+".")
	}) {
		return actions, nil
	}
	s.mu.Lock()
	var cands []published
	var analyzed []byte
	if fd := s.published[uriToPath(p.TextDocument.URI)]; fd != nil {
		analyzed = fd.content
		for _, d := range fd.diags {
			if len(d.d.SuggestedFixes) > 0 && overlaps(d.lsp.Range, p.Range) {
				cands = append(cands, d)
			}
		}
	}
	docs := maps.Clone(s.docs)
	s.mu.Unlock()

	kind := protocol.CodeActionKindQuickFix
	for _, d := range cands {
		for _, fix := range d.d.SuggestedFixes {
			edit, ok := workspaceEdit(d.fset, fix, docs, uriToPath(p.TextDocument.URI), analyzed)
			if !ok {
				continue
			}
			preferred := len(d.d.SuggestedFixes) == 1
			actions = append(actions, protocol.CodeAction{
				Title:       fix.Message,
				Kind:        &kind,
				Diagnostics: []protocol.Diagnostic{d.lsp},
				IsPreferred: &preferred,
				Edit:        edit,
			})
		}
	}
	return actions, nil
}

// workspaceEdit is the change fix makes, as -fix would write it, or false
// when a file it edits changed since it was analyzed, on disk or in an
// unsaved buffer: its offsets would land in the wrong places.
func workspaceEdit(fset *token.FileSet, fix analysis.SuggestedFix, docs map[string]string, path string, analyzed []byte) (*protocol.WorkspaceEdit, bool) {
	files, err := driver.ApplyFix(fset, fix)
	if err != nil {
		return nil, false
	}
	we := &protocol.WorkspaceEdit{Changes: make(map[protocol.DocumentUri][]protocol.TextEdit)}
	for _, f := range files {
		if filepath.Clean(f.Name) == path && !bytes.Equal(f.Old, analyzed) {
			return nil, false // rewritten since, to the same size
		}
		if text, open := docs[filepath.Clean(f.Name)]; open && text != string(f.Old) {
			return nil, false
		}
		m := newMapper(f.Old)
		edits := []protocol.TextEdit{}
		for _, e := range udiff.Bytes(f.Old, f.New) {
			edits = append(edits, protocol.TextEdit{
				Range:   protocol.Range{Start: m.position(e.Start), End: m.position(e.End)},
				NewText: e.New,
			})
		}
		we.Changes[pathToURI(f.Name)] = edits
	}
	return we, true
}

func overlaps(a, b protocol.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(x, y protocol.Position) bool {
	return x.Line < y.Line || x.Line == y.Line && x.Character < y.Character
}

func (s *Server) didChangeConfiguration(_ *glsp.Context, p *protocol.DidChangeConfigurationParams) error {
	// Clients send every section they know ({"maplint": {...}, "gopls":
	// ...}), or nothing: only a maplint section replaces the settings.
	m, _ := p.Settings.(map[string]any)
	settings, ok := m["maplint"]
	if !ok {
		return nil
	}
	if err := s.applySettings(settings); err != nil {
		s.showError(err)
		return nil
	}
	s.mu.Lock()
	paths := slices.Sorted(maps.Keys(s.docs))
	s.mu.Unlock()
	for _, path := range paths {
		s.schedule(path)
	}
	return nil
}

func (s *Server) showError(err error) {
	if s.conn == nil {
		return
	}
	s.conn.Notify(context.Background(), string(protocol.ServerWindowShowMessage),
		protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: err.Error()})
}
