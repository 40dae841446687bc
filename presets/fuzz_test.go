package presets

import (
	"bytes"
	"errors"
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
			if lines := YAMLLines(data); e.Line < 0 || e.Line > lines {
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

func TestYAMLLines(t *testing.T) {
	for in, want := range map[string]int{
		"": 1, "a": 1, "a\n": 2, "a\r\nb": 2, "a\rb": 2, "a\r\n\r\nb": 3, "a\u2028b\u0085c": 3,
		"\xfe\xff\x00a\x00\n\x00b": 2, // UTF-16 big-endian
		"\xff\xfea\x00\n\x00b\x00": 2, // little-endian
		"\xfe\xff\x20\x28\x20\x28": 3, // two U+2028
	} {
		if got := YAMLLines([]byte(in)); got != want {
			t.Errorf("YAMLLines(%q) = %d, want %d", in, got, want)
		}
	}
}
