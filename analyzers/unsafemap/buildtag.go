package unsafemap

import (
	"go/ast"
	"go/build/constraint"
	"strconv"
	"strings"
)

// isOldMapsOnly reports whether f's build constraint excludes it from
// every build that uses Swiss-table maps, that is, f is compiled only with
// the pre-1.24 hmap layout: "//go:build !go1.24", or
// "//go:build go1.24 && !go1.26 && !goexperiment.swissmap" (a file for the
// GOEXPERIMENT=noswissmap builds of Go 1.24 and 1.25).
//
// Swiss-table builds are: Go 1.24 and 1.25 with goexperiment.swissmap set
// (the default), and Go 1.26 and later, where the experiment (and its build
// tag) is gone: goexperiment.swissmap is false there, yet maps are Swiss
// tables. The file's Go version (go.mod's go line, FileVersions) is not
// used: it bounds the language, not the runtime the file is linked with.
func isOldMapsOnly(f *ast.File) bool {
	expr := buildConstraint(f)
	if expr == nil {
		return false
	}
	minors := map[int]bool{24: true, 25: true, 26: true}
	other := map[string]bool{}
	collectTags(expr, minors, other)
	if len(other) > 12 {
		return false // too many tags to enumerate: assume it can build
	}
	var names = make([]string, 0, len(other))
	for t := range other {
		names = append(names, t)
	}
	for minor := range minors {
		if minor < 24 {
			continue
		}
		swiss := minor < 26 // the goexperiment.swissmap tag exists only in 1.24, 1.25
		for mask := 0; mask < 1<<len(names); mask++ {
			ok := expr.Eval(func(tag string) bool {
				if n, isGo := goMinor(tag); isGo {
					return n <= minor
				}
				if tag == "goexperiment.swissmap" {
					return swiss
				}
				for i, name := range names {
					if name == tag {
						return mask&(1<<i) != 0
					}
				}
				return false
			})
			if ok {
				return false
			}
		}
	}
	return true
}

// buildConstraint returns f's //go:build constraint, or the conjunction of
// its // +build lines, or nil.
func buildConstraint(f *ast.File) constraint.Expr {
	var plus constraint.Expr
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, c := range cg.List {
			switch {
			case constraint.IsGoBuild(c.Text):
				if x, err := constraint.Parse(c.Text); err == nil {
					return x
				}
			case constraint.IsPlusBuild(c.Text):
				if x, err := constraint.Parse(c.Text); err == nil {
					if plus == nil {
						plus = x
					} else {
						plus = &constraint.AndExpr{X: plus, Y: x}
					}
				}
			}
		}
	}
	return plus
}

// collectTags adds the Go minor versions (go1.N, N >= 24, and the next
// one) and the other tags expr mentions.
func collectTags(expr constraint.Expr, minors map[int]bool, other map[string]bool) {
	switch x := expr.(type) {
	case *constraint.TagExpr:
		if n, ok := goMinor(x.Tag); ok {
			minors[n] = true
			minors[n+1] = true
		} else if x.Tag != "goexperiment.swissmap" {
			other[x.Tag] = true
		}
	case *constraint.NotExpr:
		collectTags(x.X, minors, other)
	case *constraint.AndExpr:
		collectTags(x.X, minors, other)
		collectTags(x.Y, minors, other)
	case *constraint.OrExpr:
		collectTags(x.X, minors, other)
		collectTags(x.Y, minors, other)
	}
}

// goMinor returns N for a release tag go1.N.
func goMinor(tag string) (int, bool) {
	rest, ok := strings.CutPrefix(tag, "go1.")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil && n >= 0
}
