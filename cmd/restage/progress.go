package main

import (
	"fmt"
	"io"
	"time"

	"github.com/restage/restage/internal/textutil"
)

// progress is the status line of a long run over many files on a
// terminal: "restage: 1234/10000 path", rewritten in place at most ten
// times a second and cleared before anything else is printed. A few lines
// of code rather than a progress-bar library: one status line needs no
// dependency, and nothing is added to every run's start-up. The caller
// decides when it is shown (never in a pipe, with --json or -q).
type progress struct {
	line  textutil.StatusLine
	total int
	last  time.Time
	now   func() time.Time
}

// progressMin is the least number of files for which progress is shown:
// a handful of files is done before anyone could read it.
const progressMin = 20

// update shows that done of the files are finished, the last one path,
// unless the line was drawn less than a tenth of a second ago.
func (p *progress) update(done int, path string) {
	t := p.now()
	if p.line.Shown() && t.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = t
	// An odd name is quoted: a newline or an escape sequence in it would
	// break the line or drive the terminal.
	p.line.Show(fmt.Sprintf("restage: %d/%d %s", done, p.total, textutil.ShowPath(path)))
}

// clear removes the line, if shown.
func (p *progress) clear() { p.line.Clear() }

// clearing is a writer that clears the progress line before it writes.
type clearing struct {
	w io.Writer
	p *progress
}

func (c clearing) Write(b []byte) (int, error) {
	c.p.clear()
	return c.w.Write(b)
}
