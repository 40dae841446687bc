package transform

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRunFilesEvidence checks the choices of run-time files that golden
// folders cannot hold: a git-ignored file that is present (a golden's
// .gitignore would keep it out of the repository), a context without
// sources, and literals with wildcards.
func TestRunFilesEvidence(t *testing.T) {
	src := []byte("FROM golang:1.26\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\nCMD [\"./server\"]\n")
	mod := &fstest.MapFile{Data: []byte("module example.com/s\n")}
	cases := []struct {
		name  string
		ctx   fstest.MapFS
		want  []string // the runtime's COPY lines after the binary's
		notes []Code   // codes that must be among the notes
	}{
		{
			name: "git-ignored file present here",
			ctx: fstest.MapFS{
				"go.mod":     mod,
				"main.go":    {Data: []byte("package main\n\nimport \"github.com/joho/godotenv\"\n\nfunc main() { godotenv.Load() }\n")},
				".env":       {Data: []byte("A=1\n")},
				".gitignore": {Data: []byte("/.env\n")},
			},
			want:  []string{"COPY --from=build --chown=65532:65532 /app/.en[v] /app/"},
			notes: []Code{infoRunFileOptional},
		},
		{
			name: "sources that name nothing",
			ctx: fstest.MapFS{
				"go.mod":           mod,
				"README.md":        {Data: []byte("x")},
				"templates/a.html": {Data: []byte("a")},
				"internal/x.go":    {Data: []byte("package x")},
				"vendor/m/m.go":    {Data: []byte("package m")},
			},
			// internal/x.go is read and names nothing: templates/ and
			// README.md stay behind, with a note.
			want:  nil,
			notes: []Code{infoRunFilesLeft},
		},
		{
			name: "no source files at all",
			ctx: fstest.MapFS{
				"go.mod":           mod,
				"README.md":        {Data: []byte("x")},
				"templates/a.html": {Data: []byte("a")},
				"vendor/m/m.go":    {Data: []byte("package m")},
			},
			want:  []string{"COPY --from=build --chown=65532:65532 /app/README.md /app/README.md", "COPY --from=build --chown=65532:65532 /app/templates /app/templates"},
			notes: []Code{infoRunFilesUnread},
		},
		{
			name: "glob literal and a bare star",
			ctx: fstest.MapFS{
				"go.mod":       mod,
				"main.go":      {Data: []byte("package main\n\nvar a, b = \"view/*.html\", \"*\"\nvar r = '\"'\n// \"static\" in a comment names nothing\n")},
				"view/a.html":  {Data: []byte("a")},
				"static/x.css": {Data: []byte("x")},
			},
			want:  []string{"COPY --from=build --chown=65532:65532 /app/view /app/view"},
			notes: []Code{infoRunFile, infoRunFilesLeft},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert(src, Options{Context: c.ctx})
			if err != nil {
				t.Fatal(err)
			}
			if res.Declined != "" {
				t.Fatalf("declined: %s", res.Declined)
			}
			var got []string
			for _, l := range strings.Split(string(res.Output), "\n") {
				if strings.HasPrefix(l, "COPY --from=build ") && !strings.Contains(l, "/app/server") {
					got = append(got, l)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("copies\n got %q\nwant %q\n%s", got, c.want, res.Output)
			}
			for _, code := range c.notes {
				if !slices.ContainsFunc(res.Notes, func(n Note) bool { return n.Code == code }) {
					t.Errorf("no note %s among %v", code, res.Notes)
				}
			}
		})
	}
}
