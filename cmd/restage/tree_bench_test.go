package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// treeFiles is the size of the tree BenchmarkTree converts: a monorepo's
// worth of Dockerfiles.
const treeFiles = 10000

// makeTree writes n Dockerfiles under dir, each in a folder of its own
// with its build context: copies of every third golden case of
// testdata/ (about 90 shapes of real Dockerfiles, all four presets,
// converted, declined and failing ones), without their expected outputs.
func makeTree(tb testing.TB, dir string, n int) {
	tb.Helper()
	cases, err := filepath.Glob("../../testdata/*/*/Dockerfile")
	if err != nil || len(cases) == 0 {
		tb.Fatalf("no golden cases: %v", err)
	}
	slices.Sort(cases)
	var shapes []string
	for i := 0; i < len(cases); i += 3 {
		shapes = append(shapes, filepath.Dir(cases[i]))
	}
	skip := map[string]bool{"want": true, "notes": true, "WHY.md": true, "json": true}
	for i := range n {
		src := shapes[i%len(shapes)]
		dst := filepath.Join(dir, fmt.Sprintf("svc%05d", i), filepath.Base(src))
		err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			if skip[rel] {
				return nil
			}
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkTree runs the built restage over a tree of 10,000 Dockerfiles
// (makeTree), as a user would (`restage -l TREE`, and the diffs of
// `restage TREE`), and reports the wall time, the CPU time and the peak
// memory (the process's maximum resident set) of one run. Targets: under 1.5 s on
// 2 cores and under 100 MB. Nothing is asserted: a benchmark.
//
//	go test ./cmd/restage -run '^$' -bench Tree -benchtime 3x
func BenchmarkTree(b *testing.B) {
	dir := b.TempDir()
	bin := buildBinary(b, dir)
	tree := filepath.Join(dir, "tree")
	makeTree(b, tree, treeFiles)
	for _, mode := range []struct {
		name string
		args []string
	}{{"list", []string{"-l", "-q"}}, {"diff", []string{"-q"}}} {
		b.Run(mode.name, func(b *testing.B) {
			var peak int64
			var cpu time.Duration
			for b.Loop() {
				cmd := exec.Command(bin, append(mode.args, tree)...)
				err := cmd.Run()
				// 1: files would change; 2: some of the cases are errors.
				if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() > 2) {
					b.Fatalf("restage: %v", err)
				}
				ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
				peak = max(peak, ru.Maxrss) // KiB on Linux
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			b.ReportMetric(float64(peak)/1024, "peak-MB")
			// CPU time is what a loaded machine changes least.
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(treeFiles, "files")
		})
	}
}
