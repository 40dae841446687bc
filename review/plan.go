// Package review turns restage's conversions of a pull request's
// Dockerfiles into what a review bot posts on GitHub: one suggestion per
// file when GitHub can take it, and otherwise one sticky conversation
// comment with the diff and the local command.
//
// The planning half (this file, diff.go, body.go) is pure: changed files,
// their hunks and their conversions in, a Plan out. The other half
// (github.go, run.go) talks to GitHub's REST API through go-github. The
// package is linked only into the restage-review binary, never into the
// restage command: net/http and crypto/tls would cost every plain
// conversion their start-up.
package review

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/restage/restage/transform"
)

// Span is one suggestion: the RIGHT-side lines Start..End (1-based,
// inclusive) of the file at the pull request's head, replaced by New.
type Span struct {
	Start, End int
	Old, New   string // the bytes of those lines before and after, final newline included
}

// Lines is the suggestion block's content: the new lines without the
// newline that ends the last one, since the block replaces whole lines.
// A file whose last line had no newline and gets one ends in an empty
// line, the way GitHub adds a final newline.
func (s Span) Lines() string {
	if len(s.Old) > 0 && s.Old[len(s.Old)-1] == '\n' {
		n, ok := bytes.CutSuffix([]byte(s.New), []byte("\n"))
		if ok {
			return string(n)
		}
	}
	return s.New
}

// SpanOf widens all of a conversion's edits to whole lines of in and
// coalesces them into one span: a conversion applied in part (the
// runtime stage without the builder's name) does not build. A pure
// insertion covers no line of its own, so it is anchored on the line
// before it (the first line, at the top of the file), which the span
// repeats. ok is false when the result changes nothing.
func SpanOf(in, out []byte, edits []transform.Edit) (s Span, ok bool) {
	if len(edits) == 0 || bytes.Equal(in, out) {
		return Span{}, false
	}
	lo, hi := edits[0].Start, edits[0].End
	for _, e := range edits[1:] {
		lo, hi = min(lo, e.Start), max(hi, e.End)
	}
	lo = lineStart(in, lo)
	if hi > lo && in[hi-1] != '\n' {
		hi = lineEnd(in, hi)
	}
	if lo == hi { // an insertion at a line start
		if lo > 0 {
			lo = lineStart(in, lo-1)
		} else {
			hi = lineEnd(in, hi)
		}
	}
	// Every edit lies inside in[lo:hi], so the rest of the output is the
	// input's own bytes: the new span is what remains between them.
	tail := len(in) - hi
	s = Span{
		Start: 1 + bytes.Count(in[:lo], []byte("\n")),
		Old:   string(in[lo:hi]),
		New:   string(out[lo : len(out)-tail]),
	}
	lines := bytes.Count(in[lo:hi], []byte("\n"))
	if hi > lo && in[hi-1] != '\n' {
		lines++ // the last line of a file without a final newline
	}
	s.End = s.Start + lines - 1
	return s, true
}

func lineStart(b []byte, i int) int {
	return bytes.LastIndexByte(b[:i], '\n') + 1
}

// lineEnd is the offset after the newline that ends the line holding
// offset i (or the end of b).
func lineEnd(b []byte, i int) int {
	if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(b)
}

// Fingerprint names a suggestion across runs: the same file, lines, old
// and new text and restage version give the same fingerprint, so a
// re-run recognises what it posted before.
func Fingerprint(path string, s Span, version string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d-%d\x00%s\x00%s\x00%s", path, s.Start, s.End, s.Old, s.New, version)
	return hex.EncodeToString(h.Sum(nil))[:16]
}
