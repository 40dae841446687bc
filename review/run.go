package review

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/restage/restage/workspace"
)

// Config is one run of the bot, read from GitHub Actions' environment
// by the command.
type Config struct {
	APIURL      string // GITHUB_API_URL
	Repository  string // GITHUB_REPOSITORY, owner/name
	EventPath   string // GITHUB_EVENT_PATH: a pull_request or pull_request_target event
	StepSummary string // GITHUB_STEP_SUMMARY; "" writes none
	Token       string // never printed
	// Root is the checked-out working tree the changed files are read
	// from ("" is the current folder).
	Root string
	// Paths limits the run to these Dockerfiles (relative to Root); none:
	// every Dockerfile among the changed files.
	Paths    []string
	Settings *workspace.Settings
	Version  string
	// Author is the login whose marked comments are the bot's own; ""
	// trusts the marker alone.
	Author string
	Check  bool // exit 1 when a change is suggested

	Stdout, Stderr io.Writer
	HTTPClient     *http.Client        // nil: go-github's own, with a timeout
	Sleep          func(time.Duration) // nil: time.Sleep
}

// Exit statuses, as elsewhere in restage.
const (
	ExitOK      = 0
	ExitChanges = 1
	ExitError   = 2
)

type event struct {
	Number      int `json:"number"`
	PullRequest *struct {
		Number int `json:"number"`
		Head   struct {
			SHA  string `json:"sha"`
			Repo struct {
				FullName string `json:"full_name"`
			} `json:"repo"`
		} `json:"head"`
		Base struct {
			SHA  string `json:"sha"`
			Repo struct {
				FullName string `json:"full_name"`
			} `json:"repo"`
		} `json:"base"`
	} `json:"pull_request"`
}

// ReadEvent reads the pull request from a GitHub Actions event file.
func ReadEvent(name string) (PR, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return PR{}, err
	}
	return parseEvent(name, data)
}

// parseEvent reads the pull request from an event file's content; name is
// for messages.
func parseEvent(name string, data []byte) (PR, error) {
	var ev event
	if err := json.Unmarshal(data, &ev); err != nil {
		return PR{}, fmt.Errorf("%s: not an event: %v", name, err)
	}
	if ev.PullRequest == nil || ev.PullRequest.Head.SHA == "" {
		return PR{}, fmt.Errorf("%s: not a pull_request or pull_request_target event (no pull_request.head.sha)", name)
	}
	p := ev.PullRequest
	n := p.Number
	if n == 0 {
		n = ev.Number
	}
	return PR{Number: n, HeadSHA: p.Head.SHA, BaseSHA: p.Base.SHA, HeadRepo: p.Head.Repo.FullName, BaseRepo: p.Base.Repo.FullName}, nil
}

// Run reviews the pull request and returns the exit status. Errors are
// printed on Stderr as "path:line: message" or "restage: message".
func Run(ctx context.Context, cfg Config) int {
	r := &run{Config: cfg}
	if r.Sleep == nil {
		r.Sleep = time.Sleep
	}
	status, err := r.run(ctx)
	if err != nil {
		fmt.Fprintf(r.Stderr, "restage: %v\n", err)
		return ExitError
	}
	return status
}

type run struct {
	Config
	api *client
	pr  PR
}

func (r *run) run(ctx context.Context) (int, error) {
	owner, name, ok := strings.Cut(r.Repository, "/")
	if !ok || owner == "" || name == "" {
		return 0, fmt.Errorf("GITHUB_REPOSITORY %q is not owner/name", r.Repository)
	}
	if r.EventPath == "" {
		return 0, errors.New("GITHUB_EVENT_PATH is not set: restage review runs in a GitHub Actions job on pull_request or pull_request_target")
	}
	pr, err := ReadEvent(r.EventPath)
	if err != nil {
		return 0, err
	}
	r.pr = pr
	if r.api, err = newClient(r.APIURL, r.Token, owner, name, r.HTTPClient, r.Sleep, r.Stderr); err != nil {
		return 0, err
	}
	prFiles, err := r.api.files(ctx, pr.Number)
	if err != nil {
		return 0, errors.New(apiError(err))
	}
	files, status := r.convert(prFiles)

	existing, err := r.api.reviewComments(ctx, pr.Number)
	if err != nil {
		return 0, errors.New(apiError(err))
	}
	posted := map[string]bool{}
	for _, c := range existing {
		if kind, fp, ok := ParseMarker(c.Body); ok && kind == "suggestion" && r.mine(c) {
			posted[fp] = true
		}
	}
	items := Plan(files, posted, r.Version, MaxComments)

	notice, err := r.post(ctx, items, existing)
	if err != nil {
		return 0, err
	}
	if err := r.writeSummary(StepSummary(items, pr.HeadSHA, notice, notice != "")); err != nil {
		return 0, err
	}
	for _, it := range items {
		if r.Check && (it.Outcome == Suggest || it.Outcome == Posted || it.Outcome == Fallback) {
			status = max(status, ExitChanges)
		}
	}
	return status, nil
}

func (r *run) mine(c Comment) bool {
	return r.Author == "" || c.Author == r.Author
}

// convert reads and converts the Dockerfiles among the changed files
// from the working tree, as the restage command does.
func (r *run) convert(prFiles []PRFile) ([]File, int) {
	status := ExitOK
	byPath := map[string]PRFile{}
	for _, f := range prFiles {
		byPath[f.Path] = f
	}
	var paths []string
	if len(r.Paths) > 0 {
		for _, p := range r.Paths {
			paths = append(paths, filepath.ToSlash(filepath.Clean(p)))
		}
	} else {
		for _, f := range prFiles {
			if f.Status != "removed" && workspace.IsDockerfileName(path.Base(f.Path)) {
				paths = append(paths, f.Path)
			}
		}
	}
	var files []File
	for _, p := range paths {
		pf := byPath[p]
		rec := r.Settings.Process(workspace.Job{Path: filepath.Join(r.Root, filepath.FromSlash(p))})
		rec.Path = p
		if rec.Status == workspace.Error {
			fmt.Fprintln(r.Stderr, rec.Message())
			status = ExitError
		}
		files = append(files, File{Path: p, Added: pf.Status == "added", Hunks: Hunks(pf.Patch), Record: rec})
	}
	return files, status
}

// post makes the run's one review and updates the summary comment. A
// token that may not write turns both into annotations; notice then says
// which permission is missing.
func (r *run) post(ctx context.Context, items []Item, existing []Comment) (notice string, err error) {
	var drafts []Draft
	keep := map[string]bool{}
	for _, it := range items {
		switch it.Outcome {
		case Suggest:
			drafts = append(drafts, Draft{Path: it.Path, Start: it.Span.Start, End: it.Span.End, Body: SuggestionBody(it, r.Version)})
			keep[it.FP] = true
		case Posted:
			keep[it.FP] = true
		}
	}
	if len(drafts) > 0 {
		body := fmt.Sprintf("restage suggests splitting %d Dockerfile(s) into a build and a runtime stage; each suggestion is one whole change.\n\n%s\n", len(drafts), Marker("review", "", ""))
		if err := r.api.createReview(ctx, r.pr.Number, r.pr.HeadSHA, body, drafts); err != nil {
			if denied(err) {
				return r.readOnly(items, "pull-requests: write", err), nil
			}
			return "", errors.New(apiError(err))
		}
		fmt.Fprintf(r.Stderr, "restage: posted a review with %d suggestion(s)\n", len(drafts))
	}
	if err := r.removeStale(ctx, existing, keep); err != nil {
		return "", err
	}
	if err := r.sticky(ctx, items); err != nil {
		if denied(err) {
			return r.readOnly(items, "issues: write", err), nil
		}
		return "", errors.New(apiError(err))
	}
	return "", nil
}

// readOnly prints the changes as annotations and says which permission
// the token lacks.
func (r *run) readOnly(items []Item, permission string, err error) string {
	for _, a := range Annotations(items) {
		fmt.Fprintln(r.Stdout, a)
	}
	fork := ""
	if r.pr.HeadRepo != "" && r.pr.BaseRepo != "" && r.pr.HeadRepo != r.pr.BaseRepo {
		fork = " (a pull request from a fork gets a read-only token under pull_request)"
	}
	msg := fmt.Sprintf("The token cannot post on this pull request%s: it needs `%s` (GitHub said: %s). The changes are shown as annotations and below.", fork, permission, apiError(err))
	fmt.Fprintf(r.Stderr, "restage: %s\n", strings.ReplaceAll(msg, "`", ""))
	return msg
}

// removeStale deletes the bot's earlier suggestions that this run no
// longer makes, unless someone replied to them.
func (r *run) removeStale(ctx context.Context, existing []Comment, keep map[string]bool) error {
	replied := map[int64]bool{}
	for _, c := range existing {
		if c.InReplyTo != 0 {
			replied[c.InReplyTo] = true
		}
	}
	for _, c := range existing {
		kind, fp, ok := ParseMarker(c.Body)
		if !ok || kind != "suggestion" || !r.mine(c) || keep[fp] || replied[c.ID] || c.InReplyTo != 0 {
			continue
		}
		if err := r.api.deleteReviewComment(ctx, c.ID); err != nil {
			if denied(err) {
				fmt.Fprintf(r.Stderr, "restage: could not remove a stale suggestion: %s\n", apiError(err))
				continue
			}
			return errors.New(apiError(err))
		}
	}
	return nil
}

// sticky creates or updates the one summary comment. With nothing in
// it and none posted before, it posts nothing.
func (r *run) sticky(ctx context.Context, items []Item) error {
	body := SummaryBody(items, r.pr.HeadSHA)
	hasFallback := slices.ContainsFunc(items, func(it Item) bool { return it.Outcome == Fallback })
	comments, err := r.api.issueComments(ctx, r.pr.Number)
	if err != nil {
		return err
	}
	for _, c := range comments {
		if kind, _, ok := ParseMarker(c.Body); ok && kind == "summary" && r.mine(c) {
			if c.Body == body {
				return nil
			}
			return r.api.editIssueComment(ctx, c.ID, body)
		}
	}
	if !hasFallback {
		return nil
	}
	return r.api.createIssueComment(ctx, r.pr.Number, body)
}

func (r *run) writeSummary(s string) error {
	if r.StepSummary == "" {
		return nil
	}
	f, err := os.OpenFile(r.StepSummary, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("GITHUB_STEP_SUMMARY: %v", err)
	}
	_, err = io.WriteString(f, s)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
