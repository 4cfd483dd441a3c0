package main

import (
	"strings"
	"testing"
)

func TestParseVerdicts(t *testing.T) {
	text := `# newmap verdicts

Some prose | with a pipe.

| set | position | rule | message | verdict | reason |
|---|---|---|---|---|---|
| std | a.go:1:2 | fresh | m \| n | TP | ok |
| std | a.go:3:2 | fresh | x | **FP** (fixed) | wrong |
| caddy | b.go:1:1 | lost | y | ? | unsure |
| caddy | b.go:2:1 | lost | y | tp | fine |
| caddy | c.go:2:1 | lost | y | TP-info ×3. works | three alike |

| analyzer | verdict |
|---|---|
| makecap | FP |
`
	out := map[string]*precision{}
	if err := parseVerdicts(text, "newmap", out, nil); err != nil {
		t.Fatal(err)
	}
	n := out["newmap"]
	if n == nil || n.TP != 5 || n.FP != 1 || n.Undecided != 1 {
		t.Fatalf("newmap = %+v", n)
	}
	if r := n.ByRule["fresh"]; r == nil || r.TP != 1 || r.FP != 1 {
		t.Errorf("rule fresh = %+v", r)
	}
	if m := out["makecap"]; m == nil || m.FP != 1 || m.TP != 0 {
		t.Errorf("makecap = %+v", m)
	}
	if got := n.String(); got != "83% (5/6)" {
		t.Errorf("String = %q", got)
	}
}

func TestParseDriverJSON(t *testing.T) {
	js := `{"p": {"newmap": [{"posn": "/x/a.go:1:2", "message": "m", "category": "fresh", "suggested_fixes": [{"message": "f", "edits": []}]}], "makecap": {"error": "boom"}},
 "p [p.test]": {"newmap": [{"posn": "/x/a.go:1:2", "message": "m", "category": "fresh"}]}}
{"q": {"makecap": [{"posn": "/y/b.go:3:4", "message": "n"}]}}`
	fs, errs, err := parseDriverJSON([]byte(js), "/x")
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || len(errs) != 1 {
		t.Fatalf("findings %+v errors %v", fs, errs)
	}
	if fs[1].Posn != "a.go:1:2" || !fs[1].Fixable || fs[1].Rule != "fresh" {
		t.Errorf("newmap finding = %+v", fs[1])
	}
	if fs[0].Posn != "/y/b.go:3:4" {
		t.Errorf("makecap finding = %+v", fs[0])
	}
}

func TestMedian(t *testing.T) {
	if m := median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median = %v", m)
	}
	if m := median([]float64{4, 1, 2, 3}); m != 2.5 {
		t.Errorf("median = %v", m)
	}
}

func TestDiagLine(t *testing.T) {
	g := diagLine.FindStringSubmatch("web/api/testhelpers/mocks.go:256:30: method Seek(t int64) chunkenc.ValueType should have signature Seek(int64, int) (int64, error)")
	if g == nil || g[1] != "web/api/testhelpers/mocks.go" || !strings.HasPrefix(g[2], "method Seek") {
		t.Fatalf("diagLine: %q", g)
	}
	if diagLine.MatchString("# github.com/x/y") {
		t.Fatal("diagLine matched a package header")
	}
}

func TestSpeedRatios(t *testing.T) {
	floor := []runStat{{CPUSec: 10, MaxRSSMB: 100, WallSec: 5}, {CPUSec: 14, MaxRSSMB: 300, WallSec: 9}, {CPUSec: 12, MaxRSSMB: 200, WallSec: 7}}
	// floor medians 12 s, 200 MB, 7 s; x has an even count: the mean of the
	// middle two, 21 s, 350 MB, 10 s.
	x := []runStat{{CPUSec: 18, MaxRSSMB: 200, WallSec: 4}, {CPUSec: 30, MaxRSSMB: 300, WallSec: 12}, {CPUSec: 6, MaxRSSMB: 500, WallSec: 8}, {CPUSec: 24, MaxRSSMB: 400, WallSec: 100}}
	cpu, rss, wall := speedRatios(floor, x)
	if cpu != 21.0/12 || rss != 350.0/200 || wall != 10.0/7 {
		t.Errorf("speedRatios = %v, %v, %v; want %v, %v, %v", cpu, rss, wall, 21.0/12, 350.0/200, 10.0/7)
	}
	if cpu, rss, wall := speedRatios(nil, x); cpu != 0 || rss != 0 || wall != 0 {
		t.Errorf("speedRatios without a base = %v, %v, %v; want zeros", cpu, rss, wall)
	}
}

func TestIsGorootPattern(t *testing.T) {
	for p, want := range map[string]bool{
		"std": true, "cmd": true, "go/...": true, "encoding/json": true, "net/...": true,
		"./...": false, "github.com/x/y/...": false, "example.com/e2e": false, "/abs/dir": false,
	} {
		if got := isGorootPattern(p); got != want {
			t.Errorf("isGorootPattern(%q) = %v, want %v", p, got, want)
		}
	}
}
