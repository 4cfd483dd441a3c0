//go:build go1.26

package a

import (
	"encoding/binary"
	"io"
)

// A count decoded from bytes is whatever the input says: a hint from it
// lets a corrupt header ask for gigabytes up front. Silent; the twin with
// a count the caller gives is reported.

type symHeader struct{ Count uint32 }

func symbols(r io.Reader, names []string) map[uint32]string {
	var h symHeader
	if err := binary.Read(r, binary.BigEndian, &h); err != nil {
		return nil
	}
	m := map[uint32]string{}
	for i := range h.Count {
		m[i] = names[i]
	}
	return m
}

func symbolsGiven(h symHeader, names []string) map[uint32]string {
	m := map[uint32]string{} // want `map "m" is filled with up to h.Count entries; make it with make\(map\[uint32\]string, h.Count\)`
	for i := range h.Count {
		m[i] = names[i]
	}
	return m
}
