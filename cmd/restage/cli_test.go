package main

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/restage/restage/presets"
	"github.com/restage/restage/transform"
)

// fakeConvert decides by the input's content, so one run can see every
// outcome: "BAD" is a parse error on line 2, "NODE" is declined, "SAME"
// needs no change, "PANIC" panics; anything else gets a line appended,
// with two notes and the fields explain shows.
func fakeConvert(src []byte, opt transform.Options) (*transform.Result, error) {
	s := string(src)
	switch {
	case strings.Contains(s, "BAD"):
		return nil, &transform.Error{Line: 2, Msg: "unknown instruction: FORM"}
	case strings.Contains(s, "NODE"):
		return &transform.Result{Output: src, Declined: "no preset matches base image node:20", DeclineCode: "RS207"}, nil
	case strings.Contains(s, "SAME"):
		return &transform.Result{Output: src}, nil
	case strings.Contains(s, "PANIC"):
		panic("index out of range")
	}
	out := append(append([]byte(nil), src...), "\nFROM scratch\nCOPY --from=build /app /app\n"...)
	return &transform.Result{
		Output:        out,
		Changed:       true,
		Preset:        "go",
		Evidence:      []transform.Evidence{{Line: 1, What: "base image golang:1.24 matches golang"}},
		BuilderImage:  "golang:1.24",
		BuilderStage:  "build",
		Runtime:       "scratch",
		RuntimeFlavor: "scratch",
		RuntimeWhy:    "an empty image",
		Artifacts:     []string{"/app"},
		Moves:         []transform.Move{{Line: 3, Instruction: "CMD", To: "runtime", Why: "run-time setting"}},
		Notes: []transform.Note{
			{Line: 1, Code: "RS305", Level: transform.Warning, Message: "the tag is not pinned"},
			{Code: "RS119", Level: transform.Info, Message: "the original image ran as root"},
		},
		Size: &transform.Size{Before: 874, After: 2.25},
	}, nil
}

const goDockerfile = "FROM golang:1.24\nRUN go build -o /app .\nCMD [\"/app\"]\n"

type testApp struct {
	*app
	out, errb *bytes.Buffer
	opts      []transform.Options // what the converter was given
	calls     int
}

func newTestApp() *testApp {
	ta := &testApp{out: new(bytes.Buffer), errb: new(bytes.Buffer)}
	ta.app = &app{
		convert: func(src []byte, opt transform.Options) (*transform.Result, error) {
			ta.calls++
			ta.opts = append(ta.opts, opt)
			return fakeConvert(src, opt)
		},
		presets: presets.Builtin,
		stdin:   strings.NewReader(""),
		stdout:  ta.out,
		stderr:  ta.errb,
		// The fake converter records its calls in order; the parallel
		// path has tests of its own (TestParallel...).
		workers: 1,
	}
	return ta
}

// run runs the command and returns its exit status, stdout and stderr.
func (ta *testApp) run(args ...string) (int, string, string) {
	ta.out.Reset()
	ta.errb.Reset()
	code := ta.app.run(args)
	return code, ta.out.String(), ta.errb.String()
}

// runStdin runs the command with input piped to it.
func (ta *testApp) runStdin(input string, args ...string) (int, string, string) {
	ta.stdin = strings.NewReader(input)
	ta.stdinIsPipe = true
	return ta.run(args...)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// leftovers lists the files in dir whose name says they are temporary.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".restage-") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func TestFolderWithoutDockerfile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "README.md"), "hi\n")
	writeFile(t, filepath.Join(dir, "vendor", "Dockerfile"), goDockerfile)
	ta := newTestApp()
	code, out, errs := ta.run(dir)
	if code != 2 || out != "" || errs != dir+": no Dockerfile found\n" {
		t.Errorf("got %d %q %q", code, out, errs)
	}
}

func TestDefaultIsDiff(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Dockerfile")
	writeFile(t, p, goDockerfile)
	writeFile(t, filepath.Join(dir, "same.Dockerfile"), "FROM SAME\n")
	writeFile(t, filepath.Join(dir, "node.Dockerfile"), "FROM NODE\n")
	ta := newTestApp()
	code, out, errs := ta.run(dir)
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	wantDiff := "--- a" + p + "\n+++ b" + p + "\n@@ -1,3 +1,6 @@\n FROM golang:1.24\n RUN go build -o /app .\n CMD [\"/app\"]\n+\n+FROM scratch\n+COPY --from=build /app /app\n"
	if out != wantDiff {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, wantDiff)
	}
	// Info notes only with -v.
	wantErr := p + ":1: warning: the tag is not pinned [RS305]\n" +
		filepath.Join(dir, "node.Dockerfile") + ": left unchanged: no preset matches base image node:20 [RS207]\n"
	if errs != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", errs, wantErr)
	}
	_, _, errs = ta.run("-v", dir)
	wantErr = p + ":1: warning: the tag is not pinned [RS305]\n" +
		p + ": info: the original image ran as root [RS119]\n" +
		filepath.Join(dir, "node.Dockerfile") + ": left unchanged: no preset matches base image node:20 [RS207]\n"
	if errs != wantErr {
		t.Errorf("stderr with -v:\n%s\nwant:\n%s", errs, wantErr)
	}

	// -d is the same; -q silences notes and declines.
	code, out2, errs := ta.run("-d", "-q", dir)
	if code != 0 || out2 != out || errs != "" {
		t.Errorf("-d -q: %d %q %q", code, out2, errs)
	}
}

func TestRelativePathsInDiff(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "svc", "Dockerfile"), goDockerfile)
	t.Chdir(dir)
	ta := newTestApp()
	_, out, _ := ta.run("-q", ".")
	if !strings.HasPrefix(out, "--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n@@ ") {
		t.Errorf("diff headers: %q", out)
	}
}

func TestListAndCheck(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b", "Dockerfile"), goDockerfile)
	writeFile(t, filepath.Join(dir, "a", "Dockerfile"), goDockerfile)
	writeFile(t, filepath.Join(dir, "c", "Dockerfile"), "FROM SAME\n")
	writeFile(t, filepath.Join(dir, "d", "Dockerfile"), "FROM NODE\n")
	want := filepath.Join(dir, "a", "Dockerfile") + "\n" + filepath.Join(dir, "b", "Dockerfile") + "\n"
	ta := newTestApp()
	for _, args := range [][]string{
		{"-l", dir}, {dir, "-l"}, {"--check", dir}, {dir, "--check"}, {"-q", "-l", dir},
	} {
		code, out, _ := ta.run(args...)
		if code != 1 || out != want {
			t.Errorf("%q: exit %d, stdout %q; want 1, %q", args, code, out, want)
		}
	}
	// Nothing to change: exit 0, no output.
	for _, args := range [][]string{{"-l", filepath.Join(dir, "c")}, {"--check", filepath.Join(dir, "c"), filepath.Join(dir, "d")}} {
		code, out, _ := ta.run(args...)
		if code != 0 || out != "" {
			t.Errorf("%q: exit %d, stdout %q", args, code, out)
		}
	}
	// The files are not touched.
	if got := readString(t, filepath.Join(dir, "a", "Dockerfile")); got != goDockerfile {
		t.Errorf("-l changed a file: %q", got)
	}
	// -l -d prints both.
	code, out, _ := ta.run("-l", "-d", filepath.Join(dir, "a"))
	if code != 1 || !strings.HasPrefix(out, filepath.Join(dir, "a", "Dockerfile")+"\n--- a") {
		t.Errorf("-l -d: %d %q", code, out)
	}
}

func TestWriteInPlace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Dockerfile")
	writeFile(t, p, goDockerfile)
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	q := filepath.Join(dir, "sub", "app.Dockerfile")
	writeFile(t, q, goDockerfile)
	if err := os.Chmod(q, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "same.Dockerfile"), "FROM SAME\n")
	sameInfo, _ := os.Stat(filepath.Join(dir, "same.Dockerfile"))

	ta := newTestApp()
	code, out, errs := ta.run(dir, "-w", "-q") // flags after the path work
	if code != 0 || out != "" || errs != "" {
		t.Fatalf("-w: exit %d, %q, %q", code, out, errs)
	}
	want, _ := fakeConvert([]byte(goDockerfile), transform.Options{})
	for path, mode := range map[string]os.FileMode{p: 0o640, q: 0o755} {
		if got := readString(t, path); got != string(want.Output) {
			t.Errorf("%s: %q", path, got)
		}
		fi, _ := os.Stat(path)
		if fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %v, want %v", path, fi.Mode().Perm(), mode)
		}
	}
	// An unchanged file is not rewritten.
	if fi, _ := os.Stat(filepath.Join(dir, "same.Dockerfile")); !os.SameFile(fi, sameInfo) || !fi.ModTime().Equal(sameInfo.ModTime()) {
		t.Errorf("an unchanged file was rewritten")
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %q", l)
	}

	// -l -w lists what it wrote and exits 0: the work is done.
	writeFile(t, p, goDockerfile)
	code, out, _ = ta.run("-l", "-w", "-q", p)
	if code != 0 || out != p+"\n" {
		t.Errorf("-l -w: %d %q", code, out)
	}
}

func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "Dockerfile")
	writeFile(t, target, goDockerfile)
	link := filepath.Join(dir, "Dockerfile")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	ta := newTestApp()
	if code, _, errs := ta.run("-w", "-q", link); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced by a file")
	}
	if got := readString(t, target); !strings.HasSuffix(got, "FROM scratch\nCOPY --from=build /app /app\n") {
		t.Errorf("target not rewritten: %q", got)
	}
}

func TestWriteLeavesFileOnErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.Dockerfile")
	writeFile(t, bad, "FROM golang\nBAD\n")
	good := filepath.Join(dir, "good.Dockerfile")
	writeFile(t, good, goDockerfile)
	before, _ := os.Stat(bad)

	// A parse error: the file is untouched, the other file is written.
	ta := newTestApp()
	code, _, errs := ta.run("-w", "-q", dir)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if errs != bad+":2: unknown instruction: FORM\n" {
		t.Errorf("stderr %q", errs)
	}
	if got := readString(t, bad); got != "FROM golang\nBAD\n" {
		t.Errorf("bad file changed: %q", got)
	}
	if after, _ := os.Stat(bad); !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("bad file rewritten")
	}
	if got := readString(t, good); got == goDockerfile {
		t.Errorf("good file not written after the error")
	}

}

func TestStdinContract(t *testing.T) {
	ta := newTestApp()

	// Converted: the whole new file on stdout, notes on stderr.
	code, out, errs := ta.runStdin(goDockerfile)
	want, _ := fakeConvert([]byte(goDockerfile), transform.Options{})
	if code != 0 || out != string(want.Output) {
		t.Errorf("convert: exit %d, stdout %q", code, out)
	}
	if errs != "<stdin>:1: warning: the tag is not pinned [RS305]\n" {
		t.Errorf("convert: stderr %q", errs)
	}
	if ta.opts[len(ta.opts)-1].Context != nil {
		t.Errorf("stdin without --context got a build context")
	}

	// Declined: the input unchanged, exit 0, the reason on stderr.
	code, out, errs = ta.runStdin("FROM NODE\n", "-", "--stdin-filename", "web/Dockerfile")
	if code != 0 || out != "FROM NODE\n" || errs != "web/Dockerfile: left unchanged: no preset matches base image node:20 [RS207]\n" {
		t.Errorf("decline: %d %q %q", code, out, errs)
	}

	// Parse error: nothing on stdout, path:line: message, exit 2.
	code, out, errs = ta.runStdin("FROM golang\nBAD\n")
	if code != 2 || out != "" || errs != "<stdin>:2: unknown instruction: FORM\n" {
		t.Errorf("parse error: %d %q %q", code, out, errs)
	}

	// -q keeps stderr empty.
	code, _, errs = ta.runStdin(goDockerfile, "-q")
	if code != 0 || errs != "" {
		t.Errorf("-q: %d %q", code, errs)
	}

	// -d, -l and --check work on stdin too; -w does not.
	if code, out, _ := ta.runStdin(goDockerfile, "-d", "-q"); code != 0 || !strings.HasPrefix(out, "--- a/<stdin>\n+++ b/<stdin>\n@@ -1,3 +1,6 @@\n") {
		t.Errorf("-d: %d %q", code, out)
	}
	if code, out, _ := ta.runStdin(goDockerfile, "-l", "-q"); code != 1 || out != "<stdin>\n" {
		t.Errorf("-l: %d %q", code, out)
	}
	if code, out, _ := ta.runStdin(goDockerfile, "-w", "-"); code != 2 || out != "" {
		t.Errorf("-w on stdin: %d %q", code, out)
	}

	// --context gives stdin a build context.
	ctx := t.TempDir()
	writeFile(t, filepath.Join(ctx, "go.mod"), "module example.com/x\n")
	ta.runStdin(goDockerfile, "--context", ctx)
	if c := ta.opts[len(ta.opts)-1].Context; c == nil {
		t.Errorf("--context not passed")
	} else if b, err := fs.ReadFile(c, "go.mod"); err != nil || string(b) != "module example.com/x\n" {
		t.Errorf("--context: go.mod %q %v", b, err)
	}

	// --stdin-filename names where the buffer lives (what an editor passes):
	// its folder is the build context and where .restage.yaml is looked
	// for, as for the file itself; --context still wins.
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "") // the config lookup stops here
	writeFile(t, filepath.Join(dir, configName), "runtime: alpine\n")
	writeFile(t, filepath.Join(dir, "app", "go.mod"), "module example.com/app\n")
	name := filepath.Join(dir, "app", "Dockerfile")
	ta.runStdin(goDockerfile, "--stdin-filename", name, "-")
	opt := ta.opts[len(ta.opts)-1]
	if opt.Context == nil {
		t.Errorf("--stdin-filename: no build context")
	} else if b, err := fs.ReadFile(opt.Context, "go.mod"); err != nil || string(b) != "module example.com/app\n" {
		t.Errorf("--stdin-filename: go.mod %q %v", b, err)
	}
	if opt.Runtime != "alpine" {
		t.Errorf("--stdin-filename: runtime %q, want alpine from %s", opt.Runtime, configName)
	}
	ta.runStdin(goDockerfile, "--stdin-filename", name, "--context", ctx, "-")
	if b, err := fs.ReadFile(ta.opts[len(ta.opts)-1].Context, "go.mod"); err != nil || string(b) != "module example.com/x\n" {
		t.Errorf("--context with --stdin-filename: go.mod %q %v", b, err)
	}
	// A name in a folder that does not exist (a buffer never saved) reads
	// nothing from disk.
	ta.runStdin(goDockerfile, "--stdin-filename", filepath.Join(dir, "nowhere", "Dockerfile"), "-")
	if ta.opts[len(ta.opts)-1].Context != nil {
		t.Errorf("--stdin-filename in a missing folder got a build context")
	}

	// "-" reads stdin even when it is a terminal; no path and a terminal
	// prints usage and exits 2.
	ta.stdin, ta.stdinIsPipe = strings.NewReader(goDockerfile), false
	if code, out, _ := ta.run("-", "-q"); code != 0 || out != string(want.Output) {
		t.Errorf("explicit -: %d %q", code, out)
	}
	code, out, errs = ta.run()
	if code != 2 || out != "" || !strings.HasPrefix(errs, "usage: restage") {
		t.Errorf("no input: %d %q %q", code, out, errs)
	}
	// "-" with other paths is an error.
	if code, _, _ := ta.runStdin(goDockerfile, "-", "Dockerfile"); code != 2 {
		t.Errorf("- with a path: exit %d", code)
	}
}

func TestOptionsReachTheEngine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "svc", "Dockerfile")
	writeFile(t, p, goDockerfile)
	writeFile(t, filepath.Join(dir, "svc", "go.mod"), "module svc\n")
	writeFile(t, filepath.Join(dir, "go.mod"), "module root\n")
	ta := newTestApp()
	ta.run("-q", p, "--runtime", "alpine", "--preset", "go", "--fit-healthcheck")
	o := ta.opts[0]
	if o.Runtime != "alpine" || o.Preset != "go" || !o.FitHealthcheck {
		t.Errorf("options: %+v", o)
	}
	if b, _ := fs.ReadFile(o.Context, "go.mod"); string(b) != "module svc\n" {
		t.Errorf("default context is not the Dockerfile's folder: go.mod %q", b)
	}
	ta.run("-q", "--context", dir, p)
	if b, _ := fs.ReadFile(ta.opts[1].Context, "go.mod"); string(b) != "module root\n" {
		t.Errorf("--context: go.mod %q", b)
	}
}

func TestManyFilesWorstStatusWins(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.Dockerfile"), goDockerfile)
	writeFile(t, filepath.Join(dir, "b.Dockerfile"), "FROM golang\nBAD\n")
	writeFile(t, filepath.Join(dir, "c.Dockerfile"), goDockerfile)
	writeFile(t, filepath.Join(dir, "d.Dockerfile"), "FROM SAME\n")
	missing := filepath.Join(dir, "zz", "Dockerfile")
	ta := newTestApp()

	// Errors do not stop the run: a and c are still listed; exit 2 beats 1.
	code, out, errs := ta.run("-l", "-q", dir, missing)
	want := filepath.Join(dir, "a.Dockerfile") + "\n" + filepath.Join(dir, "c.Dockerfile") + "\n"
	if code != 2 || out != want {
		t.Errorf("-l: exit %d, stdout %q", code, out)
	}
	wantErr := filepath.Join(dir, "b.Dockerfile") + ":2: unknown instruction: FORM\n" + missing + ": no such file or directory\n"
	if errs != wantErr {
		t.Errorf("stderr %q, want %q", errs, wantErr)
	}
	// Only changes: 1. Changes shown as a diff: 0. A diff and an error: 2.
	if code, _, _ := ta.run("-l", filepath.Join(dir, "a.Dockerfile"), filepath.Join(dir, "d.Dockerfile")); code != 1 {
		t.Errorf("-l changes only: exit %d", code)
	}
	if code, _, _ := ta.run(filepath.Join(dir, "a.Dockerfile"), filepath.Join(dir, "d.Dockerfile")); code != 0 {
		t.Errorf("diff only: exit %d", code)
	}
	code, out, _ = ta.run("-q", filepath.Join(dir, "c.Dockerfile"), filepath.Join(dir, "b.Dockerfile"))
	if code != 2 || !strings.Contains(out, "+++ b"+filepath.Join(dir, "c.Dockerfile")) {
		t.Errorf("diff and error: exit %d, %q", code, out)
	}
}

func TestBadInputNeverPanics(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "binary.Dockerfile")
	if err := os.WriteFile(bin, []byte("FROM golang\n\x00\x01\x02\xff\xfe"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.Dockerfile")
	writeFile(t, big, "FROM golang\n"+strings.Repeat("# padding\n", 200_000)) // 2 MB
	panics := filepath.Join(dir, "panic.Dockerfile")
	writeFile(t, panics, "FROM PANIC\n")
	notUTF8 := filepath.Join(dir, "latin1.Dockerfile")
	writeFile(t, notUTF8, "FROM SAME\n# caf\xe9\n")

	ta := newTestApp()
	cases := []struct {
		args    []string
		code    int
		stderr  string
		convert bool // whether the converter may be called
	}{
		{[]string{bin}, 2, bin + ": binary data (a NUL byte at offset 12), not a Dockerfile\n", false},
		{[]string{big}, 2, big + ": larger than 1 MiB (--max-size)\n", false},
		{[]string{"--max-size", "512KiB", big}, 2, big + ": larger than 512 KiB (--max-size)\n", false},
		{[]string{filepath.Join(dir, "nope")}, 2, filepath.Join(dir, "nope") + ": no such file or directory\n", false},
		{[]string{"nope"}, 2, "nope: no such file or directory (not a file; the commands are explain, verify, lsp, report, presets, review and version)\n", false},
		{[]string{panics}, 2, panics + ": internal error in the converter: index out of range (please report this with the Dockerfile)\n", true},
		{[]string{notUTF8}, 0, "", true},
	}
	for _, c := range cases {
		ta.calls = 0
		code, out, errs := ta.run(c.args...)
		if code != c.code || errs != c.stderr || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q\nwant exit %d, stderr %q", c.args, code, out, errs, c.code, c.stderr)
		}
		if !c.convert && ta.calls > 0 {
			t.Errorf("%q: the converter was called", c.args)
		}
	}
	// A larger limit lets the big file through.
	if code, _, errs := ta.run("-q", "--max-size", "2MiB", big); code != 0 {
		t.Errorf("--max-size 2MiB: exit %d %q", code, errs)
	}
	if code, _, errs := ta.run("-q", "--max-size", "3000000", big); code != 0 {
		t.Errorf("--max-size in bytes: exit %d %q", code, errs)
	}
}

// endless is an input that never ends.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestStdinSizeLimitStopsReading(t *testing.T) {
	ta := newTestApp()
	in := &endless{}
	ta.stdin, ta.stdinIsPipe = in, true
	code, out, errs := ta.run("--max-size", "64KiB")
	if code != 2 || out != "" || errs != "<stdin>: larger than 64 KiB (--max-size)\n" {
		t.Errorf("exit %d, %q, %q", code, out, errs)
	}
	if in.n > 1<<20 {
		t.Errorf("read %d bytes for a 64 KiB limit", in.n)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "Dockerfile"), goDockerfile)
	ta := newTestApp()
	builtin, err := presets.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var known []string
	for _, p := range builtin {
		known = append(known, p.Name)
	}
	cases := map[string][]string{
		"flag provided but not defined: -bogus":                            {"--bogus", dir},
		`--runtime "tiny": want one of distroless`:                         {"--runtime", "tiny", dir},
		`unknown preset "rust" (known: ` + strings.Join(known, ", ") + `)`: {"--preset", "rust", dir},
		`--color "pink"`:                                   {"--color", "pink", dir},
		"--check and -w cannot be used together":           {"--check", "-w", dir},
		"--json cannot be used with -l or -d":              {"--json", "-l", dir},
		`--format "xml": want diff, json, sarif or rdjson`: {"--format", "xml", dir},
		"--json cannot be used with --format sarif":        {"--json", "--format", "sarif", dir},
		"--format rdjson cannot be used with -l or -d":     {"--format", "rdjson", "-d", dir},
		"--format sarif cannot be used with -w":            {"--format", "sarif", "-w", dir},
		"--max-size":                                       {"--max-size", "lots", dir},
		"--context":                                        {"--context", filepath.Join(dir, "nope"), dir},
		"not defined: -w":                                  {"-w", "explain", dir},
	}
	for want, args := range cases {
		code, out, errs := ta.run(args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %q", args, code, out)
		}
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if !strings.Contains(lines[0], want) || len(lines) != 2 || lines[1] != "Run 'restage --help' for usage." {
			t.Errorf("%q: stderr %q, want one line with %q and the hint", args, errs, want)
		}
	}
	if ta.calls != 0 {
		t.Errorf("the converter ran despite usage errors")
	}
}

func TestHelpAndVersion(t *testing.T) {
	ta := newTestApp()
	code, out, _ := ta.run("--help")
	if code != 0 || !strings.Contains(out, "restage [flags] [path ...]") || !strings.Contains(out, "./explain") {
		t.Errorf("--help: %d %q", code, out)
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := ta.run(args...)
		if code != 0 || !strings.HasPrefix(out, "restage ") || strings.Count(out, "\n") != 1 {
			t.Errorf("%q: %d %q", args, code, out)
		}
	}
}

func TestFilesNamedLikeCommands(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"explain", "presets", "version"} {
		writeFile(t, filepath.Join(dir, name), goDockerfile)
	}
	t.Chdir(dir)
	ta := newTestApp()
	code, out, _ := ta.run("-l", "-q", "./explain", "./presets", "./version")
	if code != 1 || out != "./explain\n./presets\n./version\n" {
		t.Errorf("./name: exit %d, %q", code, out)
	}
	code, out, _ = ta.run("-l", "-q", "--", "explain")
	if code != 1 || out != "./explain\n" {
		t.Errorf("-- explain: exit %d, %q", code, out)
	}
	// As the first path, "explain" is the command.
	code, out, _ = ta.run("explain", "./explain")
	if code != 0 || !strings.HasPrefix(out, "./explain: would be rewritten") {
		t.Errorf("explain ./explain: exit %d, %q", code, out)
	}
}

func TestColor(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Dockerfile")
	writeFile(t, p, goDockerfile)
	ta := newTestApp()
	env := map[string]string{}
	ta.getenv = func(k string) string { return env[k] }
	colored := func(args ...string) bool {
		_, out, _ := ta.run(append([]string{"-q"}, args...)...)
		return strings.Contains(out, "\x1b[")
	}
	if colored(p) {
		t.Errorf("coloured without a terminal")
	}
	if !colored("--color", "always", p) {
		t.Errorf("--color always: no colour")
	}
	ta.stdoutIsTerminal = true
	if !colored(p) {
		t.Errorf("terminal: no colour")
	}
	if colored("--color", "never", p) {
		t.Errorf("--color never: colour")
	}
	env["NO_COLOR"] = "1"
	if colored(p) {
		t.Errorf("NO_COLOR: colour")
	}
	// -l output is never coloured.
	env["NO_COLOR"] = ""
	if colored("-l", p) {
		t.Errorf("-l: colour")
	}
}

func TestJSON(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.Dockerfile"), goDockerfile)
	writeFile(t, filepath.Join(dir, "b.Dockerfile"), "FROM golang\nBAD\n")
	writeFile(t, filepath.Join(dir, "c.Dockerfile"), "FROM NODE\n")
	writeFile(t, filepath.Join(dir, "d.Dockerfile"), "FROM SAME\n")
	ta := newTestApp()
	code, out, errs := ta.run("--json", dir)
	if code != 2 {
		t.Errorf("exit %d, want 2 (one file has an error)", code)
	}
	if errs != filepath.Join(dir, "b.Dockerfile")+":2: unknown instruction: FORM\n" {
		t.Errorf("stderr %q: notes belong in the JSON", errs)
	}
	if !strings.HasPrefix(out, "[\n  {\n    \"path\": ") {
		t.Errorf("not an array of objects starting with path: %q", out[:min(40, len(out))])
	}
	var got []struct {
		Path     string `json:"path"`
		Status   string `json:"status"`
		Error    string `json:"error"`
		Line     int    `json:"line"`
		Diff     string `json:"diff"`
		Changed  bool   `json:"changed"`
		Declined string `json:"declined"`
		DeclCode string `json:"decline_code"`
		Preset   string `json:"preset"`
		Runtime  string `json:"runtime"`
		Notes    []transform.Note
		Moves    []transform.Move
		Size     *transform.Size `json:"size_estimate"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got) != 4 {
		t.Fatalf("%d records, want 4", len(got))
	}
	statuses := []string{got[0].Status, got[1].Status, got[2].Status, got[3].Status}
	if !slices.Equal(statuses, []string{"changed", "error", "declined", "unchanged"}) {
		t.Errorf("statuses %q", statuses)
	}
	a := got[0]
	if a.Path != filepath.Join(dir, "a.Dockerfile") || !a.Changed || a.Preset != "go" || a.Runtime != "scratch" ||
		len(a.Notes) != 2 || a.Notes[0].Code != "RS305" || a.Notes[1].Code != "RS119" || len(a.Moves) != 1 || a.Size == nil || a.Size.Before != 874 || !strings.HasPrefix(a.Diff, "--- a") {
		t.Errorf("changed record: %+v", a)
	}
	if b := got[1]; b.Error != "unknown instruction: FORM" || b.Line != 2 || b.Preset != "" {
		t.Errorf("error record: %+v", b)
	}
	if c := got[2]; c.Declined != "no preset matches base image node:20" || c.DeclCode != "RS207" || c.Diff != "" {
		t.Errorf("declined record: %+v", c)
	}
	// The keys come in a fixed order.
	keys := jsonKeys(t, out)
	if !slices.Equal(keys[:4], []string{"path", "status", "changed", "preset"}) {
		t.Errorf("key order %q", keys)
	}
	// Twice the same output.
	_, out2, _ := ta.run("--json", dir)
	if out2 != out {
		t.Errorf("JSON output not stable")
	}
	// With --check, changes give exit 1; no files, an empty array.
	if code, _, _ := ta.run("--json", "--check", filepath.Join(dir, "a.Dockerfile")); code != 1 {
		t.Errorf("--json --check: exit %d", code)
	}
	if code, out, _ := ta.runStdin("FROM SAME\n", "--json"); code != 0 || !strings.Contains(out, `"path": "<stdin>"`) {
		t.Errorf("--json stdin: %d %q", code, out)
	}
}

// jsonKeys returns the keys of the first object of a JSON array, in order.
func jsonKeys(t *testing.T, s string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
				if depth == 1 {
					return keys
				}
			}
		case string:
			if depth == 2 && dec.More() {
				keys = append(keys, v)
				// skip the value
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return keys
}

func TestExplain(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.Dockerfile")
	writeFile(t, a, goDockerfile)
	c := filepath.Join(dir, "c.Dockerfile")
	writeFile(t, c, "FROM NODE\n")
	ta := newTestApp()
	code, out, errs := ta.run("explain", a, c)
	if code != 0 || errs != "" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		a + ": would be rewritten into a multi-stage build\n",
		"\nPreset\n  go (Go)\n  evidence:\n    line 1: base image golang:1.24 matches golang\n",
		"\nBuilder\n  golang:1.24 as stage \"build\"\n",
		"\nMoves\n  line 3    CMD         -> runtime: run-time setting\n",
		"\nRuntime\n  scratch (scratch)\n  why: an empty image\n",
		"\nArtifacts copied from the builder\n  /app\n",
		"\nNotes\n  line 1: warning: the tag is not pinned [RS305]\n  info: the original image ran as root [RS119]\n",
		"\nImage size (estimate from the preset's figures, not a measurement)\n  before: ~874 MB\n  after:  ~2.2 MB (99% smaller)\n",
		c + ": left unchanged\n  reason: no preset matches base image node:20 [RS207]\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
	// --runtime is said to be the user's choice; flags go before or after.
	_, out, _ = ta.run("explain", a, "--runtime", "scratch")
	if !strings.Contains(out, "scratch (scratch, as asked with --runtime)") || ta.opts[len(ta.opts)-1].Runtime != "scratch" {
		t.Errorf("explain --runtime:\n%s", out)
	}
	// Errors: exit 2, reported in place.
	code, out, _ = ta.run("explain", filepath.Join(dir, "nope"))
	if code != 2 || out != filepath.Join(dir, "nope")+": error\n  no such file or directory\n" {
		t.Errorf("explain missing: %d %q", code, out)
	}
	// --json, and stdin.
	code, out, _ = ta.run("explain", "--json", a)
	var recs []map[string]any
	if err := json.Unmarshal([]byte(out), &recs); err != nil || code != 0 || len(recs) != 1 || recs[0]["runtime_why"] != "an empty image" {
		t.Errorf("explain --json: %d %v %q", code, err, out)
	}
	code, out, _ = ta.runStdin("FROM golang\nBAD\n", "explain")
	if code != 2 || out != "<stdin>: error\n  line 2: unknown instruction: FORM\n" {
		t.Errorf("explain stdin: %d %q", code, out)
	}
	ta.stdinIsPipe = false
	if code, _, errs := ta.run("explain"); code != 2 || !strings.Contains(errs, "explain needs a path") {
		t.Errorf("explain without a path: %d %q", code, errs)
	}
}

func TestPresets(t *testing.T) {
	ta := newTestApp()
	ta.presets = func() ([]*presets.Preset, error) {
		return []*presets.Preset{
			{Name: "go", Title: "Go", Description: "Go programs.", Raw: []byte("name: go\ntitle: Go\n")},
			{Name: "python-uv", Title: "Python (uv)", Description: "Python apps\nbuilt with uv.", Raw: []byte("name: python-uv")},
		}, nil
	}
	for _, args := range [][]string{{"presets", "list"}, {"presets"}} {
		code, out, _ := ta.run(args...)
		want := "go         Go           Go programs.\npython-uv  Python (uv)  Python apps built with uv.\n"
		if code != 0 || out != want {
			t.Errorf("%q: %d\n%s\nwant\n%s", args, code, out, want)
		}
	}
	if code, out, _ := ta.run("presets", "show", "go"); code != 0 || out != "name: go\ntitle: Go\n" {
		t.Errorf("show go: %d %q", code, out)
	}
	if code, out, _ := ta.run("presets", "show", "python-uv"); code != 0 || out != "name: python-uv\n" {
		t.Errorf("show python-uv: %d %q", code, out)
	}
	code, out, errs := ta.run("presets", "show", "rust")
	if code != 2 || out != "" || !strings.Contains(errs, `unknown preset "rust" (known: go, python-uv)`) {
		t.Errorf("show rust: %d %q %q", code, out, errs)
	}
	if code, _, _ := ta.run("presets", "frob"); code != 2 {
		t.Errorf("presets frob: exit %d", code)
	}

	// The real built-in presets.
	ta.presets = presets.Builtin
	code, out, _ = ta.run("presets", "show", "go")
	if code != 0 || !strings.Contains(out, "name: go\n") {
		t.Errorf("built-in go preset: %d %q", code, out)
	}
}

func TestPermuteArgs(t *testing.T) {
	cmd := newTestApp().cli()
	cases := []struct{ in, want []string }{
		{[]string{"-w", "."}, []string{"-w", "--", "."}},
		{[]string{".", "-w"}, []string{"-w", "--", "."}},
		{[]string{"a", "--runtime", "alpine", "b"}, []string{"--runtime", "alpine", "--", "a", "b"}},
		{[]string{"--runtime=alpine", "a"}, []string{"--runtime=alpine", "--", "a"}},
		{[]string{"a", "--", "-w"}, []string{"--", "a", "-w"}},
		{[]string{"-"}, []string{"--", "-"}},
		{[]string{"-l"}, []string{"-l"}},
		{[]string{"explain", "a", "--json"}, []string{"explain", "--json", "--", "a"}},
		{[]string{"--runtime", "slim", "explain", "a"}, []string{"explain", "--runtime", "slim", "--", "a"}},
		{[]string{"--preset", "explain", "explain", "a"}, []string{"explain", "--preset", "explain", "--", "a"}},
		{[]string{"presets", "show", "go"}, []string{"presets", "show", "go"}},
		{[]string{"-q", "version"}, []string{"-q", "version"}},
		{[]string{"--", "explain"}, []string{"--", "./explain"}},
		{[]string{"a", "explain"}, []string{"--", "a", "explain"}},
	}
	for _, c := range cases {
		if got := permuteArgs(cmd, c.in); !slices.Equal(got, c.want) {
			t.Errorf("permuteArgs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestRealEngine runs the real transform.Convert on a Go Dockerfile, as
// far as it goes: the CLI must not fail, whatever the engine decides.
func TestRealEngine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Dockerfile")
	writeFile(t, p, "FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n")
	ta := newTestApp()
	ta.convert = transform.Convert
	code, out, errs := ta.run("--json", p)
	var recs []map[string]any
	if err := json.Unmarshal([]byte(out), &recs); err != nil || len(recs) != 1 || code == 2 {
		t.Fatalf("exit %d, %v, %q, %q", code, err, out, errs)
	}
	if s := recs[0]["status"]; s != "changed" && s != "declined" {
		t.Errorf("status %v", s)
	}
	if code, _, errs := ta.run("explain", p); code != 0 {
		t.Errorf("explain: exit %d %q", code, errs)
	}
}

// TestRealEngineOddInput feeds the real engine odd files through the
// command: each run ends with 0 or 2 and a message, never a crash.
func TestRealEngineOddInput(t *testing.T) {
	inputs := []string{
		"", "\n", "FROM", "garbage here\n", "FROM golang\nRUN <<EOF\n", "# only a comment\n",
		"FROM golang\r\nRUN go build -o /a .\r\nCMD [\"/a\"]\r\n",
		"FROM golang:1.24\nRUN go build -o /app .\nCMD /app",
		"FROM golang\nRUN " + strings.Repeat("x", 100_000) + "\n",
		"FROM golang\n# caf\xe9 \xff\xfe\nRUN go build -o /a .\nCMD [\"/a\"]\n",
		"FROM golang AS a\nFROM golang AS b\n",
		"\ufeffFROM golang\nRUN go build -o /a .\nCMD [\"/a\"]\n",
	}
	ta := newTestApp()
	ta.convert = transform.Convert
	for _, in := range inputs {
		code, out, errs := ta.runStdin(in)
		switch code {
		case 0:
			if out == "" && in != "" {
				t.Errorf("%.40q: exit 0 with no output", in)
			}
		case 2:
			if out != "" || !strings.HasPrefix(errs, "<stdin>") {
				t.Errorf("%.40q: exit 2, stdout %q, stderr %q", in, out, errs)
			}
		default:
			t.Errorf("%.40q: exit %d", in, code)
		}
		if strings.Contains(errs, "internal error") {
			t.Errorf("%.40q: %s", in, errs)
		}
	}
}

// TestLongFirstLine: a first line past BuildKit's limit is reported on
// line 1 with the limit, not as a file with no instructions.
func TestLongFirstLine(t *testing.T) {
	df := filepath.Join(t.TempDir(), "Dockerfile")
	writeFile(t, df, "FROM golang:1.24 AS "+strings.Repeat("b", 70_000)+"\nRUN go build -o /a .\n")
	ta := newTestApp()
	ta.convert = transform.Convert
	want := df + ":1: line longer than 65535 bytes, the most BuildKit's Dockerfile parser reads (Docker cannot build this file either)\n"
	if code, out, errs := ta.run(df); code != 2 || out != "" || errs != want {
		t.Errorf("exit %d, stdout %q, stderr %q\nwant exit 2, stderr %q", code, out, errs, want)
	}
}

// TestOddFileNames: a name with a newline is one entry in -l and in the
// diff headers: quoted as git quotes it, or with -z as it is, ended by a
// NUL byte.
func TestOddFileNames(t *testing.T) {
	dir := t.TempDir()
	odd := filepath.Join(dir, "new\nline", "Dockerfile")
	plain := filepath.Join(dir, "plain", "Dockerfile")
	writeFile(t, odd, goDockerfile)
	writeFile(t, plain, goDockerfile)
	ta := newTestApp()
	want := `"` + filepath.Join(dir, `new\nline`, "Dockerfile") + `"` + "\n" + plain + "\n"
	for _, args := range [][]string{{"-l", dir}, {"--check", dir}} {
		if code, out, _ := ta.run(args...); code != 1 || out != want {
			t.Errorf("%q: exit %d, stdout %q\nwant exit 1, %q", args, code, out, want)
		}
	}
	for _, args := range [][]string{{"-l", "-z", dir}, {"--check", "-z", dir}} {
		if code, out, _ := ta.run(args...); code != 1 || out != odd+"\x00"+plain+"\x00" {
			t.Errorf("%q: exit %d, stdout %q", args, code, out)
		}
	}
	_, out, _ := ta.run(filepath.Dir(odd))
	rel := strings.TrimPrefix(filepath.ToSlash(odd), "/")
	rel = strings.Replace(rel, "new\nline", `new\nline`, 1)
	if header := "--- \"a/" + rel + "\"\n+++ \"b/" + rel + "\"\n@@ "; !strings.HasPrefix(out, header) {
		t.Errorf("diff: %q\nwant it to start with %q", out, header)
	}
	for _, args := range [][]string{{"-z", dir}, {"-z", "-w", dir}, {"-z", "-l", "--json", dir}} {
		if code, _, errs := ta.run(args...); code != 2 || !strings.Contains(errs, "-z goes with -l or --check") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}
