package b

import (
	"net/url"

	"example.com/fl/a"
	"example.com/fl/d"
)

func Fresh2() map[string]int { return a.Fresh() }

func Lost(u *url.URL) int {
	a.Fresh()["x"] = 1      // lost: fact from a
	a.Kept()["x"] = 1       // silent: a.Kept returns a shared map
	u.Query().Set("p", "2") // lost: fact from net/url
	return d.N()
}
