package lost

import (
	"freshlib"
	"net/url"
	"sync"
)

type Config struct{ u *url.URL }

func queryLost(u *url.URL) {
	u.Query()["q"] = []string{"x"} // want `this write is lost: u.Query\(\) returns a new map on every call; assign it to a variable, write to that and use it`
	u.Query().Set("page", "2")     // want `this Set is lost: u.Query\(\) returns a new map on every call`
}

func crossPackage(r *freshlib.Registry) {
	freshlib.Fresh()["a"] = 1          // want `this write is lost: freshlib.Fresh\(\) returns a new map`
	freshlib.Fresh()["a"]++            // want `this write is lost`
	freshlib.Fresh()["a"] += 2         // want `this write is lost`
	freshlib.Filled("k").Add("k", "v") // want `this Add is lost`
	freshlib.Indirect()["a"] = 1       // want `this write is lost`
	freshlib.Built().Add("k")          // want `this Add is lost: freshlib.Built\(\) returns a new map`
	freshlib.Cloned(nil)["a"] = 1      // want `this write is lost`
	freshlib.NewSyncMap().Store(1, 2)  // want `this Store is lost`
	map[string]int{}["a"] = 1          // want `this write is lost: map\[string\]int\{\} is a new map that nothing keeps`
	make(map[string]int)["a"] = 1      // want `this write is lost`
	new(sync.Map).Store(1, 2)          // want `this Store is lost`
	(&sync.Map{}).LoadOrStore(1, 2)    // want `this LoadOrStore is lost`
	local()["a"] = 1                   // want `this write is lost: local\(\) returns a new map`
	(Config{}).params().Set("a", "b")  // want `this Set is lost`
}

func local() map[string]int { // fresh: the lost write above proves it
	m := make(map[string]int, 4)
	m["x"] = 1
	return m
}

func (c Config) params() url.Values { // fresh: the lost Set above proves it
	v := url.Values{}
	v.Set("x", "y")
	return v
}

// Silent below.

func sharedMaps(r *freshlib.Registry, m map[string]int) {
	freshlib.Shared()["a"] = 1
	freshlib.Param(m)["a"] = 1
	r.Get()["a"] = 1
	r.Cached()["a"] = 1
	freshlib.Kept().Add("a")
	freshlib.Sometimes(true)["a"] = 1 // may return nil: not a lost write
}

func deletesAndReads(u *url.URL) {
	delete(u.Query(), "q")
	u.Query().Del("q")
	freshlib.Built().Remove("k")
	_ = freshlib.Built().Has("k")
	_ = u.Query().Get("q")
	freshlib.NewSyncMap().Delete(1)
	_, _ = freshlib.NewSyncMap().Load(1)
}

func keptInVariable(u *url.URL) string {
	q := u.Query()
	q.Set("page", "2")
	return q.Encode()
}

func writtenNeverRead() {
	m := freshlib.Fresh()
	m["a"] = 1 // a local that is written and never read: out of scope
}

func throughInterface(f interface{ Get() map[string]int }) {
	f.Get()["a"] = 1
}

func throughFuncValue(f func() map[string]int) {
	f()["a"] = 1
}
