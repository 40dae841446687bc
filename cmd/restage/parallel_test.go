package main

import (
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
	for _, args := range [][]string{{tree}, {"-l", tree}, {"--json", tree}, {"-v", tree}} {
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
		if len(out1) == 0 || (len(err1) == 0 && args[0] != "--json") {
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
