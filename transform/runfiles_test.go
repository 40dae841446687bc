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

// TestPlacementsCopyOntoFolder checks where a COPY of a file to a
// destination without a trailing slash puts it (review 14, finding A):
// inside a folder an earlier WORKDIR, mkdir or COPY made, else at that
// very name, as BuildKit does.
func TestPlacementsCopyOntoFolder(t *testing.T) {
	ctx := fstest.MapFS{
		"main.go":     {Data: []byte("package main\n")},
		"app.yaml":    {Data: []byte("a: 1\n")},
		"static/a.js": {Data: []byte("1")},
	}
	cases := []struct {
		name, build string
		want        []string // the placements' destinations
	}{
		{"no folder before: a file", "COPY main.go /app\n", []string{"/app"}},
		{"a folder mkdir made", "RUN mkdir -p /app\nCOPY main.go /app\n", []string{"/app/main.go"}},
		{"a parent of a folder mkdir made", "RUN mkdir -p /app/data\nCOPY main.go /app\n", []string{"/app/main.go"}},
		{"the working folder", "WORKDIR /app\nCOPY main.go /app\n", []string{"/app/main.go"}},
		{"a WORKDIR left since", "WORKDIR /app\nWORKDIR /\nCOPY main.go /app\n", []string{"/app/main.go"}},
		{"a folder an earlier COPY made", "COPY static /app/static\nCOPY main.go /app\n", []string{"/app/static", "/app/main.go"}},
		{"the folder above an earlier COPY's file", "COPY app.yaml /app/app.yaml\nCOPY main.go /app\n", []string{"/app/app.yaml", "/app/main.go"}},
		{"an earlier file of that name", "COPY app.yaml /app\nCOPY main.go /app\n", []string{"/app"}},
		{"made after the COPY", "COPY main.go /app\nRUN mkdir -p /app/x\n", []string{"/app"}},
		{"a folder of the image's PATH", "COPY main.go /usr/local/bin\n", []string{"/usr/local/bin/main.go"}},
	}
	presets, err := builtinPresets()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := parseSource([]byte("FROM golang:1.26\n" + c.build + "CMD [\"/bin/true\"]\n"))
			if err != nil {
				t.Fatal(err)
			}
			f, err := analyse(s, Options{Context: ctx}, presets)
			if err != nil {
				t.Fatal(err)
			}
			pls, _ := f.placements()
			var got []string
			for _, pl := range pls {
				got = append(got, pl.dest)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("placements %q, want %q", got, c.want)
			}
		})
	}
}
