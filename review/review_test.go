package review

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/restage/restage/transform"
	"github.com/restage/restage/workspace"
)

const goDockerfile = `FROM golang:1.24
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /bin/app ./cmd/app
EXPOSE 8080
CMD ["/bin/app"]
`

const head = "0123456789abcdef0123456789abcdef01234567"

// addedPatch is GitHub's patch of a new file: one hunk of added lines.
func addedPatch(content string) string {
	n := strings.Count(content, "\n")
	var b strings.Builder
	fmt.Fprintf(&b, "@@ -0,0 +1,%d @@\n", n)
	for l := range strings.Lines(content) {
		b.WriteString("+" + l)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// editedPatch is the patch of a change to line n of content (1-based)
// with three lines of context, as GitHub computes it.
func editedPatch(content string, n int) string {
	lines := strings.Split(strings.TrimSuffix(content, "\n"), "\n")
	lo, hi := max(1, n-3), min(len(lines), n+3)
	var b strings.Builder
	fmt.Fprintf(&b, "@@ -%d,%d +%d,%d @@\n", lo, hi-lo+1, lo, hi-lo+1)
	for i := lo; i <= hi; i++ {
		if i == n {
			b.WriteString("-old line\n+" + lines[i-1] + "\n")
		} else {
			b.WriteString(" " + lines[i-1] + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

type env struct {
	fake    *fakeGitHub
	cfg     Config
	root    string
	summary string
	stdout  *bytes.Buffer
	stderr  *bytes.Buffer
	waits   []time.Duration
}

// newEnv is a checked-out repository with the given files and a pull
// request whose changed files are prFiles.
func newEnv(t *testing.T, tree map[string]string, prFiles ...fakeFile) *env {
	t.Helper()
	root := t.TempDir()
	for name, content := range tree {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fake, srv := newFake(t, head, prFiles...)
	event := filepath.Join(t.TempDir(), "event.json")
	os.WriteFile(event, []byte(`{"action":"synchronize","number":7,"pull_request":{"number":7,
		"head":{"sha":"`+head+`","repo":{"full_name":"octo/app"}},
		"base":{"sha":"fedcba9876543210fedcba9876543210fedcba98","repo":{"full_name":"octo/app"}}}}`), 0o644)
	ws, err := workspace.New(workspace.Choices{NoConfig: true, MaxSize: "1MiB"})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{fake: fake, root: root, summary: filepath.Join(t.TempDir(), "summary.md"), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	e.cfg = Config{
		APIURL: srv.URL, Repository: "octo/app", EventPath: event, StepSummary: e.summary,
		Token: fake.token, Root: root, Settings: ws, Version: "v0.test", Author: botLogin,
		Stdout: e.stdout, Stderr: e.stderr,
		Sleep: func(d time.Duration) { e.waits = append(e.waits, d); time.Sleep(d) },
	}
	return e
}

func (e *env) run(t *testing.T) int {
	t.Helper()
	e.stdout.Reset()
	e.stderr.Reset()
	os.Remove(e.summary)
	status := Run(context.Background(), e.cfg)
	for _, out := range []string{e.stdout.String(), e.stderr.String(), e.stepSummary(), fmt.Sprint(e.fake.log)} {
		if strings.Contains(out, e.fake.token) {
			t.Fatalf("the token was printed: %q", out)
		}
	}
	return status
}

func (e *env) stepSummary() string {
	b, _ := os.ReadFile(e.summary)
	return string(b)
}

// converted is what restage makes of content, for comparison.
func converted(t *testing.T, dir, content string) string {
	t.Helper()
	res, err := transform.Convert([]byte(content), transform.Options{Context: os.DirFS(dir)})
	if err != nil {
		t.Fatal(err)
	}
	return string(res.Output)
}

// applySuggestion does what GitHub's "Commit suggestion" does: the lines
// start..line of file are replaced by the block's lines. (This models
// GitHub's rule as reviewdog documents it for the final newline; it was
// not checked against github.com here.)
func applySuggestion(t *testing.T, file string, c fakeComment) string {
	t.Helper()
	body := c.Body
	i := strings.Index(body, "suggestion\n")
	if i < 0 {
		t.Fatalf("no suggestion block in %q", body)
	}
	f := body[strings.LastIndex(body[:i], "\n")+1 : i] // the opening fence
	rest := body[i+len("suggestion\n"):]
	j := strings.Index(rest, f+"\n")
	if j < 0 {
		t.Fatalf("no closing fence %q in %q", f, body)
	}
	block := rest[:j]
	lines := strings.SplitAfter(file, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	start := c.StartLine
	if start == 0 {
		start = c.Line
	}
	if c.Line == len(lines) && !strings.HasSuffix(file, "\n") {
		// The last line had no newline, and keeps none unless the block
		// ends in an empty line (how an added final newline is written).
		block = strings.TrimSuffix(block, "\n")
	}
	return strings.Join(lines[:start-1], "") + block + strings.Join(lines[c.Line:], "")
}

func TestNewDockerfileGetsOneSuggestion(t *testing.T) {
	e := newEnv(t, map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""},
		fakeFile{Filename: "Dockerfile", Status: "added", Patch: addedPatch(goDockerfile)})
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	if len(e.fake.reviews) != 1 || len(e.fake.reviewComments) != 1 {
		t.Fatalf("want one review with one comment, got %d reviews, %d comments", len(e.fake.reviews), len(e.fake.reviewComments))
	}
	rv := e.fake.reviews[0]
	c := e.fake.reviewComments[0]
	if rv.Event != "COMMENT" || rv.CommitID != head {
		t.Errorf("review event %q commit %q", rv.Event, rv.CommitID)
	}
	if c.StartLine != 1 || c.Line != 8 {
		t.Errorf("comment on lines %d-%d, want 1-8 (the first to the last edited line: EXPOSE and CMD move to the runtime stage)", c.StartLine, c.Line)
	}
	if got, want := applySuggestion(t, goDockerfile, c), converted(t, e.root, goDockerfile); got != want {
		t.Errorf("the suggestion applied gives\n%s\nrestage gives\n%s", got, want)
	}
	golden(t, "suggestion.md", c.Body)
	for _, want := range []string{"gcr.io/distroless/static", "`RS1", "restage -w Dockerfile", "<!-- restage:v1 kind=suggestion path=Dockerfile fp="} {
		if !strings.Contains(c.Body, want) {
			t.Errorf("comment lacks %q:\n%s", want, c.Body)
		}
	}
	if len(e.fake.issueComments) != 0 {
		t.Errorf("a summary comment was posted for a change that is a suggestion: %v", e.fake.issueComments)
	}
	if !strings.Contains(e.stepSummary(), "| `Dockerfile` | suggested (lines 1-8) |") {
		t.Errorf("step summary:\n%s", e.stepSummary())
	}

	// A re-run on the same head recognises its suggestion and posts nothing.
	posts := e.fake.count("POST", "/reviews")
	if s := e.run(t); s != ExitOK {
		t.Fatalf("re-run: exit %d, stderr:\n%s", s, e.stderr)
	}
	if e.fake.count("POST", "/reviews") != posts || len(e.fake.reviewComments) != 1 || e.fake.count("POST", "/comments") != 0 {
		t.Errorf("the re-run posted again: %v", e.fake.log)
	}
	if !strings.Contains(e.stepSummary(), "already suggested") {
		t.Errorf("step summary of the re-run:\n%s", e.stepSummary())
	}
	// --check fails while the suggestion stands.
	e.cfg.Check = true
	if s := e.run(t); s != ExitChanges {
		t.Errorf("--check: exit %d, want 1", s)
	}
}

func TestOneLineChangedInAnOldDockerfileFallsBackToTheSummary(t *testing.T) {
	e := newEnv(t, map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""},
		fakeFile{Filename: "Dockerfile", Status: "modified", Patch: editedPatch(goDockerfile, 8)})
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	if len(e.fake.reviews) != 0 {
		t.Fatalf("a review was posted for lines outside the diff: %+v", e.fake.reviews)
	}
	if len(e.fake.issueComments) != 1 {
		t.Fatalf("want one summary comment, got %d", len(e.fake.issueComments))
	}
	body := e.fake.issueComments[0].Body
	golden(t, "summary.md", body)
	for _, want := range []string{"<!-- restage:v1 kind=summary -->", "<details>", "```diff\n--- a/Dockerfile", "+FROM gcr.io/distroless/static", "restage -w Dockerfile", "`RS1", "outside the lines this pull request changed"} {
		if !strings.Contains(body, want) {
			t.Errorf("summary lacks %q:\n%s", want, body)
		}
	}

	// The same head again: the comment is found and left as it is.
	if s := e.run(t); s != ExitOK {
		t.Fatalf("re-run: exit %d", s)
	}
	if n := e.fake.count("POST", "/issues/7/comments"); n != 1 || e.fake.count("PATCH", "") != 0 {
		t.Errorf("re-run posted %d summaries, patched %d times", n, e.fake.count("PATCH", ""))
	}

	// The author applies it: the summary says nothing is left, in place.
	out := converted(t, e.root, goDockerfile)
	os.WriteFile(filepath.Join(e.root, "Dockerfile"), []byte(out), 0o644)
	e.fake.head = "1111111111111111111111111111111111111111"
	e.fake.files[0].Patch = addedPatch(out) // any diff: nothing is left to place
	ev, _ := os.ReadFile(e.cfg.EventPath)
	os.WriteFile(e.cfg.EventPath, bytes.ReplaceAll(ev, []byte(head), []byte(e.fake.head)), 0o644)
	if s := e.run(t); s != ExitOK {
		t.Fatalf("after the fix: exit %d, stderr:\n%s", s, e.stderr)
	}
	if len(e.fake.issueComments) != 1 || !strings.Contains(e.fake.issueComments[0].Body, "Nothing left to suggest") {
		t.Errorf("want the one summary updated to say nothing is left: %+v", e.fake.issueComments)
	}
	if !strings.Contains(e.stepSummary(), "already multi-stage") {
		t.Errorf("step summary:\n%s", e.stepSummary())
	}
}

func TestAlreadyConvertedAndDeclinedPostNothing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "go.sum"), nil, 0o644)
	done := converted(t, dir, goDockerfile)
	alpine := "FROM alpine:3.20\nRUN echo hi\n"
	e := newEnv(t, map[string]string{"done/Dockerfile": done, "done/go.mod": "module example.com/app\n", "done/go.sum": "", "other/Dockerfile": alpine},
		fakeFile{Filename: "done/Dockerfile", Status: "added", Patch: addedPatch(done)},
		fakeFile{Filename: "other/Dockerfile", Status: "added", Patch: addedPatch(alpine)})
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	for _, l := range e.fake.log {
		if !strings.HasPrefix(l, "GET ") {
			t.Errorf("wrote to GitHub with nothing to suggest: %s", l)
		}
	}
	sum := e.stepSummary()
	for _, want := range []string{"| `done/Dockerfile` | left unchanged: already multi-stage", "| `other/Dockerfile` | left unchanged: no preset matches base image alpine:3.20 [RS"} {
		if !strings.Contains(sum, want) {
			t.Errorf("step summary lacks %q:\n%s", want, sum)
		}
	}
}

func TestTwoDockerfilesOneReviewAcrossPages(t *testing.T) {
	e := newEnv(t, map[string]string{"a/Dockerfile": goDockerfile, "a/go.mod": "module a\n", "a/go.sum": "", "b/Dockerfile": goDockerfile, "b/go.mod": "module b\n", "b/go.sum": "", "main.go": "package main\n"},
		fakeFile{Filename: "a/Dockerfile", Status: "added", Patch: addedPatch(goDockerfile)},
		fakeFile{Filename: "main.go", Status: "added", Patch: "@@ -0,0 +1 @@\n+package main"},
		fakeFile{Filename: "b/Dockerfile", Status: "added", Patch: addedPatch(goDockerfile)})
	e.fake.perPage = 1 // three pages
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	if n := e.fake.count("GET", "/pulls/7/files"); n != 3 {
		t.Errorf("read %d pages of files, want 3", n)
	}
	if len(e.fake.reviews) != 1 || len(e.fake.reviews[0].Comments) != 2 {
		t.Fatalf("want one review with two comments: %+v", e.fake.reviews)
	}
	paths := e.fake.reviews[0].Comments[0]["path"].(string) + " " + e.fake.reviews[0].Comments[1]["path"].(string)
	if paths != "a/Dockerfile b/Dockerfile" {
		t.Errorf("comments on %s", paths)
	}
}

func TestForkWithReadOnlyTokenAnnotates(t *testing.T) {
	e := newEnv(t, map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""},
		fakeFile{Filename: "Dockerfile", Status: "added", Patch: addedPatch(goDockerfile)})
	ev, _ := os.ReadFile(e.cfg.EventPath)
	os.WriteFile(e.cfg.EventPath, bytes.Replace(ev, []byte(`"full_name":"octo/app"`), []byte(`"full_name":"contributor/app"`), 1), 0o644)
	e.fake.readOnly = true
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	if !strings.HasPrefix(e.stdout.String(), "::notice file=Dockerfile,line=1,endLine=8,title=restage::Split into") {
		t.Errorf("annotations:\n%s", e.stdout)
	}
	if !strings.Contains(e.stderr.String(), "pull-requests: write") || !strings.Contains(e.stderr.String(), "fork") {
		t.Errorf("stderr does not name the missing permission:\n%s", e.stderr)
	}
	sum := e.stepSummary()
	for _, want := range []string{"`pull-requests: write`", "Resource not accessible by integration", "```diff\n--- a/Dockerfile"} {
		if !strings.Contains(sum, want) {
			t.Errorf("step summary lacks %q:\n%s", want, sum)
		}
	}
}

func TestReadOnlyForTheSummaryNamesIssuesWrite(t *testing.T) {
	e := newEnv(t, map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""},
		fakeFile{Filename: "Dockerfile", Status: "modified", Patch: editedPatch(goDockerfile, 8)})
	e.fake.readOnly = true
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	if !strings.Contains(e.stderr.String(), "issues: write") || !strings.Contains(e.stdout.String(), "::notice file=Dockerfile,line=1,") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", e.stdout, e.stderr)
	}
}

func TestRateLimitsAreWaitedOut(t *testing.T) {
	e := newEnv(t, map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""},
		fakeFile{Filename: "Dockerfile", Status: "added", Patch: addedPatch(goDockerfile)})
	e.fake.secondaryHits = 1
	e.fake.primaryHits = 1
	e.fake.tooManyHits = 1
	e.fake.serverErrors = 1
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	if len(e.fake.reviews) != 1 {
		t.Fatalf("the review was not posted after the wait: %v", e.fake.log)
	}
	// Order of the calls: files (primary limit), review comments (429),
	// the review (secondary limit), issue comments (502).
	if len(e.waits) != 4 || e.waits[0] < 500*time.Millisecond || e.waits[1] != time.Second || e.waits[2] != time.Second || e.waits[3] != time.Second {
		t.Errorf("waits %v: want the primary reset, Retry-After 1s twice, then a 1s back-off", e.waits)
	}
	if e.fake.count("POST", "/reviews") != 2 || e.fake.count("GET", "/files") != 2 {
		t.Errorf("requests: %v", e.fake.log)
	}
}

func TestA422IsAnErrorWithGitHubsMessage(t *testing.T) {
	// The pull request moved on after the event: its head is no longer
	// the commit the event names, and GitHub refuses the review.
	e := newEnv(t, map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""},
		fakeFile{Filename: "Dockerfile", Status: "added", Patch: addedPatch(goDockerfile)})
	e.fake.head = "2222222222222222222222222222222222222222"
	if s := e.run(t); s != ExitError {
		t.Fatalf("exit %d, want 2", s)
	}
	if want := "restage: POST /repos/octo/app/pulls/7/reviews: 422 Unprocessable Entity; commit_id is not part of the pull request\n"; !strings.HasSuffix(e.stderr.String(), want) {
		t.Errorf("stderr:\n%s\nwant it to end in %q", e.stderr, want)
	}
}

func TestANewFileWithATruncatedPatchFallsBack(t *testing.T) {
	// GitHub lists the file as added, but its patch covers three lines
	// only: the suggestion would not be in the diff, so it is not posted.
	e := newEnv(t, map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""},
		fakeFile{Filename: "Dockerfile", Status: "added", Patch: "@@ -0,0 +1,3 @@\n+FROM golang:1.24\n+WORKDIR /src\n+COPY go.mod go.sum ./"})
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	if len(e.fake.reviews) != 0 || len(e.fake.issueComments) != 1 {
		t.Errorf("%d reviews, %d summaries; want the summary only", len(e.fake.reviews), len(e.fake.issueComments))
	}
}

func TestStaleSuggestionsAreRemovedUnlessAnswered(t *testing.T) {
	e := newEnv(t, map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""},
		fakeFile{Filename: "Dockerfile", Status: "added", Patch: addedPatch(goDockerfile)})
	old := func(id int64, fp string) fakeComment {
		return fakeComment{ID: id, User: fakeUser{botLogin}, Path: "Dockerfile", Line: 6, Body: "old\n" + Marker("suggestion", "Dockerfile", fp)}
	}
	e.fake.reviewComments = []fakeComment{
		old(1, "aaaaaaaaaaaaaaaa"), // stale, unanswered: removed
		old(2, "bbbbbbbbbbbbbbbb"), // stale, answered: kept
		{ID: 3, User: fakeUser{"alice"}, Body: "why?", InReplyTo: 2},
		{ID: 4, User: fakeUser{"mallory"}, Body: "x\n" + Marker("suggestion", "Dockerfile", "cccccccccccccccc")}, // not the bot's
	}
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	var ids []int64
	for _, c := range e.fake.reviewComments {
		ids = append(ids, c.ID)
	}
	if fmt.Sprint(ids[:3]) != "[2 3 4]" || len(ids) != 4 {
		t.Errorf("comments left: %v, want 2 3 4 and the new suggestion", ids)
	}
}

func TestFakeEnforcesGitHubsRules(t *testing.T) {
	fake, srv := newFake(t, head, fakeFile{Filename: "Dockerfile", Status: "modified",
		Patch: "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10,3 +10,4 @@\n j\n+k\n l\n m"})
	post := func(comment map[string]any) int {
		body, _ := json.Marshal(map[string]any{"commit_id": head, "event": "COMMENT", "comments": []any{comment}})
		req, _ := http.NewRequest("POST", srv.URL+"/repos/octo/app/pulls/7/reviews", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+fake.token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, c := range []struct {
		comment map[string]any
		want    int
	}{
		{map[string]any{"path": "Dockerfile", "line": 3, "start_line": 1, "side": "RIGHT", "start_side": "RIGHT", "body": "ok"}, 200},
		{map[string]any{"path": "Dockerfile", "line": 13, "side": "RIGHT", "body": "last line of hunk 2"}, 200},
		{map[string]any{"path": "Dockerfile", "line": 5, "side": "RIGHT", "body": "between hunks"}, 422},
		{map[string]any{"path": "Dockerfile", "line": 11, "start_line": 2, "side": "RIGHT", "start_side": "RIGHT", "body": "two hunks"}, 422},
		{map[string]any{"path": "Dockerfile", "line": 2, "start_line": 2, "side": "RIGHT", "start_side": "RIGHT", "body": "start = line"}, 422},
		{map[string]any{"path": "Dockerfile", "line": 3, "start_line": 1, "side": "LEFT", "body": "left"}, 422},
		{map[string]any{"path": "Dockerfile", "position": 2, "body": "position"}, 422},
		{map[string]any{"path": "Other", "line": 1, "side": "RIGHT", "body": "no such file"}, 422},
	} {
		if got := post(c.comment); got != c.want {
			t.Errorf("%v: status %d, want %d", c.comment, got, c.want)
		}
	}
	fake.readOnly = true
	if got := post(map[string]any{"path": "Dockerfile", "line": 2, "side": "RIGHT", "body": "ok"}); got != 403 {
		t.Errorf("read-only token: status %d, want 403", got)
	}
}

var update = flag.Bool("update", false, "rewrite testdata/*.md from the comments the bot posts")

// golden compares a posted comment with testdata/name; the README's
// "Pull requests" section shows these files, so it shows what the bot
// really posts.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./review -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the posted comment (go test ./review -update, then read git diff):\n%s", p, got)
	}
}

// TestReadmeShowsThePostedComments keeps the README's examples equal to
// what the tests post.
func TestReadmeShowsThePostedComments(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"suggestion.md", "summary.md"} {
		want, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(readme, want) {
			t.Errorf("README.md's \"Pull requests\" section does not show review/testdata/%s verbatim; copy it in", name)
		}
	}
}

func TestAReviewHoldsAtMost30SuggestionsAndGoesOnPastABadFile(t *testing.T) {
	tree := map[string]string{"bad/Dockerfile": "FROM golang:1.24\nFORM x\n"}
	files := []fakeFile{{Filename: "bad/Dockerfile", Status: "added", Patch: addedPatch(tree["bad/Dockerfile"])}}
	for i := range MaxComments + 2 {
		name := fmt.Sprintf("svc%02d/Dockerfile", i)
		tree[name] = goDockerfile
		files = append(files, fakeFile{Filename: name, Status: "added", Patch: addedPatch(goDockerfile)})
	}
	e := newEnv(t, tree, files...)
	if s := e.run(t); s != ExitError {
		t.Fatalf("exit %d, want 2 for the file that does not parse", s)
	}
	if !strings.HasPrefix(e.stderr.String(), "bad/Dockerfile:2: ") {
		t.Errorf("stderr:\n%s", e.stderr)
	}
	if len(e.fake.reviews) != 1 || len(e.fake.reviews[0].Comments) != MaxComments {
		t.Fatalf("want one review with %d comments, got %d reviews", MaxComments, len(e.fake.reviews))
	}
	if len(e.fake.issueComments) != 1 {
		t.Fatalf("want the rest in one summary comment, got %d", len(e.fake.issueComments))
	}
	body := e.fake.issueComments[0].Body
	if !strings.Contains(body, "restage -w svc30/Dockerfile svc31/Dockerfile\n") || !strings.Contains(body, "at most 30 suggestions") {
		t.Errorf("summary:\n%.600s", body)
	}
	// The next run posts the two that did not fit, and the summary says
	// nothing is left.
	if s := e.run(t); s != ExitError {
		t.Fatalf("second run: exit %d", s)
	}
	if len(e.fake.reviews) != 2 || len(e.fake.reviews[1].Comments) != 2 || !strings.Contains(e.fake.issueComments[0].Body, "Nothing left") {
		t.Errorf("second run: %d reviews, summary %q", len(e.fake.reviews), e.fake.issueComments[0].Body)
	}
}

func TestAnOldDockerfileWhoseHunkHoldsTheChangeGetsASuggestion(t *testing.T) {
	// Lines 2 and 6 changed: with their context, one hunk of lines 1-8.
	var p strings.Builder
	p.WriteString("@@ -1,8 +1,8 @@\n")
	for i, l := range strings.Split(strings.TrimSuffix(goDockerfile, "\n"), "\n") {
		if i == 1 || i == 5 {
			p.WriteString("-old\n+" + l + "\n")
		} else {
			p.WriteString(" " + l + "\n")
		}
	}
	e := newEnv(t, map[string]string{"Dockerfile": goDockerfile, "go.mod": "module example.com/app\n", "go.sum": ""},
		fakeFile{Filename: "Dockerfile", Status: "modified", Patch: strings.TrimSuffix(p.String(), "\n")})
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	if len(e.fake.reviewComments) != 1 || len(e.fake.issueComments) != 0 {
		t.Fatalf("%d suggestions, %d summaries; want one suggestion", len(e.fake.reviewComments), len(e.fake.issueComments))
	}
	if got, want := applySuggestion(t, goDockerfile, e.fake.reviewComments[0]), converted(t, e.root, goDockerfile); got != want {
		t.Errorf("applied:\n%s\nwant:\n%s", got, want)
	}
}
