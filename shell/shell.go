// Package shell reads the shell text of a Dockerfile's RUN, CMD or
// ENTRYPOINT the way /bin/sh would, so that the engine can ask which
// simple commands run, with which words, and where each one starts in
// the text.
//
// It is a reader, never a runner: it expands nothing, looks at no
// environment and executes nothing. Positions are byte offsets into the
// text handed in; mapping them back to a file (line continuations,
// Dockerfile escape characters) is the caller's job. The package must not
// depend on the engine (transform) or the command line (cmd).
package shell

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/syntax"
)

// Word is one shell word.
type Word struct {
	// Text is the word with quotes and backslash escapes removed. Where
	// the word has expansions, their source text is kept as written
	// ("$OUT/bin" gives $OUT/bin).
	Text string
	// Dynamic is set when the shell would change the word at run time:
	// a parameter, command or arithmetic expansion, or an unquoted glob,
	// tilde or brace.
	Dynamic  bool
	Pos, End int
}

// Cmd is one simple command.
type Cmd struct {
	// Op joins the command to the one before it in the same list: "&&",
	// "||", "|", ";", "&", or "" for the first command of a list (a new
	// line also gives "").
	Op string
	// Assigns are the NAME=value prefixes the shell applies to the
	// command, as unquoted words.
	Assigns []Word
	// Words are the command's words, wrappers included, without
	// redirections.
	Words []Word
	// Prog is the index in Words of the program the command runs, after
	// wrappers such as exec, env, nice or sudo and their options; it is
	// len(Words) when there is none.
	Prog int
	// Wrappers are the indexes in Words of the wrapper names before
	// Prog.
	Wrappers []int
	// Pos is where the command starts (its first assignment, wrapper or
	// word); End is where its last word ends.
	Pos, End int
	// Nested is set for a command inside a subshell, a { } group, an
	// if, for, while, until or case body, or a function.
	Nested bool
	// Cond is set for a command in the condition of an if (not an elif),
	// while or until that is itself not nested: the shell runs it
	// whenever it reaches the construct, as a command outside one
	// (until nc -z db 5432; do sleep 1; done).
	Cond bool
	// Inline is set for a command read out of a `sh -c '...'` string.
	Inline bool
	// Out are the files the command's output redirections write
	// (> FILE, >> FILE, &> FILE), as words.
	Out []Word
}

// Args returns the words from the program on.
func (c Cmd) Args() []Word { return c.Words[c.Prog:] }

// CommandArg returns the index in Args of the command string the command's
// shell runs (see the function CommandArg), or -1.
func (c Cmd) CommandArg() int {
	args := c.Args()
	texts := make([]string, len(args))
	for i, a := range args {
		texts[i] = a.Text
	}
	return CommandArg(texts)
}

// Env returns the assignments before the program: the command's prefixes
// and those given to a wrapper (env NAME=value).
func (c Cmd) Env() map[string]string {
	env := map[string]string{}
	add := func(t string) {
		if k, v, ok := strings.Cut(t, "="); ok {
			env[k] = v
		}
	}
	for _, a := range c.Assigns {
		add(a.Text)
	}
	for _, w := range c.Words[:c.Prog] {
		if IsAssignment(w.Text) {
			add(w.Text)
		}
	}
	return env
}

// Script is a parsed shell text.
type Script struct {
	// Cmds are the simple commands in the order they appear, those in
	// compound commands and readable sh -c strings included.
	Cmds []Cmd
	// Plain is set when splitting the text at blanks after removing
	// quotes gives what sh -c would run: simple commands on separate
	// lines, with no operators, expansions, globs, escapes, comments,
	// redirections, assignments or compound commands.
	Plain bool
	// Opaque is set when a sh -c string could not be read (it is not a
	// single-quoted or plain literal, or does not parse): its commands
	// are not in Cmds.
	Opaque bool
	// Funcs are the names of the functions the script defines: a
	// command of that name runs no program.
	Funcs []string
	// Decls are the declarations (export, readonly, declare, local,
	// typeset) in the order they appear, each with its builtin's name in
	// Words[0] and its NAME=value (or bare NAME and option) words after.
	// They run no program, so they are not in Cmds; a reader of the
	// variables a script sets merges the two by Pos.
	Decls []Cmd

	simple bool // nothing but simple commands, without redirections or comments
}

// wrappers only run their arguments; the program comes after them.
var wrappers = map[string]bool{"exec": true, "env": true, "time": true, "nice": true, "nohup": true, "sudo": true, "command": true}

// optionArg lists a wrapper's options that take the next word as value.
var optionArg = map[string]string{"nice": "-n", "sudo": "-u -g -C -D -h -p -r -t -U", "env": "-u -C -S"}

// IsAssignment reports whether w has the shape NAME=value.
func IsAssignment(w string) bool {
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

// Builtin reports whether name is one of the shell's own commands that a
// health check or entrypoint script typically runs, so no program of that
// name is needed.
func Builtin(name string) bool {
	switch name {
	case "exit", "test", "[", "true", "false", "echo", "cd", "return", "set",
		"export", "unset", "shift", "trap", "wait", "read", "local", "source", ".", ":",
		"eval", "printf", "umask", "ulimit", "getopts", "type", "break", "continue", "pwd", "kill", "readonly":
		return true
	}
	return false
}

// Leading reports whether name is one of the shell's own commands that
// only print or set the shell's options or variables, so that a command
// list that starts with it (`echo starting; exec node server.js`, `set -e
// && ./main`) runs its program further on.
func Leading(name string) bool {
	switch name {
	case "echo", "printf", ":", "true", "set", "export":
		return true
	}
	return false
}

// Utility reports whether name is a POSIX utility that every image with a
// shell also has (Debian's essential coreutils, sed, grep and findutils;
// busybox on alpine), so that a script using it needs only the shell.
func Utility(name string) bool {
	switch name {
	case "cat", "cp", "mv", "rm", "ln", "ls", "mkdir", "rmdir", "touch", "chmod", "chown",
		"sed", "grep", "find", "xargs", "head", "tail", "cut", "tr", "sort", "uniq", "wc",
		"sleep", "date", "env", "id", "basename", "dirname", "tee", "expr", "printenv",
		"whoami", "uname", "seq", "realpath", "readlink", "stat", "df", "du", "sync", "hostname":
		return true
	}
	return false
}

// IsShell reports whether prog names a POSIX-like shell.
func IsShell(prog string) bool {
	switch path.Base(prog) {
	case "sh", "bash", "ash", "dash", "zsh":
		return true
	}
	return false
}

// CommandArg returns the index in args (a command's words, the shell
// first) of the command string a shell runs: the first operand after the
// options when one of them is -c, alone or in a group of one-letter
// options (sh -c, sh -lc, sh -euc, sh -e -c, sh -o pipefail -c, bash
// --login -c; POSIX sh: `sh -c [options] command_string`). It returns -1
// when args is not a shell given a command string (sh script.sh, sh -e
// script.sh, sh with no operand reads standard input).
func CommandArg(args []string) int {
	k, _ := commandArg(args)
	return k
}

// GivesCommand reports whether args (a command's words, the shell first)
// give the shell -c among its options, with or without the command string
// after them (ENTRYPOINT ["sh", "-c"] takes it from CMD).
func GivesCommand(args []string) bool {
	_, c := commandArg(args)
	return c
}

// ScriptArg returns the index in args (a command's words, the shell
// first) of the script file a shell is handed to run (sh mvnw package,
// bash -e ./gradlew build: the words after it are the script's
// arguments). It returns -1 when the shell is given a command string
// (-c), reads its commands from standard input (-s, or no operand), or
// args is no shell.
func ScriptArg(args []string) int {
	if len(args) < 2 || !IsShell(args[0]) {
		return -1
	}
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--" || a == "-":
			if a == "--" && i+1 < len(args) {
				return i + 1
			}
			return -1
		case strings.HasPrefix(a, "--"):
			if a == "--rcfile" || a == "--init-file" {
				i++
			}
		case len(a) > 1 && (a[0] == '-' || a[0] == '+'):
			for _, ch := range a[1:] {
				switch ch {
				case 'c', 's':
					return -1
				case 'o', 'O':
					i++
				}
			}
		default:
			return i
		}
	}
	return -1
}

func commandArg(args []string) (int, bool) {
	if len(args) < 2 || !IsShell(args[0]) {
		return -1, false
	}
	c := false
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--" || a == "-":
			// The end of the options; the next word is the first operand.
			if c && i+1 < len(args) {
				return i + 1, c
			}
			return -1, c
		case strings.HasPrefix(a, "--"):
			// bash's long options; these two take a value.
			if a == "--rcfile" || a == "--init-file" {
				i++
			}
		case len(a) > 1 && (a[0] == '-' || a[0] == '+'):
			for _, ch := range a[1:] {
				switch ch {
				case 'c':
					c = c || a[0] == '-'
				case 'o', 'O':
					i++ // set -o NAME, bash's shopt -O NAME
				}
			}
		default:
			if c {
				return i, c
			}
			return -1, c
		}
	}
	return -1, c
}

// parsers are reused: a new syntax.Parser allocates several kilobytes of
// buffers, and a conversion parses every RUN line more than once. Parse
// resets a parser's state, so one may serve any number of scripts.
var parsers = sync.Pool{New: func() any {
	return syntax.NewParser(syntax.Variant(syntax.LangBash), syntax.KeepComments(true))
}}

// parsed keeps the scripts of the texts read last, by text: a conversion
// reads most RUN, CMD and ENTRYPOINT texts several times (the analysis,
// the runtime's commands, the checks; 1,725 reads of 966 texts over 600
// files of a tree), and the files of a tree repeat each other's commands.
// Scripts are shared, so no caller may change one. The texts kept are
// bounded in bytes (parsedMax); at the bound the cache starts again.
var parsed struct {
	sync.Mutex
	m     map[string]parseResult
	bytes int
}

type parseResult struct {
	s   *Script
	err error
}

// parsedMax bounds the bytes of text parsed keeps (the scripts take about
// ten times as much).
const parsedMax = 256 << 10

// Parse reads src as a bash script (a superset of what /bin/sh reads).
// The Script may be shared with other callers: it must not be changed.
func Parse(src string) (*Script, error) {
	parsed.Lock()
	r, ok := parsed.m[src]
	parsed.Unlock()
	if ok {
		return r.s, r.err
	}
	r.s, r.err = parse(src)
	if len(src) <= parsedMax/16 {
		parsed.Lock()
		if parsed.m == nil || parsed.bytes+len(src) > parsedMax {
			parsed.m, parsed.bytes = map[string]parseResult{}, 0
		}
		if _, ok := parsed.m[src]; !ok {
			parsed.m[src] = r
			parsed.bytes += len(src)
		}
		parsed.Unlock()
	}
	return r.s, r.err
}

func parse(src string) (*Script, error) {
	p := parsers.Get().(*syntax.Parser)
	f, err := p.Parse(strings.NewReader(src), "")
	parsers.Put(p)
	if err != nil {
		return nil, err
	}
	r := &reader{src: src, s: &Script{Plain: true}}
	if len(f.Last) > 0 {
		r.complex = true
	}
	r.stmts(f.Stmts, "", false)
	r.s.simple = !r.complex
	r.s.Plain = r.s.Plain && !r.complex
	return r.s, nil
}

type reader struct {
	src     string
	s       *Script
	complex bool   // redirections, comments, operators or compound commands
	cond    bool   // reading a condition that always runs (Cmd.Cond)
	outs    []Word // the output redirections of the statement being read
}

func (r *reader) stmts(ss []*syntax.Stmt, op string, nested bool) {
	for i, st := range ss {
		o := op
		if i > 0 {
			o = ";"
			if ss[i-1].Background {
				o = "&"
			}
			if ss[i-1].End().Line() != st.Pos().Line() {
				o = ""
			}
		}
		r.stmt(st, o, nested)
	}
}

func (r *reader) stmt(st *syntax.Stmt, op string, nested bool) {
	if len(st.Comments) > 0 || len(st.Redirs) > 0 || st.Negated || st.Background || st.Semicolon.IsValid() {
		r.complex = true
	}
	switch c := st.Cmd.(type) {
	case *syntax.CallExpr:
		r.outs = r.outs[:0]
		for _, rd := range st.Redirs {
			switch rd.Op {
			case syntax.RdrOut, syntax.AppOut, syntax.ClbOut, syntax.RdrAll, syntax.AppAll:
				if rd.Word != nil {
					r.outs = append(r.outs, r.word(rd.Word))
				}
			}
		}
		r.call(c, op, nested, nil)
		r.outs = r.outs[:0]
	case *syntax.BinaryCmd:
		r.complex = true
		r.stmt(c.X, op, nested)
		r.stmt(c.Y, c.Op.String(), nested)
	case *syntax.TimeClause:
		r.complex = true
		if c.Stmt != nil {
			if call, ok := c.Stmt.Cmd.(*syntax.CallExpr); ok && len(c.Stmt.Redirs) == 0 {
				t := int(c.Pos().Offset())
				r.call(call, op, nested, &Word{Text: "time", Pos: t, End: t + 4})
			} else {
				r.stmt(c.Stmt, op, nested)
			}
		}
	case *syntax.Block:
		r.complex = true
		r.stmts(c.Stmts, op, true)
	case *syntax.Subshell:
		r.complex = true
		r.stmts(c.Stmts, op, true)
	case *syntax.IfClause:
		r.complex = true
		first := !nested
		for ; c != nil; c = c.Else {
			r.condStmts(c.Cond, op, first)
			r.stmts(c.Then, "", true)
			op, first = "", false
		}
	case *syntax.WhileClause:
		r.complex = true
		r.condStmts(c.Cond, op, !nested)
		r.stmts(c.Do, "", true)
	case *syntax.ForClause:
		r.complex = true
		r.stmts(c.Do, op, true)
	case *syntax.CaseClause:
		r.complex = true
		for _, it := range c.Items {
			r.stmts(it.Stmts, op, true)
			op = ""
		}
	case *syntax.FuncDecl:
		r.complex = true
		if c.Name != nil {
			r.s.Funcs = append(r.s.Funcs, c.Name.Value)
		}
		if c.Body != nil {
			r.stmt(c.Body, op, true)
		}
	case *syntax.DeclClause:
		r.complex = true
		r.decl(c, op, nested)
	default:
		// [[ ]], (( )), let and the like run no program.
		r.complex = true
	}
}

// decl records a declaration clause (export P=x) in Decls.
func (r *reader) decl(c *syntax.DeclClause, op string, nested bool) {
	d := Cmd{Op: op, Nested: nested, Pos: int(c.Pos().Offset()), End: int(c.End().Offset())}
	d.Words = append(d.Words, Word{Text: c.Variant.Value, Pos: int(c.Variant.Pos().Offset()), End: int(c.Variant.End().Offset())})
	for _, a := range c.Args {
		w := Word{Pos: int(a.Pos().Offset()), End: int(a.End().Offset())}
		switch {
		case a.Naked && a.Name != nil:
			w.Text = a.Name.Value
		case a.Naked && a.Value != nil:
			w = r.word(a.Value) // an option (-x), or a word the shell expands
		case a.Name != nil:
			w.Text = a.Name.Value + "="
			if a.Value != nil {
				v := r.word(a.Value)
				w.Text += v.Text
				w.Dynamic = v.Dynamic
			}
			if a.Append || a.Index != nil || a.Array != nil {
				w.Dynamic = true
			}
		default:
			continue
		}
		d.Words = append(d.Words, w)
	}
	r.s.Decls = append(r.s.Decls, d)
}

// condStmts reads a condition's commands, nested, marking them Cond when
// sure: the shell runs them whenever it reaches the construct.
func (r *reader) condStmts(ss []*syntax.Stmt, op string, sure bool) {
	saved := r.cond
	r.cond = sure
	r.stmts(ss, op, true)
	r.cond = saved
}

func (r *reader) call(c *syntax.CallExpr, op string, nested bool, time *Word) {
	cmd := Cmd{Op: op, Nested: nested, Cond: r.cond && nested}
	if len(c.Assigns) > 0 {
		r.s.Plain = false
	}
	for _, a := range c.Assigns {
		w := Word{Text: a.Name.Value + "=", Pos: int(a.Pos().Offset()), End: int(a.End().Offset())}
		if a.Value != nil {
			v := r.word(a.Value)
			w.Text += v.Text
			w.Dynamic = v.Dynamic
		}
		if a.Append || a.Index != nil || a.Array != nil || a.Naked {
			w.Dynamic = true
		}
		cmd.Assigns = append(cmd.Assigns, w)
	}
	if time != nil {
		cmd.Words = append(cmd.Words, *time)
	}
	for _, a := range c.Args {
		cmd.Words = append(cmd.Words, r.word(a))
	}
	cmd.wrap()
	cmd.Out = slices.Clone(r.outs)
	switch {
	case len(cmd.Assigns) > 0:
		cmd.Pos = cmd.Assigns[0].Pos
	case len(cmd.Words) > 0:
		cmd.Pos = cmd.Words[0].Pos
	}
	cmd.End = int(c.End().Offset())
	r.s.Cmds = append(r.s.Cmds, cmd)
	r.inlineScript(c, cmd)
}

// inlineScript reads the string of sh -c into commands of its own, when
// its bytes are the script's bytes (a single-quoted or plain literal), so
// that positions stay true.
func (r *reader) inlineScript(c *syntax.CallExpr, cmd Cmd) {
	args := cmd.Args()
	k := cmd.CommandArg()
	if k < 0 {
		return
	}
	w := c.Args[len(c.Args)-len(args)+k]
	var text string
	start := 0
	switch p := w.Parts[0].(type) {
	case *syntax.SglQuoted:
		if len(w.Parts) != 1 || p.Dollar {
			r.s.Opaque = true
			return
		}
		text, start = p.Value, int(p.Left.Offset())+1
	case *syntax.Lit:
		if len(w.Parts) != 1 || strings.ContainsRune(p.Value, '\\') {
			r.s.Opaque = true
			return
		}
		text, start = p.Value, int(p.Pos().Offset())
	default:
		r.s.Opaque = true
		return
	}
	inner, err := Parse(text)
	if err != nil {
		r.s.Opaque = true
		return
	}
	// inner is shared with every other reader of text (Parse keeps it):
	// its words are copied before they are moved to this script's
	// positions.
	shift := func(ws []Word) []Word {
		ws = slices.Clone(ws)
		for i := range ws {
			ws[i].Pos += start
			ws[i].End += start
		}
		return ws
	}
	for _, id := range inner.Decls {
		id.Inline = true
		id.Nested = id.Nested || cmd.Nested
		id.Words = shift(id.Words)
		id.Pos += start
		id.End += start
		r.s.Decls = append(r.s.Decls, id)
	}
	for _, ic := range inner.Cmds {
		ic.Inline = true
		ic.Nested = ic.Nested || cmd.Nested
		ic.Assigns = shift(ic.Assigns)
		ic.Words = shift(ic.Words)
		ic.Pos += start
		ic.End += start
		r.s.Cmds = append(r.s.Cmds, ic)
	}
	r.s.Opaque = r.s.Opaque || inner.Opaque
}

// word unquotes w, keeping the source text of expansions.
func (r *reader) word(w *syntax.Word) Word {
	out := Word{Pos: int(w.Pos().Offset()), End: int(w.End().Offset())}
	var b strings.Builder
	var parts func(ps []syntax.WordPart, quoted bool)
	parts = func(ps []syntax.WordPart, quoted bool) {
		for i, p := range ps {
			raw := r.src[p.Pos().Offset():p.End().Offset()]
			switch p := p.(type) {
			case *syntax.Lit:
				if !quoted {
					if strings.ContainsAny(raw, "*?[]{}") || i == 0 && p == w.Parts[0] && strings.HasPrefix(raw, "~") {
						out.Dynamic = true
						r.s.Plain = false
					}
				}
				b.WriteString(r.unescape(raw, quoted))
			case *syntax.SglQuoted:
				if p.Dollar {
					out.Dynamic = true
					r.s.Plain = false
					b.WriteString(raw)
				} else {
					b.WriteString(p.Value)
				}
			case *syntax.DblQuoted:
				if p.Dollar {
					out.Dynamic = true
				}
				parts(p.Parts, true)
			default:
				out.Dynamic = true
				r.s.Plain = false
				b.WriteString(raw)
			}
		}
	}
	parts(w.Parts, false)
	out.Text = b.String()
	return out
}

// unescape removes the backslashes the shell removes: any escape outside
// quotes, and \$ \` \" \\ inside double quotes; an escaped newline goes.
func (r *reader) unescape(s string, quoted bool) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	r.s.Plain = false
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			n := s[i+1]
			switch {
			case n == '\n':
				i++
				continue
			case !quoted || strings.IndexByte("$`\"\\", n) >= 0:
				i++
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Split splits an argument string the way a shell would split one
// simple command's words (quotes and backslashes), and refuses anything
// whose value the shell would compute or that is not one plain command:
// expansions, globs, operators, redirections, comments.
func Split(s string) ([]string, error) {
	sc, err := Parse(s)
	if err != nil {
		return nil, fmt.Errorf("cannot read %q: %v", s, err)
	}
	var cmds []Cmd
	for _, c := range sc.Cmds {
		if !c.Inline {
			cmds = append(cmds, c)
		}
	}
	if len(cmds) > 1 || !sc.simple {
		return nil, errors.New("only one plain command: no operators, redirections or compound commands")
	}
	if len(cmds) == 0 {
		return nil, nil
	}
	c := cmds[0]
	if len(c.Assigns) > 0 {
		return nil, fmt.Errorf("%s: an assignment, not a program", c.Assigns[0].Text)
	}
	var out []string
	for _, w := range c.Words {
		if w.Dynamic {
			return nil, fmt.Errorf("%s would be expanded by a shell", w.Text)
		}
		out = append(out, w.Text)
	}
	return out, nil
}

// Literal returns the command of an exec-form instruction: words the
// shell never sees.
func Literal(args []string) Cmd {
	var c Cmd
	for _, a := range args {
		c.Words = append(c.Words, Word{Text: a})
	}
	c.wrap()
	return c
}

// wrap finds the program after the wrappers.
func (cmd *Cmd) wrap() {
	cmd.Prog = len(cmd.Words)
	wrapper := ""
	for i := 0; i < len(cmd.Words); i++ {
		t := cmd.Words[i].Text
		switch {
		case IsAssignment(t) && (i == 0 || wrapper != ""):
			// env NAME=value; an assignment-looking first word is a
			// quoted or escaped one, which the shell runs as a program,
			// but the engine has always read it as an assignment.
		case wrappers[t] && !cmd.Words[i].Dynamic:
			wrapper = t
			cmd.Wrappers = append(cmd.Wrappers, i)
		case wrapper != "" && wrapper != "exec" && strings.HasPrefix(t, "-") && t != "-":
			if strings.Contains(" "+optionArg[wrapper]+" ", " "+t+" ") {
				i++
			}
		default:
			cmd.Prog = i
			i = len(cmd.Words)
		}
	}
}

// LoginFlag returns the option of args (a command's words, the program
// first, or a script's #! line without a leading env) that makes a shell
// a login shell, which reads the system profile (/etc/profile) before it
// runs anything: sh -l, bash --login, bash -lc, su - (su starts the
// target user's login shell). It returns "" for any other command. The
// profile of Debian's and Alpine's images sets PATH anew, so a folder
// the container's environment put on PATH is gone for what the login
// shell runs.
func LoginFlag(args []string) string {
	if len(args) < 2 {
		return ""
	}
	su := path.Base(args[0]) == "su"
	if !su && !IsShell(args[0]) {
		return ""
	}
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--login" || (su && (a == "-" || a == "-l")):
			return a
		case a == "--" || a == "-" || !strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "+"):
			if su {
				continue // su's user name comes before or after its options
			}
			return ""
		case su && (a == "-c" || a == "--command" || a == "-s" || a == "--shell"):
			i++
		case strings.HasPrefix(a, "--"):
			if a == "--rcfile" || a == "--init-file" {
				i++
			}
		case a[0] == '-' && !su:
			for _, ch := range a[1:] {
				switch ch {
				case 'l':
					return a
				case 'o', 'O':
					i++
				}
			}
		}
	}
	return ""
}

// WrittenPaths returns the operands of args (a command's words, the
// program first) that the command writes: the destination of cp, mv,
// ln, install and rsync (the last operand, or -t's folder), every
// operand of mkdir, touch and tee. Options are left out; nil for any
// other program.
func WrittenPaths(args []string) []string {
	if len(args) < 2 {
		return nil
	}
	var ops []string
	dest := ""
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-t" || a == "--target-directory":
			if i+1 < len(args) {
				dest = args[i+1]
				i++
			}
		case strings.HasPrefix(a, "--target-directory="):
			dest = strings.TrimPrefix(a, "--target-directory=")
		case strings.HasPrefix(a, "-") && len(a) > 1:
		default:
			ops = append(ops, a)
		}
	}
	switch path.Base(args[0]) {
	case "cp", "mv", "ln", "install", "rsync":
		if dest != "" {
			return []string{dest}
		}
		if len(ops) >= 2 {
			return ops[len(ops)-1:]
		}
	case "mkdir", "touch", "tee":
		return ops
	}
	return nil
}
