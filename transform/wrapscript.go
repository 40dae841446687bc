package transform

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/restage/restage/shell"
)

// scriptWrapper reads a start script of the build context that runs its
// own arguments (wait-for-it.sh db:5432 -- python app.py, an entrypoint
// ending in exec "$@") as a wrapper, the way init wrappers are read
// (review 21, finding G): the words it runs are the command, read by the
// usual rules, and the script stays in front of them in the runtime's
// command, which must have its shell and what it runs.
//
// The evidence is the script's text, not its name: every command it
// starts with a word only known at run time is "$@", an array filled
// from "$@" (CLI=("$@")) or a variable set only from "$@" (cmd="$@" ...
// exec $cmd), and at least one is. The command is what
// follows a `--` among the arguments when the script reads that word (a
// `--)` case arm); with no `--`, all the arguments, when the script
// shifts none of them away. Anything else is left to the script reading
// that declines a program only known at run time.
//
// An exec-form ENTRYPOINT naming the script alone (and its shell) gets
// an exec-form CMD's words as the script's arguments, as Docker joins
// them: that CMD is the command (review 23n, finding C), rewritten in
// the CMD while the ENTRYPOINT stays.
func (p *plan) scriptWrapper(first []word) ([]word, bool, error) {
	f, pr := p.f, p.prog
	if len(first) == 0 || first[0].dynamic || len(pr.wrap) > 0 {
		return first, false, nil
	}
	at := 0 // index of the script in first
	if shell.IsShell(first[0].text) {
		if len(first) < 2 || first[1].dynamic || strings.HasPrefix(first[1].text, "-") {
			return first, false, nil
		}
		at = 1
	} else if !strings.Contains(first[0].text, "/") {
		return first, false, nil // a bare name is looked up on PATH
	}
	script := first[at].text
	abs := p.abs(script)
	text, from, ok := f.contextFileAt(abs)
	if !ok {
		return first, false, nil
	}
	sh := ""
	if at == 1 {
		sh = path.Base(first[0].text)
	} else if fields := shebangFields(text); len(fields) > 0 && shell.IsShell(fields[0]) {
		sh = path.Base(fields[0])
	}
	if sh == "" {
		return first, false, nil
	}
	sc, err := shell.Parse(text)
	if err != nil {
		return first, false, nil
	}
	runsArgs, shifts, viaVar := false, false, false
	var execLine int
	for _, c := range sc.Cmds {
		args := c.Args()
		if len(args) == 0 {
			continue
		}
		if args[0].Text == "shift" {
			shifts = true
		}
		if !args[0].Dynamic || shell.Builtin(args[0].Text) {
			continue // `[` reads as an unquoted glob, but is the shell's test
		}
		if !argsWord(args[0].Text, text) {
			return first, false, nil
		}
		runsArgs = true
		viaVar = viaVar || argsVar(args[0].Text, text)
		execLine = 1 + strings.Count(text[:args[0].Pos], "\n")
	}
	if !runsArgs {
		return first, false, nil
	}
	exec := pr.exec
	cmdIn := (*inst)(nil)
	if len(first) == at+1 {
		cmdIn = p.cmdArgs()
		if cmdIn == nil {
			return first, false, nil
		}
		cl := cmdLine(cmdIn).CmdLine
		exec = slices.Concat(pr.exec, cl)
		first = slices.Clone(first)
		for _, a := range cl {
			first = append(first, word{text: a})
		}
	}
	rest := first[at+1:]
	end := slices.IndexFunc(rest, func(w word) bool { return w.text == "--" && !w.dynamic })
	switch {
	case end >= 0 && strings.Contains(text, "--)"):
		rest = rest[end+1:]
	case end < 0 && !shifts:
	default:
		return first, false, nil
	}
	if len(rest) == 0 || rest[0].dynamic || slices.ContainsFunc(first[:len(first)-len(rest)], func(w word) bool { return w.dynamic }) {
		return first, false, nil
	}
	if shell.CommandArg(wordTexts(rest)) > 0 {
		return first, false, nil // a shell string: read as before
	}
	if viaVar && slices.ContainsFunc(rest, func(w word) bool { return strings.ContainsAny(w.text, " \t\n*?[") }) {
		// $cmd splits and globs again what "$@" kept whole.
		return first, false, nil
	}
	n := len(first) - len(rest)
	if cmdIn != nil && n != at+1 {
		// A `--` the CMD gives the script would be the ENTRYPOINT's
		// word in the runtime: left to the script reading.
		return first, false, nil
	}
	if exec != nil {
		pr.wrap, pr.exec = exec[:n:n], exec[n:]
	} else {
		pr.wrap = wordTexts(first)[:n:n]
	}
	// What the script runs besides its arguments: its shell and
	// programs, which the runtime must have.
	// The checks that read a start script (development tools it runs,
	// root's home it names, programs only root can run) read this one
	// too; its arguments are the command, read above.
	pr.tools = appendNew(pr.tools, sh)
	pr.scriptFile = abs
	for _, c := range sc.Cmds {
		args := c.Args()
		if len(args) == 0 || args[0].Dynamic {
			continue
		}
		if !c.Inline {
			p.scriptCmds = append(p.scriptCmds, simpleCmd{c})
		}
		if err := p.interpOutsideEnv(args[0].Text, abs); err != nil {
			return nil, false, err
		}
		if !shell.Builtin(args[0].Text) {
			p.needScriptProgram(args[0].Text, sc.Funcs)
		}
	}
	if !p.inFolder(abs) {
		p.artifacts = append(p.artifacts, artifact{dir: path.Dir(abs), name: path.Base(abs), used: true, in: pr.holder})
	}
	what := fmt.Sprintf("`%s`", strings.Join(wordTexts(rest), " "))
	if cmdIn != nil {
		pr.cmdIn, pr.cmdAt = cmdIn, 0
		what += fmt.Sprintf(" (the CMD on line %d)", cmdIn.first)
	}
	p.notes.note(pr.holder.first, infoScriptWrapper, "%s runs %s behind the script %s (%s in the build context), which runs its arguments (line %d of the script) after what it does first: the command is read behind the script, and the runtime keeps the script in front of it, with %s to run it", pr.holder.kw, what, abs, from, execLine, sh)
	return rest, true, nil
}

// cmdArgs returns the CMD whose words Docker gives as arguments to an
// exec-form ENTRYPOINT: an exec-form CMD with words. A shell-form CMD
// would hand the script /bin/sh -c and its text, which is not read.
func (p *plan) cmdArgs() *inst {
	f, pr := p.f, p.prog
	if pr.holder.kw != "ENTRYPOINT" || pr.shellForm || pr.exec == nil || pr.needsShell || pr.cmdIn != nil || f.cmd == nil || f.cmd == pr.holder {
		return nil
	}
	cl := cmdLine(f.cmd)
	if cl == nil || cl.PrependShell || len(cl.CmdLine) == 0 {
		return nil
	}
	return f.cmd
}

// argsWord reports whether a script's program word is its arguments:
// "$@", "${NAME[@]}" of an array the script fills from "$@", or $NAME of
// a variable set only from them (argsVar).
func argsWord(w, text string) bool {
	if w == "$@" || w == "${@}" || argsVar(w, text) {
		return true
	}
	m := arrayAllRe().FindStringSubmatch(w)
	if m == nil {
		return false
	}
	return regexp.MustCompile(`(?m)(^|[;&|\s])` + regexp.QuoteMeta(m[1]) + `=\(\s*"\$@"\s*\)`).MatchString(text)
}

var arrayAllRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\$\{([A-Za-z_][A-Za-z0-9_]*)\[@\]\}$`) })

// argsVar reports whether a script's program word is $NAME or ${NAME} of
// a variable whose one assignment in the script is NAME="$@" (review 22,
// A: cmd="$@" ... exec $cmd): unquoted, it splits back into the
// arguments. Another assignment (NAME=x in a branch, read NAME, for NAME,
// local NAME) or an IFS the script sets makes it something else, which
// is left to the decline of a program only known at run time.
func argsVar(w, text string) bool {
	m := plainVarRe().FindStringSubmatch(w)
	if m == nil {
		return false
	}
	name := m[1]
	if m[2] != "" {
		name = m[2]
	}
	q := regexp.QuoteMeta(name)
	from := regexp.MustCompile(`(?m)(^|[;&|\s])` + q + `=("\$@"|"\$\{@\}"|\$@)(\s|;|$)`)
	any := regexp.MustCompile(`(?m)(^|[;&|\s])` + q + `=`)
	other := regexp.MustCompile(`(?m)\b(read|for|local|export|readonly|declare|typeset|unset)\b[^\n;]*\b` + q + `\b`)
	return len(from.FindAllString(text, -1)) == 1 && len(any.FindAllString(text, -1)) == 1 && !other.MatchString(text) && !strings.Contains(text, "IFS")
}

var plainVarRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:\$([A-Za-z_][A-Za-z0-9_]*)|\$\{([A-Za-z_][A-Za-z0-9_]*)\})$`)
})
