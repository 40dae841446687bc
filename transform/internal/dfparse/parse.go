// Copyright The BuildKit Authors.
// Copyright restage authors.
//
// Licensed under the Apache License, Version 2.0 (the "License"); you may
// not use this file except in compliance with the License. You may obtain a
// copy of the License at http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
// WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
// License for the specific language governing permissions and limitations
// under the License.

// Package dfparse is BuildKit's Dockerfile parser without regular
// expressions: Parse returns what github.com/moby/buildkit/frontend/
// dockerfile/parser.Parse returns, in BuildKit's own types, for every input
// (the differential test and FuzzSameAsBuildKit hold the two equal).
//
// BuildKit's parser runs regular expressions at every line (the
// line-continuation pattern, the directive pattern, the whitespace split
// of every instruction) and compiles the line-continuation pattern at every
// Parse; on a typical conversion, which parses the input and then the
// output for the self-check, that was most of the engine's CPU. This is a
// copy of the parser's logic with each regular expression replaced by a
// byte scan that matches exactly what the expression matched.
//
// Copied from github.com/moby/buildkit v0.34.2 (the version go.mod
// requires), frontend/dockerfile/parser: parser.go (blob d07df341, last
// changed in commit 5a96f64d01668088265c1244f33d76d843ac73f8),
// directives.go (blob 66381700, commit ab63b5ea57810ab3b994d50e928e8a7ccac824d9),
// line_parsers.go (blob eb86e73b, commit f6ecba64174453a158a5dbbbf8c9d2aa58822782),
// split_command.go (blob 87b73f24, commit 877d8a771ea57cbdbdb9541ec365f0628e7a5017)
// and errors.go (toRanges; blob b3bcf2ae, commit
// e269a8a3854b157d3e6b11ffcf701550ac922622). Apache License 2.0, as
// BuildKit. When go.mod moves to another BuildKit, diff those files against
// the new version and carry the changes over; the differential test fails
// on any behaviour that drifted.
package dfparse

import (
	"bufio"
	"bytes"
	"encoding/json"
	stderrors "errors"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/moby/buildkit/frontend/dockerfile/command"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
	"github.com/pkg/errors"
)

type (
	Node    = parser.Node
	Heredoc = parser.Heredoc
	Result  = parser.Result
	Warning = parser.Warning
	Range   = parser.Range
)

const defaultEscapeToken = '\\'

var (
	heredocDirectives = map[string]bool{
		command.Add:  true,
		command.Copy: true,
		command.Run:  true,
	}
	heredocCompoundDirectives = map[string]bool{
		command.Onbuild: true,
	}
)

type lineParser func(string, *directives) (*Node, map[string]bool, error)

// dispatch is filled by init, as upstream does, because parseSubCommand
// refers back to newNodeFromLine, which reads dispatch.
var dispatch map[string]lineParser

func init() {
	dispatch = map[string]lineParser{
		command.Add:         parseMaybeJSONToList,
		command.Arg:         parseNameOrNameVal,
		command.Cmd:         parseMaybeJSON,
		command.Copy:        parseMaybeJSONToList,
		command.Entrypoint:  parseMaybeJSON,
		command.Env:         parseEnv,
		command.Expose:      parseStringsWhitespaceDelimited,
		command.From:        parseStringsWhitespaceDelimited,
		command.Healthcheck: parseHealthConfig,
		command.Label:       parseLabel,
		command.Maintainer:  parseString,
		command.Onbuild:     parseSubCommand,
		command.Run:         parseMaybeJSON,
		command.Shell:       parseMaybeJSON,
		command.StopSignal:  parseString,
		command.User:        parseString,
		command.Volume:      parseMaybeJSONToList,
		command.Workdir:     parseString,
	}
}

// lowerKeyword is strings.ToLower(s) without a copy of a keyword written
// in capitals, as nearly all are: a file's every instruction was
// lowercased three times, each time into a new string (1.3% of the
// instructions over a tree of Dockerfiles). A switch rather than a map
// made by the initialiser, which every process ran (9K instructions of
// strings.ToUpper and the map's inserts at each start); TestLowerKeyword
// holds it to every keyword of dispatch.
func lowerKeyword(s string) string {
	switch s {
	case "ADD":
		return command.Add
	case "ARG":
		return command.Arg
	case "CMD":
		return command.Cmd
	case "COPY":
		return command.Copy
	case "ENTRYPOINT":
		return command.Entrypoint
	case "ENV":
		return command.Env
	case "EXPOSE":
		return command.Expose
	case "FROM":
		return command.From
	case "HEALTHCHECK":
		return command.Healthcheck
	case "LABEL":
		return command.Label
	case "MAINTAINER":
		return command.Maintainer
	case "ONBUILD":
		return command.Onbuild
	case "RUN":
		return command.Run
	case "SHELL":
		return command.Shell
	case "STOPSIGNAL":
		return command.StopSignal
	case "USER":
		return command.User
	case "VOLUME":
		return command.Volume
	case "WORKDIR":
		return command.Workdir
	}
	return strings.ToLower(s)
}

func canContainHeredoc(node *Node) bool {
	if ok := heredocCompoundDirectives[lowerKeyword(node.Value)]; ok {
		if node.Next != nil && len(node.Next.Children) > 0 {
			node = node.Next.Children[0]
		}
	}
	if ok := heredocDirectives[lowerKeyword(node.Value)]; !ok {
		return false
	}
	if isJSON := node.Attributes["json"]; isJSON {
		return false
	}
	return true
}

// directives holds the parser directives' state. Upstream keeps the
// escape token's line-continuation regexp here; trimContinuationCharacter
// needs only the token.
type directives struct {
	parser      directiveParser
	escapeToken rune
}

func (d *directives) setEscapeToken(s string) error {
	if s != "`" && s != `\` {
		return errors.Errorf("invalid escape token '%s' does not match ` or \\", s)
	}
	d.escapeToken = rune(s[0])
	return nil
}

func (d *directives) possibleParserDirective(line []byte) (bool, error) {
	directive, err := d.parser.parseLine(line)
	if err != nil {
		return false, err
	}
	if directive != nil && directive.name == keyEscape {
		err := d.setEscapeToken(directive.value)
		return err == nil, err
	}
	return directive != nil, nil
}

func newNodeFromLine(line string, d *directives, comments []string) (*Node, error) {
	cmd, flags, args, err := splitCommand(line, d)
	if err != nil {
		return nil, err
	}
	fn := dispatch[lowerKeyword(cmd)]
	if fn == nil {
		fn = parseIgnore
	}
	next, attrs, err := fn(args, d)
	if err != nil {
		return nil, err
	}
	return &Node{
		Value:       cmd,
		Original:    line,
		Flags:       flags,
		Next:        next,
		Attributes:  attrs,
		PrevComment: comments,
	}, nil
}

// Parse is parser.Parse.
func Parse(rwc io.Reader) (*Result, error) {
	d := &directives{escapeToken: defaultEscapeToken}
	currentLine := 0
	root := &Node{StartLine: -1}
	scanner := bufio.NewScanner(rwc)
	scanner.Split(scanLines)
	warnings := []Warning{}
	var comments []string
	buf := &bytes.Buffer{}

	var err error
	for scanner.Scan() {
		bytesRead := scanner.Bytes()
		if currentLine == 0 {
			bytesRead = discardBOM(bytesRead)
		}
		if isComment(bytesRead) {
			comment := strings.TrimSpace(string(bytesRead[1:]))
			if comment == "" {
				comments = nil
			} else {
				comments = append(comments, comment)
			}
		}
		var directiveOk bool
		bytesRead, directiveOk, err = processLine(d, bytesRead, true)
		if directiveOk {
			comments = comments[:len(comments)-1]
		}
		if err != nil {
			return nil, withLocation(err, currentLine, 0)
		}
		currentLine++

		startLine := currentLine
		bytesRead, isEndOfLine := trimContinuationCharacter(bytesRead, d)
		if isEndOfLine && len(bytesRead) == 0 {
			continue
		}
		buf.Reset()
		buf.Write(bytesRead)

		var hasEmptyContinuationLine bool
		for !isEndOfLine && scanner.Scan() {
			bytesRead, _, err := processLine(d, scanner.Bytes(), false)
			if err != nil {
				return nil, withLocation(err, currentLine, 0)
			}
			currentLine++

			if isComment(scanner.Bytes()) {
				continue
			}
			if isEmptyContinuationLine(bytesRead) {
				hasEmptyContinuationLine = true
				continue
			}

			bytesRead, isEndOfLine = trimContinuationCharacter(bytesRead, d)
			buf.Write(bytesRead)
		}

		line := buf.String()

		if hasEmptyContinuationLine {
			warnings = append(warnings, Warning{
				Short:    "Empty continuation line found in: " + line,
				Detail:   [][]byte{[]byte("Empty continuation lines will become errors in a future release")},
				URL:      "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/",
				Location: &Range{Start: parser.Position{Line: currentLine}, End: parser.Position{Line: currentLine}},
			})
		}

		child, err := newNodeFromLine(line, d, comments)
		if err != nil {
			return nil, withLocation(err, startLine, currentLine)
		}

		if canContainHeredoc(child) && strings.Contains(line, "<<") {
			heredocs, err := heredocsFromLine(line)
			if err != nil {
				return nil, withLocation(err, startLine, currentLine)
			}

			for _, heredoc := range heredocs {
				terminator := []byte(heredoc.Name)
				terminated := false
				var content strings.Builder
				content.WriteString(heredoc.Content)
				for scanner.Scan() {
					bytesRead := scanner.Bytes()
					currentLine++

					possibleTerminator := trimNewline(bytesRead)
					if heredoc.Chomp {
						possibleTerminator = trimLeadingTabs(possibleTerminator)
					}
					if bytes.Equal(possibleTerminator, terminator) {
						terminated = true
						break
					}
					content.Write(bytesRead)
				}
				if !terminated {
					return nil, withLocation(errors.New("unterminated heredoc"), startLine, currentLine)
				}

				heredoc.Content = content.String()
				child.Heredocs = append(child.Heredocs, heredoc)
			}
		}

		root.AddChild(child, startLine, currentLine)
		comments = nil
	}

	if root.StartLine < 0 {
		return nil, withLocation(errors.New("file with no instructions"), currentLine, 0)
	}

	return &Result{
		AST:         root,
		Warnings:    warnings,
		EscapeToken: d.escapeToken,
	}, withLocation(handleScannerError(scanner.Err()), currentLine, 0)
}

// matchHeredoc is upstream's reHeredoc, ^(\d*)<<(-?)\s*([^<]*)$, returning
// its three groups. The pattern has one way to match: the digits are
// followed by "<<", an optional "-" is taken, \s* takes every space after
// it, and what is left may hold no '<'.
func matchHeredoc(src string) (fd, chomp, rest string, ok bool) {
	i := 0
	for i < len(src) && '0' <= src[i] && src[i] <= '9' {
		i++
	}
	fd = src[:i]
	if !strings.HasPrefix(src[i:], "<<") {
		return "", "", "", false
	}
	i += 2
	if i < len(src) && src[i] == '-' {
		chomp = "-"
		i++
	}
	for i < len(src) && isPerlSpace(src[i]) {
		i++
	}
	rest = src[i:]
	if strings.IndexByte(rest, '<') >= 0 {
		return "", "", "", false
	}
	return fd, chomp, rest, true
}

// isPerlSpace is RE2's \s: [\t\n\f\r ] (no \v).
func isPerlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isSplitSpace is upstream's reWhitespace class, [\t\v\f\r ].
func isSplitSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'
}

// splitSpace is reWhitespace.Split(s, n) for n != 0: the runs of
// [\t\v\f\r ] separate the parts, a run at either end gives an empty first
// or last part, and an empty s gives one empty part. Every class byte is
// ASCII, so a byte scan sees the runs the regexp's rune scan sees, invalid
// UTF-8 or not.
func splitSpace(s string, n int) []string {
	if len(s) == 0 {
		return []string{""}
	}
	var out []string
	beg := 0
	for i := 0; i < len(s); {
		if !isSplitSpace(s[i]) {
			i++
			continue
		}
		if n > 0 && len(out) == n-1 {
			break
		}
		j := i + 1
		for j < len(s) && isSplitSpace(s[j]) {
			j++
		}
		out = append(out, s[beg:i])
		beg, i = j, j
	}
	return append(out, s[beg:])
}

func heredocFromMatch(fdText, chompText, rest string) (*Heredoc, error) {
	fd, _ := strconv.ParseUint(fdText, 10, 0)
	chomp := chompText == "-"
	if len(rest) == 0 {
		return nil, nil
	}

	shlex := shell.NewLex('\\')
	shlex.SkipUnsetEnv = true

	// Parsing the word both with and without quotes tells whether some of
	// it is quoted, in which case the content is not expanded.
	shlex.RawQuotes = false
	words, err := shlex.ProcessWords(rest, emptyEnvs{})
	if err != nil {
		return nil, err
	}
	if len(words) != 1 {
		return nil, nil
	}

	shlex.RawQuotes = true
	wordsRaw, err := shlex.ProcessWords(rest, emptyEnvs{})
	if err != nil {
		return nil, err
	}
	if len(wordsRaw) != len(words) {
		return nil, errors.Errorf("internal lexing of heredoc produced inconsistent results: %s", rest)
	}

	word := words[0]
	wordQuoteCount := strings.Count(word, `'`) + strings.Count(word, `"`)
	wordRaw := wordsRaw[0]
	wordRawQuoteCount := strings.Count(wordRaw, `'`) + strings.Count(wordRaw, `"`)

	expand := wordQuoteCount == wordRawQuoteCount

	return &Heredoc{
		Name:           word,
		Expand:         expand,
		Chomp:          chomp,
		FileDescriptor: uint(fd),
	}, nil
}

func parseHeredoc(src string) (*Heredoc, error) {
	fd, chomp, rest, ok := matchHeredoc(src)
	if !ok {
		return nil, nil
	}
	return heredocFromMatch(fd, chomp, rest)
}

func heredocsFromLine(line string) ([]Heredoc, error) {
	shlex := shell.NewLex('\\')
	shlex.RawQuotes = true
	shlex.RawEscapes = true
	shlex.SkipUnsetEnv = true
	words, _ := shlex.ProcessWords(line, emptyEnvs{})

	var docs []Heredoc
	for _, word := range words {
		heredoc, err := parseHeredoc(word)
		if err != nil {
			return nil, err
		}
		if heredoc != nil {
			docs = append(docs, *heredoc)
		}
	}
	return docs, nil
}

func trimComments(src []byte) []byte {
	if !isComment(src) {
		return src
	}
	return nil
}

func trimLeadingWhitespace(src []byte) []byte {
	return bytes.TrimLeftFunc(src, unicode.IsSpace)
}

func trimLeadingTabs(src []byte) []byte {
	return bytes.TrimLeft(src, "\t")
}

func trimNewline(src []byte) []byte {
	return bytes.TrimRight(src, "\r\n")
}

func isComment(line []byte) bool {
	line = trimLeadingWhitespace(line)
	return len(line) > 0 && line[0] == '#'
}

func isEmptyContinuationLine(line []byte) bool {
	return len(trimLeadingWhitespace(trimNewline(line))) == 0
}

// trimContinuationCharacter is upstream's match of
// ([^E])E[ \t]*$|^E[ \t]*$ (E the escape token) and its replacement by $1:
// the line ends in the token and spaces or tabs, and the token is first on
// the line or follows anything but another token. The replacement keeps
// what comes before the token, in both branches. The token is ASCII, so the
// byte before it is never inside a multi-byte rune the regexp would read.
func trimContinuationCharacter(line []byte, d *directives) ([]byte, bool) {
	esc := byte(d.escapeToken)
	i := len(line)
	for i > 0 && (line[i-1] == ' ' || line[i-1] == '\t') {
		i--
	}
	if i == 0 || line[i-1] != esc {
		return line, true
	}
	k := i - 1
	if k > 0 && line[k-1] == esc {
		return line, true
	}
	return line[:k], false
}

func processLine(d *directives, token []byte, stripLeftWhitespace bool) ([]byte, bool, error) {
	token = trimNewline(token)
	if stripLeftWhitespace {
		token = trimLeadingWhitespace(token)
	}
	directiveOk, err := d.possibleParserDirective(token)
	return trimComments(token), directiveOk, err
}

// scanLines is bufio.ScanLines keeping the line endings.
func scanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[0 : i+1], nil
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}

func handleScannerError(err error) error {
	switch {
	case errors.Is(err, bufio.ErrTooLong):
		return errors.Errorf("dockerfile line greater than max allowed size of %d", bufio.MaxScanTokenSize-1)
	default:
		return err
	}
}

func withLocation(err error, start, end int) error {
	return parser.WithLocation(err, toRanges(start, end))
}

func toRanges(start, end int) (r []Range) {
	if end <= start {
		end = start
	}
	for i := start; i <= end; i++ {
		r = append(r, Range{Start: parser.Position{Line: i}, End: parser.Position{Line: i}})
	}
	return
}

func discardBOM(dt []byte) []byte {
	return bytes.TrimPrefix(dt, []byte{0xEF, 0xBB, 0xBF})
}

type emptyEnvs struct{}

func (emptyEnvs) Get(string) (string, bool) { return "", false }

func (emptyEnvs) Keys() []string { return nil }

// splitCommand takes a single line of text and parses out the cmd and args.
func splitCommand(line string, d *directives) (string, []string, string, error) {
	var args string
	var flags []string

	cmdline := splitSpace(strings.TrimSpace(line), 2)

	if len(cmdline) == 2 {
		var err error
		args, flags, err = extractBuilderFlags(cmdline[1], d)
		if err != nil {
			return "", nil, "", err
		}
	}

	return cmdline[0], flags, strings.TrimSpace(args), nil
}

func extractBuilderFlags(line string, d *directives) (string, []string, error) {
	const (
		inSpaces = iota
		inWord
		inQuote
	)

	words := []string{}
	phase := inSpaces
	sbuilder := &strings.Builder{}
	quote := '\000'
	blankOK := false
	var ch rune

	for pos := 0; pos <= len(line); pos++ {
		if pos != len(line) {
			ch = rune(line[pos])
		}

		if phase == inSpaces {
			if pos == len(line) {
				break
			}
			if unicode.IsSpace(ch) {
				continue
			}
			if ch != '-' || pos+1 == len(line) || rune(line[pos+1]) != '-' {
				return line[pos:], words, nil
			}
			phase = inWord
		}
		if (phase == inWord || phase == inQuote) && (pos == len(line)) {
			if word := sbuilder.String(); word != "--" && (blankOK || len(word) > 0) {
				words = append(words, word)
			}
			break
		}
		if phase == inWord {
			if unicode.IsSpace(ch) {
				word := sbuilder.String()
				phase = inSpaces
				if word == "--" {
					return line[pos:], words, nil
				}
				if blankOK || len(word) > 0 {
					words = append(words, word)
				}
				sbuilder.Reset()
				blankOK = false
				continue
			}
			if ch == '\'' || ch == '"' {
				quote = ch
				blankOK = true
				phase = inQuote
				continue
			}
			if ch == d.escapeToken {
				if pos+1 == len(line) {
					continue
				}
				pos++
				ch = rune(line[pos])
			}
			if _, err := sbuilder.WriteRune(ch); err != nil {
				return "", nil, err
			}
			continue
		}
		if phase == inQuote {
			if ch == quote {
				phase = inWord
				continue
			}
			if ch == d.escapeToken {
				if pos+1 == len(line) {
					phase = inWord
					continue
				}
				pos++
				ch = rune(line[pos])
			}
			if _, err := sbuilder.WriteRune(ch); err != nil {
				return "", nil, err
			}
		}
	}

	return "", words, nil
}

var (
	// The standard library's errors.New, not pkg/errors' as upstream:
	// that one records the stack of the initialiser that makes it, in
	// every process (16K instructions at each start), and these errors
	// say nothing more with it.
	errDockerfileNotStringArray = stderrors.New("when using JSON array syntax, arrays must be comprised of strings only")
	errDockerfileNotJSONArray   = stderrors.New("not a JSON array")
)

const commandLabel = "LABEL"

func parseIgnore(rest string, d *directives) (*Node, map[string]bool, error) {
	return &Node{}, nil, nil
}

// parseSubCommand: ONBUILD RUN foo bar -> (onbuild (run foo bar))
func parseSubCommand(rest string, d *directives) (*Node, map[string]bool, error) {
	if rest == "" {
		return nil, nil, nil
	}
	child, err := newNodeFromLine(rest, d, nil)
	if err != nil {
		return nil, nil, err
	}
	return &Node{Children: []*Node{child}}, nil, nil
}

// parseWords splits space-delimited or quoted words, keeping the quotes.
func parseWords(rest string, d *directives) []string {
	const (
		inSpaces = iota
		inWord
		inQuote
	)

	words := []string{}
	phase := inSpaces
	quote := '\000'
	blankOK := false
	var ch rune
	var chWidth int
	var sbuilder strings.Builder

	for pos := 0; pos <= len(rest); pos += chWidth {
		if pos != len(rest) {
			ch, chWidth = utf8.DecodeRuneInString(rest[pos:])
		}

		if phase == inSpaces {
			if pos == len(rest) {
				break
			}
			if unicode.IsSpace(ch) {
				continue
			}
			phase = inWord
		}
		if (phase == inWord || phase == inQuote) && (pos == len(rest)) {
			if blankOK || sbuilder.Len() > 0 {
				words = append(words, sbuilder.String())
			}
			break
		}
		if phase == inWord {
			if unicode.IsSpace(ch) {
				phase = inSpaces
				if blankOK || sbuilder.Len() > 0 {
					words = append(words, sbuilder.String())
				}
				sbuilder.Reset()
				blankOK = false
				continue
			}
			if ch == '\'' || ch == '"' {
				quote = ch
				blankOK = true
				phase = inQuote
			}
			if ch == d.escapeToken {
				if pos+chWidth == len(rest) {
					continue
				}
				sbuilder.WriteRune(ch)
				pos += chWidth
				ch, chWidth = utf8.DecodeRuneInString(rest[pos:])
			}
			sbuilder.WriteRune(ch)
			continue
		}
		if phase == inQuote {
			if ch == quote {
				phase = inWord
			}
			if ch == d.escapeToken && quote != '\'' {
				if pos+chWidth == len(rest) {
					phase = inWord
					continue
				}
				pos += chWidth
				sbuilder.WriteRune(ch)
				ch, chWidth = utf8.DecodeRuneInString(rest[pos:])
			}
			sbuilder.WriteRune(ch)
		}
	}

	return words
}

// parseNameVal parses ENV and LABEL: the old form KEY name value or the
// new one KEY name=value ..., told apart by whether the first word has "=".
func parseNameVal(rest string, key string, d *directives) (*Node, error) {
	words := parseWords(rest, d)
	if len(words) == 0 {
		return nil, nil
	}

	if !strings.Contains(words[0], "=") {
		parts := splitSpace(rest, 2)
		if len(parts) < 2 {
			return nil, errors.Errorf("%s must have two arguments", key)
		}
		return newKeyValueNode(parts[0], parts[1], ""), nil
	}

	var rootNode *Node
	var prevNode *Node
	for _, word := range words {
		if !strings.Contains(word, "=") {
			return nil, errors.Errorf("Syntax error - can't find = in %q. Must be of the form: name=value", word)
		}

		parts := strings.SplitN(word, "=", 2)
		node := newKeyValueNode(parts[0], parts[1], "=")
		rootNode, prevNode = appendKeyValueNode(node, rootNode, prevNode)
	}

	return rootNode, nil
}

func newKeyValueNode(key, value, sep string) *Node {
	return &Node{
		Value: key,
		Next: &Node{
			Value: value,
			Next:  &Node{Value: sep},
		},
	}
}

func appendKeyValueNode(node, rootNode, prevNode *Node) (*Node, *Node) {
	if rootNode == nil {
		rootNode = node
	}
	if prevNode != nil {
		prevNode.Next = node
	}
	for prevNode = node.Next; prevNode.Next != nil; {
		prevNode = prevNode.Next
	}
	return rootNode, prevNode
}

func parseEnv(rest string, d *directives) (*Node, map[string]bool, error) {
	node, err := parseNameVal(rest, "ENV", d)
	return node, nil, err
}

func parseLabel(rest string, d *directives) (*Node, map[string]bool, error) {
	node, err := parseNameVal(rest, commandLabel, d)
	return node, nil, err
}

// parseNameOrNameVal parses ARG: words of the form name or name=value.
func parseNameOrNameVal(rest string, d *directives) (*Node, map[string]bool, error) {
	words := parseWords(rest, d)
	if len(words) == 0 {
		return nil, nil, nil
	}

	var (
		rootnode *Node
		prevNode *Node
	)
	for i, word := range words {
		node := &Node{}
		node.Value = word
		if i == 0 {
			rootnode = node
		} else {
			prevNode.Next = node
		}
		prevNode = node
	}

	return rootnode, nil, nil
}

// parseStringsWhitespaceDelimited gives a linked list of the arguments.
func parseStringsWhitespaceDelimited(rest string, d *directives) (*Node, map[string]bool, error) {
	if rest == "" {
		return nil, nil, nil
	}

	node := &Node{}
	rootnode := node
	prevnode := node
	for _, str := range splitSpace(rest, -1) {
		prevnode = node
		node.Value = str
		node.Next = &Node{}
		node = node.Next
	}
	// The loop always leaves one empty node at the end.
	prevnode.Next = nil

	return rootnode, nil, nil
}

func parseString(rest string, d *directives) (*Node, map[string]bool, error) {
	if rest == "" {
		return nil, nil, nil
	}
	n := &Node{}
	n.Value = rest
	return n, nil, nil
}

func parseJSON(rest string) (*Node, map[string]bool, error) {
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	if !strings.HasPrefix(rest, "[") {
		return nil, nil, errDockerfileNotJSONArray
	}

	var myJSON []any
	if err := json.Unmarshal([]byte(rest), &myJSON); err != nil {
		return nil, nil, err
	}

	var top, prev *Node
	for _, str := range myJSON {
		s, ok := str.(string)
		if !ok {
			return nil, nil, errDockerfileNotStringArray
		}

		node := &Node{Value: s}
		if prev == nil {
			top = node
		} else {
			prev.Next = node
		}
		prev = node
	}

	return top, map[string]bool{"json": true}, nil
}

func parseMaybeJSON(rest string, d *directives) (*Node, map[string]bool, error) {
	if rest == "" {
		return nil, nil, nil
	}

	node, attrs, err := parseJSON(rest)

	if err == nil {
		return node, attrs, nil
	}
	if errors.Is(err, errDockerfileNotStringArray) {
		return nil, nil, err
	}

	node = &Node{}
	node.Value = rest
	return node, nil, nil
}

func parseMaybeJSONToList(rest string, d *directives) (*Node, map[string]bool, error) {
	node, attrs, err := parseJSON(rest)

	if err == nil {
		return node, attrs, nil
	}
	if errors.Is(err, errDockerfileNotStringArray) {
		return nil, nil, err
	}

	return parseStringsWhitespaceDelimited(rest, d)
}

// parseHealthConfig is parseMaybeJSON with a type argument first.
func parseHealthConfig(rest string, d *directives) (*Node, map[string]bool, error) {
	var sep int
	for ; sep < len(rest); sep++ {
		if unicode.IsSpace(rune(rest[sep])) {
			break
		}
	}
	next := sep
	for ; next < len(rest); next++ {
		if !unicode.IsSpace(rune(rest[next])) {
			break
		}
	}

	if sep == 0 {
		return nil, nil, nil
	}

	typ := rest[:sep]
	cmd, attrs, err := parseMaybeJSON(rest[next:], d)
	if err != nil {
		return nil, nil, err
	}

	return &Node{Value: typ, Next: cmd}, attrs, err
}
