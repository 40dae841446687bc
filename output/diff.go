package output

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/restage/restage/output/internal/diffmatchpatch"
)

// diffContext is the number of unchanged lines shown around a change, as
// in `diff -u`.
const diffContext = 3

// ANSI colours for a terminal.
const (
	colorReset = "\x1b[0m"
	colorBold  = "\x1b[1m"
	colorRed   = "\x1b[31m"
	colorGreen = "\x1b[32m"
	colorCyan  = "\x1b[36m"
)

// diffLine is one line of a unified diff body: ' ', '-' or '+', and the
// line's text including its line ending (the last line of a file may have
// none).
type diffLine struct {
	kind byte
	text string
}

// Diff writes the unified diff of f's change, nothing when it did not
// change. With color, it carries ANSI escapes (for a terminal).
func Diff(w io.Writer, f File, color bool) error {
	out := f.changedOutput()
	if out == nil {
		return nil
	}
	_, err := w.Write(UnifiedDiff(f.Path, f.Input, out, color))
	return err
}

// UnifiedDiff returns a unified diff from a to b with `--- a/NAME` and
// `+++ b/NAME` headers (quoted as git quotes them), or nil when a and b are equal. The body is what
// GNU `diff -u` prints. With color, it carries ANSI escapes.
func UnifiedDiff(name string, a, b []byte, color bool) []byte {
	if bytes.Equal(a, b) {
		return nil
	}
	var out bytes.Buffer
	p := strings.TrimPrefix(strings.TrimPrefix(filepath.ToSlash(name), "./"), "/")
	// As git does: an odd name is quoted (QuotePath), and a name with a
	// space ends with a tab, so that patch(1) reads all of it.
	tab := ""
	if strings.Contains(p, " ") {
		tab = "\t"
	}
	paint(&out, color, colorBold, "--- "+QuotePath("a/"+p)+tab+"\n")
	paint(&out, color, colorBold, "+++ "+QuotePath("b/"+p)+tab+"\n")
	writeHunks(&out, diffLines(string(a), string(b)), color)
	return out.Bytes()
}

// paint writes s (which ends in "\n") to out, coloured when color is set;
// the reset goes before the newline so a pager's line stays clean.
func paint(out *bytes.Buffer, color bool, code, s string) {
	if !color || code == "" {
		out.WriteString(s)
		return
	}
	out.WriteString(code)
	out.WriteString(strings.TrimSuffix(s, "\n"))
	out.WriteString(colorReset)
	out.WriteString("\n")
}

// diffLines computes a line diff with diffmatchpatch (a copy of
// sergi/go-diff's, output/internal/diffmatchpatch) in line mode, no
// semantic cleanup. Then, like GNU diff, every run of changes is slid
// along equal lines to merge with its neighbours, or else as far down as
// it goes, so that the diff reads as `diff -u` would print it; the number
// of changed lines stays the same. In each run of changes the deleted
// lines come before the inserted ones.
func diffLines(a, b string) []diffLine {
	// An exact diff, however long it takes: the copy has no time limit.
	ra, rb, lines := diffmatchpatch.DiffLinesToRunes(a, b)
	diffs := diffmatchpatch.DiffMainRunes(ra, rb)
	// changed[f][i+1] marks line i of file f as deleted (f=0) or inserted
	// (f=1); index 0 and n+1 are always false sentinels.
	ca := make([]bool, len(ra)+2)
	cb := make([]bool, len(rb)+2)
	i, j := 1, 1
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			for range n {
				ca[i] = true
				i++
			}
		case diffmatchpatch.DiffInsert:
			for range n {
				cb[j] = true
				j++
			}
		}
	}
	shiftBoundaries(ra, ca, cb)
	shiftBoundaries(rb, cb, ca)
	var out []diffLine
	i, j = 1, 1
	for i <= len(ra) || j <= len(rb) {
		if i <= len(ra) && j <= len(rb) && !ca[i] && !cb[j] {
			out = append(out, diffLine{' ', lines[ra[i-1]]})
			i, j = i+1, j+1
			continue
		}
		for ; i <= len(ra) && ca[i]; i++ {
			out = append(out, diffLine{'-', lines[ra[i-1]]})
		}
		for ; j <= len(rb) && cb[j]; j++ {
			out = append(out, diffLine{'+', lines[rb[j-1]]})
		}
	}
	return out
}

// shiftBoundaries is shift_boundaries from GNU diffutils' analyze.c: it
// moves each run of changed lines of one file (ids, with changed marks
// offset by one as in diffLines) back to merge with earlier runs, then
// forward as far as possible, and finally back to line up with a run of
// changes in the other file when it can.
func shiftBoundaries(ids []rune, changed, other []bool) {
	eq := func(x, y int) bool { return ids[x-1] == ids[y-1] } // 1-based
	end := len(ids) + 1                                       // one past the last line
	i, j := 1, 1
	for {
		for i < end && !changed[i] {
			for other[j] {
				j++
			}
			j++
			i++
		}
		if i == end {
			return
		}
		start := i
		for i++; changed[i]; i++ {
		}
		for other[j] {
			j++
		}
		var corresponding int
		for {
			runlength := i - start
			// Back, merging with earlier runs.
			for start > 1 && eq(start-1, i-1) {
				start--
				changed[start] = true
				i--
				changed[i] = false
				for changed[start-1] {
					start--
				}
				for j--; other[j]; j-- {
				}
			}
			corresponding = end
			if other[j-1] {
				corresponding = i
			}
			// Forward, merging with later runs, as far as it goes.
			for i != end && eq(start, i) {
				changed[start] = false
				start++
				changed[i] = true
				i++
				for changed[i] {
					i++
				}
				for j++; other[j]; j++ {
					corresponding = i
				}
			}
			if runlength == i-start {
				break
			}
		}
		// Back to a run of changes in the other file, if there is one.
		for corresponding < i {
			start--
			changed[start] = true
			i--
			changed[i] = false
			for j--; other[j]; j-- {
			}
		}
	}
}

// writeHunks writes the @@ hunks of a line diff with three lines of
// context, in the format of diff -u.
func writeHunks(out *bytes.Buffer, lines []diffLine, color bool) {
	// oldAt[i], newAt[i]: lines of a and b before lines[i].
	oldAt := make([]int, len(lines)+1)
	newAt := make([]int, len(lines)+1)
	for i, l := range lines {
		oldAt[i+1], newAt[i+1] = oldAt[i], newAt[i]
		if l.kind != '+' {
			oldAt[i+1]++
		}
		if l.kind != '-' {
			newAt[i+1]++
		}
	}
	i := 0
	for {
		for i < len(lines) && lines[i].kind == ' ' {
			i++
		}
		if i == len(lines) {
			return
		}
		start := max(i-diffContext, 0)
		// Extend over changes separated by at most 2*context equal lines.
		end := i // one past the last change of the hunk
		for j := i; j < len(lines); j++ {
			if lines[j].kind != ' ' {
				end = j + 1
			} else if j-end >= 2*diffContext {
				break
			}
		}
		stop := min(end+diffContext, len(lines))
		header := fmt.Sprintf("@@ -%s +%s @@\n",
			hunkRange(oldAt[start], oldAt[stop]-oldAt[start]),
			hunkRange(newAt[start], newAt[stop]-newAt[start]))
		paint(out, color, colorCyan, header)
		for _, l := range lines[start:stop] {
			code := ""
			switch l.kind {
			case '-':
				code = colorRed
			case '+':
				code = colorGreen
			}
			text, eol := l.text, true
			if !strings.HasSuffix(text, "\n") {
				text, eol = text+"\n", false
			}
			paint(out, color, code, string(l.kind)+text)
			if !eol {
				out.WriteString("\\ No newline at end of file\n")
			}
		}
		i = stop
	}
}

// hunkRange prints one side of a hunk header: "start,count", with ",1"
// left out, and the line before the hunk as start when count is 0.
func hunkRange(before, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", before)
	case 1:
		return fmt.Sprintf("%d", before+1)
	}
	return fmt.Sprintf("%d,%d", before+1, count)
}
