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
	if len(patterns) == 0 {
		return nil, nil
	}
	out, err := goList(append([]string{"-e", "-f", `{{if eq .Name "main"}}{{.ImportPath}}{{"\t"}}{{.Dir}}{{end}}`, "--"}, patterns...)...)
	if err != nil {
		return nil, nil
	}
	byPkg := make(map[string][]*Profile)
	for _, ln := range strings.Split(out, "\n") {
		path, dir, ok := strings.Cut(ln, "\t")
		if !ok || dir == "" {
			continue
		}
		file := filepath.Join(dir, "default.pgo")
		if _, err := os.Stat(file); err != nil {
			continue
		}
		p, err := Load(file)
		if err != nil {
			return nil, err
		}
		deps, err := goList("-e", "-deps", "-f", "{{.ImportPath}}", "--", path)
		if err != nil {
			return nil, fmt.Errorf("%s: listing the dependencies of %s: %v", file, path, err)
		}
		for _, dep := range strings.Fields(deps) {
			byPkg[dep] = append(byPkg[dep], p)
		}
	}
	return byPkg, nil
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
