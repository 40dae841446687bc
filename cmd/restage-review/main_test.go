package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEnvironment(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{nil, map[string]string{}, "no token in $GITHUB_TOKEN"},
		{[]string{"--token-env", "BOT_TOKEN"}, map[string]string{"GITHUB_TOKEN": "ghs_x"}, "no token in $BOT_TOKEN"},
		{[]string{"--token-env", "BOT_TOKEN"}, map[string]string{"BOT_TOKEN": "ghs_secret", "GITHUB_REPOSITORY": "o/r"}, "GITHUB_EVENT_PATH is not set"},
		{nil, map[string]string{"GITHUB_TOKEN": "ghs_secret", "GITHUB_REPOSITORY": "nope"}, `GITHUB_REPOSITORY "nope" is not owner/name`},
		{[]string{"--runtime", "no-such-flavor"}, map[string]string{"GITHUB_TOKEN": "ghs_secret"}, "no-such-flavor"},
	} {
		var out, errb strings.Builder
		code := run(c.args, func(k string) string { return c.env[k] }, &out, &errb)
		if code != 2 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v %v: exit %d, stderr %q, want 2 and %q", c.args, c.env, code, errb.String(), c.want)
		}
		if strings.Contains(out.String()+errb.String(), "ghs_secret") {
			t.Errorf("the token was printed: %q", errb.String())
		}
	}
}

// TestReadsGitHubActionsEnvironment runs the wiring against a server
// that answers the bot's reads for a pull request with no Dockerfile:
// the API URL, the repository, the event's number and the token from
// the named variable reach GitHub, and the job summary is written.
func TestReadsGitHubActionsEnvironment(t *testing.T) {
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.Method+" "+r.URL.Path+" "+r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, "[]")
	}))
	defer srv.Close()
	dir := t.TempDir()
	event := filepath.Join(dir, "event.json")
	os.WriteFile(event, []byte(`{"number":42,"pull_request":{"number":42,"head":{"sha":"abc"},"base":{"sha":"def"}}}`), 0o644)
	summary := filepath.Join(dir, "summary.md")
	env := map[string]string{"GITHUB_API_URL": srv.URL, "GITHUB_REPOSITORY": "octo/app", "GITHUB_EVENT_PATH": event,
		"GITHUB_STEP_SUMMARY": summary, "BOT_TOKEN": "ghs_secret"}
	var out, errb strings.Builder
	if code := run([]string{"--token-env", "BOT_TOKEN"}, func(k string) string { return env[k] }, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want := "[GET /repos/octo/app/pulls/42/files Bearer ghs_secret GET /repos/octo/app/pulls/42/comments Bearer ghs_secret GET /repos/octo/app/issues/42/comments Bearer ghs_secret]"
	if fmt.Sprint(seen) != want {
		t.Errorf("requests %v\nwant %s", seen, want)
	}
	if b, _ := os.ReadFile(summary); !strings.Contains(string(b), "No Dockerfile among the pull request's changed files") {
		t.Errorf("job summary %q", b)
	}
}
