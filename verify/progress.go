package verify

import (
	"bytes"
	"regexp"
	"strconv"
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

var stepRE = regexp.MustCompile(`^#\d+ \[(?:(.+) )?(\d+)/(\d+)\] (.+)$`)

// ParseStep reads the line of a plain build log that starts a step;
// other lines (a step's output, DONE, CACHED, internal steps) are not.
func ParseStep(line string) (Step, bool) {
	m := stepRE.FindStringSubmatch(line)
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
