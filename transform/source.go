package transform

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/restage/restage/transform/internal/dfparse"
)

// source is a parsed Dockerfile that remembers where every instruction
// sits in the original bytes, so that changes can be made as span edits.
type source struct {
	data   []byte
	lines  []span // physical lines; each includes its line ending
	eol    string // the file's line ending: "\n" or "\r\n"
	escape rune
	nodes  []*inst
	meta   []instructions.ArgCommand // ARGs before the first FROM
	stages []instructions.Stage
	lower  bool // every keyword is written in lower case
	// fromCompose is set when the last CMD is not the file's but the
	// compose command a prepass appended: the runtime writes none.
	fromCompose string
}

type span struct{ start, end int }

// inst is one instruction with its place in the source.
type inst struct {
	node       *parser.Node
	kw         string // keyword in upper case
	first, end int    // 1-based physical lines, inclusive
	cmd        any    // the instructions.Command, or *instructions.Stage for FROM
}

func (s *source) lineText(n int) string {
	l := s.lines[n-1]
	return string(s.data[l.start:l.end])
}

// text returns the verbatim bytes of lines first..last.
func (s *source) text(first, last int) string {
	return string(s.data[s.lines[first-1].start:s.lines[last-1].end])
}

func (s *source) isBlank(n int) bool {
	l := s.lines[n-1]
	return len(bytes.TrimSpace(s.data[l.start:l.end])) == 0 // no copy: it is called for every line
}

func (s *source) isComment(n int) bool {
	return strings.HasPrefix(strings.TrimSpace(s.lineText(n)), "#")
}

var (
	// Compiled when first needed, on an error: not at every start.
	parseLineErr  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^dockerfile parse error on line (\d+): (.*)$`) })
	zeroBasedErrs = []string{"invalid escape token", "only one escape parser directive", "dockerfile line greater than max"}
)

// The most an input may have. Memory grows with the instructions (about
// 6 KB each: BuildKit's nodes and commands, the shell parser's tree of
// each RUN), with the words (BuildKit makes three nodes of each ENV or
// LABEL pair, the shell parser a tree of each word, and the output is
// parsed again), and with the lines, so a file of 1 MiB (the command's
// --max-size) of `RUN true` lines took 580 MB and one of ENV pairs
// 900 MB. Within these limits no file under 1 MiB takes more than about
// 100 MB (BenchmarkLimits). Real Dockerfiles have tens of instructions
// and hundreds of words; the largest, a few hundred instructions, a few
// thousand lines (long heredocs) and some thousands of words.
const (
	MaxInstructions = 5000
	MaxLines        = 20000
	MaxWords        = 20000 // runs of bytes between blanks (spaces, tabs, line ends)
)

// parseInput is parseSource for an input, within the limits above: a
// file with too many lines or words is refused before it is parsed, one
// with too many instructions before BuildKit reads its commands.
func parseInput(data []byte) (*source, error) {
	lines, words := 0, 0
	blank := true
	for _, c := range data {
		switch c {
		case '\n':
			lines++
			blank = true
		case ' ', '\t', '\r', '\v', '\f':
			blank = true
		default:
			if blank {
				words++
			}
			blank = false
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		lines++
	}
	if lines > MaxLines || words > MaxWords {
		return nil, &Error{Msg: fmt.Sprintf("%d lines and %d words: %s", lines, words, limitsText)}
	}
	return parse(data, MaxInstructions)
}

var limitsText = fmt.Sprintf("restage reads Dockerfiles of at most %d lines, %d words and %d instructions", MaxLines, MaxWords, MaxInstructions)

// parseSource parses data as BuildKit does and builds the source model.
// Errors are *Error with a 1-based line.
func parseSource(data []byte) (*source, error) { return parse(data, 0) }

// parse is parseSource with at most maxInst instructions (0: any number).
func parse(data []byte, maxInst int) (*source, error) {
	if err := longLine(data); err != nil {
		return nil, err
	}
	// dfparse is BuildKit's parser without its per-line regexps, which
	// were most of a conversion's CPU (parsed twice: the input and the
	// self-check of the output); it returns BuildKit's own types.
	res, err := dfparse.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, locError(err)
	}
	if maxInst > 0 && len(res.AST.Children) > maxInst {
		return nil, &Error{Line: res.AST.Children[maxInst].StartLine,
			Msg: fmt.Sprintf("instruction %d: %s", maxInst+1, limitsText)}
	}
	stages, meta, err := instructions.Parse(res.AST, nil)
	if err != nil {
		return nil, locError(err)
	}
	s := &source{data: data, escape: res.EscapeToken, meta: meta, stages: stages}
	s.splitLines()
	lower, upper := 0, 0
	stageIdx := -1
	cmdIdx := 0
	for _, n := range res.AST.Children {
		in := &inst{node: n, kw: strings.ToUpper(n.Value), first: n.StartLine, end: n.EndLine}
		if in.end > len(s.lines) {
			in.end = len(s.lines)
		}
		if isLower(n.Value) {
			lower++
		} else {
			upper++
		}
		if in.kw == "FROM" {
			stageIdx++
			cmdIdx = 0
			in.cmd = &s.stages[stageIdx]
		} else if stageIdx >= 0 && cmdIdx < len(s.stages[stageIdx].Commands) {
			in.cmd = s.stages[stageIdx].Commands[cmdIdx]
			cmdIdx++
		}
		s.nodes = append(s.nodes, in)
	}
	s.lower = lower > 0 && upper == 0
	return s, nil
}

// maxLine is the longest line BuildKit's parser reads, in bytes before
// the newline (a CR counts): it reads lines with a bufio.Scanner of the
// default size. Past it the parser stops, and says "file with no
// instructions" when the long line comes first.
const maxLine = bufio.MaxScanTokenSize - 1

// longLine reports the first line longer than maxLine, which Docker
// cannot build either.
func longLine(data []byte) error {
	for line := 1; len(data) > maxLine; line++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 || i > maxLine {
			return &Error{Line: line, Msg: fmt.Sprintf("line longer than %d bytes, the most BuildKit's Dockerfile parser reads (Docker cannot build this file either)", maxLine)}
		}
		data = data[i+1:]
	}
	return nil
}

// splitLines records the physical lines and the dominant line ending.
func (s *source) splitLines() {
	crlf, lf := 0, 0
	start := 0
	for i, b := range s.data {
		if b == '\n' {
			s.lines = append(s.lines, span{start, i + 1})
			if i > 0 && s.data[i-1] == '\r' {
				crlf++
			} else {
				lf++
			}
			start = i + 1
		}
	}
	if start < len(s.data) {
		s.lines = append(s.lines, span{start, len(s.data)})
	}
	s.eol = "\n"
	if crlf > lf {
		s.eol = "\r\n"
	}
}

// isLower is s == strings.ToLower(s), without the copy for ASCII.
func isLower(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return s == strings.ToLower(s)
		case 'A' <= c && c <= 'Z':
			return false
		}
	}
	return true
}

// endsWithNewline reports whether the file's last line is terminated.
func (s *source) endsWithNewline() bool {
	return len(s.data) == 0 || s.data[len(s.data)-1] == '\n'
}

// kw writes a keyword in the file's casing; the stage template's kw
// (loadStageTemplate) is the same.
func (s *source) kw(k string) string {
	if s.lower {
		return strings.ToLower(k)
	}
	return k
}

func locError(err error) error {
	line := 0
	var le *parser.LocationError
	if errors.As(err, &le) && len(le.Locations) > 0 && len(le.Locations[0]) > 0 {
		line = le.Locations[0][0].Start.Line
	}
	msg := err.Error()
	if m := parseLineErr().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		for _, z := range zeroBasedErrs {
			if strings.Contains(msg, z) {
				// BuildKit reports these 0-based; the user counts from 1.
				line++
				break
			}
		}
	}
	return &Error{Line: line, Msg: msg}
}
