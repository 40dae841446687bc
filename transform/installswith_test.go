package transform

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// A runtime that installs curl or git on Debian slim installs
// ca-certificates with them once, whatever asked for the programs (the
// HEALTHCHECK, the sources, the builder's packages), and an image that
// has the certificates gets none (brief w2notes, item 2).
func TestInstallsWithOnce(t *testing.T) {
	ctx := fstest.MapFS{
		"package.json":      {Data: []byte(`{"name":"a","version":"1.0.0"}`)},
		"package-lock.json": {Data: []byte(`{"name":"a","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{"":{"name":"a","version":"1.0.0"}}}`)},
		"index.js":          {Data: []byte(`require("child_process").execFileSync("git", ["pull"]);`)},
		"app.py":            {Data: []byte("import subprocess\nsubprocess.run([\"git\", \"pull\"])\n")},
		"requirements.txt":  {Data: []byte("flask\n")},
	}
	hc := "HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n"
	cases := []struct {
		name, src string
		certs     int // ca-certificates in the runtime stage
		notes     int // RS194 notes
	}{
		{"HEALTHCHECK curl and git", "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n" + hc + "CMD [\"node\",\"index.js\"]\n", 1, 1},
		{"builder packages first", "FROM node:22\nRUN apt-get update && apt-get install -y ffmpeg\nWORKDIR /app\nCOPY . .\nRUN npm ci\n" + hc + "CMD [\"node\",\"index.js\"]\n", 1, 0},
		{"python slim has them", "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\",\"app.py\"]\n", 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert([]byte(c.src), Options{Context: ctx})
			if err != nil || res.Declined != "" {
				t.Fatalf("Convert: %v %s", err, res.Declined)
			}
			final := string(res.Output[bytes.LastIndex(res.Output, []byte("\nFROM ")):])
			if !strings.Contains(final, " git") {
				t.Fatalf("the runtime does not install git:\n%s", final)
			}
			if n := strings.Count(final, "ca-certificates"); n != c.certs {
				t.Errorf("ca-certificates %d times in the runtime stage, want %d:\n%s", n, c.certs, final)
			}
			n := 0
			for _, note := range res.Notes {
				if note.Code == infoInstalledWith {
					n++
				}
			}
			if n != c.notes {
				t.Errorf("%d RS194 notes, want %d: %v", n, c.notes, res.Notes)
			}
		})
	}
}
