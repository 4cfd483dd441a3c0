// Package newmap holds end-to-end cases for the newmap analyzer.
package newmap

import (
	"encoding/json"
	"net/url"

	"example.com/e2e/newmap/fresh"
)

func Counts() *map[string]int {
	return new(map[string]int) // want "new\\(map\\[string\\]int\\) is a pointer to a nil map"
}

func Page(u *url.URL) string {
	u.Query().Set("page", "2") // want "this Set is lost: u.Query\\(\\) returns a new map on every call"
	return u.String()
}

func Override() {
	fresh.Defaults()["region"] = "us" // want "this write is lost: fresh.Defaults\\(\\) returns a new map"
}

func Decode(b []byte) (map[string]any, error) {
	p := new(map[string]any) // filled by the decoder: silent
	err := json.Unmarshal(b, p)
	return *p, err
}

func Query(u *url.URL) string {
	q := u.Query() // kept in a variable: silent
	q.Set("page", "2")
	return q.Encode()
}
