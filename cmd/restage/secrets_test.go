package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/restage/restage/transform"
)

// The secrets of the secret cases: the default of a build ARG that looks
// like a secret, and the value of an ENV that does.
const (
	argSecret = "ghp-default-build-token"
	envSecret = "s3cr3t-literal-value"
)

// secretDockerfile bakes envSecret into the image (kept, with RS316) and
// gives argSecret to a build step only; secretDeclined needs a secret
// build argument in the runtime stage (declined, RS239).
const (
	secretDockerfile = "FROM golang:1.26\nARG GITHUB_TOKEN=" + argSecret + "\nENV API_KEY=" + envSecret + "\nWORKDIR /app\nCOPY . .\n" +
		"RUN git config --global url.\"https://${GITHUB_TOKEN}@github.com/\".insteadOf \"https://github.com/\"\n" +
		"RUN go build -o server .\nEXPOSE 8080\nCMD [\"./server\"]\n"
	secretDeclined = "FROM golang:1.26\nARG API_TOKEN=" + argSecret + "\nENV API_TOKEN=$API_TOKEN\nWORKDIR /app\nCOPY . .\n" +
		"RUN go build -o server .\nCMD [\"./server\"]\n"
)

// TestSecretsNeverEchoed runs the real engine on a file with secrets in
// every format. No message (stderr notes, explain, the notes and decline
// reasons of --json, SARIF's and rdjson's messages) holds a secret value;
// what the fixes add (edits, diff lines, SARIF fixes, rdjson suggestions)
// has the ENV's value, which the runtime keeps as the original did, and
// never the ARG's.
func TestSecretsNeverEchoed(t *testing.T) {
	dir := t.TempDir()
	kept := filepath.Join(dir, "kept", "Dockerfile")
	declined := filepath.Join(dir, "declined", "Dockerfile")
	writeFile(t, kept, secretDockerfile)
	writeFile(t, declined, secretDeclined)
	ta := newTestApp()
	ta.convert = transform.Convert

	// The diff: the ENV's value on one added line (the runtime's ENV),
	// the ARG's on none; stderr names the keys only.
	code, out, errs := ta.run("-v", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	added := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "+") && !strings.HasPrefix(l, "+++") {
			if strings.Contains(l, argSecret) {
				t.Errorf("the diff adds the ARG's secret: %q", l)
			}
			if strings.Contains(l, envSecret) {
				added++
			}
		}
	}
	if added != 1 {
		t.Errorf("the diff adds the ENV's value %d times, want once (the runtime keeps it):\n%s", added, out)
	}
	for _, want := range []string{"[RS316]", "ENV API_KEY", "[RS239]", "build argument API_TOKEN"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	noSecret(t, "stderr of -v", errs)

	_, out, errs = ta.run("explain", "-v", kept, declined)
	noSecret(t, "explain", out+errs)

	// The machine-readable formats: every string is either a message or
	// fix content, told apart by where it sits.
	for _, format := range []string{"json", "sarif", "rdjson"} {
		_, out, errs := ta.run("--format", format, dir)
		noSecret(t, format+" stderr", errs)
		var doc any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		envInFix := false
		walkStrings(doc, "", func(path, s string) {
			switch {
			case !isFixPath(path):
				if strings.Contains(s, argSecret) || strings.Contains(s, envSecret) {
					t.Errorf("%s: a secret in a message at %s: %.200q", format, path, s)
				}
				return
			case strings.HasSuffix(path, "/diff"):
				for _, l := range strings.Split(s, "\n") {
					if strings.HasPrefix(l, "+") && strings.Contains(l, argSecret) {
						t.Errorf("%s: the diff at %s adds the ARG's secret: %q", format, path, l)
					}
				}
			case strings.Count(s, argSecret) > 1:
				// A fix may restate the builder's own ARG line (rdjson
				// replaces one span from the FROM on); a second one would
				// be in the runtime stage.
				t.Errorf("%s: the ARG's secret twice in the fix at %s: %q", format, path, s)
			}
			if strings.Contains(s, envSecret) {
				envInFix = true
			}
		})
		if !envInFix {
			t.Errorf("%s: no fix carries the ENV the runtime keeps", format)
		}
		if !strings.Contains(out, "RS316") || (format != "sarif" && format != "rdjson" && !strings.Contains(out, "RS239")) {
			t.Errorf("%s lacks the codes:\n%s", format, out)
		}
	}
}

// noSecret fails when s holds a secret value.
func noSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, v := range []string{argSecret, envSecret} {
		if strings.Contains(s, v) {
			t.Errorf("%s echoes %q:\n%s", what, v, s)
		}
	}
}

// isFixPath says whether a JSON path holds file content a fix writes:
// --json's edits and diff, SARIF's fixes, rdjson's suggestions.
func isFixPath(path string) bool {
	for _, p := range []string{"/edits/", "/diff", "/fixes/", "/suggestions/"} {
		if strings.Contains(path, p) || strings.HasSuffix(path, strings.TrimSuffix(p, "/")) {
			return true
		}
	}
	return false
}

// walkStrings calls f with every string in a decoded JSON document and
// its path (/key/0/key).
func walkStrings(v any, path string, f func(path, s string)) {
	switch x := v.(type) {
	case string:
		f(path, x)
	case []any:
		for i, e := range x {
			walkStrings(e, fmt.Sprintf("%s/%d", path, i), f)
		}
	case map[string]any:
		for k, e := range x {
			walkStrings(e, path+"/"+k, f)
		}
	}
}
