package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
)

// reviewBinary is the program `restage review` runs. The review bot is
// its own binary: its GitHub client links net/http and crypto/tls, whose
// initialisers would slow every plain conversion (measured: +0.6 ms of
// package init, +3 MB), and this binary never talks to the network.
const reviewBinary = "restage-review"

// findReview looks for restage-review next to this executable (how a
// release and `go install ./cmd/...` place it), then on PATH.
func findReview() (string, error) {
	if self, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(self), reviewBinary)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	if p, err := exec.LookPath(reviewBinary); err == nil {
		return p, nil
	}
	return "", errors.New("restage review needs the restage-review program next to restage or on PATH " +
		"(go install github.com/restage/restage/cmd/restage-review@latest)")
}

// reviewCommand runs restage-review with the arguments after "review",
// passing the terminal and the environment through, and takes its exit
// status as its own.
func (a *app) reviewCommand(args []string) int {
	bin, err := findReview()
	if err != nil {
		a.stderr.Write([]byte("restage: " + err.Error() + "\n"))
		return exitError
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = a.stdin, a.stdout, a.stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		a.stderr.Write([]byte("restage: " + err.Error() + "\n"))
		return exitError
	}
	return exitOK
}
