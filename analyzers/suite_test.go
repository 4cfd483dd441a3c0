package analyzers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maplint/maplint/analyzers"
	"github.com/maplint/maplint/internal/analysisutil"
)

// TestSuite checks analysisutil.Suite, which //maplint:ignore directives
// are checked against, against the registry and the category constants
// that the analyzers' sources declare and report.
func TestSuite(t *testing.T) {
	all := analyzers.All()
	if len(all) != len(analysisutil.Suite) {
		t.Fatalf("analysisutil.Suite has %d analyzers, the registry %d", len(analysisutil.Suite), len(all))
	}
	for i, a := range all {
		m := analysisutil.Suite[i]
		if m.Name != a.Name {
			t.Errorf("analysisutil.Suite[%d] is %s, the registry's %s", i, m.Name, a.Name)
			continue
		}
		cats := categories(t, a.Name)
		want := slices.Sorted(slices.Values(m.Categories))
		if !slices.Equal(cats, want) {
			t.Errorf("%s declares categories %v, analysisutil.Suite lists %v", a.Name, cats, want)
		}
	}
}

// categories returns the values of the Category* constants of the
// analyzer package in dir, sorted, and fails t if a diagnostic's
// Category is not one of them: the categories are a public API (-json),
// so each is a constant declared next to its rule.
func categories(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	consts := make(map[string]string) // name -> value
	var reported []string             // the Category fields' expressions
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if strings.HasPrefix(id.Name, "Category") && i < len(n.Values) {
						lit, ok := n.Values[i].(*ast.BasicLit)
						if !ok || lit.Kind != token.STRING {
							t.Errorf("%s: %s is not a string literal", fset.Position(id.Pos()), id.Name)
							continue
						}
						consts[id.Name], _ = strconv.Unquote(lit.Value)
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Category" {
					v, ok := n.Value.(*ast.Ident)
					if !ok || !strings.HasPrefix(v.Name, "Category") {
						t.Errorf("%s: Category is %s, want one of the package's Category* constants", fset.Position(n.Pos()), analysisutil.Render(fset, n.Value))
						return true
					}
					reported = append(reported, v.Name)
				}
			}
			return true
		})
	}
	for _, r := range reported {
		if _, ok := consts[r]; !ok {
			t.Errorf("%s reports %s, which it does not declare", dir, r)
		}
	}
	var values []string
	for name, v := range consts {
		if !slices.Contains(reported, name) {
			t.Errorf("%s declares %s but never reports it", dir, name)
		}
		values = append(values, v)
	}
	slices.Sort(values)
	return values
}

// TestREADMECategories checks the README's list of -json categories
// against the constants, analyzer by analyzer: "`a`, `b` (name), ...".
func TestREADMECategories(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(b)), " ")
	_, list, ok := strings.Cut(text, "each finding's `category` names its rule: ")
	if !ok {
		t.Fatal("README.md: no sentence \"each finding's `category` names its rule: ...\"")
	}
	list, _, _ = strings.Cut(list, ").")
	// Groups: backquoted categories followed by "(analyzer" or "(a ...".
	group := regexp.MustCompile("((?:`[a-z-]+`(?:, | and )?)+) \\(([a-z]+)")
	name := regexp.MustCompile("`([a-z-]+)`")
	got := make(map[string][]string)
	for _, g := range group.FindAllStringSubmatch(list, -1) {
		for _, n := range name.FindAllStringSubmatch(g[1], -1) {
			got[g[2]] = append(got[g[2]], n[1])
		}
	}
	want := map[string][]string{"a": {analysisutil.MalformedDirective}} // "(a //maplint:ignore that ...)"
	for _, m := range analysisutil.Suite {
		want[m.Name] = m.Categories
	}
	for k := range want {
		if !slices.Equal(slices.Sorted(slices.Values(got[k])), slices.Sorted(slices.Values(want[k]))) {
			t.Errorf("README.md lists categories %v for %q, want %v", got[k], k, want[k])
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("README.md lists categories %v for unknown %q", got[k], k)
		}
	}
}

// TestREADMEAnchors checks that the README's links into docs/<name>.md
// name headings that exist there (GitHub's anchors).
func TestREADMEAnchors(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	link := regexp.MustCompile(`\]\((docs/[a-z-]+\.md)#([^)]+)\)`)
	drop := regexp.MustCompile(`[^a-z0-9 _-]`)
	anchors := make(map[string][]string)
	links := link.FindAllStringSubmatch(string(b), -1)
	if len(links) == 0 {
		t.Fatal("README.md links to no docs/*.md heading")
	}
	for _, l := range links {
		if _, ok := anchors[l[1]]; !ok {
			doc, err := os.ReadFile(filepath.Join("..", l[1]))
			if err != nil {
				t.Fatal(err)
			}
			for line := range strings.Lines(string(doc)) {
				if h, ok := strings.CutPrefix(line, "#"); ok {
					h = strings.TrimSpace(strings.TrimLeft(h, "#"))
					anchors[l[1]] = append(anchors[l[1]], strings.ReplaceAll(drop.ReplaceAllString(strings.ToLower(h), ""), " ", "-"))
				}
			}
		}
		if !slices.Contains(anchors[l[1]], l[2]) {
			t.Errorf("README.md links to %s#%s: no such heading (%v)", l[1], l[2], anchors[l[1]])
		}
	}
}
