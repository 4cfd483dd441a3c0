// Package fresh returns new maps; package newmap writes into them.
package fresh

// Defaults returns a new map on every call.
func Defaults() map[string]string {
	m := make(map[string]string)
	m["region"] = "eu"
	return m
}
