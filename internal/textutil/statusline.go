package textutil

import (
	"fmt"
	"io"
)

// StatusLine is a terminal's status line: one line rewritten in place
// (a carriage return, then erase to the end of the line) and cleared
// before anything else is written through it. restage's progress over
// many files and verify's build step share it. The caller decides
// whether W is a terminal.
type StatusLine struct {
	W     io.Writer
	Width int // the terminal's columns; 0 is 80
	shown bool
}

// Show draws text as the line, cut to the width.
func (l *StatusLine) Show(text string) {
	line := []rune(text)
	width := l.Width
	if width <= 0 {
		width = 80
	}
	// One column short of the width: a full line would wrap on some
	// terminals, and the carriage return would then redraw the next one.
	if len(line) > width-1 {
		line = append(line[:max(width-4, 0)], []rune("...")...)
	}
	fmt.Fprintf(l.W, "\r\x1b[K%s", string(line))
	l.shown = true
}

// Shown reports whether the line is on the screen.
func (l *StatusLine) Shown() bool { return l.shown }

// Clear removes the line, if shown.
func (l *StatusLine) Clear() {
	if l.shown {
		fmt.Fprint(l.W, "\r\x1b[K")
		l.shown = false
	}
}

// Write clears the line and writes p.
func (l *StatusLine) Write(p []byte) (int, error) {
	l.Clear()
	return l.W.Write(p)
}
