package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// setDir is the directory the set's patterns are resolved in.
func setDir(s set) string {
	if s.isGoroot() {
		return filepath.Join(goroot(), "src")
	}
	return filepath.Join(*flagCache, "src", s.Name)
}

var gorootCache string

func goroot() string {
	if gorootCache == "" {
		out, err := mustRun(".", goEnv(), "go", "env", "GOROOT")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		gorootCache = strings.TrimSpace(string(out))
	}
	return gorootCache
}

func markerPath(s set) string { return filepath.Join(setDir(s), ".maplint-eval-prepared") }

func prepared(s set) bool {
	if s.isGoroot() {
		return true
	}
	b, err := os.ReadFile(markerPath(s))
	return err == nil && strings.TrimSpace(string(b)) == s.Module+"@"+s.Version
}

func prepareAll(ss []set) error {
	if err := os.MkdirAll(filepath.Join(*flagCache, "src"), 0o755); err != nil {
		return err
	}
	for _, s := range ss {
		start := time.Now()
		if err := prepare(s); err != nil {
			return fmt.Errorf("prepare %s: %v", s.Name, err)
		}
		logf("prepared %s in %s (%s)", s.Name, time.Since(start).Round(time.Second), setDir(s))
	}
	return nil
}

// prepare fetches one module set from the module proxy at its pinned
// version, makes a writable copy in the cache, downloads its
// dependencies and builds it once (which also checks that it loads).
func prepare(s set) error {
	if s.isGoroot() {
		_, err := mustRun(setDir(s), goEnv(), "go", "build", s.Patterns[0])
		return err
	}
	if prepared(s) {
		logf("%s already prepared", s.Name)
		return nil
	}
	tmp := filepath.Join(*flagCache, "tmp")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	out, err := mustRun(tmp, goEnv(), "go", "mod", "download", "-json", s.Module+"@"+s.Version)
	if err != nil {
		return err
	}
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal(out, &dl); err != nil {
		return err
	}
	if dl.Error != "" || dl.Dir == "" {
		return fmt.Errorf("go mod download: %s", dl.Error)
	}
	dst := setDir(s)
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	if err := copyTree(dl.Dir, dst); err != nil {
		return err
	}
	// Replace directives pointing at directories (a module inside a
	// monorepo, like etcd's server) cannot work outside that repository:
	// drop them and use the required versions from the proxy.
	out, err = mustRun(dst, goEnv(), "go", "mod", "edit", "-json")
	if err != nil {
		return err
	}
	var gomod struct {
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal(out, &gomod); err != nil {
		return err
	}
	dropped := 0
	for _, r := range gomod.Replace {
		if r.New.Version == "" && (strings.HasPrefix(r.New.Path, ".") || strings.HasPrefix(r.New.Path, "/")) {
			old := r.Old.Path
			if r.Old.Version != "" {
				old += "@" + r.Old.Version
			}
			if _, err := mustRun(dst, goEnv(), "go", "mod", "edit", "-dropreplace="+old); err != nil {
				return err
			}
			dropped++
		}
	}
	for _, r := range s.Replace {
		if _, err := mustRun(dst, goEnv(), "go", "mod", "edit", "-replace="+r); err != nil {
			return err
		}
	}
	if dropped > 0 || len(s.Replace) > 0 {
		logf("%s: dropped %d directory replace directives, added %d; go mod tidy", s.Name, dropped, len(s.Replace))
		if _, err := mustRun(dst, goEnv(), "go", "mod", "tidy"); err != nil {
			return err
		}
	} else if _, err := mustRun(dst, goEnv(), "go", "mod", "download"); err != nil {
		return err
	}
	// Build once (downloads anything missing, warms the build cache, and
	// shows the set builds before any fix is applied).
	if _, err := mustRun(dst, goEnv(), "go", "build", "./..."); err != nil {
		return err
	}
	// Test packages need their dependencies too.
	if _, err := mustRun(dst, goEnv(), "go", "list", "-test", "-deps", "./..."); err != nil {
		return err
	}
	return os.WriteFile(markerPath(s), []byte(s.Module+"@"+s.Version+"\n"), 0o644)
}

// copyTree copies a directory tree, making everything writable by us
// (the module cache is read-only).
func copyTree(src, dst string) error {
	return filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		switch {
		case info.IsDir():
			return os.MkdirAll(target, 0o755)
		case info.Mode()&os.ModeSymlink != 0:
			link, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case info.Mode().IsRegular():
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(target, b, info.Mode().Perm()|0o200)
		}
		return nil
	})
}

// pkgInfo is what the harness needs to know of a package of a set.
type pkgInfo struct {
	ImportPath                                   string
	Dir                                          string
	GoFiles, CgoFiles, TestGoFiles, XTestGoFiles []string
}

// listPackages returns the packages of a set and their lines of Go
// (the files maplint analyzes: package, cgo and test files).
func listPackages(s set, dir string, env []string) (pkgs []pkgInfo, lines int, err error) {
	args := append([]string{"list", "-e", "-json=ImportPath,Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles"}, s.Patterns...)
	out, err := mustRun(dir, env, "go", args...)
	if err != nil {
		return nil, 0, err
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p pkgInfo
		if err := dec.Decode(&p); err != nil {
			return nil, 0, err
		}
		pkgs = append(pkgs, p)
		for _, files := range [][]string{p.GoFiles, p.CgoFiles, p.TestGoFiles, p.XTestGoFiles} {
			for _, f := range files {
				n, err := countLines(filepath.Join(p.Dir, f))
				if err != nil {
					return nil, 0, err
				}
				lines += n
			}
		}
	}
	return pkgs, lines, nil
}

func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	n := 0
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}
