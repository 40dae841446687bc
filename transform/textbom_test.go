package transform

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"
)

// TestTextOf: a byte-order mark says how the bytes are decoded (review
// 24, finding F); without one they are returned as they are.
func TestTextOf(t *testing.T) {
	const text = "psycopg2==2.9.10\r\nnaïve-pkg 𝄞\r\n"
	u16 := utf16.Encode([]rune(text))
	le16, be16 := []byte{0xFF, 0xFE}, []byte{0xFE, 0xFF}
	for _, u := range u16 {
		le16 = append(le16, byte(u), byte(u>>8))
		be16 = append(be16, byte(u>>8), byte(u))
	}
	le32, be32 := []byte{0xFF, 0xFE, 0, 0}, []byte{0, 0, 0xFE, 0xFF}
	for _, r := range text {
		le32 = append(le32, byte(r), byte(r>>8), byte(r>>16), 0)
		be32 = append(be32, 0, byte(r>>16), byte(r>>8), byte(r))
	}
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, text...), text},
		{"utf-16 le", le16, text},
		{"utf-16 be", be16, text},
		{"utf-32 le", le32, text},
		{"utf-32 be", be32, text},
		{"utf-16 le cut in a unit", le16[:5], "p"},
		{"no bom", []byte(text), text},
		{"latin-1, no bom", []byte{'n', 0xEF, 'v'}, "n\xefv"},
	}
	for _, c := range cases {
		if got := string(textOf(c.in)); got != c.want {
			t.Errorf("%s: textOf = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestContextDecodesBOM: only the files the preset names are decoded,
// the same for a whole read and a head; another (a .dockerignore, which
// Docker reads as bytes) keeps its bytes.
func TestContextDecodesBOM(t *testing.T) {
	u16 := []byte{0xFF, 0xFE}
	for _, r := range "psycopg2\r\n" {
		u16 = append(u16, byte(r), 0)
	}
	c := newContextFS(fstest.MapFS{
		"requirements.txt":      {Data: u16},
		"reqs/dev.txt":          {Data: u16},
		".dockerignore":         {Data: u16},
		"plain/requirements.in": {Data: []byte("flask\n")},
	})
	c.decodeBOM(func(name string) bool { return strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".in") })
	for name, want := range map[string]string{
		"requirements.txt":      "psycopg2\r\n",
		"reqs/dev.txt":          "psycopg2\r\n",
		".dockerignore":         string(u16),
		"plain/requirements.in": "flask\n",
	} {
		got, err := fs.ReadFile(c, name)
		if err != nil || string(got) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, got, err, want)
		}
		head, _, err := readHead(c, name, 1<<10)
		if err != nil || string(head) != want {
			t.Errorf("readHead(%s) = %q, %v; want %q", name, head, err, want)
		}
	}
	// Read before the preset said so: the bytes as they are.
	c2 := newContextFS(fstest.MapFS{"requirements.txt": {Data: u16}})
	if got, _ := fs.ReadFile(c2, "requirements.txt"); !bytes.Equal(got, u16) {
		t.Errorf("ReadFile without text_bom = %q, want the bytes", got)
	}
}
