// Package makecap is the end-to-end sample of the makecap analyzer.
package makecap

type User struct{ Name string }

func Names(users []User) []string {
	names := []string{} // want `slice "names" gets len\(users\) appends; make it with make\(\[\]string, 0, len\(users\)\)`
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func Squares(n int) []int {
	var sq []int // want `slice "sq" gets n appends`
	for i := 0; i < n; i++ {
		sq = append(sq, i*i)
	}
	return sq
}

func Copy(users []User) []User {
	out := make([]User, len(users)) // want `slice "out" is made with length len\(users\) and then appended to`
	for _, u := range users {
		out = append(out, u)
	}
	return out
}

func NonEmpty(users []User) []string {
	names := []string{} // conditional append: silent
	for _, u := range users {
		if u.Name != "" {
			names = append(names, u.Name)
		}
	}
	return names
}
