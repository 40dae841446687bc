package transform

import (
	"regexp"
	"strings"
	"sync"

	"github.com/restage/restage/shell"
)

// word is one shell word with its quotes removed. Dynamic is set when the
// shell would change it at run time (a variable, a command substitution or
// an unquoted glob), so its text is not what runs.
type word struct {
	text    string
	dynamic bool
}

// simpleCmd is one simple command of a shell line.
type simpleCmd struct{ c shell.Cmd }

// shellLine is a shell command line cut into simple commands. Plain is
// true when a plain word split gives the same argv as sh -c would.
type shellLine struct {
	cmds   []simpleCmd
	plain  bool
	script *shell.Script // what the reader made of it, for render to reuse
}

// splitShell reads a shell line with package shell. Text the shell cannot
// read gives no commands and is not plain; the strings of sh -c are left
// to the callers that look into them.
func splitShell(s string) shellLine {
	l, _ := readShell(s)
	return l
}

// readShell is splitShell for callers that must not guess: it says why
// the shell cannot read s.
func readShell(s string) (shellLine, error) {
	sc, err := shell.Parse(s)
	if err != nil {
		return shellLine{}, err
	}
	out := shellLine{plain: sc.Plain, script: sc}
	for _, c := range sc.Cmds {
		if !c.Inline && len(c.Words)+len(c.Assigns) > 0 {
			out.cmds = append(out.cmds, simpleCmd{c})
		}
	}
	return out, nil
}

// parsePos is the position the shell parser puts before its message; it
// counts in the instruction's joined text, not in the file, so it would
// only mislead.
var parsePos = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+:\d+: )+`) })

// shellMessage is the shell parser's message without its position.
func shellMessage(err error) string {
	return parsePos().ReplaceAllString(err.Error(), "")
}

// execCmd is the command of an exec-form instruction.
func execCmd(args []string) simpleCmd { return simpleCmd{shell.Literal(args)} }

// argv returns the words of c from its program on, after assignments and
// wrappers (exec, env, time, sudo, nice, nohup, command), and the
// assignments found on the way.
func (c simpleCmd) argv() (args []word, env map[string]string) {
	for _, w := range c.c.Args() {
		args = append(args, word{text: w.Text, dynamic: w.Dynamic})
	}
	return args, c.c.Env()
}

func wordTexts(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
	return out
}

// hasPrefixWords reports whether args start with the words of prefix.
// It is asked for every simple command against every command the
// presets know, so it reads prefix's words without making a slice.
func hasPrefixWords(args []word, prefix string) bool {
	i := 0
	for x := range strings.FieldsSeq(prefix) {
		if i >= len(args) || args[i].text != x {
			return false
		}
		i++
	}
	return true
}
