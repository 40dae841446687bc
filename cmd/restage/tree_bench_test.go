package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/restage/restage/transform"
)

// treeFiles is the size of the tree BenchmarkTree converts: a monorepo's
// worth of Dockerfiles.
const treeFiles = 10000

// makeTree writes n Dockerfiles under dir, each in a folder of its own
// with its build context: copies of every third golden case of
// testdata/ as it is now (currentShapes), without their expected outputs.
func makeTree(tb testing.TB, dir string, n int) {
	tb.Helper()
	makeTreeOf(tb, dir, n, currentShapes(tb))
}

// currentShapes is every third golden case of testdata/, sorted by path:
// all four presets, converted, declined and failing ones. It grows with
// testdata (93 shapes when BenchmarkTree was written, 137 on 2026-12-02),
// so its runs of different days are not comparable; issueShapes are.
func currentShapes(tb testing.TB) []string {
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
	return shapes
}

// issueShapes is the frozen list of testdata/tree-shapes.txt: the 93
// shapes the issue's target was set on (the file says how they were
// chosen).
func issueShapes(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile("testdata/tree-shapes.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var shapes []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		dir := filepath.Join("../../testdata", l)
		if _, err := os.Stat(filepath.Join(dir, "Dockerfile")); err != nil {
			tb.Fatalf("tree-shapes.txt: %v", err)
		}
		shapes = append(shapes, dir)
	}
	return shapes
}

// makeTreeOf writes n Dockerfiles under dir, copies of the cases shapes
// round and round, without their expected outputs.
func makeTreeOf(tb testing.TB, dir string, n int, shapes []string) {
	tb.Helper()
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

// BenchmarkTree runs the built restage over a tree of 10,000 Dockerfiles,
// as a user would (`restage -l TREE`, and the diffs of `restage TREE`),
// and reports the wall time, the CPU time and the peak memory (the
// process's maximum resident set) of one run. Targets: under 1.5 s on 2
// cores and under 100 MB. Two trees: "issue", the frozen shapes the target
// was set on (issueShapes), and "current", every third golden case as
// testdata has them now (currentShapes). Nothing is asserted: a benchmark.
//
//	go test ./cmd/restage -run '^$' -bench Tree -benchtime 3x
func BenchmarkTree(b *testing.B) {
	dir := b.TempDir()
	bin := buildBinary(b, dir)
	for _, t := range []struct {
		name   string
		shapes []string
	}{{"issue", issueShapes(b)}, {"current", currentShapes(b)}} {
		tree := filepath.Join(dir, t.name)
		makeTreeOf(b, tree, treeFiles, t.shapes)
		for _, mode := range []struct {
			name string
			args []string
		}{{"list", []string{"-l", "-q"}}, {"diff", []string{"-q"}}} {
			b.Run(t.name+"/"+mode.name, func(b *testing.B) {
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
				b.ReportMetric(float64(len(t.shapes)), "shapes")
			})
		}
	}
}

// BenchmarkLimitsPeak runs the built restage on the costliest inputs the
// input limits let through (transform.MaxWords of ENV pairs with long
// values, transform.MaxInstructions of RUN, a file of the most shell
// words), each under the 1 MiB --max-size, and reports the process's
// peak memory. Target: under 100 MB. transform's BenchmarkLimits reports
// the engine's allocations for more shapes.
func BenchmarkLimitsPeak(b *testing.B) {
	dir := b.TempDir()
	bin := buildBinary(b, dir)
	var env, run strings.Builder
	env.WriteString("FROM golang:1.24\nRUN go build -o /app .\n")
	run.WriteString(env.String())
	for range (transform.MaxWords - 100) / 1500 {
		env.WriteString("ENV")
		for j := range 1499 {
			fmt.Fprintf(&env, " k%d=%s", j, strings.Repeat("v", 30))
		}
		env.WriteString("\n")
		run.WriteString("RUN go build -o /app . " + strings.Repeat(strings.Repeat("w", 35)+" ", 1490) + "\n")
	}
	shapes := map[string]string{
		"env-pairs":    env.String() + "CMD [\"/app\"]\n",
		"run-words":    run.String() + "CMD [\"/app\"]\n",
		"instructions": "FROM golang:1.24\n" + strings.Repeat("RUN true\n", transform.MaxInstructions-2) + "CMD [\"/app\"]\n",
	}
	for name, src := range shapes {
		b.Run(name, func(b *testing.B) {
			df := filepath.Join(dir, name, "Dockerfile")
			os.MkdirAll(filepath.Dir(df), 0o755)
			if err := os.WriteFile(df, []byte(src), 0o644); err != nil {
				b.Fatal(err)
			}
			var peak int64
			for b.Loop() {
				cmd := exec.Command(bin, "-q", df)
				var stderr strings.Builder
				cmd.Stderr = &stderr
				if err := cmd.Run(); err != nil {
					b.Fatalf("restage: %v: %s", err, stderr.String())
				}
				peak = max(peak, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
			}
			b.ReportMetric(float64(peak)/1024, "peak-MB")
			b.ReportMetric(float64(len(src)), "bytes")
		})
	}
}
