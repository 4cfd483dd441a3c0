// An external test package: an internal one would make go list analyze
// package makecap twice (as itself and as its test variant).
package makecap_test

import (
	"testing"

	"example.com/e2e/makecap"
)

// In tests, a missing capacity is silent by default (-makecap.tests
// reports it); a length then append is a bug and is reported.
func TestNames(t *testing.T) {
	users := fixtures() // not a literal: a 2-element table would be silent anyway
	var names []string // silent: a test file (-makecap.tests reports it)
	for _, u := range users {
		names = append(names, u.Name)
	}
	conns := make([]makecap.User, len(users)) // want `slice "conns" is made with length len\(users\) and then appended to`
	for _, u := range users {
		conns = append(conns, u)
	}
	if len(names) != len(conns) {
		t.Fatal(names, conns)
	}
}

func fixtures() []makecap.User { return []makecap.User{{Name: "a"}, {Name: "b"}} }
