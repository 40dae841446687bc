package transform

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// limitShapes are inputs just within the input limits (MaxLines,
// MaxWords, MaxInstructions) and under 1 MiB, each the most of one thing
// that costs memory: instructions, ENV and LABEL pairs with long values,
// shell words and commands, heredoc lines, blank lines and comments.
func limitShapes() map[string]string {
	const from = "FROM golang:1.24\nRUN go build -o /app .\n"
	const cmd = "CMD [\"/app\"]\n"
	// fill repeats unit between head and tail as often as the limits
	// allow, with a little room.
	fill := func(head, unit, tail string, instPerUnit int) string {
		count := func(s string) (lines, words int) { return strings.Count(s, "\n"), len(strings.Fields(s)) }
		hl, hw := count(head + tail)
		ul, uw := count(unit)
		n := (1<<20 - 1000 - len(head) - len(tail)) / len(unit)
		if uw > 0 {
			n = min(n, (MaxWords-10-hw)/uw)
		}
		if ul > 0 {
			n = min(n, (MaxLines-10-hl)/ul)
		}
		if instPerUnit > 0 {
			n = min(n, (MaxInstructions-5)/instPerUnit)
		}
		return head + strings.Repeat(unit, n) + tail
	}
	pairs := func(kw string) string {
		var b strings.Builder
		b.WriteString(kw)
		for j := range 1500 {
			fmt.Fprintf(&b, " k%d=%s", j, strings.Repeat("v", 30))
		}
		return fill(from, b.String()+"\n", cmd, 1)
	}
	return map[string]string{
		"instructions": fill("FROM golang:1.24\n", "RUN true\n", cmd, 1),
		"env-pairs":    pairs("ENV"),
		"label-pairs":  pairs("LABEL"),
		"run-words":    fill(from, "RUN go build -o /app . "+strings.Repeat(strings.Repeat("w", 35)+" ", 1500)+"\n", cmd, 1),
		"run-commands": fill(from+"RUN go build -o /app . ", "&& a \\\n", "\n"+cmd, 0),
		"heredoc":      fill("FROM golang:1.24\nRUN <<EOF\n", "go build -o /app .\n", "EOF\n"+cmd, 0),
		"blank-lines":  fill(from, "\n", cmd, 0),
		"comments":     fill(from, "#"+strings.Repeat("c", 48)+"\n", cmd, 0),
	}
}

// TestInputLimits: a file over a limit is refused with an error that
// says which limit (and, for the instructions, where), and the shapes at
// the limits are converted or declined, not refused.
func TestInputLimits(t *testing.T) {
	for name, in := range limitShapes() {
		if len(in) > 1<<20 {
			t.Fatalf("%s: %d bytes, over the 1 MiB the command reads", name, len(in))
		}
		res, err := Convert([]byte(in), Options{})
		if err != nil {
			t.Errorf("%s, within the limits, was refused: %v", name, err)
		} else if !res.Changed && res.Declined == "" {
			t.Errorf("%s: neither converted nor declined", name)
		}
	}
	over := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"instructions", "FROM golang:1.24\n" + strings.Repeat("RUN true\n", MaxInstructions) + "CMD [\"/app\"]\n",
			MaxInstructions + 1, fmt.Sprintf("instruction %d: restage reads Dockerfiles of at most 20000 lines, 20000 words and 5000 instructions", MaxInstructions+1)},
		{"lines", "FROM golang:1.24\n" + strings.Repeat("\n", MaxLines), 0,
			fmt.Sprintf("%d lines and 2 words: restage reads Dockerfiles of at most 20000 lines, 20000 words and 5000 instructions", MaxLines+1)},
		{"words", "FROM golang:1.24\nRUN" + strings.Repeat(" a", MaxWords), 0,
			fmt.Sprintf("2 lines and %d words: restage reads Dockerfiles of at most 20000 lines, 20000 words and 5000 instructions", MaxWords+3)},
	}
	for _, c := range over {
		for _, f := range []func([]byte) error{
			func(b []byte) error { _, err := Convert(b, Options{}); return err },
			func(b []byte) error { _, err := MapImages(b, nil, ""); return err },
		} {
			var e *Error
			if err := f([]byte(c.in)); !errors.As(err, &e) || e.Line != c.line || e.Msg != c.msg {
				t.Errorf("%s over the limit: got %v, want line %d: %s", c.name, err, c.line, c.msg)
			}
		}
	}
}

// BenchmarkLimits converts the inputs at the limits and reports the
// memory each conversion allocates (B/op), which bounds the most it
// holds at once: the target is under 100 MB for any input the limits
// and 1 MiB let through (cmd/restage's BenchmarkLimitsPeak measures the
// process's peak). A benchmark, not a test: nothing is asserted.
//
//	go test ./transform -run '^$' -bench Limits -benchmem -benchtime 3x
func BenchmarkLimits(b *testing.B) {
	for name, in := range limitShapes() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			src := []byte(in)
			for b.Loop() {
				Convert(src, Options{})
			}
		})
	}
}
