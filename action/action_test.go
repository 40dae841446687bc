// Package action tests the GitHub Action (action.yml at the repository's
// root and its step script, run.sh). actionlint checks workflows and a
// caller's use of the action, not the metadata's own wiring, so these
// tests check that: inputs, the INPUT_* variables and run.sh agree, the
// install step builds packages that exist, and each mode runs the command
// line the README promises.
package action

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/restage/restage/internal/yaml"
)

type metadata struct {
	Name        string
	Description string
	Author      string
	Branding    struct{ Icon, Color string }
	Inputs      map[string]struct {
		Description string
		Required    bool
		Default     *string
	}
	Outputs map[string]struct {
		Description string
		Value       string
	}
	Runs struct {
		Using string
		Steps []struct {
			ID               string
			Name             string
			If               string
			Uses             string
			Shell            string
			Run              string
			WorkingDirectory string `yaml:"working-directory"`
			With             map[string]string
			Env              map[string]string
		}
	}
}

func load(t *testing.T) (metadata, []byte, string) {
	t.Helper()
	raw, err := os.ReadFile("../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var m metadata
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	// Unknown keys fail: a misspelt one (working_directory) is ignored by the runner.
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	script, err := os.ReadFile("run.sh")
	if err != nil {
		t.Fatal(err)
	}
	return m, raw, string(script)
}

var (
	inputRef  = regexp.MustCompile(`\$\{\{[^}]*\binputs\.([a-z0-9-]+)`)
	envRead   = regexp.MustCompile(`\bINPUT_[A-Z0-9_]+\b`)
	outputSet = regexp.MustCompile(`echo "([a-z0-9-]+)=[^"]*" >>"\$GITHUB_OUTPUT"`)
	stepOut   = regexp.MustCompile(`^\$\{\{ steps\.([a-z0-9-]+)\.outputs\.([a-z0-9-]+) \}\}$`)
	ifInput   = regexp.MustCompile(`\binputs\.([a-z0-9-]+)`)
)

func TestMetadataWiring(t *testing.T) {
	m, raw, script := load(t)
	if m.Name == "" || m.Description == "" || m.Runs.Using != "composite" {
		t.Fatalf("name %q, description %q, runs.using %q: want a named, described composite action", m.Name, m.Description, m.Runs.Using)
	}
	for name, in := range m.Inputs {
		if in.Description == "" || in.Default == nil || in.Required {
			t.Errorf("input %s: want a description, a default and required: false (every input is optional)", name)
		}
	}

	// Every input the action refers to is declared, and every declared one is used.
	used := map[string]bool{}
	for _, mm := range inputRef.FindAllStringSubmatch(string(raw), -1) {
		used[mm[1]] = true
	}
	for _, s := range m.Runs.Steps {
		for _, mm := range ifInput.FindAllStringSubmatch(s.If, -1) {
			used[mm[1]] = true
		}
	}
	for name := range used {
		if _, ok := m.Inputs[name]; !ok {
			t.Errorf("inputs.%s is used but not declared", name)
		}
	}
	for name := range m.Inputs {
		if !used[name] {
			t.Errorf("input %s is declared but never used", name)
		}
	}

	// The script step passes each input as INPUT_<NAME>, and the script reads exactly those.
	var runStep int = -1
	for i, s := range m.Runs.Steps {
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %d: a composite run step needs shell:", i)
		}
		if s.ID == "run" {
			runStep = i
		}
	}
	if runStep < 0 {
		t.Fatal("no step with id run (the outputs name it)")
	}
	passed := map[string]bool{}
	for k, v := range m.Runs.Steps[runStep].Env {
		mm := inputRef.FindStringSubmatch(v)
		if mm == nil {
			continue
		}
		want := "INPUT_" + strings.ToUpper(strings.ReplaceAll(mm[1], "-", "_"))
		if k != want {
			t.Errorf("env %s carries inputs.%s: name it %s", k, mm[1], want)
		}
		passed[k] = true
	}
	read := map[string]bool{}
	for _, v := range envRead.FindAllString(script, -1) {
		read[v] = true
	}
	for k := range passed {
		if !read[k] {
			t.Errorf("%s is passed to run.sh but never read", k)
		}
	}
	for k := range read {
		if !passed[k] {
			t.Errorf("run.sh reads %s, which the action does not pass", k)
		}
	}

	// Each output is one the script writes to GITHUB_OUTPUT.
	written := map[string]bool{}
	for _, mm := range outputSet.FindAllStringSubmatch(script, -1) {
		written[mm[1]] = true
	}
	for name, o := range m.Outputs {
		mm := stepOut.FindStringSubmatch(o.Value)
		if mm == nil || mm[1] != "run" || mm[2] != name {
			t.Errorf("output %s: value %q, want ${{ steps.run.outputs.%s }}", name, o.Value, name)
			continue
		}
		if !written[name] {
			t.Errorf("output %s: run.sh never writes it to GITHUB_OUTPUT", name)
		}
	}

	// The modes the input describes are the ones the script accepts.
	modes := regexp.MustCompile(`(?m)^(\S+(?: \| \S+)*)\) fail=`).FindAllStringSubmatch(script, -1)
	var accepted []string
	for _, mm := range modes {
		accepted = append(accepted, strings.Split(mm[1], " | ")...)
	}
	sort.Strings(accepted)
	if !slices.Equal(accepted, []string{"check", "review", "sarif"}) {
		t.Errorf("run.sh accepts modes %v, want check, review, sarif", accepted)
	}
	for _, mode := range accepted {
		if !strings.Contains(m.Inputs["mode"].Description, mode+" (") {
			t.Errorf("the mode input's description does not explain %s", mode)
		}
	}
}

// The install step builds, from the action's own folder, the two programs
// restage review needs, with the Makefile's build tag.
func TestInstallStep(t *testing.T) {
	m, _, _ := load(t)
	makefile, err := os.ReadFile("../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	tags := regexp.MustCompile(`(?m)^TAGS \?= (\S+)$`).FindSubmatch(makefile)
	if tags == nil {
		t.Fatal("Makefile: no TAGS ?= line")
	}
	var found bool
	for _, s := range m.Runs.Steps {
		if !strings.Contains(s.Run, "go install") {
			continue
		}
		found = true
		if s.WorkingDirectory != "${{ github.action_path }}" {
			t.Errorf("the install step runs in %q, want the action's own folder", s.WorkingDirectory)
		}
		if !strings.Contains(s.Run, "-tags "+string(tags[1])) {
			t.Errorf("the install step does not build with -tags %s", tags[1])
		}
		for _, pkg := range []string{"./cmd/restage", "./cmd/restage-review"} {
			if !regexp.MustCompile(regexp.QuoteMeta(pkg) + `(\s|$)`).MatchString(s.Run) {
				t.Errorf("the install step does not build %s", pkg)
			}
			if _, err := os.Stat(filepath.Join("..", pkg, "main.go")); err != nil {
				t.Errorf("the install step builds %s: %v", pkg, err)
			}
		}
	}
	if !found {
		t.Fatal("no step runs go install")
	}
}

// fakeRestage puts a restage on PATH that records its arguments (one per
// line), prints "out", and exits with the given status.
func fakeRestage(t *testing.T, status string) (dir, argsFile string) {
	t.Helper()
	dir = t.TempDir()
	argsFile = filepath.Join(dir, "args")
	fake := "#!/bin/sh\nprintf '%s\\n' \"$@\" >" + argsFile + "\n" +
		"printf 'Dockerfile\\n--- a/Dockerfile\\n+++ b/Dockerfile\\n@@ -1 +1 @@\\n-FROM a\\n+FROM a AS build\\n'\n" +
		"printenv GITHUB_EVENT_PATH >" + argsFile + ".event || true\n" +
		"exit " + status + "\n"
	if err := os.WriteFile(filepath.Join(dir, "restage"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, argsFile
}

func TestRunScript(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	cases := []struct {
		name     string
		env      map[string]string
		status   string // the fake restage's exit status
		wantArgs []string
		wantExit int
		wantOut  []string // lines in GITHUB_OUTPUT
		summary  bool     // the job summary gets the diff
		event    string
	}{
		{name: "review defaults: the pull request's files, no failure on a suggestion",
			env: map[string]string{"INPUT_MODE": "review"}, status: "1",
			wantArgs: []string{"review", "--check", "--token-env", "INPUT_TOKEN"},
			wantOut:  []string{"changed=true"}},
		{name: "review with paths, runtime, flags and a saved event; fail-on-change",
			env: map[string]string{"INPUT_MODE": "review", "INPUT_PATHS": "a/Dockerfile\n b/*  ", "INPUT_RUNTIME": "alpine",
				"INPUT_FLAGS": "--no-config", "INPUT_FAIL_ON_CHANGE": "true", "INPUT_EVENT_PATH": "/tmp/ev.json"}, status: "1",
			wantArgs: []string{"review", "--check", "--token-env", "INPUT_TOKEN", "--no-config", "--runtime", "alpine", "a/Dockerfile", "b/*"},
			wantExit: 1, wantOut: []string{"changed=true"}, event: "/tmp/ev.json"},
		{name: "check fails on a change by default and writes the diff to the job summary",
			env: map[string]string{"INPUT_MODE": "check"}, status: "1",
			wantArgs: []string{"--check", "-d", "."}, wantExit: 1, wantOut: []string{"changed=true"}, summary: true},
		{name: "check passes with nothing to change",
			env: map[string]string{"INPUT_MODE": "check", "INPUT_PATHS": "Dockerfile"}, status: "0",
			wantArgs: []string{"--check", "-d", "Dockerfile"}, wantOut: []string{"changed=false"}},
		{name: "check with fail-on-change false",
			env: map[string]string{"INPUT_MODE": "check", "INPUT_FAIL_ON_CHANGE": "false"}, status: "1",
			wantArgs: []string{"--check", "-d", "."}, wantOut: []string{"changed=true"}, summary: true},
		{name: "sarif never fails on a change by default, so the upload runs",
			env: map[string]string{"INPUT_MODE": "sarif", "INPUT_SARIF_FILE": "out.sarif"}, status: "1",
			wantArgs: []string{"--format", "sarif", "--check", "."}, wantOut: []string{"sarif-file=out.sarif", "changed=true"}},
		{name: "restage's error is the step's",
			env: map[string]string{"INPUT_MODE": "check"}, status: "2",
			wantArgs: []string{"--check", "-d", "."}, wantExit: 2},
		{name: "an unknown mode", env: map[string]string{"INPUT_MODE": "fix"}, wantExit: 2},
		{name: "a bad fail-on-change", env: map[string]string{"INPUT_MODE": "check", "INPUT_FAIL_ON_CHANGE": "yes"}, wantExit: 2},
	}
	script, err := filepath.Abs("run.sh")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bin, argsFile := fakeRestage(t, tc.status)
			work := t.TempDir()
			output := filepath.Join(work, "output")
			summary := filepath.Join(work, "summary")
			cmd := exec.Command("bash", script)
			cmd.Dir = work
			cmd.Env = []string{"PATH=" + bin + ":" + os.Getenv("PATH"), "RUNNER_TEMP=" + work,
				"GITHUB_OUTPUT=" + output, "GITHUB_STEP_SUMMARY=" + summary, "INPUT_TOKEN=secret"}
			for k, v := range tc.env {
				cmd.Env = append(cmd.Env, k+"="+v)
			}
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.wantExit {
				t.Errorf("exit %d, want %d; output:\n%s", code, tc.wantExit, out)
			}
			if strings.Contains(string(out), "secret") {
				t.Errorf("the token reached the log:\n%s", out)
			}
			args, _ := os.ReadFile(argsFile)
			var got []string
			if len(args) > 0 {
				got = strings.Split(strings.TrimSuffix(string(args), "\n"), "\n")
			}
			if !slices.Equal(got, tc.wantArgs) {
				t.Errorf("restage ran with %q, want %q", got, tc.wantArgs)
			}
			gotOut, _ := os.ReadFile(output)
			var outs []string
			if len(gotOut) > 0 {
				outs = strings.Split(strings.TrimSuffix(string(gotOut), "\n"), "\n")
			}
			if !slices.Equal(outs, tc.wantOut) {
				t.Errorf("GITHUB_OUTPUT %q, want %q", outs, tc.wantOut)
			}
			sum, _ := os.ReadFile(summary)
			if tc.summary != strings.Contains(string(sum), "+FROM a AS build") {
				t.Errorf("job summary (want the diff: %v):\n%s", tc.summary, sum)
			}
			if tc.summary && strings.Contains(string(sum), "\nDockerfile\n") {
				t.Errorf("the job summary's diff holds restage's list of files:\n%s", sum)
			}
			if tc.event != "" {
				ev, _ := os.ReadFile(argsFile + ".event")
				if strings.TrimSpace(string(ev)) != tc.event {
					t.Errorf("GITHUB_EVENT_PATH %q, want %q", ev, tc.event)
				}
			}
			if tc.env["INPUT_MODE"] == "sarif" {
				if b, _ := os.ReadFile(filepath.Join(work, tc.env["INPUT_SARIF_FILE"])); !strings.Contains(string(b), "+FROM a AS build") {
					t.Errorf("the SARIF file does not hold restage's stdout: %q", b)
				}
			}
		})
	}
}
