// Package nolint holds one finding twice: plugin/e2e_test.go checks that
// golangci-lint reports the first and that //nolint:maplint silences the
// second. maplint itself knows no nolint comments, so for the CLI both
// lines are findings (hence a want comment on each).
package nolint

func Lost() {
	make(map[string]int)["a"] = 1 // want `this write is lost`
	make(map[string]int)["b"] = 1 //nolint:maplint // want `this write is lost`
}
