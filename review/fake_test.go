package review

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeGitHub is an in-process GitHub REST API for one pull request
// (owner/repo#7) that enforces the rules real GitHub does, so the bot
// cannot pass by luck: a review comment's lines must be RIGHT-side lines
// of one hunk of the file's diff, start_line must precede line, the
// commit must be the head; a read-only token gets 403 on writes; the
// files list is paginated.
type fakeGitHub struct {
	t       *testing.T
	mu      sync.Mutex
	token   string
	head    string
	files   []fakeFile
	perPage int // the files list's page size, small to force pagination

	reviewComments []fakeComment
	issueComments  []fakeComment
	nextID         int64

	readOnly      bool // writes get 403 "Resource not accessible by integration"
	secondaryHits int  // this many POST /reviews get a secondary rate limit 403 with Retry-After: 1
	primaryHits   int  // this many GET /files get 403 with x-ratelimit-remaining: 0
	tooManyHits   int  // this many GET /pulls/7/comments get 429 with Retry-After: 1
	serverErrors  int  // this many GET /issues/7/comments get 502

	reviews []fakeReview // accepted reviews
	log     []string     // "METHOD path" of every request
}

type fakeFile struct {
	Filename string `json:"filename"`
	Status   string `json:"status"`
	Patch    string `json:"patch,omitempty"`
}

type fakeUser struct {
	Login string `json:"login"`
}

type fakeComment struct {
	ID        int64    `json:"id"`
	Body      string   `json:"body"`
	User      fakeUser `json:"user"`
	Path      string   `json:"path,omitempty"`
	Line      int      `json:"line,omitempty"`
	StartLine int      `json:"start_line,omitempty"`
	InReplyTo int64    `json:"in_reply_to_id,omitempty"`
}

type fakeReview struct {
	CommitID string           `json:"commit_id"`
	Event    string           `json:"event"`
	Body     string           `json:"body"`
	Comments []map[string]any `json:"comments"`
}

const botLogin = "github-actions[bot]"

func newFake(t *testing.T, head string, files ...fakeFile) (*fakeGitHub, *httptest.Server) {
	f := &fakeGitHub{t: t, token: "ghs_secret_token_value", head: head, files: files, perPage: 100, nextID: 100}
	srv := httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeGitHub) fail(w http.ResponseWriter, status int, msg string, errs ...string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	body := map[string]any{"message": msg, "documentation_url": "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request"}
	if len(errs) > 0 {
		body["errors"] = errs
	}
	json.NewEncoder(w).Encode(body)
}

func (f *fakeGitHub) reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (f *fakeGitHub) count(method, suffix string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, l := range f.log {
		if strings.HasPrefix(l, method+" ") && strings.HasSuffix(strings.SplitN(l, "?", 2)[0], suffix) {
			n++
		}
	}
	return n
}

func (f *fakeGitHub) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log = append(f.log, r.Method+" "+r.URL.RequestURI())
	if r.Header.Get("Authorization") != "Bearer "+f.token {
		f.fail(w, 401, "Bad credentials")
		return
	}
	const base = "/repos/octo/app/"
	p, ok := strings.CutPrefix(r.URL.Path, base)
	if !ok {
		f.fail(w, 404, "Not Found")
		return
	}
	write := r.Method != http.MethodGet
	if write && f.readOnly {
		f.fail(w, 403, "Resource not accessible by integration")
		return
	}
	switch {
	case r.Method == "GET" && p == "pulls/7/files":
		if f.primaryHits > 0 {
			f.primaryHits--
			w.Header().Set("X-RateLimit-Limit", "1000")
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Second).Unix(), 10))
			f.fail(w, 403, "API rate limit exceeded for installation.")
			return
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		page = max(page, 1)
		lo := min((page-1)*f.perPage, len(f.files))
		hi := min(lo+f.perPage, len(f.files))
		if hi < len(f.files) {
			w.Header().Set("Link", fmt.Sprintf(`<http://%s%s?page=%d>; rel="next"`, r.Host, r.URL.Path, page+1))
		}
		f.reply(w, 200, f.files[lo:hi])
	case r.Method == "GET" && p == "pulls/7/comments":
		if f.tooManyHits > 0 {
			f.tooManyHits--
			w.Header().Set("Retry-After", "1")
			f.fail(w, 429, "Too Many Requests")
			return
		}
		f.reply(w, 200, f.reviewComments)
	case r.Method == "GET" && p == "issues/7/comments":
		if f.serverErrors > 0 {
			f.serverErrors--
			f.fail(w, 502, "Server Error")
			return
		}
		f.reply(w, 200, f.issueComments)
	case r.Method == "POST" && p == "pulls/7/reviews":
		if f.secondaryHits > 0 {
			f.secondaryHits--
			w.Header().Set("Retry-After", "1")
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(403)
			json.NewEncoder(w).Encode(map[string]string{"message": "You have exceeded a secondary rate limit.",
				"documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"})
			return
		}
		f.postReview(w, r)
	case r.Method == "POST" && p == "issues/7/comments":
		var c fakeComment
		json.NewDecoder(r.Body).Decode(&c)
		f.nextID++
		c.ID, c.User = f.nextID, fakeUser{botLogin}
		f.issueComments = append(f.issueComments, c)
		f.reply(w, 201, c)
	case r.Method == "PATCH" && strings.HasPrefix(p, "issues/comments/"):
		id, _ := strconv.ParseInt(strings.TrimPrefix(p, "issues/comments/"), 10, 64)
		var c fakeComment
		json.NewDecoder(r.Body).Decode(&c)
		for i := range f.issueComments {
			if f.issueComments[i].ID == id {
				f.issueComments[i].Body = c.Body
				f.reply(w, 200, f.issueComments[i])
				return
			}
		}
		f.fail(w, 404, "Not Found")
	case r.Method == "DELETE" && strings.HasPrefix(p, "pulls/comments/"):
		id, _ := strconv.ParseInt(strings.TrimPrefix(p, "pulls/comments/"), 10, 64)
		for i := range f.reviewComments {
			if f.reviewComments[i].ID == id {
				f.reviewComments = append(f.reviewComments[:i], f.reviewComments[i+1:]...)
				w.WriteHeader(204)
				return
			}
		}
		f.fail(w, 404, "Not Found")
	default:
		f.fail(w, 404, "Not Found")
	}
}

// rightHunks are the RIGHT-side line numbers of each hunk of a patch,
// found by walking its lines (not by trusting the header counts).
func rightHunks(patch string) []map[int]bool {
	var hunks []map[int]bool
	line := 0
	for l := range strings.Lines(patch) {
		switch {
		case strings.HasPrefix(l, "@@"):
			plus := strings.Fields(l)[2] // +c,d
			n, _ := strconv.Atoi(strings.Split(strings.TrimPrefix(plus, "+"), ",")[0])
			line = n
			hunks = append(hunks, map[int]bool{})
		case strings.HasPrefix(l, "-"), strings.HasPrefix(l, `\`):
		case len(hunks) > 0:
			hunks[len(hunks)-1][line] = true
			line++
		}
	}
	return hunks
}

// postReview accepts a review only when every comment obeys GitHub's
// rules; one bad comment fails the whole review with a 422, as on GitHub.
func (f *fakeGitHub) postReview(w http.ResponseWriter, r *http.Request) {
	var rv fakeReview
	if err := json.NewDecoder(r.Body).Decode(&rv); err != nil {
		f.fail(w, 400, "Problems parsing JSON")
		return
	}
	if rv.CommitID != f.head {
		f.fail(w, 422, "Unprocessable Entity", "commit_id is not part of the pull request")
		return
	}
	if rv.Event != "COMMENT" {
		f.fail(w, 422, "Unprocessable Entity", "event must be COMMENT for a bot")
		return
	}
	var added []fakeComment
	for _, c := range rv.Comments {
		if _, ok := c["position"]; ok {
			f.fail(w, 422, "Unprocessable Entity", "position is deprecated: this fake takes line/side only")
			return
		}
		path, _ := c["path"].(string)
		body, _ := c["body"].(string)
		line := intOf(c["line"])
		start := intOf(c["start_line"])
		if c["side"] != "RIGHT" || (start != 0 && c["start_side"] != "RIGHT") {
			f.fail(w, 422, "Unprocessable Entity", "side must be RIGHT")
			return
		}
		if len(body) > 65536 {
			f.fail(w, 422, "Unprocessable Entity", "Body is too long (maximum is 65536 characters)")
			return
		}
		if start != 0 && start >= line {
			f.fail(w, 422, "Unprocessable Entity", "Pull request review thread start line must precede the end line.")
			return
		}
		var patch string
		found := false
		for _, pf := range f.files {
			if pf.Filename == path {
				patch, found = pf.Patch, true
			}
		}
		if !found {
			f.fail(w, 422, "Unprocessable Entity", "Path could not be resolved")
			return
		}
		if start == 0 {
			start = line
		}
		inOne, inDiff := false, false
		for _, h := range rightHunks(patch) {
			inDiff = inDiff || h[line]
			inOne = inOne || (h[start] && h[line])
		}
		if !inOne {
			f.fail(w, 422, "Unprocessable Entity",
				"Pull request review thread line must be part of the diff",
				"Pull request review thread start line must be part of the same hunk as the line.",
				"Pull request review thread diff hunk can't be blank")
			return
		}
		f.nextID++
		added = append(added, fakeComment{ID: f.nextID, Body: body, User: fakeUser{botLogin}, Path: path, Line: line, StartLine: intOf(c["start_line"])})
	}
	f.reviews = append(f.reviews, rv)
	f.reviewComments = append(f.reviewComments, added...)
	f.reply(w, 200, map[string]any{"id": len(f.reviews), "state": "COMMENTED"})
}

func intOf(v any) int {
	n, _ := v.(float64)
	return int(n)
}
