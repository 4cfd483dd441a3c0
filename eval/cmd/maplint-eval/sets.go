package main

// A set is one body of real Go code the evaluation runs on.
type set struct {
	Name string // short name used on the command line and in tables
	Kind string // what kind of program it is
	// Module and Version name a module fetched from the module proxy;
	// empty for the standard library sets (std, cmd), which come from
	// $(go env GOROOT)/src of the Go that runs the harness.
	Module  string
	Version string
	// Patterns are the package patterns given to maplint, relative to
	// the set's directory.
	Patterns []string
	// Replace lists go mod edit -replace arguments applied after download,
	// only for dependency versions the module proxy refuses to serve.
	Replace []string
}

// sets is the pinned list. Changing a version changes the results: rerun
// "prepare" and the full run, and update docs/evaluation.md.
var sets = []set{
	{Name: "std", Kind: "standard library", Patterns: []string{"std"}},
	{Name: "cmd", Kind: "Go toolchain commands", Patterns: []string{"cmd"}},
	{Name: "prometheus", Kind: "metrics server", Module: "github.com/prometheus/prometheus", Version: "v0.316.0", Patterns: []string{"./..."},
		// v0.316.0 requires nomad/api@v0.0.0-20261016150620-df630b26e78a,
		// which the proxy refuses (403); use the newest one it serves.
		Replace: []string{"github.com/hashicorp/nomad/api=github.com/hashicorp/nomad/api@v0.0.0-20260907080526-08ef8f3d26da"}},
	// v0.165.0 is the newest hugo whose go.mod allows Go 1.26 (v0.166.0+ need go 1.27.0).
	{Name: "hugo", Kind: "static-site generator", Module: "github.com/gohugoio/hugo", Version: "v0.165.0", Patterns: []string{"./..."}},
	{Name: "etcd", Kind: "key-value store (server)", Module: "go.etcd.io/etcd/server/v3", Version: "v3.7.3", Patterns: []string{"./..."}},
	{Name: "caddy", Kind: "web server", Module: "github.com/caddyserver/caddy/v2", Version: "v2.11.9", Patterns: []string{"./..."}},
	{Name: "pebble", Kind: "storage engine", Module: "github.com/cockroachdb/pebble/v2", Version: "v2.1.7", Patterns: []string{"./..."}},
}

func (s set) isGoroot() bool { return s.Module == "" }

func findSet(name string) (set, bool) {
	for _, s := range sets {
		if s.Name == name {
			return s, true
		}
	}
	return set{}, false
}
