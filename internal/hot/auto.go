package hot

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// DefaultPGO returns the profiles that weigh package pkgPath when no
// profile was given, following go build -pgo=auto: each main package
// matched by patterns that has a default.pgo file in its directory
// contributes that profile to itself and to every package it imports
// (its dependencies). A package reached from several such main packages
// gets all their profiles, and a loop's weight is the heaviest one. A
// package no main package with a default.pgo imports gets none.
//
// The lookup runs "go list" (twice) once per process, the first time it is
// needed; a failing go list (no go command, patterns it cannot resolve)
// finds no profile. A default.pgo that is there but bad is an error.
func DefaultPGO(patterns []string, pkgPath string) ([]*Profile, error) {
	autoOnce.Do(func() { autoByPkg, autoErr = findDefaultPGO(patterns) })
	if autoErr != nil {
		return nil, autoErr
	}
	return autoByPkg[pkgPath], nil
}

var (
	autoOnce  sync.Once
	autoByPkg map[string][]*Profile
	autoErr   error
)

func findDefaultPGO(patterns []string) (map[string][]*Profile, error) {
	byPkg := make(map[string][]*Profile)
	for _, pkg := range linted(patterns) {
		if pkg.name != "main" {
			continue
		}
		file := filepath.Join(pkg.dir, "default.pgo")
		if _, err := os.Stat(file); err != nil {
			continue
		}
		p, err := Load(file)
		if err != nil {
			return nil, err
		}
		if !matchesLinted(p, patterns) {
			continue // stale: warned, weighs nothing
		}
		deps, err := goList("-e", "-deps", "-f", "{{.ImportPath}}", "--", pkg.path)
		if err != nil {
			return nil, fmt.Errorf("%s: listing the dependencies of %s: %v", file, pkg.path, err)
		}
		for _, dep := range strings.Fields(deps) {
			byPkg[dep] = append(byPkg[dep], p)
		}
	}
	return byPkg, nil
}

// listedPkg is a package matched by the run's patterns.
type listedPkg struct{ path, name, dir string }

var (
	listOnce   sync.Once
	listedPkgs []listedPkg
)

// linted returns the packages the patterns match, listed once per process
// (nil when go list fails: no go command, patterns it cannot resolve).
func linted(patterns []string) []listedPkg {
	listOnce.Do(func() {
		if len(patterns) == 0 {
			return
		}
		out, err := goList(append([]string{"-e", "-f", "{{.ImportPath}}\t{{.Name}}\t{{.Dir}}", "--"}, patterns...)...)
		if err != nil {
			return
		}
		for _, ln := range strings.Split(out, "\n") {
			if f := strings.Split(ln, "\t"); len(f) == 3 && f[2] != "" {
				listedPkgs = append(listedPkgs, listedPkg{f[0], f[1], f[2]})
			}
		}
	})
	return listedPkgs
}

var matched sync.Map // *Profile -> *matchResult

type matchResult struct {
	once sync.Once
	ok   bool
}

// matchesLinted reports whether p has a function of a package the patterns
// match, and warns once per profile when it has none: a profile of another
// program, or a stale one, would otherwise weigh every loop at 0% and drop
// every finding without a word. It also reports true when the packages
// cannot be listed (no patterns: go vet, the plugin).
func matchesLinted(p *Profile, patterns []string) bool {
	v, _ := matched.LoadOrStore(p, new(matchResult))
	r := v.(*matchResult)
	r.once.Do(func() {
		pkgs := linted(patterns)
		r.ok = len(pkgs) == 0 || p.hasFuncOf(pkgs)
		if !r.ok && Config.Warn != nil {
			Config.Warn(fmt.Sprintf("profile %s matched no function of the linted packages; loop findings are not weighed", p.Path))
		}
	})
	return r.ok
}

// hasFuncOf reports whether a function of p belongs to one of pkgs: by the
// package part of its symbol, and for "main." symbols by its file (see
// ownsFile).
func (p *Profile) hasFuncOf(pkgs []listedPkg) bool {
	byPrefix := make(map[string]bool)
	var mains []listedPkg
	for _, pkg := range pkgs {
		byPrefix[pathToPrefix(pkg.path)], byPrefix[pkg.path], byPrefix[pkg.path+"_test"] = true, true, true
		if pkg.name == "main" {
			mains = append(mains, pkg)
		}
	}
	for _, fns := range p.byBase {
		for _, fn := range fns {
			sym := elideTypeArgs(fn.name)
			slash := strings.LastIndex(sym, "/") + 1
			dot := strings.Index(sym[slash:], ".")
			if dot < 0 {
				continue
			}
			prefix := sym[:slash+dot]
			if byPrefix[prefix] {
				return true
			}
			if prefix != "main" {
				continue
			}
			for _, pkg := range mains {
				if root, modPath := moduleRoot(pkg.dir); root != "" {
					if rel := resolve(fn.file, root, modPath); rel != "" && filepath.Join(root, filepath.Dir(rel)) == pkg.dir {
						return true
					}
				}
			}
		}
	}
	return false
}

func goList(args ...string) (string, error) {
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go list: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
