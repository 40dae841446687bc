package lsp

import (
	"sort"
	"unicode/utf8"
)

// Position encodings a client may negotiate.
const (
	encodingUTF16 = "utf-16"
	encodingUTF8  = "utf-8"
)

// text is a document's bytes with the offsets where its lines start. LSP
// lines end at "\n", "\r\n" or a lone "\r" (BuildKit only knows "\n"; a
// lone "\r" is as good as never seen in a Dockerfile, but a client counts
// it, so the server must too).
type text struct {
	src    []byte
	starts []int
	utf8   bool // characters are bytes, not UTF-16 code units
}

func newText(src []byte, encoding string) *text {
	t := &text{src: src, starts: []int{0}, utf8: encoding == encodingUTF8}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			t.starts = append(t.starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}

// lineEnd is the offset where line i's content ends, before its line
// break.
func (t *text) lineEnd(i int) int {
	if i+1 >= len(t.starts) {
		return len(t.src)
	}
	end := t.starts[i+1] - 1
	if t.src[end] == '\n' && end > t.starts[i] && t.src[end-1] == '\r' {
		end--
	}
	return end
}

// position is the Position of byte offset off. An offset inside a
// "\r\n" or inside a character is taken back to its start.
func (t *text) position(off int) Position {
	off = min(max(off, 0), len(t.src))
	i := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	off = min(off, t.lineEnd(i))
	for off > t.starts[i] && off < len(t.src) && !utf8.RuneStart(t.src[off]) {
		off--
	}
	return Position{Line: i, Character: t.units(t.src[t.starts[i]:off])}
}

// offset is the byte offset of p. A line past the end is the end of the
// text; a character past the end of its line is the end of the line, as
// the specification says.
func (t *text) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(t.starts) {
		return len(t.src)
	}
	off, end := t.starts[p.Line], t.lineEnd(p.Line)
	for n := 0; off < end && n < p.Character; {
		r, size := utf8.DecodeRune(t.src[off:end])
		w := 1
		if !t.utf8 && r >= 0x10000 {
			w = 2
		} else if t.utf8 {
			w = size
		}
		if n+w > p.Character {
			break // inside a character: its start
		}
		n += w
		off += size
	}
	return off
}

// units counts b in the encoding's units. A byte that is not UTF-8 is one
// UTF-16 unit, as a decoder's U+FFFD would be.
func (t *text) units(b []byte) int {
	if t.utf8 {
		return len(b)
	}
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

// lineRange is the range of line i's content, without its line break.
func (t *text) lineRange(i int) Range {
	i = min(max(i, 0), len(t.starts)-1)
	return Range{
		Start: Position{Line: i},
		End:   Position{Line: i, Character: t.units(t.src[t.starts[i]:t.lineEnd(i)])},
	}
}

// rangeOf is the Range of the byte span start..end.
func (t *text) rangeOf(start, end int) Range {
	return Range{Start: t.position(start), End: t.position(end)}
}
