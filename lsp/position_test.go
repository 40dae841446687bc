package lsp

import "testing"

func TestTextPositions(t *testing.T) {
	// "\n", "\r\n" and a lone "\r" all end lines.
	src := []byte("a😀b\r\nc\rdé\n")
	for _, tc := range []struct {
		enc  string
		off  int
		want Position
	}{
		{encodingUTF16, 0, Position{0, 0}},
		{encodingUTF16, 1, Position{0, 1}},
		{encodingUTF16, 5, Position{0, 3}},  // after the emoji: 2 units
		{encodingUTF8, 5, Position{0, 5}},   // 4 bytes
		{encodingUTF16, 3, Position{0, 1}},  // inside the emoji: its start
		{encodingUTF16, 7, Position{0, 4}},  // between "\r" and "\n": the line's end
		{encodingUTF16, 8, Position{1, 0}},  // "c"
		{encodingUTF16, 10, Position{2, 0}}, // after the lone "\r"
		{encodingUTF16, 13, Position{2, 2}}, // after "é"
		{encodingUTF8, 13, Position{2, 3}},
		{encodingUTF16, 14, Position{3, 0}}, // the end, after the last newline
		{encodingUTF16, 99, Position{3, 0}},
	} {
		x := newText(src, tc.enc)
		if got := x.position(tc.off); got != tc.want {
			t.Errorf("%s position(%d) = %+v, want %+v", tc.enc, tc.off, got, tc.want)
		}
	}
	for _, tc := range []struct {
		enc  string
		p    Position
		want int
	}{
		{encodingUTF16, Position{0, 3}, 5},
		{encodingUTF16, Position{0, 2}, 1}, // inside the emoji's pair: its start
		{encodingUTF8, Position{0, 5}, 5},
		{encodingUTF16, Position{0, 50}, 6}, // past the line's end: before "\r\n"
		{encodingUTF16, Position{2, 1}, 11},
		{encodingUTF16, Position{9, 0}, 14}, // past the last line: the end
	} {
		x := newText(src, tc.enc)
		if got := x.offset(tc.p); got != tc.want {
			t.Errorf("%s offset(%+v) = %d, want %d", tc.enc, tc.p, got, tc.want)
		}
	}
	if r := newText(src, encodingUTF16).lineRange(0); r.End != (Position{0, 4}) {
		t.Errorf("lineRange(0) = %+v", r)
	}
}
