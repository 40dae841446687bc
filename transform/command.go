package transform

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// program is what the container runs.
type program struct {
	holder     *inst  // the CMD or ENTRYPOINT that names the program
	word       string // the program as written
	exec       []string
	shellForm  bool
	needsShell bool
	dir        string // the folder a leading `cd DIR &&` changes to, absolute; "" for the working folder
	shell      string // the shell the command needs
	// login says where the command starts a login shell (sh -l, a #!
	// line's -l, su -), whose profile sets PATH anew: "" when none does.
	login string
	tools []string // programs the runtime must have
	// scriptTools are the programs of tools that a start script of the
	// context runs (not its shell): when no runtime that can run the
	// rest has one, the runtime may install it (scriptInstallable).
	scriptTools []string
	interp      bool     // the program is one of the preset's interpreters
	scriptAt    int      // index in exec of the file the interpreter runs
	orig        []string // exec as the file wrote it
	glob        string   // the glob globMark stands for
	options     []string // interpreter options expanded from OptionsVars
	resolved    bool     // the command was replaced by the script a runner runs
	newText     string   // replacement instruction line, when rewritten
	art         *artifact
	abs         string
	scriptFile  string // the shell script the command runs, when it runs one
	// entrypointShell is the shell of the builder image's ENTRYPOINT
	// script, which runs the CMD's script that has no #! line.
	entrypointShell string
	classPath       bool   // the interpreter runs a name from a class path, not a file
	first           string // the first simple command, as words joined by spaces
	// words are the first simple command's words from the program on, as
	// the shell reads them: a command that keeps its shell (no exec) is
	// read from them.
	words []word
	// cmdIn is the exec-form CMD whose words exec carries after the
	// exec-form ENTRYPOINT's (from cmdAt on), as Docker runs the two,
	// when the CMD names the file the interpreter runs.
	cmdIn   *inst
	cmdAt   int
	cmdText string // the CMD's replacement line, when rewritten
	// wrap is the init wrapper and its options in front of the command
	// (dumb-init --), which exec and first no longer hold: the runtime's
	// command gets them back in front.
	wrap []string
}

// commandCmds returns the simple commands of a CMD or ENTRYPOINT.
func commandCmds(in *inst) []simpleCmd {
	line := cmdLine(in)
	if line == nil {
		return nil
	}
	if line.PrependShell {
		return splitShell(strings.Join(line.CmdLine, " ")).cmds
	}
	out := []simpleCmd{execCmd(line.CmdLine)}
	if k := shell.CommandArg(line.CmdLine); k > 0 {
		out = append(out, splitShell(line.CmdLine[k]).cmds...)
	}
	return out
}

func cmdLine(in *inst) *instructions.ShellDependantCmdLine {
	switch c := in.cmd.(type) {
	case *instructions.CmdCommand:
		return &c.ShellDependantCmdLine
	case *instructions.EntrypointCommand:
		return &c.ShellDependantCmdLine
	}
	return nil
}

// findProgram works out what the container runs, whether that needs a
// shell or other tools in the runtime, and which artifact it is.
func (p *plan) findProgram() error {
	f := p.f
	ep, cmd := f.entrypoint, f.cmd
	if ep != nil && len(cmdLine(ep).CmdLine) == 0 {
		ep = nil // ENTRYPOINT [] resets it
	}
	holder := cmd
	if ep != nil {
		holder = ep
		if cmdLine(ep).PrependShell && cmd != nil {
			p.dropped = append(p.dropped, cmd)
			p.notes.note(cmd.first, infoCmdIgnored, "CMD is ignored by the shell-form ENTRYPOINT on line %d and is left out of the runtime stage", ep.first)
		}
	}
	if holder == nil {
		return declinef(declNoCommand, "no CMD or ENTRYPOINT: cannot tell what the container runs")
	}
	line := cmdLine(holder)
	if len(line.CmdLine) == 0 {
		return declinef(declRunsNothing, "line %d: empty %s: cannot tell what the container runs", holder.first, holder.kw)
	}
	pr := &program{holder: holder, shellForm: line.PrependShell}
	p.prog = pr
	shellName := "sh"
	if len(f.shellCmd) > 0 {
		shellName = path.Base(f.shellCmd[0])
	}
	var first []word // the words of the first simple command
	if line.PrependShell {
		text := p.takeOptionVars(line.CmdLine[0])
		sl := splitShell(text)
		if !sl.plain && f.preset.ScriptFlag != "" {
			// A glob where the interpreter's file goes (java -jar
			// target/*.jar) is replaced by the collected file.
			marked, glob := markGlob(text, f.preset)
			if sl2 := splitShell(marked); sl2.plain {
				sl, pr.glob = sl2, glob
			}
		}
		if len(sl.cmds) == 0 {
			return declinef(declRunsNothing, "line %d: %s runs nothing", holder.first, holder.kw)
		}
		first, _ = sl.cmds[0].argv()
		if why, ok := notJSONArray(line.CmdLine[0]); ok {
			word := strings.Fields(line.CmdLine[0])[0]
			if len(first) > 0 {
				word = first[0].text
			}
			return declinef(declNotJSON, "line %d: %s looks like exec form but is not a JSON array (%s), so Docker runs it through %s as a shell command whose first word %s is no program: the original container cannot start (write a JSON array of double-quoted strings with nothing after the closing ])", holder.first, holder.kw, why, shellName, word)
		}
		if len(first) == 0 {
			return declinef(declCommandUnclear, "line %d: cannot tell what %s runs", holder.first, holder.kw)
		}
		if fl := shell.LoginFlag(wordTexts(first)); fl != "" {
			pr.login = fmt.Sprintf("line %d: %s runs %s %s", holder.first, holder.kw, first[0].text, fl)
		}
		if k := shell.CommandArg(wordTexts(first)); len(sl.cmds) == 1 && !sl.cmds[0].c.Nested && k > 0 {
			// `CMD sh -c "a && b"`: a shell run by the shell; the
			// inner string is the command line, as in the exec form
			// (review 8, finding D).
			inner := splitShell(first[k].text)
			if first[k].dynamic {
				return declinef(declCommandUnclear, "line %d: %s runs %s -c with a command string that the outer shell expands when the container starts (%s): cannot tell what it runs", holder.first, holder.kw, first[0].text, first[k].text)
			}
			if len(inner.cmds) == 0 {
				return declinef(declCommandUnclear, "line %d: cannot tell what %s runs", holder.first, holder.kw)
			}
			pr.needsShell, pr.shell = true, path.Base(first[0].text)
			p.restCmds = inner.cmds[1:]
			first, _ = inner.cmds[0].argv()
			if len(first) == 0 {
				return declinef(declCommandUnclear, "line %d: cannot tell what %s runs", holder.first, holder.kw)
			}
		} else if sl.plain {
			pr.exec = wordTexts(first)
		} else {
			pr.needsShell, pr.shell = true, shellName
			p.restCmds = sl.cmds[1:]
		}
		if first[0].dynamic {
			return declinef(declRunTimeProgram, "line %d: %s runs %s, which is only known at run time", holder.first, holder.kw, first[0].text)
		}
	} else {
		pr.exec = append([]string(nil), line.CmdLine...)
		if fl := shell.LoginFlag(line.CmdLine); fl != "" {
			pr.login = fmt.Sprintf("line %d: %s runs %s %s", holder.first, holder.kw, line.CmdLine[0], fl)
		}
		for _, a := range line.CmdLine {
			first = append(first, word{text: a})
		}
		if k := shell.CommandArg(line.CmdLine); k > 0 {
			sl := splitShell(line.CmdLine[k])
			pr.needsShell, pr.shell, pr.exec = true, path.Base(line.CmdLine[0]), nil
			first = nil
			if len(sl.cmds) > 0 {
				first, _ = sl.cmds[0].argv()
				p.restCmds = sl.cmds[1:]
			}
			if len(first) == 0 {
				return declinef(declCommandUnclear, "line %d: cannot tell what %s runs", holder.first, holder.kw)
			}
		}
	}
	// `cd DIR && PROG ...`: the program is PROG, read in DIR; one after
	// `echo starting;` or `set -e &&` is the program too.
	for pr.needsShell && len(p.restCmds) > 0 && !p.restCmds[0].c.Nested {
		cd := len(first) == 2 && first[0].text == "cd" && !first[1].dynamic && p.restCmds[0].c.Op == "&&"
		next := p.restCmds[0].c.Op
		if !cd && !(shell.Leading(first[0].text) && (next == "&&" || next == ";" || next == "")) {
			break
		}
		if cd {
			pr.dir = path.Join(p.progDir(), first[1].text)
			if path.IsAbs(first[1].text) {
				pr.dir = path.Clean(first[1].text)
			}
		}
		first, _ = p.restCmds[0].argv()
		p.restCmds = p.restCmds[1:]
		if len(first) == 0 {
			return declinef(declCommandUnclear, "line %d: cannot tell what %s runs", holder.first, holder.kw)
		}
		if first[0].dynamic {
			return declinef(declRunTimeProgram, "line %d: %s runs %s, which is only known at run time", holder.first, holder.kw, first[0].text)
		}
	}
	if w := f.preset.InitWrapper(first[0].text); w != nil && !first[0].dynamic {
		var err error
		if first, err = p.unwrap(w, first); err != nil {
			return err
		}
	}
	if rest, ok, err := p.scriptWrapper(first); err != nil {
		return err
	} else if ok {
		first = rest
	}
	pr.word, pr.words = first[0].text, first
	pr.first = strings.Join(wordTexts(first), " ")
	if pr.needsShell {
		pr.tools = append(pr.tools, pr.shell)
	}
	if strings.ContainsAny(pr.word, "$`") {
		return declinef(declRunTimeProgram, "line %d: %s runs %s, which is only known at run time", holder.first, holder.kw, pr.word)
	}
	pr.orig = slices.Concat(pr.wrap, pr.exec)
	if err := p.restPrograms(); err != nil {
		return err
	}
	if err := p.spacedCommandWords(first); err != nil {
		return err
	}
	if r, c, rest := p.runner(first); r != nil {
		return p.resolveRunner(r, c, rest)
	}
	if r, c := p.namedScript(first); r != nil {
		return p.resolveRunner(r, c, nil)
	}
	// The build tool with a task no runner resolves (mvn exec:java)
	// builds and runs the app at each start (review 22, B): its reason, not one read out of the tool's own script. A
	// tool some runtime has (npm install at start) is kept as before.
	if ws := f.buildWords(first, p.progDir()); !first[0].dynamic && f.buildCmd(ws) != nil && !p.runtimeProgram(path.Base(ws[0].text)) {
		return declinef(declBuildAtStart, "line %d: %s runs `%s`, a build command of the %s preset: the container runs the build tool when it starts, which no runtime of the preset has, with what it builds from; restage splits off only a program the build writes while the image is built, or a runner it resolves to one", holder.first, holder.kw, pr.first, f.preset.Title)
	}
	return p.checkProgram()
}

// spacedCommandWords declines a runner's own command words written as
// one word (CMD ["npm", "run start"]): each string of an exec-form
// array, or quoted word of a shell command, is one argument, and the
// runner has no command named by the joined words, so the original
// container cannot start (review 14, finding B). Words after the
// runner's command words are its script's arguments, spaces and all.
func (p *plan) spacedCommandWords(first []word) error {
	holder := p.prog.holder
	for _, r := range p.f.preset.Runners {
		for _, c := range slices.Concat(r.Commands, r.Scripts, r.Programs) {
			cw := strings.Fields(c)
			if len(cw) < 2 || first[0].dynamic || first[0].text != cw[0] {
				continue
			}
			var got []string
			spaced := ""
			for _, w := range first[1:] {
				if len(got) >= len(cw)-1 || w.dynamic {
					break
				}
				fs := strings.Fields(w.text)
				if len(fs) != 1 && spaced == "" {
					spaced = w.text
				}
				got = append(got, fs...)
			}
			if spaced == "" || len(got) < len(cw)-1 || !slices.Equal(got[:len(cw)-1], cw[1:]) {
				continue
			}
			tool := cw[0]
			return declinef(declCommandWordsJoined, "line %d: %s gives %s %q as one word, where `%s` takes separate words: %s has no command %q, so the original container cannot start either (write each word as a string of its own)", holder.first, holder.kw, tool, spaced, c, tool, spaced)
		}
	}
	return nil
}

// unwrap reads the command an init wrapper runs (dumb-init npm start):
// what follows the wrapper's options is the command, read as the CMD
// would be, and the wrapper becomes a program the runtime must have. A
// wrapper that no package install of the file provides is left as the
// program, so that the original's missing program is declined as before
// (review 9, finding B).
func (p *plan) unwrap(w *presets.InitWrapper, first []word) ([]word, error) {
	f, pr := p.f, p.prog
	holder := pr.holder
	line := p.f.installLine(w.Packages)
	if line == 0 {
		return first, nil
	}
	texts := wordTexts(first)
	at, bad := w.Command(texts)
	if bad != "" {
		return nil, declinef(declCommandUnclear, "line %d: %s runs the init wrapper %s with the option %s, which restage does not read: cannot tell what the wrapper runs", holder.first, holder.kw, w.Program, bad)
	}
	if slices.ContainsFunc(first[:at], func(w word) bool { return w.dynamic }) {
		return nil, declinef(declRunTimeProgram, "line %d: %s runs the init wrapper %s with options only known at run time", holder.first, holder.kw, w.Program)
	}
	var cmdIn *inst // the CMD that is the wrapper's command
	if at == len(first) {
		if holder.kw != "ENTRYPOINT" || pr.exec == nil || f.cmd == nil || f.cmd == holder {
			return nil, declinef(declCommandUnclear, "line %d: %s runs the init wrapper %s with no command", holder.first, holder.kw, w.Program)
		}
		// ENTRYPOINT ["tini", "--"] with CMD [...]: Docker runs the CMD's
		// words after the ENTRYPOINT's, so the CMD is the command.
		cl := cmdLine(f.cmd)
		if cl.PrependShell {
			return nil, declinef(declCommandUnclear, "line %d: ENTRYPOINT runs the init wrapper %s with the shell-form CMD on line %d as its command (/bin/sh -c and the CMD's text): restage reads a wrapper's command only when it is an exec-form CMD or in the same instruction", holder.first, w.Program, f.cmd.first)
		}
		if len(cl.CmdLine) == 0 {
			return nil, declinef(declCommandUnclear, "line %d: ENTRYPOINT runs the init wrapper %s with no command", holder.first, w.Program)
		}
		cmdIn = f.cmd
		for _, a := range cl.CmdLine {
			first = append(first, word{text: a})
			pr.exec = append(pr.exec, a)
		}
	}
	rest := first[at:]
	if shell.CommandArg(wordTexts(rest)) > 0 {
		return nil, declinef(declCommandUnclear, "line %d: %s runs the init wrapper %s with a shell command string (%s -c): restage reads a wrapper's command only when it is no shell string", holder.first, holder.kw, w.Program, rest[0].text)
	}
	if pr.exec != nil {
		pr.wrap, pr.exec = pr.exec[:at:at], pr.exec[at:]
	} else {
		pr.wrap = texts[:at:at]
	}
	pr.tools = appendNew(pr.tools, w.Program)
	what := fmt.Sprintf("`%s`", strings.Join(wordTexts(rest), " "))
	if cmdIn != nil {
		pr.cmdIn, pr.cmdAt = cmdIn, 0
		what += fmt.Sprintf(" (the CMD on line %d)", cmdIn.first)
	}
	p.notes.note(holder.first, infoInitWrapper, "%s runs %s under the init wrapper %s, which the package install on line %d provides: the command is read behind the wrapper, and the runtime keeps the wrapper in front of it", holder.kw, what, w.Program, line)
	return rest, nil
}

// writtenBy finds the last RUN that writes prog into a folder where the
// container finds it (its own folder when named by a path, else a folder
// on PATH): its text names both the folder and the program (wget URL &&
// tar -C /usr/local/bin, curl -o /usr/local/bin/prog URL, cp x
// /usr/local/bin/prog). fetched says it runs one of the preset's download
// tools on a URL. Such a program is no output of the build's that the
// runtime gets, and the decline must say so rather than list the outputs
// as if the build never wrote it (review 9, finding C).
func (p *plan) writtenBy(prog string) (run *inst, dir string, fetched bool) {
	f := p.f
	dirs := strings.Split(f.envNow["PATH"], ":")
	if strings.Contains(prog, "/") {
		dirs = []string{path.Dir(f.abs(prog))}
	}
	name := path.Base(prog)
	var tools []string
	for _, m := range f.preset.RuntimePackages {
		for _, t := range m.FetchTools {
			if !strings.ContainsAny(t, "*?[") {
				tools = appendNew(tools, t)
			}
		}
	}
	for i := len(f.runs) - 1; i >= 0; i-- {
		r := f.runs[i]
		if !strings.Contains(r.text, name) {
			continue
		}
		for _, d := range dirs {
			if d == "" || !path.IsAbs(d) || !wordIn(r.text, path.Clean(d)) {
				continue
			}
			for _, c := range splitShell(r.text).cmds {
				if args, _ := c.argv(); len(args) > 0 && slices.Contains(tools, path.Base(args[0].text)) && strings.Contains(r.text, "://") {
					fetched = true
				}
			}
			return r.in, path.Clean(d), fetched
		}
	}
	return nil, "", false
}

// jsonLike matches a shell-form command that starts as a JSON array of
// strings would, with `[` as a word of its own: `[ "npm", ...`.
var jsonLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\[\s+(?:"[^"]*"|'[^']*')\s*,`) })

// notJSONArray reports why the text of a shell-form CMD or ENTRYPOINT is
// a failed exec form: BuildKit reads the text as a JSON array when it
// parses as one, and keeps it as shell text otherwise
// (`CMD ["npm", "start"];`). Such a text starts with `[` glued to the next
// character (`["npm",`, `['node',`), or with `[` and a quoted string
// followed by a comma; the shell's test command `[ -f x ] && ...` is
// neither.
func notJSONArray(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "[") {
		return "", false
	}
	first := strings.Fields(t)[0]
	if (first == "[" || first == "[[") && !jsonLike().MatchString(t) {
		return "", false
	}
	var v []string
	if err := json.Unmarshal([]byte(t), &v); err != nil {
		return jsonErrorShown(err, t), true
	}
	return "not an array of strings", true
}

// jsonErrorShown is the decoder's error with the character it names as
// the text has it (review 31, finding F): the decoder quotes one byte,
// read as Latin-1, so U+FFFC after the ] was 'ï'. The whole UTF-8
// character is named, escaped unless an editor would show it plainly.
func jsonErrorShown(err error, text string) string {
	msg := err.Error()
	var se *json.SyntaxError
	if !errors.As(err, &se) || se.Offset < 1 || int(se.Offset) > len(text) {
		return msg
	}
	b := text[se.Offset-1]
	if b < utf8.RuneSelf {
		return msg
	}
	// encoding/json's quoteChar for a byte past ASCII.
	q := strconv.Quote(string(rune(b)))
	goShown := "'" + q[1:len(q)-1] + "'"
	r, size := utf8.DecodeRuneInString(text[se.Offset-1:])
	shown := string(r)
	if r == utf8.RuneError && size <= 1 {
		shown = fmt.Sprintf(`\x%02x`, b)
	} else if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsPunct(r) {
		shown = strings.Trim(strconv.QuoteRuneToASCII(r), "'")
	}
	return strings.Replace(msg, goShown, "'"+shown+"'", 1)
}

// restPrograms records what the simple commands after the first of a
// command that a shell runs need (npm start in `npm run migrate && npm
// start`): the runtime must have each of their programs too.
func (p *plan) restPrograms() error {
	for _, c := range p.restCmds {
		args, _ := c.argv()
		if len(args) == 0 {
			continue
		}
		if args[0].dynamic {
			return declinef(declRunTimeProgram, "line %d: %s runs %s, which is only known at run time", p.prog.holder.first, p.prog.holder.kw, args[0].text)
		}
		if err := p.interpOutsideEnv(args[0].text, ""); err != nil {
			return err
		}
		p.needProgram(args[0].text, nil)
	}
	return nil
}

// interpOutsideEnv declines a command that names one of the preset's
// interpreters by a path outside the environment restage inserts: the
// environment's packages are seen only by its own interpreter (it finds
// its pyvenv.cfg beside itself), and PATH does not change what a full
// path runs, so the original's interpreter, which saw the install, would
// start without it (review 29, finding A). The path is not edited: a
// script's text is the user's, and a decline keeps the two the same. The
// script is the start script the word is read from, "" for the command.
func (p *plan) interpOutsideEnv(word, script string) error {
	f := p.f
	if f.prepared == nil || len(f.prepared.Copy) == 0 || !strings.Contains(word, "/") || !f.preset.IsInterpreter(word) {
		return nil
	}
	abs := f.abs(word)
	for _, c := range f.prepared.Copy {
		if under(abs, path.Clean(c)) {
			return nil
		}
	}
	runs := p.prog.holder.kw + " runs"
	if script != "" {
		runs = "the script " + script + " that " + runs
	}
	return declinef(declInterpOutsideEnv, "line %d: %s %s by its path, and the install goes into %s, the environment restage adds: %s does not see that environment's packages, only its own interpreter does; run %s by name, or make the environment in the file", p.prog.holder.first, runs, word, strings.Join(f.prepared.Copy, ", "), word, path.Base(word))
}

// checkProgram accepts the program when the runtime provides it (an
// interpreter, a script for the image's entrypoint) or the build writes it.
func (p *plan) checkProgram() error {
	f, pr := p.f, p.prog
	holder := pr.holder
	if f.preset.IsInterpreter(pr.word) {
		if err := p.interpOutsideEnv(pr.word, ""); err != nil {
			return err
		}
		if pr.exec != nil && len(pr.exec) < 2 && holder.kw == "CMD" {
			return declinef(declNoScript, "line %d: the container runs %s with no script", holder.first, pr.word)
		}
		pr.interp = true
		if f.preset.ScriptFlag != "" {
			return p.scriptArtifact()
		}
		return p.needApp()
	}
	if f.preset.IsScript(pr.word) && holder.kw == "CMD" && f.entrypoint == nil {
		// The builder image's entrypoint hands the script to the
		// interpreter; the runtimes of the preset do the same.
		return p.needApp()
	}
	if shell.IsShell(pr.word) && len(pr.exec) >= 2 && !shell.GivesCommand(pr.exec) {
		return p.shellScript()
	}
	abs, art := p.resolve(pr.word)
	// A file in a folder the build writes without naming its output (the
	// app folder) may be a script the context brought: read it as one.
	if art == nil || art.name == "" {
		if ok, err := p.shebangScript(); ok || err != nil {
			return err
		}
	}
	if art == nil {
		if ok, err := p.globalProgram(); ok || err != nil {
			return err
		}
	}
	if art == nil {
		for _, r := range f.preset.Runners {
			if r.Tool != "" && r.Tool == pr.word {
				// A runner's tool doing something other than what the
				// runner resolves (npm run migrate): the runtime keeps
				// the tool, and the scripts it runs may use any
				// dependency.
				pr.tools = appendNew(pr.tools, r.Tool)
				p.notes.note(holder.first, infoToolKept, "%s runs `%s`, which restage does not resolve to a plain command: the runtime keeps %s", holder.kw, pr.first, r.Tool)
				if p.keepDev == "" {
					p.keepDev = fmt.Sprintf("%s runs `%s`, whose script may use development dependencies", holder.kw, pr.first)
				}
				p.scriptGlobals()
				return p.needApp()
			}
		}
	}
	if art == nil && f.preset.PathPrograms && !strings.Contains(pr.word, "/") {
		// A program the install put on PATH (a console script).
		if err := p.programOffPath(); err != nil {
			return err
		}
		return p.needApp()
	}
	if art == nil && f.preset.PathPrograms && strings.Contains(pr.word, "/") && f.inOwnEnv(abs) {
		// A console script named in the environment the file's own
		// install fills (/app/.venv/bin/uvicorn).
		return p.needApp()
	}
	if art == nil && !strings.Contains(pr.word, "/") {
		// A dependency's program found through the file's own PATH
		// (review 11, finding A).
		if r, dir, ok := p.depBinOnPath(pr.word); ok {
			p.useDepBin(r, dir)
			return p.needApp()
		}
	}
	if art == nil && (pr.needsShell || p.runsDepProgram(pr.exec)) && p.runtimeProgram(pr.word) {
		// A shell command line is a script written inline: its first
		// program is read as a script's line is (needProgram), so that
		// `CMD npx prisma migrate deploy && npm start` converts as the
		// same lines in start.sh do (review 8, finding D).
		pr.tools = appendNew(pr.tools, pr.word)
		return p.needApp()
	}
	if art == nil && len(f.dists) > 0 {
		if ok, err := p.distProgram(abs); ok || err != nil {
			return err
		}
	}
	if art == nil {
		in := ""
		if pr.dir != "" {
			in = " in " + pr.dir
		}
		if run, dir, fetched := p.writtenBy(pr.word); run != nil {
			verb, what := "writes", "puts elsewhere"
			if fetched {
				verb, what = "downloads", "downloads"
			}
			return declinef(declProgramDownloaded, "line %d: the container runs %s%s, which the RUN on line %d %s into %s: restage carries only what the build writes in the app's folders and the outputs its preset names, not programs a RUN %s", holder.first, pr.word, in, run.first, verb, dir, what)
		}
		return declinef(declNotBuilt, "line %d: the container runs %s%s, which is not a program the build writes (%s)", holder.first, pr.word, in, p.artifactList())
	}
	if art.name == "" {
		art.name = path.Base(abs)
		p.notes.note(holder.first, infoProgramFromCmd, "the build does not name its output; %s is taken from %s", abs, holder.kw)
	}
	art.used = true
	pr.art, pr.abs = art, abs
	return nil
}

// takeOptionVars removes the preset's option variables ($JAVA_OPTS) from
// a shell command; their values go to the interpreter's variable.
func (p *plan) takeOptionVars(text string) string {
	for _, v := range p.f.preset.OptionsVars {
		if !strings.Contains(text, v) {
			continue // the pattern below cannot match: no need to compile it
		}
		re := regexp.MustCompile(`"?\$(\{` + regexp.QuoteMeta(v) + `\}|` + regexp.QuoteMeta(v) + `\b)"?`)
		if re.MatchString(text) {
			p.optionVars = append(p.optionVars, v)
			text = strings.Join(strings.Fields(re.ReplaceAllString(text, " ")), " ")
		}
	}
	return text
}

// markGlob replaces a glob where the preset's script flag names its file
// with globMark, and returns it.
func markGlob(text string, pre *Preset) (string, string) {
	fs := strings.Fields(text)
	glob := ""
	for i := 0; i+1 < len(fs); i++ {
		if fs[i] != pre.ScriptFlag {
			continue
		}
		j, _ := pre.ScriptFile(fs, i)
		if j > 0 && strings.ContainsAny(fs[j], "*?[") && !strings.ContainsAny(fs[j], "$`'\"\\") {
			glob, fs[j] = fs[j], globMark
		}
	}
	return strings.Join(fs, " "), glob
}

// scriptArtifact finds the file the interpreter runs (java -jar FILE):
// the file the command names, or the collected output when it names none
// or a glob.
func (p *plan) scriptArtifact() error {
	f, pr := p.f, p.prog
	flag := f.preset.ScriptFlag
	if pr.exec == nil {
		return p.shellScriptArtifact()
	}
	p.joinCmd()
	i := 0
	for i < len(pr.exec) && pr.exec[i] != flag {
		i++
	}
	if i == len(pr.exec) && f.preset.ClassPath != nil {
		return p.classPathProgram()
	}
	at, decl := f.preset.ScriptFile(pr.exec, i)
	if decl != "" {
		return declinef(declFileUnknown, "line %d: %s %s is followed by %s, with which the launcher runs something other than the %s file: cannot tell what to copy", pr.holder.first, pr.word, flag, decl, flag)
	}
	if at < 0 {
		return declinef(declFileUnknown, "line %d: %s runs no %s file: cannot tell what to copy", pr.holder.first, pr.word, flag)
	}
	file := pr.exec[at]
	if file == globMark {
		file = pr.glob
	}
	if strings.ContainsAny(file, "*?[") {
		if f.collect == nil {
			return declinef(declGlobNoFile, "line %d: %s %s %s names no one file, and no build step here collects one", pr.holder.first, pr.word, flag, file)
		}
		if path.Ext(file) != path.Ext(f.collect.Path) {
			return declinef(declFileTypeMismatch, "line %d: %s %s %s runs a %s file, but the build's output restage collects is a %s file", pr.holder.first, pr.word, flag, file, path.Ext(file), path.Ext(f.collect.Path))
		}
		if !pr.shellForm && !pr.needsShell && !pr.resolved {
			// No shell expanded the glob: the program got it as it is.
			p.notes.note(pr.holder.first, warnExecGlob, "the exec-form %s hands `%s` to %s as it is (no shell expands the glob), so the original container could not start; the runtime runs the collected %s instead, so it starts where the original did not", pr.holder.kw, file, pr.word, f.collect.Path)
		}
		if err := p.checkCollectUser(); err != nil {
			return err
		}
		file = f.collect.Path
		p.collected = true
	}
	abs := p.abs(file)
	if !p.collected {
		if err := p.outputNotBuilt(abs); err != nil {
			return err
		}
	}
	p.noteContextArtifact(abs)
	pr.exec[at] = abs
	pr.scriptAt = at
	if p.scriptBeside(abs) {
		return nil
	}
	art := artifact{dir: path.Dir(abs), name: path.Base(abs), used: true, in: pr.holder}
	p.artifacts = append(p.artifacts, art)
	return nil
}

// shellScriptArtifact finds the file the interpreter runs in a command
// that keeps its shell (java -Dserver.port=$PORT -jar app.jar: the shell
// expands $PORT from the run's environment when the container starts,
// which no ENV line and no exec form can do). The command stays as
// written on a runtime with the shell, as any preset's command with a
// variable does (RS117), so its options stay on it (no JAVA_TOOL_OPTIONS)
// and the file is the one its words name, copied to the same place.
func (p *plan) shellScriptArtifact() error {
	f, pr := p.f, p.prog
	flag := f.preset.ScriptFlag
	unknown := func() error {
		return declinef(declFileUnknown, "line %d: cannot tell which file %s runs", pr.holder.first, pr.word)
	}
	if !pr.needsShell || len(pr.words) == 0 {
		return unknown()
	}
	texts := wordTexts(pr.words)
	i := slices.Index(texts, flag)
	if i < 0 {
		return unknown() // a class path is read in exec form only
	}
	at, decl := f.preset.ScriptFile(texts, i)
	if decl != "" {
		return declinef(declFileUnknown, "line %d: %s %s is followed by %s, with which the launcher runs something other than the %s file: cannot tell what to copy", pr.holder.first, pr.word, flag, decl, flag)
	}
	if at < 0 {
		return declinef(declFileUnknown, "line %d: %s runs no %s file: cannot tell what to copy", pr.holder.first, pr.word, flag)
	}
	if w := pr.words[at]; w.dynamic {
		return declinef(declFileUnknown, "line %d: %s %s %s names a file the shell expands when the container starts: cannot tell which file to copy", pr.holder.first, pr.word, flag, w.text)
	}
	// The command stays as written, so its shell still expands
	// $JAVA_OPTS: the option variables were not taken out of it, and
	// their ENV is carried as any variable the start reads (planEnv;
	// review 23, finding C), not moved to JAVA_TOOL_OPTIONS.
	p.optionVars = nil
	abs := p.abs(pr.words[at].text)
	if err := p.outputNotBuilt(abs); err != nil {
		return err
	}
	p.noteContextArtifact(abs)
	if p.scriptBeside(abs) {
		return nil
	}
	p.artifacts = append(p.artifacts, artifact{dir: path.Dir(abs), name: path.Base(abs), used: true, in: pr.holder})
	return nil
}

// scriptBeside adds what the file the interpreter runs loads from beside
// itself (the preset's script_beside: Quarkus's lib/), with a note; it
// reports whether that is the file's whole folder, which then stands for
// the file.
func (p *plan) scriptBeside(abs string) bool {
	f, pr := p.f, p.prog
	whole := false
	for i := range f.preset.ScriptBeside {
		sb := &f.preset.ScriptBeside[i]
		if !sb.Matches(abs) || f.scriptWhole(sb) {
			continue
		}
		for _, c := range sb.Copy {
			dir := path.Join(path.Dir(abs), c)
			if c == "." || dir == path.Dir(abs) {
				whole = true
			} else if !whole {
				// The file first, then what it loads.
				p.artifacts = append(p.artifacts, artifact{dir: path.Dir(abs), name: path.Base(abs), used: true, in: pr.holder})
			}
			if !slices.ContainsFunc(p.artifacts, func(a artifact) bool { return a.folder && a.dir == dir }) {
				p.artifacts = append(p.artifacts, artifact{dir: dir, folder: true, used: true, in: pr.holder})
			}
			what := dir + "/ whole, with the jar"
			if !whole {
				what = dir + "/ with the jar"
			}
			p.notes.note(pr.holder.first, infoScriptBeside, "the runtime copies %s: %s", what, sb.Why)
		}
		return whole || len(sb.Copy) > 0
	}
	return false
}

// scriptWhole reports whether the build context or a RUN line says the
// file holds what it needs (an über-jar), by the entry's unless rules.
func (f *facts) scriptWhole(sb *presets.ScriptBeside) bool {
	for _, st := range f.runs {
		if sb.RunSays(st.text) {
			return true
		}
	}
	if f.opt.Context == nil {
		return false
	}
	for i := range sb.Unless {
		u := &sb.Unless[i]
		data, err := readLimited(f.opt.Context, u.File, runScanPerFile)
		if err == nil && u.Says(data) {
			return true
		}
	}
	return false
}

// joinCmd appends the CMD's words to an exec-form ENTRYPOINT that runs
// the interpreter with no file of its own (ENTRYPOINT ["java"] and
// CMD ["-jar", "app.jar"]): Docker runs the CMD's words as the
// ENTRYPOINT's arguments, so the file the interpreter runs may be there.
func (p *plan) joinCmd() {
	f, pr := p.f, p.prog
	cmd := f.cmd
	if pr.holder.kw != "ENTRYPOINT" || pr.shellForm || pr.needsShell || pr.resolved || cmd == nil || cmd == pr.holder || pr.cmdIn != nil {
		return
	}
	if slices.Contains(pr.exec, f.preset.ScriptFlag) {
		return
	}
	line := cmdLine(cmd)
	if line == nil || line.PrependShell || len(line.CmdLine) == 0 || shell.CommandArg(line.CmdLine) > 0 {
		return
	}
	pr.cmdIn, pr.cmdAt = cmd, len(pr.exec)
	pr.exec = append(pr.exec, line.CmdLine...)
	pr.orig = append(pr.orig, line.CmdLine...)
}

// classPathProgram reads a command that runs a name from a class path
// (java -cp out com.example.App): the runtime gets the class path's
// folders, which must hold what the build compiled, and the command
// names the class path absolute, so that it runs the same class whatever
// the runtime's CLASSPATH or entrypoint.
func (p *plan) classPathProgram() error {
	f, pr := p.f, p.prog
	cp := f.preset.ClassPath
	line := pr.holder.first
	noName := func(why string) error {
		return declinef(declFileUnknown, "line %d: %s runs no %s file and %s: cannot tell what to copy", line, pr.word, f.preset.ScriptFlag, why)
	}
	value, at, name := "", -1, -1
	for i := 1; i < len(pr.exec) && name < 0; i++ {
		w := pr.exec[i]
		flag, v, eq := strings.Cut(w, "=")
		switch {
		case slices.Contains(cp.DeclineFlags, flag):
			return noName("runs " + w + " " + strings.Join(pr.exec[i+1:min(i+2, len(pr.exec))], ""))
		case slices.Contains(cp.Flags, w):
			if i+1 >= len(pr.exec) {
				return noName(w + " has no value")
			}
			value, at = pr.exec[i+1], i+1
			i++
		case eq && strings.HasPrefix(w, "--") && slices.Contains(cp.Flags, flag):
			value, at = v, i
		case slices.Contains(cp.ValueFlags, w):
			i++
		case strings.HasPrefix(w, "-"):
		default:
			name = i
		}
	}
	if name < 0 {
		return noName("names no class")
	}
	class := pr.exec[name]
	for _, ext := range cp.SourceExt {
		if strings.HasSuffix(class, ext) {
			return noName("runs the source file " + class)
		}
	}
	from := ""
	switch {
	case at >= 0:
		from = value
	case cp.Env != "" && f.envNow[cp.Env] != "":
		value = f.envNow[cp.Env]
		from = value + " ($" + cp.Env + ")"
	default:
		value = cp.Default
		from = value + " (the working folder, by default)"
	}
	if strings.ContainsAny(value, "$`") {
		return declinef(declRunTimeProgram, "line %d: %s runs %s from the class path %s, which is only known at run time", line, pr.word, class, value)
	}
	var entries []string
	workdirIn := false
	for _, e := range strings.Split(value, cp.Separator) {
		dir := strings.TrimSuffix(e, "/*") // every jar in a folder
		if dir == "*" {
			dir = "."
		}
		abs := p.abs(dir)
		if abs == "/" {
			return declinef(declAppInRoot, "line %d: %s runs the class %s from the class path %s, which is /: the classes cannot be told from the image's own files (set a WORKDIR)", line, pr.word, class, from)
		}
		if abs == f.workdir {
			workdirIn = true
			if e == "" && at >= 0 {
				from = value + " (an empty entry is the working folder)"
			}
		}
		entries = append(entries, strings.TrimSuffix(abs+strings.TrimPrefix(e, dir), "/."))
		if !slices.ContainsFunc(p.artifacts, func(a artifact) bool { return a.folder && a.dir == abs }) {
			p.artifacts = append(p.artifacts, artifact{dir: abs, folder: true, used: true, in: pr.holder})
		}
	}
	built := false
	for _, d := range f.classDirs {
		for _, e := range entries {
			e = strings.TrimSuffix(e, "/*")
			if d == e || within(d, []string{e}) {
				built = true
			}
		}
	}
	// A class path of project class outputs only (mvn's target/classes)
	// lacks the dependencies the project file declares.
	var only *projectClasses
	for _, e := range entries {
		pc, ok := f.projectClasses[e]
		if !ok {
			only = nil
			break
		}
		if only == nil || len(pc.deps) > 0 {
			only = &pc
		}
	}
	if built && only != nil && len(only.deps) > 0 {
		return declinef(declClassPathDeps, "line %d: %s runs the class %s from the class path %s, the classes %s compiles, but %s declares dependencies the class path does not hold (%s): %s", line, pr.word, class, value, only.tool, only.file, strings.Join(only.deps, ", "), only.why)
	}
	if !built {
		dirs := strings.Join(f.classDirs, ", ")
		if dirs == "" {
			dirs = "none that the file names"
		}
		writers := strings.Join(f.classWriters(), ", ")
		if writers == "" {
			writers = "the build"
		}
		return declinef(declNotBuilt, "line %d: %s runs the class %s from the class path %s, which holds none of the folders %s writes (%s): the class is not what the build compiles", line, pr.word, class, value, writers, dirs)
	}
	joined := strings.Join(entries, cp.Separator)
	if at >= 0 {
		if pr.exec[at] == value {
			pr.exec[at] = joined
		} else {
			flag, _, _ := strings.Cut(pr.exec[at], "=")
			pr.exec[at] = flag + "=" + joined
		}
	} else {
		pr.exec = slices.Concat(pr.exec[:name], []string{cp.Flags[0], joined}, pr.exec[name:])
		if pr.cmdIn != nil && name < pr.cmdAt {
			pr.cmdAt += 2
		}
	}
	pr.classPath = true
	flagName := cp.Flags[0]
	if at >= 0 {
		flagName, _, _ = strings.Cut(pr.exec[at], "=")
		if flagName == pr.exec[at] {
			flagName = pr.exec[at-1]
		}
	}
	p.classNote = fmt.Sprintf("%s runs the class %s from the class path %s: the runtime runs it with %s %s", pr.word, class, from, flagName, joined)
	p.classWorkdir = workdirIn
	return nil
}

// globMark stands for a glob the command had where a file goes.
const globMark = "__restage_glob__" // a plain word for the shell reader, which refuses NUL

// needApp checks that an interpreted program has an application folder.
func (p *plan) needApp() error {
	for _, a := range p.artifacts {
		if a.folder {
			return nil
		}
	}
	return declinef(declNoInstall, "line %d: the container runs %s, but no build step installs the application (%s)", p.prog.holder.first, p.prog.word, strings.Join(buildNames(p.f.preset), ", "))
}

// runner finds the preset runner a command starts with, the runner
// command as the file wrote it (/app/mvnw spring-boot:run for the
// preset's ./mvnw spring-boot:run) and the words after it.
func (p *plan) runner(ws []word) (*Runner, string, []word) {
	return p.f.runnerOf(ws, p.progDir())
}

func (f *facts) runnerOf(ws []word, cwd string) (*Runner, string, []word) {
	if len(ws) == 0 {
		return nil, "", nil
	}
	m, n := f.commandWords(ws, cwd)
	moved := f.moveOptions(m)
	for i := range f.preset.Runners {
		r := &f.preset.Runners[i]
		for _, c := range r.Commands {
			if hasPrefixWords(m, c) {
				k := n + len(strings.Fields(c)) - 1
				return r, strings.Join(wordTexts(ws[:k]), " "), ws[k:]
			}
		}
	}
	// A runner's own options written before its subcommand (`poetry
	// -C /app run`) are its options after it.
	for i := range f.preset.Runners {
		r := &f.preset.Runners[i]
		for _, c := range r.Commands {
			if hasPrefixWords(moved, c) {
				k := len(strings.Fields(c))
				return r, strings.Join(slices.Concat(wordTexts(ws[:n]), wordTexts(moved[1:k])), " "), moved[k:]
			}
		}
	}
	return nil, "", nil
}

// namedScript is a runner for a script run by name (npm run start:prod,
// yarn start:prod) that is one plain interpreter command with no hooks
// around it, resolved as the runner's own command is (review 24, finding
// I: the runtime kept npm and every development dependency for `node
// dist/main`). Any other script, or one given options or arguments, is
// left to the tool, which the runtime keeps: what it runs is not read
// here.
func (p *plan) namedScript(first []word) (*Runner, string) {
	f := p.f
	ws, _ := f.commandWords(first, p.progDir())
	r, n := scriptRunner(f.preset.Runners, ws, func(x *Runner) bool { return x.File != "" && x.ScriptsKey != "" && x.Tool != "" })
	if r == nil || len(ws) != n+1 || ws[n].dynamic || strings.HasPrefix(ws[n].text, "-") || p.prog.needsShell {
		return nil, ""
	}
	keys := r.NamedKeys(ws[n].text)
	key := r.ScriptsKey + "." + ws[n].text
	script, ok, err := p.readKey(r, key)
	if err != nil || !ok {
		return nil, ""
	}
	for _, k := range keys {
		if _, has, _ := p.readKey(r, k); has && k != key {
			return nil, ""
		}
	}
	sl := splitShell(script)
	if !sl.plain || len(sl.cmds) != 1 {
		return nil, ""
	}
	if args, _ := sl.cmds[0].argv(); len(args) < 2 || !f.preset.IsInterpreter(args[0].text) {
		return nil, ""
	}
	named := *r
	named.Key, named.Hooks, named.Default, named.BuiltScripts = key, nil, "", nil
	return &named, strings.Join(wordTexts(first), " ")
}

// resolveRunner replaces `npm start` and the like by the script it runs
// when that is a plain interpreter command; otherwise the runtime must
// keep the runner.
func (p *plan) resolveRunner(r *Runner, runCmd string, extra []word) error {
	f, pr := p.f, p.prog
	holder := pr.holder
	keep := func(why string) error {
		pr.tools = append(pr.tools, r.Tool)
		p.notes.note(holder.first, infoRunnerKept, "%s %s: the runtime keeps %s", runCmd, why, r.Tool)
		p.scriptGlobals()
		return p.needApp()
	}
	if r.Strip {
		return p.stripRunner(r, runCmd, extra)
	}
	if r.Dist != nil {
		return p.distRunner(r, runCmd, extra)
	}
	if r.Run != "" {
		if f.collect == nil {
			return declinef(declFromSource, "line %d: %s runs from source, and no build step here makes a file to run instead", holder.first, runCmd)
		}
		if why := f.notExecutable(r); why != "" {
			return declinef(declNotExecutable, "line %d: %s runs from source, and the jar the build on line %d writes is no executable jar: %s", holder.first, runCmd, f.collectAt.first, why)
		}
		if err := p.checkCollectUser(); err != nil {
			return err
		}
		pr.exec = strings.Fields(strings.ReplaceAll(r.Run, "{artifact}", f.collect.Path))
		p.collected = true
		pr.word, pr.resolved, pr.needsShell, pr.tools = pr.exec[0], true, false, nil
		if len(pr.wrap) > 0 {
			// The init wrapper stays in front of the new command.
			pr.tools = []string{path.Base(pr.wrap[0])}
		}
		p.notes.note(holder.first, infoRunBuilt, "%s runs from source: the runtime runs the built %s instead", runCmd, f.collect.Path)
		p.notes.note(holder.first, warnSourceRunDiffers, "%s ran the app through the build tool, with the settings it adds (its JVM arguments, profiles, dev tools, resources read from the source folder); the built %s runs without them: check that the app starts and behaves the same", runCmd, f.collect.Path)
		return p.checkProgram()
	}
	if pr.needsShell || len(extra) > 0 {
		return keep("is part of a longer command")
	}
	script, ok, err := p.readScript(r)
	if err != nil {
		return keep("cannot be resolved (" + err.Error() + ")")
	}
	for _, h := range r.Hooks {
		if _, has, _ := p.readKey(r, h); has {
			return keep(fmt.Sprintf("also runs %s from %s, which only %s runs", h, r.File, r.Tool))
		}
	}
	if !ok {
		if r.Default == "" {
			return declinef(declNoScriptDefined, "line %d: %s runs a script %s does not define", holder.first, runCmd, r.File)
		}
		script = r.Default
	}
	sl := splitShell(script)
	for _, d := range f.preset.Decline {
		if d.RunCommand == "" {
			continue
		}
		for _, c := range sl.cmds {
			if args, _ := c.argv(); p.runsDeclined(args, d.RunCommand) {
				return declinef(declPresetCommand, "line %d: %s runs `%s`: %s", holder.first, runCmd, script, d.Reason)
			}
		}
	}
	if !sl.plain || len(sl.cmds) != 1 {
		return keep(fmt.Sprintf("runs `%s`, which needs a shell", script))
	}
	args, _ := sl.cmds[0].argv()
	if len(args) < 2 || !f.preset.IsInterpreter(args[0].text) {
		notPlain := fmt.Sprintf("runs `%s`, not a plain %s command", script, strings.Join(f.preset.Interpreters[:min(1, len(f.preset.Interpreters))], ""))
		if key, built, ok := p.builtScript(r); ok {
			pr.exec, pr.word, pr.resolved = wordTexts(built), built[0].text, true
			p.notes.note(holder.first, infoBuiltScript, "%s %s; %s runs the built output with `%s`: the runtime runs that instead", runCmd, notPlain, key, strings.Join(wordTexts(built), " "))
			return p.checkProgram()
		}
		if ok, err := p.runnerBin(r, runCmd, script, notPlain, args); ok || err != nil {
			return err
		}
		return keep(notPlain)
	}
	pr.exec, pr.word, pr.resolved = wordTexts(args), args[0].text, true
	p.notes.note(holder.first, infoRunnerResolved, "%s runs `%s`: the runtime runs that directly", runCmd, script)
	return p.checkProgram()
}

// depBinOnPath finds a program run by name in the folder where the
// install puts the dependencies' programs (a runner's bins.dir, in the
// working folder), when the file's own PATH names that folder and the
// runner's file lists a package that gives the program: the build writes
// it there, and the app folder brings it to the runtime.
func (p *plan) depBinOnPath(prog string) (*Runner, string, bool) {
	f := p.f
	if prog == "" || strings.Contains(prog, "/") || f.preset.IsInterpreter(prog) {
		return nil, "", false
	}
	onPath := strings.Split(f.envNow["PATH"], ":")
	for i := range f.preset.Runners {
		r := &f.preset.Runners[i]
		if r.Bins == nil {
			continue
		}
		dir := p.abs(r.Bins.Dir)
		if !slices.Contains(onPath, dir) || !p.inFolder(dir) {
			continue
		}
		if p.listsProgram(r, prog) {
			return r, dir, true
		}
	}
	return nil, "", false
}

// useDepBin asks the runtime for what a program of the dependencies'
// folder needs (its #! line's env and node).
func (p *plan) useDepBin(r *Runner, dir string) {
	for _, t := range r.Bins.Needs {
		p.prog.tools = appendNew(p.prog.tools, t)
	}
	p.depBinDirs = appendNew(p.depBinDirs, dir)
}

// runsDepProgram says whether an exec-form command runs a dependency's
// program through a runner's program prefix (npx serve), which is a
// command line of the runtime's tools as `sh -c "npx serve"` is.
func (p *plan) runsDepProgram(exec []string) bool {
	if len(exec) == 0 {
		return false
	}
	ws := make([]word, len(exec))
	for i, a := range exec {
		ws[i] = word{text: a}
	}
	for i := range p.f.preset.Runners {
		if matchesAny(ws, p.f.preset.Runners[i].Programs) {
			return true
		}
	}
	return false
}

// runnerBin runs the program of a dependency that the runner's script
// runs (next start) from the folder where the install puts the
// dependencies' programs, when no runtime of the preset has the runner's
// tool (pnpm) to keep it. args is the script's one plain command.
func (p *plan) runnerBin(r *Runner, runCmd, script, notPlain string, args []word) (bool, error) {
	f, pr := p.f, p.prog
	if r.Bins == nil || len(args) == 0 || strings.Contains(args[0].text, "/") {
		return false, nil
	}
	for i := range f.preset.Runtimes {
		if f.preset.Runtimes[i].HasTool(r.Tool) {
			return false, nil
		}
	}
	prog := args[0].text
	pkg := prog
	if x, ok := r.Packages.Lookup(prog); ok {
		pkg = x
	}
	listed := false
	for _, k := range r.Bins.Keys {
		if v, ok, err := p.readValue(r, k); ok && err == nil {
			if m, ok := v.(map[string]any); ok && m[pkg] != nil {
				listed = true
			}
		}
	}
	if !listed {
		return false, nil
	}
	bin := p.abs(path.Join(r.Bins.Dir, prog))
	pr.exec = append([]string{bin}, wordTexts(args[1:])...)
	pr.word, pr.resolved = bin, true
	for _, t := range r.Bins.Needs {
		pr.tools = appendNew(pr.tools, t)
	}
	p.notes.note(pr.holder.first, infoRunnerBin, "%s %s, and no runtime image has %s: the runtime runs %s, the program of the dependency %s, from %s directly", runCmd, notPlain, r.Tool, prog, pkg, path.Dir(bin))
	return true, p.needApp()
}

// stripRunner drops `poetry run` and the like: the runtime has the
// environment on PATH and runs the rest itself.
func (p *plan) stripRunner(r *Runner, runCmd string, rest []word) error {
	pr := p.prog
	noteLine := pr.holder.first
	words := rest
	projects := p.projectDirs(r)
	opts, rest, err := runnerOptions(r, runCmd, rest, pr.holder.first, p.progDir(), projects)
	if err != nil {
		return err
	}
	via := ""
	if len(rest) == 0 {
		ep := pr.holder
		cmdWords, err := p.runnerCmdFromCmd(runCmd)
		if err != nil {
			return err
		}
		if opts, rest, err = runnerOptions(r, runCmd, append(slices.Clone(words), cmdWords...), ep.first, p.progDir(), projects); err != nil {
			return err
		}
		if len(rest) == 0 {
			return declinef(declRunsNothing, "line %d: %s runs nothing", ep.first, runCmd)
		}
		// The CMD is now the whole command, as if the file had written
		// the runner there: the ENTRYPOINT, which held the runner alone,
		// leaves the runtime, so that a command given to docker run runs
		// in the environment on PATH as the runner ran it.
		pr.holder, pr.cmdIn, pr.orig = p.f.cmd, nil, cmdLine(p.f.cmd).CmdLine
		pr.first = strings.Join(wordTexts(slices.Concat(words, cmdWords)), " ")
		p.dropped = append(p.dropped, ep)
		p.dropWhy(ep, "held only the runner "+runCmd+", which is left out; the CMD is the whole command")
		via = fmt.Sprintf("; the exec-form ENTRYPOINT ran it with the CMD on line %d as its command (Docker appends the CMD's words), so the runtime has no ENTRYPOINT and the CMD is the whole command", p.f.cmd.first)
	}
	// A file the runner hands to an interpreter (uv run main.py) is the
	// interpreter's argument once the runner is gone: exec'd as it is,
	// it has no #! line to start with (review 13, finding A).
	with := ""
	if w := rest[0]; r.ScriptWith != "" && !w.dynamic && slices.ContainsFunc(r.ScriptEnds, func(e string) bool {
		return strings.HasSuffix(w.text, e) && len(w.text) > len(e)
	}) {
		with = r.ScriptWith
		if err := p.scriptDeclines(r, runCmd, w.text); err != nil {
			return err
		}
	}
	var assigns []string
	if pr.needsShell {
		// Keep the shell form, without the runner and its options in
		// front.
		text := strings.Join(cmdLine(pr.holder).CmdLine, " ")
		lead, as, ok := runnerLead(text, runCmd)
		if !ok {
			return declinef(declRunnerStuck, "line %d: cannot take %s out of the command", pr.holder.first, runCmd)
		}
		text = strings.TrimPrefix(text[len(lead):], runCmd+" ")
		for _, o := range opts {
			// An option written with quotes or expansions is not its
			// plain text in the shell's: no sure cut.
			if o.dynamic || !strings.HasPrefix(text, o.text+" ") {
				return declinef(declRunnerStuck, "line %d: cannot take %s out of the command", pr.holder.first, runCmd)
			}
			text = strings.TrimLeft(strings.TrimPrefix(text, o.text), " \t")
		}
		pr.word, assigns = rest[0].text, as
		if with != "" {
			text, pr.word = with+" "+text, with
		}
		pr.newText = pr.holder.node.Value + " " + lead + text
	} else {
		pr.exec, pr.word, pr.resolved = wordTexts(rest), rest[0].text, true
		if with != "" {
			pr.exec, pr.word = append([]string{with}, pr.exec...), with
		}
	}
	p.stripped = true
	var named []string
	for _, o := range opts {
		if o.text != r.End {
			named = append(named, o.text)
		}
	}
	ran := ""
	if with != "" {
		ran = fmt.Sprintf("; %s ran %s with %s, as it does a file ending in %s, so the runtime runs %s %s", strings.Fields(runCmd)[0], rest[0].text, with, path.Ext(rest[0].text), with, rest[0].text)
	}
	if len(named) > 0 {
		p.notes.note(noteLine, infoRunnerStripped, "%s is left out with its own options %s: the runtime has the environment on PATH%s%s", runCmd, strings.Join(named, " "), ran, via)
	} else {
		p.notes.note(noteLine, infoRunnerStripped, "%s is left out: the runtime has the environment on PATH%s%s", runCmd, ran, via)
	}
	p.noteRunnerAssigns(runCmd, assigns)
	return p.checkProgram()
}

// runnerCmdFromCmd gives the words of the CMD that an exec-form
// ENTRYPOINT holding a runner alone (ENTRYPOINT ["pipenv", "run"]) runs:
// Docker appends an exec-form CMD's words to it, so the runner runs the
// CMD (review 15, finding D). Anything else is declined with its own
// reason: no CMD, or a shell-form ENTRYPOINT, which ignores it (the
// runner runs nothing), a shell-form CMD (the runner runs /bin/sh -c and
// its text) or a runner behind an init wrapper.
func (p *plan) runnerCmdFromCmd(runCmd string) ([]word, error) {
	f, pr := p.f, p.prog
	ep := pr.holder
	if ep.kw != "ENTRYPOINT" || pr.shellForm || pr.exec == nil || pr.needsShell || pr.cmdIn != nil || f.cmd == nil || f.cmd == ep {
		return nil, declinef(declRunsNothing, "line %d: %s runs nothing", ep.first, runCmd)
	}
	if len(pr.wrap) > 0 {
		return nil, declinef(declCommandUnclear, "line %d: ENTRYPOINT runs %s under the init wrapper %s with the CMD on line %d as its command: restage reads a runner's command from the CMD only when the ENTRYPOINT holds the runner alone", ep.first, runCmd, pr.wrap[0], f.cmd.first)
	}
	cl := cmdLine(f.cmd)
	if cl.PrependShell {
		return nil, declinef(declCommandUnclear, "line %d: ENTRYPOINT runs %s with the shell-form CMD on line %d as its command (/bin/sh -c and the CMD's text): restage reads a runner's command from the CMD only when the CMD is exec form", ep.first, runCmd, f.cmd.first)
	}
	if len(cl.CmdLine) == 0 {
		return nil, declinef(declRunsNothing, "line %d: %s runs nothing", ep.first, runCmd)
	}
	var ws []word
	for _, a := range cl.CmdLine {
		ws = append(ws, word{text: a})
	}
	return ws, nil
}

// scriptDeclines reads the script file a runner hands to its
// interpreter, when a COPY from the context brought it, for a sign that
// the runner runs it otherwise.
func (p *plan) scriptDeclines(r *Runner, runCmd, file string) error {
	if len(r.ScriptDeclines) == 0 || p.f.opt.Context == nil {
		return nil
	}
	src, ok := p.contextFileAt(p.abs(file))
	if !ok {
		return nil
	}
	data, err := readLimited(p.f.opt.Context, src, runScanPerFile)
	if err != nil {
		return nil
	}
	for _, d := range r.ScriptDeclines {
		if d.Matches(data) {
			return declinef(declScriptOwnEnv, "line %d: %s %s: %s %s", p.prog.holder.first, runCmd, file, file, d.Why)
		}
	}
	return nil
}

// noteRunnerAssigns says that the assignments in front of a runner stay.
func (p *plan) noteRunnerAssigns(runCmd string, assigns []string) {
	pr := p.prog
	switch len(assigns) {
	case 0:
	case 1:
		p.notes.note(pr.holder.first, infoRunnerAssigns, "the assignment %s in front of %s stays in front of the command: it set the environment of what the runner ran too", assigns[0], runCmd)
	default:
		p.notes.note(pr.holder.first, infoRunnerAssigns, "the assignments %s in front of %s stay in front of the command: they set the environment of what the runner ran too", strings.Join(assigns, " "), runCmd)
	}
}

// runnerLead is what stands in front of the runner in a shell command
// line: NAME=value assignments, which set the environment of the runner
// and so of the program it runs (review 12, finding D), and exec. Both
// keep their meaning in front of the program once the runner is gone;
// any other word there (a wrapper with its own options) is not read, so
// ok is false. assigns are the assignments as written.
func runnerLead(text, runCmd string) (lead string, assigns []string, ok bool) {
	sc, err := shell.Parse(text)
	if err != nil || len(sc.Cmds) == 0 {
		return "", nil, false
	}
	c := sc.Cmds[0]
	if c.Prog >= len(c.Words) || strings.TrimSpace(text[:c.Pos]) != "" {
		return "", nil, false
	}
	for _, w := range c.Words[:c.Prog] {
		if w.Text != "exec" {
			return "", nil, false
		}
	}
	for _, a := range c.Assigns {
		assigns = append(assigns, text[a.Pos:a.End])
	}
	at := c.Words[c.Prog].Pos
	if !strings.HasPrefix(text[at:], runCmd+" ") {
		return "", nil, false
	}
	return text[:at], assigns, true
}

// runnerOptions splits the words after a stripped runner into its own
// options, which go with it, and the command it runs. An option that
// changes what runs, or one the preset does not list, declines: taken
// for the command it would be the container's program (review 12,
// finding E), and dropped unread it could change what runs.
//
// A project option (ProjectFlags) naming, read in cwd, one of projects,
// the folders where the build's project installs ran, names the
// environment the build made and goes with the runner too.
func runnerOptions(r *Runner, runCmd string, rest []word, line int, cwd string, projects []string) (opts, cmd []word, err error) {
	i := 0
	for ; i < len(rest); i++ {
		w := rest[i]
		if r.End != "" && w.text == r.End {
			opts = append(opts, w)
			i++
			break
		}
		if !strings.HasPrefix(w.text, "-") || w.text == "-" {
			break
		}
		name, value, eq := strings.Cut(w.text, "=")
		dirFlag := slices.Contains(r.ProjectDirFlags, name)
		if (dirFlag || slices.Contains(r.ProjectFlags, name)) && !w.dynamic {
			k := i
			if !eq && i+1 < len(rest) {
				k, value = i+1, rest[i+1].text
			}
			dir := absIn(cwd, value)
			if (eq || k > i) && !rest[k].dynamic && value != "" && slices.Contains(projects, dir) && (!dirFlag || dir == path.Clean(cwd)) {
				opts = append(opts, rest[i:k+1]...)
				i = k
				continue
			}
		}
		if why, ok := r.DeclineFlags.Lookup(name); ok {
			return nil, nil, declinef(declCommandOption, "line %d: `%s %s`: %s", line, runCmd, name, why)
		}
		switch {
		case w.dynamic:
			return nil, nil, declinef(declCommandOption, "line %d: `%s %s`: an option only known at run time, so restage cannot tell that the command runs the same without the runner", line, runCmd, w.text)
		case slices.Contains(r.Flags, w.text):
			opts = append(opts, w)
		case slices.Contains(r.ValueFlags, name) && eq:
			opts = append(opts, w)
		case slices.Contains(r.ValueFlags, w.text) && i+1 < len(rest):
			opts = append(opts, w, rest[i+1])
			i++
		default:
			return nil, nil, declinef(declCommandOption, "line %d: `%s %s`: not an option of %s that restage knows, so it cannot tell that the command runs the same without the runner", line, runCmd, name, runCmd)
		}
	}
	return opts, rest[i:], nil
}

// projectDirs are the folders where the file's build steps that r's
// ProjectBuilds name ran: the projects whose environment the build made.
func (p *plan) projectDirs(r *Runner) []string {
	var dirs []string
	for _, run := range p.f.runs {
		for _, b := range run.builds {
			if slices.Contains(r.ProjectBuilds, b.bc.Command) {
				if dir, ok := buildProject(r, b); ok {
					dirs = appendNew(dirs, dir)
				}
			}
		}
	}
	return dirs
}

// buildProject is the folder of the project a build step installed:
// the one its own project option names (poetry install -C /app), read
// in the step's folder, else that folder; false when the option's value
// is known only when the step runs.
func buildProject(r *Runner, b buildUse) (string, bool) {
	dir := path.Clean(b.cwd)
	for i, a := range b.args {
		name, value, eq := strings.Cut(a.text, "=")
		if !slices.Contains(r.ProjectFlags, name) && !slices.Contains(r.ProjectDirFlags, name) {
			continue
		}
		if !eq {
			if i+1 >= len(b.args) {
				return "", false
			}
			value = b.args[i+1].text
			if b.args[i+1].dynamic {
				return "", false
			}
		}
		if a.dynamic || value == "" {
			return "", false
		}
		dir = absIn(b.cwd, value)
	}
	return dir, true
}

// readScript reads the runner's script from the build context.
func (p *plan) readScript(r *Runner) (string, bool, error) {
	return p.readKey(r, r.Key)
}

// readKey reads a dotted key of the runner's JSON file.
func (p *plan) readKey(r *Runner, key string) (string, bool, error) {
	doc, ok, err := p.readValue(r, key)
	if err != nil || !ok {
		return "", false, err
	}
	str, ok := doc.(string)
	return str, ok, nil
}

// readValue reads the value at a dotted key of the runner's JSON file
// in the working folder, where the command runs.
func (p *plan) readValue(r *Runner, key string) (any, bool, error) {
	return p.readValueIn(p.f.workdir, r, key)
}

// readValueIn reads the value at a dotted key of the runner's JSON file
// in the folder dir of the image. The file is read and decoded once per
// conversion: a runner's script, its hooks and the scripts that may
// replace it are all keys of it.
func (p *plan) readValueIn(dir string, r *Runner, key string) (any, bool, error) {
	f := p.f
	if f.opt.Context == nil {
		return nil, false, fmt.Errorf("the build context is not available to read %s", r.File)
	}
	abs := path.Join(dir, r.File)
	doc, seen := p.jsonDocs[abs]
	if !seen {
		// The COPY that wrote the file there says which file of the
		// context it is: COPY app/ . brings app/package.json (review 5,
		// finding C), not the context's root one.
		text, from, found := f.contextFileAt(abs)
		if !found {
			return nil, false, fmt.Errorf("%s is not readable", r.File)
		}
		if err := json.Unmarshal([]byte(text), &doc); err != nil {
			return nil, false, fmt.Errorf("%s is not valid JSON", r.File)
		}
		if p.jsonDocs == nil {
			p.jsonDocs, p.jsonFrom = map[string]any{}, map[string]string{}
		}
		p.jsonDocs[abs], p.jsonFrom[abs] = doc, from
	}
	v, ok := jsonAt(doc, key)
	return v, ok, nil
}

// jsonAt is the value at a dotted key of a decoded JSON document.
func jsonAt(doc any, key string) (any, bool) {
	for _, k := range strings.Split(key, ".") {
		m, ok := doc.(map[string]any)
		if !ok {
			return nil, false
		}
		if doc, ok = m[k]; !ok {
			return nil, false
		}
	}
	return doc, true
}

// finishCommand writes the command for the chosen runtime: the program's
// absolute path, exec form, and no interpreter where the image's
// entrypoint is one.
func (p *plan) finishCommand() {
	pr, r := p.prog, p.runtime
	if pr.exec == nil {
		return
	}
	exec := append([]string(nil), pr.exec...)
	clearEntrypoint := false
	cmdAt := pr.cmdAt + len(pr.wrap)
	switch {
	case pr.classPath && len(r.Entrypoint) > 0:
		// The image's entrypoint (java -jar) would take the class for a
		// jar: the command runs the runtime's interpreter itself, and a
		// CMD comes with an empty ENTRYPOINT, so that a command given to
		// docker run still replaces it whole, as it did.
		exec[0] = r.Entrypoint[0]
		clearEntrypoint = pr.holder.kw == "CMD"
	case pr.art != nil:
		exec[0] = pr.abs
	case pr.interp && len(r.Entrypoint) > 0 && pr.holder.kw == "CMD":
		// The image's entrypoint is the interpreter (and its leading
		// arguments, java -jar): the CMD starts after them, and options
		// that stood before them go to the interpreter's variable.
		exec = exec[1:]
		if len(r.Entrypoint) > 1 {
			at := slices.Index(exec, r.Entrypoint[1])
			if at >= 0 {
				for _, o := range exec[:at] {
					p.optionsEnv = append(p.optionsEnv, optionWord{o, true})
				}
				exec = exec[at+len(r.Entrypoint)-1:]
			}
		}
	case pr.interp && len(r.Entrypoint) > 0:
		exec[0] = r.Entrypoint[0]
	}
	if p.classNote != "" {
		note := p.classNote
		if clearEntrypoint {
			ep := append([]string{path.Base(r.Entrypoint[0])}, r.Entrypoint[1:]...)
			note += fmt.Sprintf(", and ENTRYPOINT [] clears the runtime image's %s entrypoint", strings.Join(ep, " "))
		}
		p.notes.note(pr.holder.first, infoClassPath, "%s", note)
		if p.classWorkdir {
			p.notes.note(pr.holder.first, infoClassPathWorkdir, "the class path holds the working folder %s, where %s wrote the classes among the sources: the runtime copies the whole folder, sources included", p.f.workdir, strings.Join(p.f.classWriters(), ", "))
		}
	}
	exec = slices.Concat(pr.wrap, exec)
	same := len(exec) == len(pr.orig)
	for i := range exec {
		same = same && exec[i] == pr.orig[i]
	}
	if same && !pr.shellForm && !pr.resolved {
		return
	}
	if pr.cmdIn != nil {
		// The ENTRYPOINT keeps its words, the CMD its own: each is
		// rewritten only where it changed.
		ep, cmd := exec[:cmdAt], exec[cmdAt:]
		if !slices.Equal(cmd, cmdLine(pr.cmdIn).CmdLine) {
			pr.cmdText = pr.cmdIn.node.Value + " " + jsonArgs(cmd)
		}
		// An init wrapper's command rewritten has its note (RS160); the
		// CMD joined to another ENTRYPOINT gets this one.
		if pr.cmdText != "" && len(ep) != len(pr.wrap) {
			what := fmt.Sprintf("%s %s runs the file the CMD names, which the CMD now names by its absolute path", pr.word, p.f.preset.ScriptFlag)
			if pr.classPath {
				what = fmt.Sprintf("%s runs the class the CMD names, from a class path the command now names absolute", pr.word)
			}
			p.notes.note(pr.cmdIn.first, infoCmdJoined, "the exec-form ENTRYPOINT on line %d runs %s with the CMD's words after it, as Docker joins them: %s", pr.holder.first, pr.word, what)
		}
		if slices.Equal(ep, pr.orig[:len(ep)]) && len(ep) == len(cmdLine(pr.holder).CmdLine) {
			return
		}
		exec = ep
	}
	pr.newText = pr.holder.node.Value + " " + jsonArgs(exec)
	if clearEntrypoint {
		src := p.f.src
		pr.newText = src.kw("ENTRYPOINT") + " []" + src.eol + pr.newText
	}
	if pr.shellForm {
		p.notes.note(pr.holder.first, infoExecForm, "shell-form %s becomes exec form, so that signals reach the program directly", pr.holder.kw)
	}
}

// progDir is the folder the command's program is read in: the working
// folder, or the one a leading `cd DIR &&` changes to.
func (p *plan) progDir() string {
	if p.prog != nil && p.prog.dir != "" {
		return p.prog.dir
	}
	return p.f.workdir
}

// abs is the absolute path of a path the command names, read in progDir.
func (p *plan) abs(w string) string { return absIn(p.progDir(), w) }

// resolve finds the artifact a command's program word names, and its
// absolute path.
// inOwnEnv reports whether abs lies in the bin/ folder of an environment
// the file names as its install's own.
func (f *facts) inOwnEnv(abs string) bool {
	for _, d := range f.ownEnvs {
		if path.Dir(abs) == path.Join(d, "bin") {
			return true
		}
	}
	return false
}

func (p *plan) resolve(w string) (string, *artifact) {
	f := p.f
	arts := p.artifacts
	if strings.Contains(w, "/") {
		abs := p.abs(w)
		for i := range arts {
			if arts[i].name != "" && arts[i].path() == abs {
				return abs, &arts[i]
			}
		}
		for i := range arts {
			if arts[i].name == "" && arts[i].dir == path.Dir(abs) {
				return abs, &arts[i]
			}
		}
		return abs, nil
	}
	pathDirs := strings.Split(f.envNow["PATH"], ":")
	onPath := func(d string) bool {
		for _, x := range pathDirs {
			if path.Clean(x) == d {
				return true
			}
		}
		return false
	}
	for i := range arts {
		if arts[i].name == w && onPath(arts[i].dir) {
			return arts[i].path(), &arts[i]
		}
	}
	for i := range arts {
		if arts[i].name == "" && onPath(arts[i].dir) {
			return path.Join(arts[i].dir, w), &arts[i]
		}
	}
	return w, nil
}

func (p *plan) artifactList() string {
	var out, ours []string
	for _, a := range p.artifacts {
		switch {
		case a.name == "" && p.f.prepared != nil && slices.Contains(p.f.prepared.Copy, a.dir):
			// restage's own environment is no write of the file's: say so.
			ours = append(ours, a.dir)
		case a.name == "":
			out = append(out, "a file in "+a.dir)
		default:
			out = append(out, a.path())
		}
	}
	s := "it writes none"
	if len(out) > 0 {
		s = "it writes " + strings.Join(out, ", ")
	}
	if len(ours) > 0 {
		s += ", and its install goes into " + strings.Join(ours, ", ") + ", the environment restage adds"
	}
	return s
}

func jsonArgs(args []string) string {
	parts := make([]string, len(args))
	for i, a := range args {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(a)
		parts[i] = strings.TrimSuffix(b.String(), "\n")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// noteContextArtifact warns when the file the command runs is copied in
// from the build context after a build step: the runtime then gets the
// context's file (often a stale or missing prebuilt one), as the
// original did, not what the build made.
func (p *plan) noteContextArtifact(abs string) {
	f := p.f
	lastBuild := 0
	for _, r := range f.runs {
		if len(r.builds) > 0 {
			lastBuild = r.in.first
		}
	}
	if lastBuild == 0 {
		return
	}
	for i := len(f.copies) - 1; i >= 0; i-- {
		c := f.copies[i]
		if c.in.first < lastBuild {
			return
		}
		dest := c.cp.DestPath
		if d, ok := f.expand(dest); ok {
			dest = d
		}
		absDest := path.Join(c.cwd, dest)
		if path.IsAbs(dest) {
			absDest = path.Clean(dest)
		}
		for _, s := range c.cp.SourcePaths {
			to := absDest
			if strings.HasSuffix(dest, "/") || len(c.cp.SourcePaths) > 1 {
				to = path.Join(absDest, path.Base(s))
			}
			if to == abs {
				p.notes.note(c.in.first, warnContextArtifact, "%s is copied from the build context (%s), not from what the build on line %d made: the runtime gets the context's file, as the original did, and the build fails when the context has none; copy the build's output with RUN cp instead", abs, s, lastBuild)
				return
			}
		}
	}
}

// builtScript finds a script of the runner's file that runs the build's
// output with a plain interpreter command (start:prod = node dist/main),
// for when the runner's own script needs more than the runtime keeps.
// The file it runs must be one a build step writes: the file has a build
// step that is neither an install nor makes an artifact of its own (npm
// run build).
func (p *plan) builtScript(r *Runner) (string, []word, bool) {
	f := p.f
	if !p.scriptBuild() {
		return "", nil, false
	}
	for _, b := range r.BuiltScripts {
		script, ok, err := p.readKey(r, b.Key)
		if err != nil || !ok {
			continue
		}
		hooked := false
		for _, h := range b.Hooks {
			if _, has, _ := p.readKey(r, h); has {
				hooked = true
			}
		}
		sl := splitShell(script)
		if hooked || !sl.plain || len(sl.cmds) != 1 {
			continue
		}
		args, env := sl.cmds[0].argv()
		if len(env) > 0 || len(args) < 2 || !f.preset.IsInterpreter(args[0].text) {
			continue
		}
		file := ""
		for _, a := range args[1:] {
			if a.dynamic {
				file = ""
				break
			}
			if file == "" && !strings.HasPrefix(a.text, "-") {
				file = a.text
			}
		}
		if file == "" {
			continue
		}
		return b.Key, args, true
	}
	return "", nil, false
}

// scriptBuild tells whether a RUN runs a build step that writes into the
// app folder (a build script), as opposed to installing dependencies or
// making an artifact of its own.
func (p *plan) scriptBuild() bool {
	for _, r := range p.f.runs {
		for _, b := range r.builds {
			if !b.bc.App && b.bc.Artifact == nil && b.bc.Collect == nil {
				return true
			}
		}
	}
	return false
}

// outputNotBuilt declines a command that runs a file of a build's output
// folder under a name the project file does not give it (review 6, H:
// CMD java -jar target/demo-0.0.1-SNAPSHOT.jar with a pom.xml whose
// artifactId is WebInterface): the original cannot start either, and a
// COPY of the file would fail the build. Nothing is judged when the name
// cannot be told, or when a RUN names the file or a COPY comes after the
// build (either may put it there).
func (p *plan) outputNotBuilt(abs string) error {
	f := p.f
	last, line, dir, file, ok := p.lastOutputBuild()
	if !ok {
		return nil
	}
	o := last.bc.Output
	if path.Dir(abs) != path.Join(dir, o.Dir) {
		return p.pathNotWritten(abs, last, line, dir, file)
	}
	name := path.Base(abs)
	for _, r := range f.runs {
		if strings.Contains(r.text, name) {
			return nil
		}
	}
	for _, c := range f.copies {
		if c.in.first > line {
			return nil
		}
	}
	text, from, ok := f.contextFileMax(path.Join(dir, file), 1<<20)
	if !ok {
		return nil
	}
	base, ok := o.BaseName([]byte(text))
	if !ok || o.Writes(base, name) {
		return nil
	}
	pr := p.prog
	built := path.Join(dir, o.Dir, base+o.Ext)
	// A file of that name committed in the context (target/ checked in)
	// is what the COPY put there and what runs, prebuilt, beside the
	// build's own output (review 26, finding D): the original starts,
	// but not with what the build makes, so there is still nothing to
	// split off.
	cleans := slices.ContainsFunc(last.args, func(w word) bool { return slices.Contains(o.CleanArgs, w.text) })
	if _, ctx, by, ok := f.contextFileCopy(abs, -1, line); ok && !cleans {
		return declinef(declOutputNotBuilt, "line %d: %s runs %s, which the build on line %d does not write: %s (%s), so it writes %s; %s comes prebuilt from the build context (%s, by the %s on line %d), so the container runs that file and not the build's output, and there is nothing to split off (run %s, the build's own, and leave %s out of the context with .dockerignore, or make the build write the name the command runs)", pr.holder.first, pr.holder.kw, abs, line, o.Why, from, built, name, ctx, by.kw, by.first, built, ctx)
	}
	return declinef(declOutputNotBuilt, "line %d: %s runs %s, which the build on line %d does not write: %s (%s), so it writes %s%s in %s; the original container cannot start either (the file is missing), so there is nothing to copy (run %s instead, or make the build write the name the command runs)", pr.holder.first, pr.holder.kw, abs, line, o.Why, from, base, o.Ext, path.Join(dir, o.Dir), path.Join(dir, o.Dir, base+o.Ext))
}

// pathNotWritten declines a command that runs a file outside every
// folder a step of the file may write (review 22, E: java -jar /target.jar
// after mvn install in /app): the original builds and fails only at
// start, but a COPY --from of the file would fail the converted build, so
// converting with a warning would turn a building file into a failing
// build. Nothing is judged when a RUN names the file or runs in a folder
// holding it, or when a COPY writes into a folder holding it (a step may
// put it there, or the context may hold it).
func (p *plan) pathNotWritten(abs string, last *buildUse, line int, dir, file string) error {
	f := p.f
	name := path.Base(abs)
	for _, r := range f.runs {
		if strings.Contains(r.text, name) || under(abs, r.cwd) || r.unread {
			return nil
		}
	}
	for _, c := range f.copies {
		dest := c.cp.DestPath
		if d, ok := f.expand(dest); ok {
			dest = d
		}
		if strings.Contains(dest, "$") {
			return nil
		}
		if under(abs, absIn(c.cwd, dest)) {
			return nil
		}
	}
	o := last.bc.Output
	writes := "writes in " + path.Join(dir, o.Dir)
	run := ""
	if text, from, ok := f.contextFileMax(path.Join(dir, file), 1<<20); ok {
		if base, ok := o.BaseName([]byte(text)); ok {
			writes = fmt.Sprintf("writes %s%s in %s (%s: %s)", base, o.Ext, path.Join(dir, o.Dir), from, o.Why)
			run = fmt.Sprintf("run %s instead, or ", path.Join(dir, o.Dir, base+o.Ext))
		}
	}
	pr := p.prog
	return declinef(declPathNotWritten, "line %d: %s runs %s, which no COPY brings into the image and no RUN writes: the build on line %d %s; the original image builds and its container cannot start (the file is missing), and a copy of the file into the runtime would fail the build (%smake a RUN write %s)", pr.holder.first, pr.holder.kw, abs, line, writes, run, abs)
}

// lastOutputBuild finds the last build step whose output the preset
// names (mvn package: target/), the RUN line it is on, and the project
// file it reads (its folder and name).
func (p *plan) lastOutputBuild() (last *buildUse, line int, dir, file string, ok bool) {
	f := p.f
	for i := range f.runs {
		for j := range f.runs[i].builds {
			if b := &f.runs[i].builds[j]; b.bc.Output != nil {
				last, line = b, f.runs[i].in.first
			}
		}
	}
	if last == nil || f.opt.Context == nil {
		return nil, 0, "", "", false
	}
	if dir, file, ok = projectFile(last); !ok {
		return nil, 0, "", "", false
	}
	return last, line, dir, file, true
}

// projectFile returns the folder and name of the project file a build
// step with an output reads (mvn -f names another).
func projectFile(b *buildUse) (dir, file string, ok bool) {
	return projectFileOf(b, b.bc.Output)
}

// projectFileOf is projectFile for the project file o names.
func projectFileOf(b *buildUse, o *presets.OutputNames) (dir, file string, ok bool) {
	dir, file = b.cwd, o.File
	for i := 0; i < len(b.args); i++ {
		w := b.args[i]
		name, val, has := strings.Cut(w.text, "=")
		if !slices.Contains(o.FileFlags, name) {
			continue
		}
		if !has {
			if i+1 >= len(b.args) {
				return "", "", false
			}
			i++
			w, val = b.args[i], b.args[i].text
		}
		if w.dynamic || val == "" {
			return "", "", false
		}
		pf := val // a project file, or its folder
		if path.Ext(val) != ".xml" {
			pf = path.Join(val, o.File)
		}
		if !path.IsAbs(pf) {
			pf = path.Join(b.cwd, pf)
		}
		dir, file = path.Dir(pf), path.Base(pf)
	}
	return dir, file, true
}

// notExecutable reports why the artifact the runner's Run starts would not
// start, "" when one of the preset's ways to make it startable holds
// (review 31, finding B: mvn install writes a plain jar unless Spring
// Boot's repackage goal runs).
func (f *facts) notExecutable(r *Runner) string {
	x := r.Executable
	if x == nil {
		return ""
	}
	b := &f.collectBuild
	var pom []byte
	shown := ""
	read := false
	for _, w := range x.Any {
		holds := true
		if len(w.Args) > 0 {
			holds = slices.ContainsFunc(b.args, func(a word) bool {
				t := a.text
				if sep := b.bc.TaskSep; sep != "" && !strings.HasPrefix(t, "-") {
					if i := strings.LastIndex(t, sep); i >= 0 {
						t = t[i+len(sep):]
					}
				}
				return !a.dynamic && slices.Contains(w.Args, t)
			})
		}
		if holds && len(w.Project) > 0 {
			if !read {
				read = true
				if b.bc.Output != nil && f.opt.Context != nil {
					if dir, file, ok := projectFile(b); ok {
						if text, from, ok := f.contextFileMax(path.Join(dir, file), 1<<20); ok {
							pom, shown = []byte(text), from
						}
					}
				}
			}
			for _, e := range w.Project {
				h, ok := e.Holds(pom)
				holds = holds && pom != nil && ok && h
			}
		}
		if holds {
			return ""
		}
	}
	if shown == "" && b.bc.Output != nil {
		shown = b.bc.Output.File
	}
	return strings.ReplaceAll(x.Why, "{file}", shown)
}

// runtimeProgram reports whether prog is a bare name that some runtime of
// the preset has as a program of its own (npx on node's slim and alpine
// images): a shell finds it on PATH in those images, with no file of the
// build behind it. A name with a folder, or one only an install would put
// on PATH (prisma in node_modules/.bin), is not one.
func (p *plan) runtimeProgram(prog string) bool {
	if strings.Contains(prog, "/") || shell.IsShell(prog) {
		return false
	}
	for i := range p.f.preset.Runtimes {
		if p.f.preset.Runtimes[i].HasTool(prog) {
			return true
		}
	}
	return false
}

// checkCollectUser declines a collected build that runs as a non-root
// user: the collecting line runs as that user too and makes a folder at
// the top (mkdir -p /app), which only root may, so the builder would fail
// there (a gradle image up to 5.4 runs as gradle).
func (p *plan) checkCollectUser() error {
	f := p.f
	u := f.collectUser
	if u == "" || isRootUser(u) {
		return nil
	}
	who := "USER " + u
	if f.user == nil {
		who = fmt.Sprintf("the user %s, which %s sets,", u, f.image)
	}
	return declinef(declCollectUser, "line %d: the build runs as %s who cannot make %s, where restage would collect its output for the runtime (the collecting line follows the build as the same user); run the build as root (USER root before it)", f.collectAt.first, who, path.Dir(f.collect.Path))
}
