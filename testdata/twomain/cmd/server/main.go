// Command server is half of internal/hot's two-main-packages test: it and
// cmd/worker both have main.process in a main.go, on the same lines.
// With MAPLINT_CPUPROFILE set it profiles itself running process.
package main

import (
	"os"
	"runtime/pprof"
)

func process(n int) []int {
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, i*i)
	}
	return out
}

func main() {
	if file := os.Getenv("MAPLINT_CPUPROFILE"); file != "" {
		f, err := os.Create(file)
		if err != nil {
			panic(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			panic(err)
		}
		defer pprof.StopCPUProfile()
	}
	sum := 0
	for range 100 {
		sum += len(process(100_000))
	}
	os.Stdout.WriteString("server\n")
	_ = sum
}
