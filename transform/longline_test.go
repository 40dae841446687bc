package transform

import (
	"errors"
	"strings"
	"testing"
)

// TestLongLine: a line past BuildKit's limit is an error on its own line
// that says what the limit is, wherever the line is. A first line past it
// used to read "file with no instructions". Each case is checked against
// BuildKit's parser too, so the limit stays BuildKit's.
func TestLongLine(t *testing.T) {
	pad := func(prefix string, n int) string { return prefix + strings.Repeat("x", n-len(prefix)) }
	const msg = "line longer than 65535 bytes, the most BuildKit's Dockerfile parser reads (Docker cannot build this file either)"
	cases := []struct {
		name string
		src  string
		line int // 0: no error about the length
	}{
		{"first line at the limit", pad("FROM golang:1.24 AS ", 65535) + "\nRUN go build -o /a .\n", 0},
		{"first line over", pad("FROM golang:1.24 AS ", 65536) + "\nRUN go build -o /a .\n", 1},
		{"first line over, a comment", pad("# ", 70000) + "\nFROM golang\n", 1},
		{"CR counts", pad("FROM golang:1.24 AS ", 65535) + "\r\nRUN go build -o /a .\r\n", 1},
		{"third line over", "FROM golang\nRUN true\n" + pad("RUN echo ", 65536) + "\nCMD x\n", 3},
		{"last line over, no newline", "FROM golang\n" + pad("RUN echo ", 65536), 2},
		{"last line at the limit, no newline", "FROM golang\n" + pad("RUN echo ", 65535), 0},
	}
	for _, c := range cases {
		_, err := Convert([]byte(c.src), Options{})
		var e *Error
		long := errors.As(err, &e) && e.Msg == msg
		if c.line == 0 {
			if long {
				t.Errorf("%s: %v", c.name, err)
			}
		} else if !long || e.Line != c.line {
			t.Errorf("%s: %v, want line %d: %s", c.name, err, c.line, msg)
		}
		if _, bkErr := bkParse([]byte(c.src)); (bkErr != nil) != (c.line != 0) {
			t.Errorf("%s: BuildKit's parser says %v", c.name, bkErr)
		}
	}
}
