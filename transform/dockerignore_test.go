package transform

import (
	"slices"
	"testing"
	"testing/fstest"
)

// TestDockerignoreRuntimeFiles checks that run-time folders copied with
// COPY . . are looked for with .dockerignore read as Docker reads it: a
// folder the build never sees is not copied to the runtime, and one that an
// exception brings back in part still is.
func TestDockerignoreRuntimeFiles(t *testing.T) {
	src := []byte("FROM golang:1.26\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\nCMD [\"./server\"]\n")
	ctx := func(ignore string) fstest.MapFS {
		return fstest.MapFS{
			"go.mod":              {Data: []byte("module example.com/s\n")},
			"main.go":             {Data: []byte("package main\n\nvar dirs = []string{\"templates\", \"static\", \"migrations\", \"public\", \"locales\"}\n")},
			"templates/a.html":    {Data: []byte("a")},
			"static/site.css":     {Data: []byte("b")},
			"static/keep.css":     {Data: []byte("c")},
			"migrations/1.sql":    {Data: []byte("d")},
			".dockerignore":       {Data: []byte(ignore)},
			"public/robots.txt":   {Data: []byte("e")},
			"locales/en/app.json": {Data: []byte("f")},
		}
	}
	all := []string{"/app/locales", "/app/migrations", "/app/public", "/app/server", "/app/static", "/app/templates"}
	cases := []struct {
		name, ignore string
		want         []string
	}{
		{"none", "", all},
		{"plain name", "templates\n", without(all, "/app/templates")},
		{"leading slash and comment", "# not sent\n/migrations\n", without(all, "/app/migrations")},
		{"glob", "pub*\nloc?les\n", without(all, "/app/public", "/app/locales")},
		{"double star", "**/robots.txt\npublic\n", without(all, "/app/public")},
		{"exception brings part back", "static\n!static/keep.css\n", all},
		{"exception elsewhere", "static\n!templates/a.html\n", without(all, "/app/static")},
		{"whole context but an exception", "*\n!templates\n", []string{"/app/server", "/app/templates"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert(src, Options{Context: ctx(c.ignore)})
			if err != nil {
				t.Fatal(err)
			}
			if res.Declined != "" {
				t.Fatalf("declined: %s", res.Declined)
			}
			got := slices.Sorted(slices.Values(res.Artifacts))
			if !slices.Equal(got, c.want) {
				t.Errorf(".dockerignore %q: artifacts\n got %q\nwant %q", c.ignore, got, c.want)
			}
		})
	}
}

func without(all []string, drop ...string) []string {
	var out []string
	for _, a := range all {
		if !slices.Contains(drop, a) {
			out = append(out, a)
		}
	}
	return out
}
