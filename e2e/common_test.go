//go:build e2e || e2e_real

package e2e

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// What both suites share: the part of `restage verify --json` they read,
// the engine check, the CLI build and the probe format.

const defaultDocker = "/usr/bin/docker"

const hint = "run `make e2e`, which installs docker.io, starts dockerd and builds the replica images"

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

// isRoot reports whether an image's USER runs as root: unset, 0 or root,
// with or without a group.
func isRoot(user string) bool {
	u, _, _ := strings.Cut(user, ":")
	return slices.Contains([]string{"", "0", "root"}, u)
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
