package verify

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"sync"

	"github.com/restage/restage/internal/textutil"
)

// Step is a build step as BuildKit's plain progress announces it:
// "#5 [builder 2/4] RUN go build" is step 2 of 4 of stage builder.
type Step struct {
	Stage  string // "" for a file's only or unnamed stage
	N, Of  int
	Action string // the instruction, as BuildKit prints it
}

func (s Step) String() string {
	n := strconv.Itoa(s.N) + "/" + strconv.Itoa(s.Of)
	if s.Stage != "" {
		n = s.Stage + " " + n
	}
	return "[" + n + "] " + s.Action
}

var stepRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#\d+ \[(?:(.+) )?(\d+)/(\d+)\] (.+)$`) }) // compiled when verify runs, not at every start

// ParseStep reads the line of a plain build log that starts a step;
// other lines (a step's output, DONE, CACHED, internal steps) are not.
func ParseStep(line string) (Step, bool) {
	m := stepRE().FindStringSubmatch(line)
	if m == nil {
		return Step{}, false
	}
	n, _ := strconv.Atoi(m[2])
	of, _ := strconv.Atoi(m[3])
	return Step{Stage: m[1], N: n, Of: of, Action: m[4]}, true
}

// stepWriter reads a build log as it comes and calls fn with each new
// step it announces (BuildKit repeats a step's line when it resumes it).
type stepWriter struct {
	fn   func(Step)
	buf  []byte
	last Step
}

func (w *stepWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			break
		}
		line := string(bytes.TrimRight(w.buf[:i], "\r"))
		w.buf = w.buf[i+1:]
		if s, ok := ParseStep(line); ok && s != w.last {
			w.last = s
			w.fn(s)
		}
	}
	return len(p), nil
}

// NewStatusLine writes a status line to w, cut to a terminal of width
// columns (0 is 80).
func NewStatusLine(w io.Writer, width int) *StatusLine {
	return &StatusLine{line: textutil.StatusLine{W: w, Width: width}}
}

// StatusLine is a terminal's status line: the build step under way,
// rewritten in place, and cleared before any other note is written. The
// caller decides whether its writer is a terminal.
type StatusLine struct {
	line textutil.StatusLine
}

// Write clears the line and writes p.
func (l *StatusLine) Write(p []byte) (int, error) { return l.line.Write(p) }

// Step shows st, the step of the variant's build under way.
func (l *StatusLine) Step(variant string, st Step) {
	l.line.Show(fmt.Sprintf("restage verify: building the %s: %s", variant, st))
}

// Clear removes the line, if shown.
func (l *StatusLine) Clear() { l.line.Clear() }
