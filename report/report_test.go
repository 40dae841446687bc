package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/restage/restage/output"
	"github.com/restage/restage/transform"
)

// sample is a run of seven files with every kind of outcome: two
// converted (one with a size estimate and a warning, one without an
// estimate), one unchanged, three declined under two codes (the first
// file by path under the later code), one error.
func sample() []output.File {
	goIn := "FROM golang:1.26\nRUN go build -o /app .\nCMD [\"/app\"]\n"
	goOut := "FROM golang:1.26 AS build\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /app /app\nCMD [\"/app\"]\n"
	nodeIn := "FROM node:22\nCMD node x.js\n"
	nodeOut := "FROM node:22 AS build\n\nFROM node:22-slim\nCMD [\"node\", \"x.js\"]\n"
	declined := func(path, why string, code transform.Code) output.File {
		in := "FROM alpine\n"
		return output.File{Path: path, Input: []byte(in), Status: output.Declined,
			Result: &transform.Result{Output: []byte(in), Declined: why, DeclineCode: code}}
	}
	return []output.File{
		{Path: "a/Dockerfile", Input: []byte(goIn), Status: output.Changed, Result: &transform.Result{
			Output: []byte(goOut), Changed: true, Preset: "go",
			Runtime: "gcr.io/distroless/static-debian13:nonroot", RuntimeFlavor: "distroless",
			Size: &transform.Size{Before: 886, After: 14},
			Notes: []transform.Note{
				{Code: "RS119", Level: transform.Info, Message: "the original image ran as root; the runtime runs as 65532:65532"},
				{Line: 5, Code: "RS304", Level: transform.Warning, Message: "the original ran as root (USER root); the runtime runs as 65532:65532"},
			},
		}},
		{Path: "b/Dockerfile", Input: []byte("FROM scratch\n"), Status: output.Unchanged, Result: &transform.Result{Output: []byte("FROM scratch\n")}},
		declined("c/Dockerfile", "no CMD or ENTRYPOINT: cannot tell what the container runs", "RS214"),
		declined("d/Dockerfile", "already multi-stage (2 stages): nothing to split", "RS202"),
		{Path: "e/Dockerfile", Input: []byte("FORM x\n"), Status: output.Error, Err: "unknown instruction: FORM", Line: 1},
		{Path: "f/api.Dockerfile", Input: []byte(nodeIn), Status: output.Changed, Result: &transform.Result{
			Output: []byte(nodeOut), Changed: true, Preset: "node", Runtime: "node:22-slim", RuntimeFlavor: "slim",
		}},
		declined("g/Dockerfile", "already multi-stage (3 stages): nothing to split", "RS202"),
	}
}

// pad is s followed by spaces up to width: a tabwriter cell.
func pad(s string, width int) string { return s + strings.Repeat(" ", width-len(s)) }

func TestText(t *testing.T) {
	var b strings.Builder
	if err := Text(&b, sample(), Options{Version: "v9.9.9"}); err != nil {
		t.Fatal(err)
	}
	// The converted table's columns are as wide as their widest cell
	// plus two spaces: "  f/api.Dockerfile" (18), "preset" (6), the
	// distroless image with its flavor (54), "before" (6), "after" (5);
	// the last column is not padded.
	row := func(file, preset, runtime, before, after, saving string) string {
		return pad(file, 20) + pad(preset, 8) + pad(runtime, 56) + pad(before, 9) + pad(after, 8) + saving
	}
	want := strings.Join([]string{
		"restage migration report: 7 Dockerfiles",
		"  converted  2",
		"  unchanged  1",
		"  declined   3",
		"  errors     1",
		"",
		"Converted",
		row("  file", "preset", "runtime", "before", "after", "saving"),
		row("  a/Dockerfile", "go", "gcr.io/distroless/static-debian13:nonroot (distroless)", "~886 MB", "~14 MB", "98%"),
		row("  f/api.Dockerfile", "node", "node:22-slim (slim)", "-", "-", "-"),
		row("  total", "", "", "~886 MB", "~14 MB", "98%"),
		"  The total leaves out 1 file without an estimate.",
		"  " + estimateNote,
		"",
		"Unchanged (nothing to split)",
		"  b/Dockerfile",
		"",
		"Declined, by reason",
		"  RS202 already multi-stage (2 files)",
		"    d/Dockerfile: already multi-stage (2 stages): nothing to split",
		"    g/Dockerfile: already multi-stage (3 stages): nothing to split",
		"  RS214 no CMD or ENTRYPOINT (1 file)",
		"    c/Dockerfile: no CMD or ENTRYPOINT: cannot tell what the container runs",
		"",
		"Warnings",
		"  a/Dockerfile: line 5: the original ran as root (USER root); the runtime runs as 65532:65532 [RS304]",
		"",
		"Errors",
		"  e/Dockerfile: line 1: unknown instruction: FORM",
		"",
		"restage v9.9.9",
		"",
	}, "\n")
	if got := b.String(); got != want {
		t.Errorf("Text:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextHostileNames(t *testing.T) {
	files := []output.File{
		{Path: "a\nb/Dockerfile", Input: []byte("FROM scratch\n"), Status: output.Unchanged, Result: &transform.Result{Output: []byte("FROM scratch\n")}},
		{Path: "x\x1b[31m/Dockerfile", Input: []byte("x"), Status: output.Error, Err: "bad\nthing"},
	}
	var b strings.Builder
	if err := Text(&b, files, Options{}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{"\n  \"a\\nb/Dockerfile\"\n", "\n  \"x\\033[31m/Dockerfile\": bad thing\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("Text lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "\x1b") {
		t.Errorf("Text passes an escape character through:\n%q", got)
	}
}

func TestTextEmptyRun(t *testing.T) {
	var b strings.Builder
	if err := Text(&b, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "restage migration report: 0 Dockerfiles\n  converted  0\n  unchanged  0\n  declined   0\n  errors     0\n"
	if b.String() != want {
		t.Errorf("Text of no files:\n%q\nwant\n%q", b.String(), want)
	}
}

func TestMarkdown(t *testing.T) {
	var b strings.Builder
	if err := Markdown(&b, sample(), Options{Version: "v9.9.9"}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"## Multi-stage Dockerfiles (restage)",
		"",
		"restage ran over 7 Dockerfiles:",
		"",
		"| result | files |",
		"|---|---:|",
		"| converted | 2 |",
		"| unchanged | 1 |",
		"| declined | 3 |",
		"| errors | 1 |",
		"",
		"### Estimated image size",
		"",
		"Each converted file with an estimate, in MB: the longer bar behind is before, the bar in front after.",
		"",
		// One category, a's folder; the axis runs from 0 to the largest
		// value and a tenth, rounded up: 886 × 1.1 = 974.6.
		"```mermaid",
		"xychart-beta horizontal",
		`    title "Estimated image size (MB): before and after"`,
		`    x-axis ["a"]`,
		`    y-axis "MB" 0 --> 975`,
		"    bar [886]",
		"    bar [14]",
		"```",
		"",
		"### Converted",
		"",
		"| file | preset | runtime | before | after | saving |",
		"|---|---|---|---:|---:|---:|",
		"| a/Dockerfile | go | gcr.io/distroless/static-debian13:nonroot (distroless) | ~886 MB | ~14 MB | 98% |",
		"| f/api.Dockerfile | node | node:22-slim (slim) | – | – | – |",
		"| **total** (1 of 2 with an estimate) | | | **~886 MB** | **~14 MB** | **98%** |",
		"",
		estimateNote,
		"",
		"### Unchanged (nothing to split)",
		"",
		"- b/Dockerfile",
		"",
		"### Left unchanged, by reason",
		"",
		"**RS202** already multi-stage (2 files)",
		"",
		"- d/Dockerfile: already multi-stage (2 stages): nothing to split",
		"- g/Dockerfile: already multi-stage (3 stages): nothing to split",
		"",
		"**RS214** no CMD or ENTRYPOINT (1 file)",
		"",
		"- c/Dockerfile: no CMD or ENTRYPOINT: cannot tell what the container runs",
		"",
		"### Warnings",
		"",
		"- a/Dockerfile: line 5: the original ran as root (USER root); the runtime runs as 65532:65532 \\[RS304\\]",
		"",
		"### Errors",
		"",
		"- e/Dockerfile: line 1: unknown instruction: FORM",
		"",
		"<sub>restage v9.9.9</sub>",
		"",
	}, "\n")
	if got := b.String(); got != want {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, want)
	}
}

// TestMarkdownHostile: names that would be markup stay text, and none
// can end the Mermaid block or break its strings.
func TestMarkdownHostile(t *testing.T) {
	name := "x|<img src=x onerror=alert(1)>*_`\"[a](b)/Dockerfile"
	files := []output.File{{Path: name, Input: []byte("FROM a\n"), Status: output.Changed, Result: &transform.Result{
		Output: []byte("FROM a AS b\n"), Preset: "go`\"", Runtime: "r", Size: &transform.Size{Before: 10, After: 1},
	}}}
	var b strings.Builder
	if err := Markdown(&b, files, Options{}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	cell := `x\|\<img src=x onerror=alert(1)\>\*\_` + "\\`" + `"\[a\](b)/Dockerfile`
	if !strings.Contains(got, "| "+cell+" | go\\`\" | r | ~10 MB | ~1 MB | 90% |\n") {
		t.Errorf("the table row does not escape the name:\n%s", got)
	}
	// In the chart the name is a Mermaid string: its double quote and
	// backquote become single quotes, its angle brackets ‹ and ›, and it
	// is cut to its last 28 characters.
	label := []rune(`x|‹img src=x onerror=alert(1)›*_''[a](b)`)
	if !strings.Contains(got, `    x-axis ["…`+string(label[len(label)-27:])+`"]`+"\n") {
		t.Errorf("the chart label is not a safe Mermaid string:\n%s", got)
	}
	if strings.Count(got, "```") != 2 {
		t.Errorf("a backquote in a name changed the code fences:\n%s", got)
	}
}

// TestMarkdownManyFiles: past maxChartFiles the chart sums by preset.
func TestMarkdownManyFiles(t *testing.T) {
	var files []output.File
	for i := range maxChartFiles + 1 {
		preset, before := "go", 100.0
		if i%2 == 1 {
			preset, before = "node", 50
		}
		files = append(files, output.File{Path: fmt.Sprintf("s%02d/Dockerfile", i), Input: []byte("a"), Status: output.Changed,
			Result: &transform.Result{Output: []byte("b"), Preset: preset, Size: &transform.Size{Before: before, After: 10}}})
	}
	var b strings.Builder
	if err := Markdown(&b, files, Options{}); err != nil {
		t.Fatal(err)
	}
	// 16 files: 8 go (100 → 10 each) and 8 node (50 → 10 each).
	for _, want := range []string{
		"The 16 converted files with an estimate, summed by preset, in MB",
		`    x-axis ["go", "node"]` + "\n",
		`    y-axis "MB" 0 --> 880` + "\n",
		"    bar [800, 400]\n",
		"    bar [80, 80]\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, b.String())
		}
	}
}

func TestUniqueLabels(t *testing.T) {
	got := unique([]string{`"api"`, `"api"`, `"api (2)"`, `"web"`})
	want := []string{`"api"`, `"api (2)"`, `"api (2) (2)"`, `"web"`}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("unique = %v, want %v", got, want)
	}
}

func TestChartLabel(t *testing.T) {
	for path, want := range map[string]string{
		"services/api/Dockerfile": `"api"`,
		"Dockerfile":              `"Dockerfile"`,
		"deploy/web.Dockerfile":   `"deploy/web.Dockerfile"`,
		"a/very-long-service-name-that-goes-on/Dockerfile": `"…g-service-name-that-goes-on"`,
	} {
		if got := chartLabel(path); got != want {
			t.Errorf("chartLabel(%q) = %s, want %s", path, got, want)
		}
	}
}

func TestSaving(t *testing.T) {
	for _, c := range []struct {
		s    transform.Size
		want string
	}{
		{transform.Size{Before: 886, After: 14}, "98%"},
		{transform.Size{Before: 1000, After: 3}, "99%"}, // 99.7: rounded down
		{transform.Size{Before: 100, After: 120}, "-20%"},
		{transform.Size{}, ""},
	} {
		if got := saving(c.s); got != c.want {
			t.Errorf("saving(%v) = %q, want %q", c.s, got, c.want)
		}
	}
}
