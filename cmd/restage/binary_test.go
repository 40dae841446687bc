package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
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
// client lives in restage-review.
func TestNoNetworkStackInRestage(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "net/http" || dep == "crypto/tls" {
			t.Errorf("restage links %s", dep)
		}
	}
}

// TestSignalRemovesTemporaryFile: SIGINT or SIGTERM during -w removes
// the temporary file of the write under way, leaves the files already
// written and the others as they were, and the program dies of the
// signal. The binary is built with the restage_testhook tag, which stops
// it for good right after it makes its third temporary file, so the
// signal always comes mid-write.
func TestSignalRemovesTemporaryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "restage")
	if out, err := exec.Command("go", "build", "-tags", "urfave_cli_no_docs,restage_testhook", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const in = "FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n"
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		tree := filepath.Join(dir, sig.String())
		for i := range 20 {
			writeFile(t, filepath.Join(tree, fmt.Sprintf("app%02d", i), "Dockerfile"), in)
		}
		cmd := exec.Command(bin, "-w", "-q", tree)
		cmd.Env = append(os.Environ(), "RESTAGE_TESTHOOK_PAUSE_AT=3")
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stderr).ReadString('\n')
		if !strings.HasPrefix(line, "restage-testhook: made ") {
			cmd.Process.Kill()
			t.Fatalf("%v: the program did not stop at a temporary file: %q %v", sig, line, err)
		}
		temp := strings.TrimSpace(strings.TrimPrefix(line, "restage-testhook: made "))
		if _, err := os.Stat(temp); err != nil {
			t.Fatalf("%v: the temporary file is not there before the signal: %v", sig, err)
		}
		cmd.Process.Signal(sig)
		err = cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("%v: the program ended with %v", sig, err)
		}
		if ws := ee.Sys().(syscall.WaitStatus); !ws.Signaled() || ws.Signal() != sig {
			t.Errorf("%v: the program ended with %v, want death by the signal", sig, ws)
		}
		if l := leftovers(t, tree); len(l) > 0 {
			t.Errorf("%v: temporary files left: %q", sig, l)
		}
		for i := range 20 {
			got := readString(t, filepath.Join(tree, fmt.Sprintf("app%02d", i), "Dockerfile"))
			if written := got != in; written != (i < 2) {
				t.Errorf("%v: app%02d written: %v, want %v (the first two only)", sig, i, written, i < 2)
			}
		}
	}
}

// TestWriteWithoutTemporaryFile: -w in a folder where no file can be
// created (the file itself is writable) names the folder and says why a
// temporary file is needed there. Root may create files anywhere, so as
// root the program runs as user 1000.
func TestWriteWithoutTemporaryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	folder := filepath.Join(dir, "ro")
	df := filepath.Join(folder, "Dockerfile")
	const in = "FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n"
	writeFile(t, df, in)
	cmd := exec.Command(bin, "-w", "-q", df)
	if os.Geteuid() == 0 {
		// User 1000 may go through the test's folders and write the
		// file, but not create one beside it.
		// Only the folders the test made are opened up.
		for d := folder; d != filepath.Dir(filepath.Dir(dir)); d = filepath.Dir(d) {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if fi, err := os.Stat(filepath.Dir(filepath.Dir(dir))); err != nil || fi.Mode().Perm()&0o001 == 0 {
			t.Skip("user 1000 cannot reach the temporary folder")
		}
		if err := os.Chmod(df, 0o666); err != nil {
			t.Fatal(err)
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 1000, Gid: 1000}}
	} else if err := os.Chmod(folder, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(folder, 0o755) })
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Fatalf("exit %v, want 2: %s", err, out)
	}
	want := df + ": writing: cannot create a temporary file in " + folder + ": permission denied" +
		" (the new content is written beside the file, then renamed over it, so that the file is never left half written)\n"
	if string(out) != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
	if got := readString(t, df); got != in {
		t.Errorf("the file changed: %q", got)
	}
}
