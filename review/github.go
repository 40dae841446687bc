package review

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/google/go-github/v89/github"
)

// go-github changes its major version often (17 in 14 months, one of
// them reshaping the constructor); this file is the only one that names
// it, so a bump touches nothing else.

// Comment is an existing comment on the pull request.
type Comment struct {
	ID        int64
	Author    string
	Body      string
	InReplyTo int64 // review comments: the comment this one answers
}

// Draft is one review comment to post: lines Start..End on the RIGHT
// side of Path.
type Draft struct {
	Path       string
	Start, End int
	Body       string
}

// PR is the pull request as the event names it.
type PR struct {
	Number             int
	HeadSHA, BaseSHA   string
	HeadRepo, BaseRepo string
}

// PRFile is one changed file of the pull request.
type PRFile struct {
	Path, Status, Patch string
}

// client is GitHub's REST API as the bot uses it: eight calls.
type client struct {
	gh          *github.Client
	owner, repo string
	sleep       func(time.Duration)
	log         io.Writer
}

func newClient(apiURL, token, owner, repo string, httpClient *http.Client, sleep func(time.Duration), log io.Writer) (*client, error) {
	opts := []github.ClientOptionsFunc{github.WithAuthToken(token), github.WithUserAgent("restage-review")}
	if httpClient != nil {
		opts = append(opts, github.WithHTTPClient(httpClient))
	} else {
		opts = append(opts, github.WithTimeout(60*time.Second))
	}
	if apiURL != "" {
		u := apiURL
		if u[len(u)-1] != '/' {
			u += "/"
		}
		opts = append(opts, github.WithURLs(&u, &u))
	}
	gh, err := github.NewClient(opts...)
	if err != nil {
		return nil, err
	}
	return &client{gh: gh, owner: owner, repo: repo, sleep: sleep, log: log}, nil
}

// maxWait is the longest the bot waits for a rate limit before giving up.
const maxWait = 5 * time.Minute

// retry calls f until it succeeds, waiting out rate limits (Retry-After
// first, then x-ratelimit-reset) and backing off on server errors, a few
// times at most.
func (c *client) retry(what string, f func() error) error {
	for attempt := 0; ; attempt++ {
		err := f()
		if err == nil {
			return nil
		}
		wait, ok := retryWait(err, attempt)
		if !ok || attempt >= 3 || wait > maxWait {
			return err
		}
		fmt.Fprintf(c.log, "restage: %s: GitHub asks to wait (%v); retrying in %s\n", what, short429(err), wait.Round(time.Second))
		c.sleep(wait)
	}
}

func short429(err error) string {
	var ab *github.AbuseRateLimitError
	var rl *github.RateLimitError
	switch {
	case errors.As(err, &ab):
		return "secondary rate limit"
	case errors.As(err, &rl):
		return "rate limit exhausted"
	}
	return "server error"
}

func retryWait(err error, attempt int) (time.Duration, bool) {
	var ab *github.AbuseRateLimitError
	var rl *github.RateLimitError
	var er *github.ErrorResponse
	switch {
	case errors.As(err, &ab):
		if ab.RetryAfter != nil {
			return max(*ab.RetryAfter, 0), true
		}
		return time.Minute << attempt, true // GitHub: at least a minute, then back off
	case errors.As(err, &rl):
		return max(time.Until(rl.Rate.Reset.Time), 0) + time.Second, true
	case errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusTooManyRequests:
		// A 429 without the secondary-limit documentation link that
		// go-github looks for: still Retry-After first.
		if secs, err := strconv.Atoi(er.Response.Header.Get("Retry-After")); err == nil {
			return time.Duration(max(secs, 0)) * time.Second, true
		}
		return time.Minute << attempt, true
	case errors.As(err, &er) && er.Response != nil && er.Response.StatusCode >= 500:
		return time.Second << attempt, true
	}
	return 0, false
}

// denied says whether err is GitHub refusing a write for lack of
// permission: a read-only token gets 403 ("Resource not accessible by
// integration") or 404.
func denied(err error) bool {
	var ab *github.AbuseRateLimitError
	var rl *github.RateLimitError
	var er *github.ErrorResponse
	if errors.As(err, &ab) || errors.As(err, &rl) || !errors.As(err, &er) || er.Response == nil {
		return false
	}
	return er.Response.StatusCode == http.StatusForbidden || er.Response.StatusCode == http.StatusNotFound
}

// apiError is GitHub's error as one line: its message and the details
// of a 422.
func apiError(err error) string {
	var er *github.ErrorResponse
	if !errors.As(err, &er) || er.Response == nil {
		return err.Error()
	}
	msg := fmt.Sprintf("%s %s: %d %s", er.Response.Request.Method, er.Response.Request.URL.Path, er.Response.StatusCode, er.Message)
	for _, e := range er.Errors {
		if e.Message != "" {
			msg += "; " + e.Message
		} else {
			msg += fmt.Sprintf("; %s %s %s", e.Resource, e.Field, e.Code)
		}
	}
	return msg
}

func (c *client) files(ctx context.Context, n int) ([]PRFile, error) {
	var out []PRFile
	opt := &github.ListOptions{PerPage: 100}
	for {
		var page []*github.CommitFile
		var resp *github.Response
		err := c.retry("listing the changed files", func() (err error) {
			page, resp, err = c.gh.PullRequests.ListFiles(ctx, c.owner, c.repo, n, opt)
			return err
		})
		if err != nil {
			return nil, err
		}
		for _, f := range page {
			out = append(out, PRFile{Path: f.GetFilename(), Status: f.GetStatus(), Patch: f.GetPatch()})
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opt.Page = resp.NextPage
	}
}

func (c *client) reviewComments(ctx context.Context, n int) ([]Comment, error) {
	var out []Comment
	opt := &github.PullRequestListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		var page []*github.PullRequestComment
		var resp *github.Response
		err := c.retry("listing review comments", func() (err error) {
			page, resp, err = c.gh.PullRequests.ListComments(ctx, c.owner, c.repo, n, opt)
			return err
		})
		if err != nil {
			return nil, err
		}
		for _, p := range page {
			out = append(out, Comment{ID: p.GetID(), Author: p.GetUser().GetLogin(), Body: p.GetBody(), InReplyTo: p.GetInReplyTo()})
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opt.Page = resp.NextPage
	}
}

func (c *client) issueComments(ctx context.Context, n int) ([]Comment, error) {
	var out []Comment
	opt := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		var page []*github.IssueComment
		var resp *github.Response
		err := c.retry("listing conversation comments", func() (err error) {
			page, resp, err = c.gh.Issues.ListComments(ctx, c.owner, c.repo, n, opt)
			return err
		})
		if err != nil {
			return nil, err
		}
		for _, p := range page {
			out = append(out, Comment{ID: p.GetID(), Author: p.GetUser().GetLogin(), Body: p.GetBody()})
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opt.Page = resp.NextPage
	}
}

// createReview posts one review with event COMMENT. Comments use
// line/side (start_line/start_side for more than one line), never the
// deprecated position.
func (c *client) createReview(ctx context.Context, n int, commit, body string, drafts []Draft) error {
	req := &github.PullRequestReviewRequest{CommitID: &commit, Body: &body, Event: github.Ptr("COMMENT")}
	for _, d := range drafts {
		dc := &github.DraftReviewComment{Path: github.Ptr(d.Path), Body: github.Ptr(d.Body), Line: github.Ptr(d.End), Side: github.Ptr("RIGHT")}
		if d.Start < d.End {
			dc.StartLine, dc.StartSide = github.Ptr(d.Start), github.Ptr("RIGHT")
		}
		req.Comments = append(req.Comments, dc)
	}
	return c.retry("posting the review", func() error {
		_, _, err := c.gh.PullRequests.CreateReview(ctx, c.owner, c.repo, n, req)
		return err
	})
}

func (c *client) createIssueComment(ctx context.Context, n int, body string) error {
	return c.retry("posting the summary comment", func() error {
		_, _, err := c.gh.Issues.CreateComment(ctx, c.owner, c.repo, n, &github.IssueComment{Body: &body})
		return err
	})
}

func (c *client) editIssueComment(ctx context.Context, id int64, body string) error {
	return c.retry("updating the summary comment", func() error {
		_, _, err := c.gh.Issues.EditComment(ctx, c.owner, c.repo, id, &github.IssueComment{Body: &body})
		return err
	})
}

func (c *client) deleteReviewComment(ctx context.Context, id int64) error {
	return c.retry("removing a stale suggestion", func() error {
		_, err := c.gh.PullRequests.DeleteComment(ctx, c.owner, c.repo, id)
		return err
	})
}
