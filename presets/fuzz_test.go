package presets

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzParse: the preset decoder never panics on any file; an error is a
// *Error naming the file, at a line that exists (or 0), with a message on
// one line. A preset that decodes is decoded again the same way.
//
// A plain `go test` runs the seeds (the built-in presets and some junk).
// To fuzz: make fuzz, or go test ./presets -run '^$' -fuzz FuzzParse.
func FuzzParse(f *testing.F) {
	entries, err := FS.ReadDir(".")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		data, err := FS.ReadFile(e.Name())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "---", "name: x\n", "name: [\n", "- a\n- b\n", "name: x\nname: y\n",
		"name: x\nunknown: 1\n", "a: &a [*a]\n", "name: !!binary AAAA\n",
		"detect:\n  files: [\"[\"]\n", "name: x\n---\nname: y\n", "\t\x00\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("f.yaml", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error is %T (%v), want *Error", err, err)
			}
			if e.File != "f.yaml" {
				t.Fatalf("error names %q, want f.yaml: %v", e.File, err)
			}
			if lines := yamlLines(data); e.Line < 0 || e.Line > lines {
				t.Fatalf("error at line %d of a %d-line file: %v", e.Line, lines, err)
			}
			if bytes.ContainsAny([]byte(e.Msg), "\n\r") || e.Msg == "" {
				t.Fatalf("message %q is not one line", e.Msg)
			}
			return
		}
		if p == nil {
			t.Fatal("no preset and no error")
		}
		if _, err := Parse("f.yaml", data); err != nil {
			t.Fatalf("decoded once, then failed: %v", err)
		}
	})
}

// yamlLines counts the lines of data the way YAML does: a line ends at
// \n, \r\n or a lone \r (and, in yaml.v3, at U+0085, U+2028 and U+2029).
func yamlLines(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return 1 + strings.Count(s, "\n") + strings.Count(s, "\r") +
		strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}
