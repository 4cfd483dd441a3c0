package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// measured is the outcome of one child process.
type measured struct {
	Stdout, Stderr []byte
	Wall           time.Duration
	MaxRSSKB       int64         // peak resident set of the child (getrusage ru_maxrss)
	CPU            time.Duration // user + system time of the child and its waited-for children (go list, compile)
	ExitCode       int
}

// goEnv is the environment of every go command and tool the harness runs:
// no toolchain switching, no workspace, module mode.
func goEnv(extra ...string) []string {
	env := os.Environ()
	env = append(env, "GOTOOLCHAIN=local", "GOWORK=off", "GO111MODULE=on", "GOFLAGS=-buildvcs=false")
	return append(env, extra...)
}

// run runs name args in dir and measures it. A non-zero exit is not an
// error here (callers decide); failing to start is.
func run(dir string, env []string, name string, args ...string) (*measured, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &errb
	if *flagV {
		logf("(cd %s && %s %s)", dir, name, strings.Join(args, " "))
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	m := &measured{Stdout: out.Bytes(), Stderr: errb.Bytes(), Wall: wall}
	if cmd.ProcessState != nil {
		m.ExitCode = cmd.ProcessState.ExitCode()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			m.MaxRSSKB = ru.Maxrss
			m.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			return m, fmt.Errorf("%s: %v", name, err)
		}
	}
	return m, nil
}

// mustRun runs a command that has to succeed.
func mustRun(dir string, env []string, name string, args ...string) ([]byte, error) {
	m, err := run(dir, env, name, args...)
	if err != nil {
		return nil, err
	}
	if m.ExitCode != 0 {
		out := m.Stderr
		if len(bytes.TrimSpace(out)) == 0 {
			out = m.Stdout // go mod download -json reports its errors there
		}
		return m.Stdout, fmt.Errorf("(cd %s && %s %s): exit %d\n%s", dir, name, strings.Join(args, " "), m.ExitCode, tail(out, 40))
	}
	return m.Stdout, nil
}

// tail returns the last n lines of b.
func tail(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{fmt.Sprintf("... (%d lines cut)", len(lines)-n)}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}
