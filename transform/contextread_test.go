package transform

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// unreadNotes are the RS369 notes of a conversion that must not be
// declined.
func unreadNotes(t *testing.T, src string, ctx fs.FS) []string {
	t.Helper()
	got, err := convertUnread(src, ctx)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// convertUnread is unreadNotes for a goroutine other than the test's.
func convertUnread(src string, ctx fs.FS) ([]string, error) {
	res, err := Convert([]byte(src), Options{Context: ctx})
	if err != nil {
		return nil, err
	}
	if res.Declined != "" {
		return nil, fmt.Errorf("declined: %s (%s)", res.Declined, res.DeclineCode)
	}
	var out []string
	for _, n := range res.Notes {
		if n.Code == warnContextUnread {
			if n.Level != Warning || n.Line != 0 {
				return nil, fmt.Errorf("RS369 is a warning about the whole file: %+v", n)
			}
			out = append(out, n.Message)
		}
	}
	return out, nil
}

const (
	ctxGoSrc = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n"
	ctxPySrc = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n"
	ctxJSSrc = "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n"
)

// TestContextFileTooLarge: a file the readers read whole is read only up
// to maxContextFile (a 50 MiB requirements.txt took the package scan
// about twenty seconds), an ignore file or an action's metadata up to
// maxConfigFile; over it, the file says nothing, as a file that
// cannot be read, and RS369 names it.
func TestContextFileTooLarge(t *testing.T) {
	big := []byte(strings.Repeat("flask==3.0.0\n", maxContextFile/13+1))
	got := unreadNotes(t, ctxPySrc, fstest.MapFS{
		"requirements.txt": {Data: big},
		"app.py":           {Data: []byte("import flask\n")},
	})
	if len(got) != 1 || !strings.HasPrefix(got[0], "requirements.txt in the build context is not read (over 16 MiB)") {
		t.Errorf("RS369 notes = %q, want one about requirements.txt over 16 MiB", got)
	}
	if got := unreadNotes(t, ctxPySrc, fstest.MapFS{"requirements.txt": {Data: big[:1<<20]}}); len(got) != 0 {
		t.Errorf("a 1 MiB requirements.txt was not read: %q", got)
	}
	// The files decoded whole, whose decoders cost far more than their
	// size, have a bound of their own (maxConfigFile).
	got = unreadNotes(t, ctxGoSrc, fstest.MapFS{
		".dockerignore": {Data: []byte(strings.Repeat("a/b/c/**/*.go\n", maxConfigFile/14+1))},
		"main.go":       {Data: []byte("package main\n")},
	})
	if len(got) != 1 || !strings.HasPrefix(got[0], ".dockerignore in the build context is not read (over 256 KiB)") {
		t.Errorf("RS369 notes = %q, want one about .dockerignore over 256 KiB", got)
	}
}

// TestContextFileNotRegular: a context file that is not a regular file
// is not read, even when the file system would serve it: a named pipe
// waits for a writer for ever and a device never ends (the same files
// through os.DirFS are in contextread_unix_test.go).
func TestContextFileNotRegular(t *testing.T) {
	for _, mode := range []fs.FileMode{fs.ModeNamedPipe, fs.ModeDevice | fs.ModeCharDevice, fs.ModeSocket} {
		got := unreadNotes(t, ctxJSSrc, fstest.MapFS{
			"package.json": {Data: []byte(`{"name": "x", "dependencies": {"express": "4"}}`), Mode: mode | 0o644},
			"server.js":    {Data: []byte("require('express')\n")},
		})
		if len(got) != 1 || !strings.HasPrefix(got[0], "package.json in the build context is not read (not a regular file)") {
			t.Errorf("%v: RS369 notes = %q, want one about package.json", mode, got)
		}
	}
}

// TestContextReadInPart: a source with more write calls by names than
// the write scan looks up (presets' bindingScanBudget) is named by
// RS369 as read in part; one under the bound is not.
func TestContextReadInPart(t *testing.T) {
	src := "FROM golang:1.26\nWORKDIR /app\nCOPY . .\nRUN go build -o app .\nCMD [\"./app\"]\n"
	gen := func(calls int) fstest.MapFS {
		var b strings.Builder
		b.WriteString("package main\n\nimport \"os\"\n\nconst dir = \"/data/d\"\n\n")
		for range 2500 {
			b.WriteString("// " + strings.Repeat("x", 76) + "\n")
		}
		b.WriteString("func main() {\n")
		for range calls {
			b.WriteString("\tos.MkdirAll(dir, 0o755)\n")
		}
		b.WriteString("}\n")
		return fstest.MapFS{
			"go.mod":  {Data: []byte("module x\n\ngo 1.22\n")},
			"main.go": {Data: []byte(b.String())},
		}
	}
	if got := unreadNotes(t, src, gen(10)); len(got) != 0 {
		t.Errorf("10 calls: RS369 = %q, want none", got)
	}
	got := unreadNotes(t, src, gen(400))
	if len(got) != 1 || !strings.HasPrefix(got[0], "main.go in the build context is read only in part") {
		t.Errorf("400 calls after 200 KB: RS369 = %q, want main.go read in part", got)
	}
}
