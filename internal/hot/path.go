package hot

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
)

// A binary names its main package "main", so two main packages of a module
// with a function of the same name in files of the same base name
// (cmd/server/main.go and cmd/worker/main.go, both main.process) have the
// same symbol and file base in a profile. For those, the profile's file
// must be resolved to the linted file itself.
//
// A profile records the build machine's absolute path
// (/build/mod/cmd/server/main.go) or, with -trimpath, the module path and
// the path in the module (example.com/mod/cmd/server/main.go): in both, a
// tail of the path is the file's path relative to the module root. The
// file a profile's path stands for is the longest such tail that exists in
// the linted file's module; when no tail exists (the file moved, or the
// profile is of another module) it stands for no file, and is weighed for
// neither package.

// ownsFile reports whether the profile's file name stands for localFile.
func ownsFile(profileFile, localFile string) bool {
	if baseName(profileFile) != filepath.Base(localFile) {
		return false
	}
	root, modPath := moduleRoot(filepath.Dir(localFile))
	if root == "" {
		// No go.mod (GOPATH, a bare directory): the package's directory
		// name must match too, the most a path without a root can say.
		return parentName(profileFile) == filepath.Base(filepath.Dir(localFile))
	}
	local, err := filepath.Rel(root, localFile)
	if err != nil {
		return false
	}
	return resolve(profileFile, root, modPath) == local
}

var resolved sync.Map // [2]string{profileFile, root} -> string

// resolve returns the path, relative to root, of the longest tail of
// profileFile that is a file under root, or "". A -trimpath name in module
// modPath has one tail only: the path after modPath.
func resolve(profileFile, root, modPath string) string {
	key := [2]string{profileFile, root}
	if v, ok := resolved.Load(key); ok {
		return v.(string)
	}
	elems := strings.FieldsFunc(profileFile, func(r rune) bool { return r == '/' || r == '\\' })
	tails := len(elems)
	if modPath != "" && strings.HasPrefix(filepath.ToSlash(profileFile), modPath+"/") {
		elems = elems[strings.Count(modPath, "/")+1:]
		tails = 1
	}
	rel := ""
	for i := range min(tails, len(elems)) {
		tail := elems[i:]
		if i == 0 && filepath.VolumeName(tail[0]) != "" || slices.Contains(tail, "..") || slices.Contains(tail, ".") {
			continue
		}
		cand := filepath.Join(tail...)
		if fi, err := os.Stat(filepath.Join(root, cand)); err == nil && fi.Mode().IsRegular() {
			rel = cand
			break
		}
	}
	resolved.Store(key, rel)
	return rel
}

type modRoot struct{ dir, path string }

var roots sync.Map // dir -> modRoot

// moduleRoot returns the nearest directory at or above dir with a go.mod,
// and its module path, or "", "".
func moduleRoot(dir string) (root, modPath string) {
	if v, ok := roots.Load(dir); ok {
		m := v.(modRoot)
		return m.dir, m.path
	}
	var m modRoot
	for d := dir; ; {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			m = modRoot{d, modfile.ModulePath(data)}
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	roots.Store(dir, m)
	return m.dir, m.path
}

// parentName is the name of the directory of a slash- or
// backslash-separated path, or "".
func parentName(file string) string {
	i := strings.LastIndexAny(file, `/\`)
	if i < 0 {
		return ""
	}
	return baseName(file[:i])
}
