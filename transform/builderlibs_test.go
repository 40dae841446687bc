package transform

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/restage/restage/presets"
)

// A builder library the default runtime has (libssl on distroless
// nodejs, for Prisma's engine: builder_libs with alongside) is installed
// only in a runtime that lacks it. Without distroless's packages listed,
// the runtime chosen on its own is one that can install it (slim, RS153),
// and distroless asked for with --runtime, which can install nothing,
// gets warning RS329 (review 9, finding A).
func TestBuilderLibsAlongside(t *testing.T) {
	data, err := presets.FS.ReadFile("node.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const has = "    packages: [libssl3t64, libssl3]\n"
	if !bytes.Contains(data, []byte(has)) {
		t.Fatalf("node.yaml no longer holds %q; update the test", has)
	}
	builtin, err := presets.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	without, err := presets.Parse("node.yaml", bytes.Replace(data, []byte(has), nil, 1))
	if err != nil {
		t.Fatal(err)
	}
	ctx := fstest.MapFS{
		"package.json": {Data: []byte(`{"name":"a","version":"1.0.0","dependencies":{"@prisma/client":"^6.4.1"}}`)},
		"index.js":     {Data: []byte(`const { PrismaClient } = require("@prisma/client"); new PrismaClient().$connect();`)},
	}
	src := "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD [\"node\", \"index.js\"]\n"
	cases := []struct {
		name    string
		presets []*Preset
		runtime string
		image   string // the runtime image's start
		code    Code   // the note expected, or "" for none of RS153/RS329
	}{
		{"distroless has libssl", builtin, "", "gcr.io/distroless/nodejs22", ""},
		{"distroless lacks it: slim installs it", presets.Merge(builtin, []*Preset{without}), "", "node:22-slim", infoBuilderLibs},
		{"distroless lacks it, asked for", presets.Merge(builtin, []*Preset{without}), "distroless", "gcr.io/distroless/nodejs22", warnBuilderLibMissing},
		{"slim asked for installs it", builtin, "slim", "node:22-slim", infoBuilderLibs},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert([]byte(src), Options{Context: ctx, Presets: c.presets, Runtime: c.runtime})
			if err != nil || res.Declined != "" {
				t.Fatalf("Convert: %v %s", err, res.Declined)
			}
			final := string(res.Output[bytes.LastIndex(res.Output, []byte("\nFROM ")):])
			if !strings.HasPrefix(final, "\nFROM "+c.image) {
				t.Errorf("runtime stage starts %q, want FROM %s", strings.SplitN(final, "\n", 3)[1], c.image)
			}
			installs := strings.Contains(final, " libssl3 ")
			if installs != (c.code == infoBuilderLibs) {
				t.Errorf("libssl3 installed: %v, want %v:\n%s", installs, c.code == infoBuilderLibs, final)
			}
			var got []Code
			for _, n := range res.Notes {
				if n.Code == infoBuilderLibs || n.Code == warnBuilderLibMissing {
					got = append(got, n.Code)
					if !strings.Contains(n.Message, "package.json names @prisma/client") {
						t.Errorf("%s does not name the dependency: %s", n.Code, n.Message)
					}
				}
			}
			if c.code == "" && len(got) > 0 || c.code != "" && (len(got) != 1 || got[0] != c.code) {
				t.Errorf("notes %v, want %q (all: %v)", got, c.code, res.Notes)
			}
		})
	}
}
