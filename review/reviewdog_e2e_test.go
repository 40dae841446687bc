//go:build e2e

package review

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// reviewdogVersion is the release the issue asks to prove restage's rdjson
// with; `go install` fetches it from the Go module proxy.
const reviewdogVersion = "v0.21.0"

// TestReviewdogPostsRestageSuggestion feeds `restage --format rdjson` on a
// new Dockerfile to a real reviewdog (-reporter=github-pr-review) pointed at
// the fake GitHub API, and checks that the one suggestion it posts, applied
// as GitHub applies it, gives exactly what `restage -w` writes.
//
// The fake answers two more requests here, which only reviewdog makes: the
// repository (for its permalinks) and the pull request's diff (the diff
// media type), here the new file's one hunk. Everything else, including the
// rules a review comment must obey, is the fake's own.
func TestReviewdogPostsRestageSuggestion(t *testing.T) {
	tmp := t.TempDir()
	reviewdog := filepath.Join(tmp, "bin", "reviewdog")
	install := exec.Command("go", "install", "github.com/reviewdog/reviewdog/cmd/reviewdog@"+reviewdogVersion)
	install.Env = append(os.Environ(), "GOBIN="+filepath.Dir(reviewdog), "GOFLAGS=")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install reviewdog@%s: %v\n%s", reviewdogVersion, err, out)
	}
	restage := filepath.Join(tmp, "bin", "restage")
	build := exec.Command("go", "build", "-tags", "urfave_cli_no_docs", "-o", restage, "./cmd/restage")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/restage: %v\n%s", err, out)
	}

	// The pull request's checkout: reviewdog needs a git work tree (it names
	// files relative to its root).
	repo := filepath.Join(tmp, "repo")
	for name, content := range map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""} {
		writeFile(t, filepath.Join(repo, name), content)
	}
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}

	rdjson := exec.Command(restage, "--format", "rdjson", "Dockerfile")
	rdjson.Dir = repo
	diag, err := rdjson.Output()
	if code := exitCode(err); code != 0 && code != 1 {
		t.Fatalf("restage --format rdjson: %v", err)
	}
	if !bytes.Contains(diag, []byte(`"suggestions"`)) {
		t.Fatalf("restage's rdjson has no suggestions:\n%s", diag)
	}

	fake, _ := newFake(t, head, fakeFile{Filename: "Dockerfile", Status: "added", Patch: addedPatch(goDockerfile)})
	prDiff := "diff --git a/Dockerfile b/Dockerfile\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/Dockerfile\n" +
		addedPatch(goDockerfile) + "\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		authorized := r.Header.Get("Authorization") == "Bearer "+fake.token
		switch {
		case authorized && r.Method == "GET" && r.URL.Path == "/repos/octo/app":
			fake.reply(w, 200, map[string]any{"full_name": "octo/app", "html_url": "https://github.com/octo/app"})
		case authorized && r.Method == "GET" && r.URL.Path == "/repos/octo/app/pulls/7" &&
			strings.Contains(r.Header.Get("Accept"), "diff"):
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte(prDiff))
		default:
			fake.serve(w, r)
		}
	}))
	t.Cleanup(srv.Close)

	event := map[string]any{
		"pull_request": map[string]any{"number": 7, "head": map[string]any{"sha": head, "ref": "feature"}},
		"repository":   map[string]any{"name": "app", "owner": map[string]any{"login": "octo"}},
	}
	eventPath := filepath.Join(tmp, "event.json")
	b, _ := json.Marshal(event)
	writeFile(t, eventPath, string(b))

	rd := exec.Command(reviewdog, "-f=rdjson", "-reporter=github-pr-review", "-fail-level=none")
	rd.Dir = repo
	rd.Stdin = bytes.NewReader(diag)
	rd.Env = append(os.Environ(),
		"GITHUB_ACTIONS=true", "GITHUB_EVENT_PATH="+eventPath, "GITHUB_EVENT_NAME=pull_request",
		"GITHUB_REPOSITORY=octo/app", "GITHUB_API_URL="+srv.URL, "GITHUB_API=",
		"REVIEWDOG_GITHUB_API_TOKEN="+fake.token)
	if out, err := rd.CombinedOutput(); err != nil {
		t.Fatalf("reviewdog: %v\n%s\nrequests: %v", err, out, fake.log)
	} else {
		t.Logf("reviewdog:\n%s", out)
	}

	if len(fake.reviews) != 1 || len(fake.reviewComments) != 1 {
		t.Fatalf("want one review with one comment, got %d reviews, %d comments; requests: %v",
			len(fake.reviews), len(fake.reviewComments), fake.log)
	}
	c := fake.reviewComments[0]
	t.Logf("reviewdog's comment on lines %d-%d:\n%s", c.StartLine, c.Line, c.Body)

	write := exec.Command(restage, "-q", "-w", "Dockerfile")
	write.Dir = repo
	if err := write.Run(); err != nil {
		t.Fatalf("restage -w: %v", err)
	}
	want, err := os.ReadFile(filepath.Join(repo, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	if string(want) == goDockerfile {
		t.Fatal("restage -w changed nothing, so the comparison proves little")
	}
	if got := applySuggestion(t, goDockerfile, c); got != string(want) {
		t.Errorf("reviewdog's suggestion applied gives\n%s\nrestage -w writes\n%s", got, want)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}
