package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildBinary builds the command into dir and returns its path.
func buildBinary(tb testing.TB, dir string) string {
	tb.Helper()
	bin := filepath.Join(dir, "restage")
	if out, err := exec.Command("go", "build", "-tags", "urfave_cli_no_docs", "-o", bin, ".").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestBinary checks main's wiring: real stdin, stdout, stderr and exit
// statuses of the built program.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	df := filepath.Join(dir, "Dockerfile")
	os.WriteFile(df, []byte("FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n"), 0o644)
	run := func(stdin string, args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		if stdin != "" {
			cmd.Stdin = strings.NewReader(stdin)
		}
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), out.String(), errb.String()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, out.String(), errb.String()
	}
	if code, out, errs := run("", "--bogus"); code != 2 || out != "" || !strings.Contains(errs, "-bogus") {
		t.Errorf("--bogus: %d %q %q", code, out, errs)
	}
	if code, _, _ := run("", "version"); code != 0 {
		t.Errorf("version: exit %d", code)
	}
	// Piped stdin with no path: the whole file comes back, converted or not.
	code, out, errs := run("FROM golang\nRUN go build -o /a .\nCMD [\"/a\"]\n", "-q")
	if code != 0 || !strings.HasPrefix(out, "FROM golang") || errs != "" {
		t.Errorf("stdin: %d %q %q", code, out, errs)
	}
	if code, out, _ := run("FROM golang\nFORM x\n"); code != 2 || out != "" {
		t.Errorf("stdin parse error: %d %q", code, out)
	}
	code, out, _ = run("", "-l", "-q", dir)
	if (code != 1 || out != df+"\n") && (code != 0 || out != "") {
		t.Errorf("-l: %d %q", code, out)
	}
}

// TestReviewRunsTheReviewProgram checks that `restage review` hands its
// arguments to restage-review next to it and takes its exit status, and
// says how to get it when it is missing.
func TestReviewRunsTheReviewProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binaries")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	run := func(args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "PATH=", "GITHUB_TOKEN=")
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), string(out)
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, string(out)
	}
	if code, out := run("review"); code != 2 || !strings.Contains(out, "go install github.com/restage/restage/cmd/restage-review") {
		t.Errorf("without restage-review: %d %q", code, out)
	}
	if out, err := exec.Command("go", "build", "-o", filepath.Join(dir, "restage-review"), "../restage-review").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if code, out := run("review", "-h"); code != 0 || !strings.Contains(out, "usage: restage review") {
		t.Errorf("review -h: %d %q", code, out)
	}
	if code, out := run("review", "--check"); code != 2 || !strings.Contains(out, "no token in $GITHUB_TOKEN") {
		t.Errorf("review without a token: %d %q", code, out)
	}
}

// TestNoNetworkStackInRestage keeps the plain command free of net/http
// and crypto/tls, whose initialisers every run would pay: the GitHub
// client lives in restage-review. On Linux package net too: verify's
// probes dial with the socket calls (verify/dial_linux.go).
func TestNoNetworkStackInRestage(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=linux")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "net/http" || dep == "crypto/tls" || dep == "net" {
			t.Errorf("restage links %s", dep)
		}
	}
}

// TestOwnDockerfile checks, without Docker, what e2e's TestImage checks
// first: the repository's Dockerfile is restage's conversion of
// e2e/image/Dockerfile.single with the repository as context. A rule that
// reads restage's own sources differently (CI of 6ed6199: a "/root" in
// them kept the runtime root) fails here in `go test ./...`, not only in
// the Docker suite.
func TestOwnDockerfile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t, t.TempDir())
	single, err := os.ReadFile("../../e2e/image/Dockerfile.single")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-v", "--context", "../..", "-")
	cmd.Stdin = bytes.NewReader(single)
	var notes strings.Builder
	cmd.Stderr = &notes
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("restage: %v\n%s", err, notes.String())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the repository's Dockerfile is not restage's conversion of e2e/image/Dockerfile.single; got:\n%s\nnotes:\n%s", got, notes.String())
	}
}
