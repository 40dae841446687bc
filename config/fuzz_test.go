package config

import (
	"bytes"
	"errors"
	"testing"

	"github.com/restage/restage/presets"
)

// FuzzParse: the .restage.yaml decoder never panics; an error is an
// *Error naming the file, at a line that exists (or 0), with a one-line
// message.
//
// A plain `go test` runs the seeds. To fuzz: make fuzz, or
// go test ./config -run '^$' -fuzz FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "---\n", "runtime: distroless\n", "runtime: [\n", "fit_healthcheck: yes\n",
		"image_map:\n  golang: mirror.example/golang\n", "image_map: [a]\n",
		"preset_dirs: [presets, ../other]\n", "unknown: 1\n", "a: &a [*a]\n",
		"runtime: x\n---\nruntime: y\n", "\t\x00\xff", "runtime: !!binary AAAA\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse(data, ".restage.yaml")
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error is %T (%v), want *Error", err, err)
			}
			if e.at.File != ".restage.yaml" {
				t.Fatalf("error names %q: %v", e.at.File, err)
			}
			if lines := presets.YAMLLines(data); e.at.Line < 0 || e.at.Line > lines {
				t.Fatalf("error at line %d of a %d-line file: %v", e.at.Line, lines, err)
			}
			if bytes.ContainsAny([]byte(e.at.Msg), "\n\r") || e.at.Msg == "" {
				t.Fatalf("message %q is not one line", e.at.Msg)
			}
			return
		}
		if cfg == nil {
			t.Fatal("no config and no error")
		}
		cfg.ImageMappings() // must not panic on anything Parse accepted
	})
}
