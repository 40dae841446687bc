package transform

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The rewritten command's lines map back to the input's: the two lines of
// a replaced command to its line, an appended command's to none, and the
// lines after them by the count they added.
func TestPrepassLines(t *testing.T) {
	run := &prepass{first: 5, last: 5, lines: 2}
	for in, want := range map[int]int{4: 4, 5: 5, 6: 5, 7: 6} {
		if got := run.line(in); got != want {
			t.Errorf("replaced: line(%d) = %d, want %d", in, got, want)
		}
	}
	if got := run.text("line 7: EXPOSE 80 after CMD on line 6"); got != "line 6: EXPOSE 80 after CMD on line 5" {
		t.Errorf("replaced: text = %q", got)
	}
	app := &prepass{first: 9, last: 8, lines: 1, inserted: true}
	for in, want := range map[string]string{
		"line 9: cannot tell what CMD runs":      "cannot tell what CMD runs",
		"runtime alpine: CMD on line 9 needs sh": "runtime alpine: the compose command needs sh",
		"line 3: COPY":                           "line 3: COPY",
	} {
		if got := app.text(in); got != want {
			t.Errorf("appended: text(%q) = %q, want %q", in, got, want)
		}
	}
}

// A file with no CMD converted from its compose command: the output has
// no CMD, and the Edits, on the input, give the output.
func TestComposeCommandNoCmdEdits(t *testing.T) {
	src := "FROM golang:1.26\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\n"
	ctx := fstest.MapFS{
		"go.mod":       {Data: []byte("module example.com/s\n\ngo 1.22\n")},
		"main.go":      {Data: []byte("package main\n\nfunc main() {}\n")},
		"compose.yaml": {Data: []byte("services:\n  s:\n    build: .\n    command: ./server\n")},
	}
	res, err := Convert([]byte(src), Options{Context: ctx, Dockerfile: "Dockerfile"})
	if err != nil || !res.Changed {
		t.Fatalf("Convert: %v, declined %q", err, res.Declined)
	}
	out := string(res.Output)
	if strings.Contains(strings.ToUpper(out), "\nCMD") {
		t.Errorf("the output writes a CMD:\n%s", out)
	}
	if got := string(applyEdits([]byte(src), res.Edits)); got != out {
		t.Errorf("Edits give\n%s\nnot the Output\n%s", got, out)
	}
	for _, m := range res.Moves {
		if m.Line > 4 {
			t.Errorf("a move names line %d, past the input", m.Line)
		}
	}
	if len(res.Notes) == 0 || res.Notes[0].Code != warnComposeCmdOnly {
		t.Errorf("notes %v: want RS348 first", res.Notes)
	}
}
