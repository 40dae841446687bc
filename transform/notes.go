package transform

import (
	"fmt"
	"sort"

	"github.com/restage/restage/internal/textutil"
)

// notes is the one sink for the notes of one conversion. Planning writes
// to it, nothing else does: analysis only finds facts, and render only
// writes what the plan decided. Convert hands the notes to the Result
// once, at the end, and a declined file gets none.
type notes struct{ list []Note }

// note adds a note; its level is the code's kind (RS1xx info, RS3xx warning).
func (n *notes) note(line int, code Code, format string, args ...any) {
	n.list = append(n.list, Note{Line: line, Level: code.level(), Code: code, Message: fmt.Sprintf(format, args...)})
}

// insert adds a note at position at of the notes made so far, as if it
// had been made then: one whose text depends on a later choice (the
// runtime) keeps its place among the notes of its line.
func (n *notes) insert(at int, line int, code Code, format string, args ...any) {
	x := Note{Line: line, Level: code.level(), Code: code, Message: fmt.Sprintf(format, args...)}
	n.list = append(n.list[:at], append([]Note{x}, n.list[at:]...)...)
}

// result returns the notes for a Result: one line each, ordered by line;
// notes about the whole file come first, and notes on the same line keep
// the order they were made in.
func (n *notes) result() []Note {
	if len(n.list) == 0 {
		return nil
	}
	out := make([]Note, len(n.list))
	for i, x := range n.list {
		x.Message = textutil.OneLine(x.Message)
		out[i] = x
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}
