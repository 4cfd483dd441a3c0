//go:build go1.26

package a

import (
	"encoding/binary"
	"io"
)

// A count decoded from bytes is whatever the input says: presized, a
// corrupt header asks for gigabytes before the loop would fail on the
// missing data (the standard library caps such counts with
// internal/saferio.SliceCap). Silent; the twins with a count that is not
// decoded are reported.

type header struct {
	N    uint32
	Size uint16
}

// internal/xcoff's shape: a header filled by binary.Read, a local set
// from its field, the loop bounded by it.
func importIDs(r io.Reader, table []byte) ([]string, error) {
	var nimpid uint32
	hdr := new(header)
	if err := binary.Read(r, binary.BigEndian, hdr); err != nil {
		return nil, err
	}
	nimpid = hdr.N
	all := make([]string, 0)
	for i := 1; i < int(nimpid); i++ {
		all = append(all, string(table[i:i+1]))
	}
	return all, nil
}

// Twin: the same loop bounded by a count the caller gives.
func importIDsGiven(nimpid uint32, table []byte) []string {
	all := make([]string, 0) // want `slice "all" gets int\(nimpid\) - 1 appends`
	for i := 1; i < int(nimpid); i++ {
		all = append(all, string(table[i:i+1]))
	}
	return all
}

// The field of a struct that binary.Read fills, used directly.
func direct(r io.Reader) []int {
	var h header
	_ = binary.Read(r, binary.LittleEndian, &h)
	out := []int{}
	for i := range h.Size {
		out = append(out, int(i))
	}
	return out
}

// Twin: a header from elsewhere.
func directGiven(h header) []int {
	out := []int{} // want `slice "out" gets h.Size appends`
	for i := range h.Size {
		out = append(out, int(i))
	}
	return out
}

// A ByteOrder decode and a varint.
func byteOrder(b []byte) ([]uint32, []int) {
	n := binary.BigEndian.Uint32(b)
	out := []uint32{}
	for i := uint32(0); i < n; i++ {
		out = append(out, i)
	}
	m, _ := binary.Uvarint(b[4:])
	ys := []int{}
	for i := range int(m) - 1 {
		ys = append(ys, i)
	}
	return out, ys
}

// Twin: n is the input's length, memory already held.
func byteOrderLen(b []byte) []uint32 {
	n := uint32(len(b))
	out := []uint32{} // want `slice "out" gets n appends`
	for i := uint32(0); i < n; i++ {
		out = append(out, i)
	}
	return out
}
