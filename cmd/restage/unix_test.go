//go:build unix

package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/transform"
)

// TestSpecialFilesAreRefused: a named pipe given as a path used to hang
// for ever waiting for a writer; it, a device and a symlink to one are
// refused before anything opens them. A symlink to a regular file is
// fine (TestWriteThroughSymlink), and so is a pipe on stdin.
func TestSpecialFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "Dockerfile")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	link := filepath.Join(dir, "link.Dockerfile")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	const why = ", not a regular file: give its content on stdin instead (restage - < FILE)\n"
	cases := []struct {
		args   []string
		stderr string
	}{
		{[]string{fifo}, fifo + ": a named pipe" + why},
		{[]string{"-w", link}, link + ": a named pipe" + why},
		{[]string{"-l", os.DevNull}, os.DevNull + ": a character device" + why},
	}
	for _, c := range cases {
		done := make(chan struct{})
		ta := newTestApp()
		var code int
		var out, errs string
		go func() {
			code, out, errs = ta.run(c.args...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("%q: still waiting after 30 s", c.args)
		}
		if code != 2 || out != "" || errs != c.stderr || ta.calls != 0 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q, %d conversions\nwant exit 2, stderr %q", c.args, code, out, errs, ta.calls, c.stderr)
		}
	}
	// A folder holding a named pipe called Dockerfile: the walk skips it.
	ta := newTestApp()
	if code, _, errs := ta.run(dir); code != 2 || errs != dir+": no Dockerfile found\n" {
		t.Errorf("folder with a named pipe: exit %d %q", code, errs)
	}
}

// TestWriteReplacesHardLinks: -w replaces the file with a new one, as the
// help says: the path named gets the result, another hard link to the old
// file keeps the old content.
func TestWriteReplacesHardLinks(t *testing.T) {
	dir := t.TempDir()
	df := filepath.Join(dir, "app", "Dockerfile")
	writeFile(t, df, goDockerfile)
	other := filepath.Join(dir, "copy.Dockerfile")
	if err := os.Link(df, other); err != nil {
		t.Skipf("hard link: %v", err)
	}
	ta := newTestApp()
	if code, _, errs := ta.run("-w", "-q", df); code != 0 {
		t.Fatalf("-w: exit %d %q", code, errs)
	}
	if got := readString(t, df); got == goDockerfile {
		t.Errorf("the file named was not written")
	}
	if got := readString(t, other); got != goDockerfile {
		t.Errorf("the other hard link changed: %q", got)
	}
	if fi, err := os.Stat(other); err != nil || fi.Sys().(*syscall.Stat_t).Nlink != 1 {
		t.Errorf("the other link still shares the file: %v", err)
	}
	ta.run("--help")
	if !strings.Contains(ta.out.String(), "a hard link to it keeps the old content") {
		t.Errorf("--help does not say what -w does to hard links:\n%s", ta.out)
	}
}

// TestSignalRemovesTemporaryFile: SIGINT or SIGTERM during -w removes
// the temporary file of the write under way, leaves the files already
// written and the others as they were, and the program dies of the
// signal. The binary is built with the restage_testhook tag, which stops
// it for good right after it makes its third temporary file (and any
// worker that makes one after), so the signal always comes mid-write.
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
	// What -w writes: the conversion with the file's folder (nothing but
	// the Dockerfile) as the context.
	ref := filepath.Join(dir, "ref", "Dockerfile")
	writeFile(t, ref, in)
	conv := exec.Command(bin, "-q", "--stdin-filename", ref, "-")
	conv.Stdin = strings.NewReader(in)
	out, err := conv.Output()
	if err != nil || string(out) == in {
		t.Fatalf("the conversion of the test file: %v %q", err, out)
	}
	want := string(out)
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
		// Workers write in parallel: of the files whose temporary file came
		// before the third, any may be done. Each file is whole: the input,
		// or the conversion.
		written := 0
		for i := range 20 {
			switch got := readString(t, filepath.Join(tree, fmt.Sprintf("app%02d", i), "Dockerfile")); got {
			case in:
			case want:
				written++
			default:
				t.Errorf("%v: app%02d is neither the input nor the conversion: %q", sig, i, got)
			}
		}
		if written > 2 {
			t.Errorf("%v: %d files written, want at most 2 (those whose temporary file came before the third)", sig, written)
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

// TestOddNamesOnStderr: every stderr line that starts with a path (an
// error, a note, a decline, a config file's error) quotes an odd name as
// -l does, so that a name with a newline or a tab never splits a message
// or shifts its fields; plain names print as they are.
func TestOddNamesOnStderr(t *testing.T) {
	dir := t.TempDir()
	for _, odd := range []string{"new\nline", "tab\there"} {
		writeFile(t, filepath.Join(dir, odd, "a.Dockerfile"), "FROM golang:1.24\nBAD\n")
		writeFile(t, filepath.Join(dir, odd, "b.Dockerfile"), goDockerfile)
		writeFile(t, filepath.Join(dir, odd, "c.Dockerfile"), "FROM NODE\n")
	}
	writeFile(t, filepath.Join(dir, "plain", "a.Dockerfile"), "FROM golang:1.24\nBAD\n")
	// Written out by hand: git's C-style quoting of the whole path.
	q := func(escaped, file string) string { return `"` + dir + "/" + escaped + "/" + file + `"` }
	want := q(`new\nline`, "a.Dockerfile") + ":2: unknown instruction: FORM\n" +
		q(`new\nline`, "b.Dockerfile") + ":1: warning: the tag is not pinned [RS305]\n" +
		q(`new\nline`, "c.Dockerfile") + ": left unchanged: no preset matches base image node:20 [RS207]\n" +
		dir + "/plain/a.Dockerfile:2: unknown instruction: FORM\n" +
		q(`tab\there`, "a.Dockerfile") + ":2: unknown instruction: FORM\n" +
		q(`tab\there`, "b.Dockerfile") + ":1: warning: the tag is not pinned [RS305]\n" +
		q(`tab\there`, "c.Dockerfile") + ": left unchanged: no preset matches base image node:20 [RS207]\n"
	ta := newTestApp()
	for _, args := range [][]string{{"-l", dir}, {dir}, {"-w", dir}} {
		if code, _, errs := ta.run(args...); code != 2 || errs != want {
			t.Errorf("%q: exit %d, stderr\n%s\nwant exit 2, stderr\n%s", args, code, errs, want)
		}
	}
	// With --json the errors alone, on stderr, quoted alike.
	wantJSON := q(`new\nline`, "a.Dockerfile") + ":2: unknown instruction: FORM\n" +
		dir + "/plain/a.Dockerfile:2: unknown instruction: FORM\n" +
		q(`tab\there`, "a.Dockerfile") + ":2: unknown instruction: FORM\n"
	if code, _, errs := ta.run("--json", dir); code != 2 || errs != wantJSON {
		t.Errorf("--json: exit %d, stderr\n%s\nwant\n%s", code, errs, wantJSON)
	}

	// A config file in an odd folder names itself quoted.
	cfgDir := filepath.Join(t.TempDir(), "new\nline")
	writeFile(t, filepath.Join(cfgDir, "Dockerfile"), goDockerfile)
	writeFile(t, filepath.Join(cfgDir, ".restage.yaml"), "runtme: scratch\n")
	code, _, errs := ta.run(filepath.Join(cfgDir, "Dockerfile"))
	if cfg := `"` + filepath.Dir(cfgDir) + `/new\nline/.restage.yaml":1: `; code != 2 || !strings.HasPrefix(errs, cfg) || strings.Count(errs, "\n") != 1 {
		t.Errorf("config error: exit %d, stderr %q\nwant exit 2, one line starting %q", code, errs, cfg)
	}

	// explain's header names the file as stderr does.
	_, out, _ := ta.run("explain", filepath.Join(dir, "tab\there", "b.Dockerfile"))
	if header := q(`tab\there`, "b.Dockerfile") + ": would be rewritten"; !strings.HasPrefix(out, header) {
		t.Errorf("explain: %q\nwant it to start with %q", out, header)
	}
}

// TestProgressQuotesOddNames: the progress line names a file as the
// messages do, so that a newline or an escape sequence in a name never
// breaks the line or reaches the terminal raw.
func TestProgressQuotesOddNames(t *testing.T) {
	var b strings.Builder
	p := &progress{line: textutil.StatusLine{W: &b, Width: 80}, total: 30, now: time.Now}
	p.update(3, "svc/new\nline\x1b[2J/Dockerfile")
	if want := "\r\x1b[Krestage: 3/30 \"svc/new\\nline\\033[2J/Dockerfile\""; b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

// TestSameFileTwice: one file named twice (the same path in two
// spellings, a symlink and its target, a symlinked folder and the real
// one) is converted once, under its first name in path order, on many
// workers: written once, listed once, diffed once. Two hard links are two
// names that -w replaces one by one: each is converted and written. Run
// with -race, which would see two workers writing one file.
func TestSameFileTwice(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "Dockerfile")
	writeFile(t, real, goDockerfile)
	link := filepath.Join(dir, "a.Dockerfile") // sorts before real/
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	linkDir := filepath.Join(dir, "linked")
	if err := os.Symlink(filepath.Join(dir, "real"), linkDir); err != nil {
		t.Fatal(err)
	}
	converted, _ := fakeConvert([]byte(goDockerfile), transform.Options{})
	dotted := filepath.Join(dir, "real", ".", "Dockerfile")
	for _, tc := range []struct {
		paths []string
		first string // the one name each file is shown by
	}{
		{[]string{real, real}, real},
		{[]string{real, dotted, filepath.Join(dir, "real")}, real},
		{[]string{real, link}, link},
		{[]string{link, real}, link},
		{[]string{linkDir, real, link}, link},
		{[]string{dir}, link}, // the tree holds all three names
	} {
		run := func(args ...string) (int, string, string) {
			ta := newTestApp()
			ta.workers = 4
			var calls atomic.Int32
			ta.convert = func(src []byte, opt transform.Options) (*transform.Result, error) {
				calls.Add(1)
				return fakeConvert(src, opt)
			}
			code, out, errs := ta.run(append(args, tc.paths...)...)
			if n := calls.Load(); n != 1 {
				t.Errorf("%q %q: converted %d times, want once", args, tc.paths, n)
			}
			return code, out, errs
		}
		if code, out, errs := run("-l", "-q"); code != 1 || out != tc.first+"\n" || errs != "" {
			t.Errorf("-l %q: exit %d, stdout %q, stderr %q\nwant exit 1, %q", tc.paths, code, out, errs, tc.first+"\n")
		}
		code, out, _ := run("-d", "-q")
		if code != 0 || strings.Count(out, "\n+++ ") != 1 || !strings.Contains(out, "+++ b/"+strings.TrimPrefix(tc.first, "/")+"\n") {
			t.Errorf("-d %q: exit %d, want one diff of %s:\n%s", tc.paths, code, tc.first, out)
		}
		code, out, errs := run("-w", "-q")
		if code != 0 || out != "" || errs != "" {
			t.Errorf("-w %q: exit %d, stdout %q, stderr %q", tc.paths, code, out, errs)
		}
		if got := readString(t, real); got != string(converted.Output) {
			t.Errorf("-w %q: the file holds\n%s", tc.paths, got)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("-w %q: the symlink was replaced", tc.paths)
		}
		writeFile(t, real, goDockerfile)
	}

	// Hard links: two directory entries, each replaced by -w, so each is
	// converted, listed and written; both end up converted.
	hard := filepath.Join(t.TempDir(), "Dockerfile")
	hard2 := filepath.Join(filepath.Dir(hard), "b.Dockerfile")
	writeFile(t, hard, goDockerfile)
	if err := os.Link(hard, hard2); err != nil {
		t.Fatal(err)
	}
	ta := newTestApp()
	ta.workers, ta.convert = 4, fakeConvert
	if code, out, _ := ta.run("-l", hard2, hard); code != 1 || out != hard+"\n"+hard2+"\n" {
		t.Errorf("-l hard links: exit %d, stdout %q", code, out)
	}
	if code, _, errs := ta.run("-w", "-q", hard, hard2); code != 0 || errs != "" {
		t.Errorf("-w hard links: exit %d, stderr %q", code, errs)
	}
	for _, p := range []string{hard, hard2} {
		if got := readString(t, p); got != string(converted.Output) {
			t.Errorf("-w hard links: %s holds\n%s", p, got)
		}
	}
}
