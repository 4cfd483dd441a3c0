// Package freshlib has helpers whose results are, or are not, fresh maps.
package freshlib

import (
	"maps"
	"net/textproto"
	"sync"
)

type Set map[string]struct{}

func (s Set) Add(k string)      { s[k] = struct{}{} } // want Add:`writesReceiver`
func (s Set) Has(k string) bool { _, ok := s[k]; return ok }
func (s Set) Remove(k string)   { delete(s, k) }

// Fresh returns a new map.
func Fresh() map[string]int { return map[string]int{} } // want Fresh:`freshResults\(1\)`

// Filled makes and fills a map before returning it.
func Filled(k string) Header { // want Filled:`freshResults\(1\)`
	h := make(Header)
	h.Set(k, "v")
	return h
}

// Indirect returns what Fresh returns.
func Indirect() map[string]int { return Fresh() } // want Indirect:`freshResults\(1\)`

// Built returns a fresh map from a two-result helper.
func Built() Set { // want Built:`freshResults\(1\)`
	s, _ := build()
	return s
}

func build() (Set, error) { // want build:`freshResults\(1\)`
	s := Set{}
	fill(s)
	return s, nil
}

func fill(s Set) { s["x"] = struct{}{} } // want fill:`keepsNoArg\(1\)`

// Cloned returns a copy.
func Cloned(m map[string]int) map[string]int { return maps.Clone(m) } // want Cloned:`freshResults\(1\)`

// NewSyncMap returns a new sync.Map.
func NewSyncMap() *sync.Map { return new(sync.Map) } // want NewSyncMap:`freshResults\(1\)`

var cache = map[string]int{}

// Shared returns a package-level map: not fresh.
func Shared() map[string]int { return cache }

// Param returns its argument: not fresh.
func Param(m map[string]int) map[string]int { return m }

type Registry struct{ m map[string]int }

// Get returns a field: not fresh.
func (r *Registry) Get() map[string]int { return r.m }

// Cached stores the new map before returning it: not fresh.
func (r *Registry) Cached() map[string]int {
	m := map[string]int{}
	r.m = m
	return m
}

var kept []Set

// Kept hands the map to a function that keeps it: not fresh.
func Kept() Set {
	s := Set{}
	keep(s)
	return s
}

func keep(s Set) { kept = append(kept, s) }

// Sometimes may return nil: not fresh.
func Sometimes(ok bool) map[string]int {
	if ok {
		return map[string]int{}
	}
	return nil
}

// Header writes through a conversion to another named map type, as
// net/http.Header does.
type Header map[string][]string

func (h Header) Add(k, v string) { textproto.MIMEHeader(h).Add(k, v) } // want Add:`writesReceiver`
func (h Header) Set(k, v string) { textproto.MIMEHeader(h).Set(k, v) } // want Set:`writesReceiver`
func (h Header) Del(k string)    { textproto.MIMEHeader(h).Del(k) }

type Config struct{ name string }

// A method can return a fresh map too, filled first.
func (c Config) Params() Header { // want Params:`freshResults\(1\)`
	h := Header{}
	h.Set("name", c.name)
	return h
}
