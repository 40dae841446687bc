package output

import (
	"bytes"
	"encoding/json"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/restage/restage/transform"
)

var (
	input     = []byte("FROM golang:1.26\nRUN go build -o /app .\nCMD [\"/app\"]\n")
	converted = []byte("FROM golang:1.26 AS build\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\nCMD [\"/app\"]\n")
)

func changedFile() File {
	return File{
		Path:   "svc/Dockerfile",
		Input:  input,
		Status: Changed,
		Result: &transform.Result{
			Output:  converted,
			Changed: true,
			Preset:  "go",
			Runtime: "scratch",
			Notes: []transform.Note{
				{Line: 3, Code: "RS305", Level: transform.Warning, Message: "user app does not exist in scratch"},
				{Code: "RS119", Level: transform.Info, Message: "the original image ran as root"},
			},
			Edits: []transform.Edit{{Start: 16, End: 16, NewText: " AS build"}},
		},
	}
}

func declinedFile() File {
	return File{Path: "web/Dockerfile", Input: []byte("FROM node:20\n"), Status: Declined,
		Result: &transform.Result{Output: []byte("FROM node:20\n"), Declined: "no preset matches base image node:20", DeclineCode: "RS207"}}
}

func TestStatusOf(t *testing.T) {
	for _, c := range []struct {
		res  *transform.Result
		want Status
	}{
		{&transform.Result{Output: converted, Changed: true}, Changed},
		{&transform.Result{Output: input}, Unchanged},
		{&transform.Result{Output: input, Declined: "already multi-stage"}, Declined},
	} {
		if got := StatusOf(input, c.res); got != c.want {
			t.Errorf("StatusOf(%+v) = %s, want %s", c.res, got, c.want)
		}
	}
}

func TestMessages(t *testing.T) {
	var b bytes.Buffer
	Messages(&b, changedFile(), false)
	if want := "svc/Dockerfile:3: warning: user app does not exist in scratch [RS305]\n"; b.String() != want {
		t.Errorf("not verbose:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	Messages(&b, changedFile(), true)
	if want := "svc/Dockerfile:3: warning: user app does not exist in scratch [RS305]\nsvc/Dockerfile: info: the original image ran as root [RS119]\n"; b.String() != want {
		t.Errorf("verbose:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	Messages(&b, declinedFile(), false)
	if want := "web/Dockerfile: left unchanged: no preset matches base image node:20 [RS207]\n"; b.String() != want {
		t.Errorf("declined:\n%s\nwant:\n%s", b.String(), want)
	}
	// A result from an engine without codes prints no empty brackets.
	b.Reset()
	f := declinedFile()
	f.Result.DeclineCode = ""
	Messages(&b, f, false)
	if want := "web/Dockerfile: left unchanged: no preset matches base image node:20\n"; b.String() != want {
		t.Errorf("no code:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	Messages(&b, File{Path: "x", Status: Error, Err: "no such file or directory"}, true)
	if b.Len() != 0 {
		t.Errorf("an error is the caller's to print, got %q", b.String())
	}
}

func TestDiffOnlyWhenChanged(t *testing.T) {
	var b bytes.Buffer
	Diff(&b, changedFile(), false)
	if !bytes.Equal(b.Bytes(), UnifiedDiff("svc/Dockerfile", input, converted, false)) || !strings.HasPrefix(b.String(), "--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n@@ ") {
		t.Errorf("diff of a changed file:\n%s", b.String())
	}
	b.Reset()
	Diff(&b, declinedFile(), false)
	Diff(&b, File{Path: "x", Status: Error}, false)
	if b.Len() != 0 {
		t.Errorf("diff of a declined or failed file: %q", b.String())
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	bad := File{Path: "bad/Dockerfile", Status: Error, Err: "unknown instruction: FORM", Line: 2}
	if err := JSON(&b, []File{changedFile(), declinedFile(), bad}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if len(got) != 3 {
		t.Fatalf("%d records", len(got))
	}
	c := got[0]
	notes, _ := c["notes"].([]any)
	edits, _ := c["edits"].([]any)
	if c["path"] != "svc/Dockerfile" || c["status"] != "changed" || c["changed"] != true || c["runtime"] != "scratch" ||
		len(notes) != 2 || len(edits) != 1 || c["diff"] != string(UnifiedDiff("svc/Dockerfile", input, converted, false)) {
		t.Errorf("changed record: %v", c)
	}
	if n := notes[0].(map[string]any); n["code"] != "RS305" || n["level"] != "warning" || n["line"] != 3.0 || n["message"] != "user app does not exist in scratch" {
		t.Errorf("note: %v", n)
	}
	if e := edits[0].(map[string]any); e["start"] != 16.0 || e["end"] != 16.0 || e["new_text"] != " AS build" {
		t.Errorf("edit: %v", e)
	}
	if d := got[1]; d["status"] != "declined" || d["declined"] != "no preset matches base image node:20" || d["decline_code"] != "RS207" || d["diff"] != nil {
		t.Errorf("declined record: %v", d)
	}
	if e := got[2]; e["status"] != "error" || e["error"] != "unknown instruction: FORM" || e["line"] != 2.0 || e["changed"] != nil {
		t.Errorf("error record: %v", e)
	}
	if _, ok := got[0]["decline_code"]; ok {
		t.Error("decline_code on a changed file")
	}
	b.Reset()
	JSON(&b, nil)
	if b.String() != "[]\n" {
		t.Errorf("no files: %q", b.String())
	}
}

func TestExplain(t *testing.T) {
	var b bytes.Buffer
	opt := ExplainOptions{PresetTitles: map[string]string{"go": "Go"}, AskedRuntime: "scratch"}
	if err := Explain(&b, changedFile(), opt); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"svc/Dockerfile: would be rewritten into a multi-stage build\n",
		"\nPreset\n  go (Go)\n",
		"\nNotes\n  line 3: warning: user app does not exist in scratch [RS305]\n  info: the original image ran as root [RS119]\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("explain lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	Explain(&b, declinedFile(), opt)
	if want := "web/Dockerfile: left unchanged\n  reason: no preset matches base image node:20 [RS207]\n"; !strings.HasPrefix(b.String(), want) {
		t.Errorf("declined:\n%s\nwant prefix:\n%s", b.String(), want)
	}
	b.Reset()
	Explain(&b, File{Path: "bad/Dockerfile", Status: Error, Err: "unknown instruction: FORM", Line: 2}, opt)
	if want := "bad/Dockerfile: error\n  line 2: unknown instruction: FORM\n"; b.String() != want {
		t.Errorf("error: %q, want %q", b.String(), want)
	}
}

// TestImports keeps the package a renderer: no file or process I/O, no
// command-line framework, nothing from the command.
func TestImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if p == "os" || p == "os/exec" || p == "net" || p == "io/ioutil" || strings.HasPrefix(p, "net/") ||
				strings.Contains(p, "urfave/cli") || strings.HasPrefix(p, "github.com/restage/restage/cmd") {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
}
