package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/restage/restage/transform"
)

// reportTree is a folder with one file of each outcome of fakeConvert.
func reportTree(t *testing.T) (dir string, files map[string]string) {
	dir = t.TempDir()
	files = map[string]string{
		"go/Dockerfile":   goDockerfile,
		"same/Dockerfile": "FROM scratch\n# SAME\n",
		"node/Dockerfile": "FROM node:20\n# NODE\n",
		"bad/Dockerfile":  "FROM x\nBAD\n",
	}
	for p, c := range files {
		writeFile(t, filepath.Join(dir, p), c)
	}
	return dir, files
}

func TestReport(t *testing.T) {
	dir, files := reportTree(t)
	ta := newTestApp()
	code, out, errs := ta.run("report", dir)
	if code != exitError {
		t.Errorf("exit %d, want 2 (a file does not parse)", code)
	}
	bad := filepath.Join(dir, "bad/Dockerfile")
	if errs != bad+":2: unknown instruction: FORM\n" {
		t.Errorf("stderr %q, want the parse error alone", errs)
	}
	for _, want := range []string{
		"restage migration report: 4 Dockerfiles\n",
		"  converted  1\n  unchanged  1\n  declined   1\n  errors     1\n",
		"  RS207 no preset matches (1 file)\n    " + filepath.Join(dir, "node/Dockerfile") + ": no preset matches base image node:20\n",
		"  " + filepath.Join(dir, "go/Dockerfile") + ": line 1: the tag is not pinned [RS305]\n",
		"  " + bad + ": line 2: unknown instruction: FORM\n",
		"~874 MB", "~2.2 MB", "99%",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	// It never writes a Dockerfile.
	for p, c := range files {
		if got := readString(t, filepath.Join(dir, p)); got != c {
			t.Errorf("%s was changed to %q", p, got)
		}
	}
}

func TestReportFormats(t *testing.T) {
	dir, _ := reportTree(t)
	ta := newTestApp()
	// Flags after the path, as for the root command.
	code, out, _ := ta.run("report", dir, "--format", "markdown")
	if code != exitError || !strings.HasPrefix(out, "## Multi-stage Dockerfiles (restage)\n") || !strings.Contains(out, "```mermaid\nxychart-beta horizontal\n") {
		t.Errorf("markdown: exit %d:\n%s", code, out)
	}
	page := filepath.Join(t.TempDir(), "report.html")
	code, out, _ = ta.run("report", "--format", "html", "-o", page, dir)
	if code != exitError || out != "" {
		t.Errorf("html -o: exit %d, stdout %q (want 2 and nothing)", code, out)
	}
	if got := readString(t, page); !strings.HasPrefix(got, "<!DOCTYPE html>") || !strings.Contains(got, "<svg id=\"total-chart\"") {
		t.Errorf("the page written:\n%.300s", got)
	}
}

func TestReportRefusals(t *testing.T) {
	dir, files := reportTree(t)
	target := filepath.Join(dir, "go/Dockerfile")
	other := filepath.Join(dir, "go", "notes.txt")
	writeFile(t, other, "mine\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--format", "pdf", dir}, `--format "pdf": want text, markdown or html`},
		{[]string{"report", "-o", target, dir}, "the report is not written over a Dockerfile"},
		{[]string{"report", "-o", other, other}, "that is one of the Dockerfiles being reported on"},
		{[]string{"report", "--json", dir}, "flag provided but not defined: -json"},
		{[]string{"report"}, "report needs a path (or - for stdin)"},
	} {
		ta := newTestApp()
		code, out, errs := ta.run(c.args...)
		if code != exitError || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errs, c.want)
		}
	}
	if got := readString(t, target); got != files["go/Dockerfile"] {
		t.Errorf("-o overwrote the Dockerfile: %q", got)
	}
	if got := readString(t, other); got != "mine\n" {
		t.Errorf("-o overwrote the file given as a path: %q", got)
	}
}

func TestReportStdinAndOptions(t *testing.T) {
	ta := newTestApp()
	// A flag before the command goes to it, as for explain.
	code, out, errs := ta.runStdin(goDockerfile, "--runtime", "alpine", "report", "--stdin-filename", "api/Dockerfile", "-")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "\n  api/Dockerfile ") || !strings.Contains(out, "  converted  1\n") {
		t.Errorf("the report of stdin:\n%s", out)
	}
	if len(ta.opts) != 1 || ta.opts[0].Runtime != "alpine" {
		t.Errorf("the engine was given %+v, want runtime alpine", ta.opts)
	}
}

// TestReportRealEngine runs the report over the project's own golden
// cases with the real engine: every file reads, and the counts add up.
func TestReportRealEngine(t *testing.T) {
	ta := newTestApp()
	ta.convert = transform.Convert
	code, out, errs := ta.run("report", "--format", "markdown", "../../testdata/go")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "| **total** (") || !strings.Contains(out, "**RS202** already multi-stage") {
		t.Errorf("the report of testdata/go:\n%.2000s", out)
	}
}

var updateExample = flag.Bool("update", false, "rewrite docs/report-example.md and .html from `restage report` on reportExamplePaths")

// reportExamplePaths are the golden cases docs/report-example.* report
// on: converted files of each built-in preset (one with a warning, one
// with an alpine runtime), and declines under several codes.
var reportExamplePaths = []string{
	"testdata/go/cgo-alpine", "testdata/go/cgo-module-gomod", "testdata/go/declined-multi-stage", "testdata/go/user-root",
	"testdata/java/declined-maven-latest", "testdata/java/gradle-bootjar",
	"testdata/node/declined-npm-run-dev", "testdata/node/global-serve",
	"testdata/python/bookworm-to-slim", "testdata/python/declined-no-cmd", "testdata/python/poetry",
}

// footer is the version line of a report, which changes with every build.
var footer = regexp.MustCompile(`(?m)^(<sub>restage [^<\n]*</sub>|<footer>restage [^<\n]*</footer>)$`)

// TestReportExample keeps the example reports the README links to in
// step with what `restage report` prints for the same files (go test
// ./cmd/restage -run ReportExample -update rewrites them).
func TestReportExample(t *testing.T) {
	t.Chdir("../..")
	for _, c := range []struct{ format, file string }{{"markdown", "docs/report-example.md"}, {"html", "docs/report-example.html"}} {
		ta := newTestApp()
		ta.convert = transform.Convert
		code, out, errs := ta.run(append([]string{"report", "--format", c.format}, reportExamplePaths...)...)
		if code != exitOK || errs != "" {
			t.Fatalf("%s: exit %d, stderr %q", c.format, code, errs)
		}
		if *updateExample {
			if err := os.WriteFile(c.file, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want := readString(t, c.file)
		if footer.ReplaceAllString(out, "restage VERSION") != footer.ReplaceAllString(want, "restage VERSION") {
			t.Errorf("%s is not what `restage report --format %s` prints for its files now; rerun with -update", c.file, c.format)
		}
	}
}
