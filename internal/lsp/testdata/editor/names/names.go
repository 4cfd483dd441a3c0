// Package names has one makecap finding with a fix, for the editor test.
package names

type User struct{ Name string }

func Names(users []User) []string {
	names := []string{}
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}
