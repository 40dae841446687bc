package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/restage/restage/transform"
)

// TestParallelSameAsSequential converts a tree of real Dockerfiles (every
// third golden case's shape, converted, declined and failing ones) on
// one worker and on four: the diffs, lists, JSON, messages and exit
// statuses must be byte for byte the same, in path order.
func TestParallelSameAsSequential(t *testing.T) {
	tree := t.TempDir()
	makeTree(t, tree, 200)
	for _, args := range [][]string{{tree}, {"-l", tree}, {"--json", tree}, {"-v", tree}, {"report", tree}} {
		run := func(workers int) (int, string, string) {
			ta := newTestApp()
			ta.convert = transform.Convert
			ta.workers = workers
			return ta.run(args...)
		}
		code1, out1, err1 := run(1)
		code4, out4, err4 := run(4)
		if code1 != code4 || out1 != out4 || err1 != err4 {
			t.Errorf("restage %s: one worker and four differ:\nexit %d and %d\nstdout %d and %d bytes\nstderr %q\nand %q",
				strings.Join(args, " "), code1, code4, len(out1), len(out4), err1, err4)
		}
		if len(out1) == 0 || (len(err1) == 0 && args[0] != "--json" && args[0] != "report") {
			t.Errorf("restage %s: no output to compare (stdout %d bytes, stderr %d bytes)", strings.Join(args, " "), len(out1), len(err1))
		}
	}
	// The list is in path order.
	ta := newTestApp()
	ta.convert = transform.Convert
	ta.workers = 4
	_, out, _ := ta.run("-l", tree)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i-1] >= lines[i] {
			t.Fatalf("-l is not in path order: %s before %s", lines[i-1], lines[i])
		}
	}
	if len(lines) < 50 || !strings.HasPrefix(lines[0], filepath.Join(tree, "svc00000")) {
		t.Errorf("-l listed %d files, first %q", len(lines), lines[0])
	}
}

// TestInputLimitsCLI: a Dockerfile over the engine's input limits is an
// error naming the file (and the instruction over the limit), exit 2,
// also when --max-size lets a much larger file through.
func TestInputLimitsCLI(t *testing.T) {
	dir := t.TempDir()
	many := filepath.Join(dir, "many.Dockerfile")
	writeFile(t, many, "FROM golang:1.24\n"+strings.Repeat("RUN true\n", transform.MaxInstructions)+"CMD [\"/app\"]\n")
	huge := filepath.Join(dir, "huge.Dockerfile")
	writeFile(t, huge, "FROM golang:1.24\n"+strings.Repeat("RUN true\n", 1_000_000)) // 9 MB
	limits := "restage reads Dockerfiles of at most 20000 lines, 20000 words and 5000 instructions"
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{many}, fmt.Sprintf("%s:%d: instruction %d: %s\n", many, transform.MaxInstructions+1, transform.MaxInstructions+1, limits)},
		{[]string{"--max-size", "10MiB", huge}, huge + ": 1000001 lines and 2000002 words: " + limits + "\n"},
	} {
		ta := newTestApp()
		ta.convert = transform.Convert
		code, out, errs := ta.run(c.args...)
		if code != 2 || out != "" || errs != c.stderr {
			t.Errorf("%q: exit %d, stdout %q, stderr %q\nwant exit 2, stderr %q", c.args, code, out, errs, c.stderr)
		}
	}
}

// TestProgress: over many files, a terminal's stderr shows files done
// out of the total and the last path, and the line is gone at the end;
// never when stderr is not a terminal (a pipe, a file), with -q or with
// --json, and the rest of the output is what it is without progress.
func TestProgress(t *testing.T) {
	tree := t.TempDir()
	makeTree(t, tree, 30)
	run := func(terminal bool, args ...string) (string, string) {
		ta := newTestApp()
		ta.convert = transform.Convert
		ta.stderrIsTerminal, ta.stderrWidth = terminal, 60
		_, out, errs := ta.run(append(args, tree)...)
		return out, errs
	}
	plainOut, plainErr := run(false)
	if strings.ContainsAny(plainErr, "\r\x1b") {
		t.Errorf("progress on a stderr that is not a terminal: %q", plainErr)
	}
	out, errs := run(true)
	if out != plainOut {
		t.Errorf("stdout changed with progress on stderr")
	}
	// The last progress line is cleared; what the last file prints (a
	// warning) may follow the clear, as every file's does.
	last := strings.LastIndex(errs, "\r\x1b[Krestage: ")
	if !strings.Contains(errs, "\r\x1b[Krestage: 1/30 "+tree) || last < 0 || !strings.Contains(errs[last+len("\r\x1b[K"):], "\r\x1b[K") {
		t.Errorf("no progress line, or not cleared at the end: %q", errs)
	}
	for _, line := range strings.Split(errs, "\r\x1b[K") {
		if strings.HasPrefix(line, "restage: ") && len([]rune(line)) > 59 {
			t.Errorf("progress line wider than the terminal: %q", line)
		}
	}
	// Without the progress lines, stderr is what it is without a terminal.
	var kept []string
	for _, part := range strings.Split(errs, "\r\x1b[K") {
		if !strings.HasPrefix(part, "restage: ") || strings.Contains(part, "\n") {
			kept = append(kept, part)
		}
	}
	if got := strings.Join(kept, ""); got != plainErr {
		t.Errorf("stderr messages differ with progress:\n%q\nwant\n%q", got, plainErr)
	}
	for _, args := range [][]string{{"-q"}, {"--json"}} {
		if _, errs := run(true, args...); strings.ContainsAny(errs, "\r\x1b") {
			t.Errorf("progress with %s: %q", args[0], errs)
		}
	}
}
