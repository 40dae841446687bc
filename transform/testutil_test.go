package transform

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/restage/restage/internal/yaml"
)

// testdataDir is the golden tree, relative to this package.
const testdataDir = "../testdata"

// goldenCase is one folder testdata/<preset>/<case> holding a Dockerfile.
type goldenCase struct {
	Name    string // "<preset>/<case>", used as the subtest name
	Dir     string // the folder, also the build context
	Input   []byte // the Dockerfile
	Options Options
	// Files of the case, nil when absent. Declined and Notes are raw bytes.
	Want                           []byte
	Declined                       []byte
	Notes                          []byte
	HasWant, HasDeclined, HasNotes bool
}

// caseOptions is the schema of options.yaml.
type caseOptions struct {
	Runtime        string `yaml:"runtime"`
	FitHealthcheck bool   `yaml:"fit_healthcheck"`
	NoContext      bool   `yaml:"no_context"`
	Preset         string `yaml:"preset"`
	// ImageMap is --image-map's FROM=TO values.
	ImageMap []string `yaml:"image_map"`
	// Dockerfile is Options.Dockerfile, the Dockerfile's path in the
	// context; unset, "Dockerfile", as the command gives for the case's
	// own (an empty value: not known, as for stdin).
	Dockerfile *string `yaml:"dockerfile"`
}

// loadCases reads every testdata/*/* folder that holds a Dockerfile, sorted
// by name. A malformed options.yaml fails the test.
func loadCases(t testing.TB) []goldenCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(testdataDir, "*", "*", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var cases []goldenCase
	for _, p := range paths {
		dir := filepath.Dir(p)
		if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
			continue
		}
		c, err := loadCase(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		cases = append(cases, c)
	}
	return cases
}

func loadCase(dir string) (goldenCase, error) {
	rel, err := filepath.Rel(testdataDir, dir)
	if err != nil {
		return goldenCase{}, err
	}
	c := goldenCase{Name: filepath.ToSlash(rel), Dir: dir}
	if c.Input, err = os.ReadFile(filepath.Join(dir, "Dockerfile")); err != nil {
		return c, err
	}
	read := func(name string) ([]byte, bool, error) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) {
			return nil, false, nil
		}
		return b, err == nil, err
	}
	if c.Want, c.HasWant, err = read("want"); err != nil {
		return c, err
	}
	if c.Declined, c.HasDeclined, err = read("declined"); err != nil {
		return c, err
	}
	if c.Notes, c.HasNotes, err = read("notes"); err != nil {
		return c, err
	}
	raw, hasOpts, err := read("options.yaml")
	if err != nil {
		return c, err
	}
	var co caseOptions
	if hasOpts {
		if co, err = parseCaseOptions(raw); err != nil {
			return c, fmt.Errorf("options.yaml: %w", err)
		}
	}
	c.Options = Options{Runtime: co.Runtime, FitHealthcheck: co.FitHealthcheck, Preset: co.Preset}
	for _, m := range co.ImageMap {
		from, to, ok := strings.Cut(m, "=")
		if !ok || from == "" {
			return c, fmt.Errorf("options.yaml: image_map %q is not FROM=TO", m)
		}
		c.Options.ImageMap = append(c.Options.ImageMap, ImageMapping{From: from, To: to})
	}
	if !co.NoContext {
		c.Options.Context = caseContext{os.DirFS(dir)}
		c.Options.Dockerfile = "Dockerfile"
		if co.Dockerfile != nil {
			c.Options.Dockerfile = *co.Dockerfile
		}
	}
	return c, nil
}

// parseCaseOptions decodes options.yaml strictly: unknown keys are errors.
func parseCaseOptions(raw []byte) (caseOptions, error) {
	var co caseOptions
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&co); err != nil && !errors.Is(err, io.EOF) {
		return co, err
	}
	return co, nil
}

// applyEditsStrict applies edits (offsets into src) and returns the new bytes. It
// rejects edits that are out of range, inverted, unsorted or overlapping, so
// a success proves that every byte outside the edits is kept as is.
// Several insertions at one offset are applied in slice order.
func applyEditsStrict(src []byte, edits []Edit) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(src))
	pos := 0
	for i, e := range edits {
		switch {
		case e.Start < 0 || e.End > len(src):
			return nil, fmt.Errorf("edit %d [%d,%d) out of range [0,%d]", i, e.Start, e.End, len(src))
		case e.Start > e.End:
			return nil, fmt.Errorf("edit %d [%d,%d) has start after end", i, e.Start, e.End)
		case i > 0 && e.Start < pos:
			return nil, fmt.Errorf("edit %d [%d,%d) is unsorted or overlaps edit %d [%d,%d)",
				i, e.Start, e.End, i-1, edits[i-1].Start, edits[i-1].End)
		}
		out.Write(src[pos:e.Start])
		out.WriteString(e.NewText)
		pos = e.End
	}
	out.Write(src[pos:])
	return out.Bytes(), nil
}

// extraInput is a hand-made input that is not a golden case: tricky syntax
// for the invariants and the fuzzer, and the typical file of the benchmark.
type extraInput struct {
	Name string
	Src  string
}

// typicalGoService is a ~15-line Dockerfile of a Go web service.
const typicalGoService = `# syntax=docker/dockerfile:1
FROM golang:1.24-bookworm
WORKDIR /src
ENV GOFLAGS=-mod=readonly GOMAXPROCS=2
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags="-s -w" -o /usr/local/bin/server ./cmd/server
LABEL org.opencontainers.image.source="https://example.com/acme/server"
EXPOSE 8080
USER nobody
HEALTHCHECK --interval=30s CMD ["/usr/local/bin/server", "-healthcheck"]
ENTRYPOINT ["/usr/local/bin/server"]
CMD ["-addr", ":8080"]
`

// extraInputs are run through the invariants and seed the fuzzer, so the
// checks have material even before golden cases exist.
var extraInputs = []extraInput{
	{"typical", typicalGoService},
	{"minimal", "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -o app .\nCMD [\"./app\"]\n"},
	{"no-final-newline", "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -o /bin/app .\nCMD /bin/app"},
	{"crlf", "FROM golang:1.22\r\nWORKDIR /app\r\nCOPY . .\r\nRUN go build -o /bin/app .\r\nEXPOSE 8080\r\nCMD [\"/bin/app\"]\r\n"},
	{"crlf-no-final-newline", "FROM golang:1.22\r\nCOPY . /src\r\nRUN cd /src && go build -o /app\r\nENTRYPOINT [\"/app\"]"},
	{"bom", "\ufeffFROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\nCMD [\"/out/app\"]\n"},
	{"escape-backtick", "# escape=`\nFROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build `\n    -o /out/app `\n    ./cmd/app\nENTRYPOINT [\"/out/app\"]\n"},
	{"heredoc", "# syntax=docker/dockerfile:1\nFROM golang:1.22 AS base\nWORKDIR /src\nCOPY <<EOF /src/main.go\npackage main\nfunc main() {}\nEOF\nRUN <<EOT\nset -e\ngo mod init example.com/x\ngo build -o /bin/x .\nEOT\nCMD [\"/bin/x\"]\n"},
	{"lowercase", "from golang:1.22\nworkdir /src\ncopy . .\nrun go build -o /bin/app .\nexpose 8080\ncmd [\"/bin/app\"]\n"},
	{"comments-and-continuations", "# build it\nFROM golang:1.22\n\n# deps\nRUN apt-get update && \\\n    # inline comment\n    apt-get install -y git\nCOPY . /src\nWORKDIR /src\nRUN go build \\\n  -o /usr/local/bin/app \\\n  .\n# run it\nCMD [\"app\"]\n# trailing comment\n"},
	{"cgo", "FROM golang:1.22\nRUN apt-get update && apt-get install -y gcc libc6-dev\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD /app\n"},
	{"onbuild", "FROM golang:1.22\nONBUILD COPY . /src\nRUN go build -o /app .\nCMD [\"/app\"]\n"},
	{"multi-stage", "FROM golang:1.22 AS build\nCOPY . /src\nRUN cd /src && go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD [\"/app\"]\n"},
	{"not-go", "FROM node:20\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n"},
	{"shell-cmd", "FROM golang:1.22\nCOPY . /src\nRUN cd /src && go build -o /app .\nCMD /app --port=$PORT | tee /tmp/log\n"},
	{"env-gopath", "FROM golang:1.22\nENV APP_HOME=$GOPATH/src/app GOMAXPROCS=4\nWORKDIR $APP_HOME\nCOPY . .\nRUN go install ./...\nCMD [\"app\"]\n"},
	{"parse-error", "FROM golang:1.22\nENV FOO\n"},
	{"only-comments", "# nothing here\n# at all\n"},
	{"empty", ""},
}

// showText renders text for a failure message: line numbers, a visible
// CR, and a mark for a missing final newline.
func showText(b []byte) string {
	var sb strings.Builder
	lines := splitLinesKeep(string(b))
	for i, l := range lines {
		fmt.Fprintf(&sb, "%4d | %s\n", i+1, visibleLine(l))
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		sb.WriteString("     \\ No newline at end of file\n")
	}
	return sb.String()
}

// splitLinesKeep splits after each "\n", keeping the endings, with no
// phantom empty last element.
func splitLinesKeep(s string) []string {
	if s == "" {
		return nil
	}
	ls := strings.SplitAfter(s, "\n")
	if ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// visibleLine drops the line ending and shows CR and other control
// characters so that whitespace differences can be seen.
func visibleLine(l string) string {
	l = strings.TrimSuffix(l, "\n")
	var sb strings.Builder
	for _, r := range l {
		switch {
		case r == '\r':
			sb.WriteString(`\r`)
		case r == '\t':
			sb.WriteString("\t")
		case r == '\ufeff':
			sb.WriteString(`<BOM>`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&sb, `\x%02x`, r)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// textDiff returns a unified-ish diff of want and got (line based, LCS),
// with the line numbers of both sides and 3 lines of context. It returns ""
// when they are equal.
func textDiff(wantName, gotName string, want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	a, b := splitLinesKeep(string(want)), splitLinesKeep(string(got))
	// Keep the final-newline state visible as part of the last line.
	mark := func(ls []string) {
		if n := len(ls); n > 0 && !strings.HasSuffix(ls[n-1], "\n") {
			ls[n-1] += "\x00nonl"
		}
	}
	mark(a)
	mark(b)
	type op struct {
		kind byte // ' ', '-', '+'
		ai   int  // 1-based line in a (0 for '+')
		bi   int  // 1-based line in b (0 for '-')
		text string
	}
	// LCS table; the files are small.
	n, m := len(a), len(b)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', i + 1, j + 1, a[i]})
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			ops = append(ops, op{'+', 0, j + 1, b[j]})
			j++
		default:
			ops = append(ops, op{'-', i + 1, 0, a[i]})
			i++
		}
	}
	const ctx = 3
	keep := make([]bool, len(ops))
	for k, o := range ops {
		if o.kind != ' ' {
			for x := max(0, k-ctx); x <= min(len(ops)-1, k+ctx); x++ {
				keep[x] = true
			}
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", wantName, gotName)
	num := func(x int) string {
		if x == 0 {
			return "    "
		}
		return fmt.Sprintf("%4d", x)
	}
	prevKept := true
	for k, o := range ops {
		if !keep[k] {
			prevKept = false
			continue
		}
		if !prevKept || k == 0 {
			sb.WriteString("@@\n")
		}
		prevKept = true
		text := o.text
		nonl := strings.HasSuffix(text, "\x00nonl")
		text = strings.TrimSuffix(text, "\x00nonl")
		fmt.Fprintf(&sb, "%c %s %s | %s\n", o.kind, num(o.ai), num(o.bi), visibleLine(text))
		if nonl {
			sb.WriteString("  \\ No newline at end of file\n")
		}
	}
	return sb.String()
}

// caseFiles are a golden case's own files: the test's, not the build
// context's, so the engine does not see them (a note listing the context
// files left out of the runtime would name them).
var caseFiles = map[string]bool{"want": true, "declined": true, "notes": true, "options.yaml": true, "WHY.md": true}

// caseContext is a case folder as a build context, without caseFiles.
type caseContext struct{ fs.FS }

func (c caseContext) Open(name string) (fs.File, error) {
	if caseFiles[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return c.FS.Open(name)
}

func (c caseContext) Stat(name string) (fs.FileInfo, error) {
	if caseFiles[name] {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(c.FS, name)
}

func (c caseContext) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(c.FS, name)
	if name != "." {
		return es, err
	}
	var out []fs.DirEntry
	for _, e := range es {
		if !caseFiles[e.Name()] {
			out = append(out, e)
		}
	}
	return out, err
}
