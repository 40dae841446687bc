// Package textutil holds small text helpers shared by the engine and the
// command. It must stay free of I/O and of restage's own packages.
package textutil

import (
	"strings"
	"unicode/utf8"
)

// OneLine folds s onto one line with single spaces: messages carry file
// names and preset texts, which may hold newlines, and every output
// format prints a message as one line.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// UTF16Len counts the UTF-16 code units of b: the column unit of SARIF's
// "utf16CodeUnits", of JavaScript viewers and of LSP's default position
// encoding. A byte that is not UTF-8 counts as one unit, as a decoder's
// U+FFFD would.
func UTF16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
