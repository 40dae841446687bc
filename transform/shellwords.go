package transform

import "strings"

// word is one shell word with its quotes removed. Dynamic is set when the
// shell would change it at run time (a variable, a command substitution or
// an unquoted glob), so its text is not what runs.
type word struct {
	text    string
	dynamic bool
}

// simpleCmd is one simple command of a shell line: the words between
// operators such as &&, ||, ;, | and newlines.
type simpleCmd struct {
	words []word
}

// shellLine is a shell command line cut into simple commands. Plain is
// true when a plain word split gives the same argv as sh -c would: no
// operators, expansions, globs, redirections or assignments.
type shellLine struct {
	cmds  []simpleCmd
	plain bool
}

// splitShell reads a POSIX shell line well enough to find the simple
// commands and their words. It never fails: what it cannot follow clears
// plain and marks words dynamic.
func splitShell(s string) shellLine {
	out := shellLine{plain: true}
	var cur simpleCmd
	var w strings.Builder
	inWord, dyn := false, false
	endWord := func() {
		if inWord {
			cur.words = append(cur.words, word{text: w.String(), dynamic: dyn})
		}
		w.Reset()
		inWord, dyn = false, false
	}
	endCmd := func() {
		endWord()
		if len(cur.words) > 0 {
			out.cmds = append(out.cmds, cur)
		}
		cur = simpleCmd{}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			if i+1 < len(s) {
				if s[i+1] == '\n' {
					i++
					continue
				}
				w.WriteByte(s[i+1])
				i++
			}
			inWord = true
			out.plain = false
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				j = len(s) - i - 1
				out.plain = false
			}
			w.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				switch s[i] {
				case '\\':
					if i+1 < len(s) && strings.IndexByte("$`\"\\\n", s[i+1]) >= 0 {
						i++
					}
					out.plain = false
				case '$', '`':
					dyn = true
					out.plain = false
				}
				if i < len(s) {
					w.WriteByte(s[i])
				}
			}
			inWord = true
		case c == ' ' || c == '\t' || c == '\r':
			endWord()
		case c == '\n' || c == ';' || c == '&' || c == '|':
			if c != '\n' {
				out.plain = false
			}
			endCmd()
			if i+1 < len(s) && (s[i+1] == c) && c != '\n' {
				i++
			}
		case c == '(' || c == ')' || c == '<' || c == '>' || c == '{' || c == '}':
			out.plain = false
			if c == '(' || c == ')' {
				endCmd()
			} else {
				w.WriteByte(c)
				inWord = true
				dyn = true
			}
		case c == '#' && !inWord:
			// A comment runs to the end of the line.
			out.plain = false
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				i = len(s)
			} else {
				i += j - 1
			}
		case c == '$' || c == '`':
			out.plain = false
			dyn = true
			w.WriteByte(c)
			inWord = true
		case c == '*' || c == '?' || c == '[' || c == ']':
			out.plain = false
			dyn = true
			w.WriteByte(c)
			inWord = true
		case c == '~' && !inWord:
			out.plain = false
			dyn = true
			w.WriteByte(c)
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	endCmd()
	for _, c := range out.cmds {
		if len(c.words) > 0 && isAssignment(c.words[0].text) {
			out.plain = false
		}
	}
	return out
}

// isAssignment reports whether w has the shape NAME=value.
func isAssignment(w string) bool {
	eq := strings.IndexByte(w, '=')
	if eq <= 0 {
		return false
	}
	for i, r := range w[:eq] {
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// argv returns the words of c after leading NAME=value assignments and
// the names of wrappers that only run their arguments (exec, env, time,
// sudo, nice, nohup), and the assignments found on the way.
func (c simpleCmd) argv() (args []word, env map[string]string) {
	env = map[string]string{}
	ws := c.words
	for len(ws) > 0 {
		t := ws[0].text
		switch {
		case isAssignment(t):
			eq := strings.IndexByte(t, '=')
			env[t[:eq]] = t[eq+1:]
		case t == "exec" || t == "env" || t == "time" || t == "sudo" || t == "nice" || t == "nohup" || t == "command":
		default:
			return ws, env
		}
		ws = ws[1:]
	}
	return nil, env
}

func wordTexts(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
	return out
}

// hasPrefixWords reports whether args start with the words of prefix.
func hasPrefixWords(args []word, prefix string) bool {
	p := strings.Fields(prefix)
	if len(args) < len(p) {
		return false
	}
	for i, x := range p {
		if args[i].text != x {
			return false
		}
	}
	return true
}
