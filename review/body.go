package review

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/restage/restage/output"
	"github.com/restage/restage/transform"
	"github.com/restage/restage/workspace"
)

// MaxComments caps the comments of one review: GitHub's abuse detection
// answers larger reviews with a 403 (reviewdog settled on 30). The rest
// go to the summary comment.
const MaxComments = 30

// maxBody keeps a comment under GitHub's historical 65,536-character
// limit, with room for the text around a diff.
const maxBody = 60000

// File is one Dockerfile of the pull request with its conversion.
type File struct {
	Path   string // relative to the repository root, with slashes
	Added  bool   // new in the pull request: its whole content is one hunk
	Hunks  []Hunk // from the patch; a new file whose patch GitHub left out (too large) has none
	Record *workspace.Record
}

// Outcome is what the bot does with a file.
type Outcome int

const (
	Suggest   Outcome = iota // a new review comment with a suggestion
	Posted                   // the same suggestion is already on the pull request
	Fallback                 // the change goes to the summary comment
	Declined                 // restage leaves the file unchanged, with a reason
	Unchanged                // nothing to do
	Failed                   // the file could not be converted
)

// Item is the plan for one file.
type Item struct {
	File
	Outcome Outcome
	Span    Span
	FP      string // the suggestion's fingerprint
	Why     string // why a change is in the summary rather than a suggestion
}

// Plan decides, per file, what to post. posted holds the fingerprints of
// the suggestions already on the pull request. New suggestions beyond
// limit go to the summary.
func Plan(files []File, posted map[string]bool, version string, limit int) []Item {
	var items []Item
	n := 0
	for _, f := range files {
		it := Item{File: f}
		r := f.Record
		switch r.Status {
		case workspace.Error:
			it.Outcome = Failed
		case workspace.Declined:
			it.Outcome = Declined
		case workspace.Unchanged:
			it.Outcome = Unchanged
		default:
			span, ok := SpanOf(r.In, r.Result.Output, r.Result.Edits)
			if !ok {
				it.Outcome = Unchanged
				break
			}
			it.Span, it.FP = span, Fingerprint(f.Path, span, version)
			switch {
			case posted[it.FP]:
				it.Outcome = Posted
			case !(f.Added && len(f.Hunks) == 0) && !InOneHunk(f.Hunks, span.Start, span.End):
				it.Outcome = Fallback
				it.Why = fmt.Sprintf("the change spans lines %d-%d, outside the lines this pull request changed, where GitHub takes no suggestion", span.Start, span.End)
			case n >= limit:
				it.Outcome = Fallback
				it.Why = fmt.Sprintf("one review holds at most %d suggestions", limit)
			case len(SuggestionBody(it, version)) > maxBody:
				it.Outcome = Fallback
				it.Why = "the suggestion is longer than a GitHub comment can be"
			default:
				it.Outcome = Suggest
				n++
			}
		}
		items = append(items, it)
	}
	return items
}

// Marker is the hidden line that makes a comment restage's own.
func Marker(kind, path, fp string) string {
	m := "<!-- restage:v1 kind=" + kind
	if path != "" {
		m += " path=" + url.PathEscape(path)
	}
	if fp != "" {
		m += " fp=" + fp
	}
	return m + " -->"
}

var markerRE = regexp.MustCompile(`<!-- restage:v1 kind=(\w+)(?: path=(\S+))?(?: fp=([0-9a-f]+))? -->`)

// ParseMarker reads a comment's marker; ok is false when it has none.
func ParseMarker(body string) (kind, fp string, ok bool) {
	m := markerRE.FindStringSubmatch(body)
	if m == nil {
		return "", "", false
	}
	return m[1], m[3], true
}

// fence is a run of backticks longer than any in s, and at least three.
func fence(s string) string {
	longest, run := 0, 0
	for _, c := range s {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// What says in one sentence what the conversion does and why.
func What(res *transform.Result) string {
	var b strings.Builder
	b.WriteString("Split into a build stage")
	if res.BuilderImage != "" {
		fmt.Fprintf(&b, " (`%s`)", res.BuilderImage)
	}
	if res.Runtime != "" {
		fmt.Fprintf(&b, " and a runtime stage on `%s`", res.Runtime)
	} else {
		b.WriteString(" and a runtime stage")
	}
	b.WriteString(" that receives only what the program needs to run, not the build tools")
	if len(res.Artifacts) > 0 {
		arts := make([]string, len(res.Artifacts))
		for i, a := range res.Artifacts {
			arts[i] = "`" + a + "`"
		}
		fmt.Fprintf(&b, " (%s)", strings.Join(arts, ", "))
	}
	b.WriteString(".")
	if res.RuntimeWhy != "" {
		fmt.Fprintf(&b, " Why this runtime: %s.", res.RuntimeWhy)
	}
	if s := res.Size; s != nil && s.Before > 0 {
		fmt.Fprintf(&b, " Estimated image size: %.0f MB → %.0f MB.", s.Before, s.After)
	}
	return b.String()
}

// notes lists a result's notes with their codes, one Markdown item each.
func notes(path string, res *transform.Result) string {
	var b strings.Builder
	for _, n := range res.Notes {
		loc := ""
		if n.Line > 0 {
			loc = fmt.Sprintf("line %d: ", n.Line)
		}
		fmt.Fprintf(&b, "- `%s` %s: %s%s\n", n.Code, n.Level, loc, n.Message)
	}
	return b.String()
}

// SuggestionBody is the review comment for an item: what and why, the
// notes, the suggestion block and the marker.
func SuggestionBody(it Item, version string) string {
	res := it.Record.Result
	var b strings.Builder
	b.WriteString("**restage**: " + What(res) + "\n\n")
	if ns := notes(it.Path, res); ns != "" {
		b.WriteString("Notes:\n" + ns + "\n")
	}
	lines := it.Span.Lines()
	f := fence(lines)
	b.WriteString(f + "suggestion\n")
	if lines != "" {
		b.WriteString(lines + "\n")
	}
	b.WriteString(f + "\n\n")
	fmt.Fprintf(&b, "Apply the suggestion whole: a part of it alone does not build. Locally: `restage -w %s` (restage %s).\n\n", it.Path, version)
	b.WriteString(Marker("suggestion", it.Path, it.FP) + "\n")
	return b.String()
}

// SummaryBody is the sticky conversation comment: every change that is
// not a suggestion, with its diff and the command that applies it, or
// the word that nothing is left.
func SummaryBody(items []Item, head string) string {
	var b strings.Builder
	b.WriteString(Marker("summary", "", "") + "\n### restage\n\n")
	var rest []Item
	for _, it := range items {
		if it.Outcome == Fallback {
			rest = append(rest, it)
		}
	}
	if len(rest) == 0 {
		// No head in this text: a later push with nothing to suggest
		// leaves the comment as it is instead of editing it again.
		b.WriteString("Nothing left to suggest: every Dockerfile of this pull request is multi-stage, declined or has its suggestion on the diff.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "At %s, restage would split %d Dockerfile(s) into a build and a runtime stage, in lines GitHub cannot take a suggestion on. Apply locally and push:\n\n", short(head), len(rest))
	var cmd []string
	for _, it := range rest {
		cmd = append(cmd, it.Path)
	}
	fmt.Fprintf(&b, "```sh\nrestage -w %s\n```\n", strings.Join(cmd, " "))
	for _, it := range rest {
		b.WriteString("\n" + fileSection(it, maxBody/len(rest)))
	}
	return b.String()
}

// fileSection is one file of the summary: what, why not a suggestion,
// the notes and the collapsed diff (left out when over budget).
func fileSection(it Item, budget int) string {
	res := it.Record.Result
	var b strings.Builder
	fmt.Fprintf(&b, "#### `%s`\n\n%s Not a suggestion: %s.\n\n", it.Path, What(res), it.Why)
	if ns := notes(it.Path, res); ns != "" {
		b.WriteString(ns + "\n")
	}
	diff := string(output.UnifiedDiff(it.Path, it.Record.In, res.Output, false))
	f := fence(diff)
	block := "<details><summary>The change (`restage -w " + it.Path + "`)</summary>\n\n" + f + "diff\n" + diff + f + "\n\n</details>\n"
	if b.Len()+len(block) > budget {
		block = "The diff is too long for a comment; `restage -d " + it.Path + "` prints it.\n"
	}
	b.WriteString(block)
	return b.String()
}

func short(sha string) string {
	if len(sha) > 7 {
		return "`" + sha[:7] + "`"
	}
	return "`" + sha + "`"
}

// outcomeText is an outcome as the job summary says it.
func outcomeText(it Item) string {
	switch it.Outcome {
	case Suggest:
		return fmt.Sprintf("suggested (lines %d-%d)", it.Span.Start, it.Span.End)
	case Posted:
		return fmt.Sprintf("already suggested (lines %d-%d)", it.Span.Start, it.Span.End)
	case Fallback:
		return "in the summary comment: " + it.Why
	case Declined:
		return "left unchanged: " + it.Record.Result.Declined + " [" + string(it.Record.Result.DeclineCode) + "]"
	case Failed:
		return "error: " + it.Record.Message()
	}
	return "nothing to change"
}

// StepSummary is the job summary: one line per file, then the diffs
// that could not be posted (all of them when the token cannot post).
func StepSummary(items []Item, head, notice string, withDiffs bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### restage review at %s\n\n", short(head))
	if notice != "" {
		b.WriteString("> " + notice + "\n\n")
	}
	if len(items) == 0 {
		b.WriteString("No Dockerfile among the pull request's changed files.\n")
		return b.String()
	}
	b.WriteString("| Dockerfile | outcome |\n|---|---|\n")
	for _, it := range items {
		fmt.Fprintf(&b, "| `%s` | %s |\n", it.Path, strings.ReplaceAll(outcomeText(it), "|", `\|`))
	}
	if withDiffs {
		for _, it := range items {
			if it.Outcome == Suggest || it.Outcome == Fallback || it.Outcome == Posted {
				if it.Why == "" {
					it.Why = "the token cannot post it"
				}
				b.WriteString("\n" + fileSection(it, 1<<20))
			}
		}
	}
	return b.String()
}

// Annotations are workflow commands that show each change on the
// pull request's files when nothing can be posted.
func Annotations(items []Item) []string {
	var out []string
	for _, it := range items {
		if it.Outcome != Suggest && it.Outcome != Fallback && it.Outcome != Posted {
			continue
		}
		msg := What(it.Record.Result) + " Run: restage -w " + it.Path
		out = append(out, fmt.Sprintf("::notice file=%s,line=%d,endLine=%d,title=restage::%s",
			escapeProperty(it.Path), it.Span.Start, it.Span.End, escapeData(msg)))
	}
	return out
}

// The escapes of GitHub's workflow commands (actions/toolkit, command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
