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
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

const (
	defaultDocker   = "/usr/bin/docker"
	defaultMaxRatio = 0.10
	distrolessMap   = "gcr.io/distroless/=restage.local/distroless/"
	distrolessRepl  = "restage.local/distroless/"
	hint            = "run `make e2e`, which installs docker.io, starts dockerd and builds the replica images"
)

// report is the part of `restage verify --json` the suite reads.
type report struct {
	Path       string       `json:"path"`
	Verdict    string       `json:"verdict"`
	Message    string       `json:"message"`
	ExitStatus int          `json:"exit_status"`
	Docker     string       `json:"docker_server"`
	Original   *imageReport `json:"original"`
	Converted  *imageReport `json:"converted"`
	Probes     []struct {
		Probe      string `json:"probe"`
		Same       bool   `json:"same"`
		Difference string `json:"difference"`
	} `json:"probes"`
	Warnings []string `json:"warnings"`
}

type imageReport struct {
	Image           string   `json:"image"`
	From            string   `json:"from"`
	Built           bool     `json:"built"`
	BuildSeconds    float64  `json:"build_seconds"`
	BuildError      string   `json:"build_error"`
	SizeBytes       int64    `json:"size_bytes"`
	Layers          int      `json:"layers"`
	User            string   `json:"user"`
	Shells          []string `json:"shells"`
	PackageManagers []string `json:"package_managers"`
	FilesChecked    bool     `json:"files_checked"`
}

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

// checkDocker fails the test (never skips it) when there is no docker CLI
// or no engine behind it.
func checkDocker(t *testing.T, docker string) {
	t.Helper()
	if _, err := exec.LookPath(docker); err != nil {
		t.Fatalf("no docker client at %s (%v): %s; or set DOCKER to a client with BuildKit", docker, err, hint)
	}
	cmd := exec.Command(docker, "version", "--format", "{{.Server.Version}}")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s version: %v: %s", docker, err, hint)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the Docker engine does not answer (%s version: %v: %s): %s", docker, err, strings.TrimSpace(out.String()), hint)
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the Docker engine does not answer within 30 s (%s version): %s", docker, hint)
	}
	t.Logf("docker: %s, engine %s", docker, strings.TrimSpace(out.String()))
}

// buildRestage builds the CLI once, from this checkout.
func buildRestage(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "restage")
	cmd := exec.Command("go", "build", "-tags", "urfave_cli_no_docs", "-o", bin, "./cmd/restage")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/restage: %v\n%s", err, out)
	}
	return bin
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

// parseProbe turns the probe file (see README.md) into verify's flags:
//
//	http PORT PATH...  --probe-http PORT/PATH for each PATH (PORT/ without one)
//	cmd                none: verify runs the image as it is (same exit status and stdout)
//	cmd ARG...         --probe-cmd 'ARG...'
//
// It returns the line as read, for the table.
func parseProbe(s string) (line string, args []string, err error) {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			line = l
			break
		}
	}
	f := strings.Fields(line)
	if len(f) == 0 {
		return "", nil, fmt.Errorf("empty: want `http PORT PATH...` or `cmd [ARG...]`")
	}
	switch f[0] {
	case "http":
		if len(f) < 2 {
			return "", nil, fmt.Errorf("%q: want `http PORT PATH...`", line)
		}
		port, err := strconv.Atoi(f[1])
		if err != nil || port < 1 || port > 65535 {
			return "", nil, fmt.Errorf("%q: bad port %q", line, f[1])
		}
		paths := f[2:]
		if len(paths) == 0 {
			paths = []string{"/"}
		}
		for _, p := range paths {
			if !strings.HasPrefix(p, "/") {
				return "", nil, fmt.Errorf("%q: path %q does not start with /", line, p)
			}
			args = append(args, "--probe-http", f[1]+p)
		}
	case "cmd":
		if len(f) > 1 {
			q := make([]string, len(f)-1)
			for i, w := range f[1:] {
				q[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
			}
			args = append(args, "--probe-cmd", strings.Join(q, " "))
		}
	default:
		return "", nil, fmt.Errorf("%q: unknown probe kind %q (want http or cmd)", line, f[0])
	}
	return line, args, nil
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

// isRoot reports whether an image's USER runs as root: unset, 0 or root,
// with or without a group.
func isRoot(user string) bool {
	u, _, _ := strings.Cut(user, ":")
	return slices.Contains([]string{"", "0", "root"}, u)
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
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
