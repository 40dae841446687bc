package review

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/restage/restage/transform"
	"github.com/restage/restage/workspace"
)

// applyEdits is the engine's contract: the edits applied to in.
func applyEdits(in string, edits []transform.Edit) string {
	var b strings.Builder
	at := 0
	for _, e := range edits {
		b.WriteString(in[at:e.Start] + e.NewText)
		at = e.End
	}
	return b.String() + in[at:]
}

// suggest renders span as a comment and applies it the way GitHub does.
func suggest(t *testing.T, in string, s Span) string {
	t.Helper()
	it := Item{File: File{Path: "Dockerfile", Record: &workspace.Record{Result: &transform.Result{}}}, Span: s, FP: "0"}
	c := fakeComment{Line: s.End, Body: SuggestionBody(it, "v0")}
	if s.Start < s.End {
		c.StartLine = s.Start
	}
	return applySuggestion(t, in, c)
}

func TestSpanOf(t *testing.T) {
	for _, c := range []struct {
		name       string
		in         string
		edits      []transform.Edit
		start, end int
	}{
		{"one word", "a\nb\nc\n", []transform.Edit{{Start: 2, End: 3, NewText: "B"}}, 2, 2},
		{"two lines apart coalesce", "a\nb\nc\nd\n", []transform.Edit{{Start: 0, End: 0, NewText: "x"}, {Start: 6, End: 7, NewText: "D"}}, 1, 4},
		{"insertion at a line start anchors on the line before", "a\nb\nc\n", []transform.Edit{{Start: 4, End: 4, NewText: "new\n"}}, 2, 2},
		{"insertion at the top anchors on the first line", "a\nb\n", []transform.Edit{{Start: 0, End: 0, NewText: "# top\n"}}, 1, 1},
		{"insertion at the end", "a\nb\n", []transform.Edit{{Start: 4, End: 4, NewText: "c\n"}}, 2, 2},
		{"no final newline, one added", "a\nb", []transform.Edit{{Start: 3, End: 3, NewText: "\nFROM x\n"}}, 2, 2},
		{"a line deleted", "a\nb\nc\n", []transform.Edit{{Start: 2, End: 4, NewText: ""}}, 2, 2},
		{"backticks in the content", "a\nb\n", []transform.Edit{{Start: 2, End: 3, NewText: "RUN echo ````"}}, 2, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := applyEdits(c.in, c.edits)
			s, ok := SpanOf([]byte(c.in), []byte(out), c.edits)
			if !ok || s.Start != c.start || s.End != c.end {
				t.Fatalf("span %d-%d (%v), want %d-%d", s.Start, s.End, ok, c.start, c.end)
			}
			if got := suggest(t, c.in, s); got != out {
				t.Errorf("the suggestion applied gives %q, want %q", got, out)
			}
		})
	}
}

func TestFenceOutlastsBackticks(t *testing.T) {
	for in, want := range map[string]string{"": "```", "a`b": "```", "```": "````", "x ````` y": "``````"} {
		if got := fence(in); got != want {
			t.Errorf("fence(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHunks(t *testing.T) {
	got := Hunks("@@ -1,3 +1,4 @@ FROM x\n a\n+b\n@@ -10 +11 @@\n-x\n+y\n@@ -20,2 +22,0 @@\n-gone\n-gone")
	if len(got) != 2 || got[0] != (Hunk{1, 4}) || got[1] != (Hunk{11, 11}) {
		t.Errorf("hunks %v", got)
	}
	if !InOneHunk(got, 2, 4) || InOneHunk(got, 4, 11) || InOneHunk(got, 5, 5) {
		t.Error("InOneHunk")
	}
}

// TestEverySuggestionRebuildsTheOutput applies the suggestion of every
// golden case's conversion as GitHub would: it must give the engine's
// output byte for byte, so no comment can hand an author a different file.
func TestEverySuggestionRebuildsTheOutput(t *testing.T) {
	cases, _ := filepath.Glob("../testdata/*/*/Dockerfile")
	if len(cases) < 20 {
		t.Fatalf("only %d golden cases found", len(cases))
	}
	n := 0
	for _, df := range cases {
		in, err := os.ReadFile(df)
		if err != nil {
			t.Fatal(err)
		}
		res, err := transform.Convert(in, transform.Options{Context: os.DirFS(filepath.Dir(df))})
		if err != nil || !res.Changed {
			continue
		}
		s, ok := SpanOf(in, res.Output, res.Edits)
		if !ok {
			t.Errorf("%s: changed, but no span", df)
			continue
		}
		if got := suggest(t, string(in), s); got != string(res.Output) {
			t.Errorf("%s: the suggestion (lines %d-%d) applied differs from restage's output", df, s.Start, s.End)
		}
		n++
	}
	t.Logf("%d conversions checked", n)
}
