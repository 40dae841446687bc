package transform

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// Bound on the script read from the build context: an entrypoint script
// is a page of shell, not a data file.
const scriptMaxBytes = 256 << 10

// shellScript accepts a command that hands a script file to a shell
// (ENTRYPOINT ["sh", "entrypoint.sh"]): the runtime needs that shell, the
// script at the same path, and every program the script runs. The script
// is read from the build context; when it cannot be, what the container
// runs cannot be told and the file is declined.
func (p *plan) shellScript() error {
	f, pr := p.f, p.prog
	holder := pr.holder
	script := ""
	for _, a := range pr.exec[1:] {
		if !strings.HasPrefix(a, "-") {
			script = a
			break
		}
	}
	if script == "" || strings.ContainsAny(script, "$`") {
		return declinef(declCommandUnclear, "line %d: cannot tell which script %s runs", holder.first, pr.word)
	}
	abs := p.abs(script)
	if fl := shell.LoginFlag(pr.exec); fl != "" {
		pr.login = fmt.Sprintf("line %d: %s runs %s %s %s", holder.first, holder.kw, pr.exec[0], fl, script)
	}
	text, from, ok := f.contextFileAt(abs)
	if !ok {
		return declinef(declScriptUnread, "line %d: %s runs the script %s, which is not a file restage can read from the build context: what the container runs cannot be told", holder.first, holder.kw, abs)
	}
	return p.readScriptFile(path.Base(pr.word), abs, text, from)
}

// shebangScript accepts a program that is a shell script copied from the
// build context (ENTRYPOINT ["./entrypoint.sh"] with #!/bin/sh): as for
// shellScript, with the shell its first line names.
func (p *plan) shebangScript() (bool, error) {
	f, pr := p.f, p.prog
	if strings.ContainsAny(pr.word, "$`") {
		return false, nil
	}
	abs := p.abs(pr.word)
	if !strings.Contains(pr.word, "/") {
		return false, nil // a bare name is looked up on PATH, not in the folder
	}
	text, from, ok := f.contextFileAt(abs)
	if ok && !strings.HasPrefix(text, "#!") && isText(text) {
		return p.scriptNoShebang(abs, text, from)
	}
	if !ok || !strings.HasPrefix(text, "#!") {
		return false, nil
	}
	first, _, _ := strings.Cut(text[2:], "\n")
	fields := shebangFields(text)
	if len(fields) == 1 && f.preset.IsInterpreter(path.Base(fields[0])) && pr.exec != nil {
		if !p.inFolder(abs) {
			p.artifacts = append(p.artifacts, artifact{dir: path.Dir(abs), name: path.Base(abs), used: true, in: pr.holder})
		}
		return true, p.interpScript(path.Base(fields[0]), first, abs, pr.exec[1:])
	}
	if len(fields) == 0 || !shell.IsShell(fields[0]) {
		return false, nil
	}
	if fl := shell.LoginFlag(fields); fl != "" {
		pr.login = fmt.Sprintf("%s starts `#!%s`", abs, strings.TrimSpace(first))
	}
	return true, p.readScriptFile(path.Base(fields[0]), abs, text, from)
}

// shebangFields returns the words of a script's #! line without a
// leading env (#!/usr/bin/env bash gives [bash]); nil when it has none.
func shebangFields(text string) []string {
	if !strings.HasPrefix(text, "#!") {
		return nil
	}
	first, _, _ := strings.Cut(text[2:], "\n")
	fields := strings.Fields(first)
	if len(fields) > 1 && path.Base(fields[0]) == "env" {
		fields = fields[1:]
	}
	return fields
}

// scriptNoShebang reads a text file with no #! line that the command
// runs (review 11, finding C). execve refuses such a file (ENOEXEC, "exec
// format error"), and a shell that gets ENOEXEC runs the file as a script
// itself: so does the shell of a shell-form command, and that of the
// builder image's entrypoint script when it ends in exec "$@" (the
// preset's entrypoint_shell). Anything else cannot start it.
func (p *plan) scriptNoShebang(abs, text, from string) (bool, error) {
	f, pr := p.f, p.prog
	h := pr.holder
	if pr.shellForm || pr.needsShell {
		// The command stays the shell's: an exec form would be refused.
		sh := "sh"
		if pr.needsShell {
			sh = pr.shell
		} else if len(f.shellCmd) > 0 {
			sh = path.Base(f.shellCmd[0])
		}
		pr.needsShell, pr.shell, pr.exec = true, sh, nil
		return true, p.readScriptFile(sh, abs, text, from)
	}
	if len(pr.wrap) > 0 {
		// An init wrapper execs it (execvp, which may fall back to sh):
		// taken as before.
		return false, nil
	}
	if h.kw == "CMD" && f.entrypoint == nil && f.preset.Builder.EntrypointShell != "" && !f.variant.NoEntrypointShell {
		pr.entrypointShell = f.preset.Builder.EntrypointShell
		return true, p.readScriptFile(pr.entrypointShell, abs, text, from)
	}
	how := "an exec-form ENTRYPOINT is started with execve, which refuses such a file (exec format error)"
	if h.kw == "CMD" {
		how = fmt.Sprintf("an exec-form CMD is started with execve, which refuses such a file (exec format error), and neither the file nor, as far as the preset knows, the image %s has an ENTRYPOINT script that would hand it to a shell", f.image)
	}
	return true, declinef(declScriptNoShebang, "line %d: %s runs %s, a file of the build context with no #! line: %s, so the original container cannot start either (add #!/bin/sh as its first line, or write %s [\"sh\", \"%s\"])", h.first, h.kw, pr.word, how, h.kw, pr.word)
}

// checkEntrypointShell makes sure that the runtime starts a CMD script
// with no #! line as the builder's entrypoint did: with the same shell.
func (p *plan) checkEntrypointShell() error {
	pr := p.prog
	if pr == nil || pr.entrypointShell == "" {
		return nil
	}
	if p.runtime.EntrypointShell != pr.entrypointShell {
		return declinef(declScriptNoShebang, "line %d: CMD runs %s, a file with no #! line that the builder image's ENTRYPOINT script runs with %s; the runtime %s has no such entrypoint, and its execve would refuse the file (exec format error)", pr.holder.first, pr.word, pr.entrypointShell, p.image)
	}
	p.notes.note(pr.holder.first, infoEntrypointShell, "%s has no #! line: the image's ENTRYPOINT script runs the CMD with %s, which reads such a file as a script, and so does the runtime %s's (execve alone would refuse it: exec format error)", pr.scriptFile, pr.entrypointShell, p.image)
	return nil
}

// isText tells a script from a program file the context brings (an ELF
// or any other binary), the way git does: no NUL byte in its first 8000.
func isText(s string) bool {
	return !strings.Contains(s[:min(len(s), 8000)], "\x00")
}

// interpScript runs a script whose #! line names one of the preset's
// interpreters (#!/usr/bin/env node) with that interpreter: a runtime
// whose entrypoint is the interpreter, and that has no /usr/bin/env
// (distroless), can run `node SCRIPT` but not the script itself. The
// kernel ran the same interpreter on the same file, so the program runs
// the same; its command line differs, which the note says.
func (p *plan) interpScript(interp, shebang, abs string, rest []string) error {
	pr := p.prog
	p.notes.note(pr.holder.first, infoShebangRun, "%s starts with `#!%s`: the runtime starts it as `%s %s`, which runs it the same way without the #! line's /usr/bin/env", pr.word, strings.TrimSpace(shebang), interp, abs)
	pr.exec = append([]string{interp, abs}, rest...)
	pr.word, pr.interp, pr.scriptAt, pr.resolved = interp, true, 1, true
	return p.needApp()
}

// readScriptFile records what a shell script needs in the runtime.
func (p *plan) readScriptFile(sh, abs, text, from string) error {
	pr := p.prog
	holder := pr.holder
	sc, err := shell.Parse(text)
	if err != nil {
		return declinef(declScriptUnread, "line %d: %s runs the script %s (%s in the build context), which the shell reader cannot read: %s", holder.first, holder.kw, abs, from, shellMessage(err))
	}
	pr.tools = appendNew(pr.tools, sh)
	pr.scriptFile = abs
	dir := scriptDir{dir: p.progDir()}
	for _, c := range sc.Cmds {
		args := c.Args()
		if len(args) == 0 {
			continue
		}
		if !c.Inline {
			p.scriptCmds = append(p.scriptCmds, simpleCmd{c})
		}
		w := args[0]
		if fl := shell.LoginFlag(shellTexts(args)); fl != "" && pr.login == "" {
			pr.login = fmt.Sprintf("%s:%d runs %s %s", abs, strings.Count(text[:c.Pos], "\n")+1, w.Text, fl)
		}
		dir.follow(c, abs)
		p.scriptWrites = append(p.scriptWrites, scriptWrites(c, abs, text, dir)...)
		if err := p.scriptInterpFile(c, abs, dir); err != nil {
			return err
		}
		if shell.Builtin(w.Text) {
			continue // `[` reads as an unquoted glob, but is the shell's test
		}
		if w.Dynamic {
			if w.Text == "$@" || w.Text == "$*" || argsVar(w.Text, text) {
				// exec "$@" runs the CMD the ENTRYPOINT is given: that
				// program is needed as well.
				if err := p.cmdOfScript(); err != nil {
					return err
				}
				p.scriptRunsCmd = true
				continue
			}
			return declinef(declRunTimeProgram, "line %d: the script %s that %s runs starts %s, which is only known at run time", holder.first, abs, holder.kw, w.Text)
		}
		if err := p.interpOutsideEnv(w.Text, abs); err != nil {
			return err
		}
		p.needScriptProgram(w.Text, sc.Funcs)
	}
	if !p.inFolder(abs) {
		p.artifacts = append(p.artifacts, artifact{dir: path.Dir(abs), name: path.Base(abs), used: true, in: holder})
	}
	return nil
}

// scriptDir is the folder a start script's commands run in, as far as
// its cd commands tell: the container's working folder, then where a
// plain cd (or cd "$(dirname "$0")", the script's own folder) went;
// unknown says a cd went where the text does not tell.
type scriptDir struct {
	dir     string
	unknown string // the cd, when it cannot be followed
}

// follow moves d along a script's cd command c. A cd inside a branch,
// loop or function may or may not run, so what follows it is in a
// folder the text does not tell.
func (d *scriptDir) follow(c shell.Cmd, script string) {
	args := c.Args()
	if len(args) == 0 || args[0].Text != "cd" || d.unknown != "" {
		return
	}
	texts := shellTexts(args)
	switch {
	case c.Nested, len(args) != 2:
		d.unknown = strings.Join(texts, " ")
	case args[1].Dynamic && dirnameZero().MatchString(args[1].Text):
		d.dir = path.Dir(script)
	case args[1].Dynamic || args[1].Text == "-":
		d.unknown = strings.Join(texts, " ")
	default:
		d.dir = absIn(d.dir, args[1].Text)
	}
}

// shellTexts are the texts of a script command's words.
func shellTexts(ws []shell.Word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Text
	}
	return out
}

// dirnameZero matches `$(dirname "$0")` and its spellings, the folder
// of the script itself.
var dirnameZero = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:\$\(|` + "`" + `)\s*dirname\s+(?:"\$0"|\$0|"\$\{0\}"|\$\{0\})\s*(?:\)|` + "`" + `)$`)
})

// scriptInterpFile gives the runtime the file a start script hands to the
// preset's interpreter with its script flag (java -jar FILE in start.sh,
// review 23, finding A), read as the same words of a CMD are (the
// preset's script_flag and script_options): the file, relative to the
// folder the script's command runs in, copied from the builder at the
// same path, with what it loads from beside itself (script_beside). The
// script's text is not rewritten, so a file only its shell can tell
// (a variable, a glob, a relative name after a cd that cannot be
// followed) is declined with that reason rather than left out.
func (p *plan) scriptInterpFile(c shell.Cmd, script string, dir scriptDir) error {
	f, pr := p.f, p.prog
	flag := f.preset.ScriptFlag
	args := c.Args()
	if flag == "" || len(args) < 2 || args[0].Dynamic || !f.preset.IsInterpreter(path.Base(args[0].Text)) {
		return nil
	}
	texts := shellTexts(args)
	i := slices.Index(texts, flag)
	cmd := strings.Join(texts, " ")
	unknown := func(why string) error {
		return declinef(declFileUnknown, "line %d: the script %s that %s runs starts `%s`, %s: cannot tell which file to copy", pr.holder.first, script, pr.holder.kw, cmd, why)
	}
	if i < 0 {
		return p.scriptClassPath(args, texts, dir, unknown)
	}
	at, decl := f.preset.ScriptFile(texts, i)
	switch {
	case decl != "":
		return unknown(fmt.Sprintf("where %s after %s runs something other than the %s file", decl, flag, flag))
	case at < 0:
		return unknown("which names no " + flag + " file")
	case args[at].Dynamic:
		return unknown("whose file the script's shell expands when the container starts")
	case !path.IsAbs(texts[at]) && dir.unknown != "":
		return unknown(fmt.Sprintf("whose file is relative to the folder `%s` changes to, which the script does not tell", dir.unknown))
	}
	jar := absIn(dir.dir, texts[at])
	if err := p.outputNotBuilt(jar); err != nil {
		return err
	}
	p.noteContextArtifact(jar)
	if p.inFolder(jar) || p.scriptBeside(jar) {
		return nil
	}
	p.artifacts = append(p.artifacts, artifact{dir: path.Dir(jar), name: path.Base(jar), used: true, in: pr.holder})
	return nil
}

// scriptClassPath gives the runtime the class path of a start script's
// java command that runs a class (java -cp "classes:lib/*" Main): each
// entry, relative to the folder the script's command runs in, is a
// folder the runtime gets from the builder at the same path (DIR/*,
// every jar in DIR, is DIR), unless the app folder brings it. The
// script's text is not rewritten, so an entry only its shell can tell
// is declined, as a -jar file is; a command that names no class (java
// -version) needs nothing.
func (p *plan) scriptClassPath(args []shell.Word, texts []string, dir scriptDir, unknown func(string) error) error {
	cp := p.f.preset.ClassPath
	if cp == nil {
		return nil
	}
	value, at, name := "", -1, -1
	for i := 1; i < len(texts) && name < 0; i++ {
		w := texts[i]
		flag, v, eq := strings.Cut(w, "=")
		switch {
		case slices.Contains(cp.DeclineFlags, flag):
			return nil // a module or a source file: what it loads is not read here
		case slices.Contains(cp.Flags, w):
			if i+1 >= len(texts) {
				return nil
			}
			value, at = texts[i+1], i+1
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
	if name < 0 || at < 0 {
		// No class, or the class path of CLASSPATH or the working
		// folder, which the app folder holds or the command's own
		// reading decides.
		return nil
	}
	if args[at].Dynamic {
		return unknown("whose class path the script's shell expands when the container starts")
	}
	for _, e := range strings.Split(value, cp.Separator) {
		d := strings.TrimSuffix(e, "/*")
		if d == "*" || d == "" {
			d = "."
		}
		if !path.IsAbs(d) && dir.unknown != "" {
			return unknown(fmt.Sprintf("whose class path entry %s is relative to the folder `%s` changes to, which the script does not tell", e, dir.unknown))
		}
		abs := absIn(dir.dir, d)
		if abs == "/" {
			return unknown("whose class path entry " + e + " is /, whose classes cannot be told from the image's own files")
		}
		if p.inFolder(abs) || slices.ContainsFunc(p.artifacts, func(a artifact) bool { return a.folder && a.dir == abs }) {
			continue
		}
		p.artifacts = append(p.artifacts, artifact{dir: abs, folder: true, used: true, in: p.prog.holder})
	}
	return nil
}

// needProgram records what the runtime must have for a script to run
// prog: nothing for the shell's own commands, its functions, the POSIX
// utilities every shell image has and files the runtime gets; else the
// program itself as a tool of the runtime.
func (p *plan) needProgram(prog string, funcs []string) {
	if t := p.toolNeed(prog, funcs); t != "" {
		p.prog.tools = appendNew(p.prog.tools, t)
	}
}

// needScriptProgram is needProgram for a program a start script runs,
// which the runtime may install when it lacks it (scriptInstallable).
func (p *plan) needScriptProgram(prog string, funcs []string) {
	if t := p.toolNeed(prog, funcs); t != "" {
		p.prog.tools = appendNew(p.prog.tools, t)
		if !shell.IsShell(t) {
			p.prog.scriptTools = appendNew(p.prog.scriptTools, t)
		}
	}
}

// toolNeed is the program the runtime must have for a command to run
// prog (its base name for a shell or utility named by a path), or "" when
// the runtime gets it otherwise: the shell itself, an artifact (marked
// used), a file of a copied folder, a console script or a dependency's
// program on the file's PATH.
func (p *plan) toolNeed(prog string, funcs []string) string {
	f := p.f
	if shell.Builtin(prog) || shell.Utility(prog) || slices.Contains(funcs, prog) {
		return ""
	}
	// Only an artifact the build names proves the program: one file in
	// a folder whose name the build does not tell (a `go get .`) is no
	// evidence that the script's `go` is it, and would not be copied.
	if _, art := p.resolve(prog); art != nil && art.name != "" {
		art.used = true
		return ""
	}
	if strings.Contains(prog, "/") {
		if p.inFolder(f.abs(prog)) {
			return ""
		}
		prog = path.Base(prog)
		if shell.Utility(prog) || shell.IsShell(prog) {
			return prog
		}
	}
	if p.globalPackageProgram(prog) {
		return ""
	}
	if f.preset.PathPrograms && !strings.Contains(prog, "/") && !f.preset.IsInterpreter(prog) && p.hasAppFolder() && len(p.madePathDirs()) == 0 {
		return "" // a console script the install put on PATH
	}
	if r, dir, ok := p.depBinOnPath(prog); ok {
		p.useDepBin(r, dir)
		return ""
	}
	return prog
}

// cmdOfScript adds what the CMD handed to the script's exec "$@" runs.
func (p *plan) cmdOfScript() error {
	cmd := p.f.cmd
	if cmd == nil || cmd == p.prog.holder {
		return nil
	}
	cl := cmdLine(cmd)
	if cl == nil || len(cl.CmdLine) == 0 {
		return nil
	}
	prog := cl.CmdLine[0]
	if cl.PrependShell {
		sl := splitShell(cl.CmdLine[0])
		if len(sl.cmds) == 0 {
			return nil
		}
		args, _ := sl.cmds[0].argv()
		if len(args) == 0 || args[0].dynamic {
			return declinef(declRunTimeProgram, "line %d: the CMD that the ENTRYPOINT's script runs is only known at run time", cmd.first)
		}
		prog = args[0].text
	}
	p.needProgram(prog, nil)
	return nil
}

func (p *plan) hasAppFolder() bool {
	for _, a := range p.artifacts {
		if a.folder {
			return true
		}
	}
	return false
}

// inFolder reports whether abs lies in a folder the runtime copies.
func (p *plan) inFolder(abs string) bool {
	for _, a := range p.artifacts {
		if a.folder && (abs == a.dir || strings.HasPrefix(abs, strings.TrimSuffix(a.dir, "/")+"/")) {
			return true
		}
	}
	return false
}

func appendNew(list []string, x string) []string {
	if slices.Contains(list, x) {
		return list
	}
	return append(list, x)
}

// contextFileAt finds which file of the build context the last COPY that
// wrote abs brought in, and reads it (a script's size at most).
func (f *facts) contextFileAt(abs string) (text, from string, ok bool) {
	return f.contextFileMax(abs, scriptMaxBytes)
}

// contextFileMax is contextFileAt for a file of at most max bytes, or of
// any size when max is 0 (a lockfile).
func (f *facts) contextFileMax(abs string, max int64) (text, from string, ok bool) {
	return f.contextFileBefore(abs, max, 0)
}

// contextFileBefore is contextFileMax for the COPY instructions above
// line only (all of them when line is 0): what a RUN on that line finds
// there.
func (f *facts) contextFileBefore(abs string, max int64, line int) (text, from string, ok bool) {
	text, from, _, ok = f.contextFileCopy(abs, max, line)
	return text, from, ok
}

// contextFileCopy is contextFileBefore that also gives the COPY that
// writes the file; max < 0 only finds the file, unread (a jar).
func (f *facts) contextFileCopy(abs string, max int64, line int) (text, from string, by *inst, ok bool) {
	if f.opt.Context == nil {
		return "", "", nil, false
	}
	for i := len(f.copies) - 1; i >= 0; i-- {
		c := f.copies[i]
		if line > 0 && c.in.first >= line {
			continue
		}
		dest := c.cp.DestPath
		if d, ok := f.expand(dest); ok {
			dest = d
		}
		absDest := path.Join(c.cwd, dest)
		if path.IsAbs(dest) {
			absDest = path.Clean(dest)
		}
		intoDir := strings.HasSuffix(dest, "/") || dest == "." || strings.HasSuffix(dest, "/.") || len(c.cp.SourcePaths) > 1
		for _, s := range c.cp.SourcePaths {
			if strings.Contains(s, "$") {
				x, ok := f.expand(s)
				if !ok || strings.Contains(x, "$") {
					continue
				}
				s = x
			}
			s = path.Clean(strings.TrimPrefix(s, "/"))
			var cand string
			if strings.ContainsAny(s, "*?[") {
				// A glob of file names (COPY app/package*.json ./)
				// copies each match into the destination folder.
				dir, pat := path.Split(s)
				if strings.ContainsAny(dir, "*?[") || path.Dir(abs) != absDest {
					continue
				}
				if ok, err := path.Match(pat, path.Base(abs)); err != nil || !ok {
					continue
				}
				cand = path.Join(dir, path.Base(abs))
				if data, err := readMax(f.opt.Context, cand, max); err == nil {
					return string(data), cand, c.in, true
				}
				continue
			}
			st, err := fs.Stat(f.opt.Context, s)
			switch {
			case err != nil:
				continue
			case st.IsDir():
				// A folder's contents go into the destination.
				rel := strings.TrimPrefix(abs, strings.TrimSuffix(absDest, "/")+"/")
				if rel == abs {
					continue
				}
				cand = path.Join(s, rel)
			case intoDir && path.Join(absDest, path.Base(s)) == abs, !intoDir && absDest == abs:
				cand = s
			default:
				continue
			}
			data, err := readMax(f.opt.Context, cand, max)
			if err != nil {
				continue
			}
			return string(data), cand, c.in, true
		}
	}
	return "", "", nil, false
}

func readBounded(fsys fs.FS, name string) ([]byte, error) {
	return readMax(fsys, name, scriptMaxBytes)
}

// readMax reads the regular file name when it has at most max bytes (any
// size when max is 0; none read, only found, when max < 0).
func readMax(fsys fs.FS, name string, max int64) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil || st.IsDir() || max > 0 && st.Size() > max {
		return nil, fs.ErrInvalid
	}
	if max < 0 {
		return nil, nil
	}
	return fs.ReadFile(fsys, name)
}

// globalPkg is a package a RUN installs globally.
type globalPkg struct {
	name string
	gi   *GlobalInstall
	in   *inst
	self string // the folder installed, when the command names no package
}

// GlobalInstall is the preset's description of a global install command.
type GlobalInstall = presets.GlobalInstall

// scanGlobal records the packages a global install command names, and
// says whether it is one.
func (f *facts) scanGlobal(args []word, in *inst, cwd string) bool {
	for i := range f.preset.GlobalInstalls {
		g := &f.preset.GlobalInstalls[i]
		n := len(strings.Fields(g.Command))
		if !hasPrefixWords(args, g.Command) {
			continue
		}
		global := false
		for _, a := range args[n:] {
			global = global || slices.Contains(g.Flags, a.text)
		}
		if !global {
			continue
		}
		named := false
		for _, a := range args[n:] {
			if strings.HasPrefix(a.text, "-") {
				continue
			}
			if a.dynamic {
				// newman@${NEWMAN_VERSION}: only the version is left to
				// the build; the package's name is plain.
				at := strings.LastIndex(a.text, "@")
				if at <= 0 || strings.ContainsAny(a.text[:at], "$`*?[{~") {
					continue
				}
			}
			named = true
			if g.Self != nil && slices.Contains(g.Self.Args, a.text) {
				f.globals = append(f.globals, globalPkg{gi: g, in: in, self: cwd})
				continue
			}
			name := a.text
			// serve@14, @scope/pkg@1.2: the version follows the last @
			// that is not the first character.
			if at := strings.LastIndex(name, "@"); at > 0 {
				name = name[:at]
			}
			f.globals = append(f.globals, globalPkg{name: name, gi: g, in: in})
		}
		if !named && g.Self != nil {
			f.globals = append(f.globals, globalPkg{gi: g, in: in, self: cwd})
		}
		return true
	}
	return false
}

// globalProgram accepts a program that a global install put on PATH:
// the runtime gets the package's folder, and the program's link at the
// same place.
func (p *plan) globalProgram() (bool, error) {
	f, pr := p.f, p.prog
	for i := len(f.globals) - 1; i >= 0; i-- {
		if f.globals[i].self != "" {
			if ok, err := p.selfProgram(f.globals[i]); ok || err != nil {
				return ok, err
			}
		}
	}
	return p.globalPackageProgram(pr.word), nil
}

// globalPackageProgram accepts a program named prog that a global install
// of a named package put on PATH.
func (p *plan) globalPackageProgram(prog string) bool {
	f, pr := p.f, p.prog
	if strings.Contains(prog, "/") {
		return false
	}
	for i := len(f.globals) - 1; i >= 0; i-- {
		g := f.globals[i]
		if g.self != "" || path.Base(g.name) != prog && !p.providedBy(prog, g.name) {
			continue
		}
		if !slices.Contains(strings.Split(f.envNow["PATH"], ":"), g.gi.Bin) {
			continue
		}
		dir := path.Join(g.gi.Dir, g.name)
		link := path.Join(g.gi.Bin, prog)
		cp := "mkdir -p " + linkDir + " && cp -P " + link + " " + linkDir + "/"
		for _, t := range g.gi.Needs {
			pr.tools = appendNew(pr.tools, t)
		}
		if slices.Contains(p.linkCmds, cp) {
			// The CMD and a compose command run the same program: one
			// package, carried once (review 32, finding G).
			return true
		}
		p.artifacts = append(p.artifacts, artifact{dir: dir, folder: true, in: g.in, used: true})
		p.linkCmds = append(p.linkCmds, cp)
		p.linkAt = g.in
		p.linkCopies = append(p.linkCopies, [2]string{linkDir + "/", g.gi.Bin + "/"})
		p.notes.note(g.in.first, infoGlobalInstall, "%s is a program of the package %s, installed globally on this line: the runtime gets %s and the link %s, at the same places", prog, g.name, dir, link)
		return true
	}
	return false
}

// selfProgram accepts a program that a global install of the app's own
// folder linked into the preset's bin folder (npm install --global in
// /app): the program is an entry of the package file's bin, a file of
// the folder the runtime copies anyway. The runtime gets the program's
// link and the package's link at the same places, and starts the link
// with the interpreter its file's #! line names.
func (p *plan) selfProgram(g globalPkg) (bool, error) {
	f, pr := p.f, p.prog
	s := g.gi.Self
	prog := pr.word
	if strings.Contains(prog, "/") {
		if abs := f.abs(prog); path.Dir(abs) == path.Clean(g.gi.Bin) {
			prog = path.Base(abs)
		} else {
			return false, nil
		}
	} else if !slices.Contains(strings.Split(f.envNow["PATH"], ":"), g.gi.Bin) {
		return false, nil
	}
	if pr.exec == nil || !p.inFolder(g.self) {
		return false, nil
	}
	holder := pr.holder
	text, _, ok := f.contextFileAt(path.Join(g.self, s.File))
	var doc any
	if !ok || json.Unmarshal([]byte(text), &doc) != nil {
		return false, declinef(declGlobalSelfUnread, "line %d: %s runs %s, which the global install on line %d may have linked from the folder %s, but its %s cannot be read from the build context: what the program is cannot be told", holder.first, holder.kw, pr.word, g.in.first, g.self, s.File)
	}
	name, _ := jsonValue(doc, s.Name).(string)
	if name == "" {
		return false, nil
	}
	bins := map[string]string{}
	switch b := jsonValue(doc, s.Bin).(type) {
	case string:
		bins[path.Base(name)] = b
	case map[string]any:
		for k, v := range b {
			if v, ok := v.(string); ok {
				bins[k] = v
			}
		}
	}
	file, ok := bins[prog]
	if !ok {
		return false, nil
	}
	target := path.Join(g.self, file)
	script, _, ok := f.contextFileAt(target)
	interp, shebang := "", ""
	if ok && strings.HasPrefix(script, "#!") {
		shebang, _, _ = strings.Cut(script[2:], "\n")
		fields := strings.Fields(shebang)
		if len(fields) > 1 && path.Base(fields[0]) == "env" {
			fields = fields[1:]
		}
		if len(fields) == 1 && f.preset.IsInterpreter(path.Base(fields[0])) {
			interp = path.Base(fields[0])
		}
	}
	if interp == "" || !p.inFolder(target) {
		return false, declinef(declGlobalSelfUnread, "line %d: %s runs %s, the program %s of the package %s that line %d installs globally from %s, but its file %s is not a script of the copied folder with a #! line naming %s: how to start it cannot be told", holder.first, holder.kw, pr.word, prog, name, g.in.first, g.self, target, strings.Join(f.preset.Interpreters, " or "))
	}
	link := path.Join(g.gi.Bin, prog)
	pkgLink := path.Join(g.gi.Dir, name)
	pkgDir := path.Join(pkgsDir, path.Dir(name))
	p.linkCmds = append(p.linkCmds, "mkdir -p "+linkDir+" && cp -P "+link+" "+linkDir+"/",
		"mkdir -p "+pkgDir+" && cp -P "+pkgLink+" "+pkgDir+"/")
	p.linkAt = g.in
	p.linkCopies = append(p.linkCopies, [2]string{linkDir + "/", g.gi.Bin + "/"}, [2]string{pkgsDir + "/", g.gi.Dir + "/"})
	p.notes.note(g.in.first, infoGlobalSelf, "%s is a program of the package %s (the %q of %s), which this line installs globally from the folder %s itself: the runtime gets %s and the links %s and %s, at the same places", prog, name, s.Bin, s.File, g.self, g.self, link, pkgLink)
	return true, p.interpScript(interp, shebang, link, pr.exec[1:])
}

// pkgsDir is where the builder gathers the links of globally installed
// folders.
const pkgsDir = "/tmp/restage-packages"

// jsonValue is the value at a dotted key of a decoded JSON document, nil
// when it has none.
func jsonValue(doc any, key string) any {
	v, _ := jsonAt(doc, key)
	return v
}

// linkDir is where the builder gathers the links of global programs.
const linkDir = "/tmp/restage-links"

// providedBy reports whether a runner's package map says prog comes
// from pkg (nest from @nestjs/cli).
func (p *plan) providedBy(prog, pkg string) bool {
	for _, r := range p.f.preset.Runners {
		if r.Packages.Get(prog) == pkg {
			return true
		}
	}
	return false
}

// move is one `mv SRC... DEST` of a RUN, with absolute paths; into says
// DEST is a folder the sources go into.
type move struct {
	srcs []string
	dest string
	into bool
	sure bool // whether DEST is a folder can be told from its spelling
	text string
	in   *inst
}

// scanMove records a mv whose words are all plain.
func (f *facts) scanMove(args []word, cwd string, in *inst) {
	if m, ok := readMove(args, cwd, in); ok {
		f.moves = append(f.moves, m)
	}
}

// scanCp records a cp whose words are all plain, for what it puts in
// the final working folder.
func (f *facts) scanCp(args []word, cwd string, in *inst) {
	if m, ok := readMove(args, cwd, in); ok {
		f.cps = append(f.cps, m)
	}
}

// cpWords splits the words of `mv|cp [-opts] SRC... DEST` into the
// sources and the destination; the -t DIR form is not read.
func cpWords(args []word) (srcs []word, dest word, ok bool) {
	var ws []word
	for _, a := range args[1:] {
		if a.text == "-t" || strings.HasPrefix(a.text, "--target-directory") {
			return nil, word{}, false
		}
		if !strings.HasPrefix(a.text, "-") {
			ws = append(ws, a)
		}
	}
	if len(ws) < 2 {
		return nil, word{}, false
	}
	return ws[:len(ws)-1], ws[len(ws)-1], true
}

// readMove reads `mv|cp [-opts] SRC... DEST`; a -t DIR form or a
// variable is not read.
func readMove(args []word, cwd string, in *inst) (move, bool) {
	if slices.ContainsFunc(args, func(a word) bool { return a.dynamic }) {
		return move{}, false
	}
	srcs, to, ok := cpWords(args)
	if !ok {
		return move{}, false
	}
	m := move{dest: absIn(cwd, to.text), in: in, text: strings.Join(wordTexts(args), " ")}
	for _, s := range srcs {
		m.srcs = append(m.srcs, absIn(cwd, s.text))
	}
	d := to.text
	b := path.Base(d)
	switch {
	case strings.HasSuffix(d, "/") || b == "." || b == ".." || len(m.srcs) > 1:
		m.into, m.sure = true, true
	case b == path.Base(m.srcs[0]):
		m.sure = true // mv node_modules /node_modules: a rename
	}
	return m, true
}

// planMoves makes what a RUN moves out of a copied folder (mv
// node_modules ../) reach the runtime at the place it was moved to: a
// program finds it there (node looks for node_modules in the parent
// folders). A prune of the app folder would no longer see it, so none is
// added.
func (p *plan) planMoves() error {
	for _, m := range p.f.moves {
		for _, src := range m.srcs {
			if !p.inFolder(src) || p.isFolder(src) {
				continue
			}
			to := m.dest
			if m.into {
				to = path.Join(m.dest, path.Base(src))
			}
			if p.inFolder(to) {
				continue
			}
			if !m.sure {
				return declinef(declMovedUnclear, "line %d: `%s` moves %s out of the app folder, and whether %s is a folder (so where it lands) cannot be told: write the destination with a trailing / or in full", m.in.first, m.text, src, m.dest)
			}
			p.artifacts = append(p.artifacts, artifact{dir: to, folder: true, in: m.in, used: true})
			p.notes.note(m.in.first, infoMovedOut, "%s is moved out of the app folder to %s: the runtime gets it at the same place", src, to)
			if p.keepDev == "" {
				p.keepDev = fmt.Sprintf("line %d moves %s out of the app folder, where a prune would not find it", m.in.first, src)
			}
		}
	}
	return nil
}

// isFolder reports whether abs is itself a folder the runtime copies.
func (p *plan) isFolder(abs string) bool {
	for _, a := range p.artifacts {
		if a.folder && a.dir == abs {
			return true
		}
	}
	return false
}

// fromPathFolders handles the programs a command needs that no runtime
// of the preset has or can install, when the file puts folders on PATH
// that nothing copies (a Cloud SDK unpacked in /root, its bin/ on PATH):
// the builder found the program there, so the runtime gets those folders
// at the same place (the folder above bin/, which holds what its
// programs load). It returns the programs still to be found in a runtime.
func (p *plan) fromPathFolders(tools []string, by *inst) []string {
	f := p.f
	var absent, rest []string
	for _, t := range tools {
		has := false
		for i := range f.preset.Runtimes {
			r := &f.preset.Runtimes[i]
			has = has || r.HasTool(t) || slices.Contains(r.Installs, t)
		}
		if has {
			rest = append(rest, t)
		} else {
			absent = append(absent, t)
		}
	}
	if len(absent) == 0 || by == nil {
		return tools
	}
	dirs := p.madePathDirs()
	if len(dirs) == 0 {
		return tools
	}
	for _, d := range dirs {
		top := pathTop(d)
		p.artifacts = append(p.artifacts, artifact{dir: top, folder: true, in: by, used: true})
		p.pathCopied = true
		p.notes.note(by.first, infoPathFolderCopied, "%s runs %s, which no runtime has; the file puts %s on PATH, so the runtime gets %s at the same place", by.kw, strings.Join(absent, ", "), d, top)
		if strings.HasPrefix(top, "/root/") && p.rootOnly == "" {
			p.rootOnly = top
		}
	}
	return rest
}

// madePathDirs are the folders the file puts on PATH that nothing copies
// and that a RUN made: a RUN's text names the folder (or, for a bin/,
// the folder above it: tar -xz -C /root of google-cloud-sdk.tar.gz). A
// folder no RUN names may not exist, and copying it would fail the build.
func (p *plan) madePathDirs() []string {
	f := p.f
	system := map[string]bool{}
	for _, d := range strings.Split(f.preset.Builder.Env.Get("PATH"), ":") {
		system[d] = true
	}
	var dirs []string
	for _, d := range strings.Split(f.envNow["PATH"], ":") {
		if d == "" || !path.IsAbs(d) || system[d] || p.inFolder(d) || path.Dir(d) == "/" {
			continue
		}
		made := false
		for _, r := range f.runs {
			made = made || strings.Contains(r.text, path.Base(pathTop(d)))
		}
		if made {
			dirs = appendNew(dirs, d)
		}
	}
	return dirs
}

// pathTop is the folder a PATH folder belongs to: the one above bin/.
func pathTop(d string) string {
	if path.Base(d) == "bin" && path.Dir(d) != "/" {
		return path.Dir(d)
	}
	return d
}

// madeDir is a folder a RUN makes with mkdir, as an absolute path.
type madeDir struct {
	dir string
	in  *inst
	// parents: mkdir -p, which makes every folder above dir too.
	parents bool
}

// scanMkdir records the folders a mkdir makes.
func (f *facts) scanMkdir(args []word, cwd string, in *inst) {
	parents := false
	for _, a := range args[1:] {
		if a.text == "--parents" || !a.dynamic && strings.HasPrefix(a.text, "-") && !strings.HasPrefix(a.text, "--") && strings.Contains(a.text, "p") {
			parents = true
		}
	}
	for _, a := range args[1:] {
		if a.dynamic || strings.HasPrefix(a.text, "-") || strings.ContainsAny(a.text, "*?[{") {
			continue
		}
		d := path.Join(cwd, a.text)
		if path.IsAbs(a.text) {
			d = path.Clean(a.text)
		}
		f.made = append(f.made, madeDir{dir: d, in: in, parents: parents})
	}
}

// chownDir is a folder a RUN gives to a user with chown.
type chownDir struct {
	dir, user string
	in        *inst
}

// scanChown records the folders a chown gives to a named user: the
// first word that is no option is OWNER[:GROUP], the rest are paths. An
// option other than the recursive, verbose or link ones (--reference,
// --from) makes the owner another than the word says, so nothing is
// recorded.
func (f *facts) scanChown(args []word, cwd string, in *inst) {
	owner := ""
	for _, a := range args[1:] {
		if a.dynamic {
			if owner == "" {
				return
			}
			continue
		}
		if strings.HasPrefix(a.text, "-") {
			switch a.text {
			case "-R", "--recursive", "-v", "--verbose", "-c", "--changes", "-f", "--silent", "--quiet", "-h", "--no-dereference", "-H", "-L", "-P", "-Rh", "-hR":
				continue
			}
			return
		}
		if owner == "" {
			owner, _, _ = strings.Cut(a.text, ":")
			if owner == "" {
				return // :GROUP changes the group only
			}
			continue
		}
		if strings.ContainsAny(a.text, "*?[{") {
			continue
		}
		f.chowned = append(f.chowned, chownDir{dir: absIn(cwd, a.text), user: owner, in: in})
	}
}

// planMade gives the runtime the folders a RUN makes outside every
// folder the build works in (RUN mkdir -p /var/lib/app): nothing in the
// file puts anything there, so the folder is prepared for the program's
// run time, which may write into it and fail where it is missing. A
// folder that a WORKDIR, a COPY or a RUN works in belongs to the build,
// and one under the temporary folders or root's home is left as the
// runtime image has it.
func (p *plan) planMade() {
	f := p.f
	related := func(a, b string) bool {
		return a == b || strings.HasPrefix(a, strings.TrimSuffix(b, "/")+"/") || strings.HasPrefix(b, strings.TrimSuffix(a, "/")+"/")
	}
	var used []string
	used = append(used, f.workdirs...)
	for _, c := range f.copies {
		dest := c.cp.DestPath
		if d, ok := f.expand(dest); ok {
			dest = d
		}
		if path.IsAbs(dest) {
			used = append(used, path.Clean(dest))
		} else {
			used = append(used, path.Join(c.cwd, dest))
		}
	}
	for _, r := range f.runs {
		for _, c := range r.cmds {
			if c.cwd != "/" {
				used = append(used, c.cwd)
			}
		}
	}
	for _, a := range p.artifacts {
		// A file is its own path: a start script copied to / does not
		// make every folder under / the build's (review 29, finding B:
		// /start.sh hid RUN mkdir -p /var/log/cron).
		if a.folder || a.name == "" {
			used = append(used, a.dir)
		} else {
			used = append(used, path.Join(a.dir, a.name))
		}
	}
next:
	for _, m := range f.made {
		d := m.dir
		if d == "/" || related(d, "/tmp") || related(d, "/var/tmp") || related(d, "/root") || related(d, "/proc") || related(d, "/dev") {
			continue
		}
		for _, u := range used {
			if related(d, u) {
				continue next
			}
		}
		used = append(used, d)
		p.artifacts = append(p.artifacts, artifact{dir: d, folder: true, in: m.in, used: true})
		p.notes.note(m.in.first, infoMadeFolder, "%s is a folder this line makes outside the app folder, which the program may write at run time: the runtime gets a copy of it at the same place", d)
		p.madeDirs = append(p.madeDirs, madeCopy{dir: d, note: len(p.notes.list) - 1})
	}
}

// scriptWrites are the paths a start script's command writes as far as
// its text tells (review 32, finding D: `cp -r $TEMP_DIR/app.py /code/`
// into a folder compose mounts from the host): the destination of a copy,
// the folders mkdir makes, the files an output redirection writes. A
// path the shell expands, or one relative to a cd the text does not
// follow, is left out, as is anything under /dev.
func scriptWrites(c shell.Cmd, script, text string, dir scriptDir) []writeSeen {
	args := c.Args()
	var ws []shell.Word
	if len(args) > 0 && !args[0].Dynamic {
		written := shell.WrittenPaths(shellTexts(args))
		for _, w := range args[1:] {
			if slices.Contains(written, w.Text) {
				ws = append(ws, w)
			}
		}
	}
	ws = append(ws, c.Out...)
	var out []writeSeen
	line := strings.Count(text[:min(c.Pos, len(text))], "\n") + 1
	for _, w := range ws {
		if w.Dynamic || w.Text == "" || !path.IsAbs(w.Text) && dir.unknown != "" {
			continue
		}
		abs := absIn(dir.dir, w.Text)
		if under(abs, "/dev") {
			continue
		}
		out = append(out, writeSeen{path: abs, file: fmt.Sprintf("%s:%d", script, line), tree: strings.HasSuffix(w.Text, "/")})
	}
	return out
}
