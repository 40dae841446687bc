package transform

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// unreadableFS is a context whose root cannot be opened, as os.DirFS of
// a folder that is not on disk: an editor's buffer for a path whose
// folder does not exist yet.
type unreadableFS struct{}

func (unreadableFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// TestSourceMissing checks RS330 on the sources the goldens do not show
// one by one: where there is no context to look in, the forms BuildKit
// does not look up in it, and the ones it resolves to another path.
func TestSourceMissing(t *testing.T) {
	ctx := fstest.MapFS{
		"go.mod":        {Data: []byte("module example.com/s\n\ngo 1.26\n")},
		"main.go":       {Data: []byte("package main\n\nfunc main() {}\n")},
		"docs/a.md":     {Data: []byte("a")},
		"secret/k.pem":  {Data: []byte("k")},
		"secret/ok.txt": {Data: []byte("o")},
		".dockerignore": {Data: []byte("secret\n!secret/ok.txt\n")},
	}
	head := "FROM golang:1.26\nWORKDIR /app\n"
	tail := "RUN go build -o server .\nCMD [\"./server\"]\n"
	cases := []struct {
		name, copy string
		ctx        fs.FS
		want       string // the RS330 message's start, "" for none
	}{
		{"no context", "COPY gone.txt ./\n", nil, ""},
		{"root not readable", "COPY gone.txt ./\n", unreadableFS{}, ""},
		{"missing", "COPY gone.txt ./\n", ctx, "COPY gone.txt: no such file or folder"},
		{"add missing", "ADD gone.tar.gz /opt/\n", ctx, "ADD gone.tar.gz: no such file or folder"},
		{"two missing in one COPY, one note", "COPY gone.txt go.mod lost/ ./\n", ctx, "COPY gone.txt: no such file or folder in the build context; lost/: no such file or folder"},
		{"leading slash is the root", "COPY /go.mod ./\n", ctx, ""},
		{"dot-dot stays at the root", "COPY ../go.mod ./\n", ctx, ""},
		{"trailing slash on a file", "COPY go.mod/ ./\n", ctx, ""},
		{"the root", "COPY . .\n", ctx, ""},
		{"folder", "COPY docs/ ./docs/\n", ctx, ""},
		{"pattern under a file", "COPY go.mod/*.x ./\n", ctx, "COPY go.mod/*.x: go.mod is a file"},
		{"pattern in a folder's name", "COPY doc*/none.md ./\n", ctx, ""},
		{"exception brings part of a left-out folder back", "COPY secret/ok.txt ./\n", ctx, ""},
		{"left out beside an exception", "COPY secret/k.pem ./\n", ctx, "COPY secret/k.pem: .dockerignore leaves it out"},
		{"from another image", "COPY --from=alpine:3.20 /gone /gone\n", ctx, ""},
		{"from a URL", "ADD https://example.com/gone.txt ./\n", ctx, ""},
		{"from git", "ADD git@github.com:example/gone.git /src\n", ctx, ""},
		{"ENV the file sets", "ENV F=gone.txt\nCOPY $F ./\n", ctx, "COPY $F (gone.txt): no such file or folder"},
		{"ENV the preset knows the image sets", "COPY $GOPATH/gone ./\n", ctx, "COPY $GOPATH/gone (go/gone): no such file or folder"},
		{"a variable nothing sets", "COPY $APP_HOME/gone ./\n", ctx, ""},
		{"quoted", "COPY [\"gone file.txt\", \"./\"]\n", ctx, "COPY gone file.txt: no such file or folder"},
		{"escaped wildcard", "COPY gone\\*.txt ./\n", ctx, ""},
		{"heredoc", "COPY <<EOF /app/gone.txt\nhello\nEOF\n", ctx, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert([]byte(head+c.copy+tail), Options{Context: c.ctx})
			if err != nil {
				t.Fatal(err)
			}
			if res.Declined != "" {
				t.Fatalf("declined: %s", res.Declined)
			}
			var got []Note
			for _, n := range res.Notes {
				if n.Code == warnSourceMissing {
					got = append(got, n)
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("want no RS330, got %v", got)
			case c.want != "" && len(got) != 1:
				t.Errorf("want one RS330, got %v", got)
			case c.want != "" && (!strings.HasPrefix(got[0].Message, c.want) || got[0].Line != copyLine(head+c.copy)):
				t.Errorf("got %v, want line %d: %q...", got[0], copyLine(head+c.copy), c.want)
			}
		})
	}
}

// copyLine is the line of the last COPY or ADD of a Dockerfile.
func copyLine(src string) int {
	n := 0
	for i, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, "COPY") || strings.HasPrefix(l, "ADD") {
			n = i + 1
		}
	}
	return n
}
