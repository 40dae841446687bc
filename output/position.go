package output

import (
	"sort"

	"github.com/restage/restage/internal/textutil"
)

// lineIndex turns byte offsets of one file into 1-based lines and columns.
// Lines end at "\n" only, as BuildKit reads a Dockerfile: in a CRLF file the
// "\r" is the last character of its line, which matches SARIF's default
// newline sequences ("\r\n" and "\n") for every offset the engine produces
// (it never splits a "\r\n").
type lineIndex struct {
	src    []byte
	starts []int // the offset of each line's first byte
}

func newLineIndex(src []byte) *lineIndex {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts}
}

// position is the line of off and its column counted in units, both
// 1-based. An offset at the very end of a file that ends in a newline is
// column 1 of the line after the last.
func (x *lineIndex) position(off int, units func([]byte) int) (line, col int) {
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	return i + 1, units(x.src[x.starts[i]:off]) + 1
}

// lines is the number of lines a viewer shows: a final newline does not
// start another line.
func (x *lineIndex) lines() int {
	n := len(x.starts)
	if len(x.src) == 0 || x.src[len(x.src)-1] == '\n' {
		n--
	}
	return max(n, 1)
}

// lineText is line n (1-based) without its newline, or nil past the end.
func (x *lineIndex) lineText(n int) []byte {
	if n < 1 || n > len(x.starts) {
		return nil
	}
	end := len(x.src)
	if n < len(x.starts) {
		end = x.starts[n] - 1
	}
	return x.src[x.starts[n-1]:end]
}

// utf16Units counts UTF-16 code units, the column unit of SARIF's
// "utf16CodeUnits".
var utf16Units = textutil.UTF16Len

// byteUnits counts bytes, the column unit of reviewdog's format.
func byteUnits(b []byte) int { return len(b) }

// span is a half-open byte range of the input.
type span struct{ start, end int }

// fileEdits are the edits that turn f's input into its output, sorted. A
// changed result without edits (an engine that only returns Output) becomes
// one edit of the whole file.
func fileEdits(f File) []editSpan {
	var out []editSpan
	for _, e := range f.Result.Edits {
		out = append(out, editSpan{span{e.Start, e.End}, e.NewText})
	}
	if len(out) == 0 {
		return []editSpan{{span{0, len(f.Input)}, string(f.Result.Output)}}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

type editSpan struct {
	span
	text string
}

// coalesce is all edits as one: from the first edit's start to the last
// one's end, with the input between them carried over. A review
// suggestion must be all of a file's change at once, because a partial
// split does not build.
func coalesce(in []byte, edits []editSpan) editSpan {
	first, last := edits[0].start, edits[0].end
	for _, e := range edits {
		last = max(last, e.end)
	}
	var text []byte
	at := first
	for _, e := range edits {
		if e.start > at {
			text = append(text, in[at:e.start]...)
		}
		text = append(text, e.text...)
		at = max(at, e.end)
	}
	text = append(text, in[at:last]...)
	return editSpan{span{first, last}, string(text)}
}
