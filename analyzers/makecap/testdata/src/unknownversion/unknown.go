// Package unknownversion has no Go version (analysistest loads it in
// GOPATH mode, without a go.mod or a //go:build line): as x/tools'
// FileUsesGoVersion does, maplint takes it as older than Go 1.21, so no
// fix writes max.
package unknownversion

func Signed(lo, hi int) []int {
	out := []int{} // want `^slice "out" gets hi - lo \+ 1 appends; make it with capacity hi - lo \+ 1 \(not fixed automatically: max needs Go 1.21 and this file's Go version is older\)$`
	for e := lo; e <= hi; e++ {
		out = append(out, e)
	}
	return out
}

// Plain needs no Go 1.21 builtin: fixed whatever the version.
func Plain(xs []string) []string {
	out := []string{} // want `^slice "out" gets len\(xs\) appends; make it with make\(\[\]string, 0, len\(xs\)\)$`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}
