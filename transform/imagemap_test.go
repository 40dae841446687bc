package transform

import (
	"strings"
	"testing"
)

func TestMapImage(t *testing.T) {
	m := []ImageMapping{{From: "", To: "never/"}, {From: "gcr.io/distroless/", To: "mirror/distroless/"}, {From: "gcr.io/", To: "other/"}}
	for ref, want := range map[string]string{
		"gcr.io/distroless/static": "mirror/distroless/static", // the first match wins
		"gcr.io/x":                 "other/x",
		"docker.io/library/alpine": "docker.io/library/alpine",
	} {
		if got := MapImage(ref, m); got != want {
			t.Errorf("MapImage(%q) = %q, want %q", ref, got, want)
		}
	}
}

func TestMapImages(t *testing.T) {
	m := []ImageMapping{{From: "gcr.io/distroless/", To: "mirror/distroless/"}, {From: "golang", To: "mirror/library/golang"}}
	cases := []struct{ in, want, last string }{
		{"FROM golang:1.26\n", "FROM mirror/library/golang:1.26\n", "mirror/library/golang:1.26"},
		{"from --platform=$BUILDPLATFORM golang:1.26 as build\nFROM gcr.io/distroless/static\n",
			"from --platform=$BUILDPLATFORM mirror/library/golang:1.26 as build\nFROM mirror/distroless/static\n", "mirror/distroless/static"},
		// A stage name is not an image; neither is scratch.
		{"FROM golang AS golang2\nFROM golang2\nFROM scratch\n", "FROM mirror/library/golang AS golang2\nFROM golang2\nFROM scratch\n", "scratch"},
		// COPY --from an image, not from a stage or an index.
		{"FROM golang AS b\nCOPY --from=b /a /a\nCOPY --from=0 /a /a\nCOPY --chown=1 --from=gcr.io/distroless/cc /x /x\n",
			"FROM mirror/library/golang AS b\nCOPY --from=b /a /a\nCOPY --from=0 /a /a\nCOPY --chown=1 --from=mirror/distroless/cc /x /x\n", "mirror/library/golang"},
		// Continuation lines, with a comment inside, and CRLF.
		{"FROM \\\n# the builder\n  golang:1.26 \\\n  AS b\r\nRUN x\r\n", "FROM \\\n# the builder\n  mirror/library/golang:1.26 \\\n  AS b\r\nRUN x\r\n", "mirror/library/golang:1.26"},
		// An escape glued to the image word.
		{"FROM golang:1.26\\\n  AS b\n", "FROM mirror/library/golang:1.26\\\n  AS b\n", "mirror/library/golang:1.26"},
		// Another escape character.
		{"# escape=`\nFROM `\n golang\n", "# escape=`\nFROM `\n mirror/library/golang\n", "mirror/library/golang"},
		// Nothing to map.
		{"FROM node:20\n", "FROM node:20\n", "node:20"},
	}
	for _, c := range cases {
		r, err := MapImages([]byte(c.in), m, "")
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		out := string(applyEdits([]byte(c.in), r.Edits))
		if out != c.want || r.Last != c.last {
			t.Errorf("%q:\n got %q (last %q)\nwant %q (last %q)", c.in, out, r.Last, c.want, c.last)
		}
		for _, e := range r.Edits {
			if !strings.HasPrefix(e.NewText, "mirror/") {
				t.Errorf("%q: an edit writes more than the image: %+v", c.in, e)
			}
		}
	}
	// The engine's runtime image is left alone; a build argument gets a warning.
	in := "ARG B=golang\nFROM $B AS b\nFROM golang\n"
	r, err := MapImages([]byte(in), m, "golang")
	if err != nil || len(r.Edits) != 0 || len(r.Rewrites) != 0 || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "line 2: FROM $B uses a build argument") {
		t.Errorf("skip and warning: %+v %v", r, err)
	}
	// A build argument in a reference a mapping matches by its prefix is
	// rewritten with it, and then no warning says the map was not
	// applied (review 26n, finding A).
	in = "ARG V=1.22\nFROM golang:${V}-alpine\n"
	r, err = MapImages([]byte(in), m, "")
	if out := string(applyEdits([]byte(in), r.Edits)); err != nil || len(r.Warnings) != 0 || out != "ARG V=1.22\nFROM mirror/library/golang:${V}-alpine\n" {
		t.Errorf("mapped build argument: %q %+v %v", out, r.Warnings, err)
	}
	// Rewrites say where and what.
	r, _ = MapImages([]byte("FROM node\nFROM golang:1 AS b\n"), m, "")
	if len(r.Rewrites) != 1 || r.Rewrites[0] != (ImageRewrite{Line: 2, From: "golang:1", To: "mirror/library/golang:1"}) {
		t.Errorf("rewrites: %+v", r.Rewrites)
	}
	// A reference the parser joined across a continuation is not
	// rewritten half: it is built as written, with a warning.
	in = "FROM gol\\\nang\n"
	r, err = MapImages([]byte(in), m, "")
	if err != nil || len(r.Edits) != 0 || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "could not rewrite golang in place") {
		t.Errorf("split word: %+v %v", r, err)
	}
}
