package driver

// -fix: apply the first suggested fix of each root diagnostic, merging the
// fixes of a file as a three-way merge does (x/tools' ApplyFixes: a fix
// that conflicts with one applied earlier is dropped and the summary says
// to re-run), then format each file and write it safely.

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/aymanbagabas/go-udiff"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Output is where -fix writes its diff or JSON report (Stdout) and its
// per-file notes (Stderr).
type Output struct{ Stdout, Stderr io.Writer }

// A fix status, as -fix -json reports it.
const (
	statusApplied    = "applied"     // merged and its files written (or, with -diff, shown)
	statusConflict   = "conflict"    // overlaps a fix applied earlier; re-run to apply it
	statusGenerated  = "generated"   // edits a generated file: never applied
	statusUnread     = "unreadable"  // a file it edits could not be read
	statusNotWritten = "not-written" // a file it edits was refused or failed to write
)

// A file status.
const (
	fileWritten = "written"
	fileFailed  = "failed"  // the write failed; the file is unchanged
	fileRefused = "refused" // outside the main modules; the file is unchanged
	fileDiff    = "diff"    // -diff: shown, not written
)

type fixRecord struct {
	Analyzer string   `json:"analyzer"`
	Category string   `json:"category,omitempty"`
	Posn     string   `json:"posn"`
	Message  string   `json:"message"`
	Fix      string   `json:"fix"`
	Files    []string `json:"files"`
	Status   string   `json:"status"`
}

type fileRecord struct {
	File   string `json:"file"`
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
	Diff   string `json:"diff,omitempty"`
}

// fixReport is what -fix -json prints.
type fixReport struct {
	Fixes []*fixRecord  `json:"fixes"`
	Files []*fileRecord `json:"files"`
}

func applyFixes(roots []*Unit, f Flags, out Output, verbose bool) error {
	generated := make(map[*token.File]bool)
	type fixact struct {
		fix *analysis.SuggestedFix
		u   *Unit
		rec *fixRecord
	}
	var fixes []*fixact
	report := &fixReport{Fixes: []*fixRecord{}, Files: []*fileRecord{}}
	for _, u := range roots {
		if u.Err != nil {
			continue
		}
		for _, file := range u.Package.Syntax {
			tf := u.Package.Fset.File(file.FileStart)
			if _, seen := generated[tf]; !seen {
				generated[tf] = ast.IsGenerated(file)
			}
		}
		for _, d := range u.Diagnostics {
			for i := range d.SuggestedFixes {
				fix := &d.SuggestedFixes[i]
				if i > 0 {
					log.Printf("%s: ignoring alternative fix %q", u, fix.Message)
					continue
				}
				rec := &fixRecord{
					Analyzer: u.Analyzer.Name,
					Category: d.Category,
					Posn:     u.Package.Fset.Position(d.Pos).String(),
					Message:  d.Message,
					Fix:      fix.Message,
				}
				for _, e := range fix.TextEdits {
					if name := u.Package.Fset.File(e.Pos).Name(); !slices.Contains(rec.Files, name) {
						rec.Files = append(rec.Files, name)
					}
				}
				fixes = append(fixes, &fixact{fix, u, rec})
				report.Fixes = append(report.Fixes, rec)
			}
		}
	}

	baseline := make(map[string][]byte)
	filePkg := make(map[string]*packages.Package) // a package of each file
	edited := make(map[string][]udiff.Edit)
	fixesOf := make(map[string][]*fixRecord)
	merged := make(map[string][]udiff.Edit)
fixloop:
	for _, fa := range fixes {
		clear(merged)
		fset := fa.u.Package.Fset
		for _, e := range fa.fix.TextEdits {
			if generated[fset.File(e.Pos)] {
				fa.rec.Status = statusGenerated
				continue fixloop
			}
		}
		byFile := make(map[string][]udiff.Edit)
		for _, e := range fa.fix.TextEdits {
			tf := fset.File(e.Pos)
			name := tf.Name()
			content, ok := baseline[name]
			if !ok {
				var err error
				if content, err = os.ReadFile(name); err != nil {
					log.Printf("skipping fix to file %s: %v", name, err)
					fa.rec.Status = statusUnread
					continue fixloop
				}
				baseline[name] = content
			}
			// The file changed since it was parsed (a concurrent edit or
			// checkout): writing would mix two versions.
			if tf.Size() != len(content) {
				return fmt.Errorf("concurrent file modification detected in file %s (size changed from %d -> %d bytes); aborting fix",
					name, tf.Size(), len(content))
			}
			if _, ok := filePkg[name]; !ok {
				filePkg[name] = fa.u.Package
			}
			byFile[name] = append(byFile[name], udiff.Edit{Start: tf.Offset(e.Pos), End: tf.Offset(e.End), New: string(e.NewText)})
		}
		for name, edits := range byFile {
			udiff.SortEdits(edits)
			if prev := edited[name]; len(prev) > 0 {
				m, ok := udiff.Merge(prev, edits)
				if !ok {
					fa.rec.Status = statusConflict
					continue fixloop
				}
				edits = m
			}
			merged[name] = edits
		}
		for name, edits := range merged {
			edited[name] = edits
			fixesOf[name] = append(fixesOf[name], fa.rec)
		}
		fa.rec.Status = statusApplied // unless a file is not written, below
	}

	// GOROOT and the module cache, asked of the go command once, when a
	// file is to be written.
	var (
		never     []string
		rootsErr  error
		rootsOnce sync.Once
	)
	files := make([]string, 0, len(edited))
	for name := range edited {
		files = append(files, name)
	}
	slices.Sort(files)
	var updated, total int
	for _, name := range files {
		old := baseline[name]
		fixed, err := udiff.ApplyBytes(old, edited[name])
		if err != nil {
			return fmt.Errorf("internal error applying fixes to %s: %v", name, err)
		}
		if formatted, err := format.Source(fixed); err == nil {
			fixed = formatted
		}
		fixed = keepStyle(old, fixed)
		rec := &fileRecord{File: name}
		report.Files = append(report.Files, rec)

		if f.Diff {
			rec.Status = fileDiff
			d := unifiedDiff(name, old, fixed)
			if f.JSON {
				rec.Diff = d
			} else {
				io.WriteString(out.Stdout, d)
			}
			continue
		}
		total++
		why := ""
		if !f.FixAnywhere {
			rootsOnce.Do(func() { never, rootsErr = goRoots() })
			if rootsErr != nil {
				why = rootsErr.Error()
			} else {
				why = refuse(name, filePkg[name], never)
			}
		}
		if why != "" {
			rec.Status, rec.Error = fileRefused, why
			fmt.Fprintf(out.Stderr, "maplint: not writing %s: %s; use -fix -diff to see the change\n", name, why)
		} else if err := writeFileAtomic(name, old, fixed); err != nil {
			rec.Status, rec.Error = fileFailed, err.Error()
			fmt.Fprintf(out.Stderr, "maplint: %s left unchanged: %v\n", name, err)
		} else {
			rec.Status = fileWritten
			updated++
			continue
		}
		for _, fr := range fixesOf[name] {
			fr.Status = statusNotWritten
		}
	}

	applied, skipped := 0, 0
	for _, fa := range fixes {
		switch fa.rec.Status {
		case statusApplied:
			applied++
		case statusGenerated:
			skipped++
		}
	}
	if f.JSON {
		if err := writeJSON(out.Stdout, report); err != nil {
			return err
		}
	}
	if bad := len(fixes) - applied - skipped; bad > 0 || updated < total {
		if f.Diff {
			return fmt.Errorf("%d of %s skipped (e.g. due to conflicts)", bad, plural(len(fixes), "fix", "fixes"))
		}
		msg := fmt.Sprintf("applied %d of %s; %s updated", applied, plural(len(fixes), "fix", "fixes"), plural(updated, "file", "files"))
		if n := total - updated; n > 0 {
			msg += fmt.Sprintf(", %s not written", plural(n, "file", "files"))
		}
		if slices.ContainsFunc(fixes, func(fa *fixact) bool { return fa.rec.Status == statusConflict }) {
			msg += ". (Re-run the command to apply more.)"
		}
		return fmt.Errorf("%s", msg)
	}
	if verbose {
		if skipped > 0 {
			log.Printf("skipped %s that would edit generated files", plural(skipped, "fix", "fixes"))
		}
		log.Printf("applied %s, updated %s", plural(applied, "fix", "fixes"), plural(updated, "file", "files"))
	}
	return nil
}

// keepStyle gives the fixed file the original's byte-order mark and CRLF
// line endings, which formatting drops. (In a raw string a CR is not part
// of the value, so CRLF does not change what the program means.)
func keepStyle(orig, fixed []byte) []byte {
	bom := []byte("\ufeff")
	if bytes.HasPrefix(orig, bom) && !bytes.HasPrefix(fixed, bom) {
		fixed = append(bom[:len(bom):len(bom)], fixed...)
	}
	if i := bytes.IndexByte(orig, '\n'); i > 0 && orig[i-1] == '\r' {
		var b bytes.Buffer
		for i, c := range fixed {
			if c == '\n' && (i == 0 || fixed[i-1] != '\r') {
				b.WriteByte('\r')
			}
			b.WriteByte(c)
		}
		fixed = b.Bytes()
	}
	return fixed
}

// unifiedDiff is the -diff output for one file: git's a/ and b/ labels
// for a file under the current directory (git apply, patch -p1), the
// absolute path on both sides otherwise (patch -p0).
func unifiedDiff(name string, old, new []byte) string {
	from, to := name, name
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && filepath.IsLocal(rel) {
			rel = filepath.ToSlash(rel)
			from, to = "a/"+rel, "b/"+rel
		}
	}
	return udiff.Unified(from, to, string(old), string(new))
}

// goRoots returns GOROOT and the module cache, where -fix never writes.
func goRoots() ([]string, error) {
	out, err := exec.Command("go", "env", "GOROOT", "GOMODCACHE").Output()
	if err != nil {
		return nil, fmt.Errorf("cannot tell where GOROOT and the module cache are (go env: %v)", err)
	}
	var dirs []string
	for _, d := range strings.Fields(string(out)) {
		dirs = append(dirs, realPath(d))
	}
	return dirs, nil
}

// refuse says why -fix must not write name, a file of pkg, or "": only
// files of the main modules (the module of the current directory, or
// those of go.work) are written, never GOROOT, the module cache, a module
// brought in by a replace directive, or vendored code.
func refuse(name string, pkg *packages.Package, never []string) string {
	real := realPath(name)
	for _, dir := range never {
		if within(dir, real) {
			return fmt.Sprintf("it is under %s (GOROOT or the module cache), outside the main module", dir)
		}
	}
	mod := pkg.Module
	switch {
	case mod == nil:
		return "its package " + pkg.PkgPath + " is not in a module (the standard library or GOPATH)"
	case !mod.Main && mod.Replace != nil:
		return fmt.Sprintf("it is in module %s, brought in by a replace directive, not in the main module", mod.Path)
	case !mod.Main:
		return fmt.Sprintf("it is in dependency module %s, not in the main module", mod.Path)
	case mod.Dir == "" || !within(realPath(mod.Dir), real):
		return fmt.Sprintf("it is outside the directory of main module %s", mod.Path)
	}
	rel, _ := filepath.Rel(realPath(mod.Dir), real)
	if slices.Contains(strings.Split(filepath.ToSlash(rel), "/"), "vendor") {
		return "it is vendored code"
	}
	return ""
}

func realPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	return p
}

// within reports whether path is dir or below it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// tempWriter wraps the temporary file's writer; a test makes it fail
// as a full disk does.
var tempWriter = func(f *os.File) io.Writer { return f }

// writeFileAtomic replaces the file name, whose content was old, with
// data: it writes a temporary file in the same directory, syncs it, gives
// it the original's mode and renames it over the original. On any error
// the original is untouched and the temporary file removed. A symbolic
// link is followed (the link stays a link); a file that changed since it
// was read, or is read-only, is not written.
func writeFileAtomic(name string, old, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("the file is read-only")
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".maplint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tempWriter(tmp).Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), fi.Mode().Perm()); err != nil {
		return err
	}
	// Last look before the rename: an editor or checkout that wrote the
	// file meanwhile wins.
	if now, rerr := os.ReadFile(target); rerr != nil || !bytes.Equal(now, old) {
		err = fmt.Errorf("it changed while maplint ran")
		return err
	}
	return os.Rename(tmp.Name(), target)
}

func plural(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return fmt.Sprintf("%d %s", n, plural)
}
