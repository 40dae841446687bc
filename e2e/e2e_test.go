//go:build e2e

// Package e2e runs restage verify, with a real Docker engine, on every app
// under apps/: the converted Dockerfile must build, behave like the
// original, run as a non-root user, carry no shell or package manager on a
// distroless runtime, and be a fraction of the original's size.
//
// Run it with `make e2e`, which installs and starts the engine
// (docker-up.sh) and builds the replica base images (images/build.sh)
// first; or, with both done, `go test -tags e2e -count=1 -v ./e2e/`.
//
// Each app folder apps/<app>/ that holds a Dockerfile and a probe file is
// tested (see README.md for the probe format). Optional files:
//
//   - image_map: extra FROM=TO lines (blank lines and # comments allowed),
//     given to verify as --image-map before the distroless one;
//   - max_ratio: the largest converted/original size ratio allowed, like
//     0.5 (default 0.10).
//
// Environment: DOCKER (default /usr/bin/docker, which has BuildKit),
// E2E_CACHE=1 (build without --no-cache: fast, but the build times are then
// cache hits).
package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

const (
	defaultMaxRatio = 0.10
	distrolessMap   = "gcr.io/distroless/=restage.local/distroless/"
	distrolessRepl  = "restage.local/distroless/"
)

// app is one folder of apps/.
type app struct {
	name     string
	dir      string
	probe    string   // the probe file's line, for the table
	args     []string // verify's probe flags
	imageMap []string // FROM=TO, the app's own first
	maxRatio float64
}

// row is one line of the results table.
type row struct {
	app, probe, runtime, user string
	rep                       *report
	seconds                   float64 // wall time of verify
	verdict                   string  // "ok", or FAIL: why
}

func TestE2E(t *testing.T) {
	docker := os.Getenv("DOCKER")
	if docker == "" {
		docker = defaultDocker
	}
	checkDocker(t, docker)

	apps, err := findApps("apps")
	if err != nil {
		t.Fatal(err)
	}
	if len(apps) == 0 {
		t.Fatal("no app under e2e/apps has both a Dockerfile and a probe file")
	}
	bin := buildRestage(t)
	cache, err := filepath.Abs(".cache")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	var rows []row
	for _, a := range apps {
		r := row{app: a.name, probe: a.probe, verdict: "FAIL: not run"}
		t.Run(a.name, func(t *testing.T) { runApp(t, bin, docker, cache, a, &r) })
		rows = append(rows, r)
	}
	table := resultsTable(rows, docker, time.Since(start))
	fmt.Printf("\n%s\n", table)
	out := filepath.Join(cache, "results.md")
	if err := os.WriteFile(out, []byte(table), 0o644); err != nil {
		t.Error(err)
	} else {
		fmt.Printf("(written to %s)\n", out)
	}
}

// findApps lists the folders of dir that hold a Dockerfile and a probe
// file, in name order, with their settings.
func findApps(dir string) ([]app, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var apps []app
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		d := filepath.Join(dir, e.Name())
		if !isFile(filepath.Join(d, "Dockerfile")) || !isFile(filepath.Join(d, "probe")) {
			continue
		}
		a, err := readApp(e.Name(), d)
		if err != nil {
			return nil, err
		}
		apps = append(apps, a)
	}
	return apps, nil
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func readApp(name, dir string) (app, error) {
	a := app{name: name, dir: dir, maxRatio: defaultMaxRatio}
	b, err := os.ReadFile(filepath.Join(dir, "probe"))
	if err != nil {
		return a, err
	}
	a.probe, a.args, err = parseProbe(string(b))
	if err != nil {
		return a, fmt.Errorf("%s/probe: %v", dir, err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "image_map")); err == nil {
		for i, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			if from, to, ok := strings.Cut(l, "="); !ok || from == "" || to == "" {
				return a, fmt.Errorf("%s/image_map:%d: want FROM=TO, got %q", dir, i+1, l)
			}
			a.imageMap = append(a.imageMap, l)
		}
	} else if !os.IsNotExist(err) {
		return a, err
	}
	a.imageMap = append(a.imageMap, distrolessMap)
	if b, err := os.ReadFile(filepath.Join(dir, "max_ratio")); err == nil {
		s := strings.TrimSpace(string(b))
		r, err := strconv.ParseFloat(s, 64)
		if err != nil || r <= 0 || r > 1 {
			return a, fmt.Errorf("%s/max_ratio: want a number in (0, 1], like 0.5; got %q", dir, s)
		}
		a.maxRatio = r
	} else if !os.IsNotExist(err) {
		return a, err
	}
	return a, nil
}

// runApp verifies one app and fills in its row.
func runApp(t *testing.T, bin, docker, cache string, a app, r *row) {
	args := []string{"verify", "--json", "--docker", docker, "--probe-timeout", "60s"}
	if os.Getenv("E2E_CACHE") != "1" {
		args = append(args, "--no-cache")
	}
	for _, m := range a.imageMap {
		args = append(args, "--image-map", m)
	}
	args = append(args, a.args...)
	args = append(args, filepath.Join(a.dir, "Dockerfile"))
	t.Logf("restage %s", strings.Join(args, " "))

	logFile := filepath.Join(cache, "verify-"+a.name+".log")
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "DOCKER_BUILDKIT=1")
	start := time.Now()
	err := cmd.Run()
	r.seconds = time.Since(start).Seconds()
	os.WriteFile(logFile, append(append(stderr.Bytes(), "\n--- stdout\n"...), stdout.Bytes()...), 0o644)
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		r.verdict = "FAIL: " + err.Error()
		t.Fatalf("restage verify: %v", err)
	}

	var rep report
	if jerr := json.Unmarshal(stdout.Bytes(), &rep); jerr != nil {
		r.verdict = fmt.Sprintf("FAIL: exit %d, no JSON", code)
		t.Fatalf("restage verify exited %d without a JSON report (%v); stderr (also in %s):\n%s", code, jerr, logFile, tail(stderr.String(), 30))
	}
	r.rep = &rep
	if rep.Converted != nil {
		r.runtime, r.user = rep.Converted.From, rep.Converted.User
	}
	t.Logf("verdict %s in %.0f s: %s", rep.Verdict, r.seconds, rep.Message)
	for _, w := range rep.Warnings {
		t.Logf("warning: %s", w)
	}

	var fails []string
	failf := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		fails = append(fails, msg)
		t.Error(msg)
	}
	defer func() {
		if len(fails) == 0 {
			r.verdict = "ok"
		} else {
			r.verdict = "FAIL: " + strings.Join(fails, "; ")
		}
	}()

	if code != 0 || rep.Verdict != "same" || rep.ExitStatus != 0 {
		msg := rep.Message
		if strings.Contains(msg, "base image cannot be had") {
			msg += " (the replicas come from e2e/images/build.sh; " + hint + ")"
		}
		failf("verdict %q, exit %d (want \"same\", 0): %s", rep.Verdict, code, msg)
		t.Logf("verify's stderr (also in %s):\n%s", logFile, tail(stderr.String(), 30))
	}
	for _, p := range rep.Probes {
		if !p.Same {
			t.Logf("probe %s differs: %s", p.Probe, p.Difference)
		}
	}
	o, c := rep.Original, rep.Converted
	if o == nil || c == nil || !o.Built || !c.Built {
		if len(fails) == 0 {
			failf("the report lacks a built original and converted image")
		}
		return
	}

	// Non-root.
	if isRoot(c.User) {
		failf("the converted image runs as root (user %q)", c.User)
	}
	// No shell and no package manager on a distroless replica.
	if strings.HasPrefix(c.From, distrolessRepl) {
		switch {
		case !c.FilesChecked:
			failf("the converted image's files were not checked")
		default:
			if len(c.Shells) > 0 {
				failf("shells in the distroless image %s: %v", c.From, c.Shells)
			}
			if len(c.PackageManagers) > 0 {
				failf("package managers in the distroless image %s: %v", c.From, c.PackageManagers)
			}
		}
	} else {
		t.Logf("runtime %s is not a distroless replica: shells %v, package managers %v", c.From, c.Shells, c.PackageManagers)
	}
	// Size.
	if o.SizeBytes <= 0 || c.SizeBytes <= 0 {
		failf("sizes unknown (original %d, converted %d)", o.SizeBytes, c.SizeBytes)
	} else if ratio := float64(c.SizeBytes) / float64(o.SizeBytes); ratio > a.maxRatio {
		failf("the converted image is %.1f%% of the original's size (%s of %s), more than %.4g%%",
			100*ratio, mb(c.SizeBytes), mb(o.SizeBytes), 100*a.maxRatio)
	}
}

// resultsTable is the markdown table of all the apps' results.
func resultsTable(rows []row, docker string, total time.Duration) string {
	var b strings.Builder
	b.WriteString("| app | probe | runtime (converted) | user | original size | converted size | ratio | build original | build converted | verdict |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		cells := []string{r.app, "`" + r.probe + "`", "", "", "", "", "", "", "", r.verdict}
		if r.runtime != "" {
			cells[2] = "`" + strings.TrimPrefix(r.runtime, distrolessRepl) + "`"
		}
		if r.rep != nil && r.rep.Converted != nil && r.rep.Converted.Built {
			cells[3] = r.user
			if cells[3] == "" {
				cells[3] = "root"
			}
		}
		if r.rep != nil {
			o, c := r.rep.Original, r.rep.Converted
			if o != nil && o.SizeBytes > 0 {
				cells[4] = mb(o.SizeBytes)
			}
			if c != nil && c.SizeBytes > 0 {
				cells[5] = mb(c.SizeBytes)
			}
			if o != nil && c != nil && o.SizeBytes > 0 && c.SizeBytes > 0 {
				cells[6] = fmt.Sprintf("%.1f%%", 100*float64(c.SizeBytes)/float64(o.SizeBytes))
			}
			if o != nil && o.BuildSeconds > 0 {
				cells[7] = fmt.Sprintf("%.0f s", o.BuildSeconds)
			}
			if c != nil && c.BuildSeconds > 0 {
				cells[8] = fmt.Sprintf("%.0f s", c.BuildSeconds)
			}
		}
		for i := range cells {
			cells[i] = strings.ReplaceAll(strings.ReplaceAll(cells[i], "|", `\|`), "\n", " ")
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	mode := "cold builds (--no-cache)"
	if os.Getenv("E2E_CACHE") == "1" {
		mode = "builds with the cache (E2E_CACHE=1)"
	}
	fmt.Fprintf(&b, "\n%d app(s), %s, %s; total %.0f s. Sizes: `docker image inspect .Size`; runtime images under `%s`.\n",
		len(rows), mode, docker, total.Seconds(), distrolessRepl)
	return b.String()
}
