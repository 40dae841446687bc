package transform

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

// plan is what the rewrite will do: the runtime chosen, the new stage's
// content and the edits to the builder.
type plan struct {
	f *facts

	stage   string // the builder stage's name for --from
	runtime *Runtime
	image   string
	why     string

	args    []string // ARG declarations for the runtime stage
	workdir string
	env     []string // "K=V" or legacy "K V"
	copies  []string // absolute paths copied from the builder
	blocks  []string // verbatim moved instructions (with their comments)
	runs    []string // RUN commands of the runtime stage
	// optionsEnv are interpreter options that go to the preset's
	// OptionsEnv variable in the runtime.
	optionsEnv []string
	optionVars []string // option variables the command expanded
	pkgTools   []string // what the runtime needs to install its packages
	user       string   // USER value, empty for none
	command    []string // ENTRYPOINT / CMD blocks
	uses       []varUse // variables the runtime stage expands
	allowed    map[string]bool

	static bool // set the preset's static env on artifact commands
	prog   *program
	edits  []Edit
}

// program is what the container runs.
type program struct {
	holder     *inst  // the CMD or ENTRYPOINT that names the program
	word       string // the program as written
	exec       []string
	shellForm  bool
	needsShell bool
	shell      string   // the shell the command needs
	tools      []string // programs the runtime must have
	interp     bool     // the program is one of the preset's interpreters
	scriptAt   int      // index in exec of the file the interpreter runs
	orig       []string // exec as the file wrote it
	glob       string   // the glob globMark stands for
	options    []string // interpreter options expanded from OptionsVars
	resolved   bool     // the command was replaced by the script a runner runs
	newText    string   // replacement instruction line, when rewritten
	art        *artifact
	abs        string
}

type varUse struct {
	name string
	line int
}

var varRef = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)

func makePlan(f *facts) (*plan, error) {
	p := &plan{f: f, stage: f.stageName, allowed: map[string]bool{}}
	if p.stage == "" {
		p.stage = "build"
	}
	if err := p.checkDeclines(); err != nil {
		return nil, err
	}
	if err := p.findProgram(); err != nil {
		return nil, err
	}
	p.decideLibc()
	if err := p.planPackages(); err != nil {
		return nil, err
	}
	if err := p.chooseRuntime(); err != nil {
		return nil, err
	}
	p.finishCommand()
	if err := p.planEnv(); err != nil {
		return nil, err
	}
	p.planUser()
	p.planFiles()
	p.planBlocks()
	p.planArgs()
	if p.f.setWD || len(p.copies) > len(p.usedArtifacts())+len(p.runtime.Copy) || p.prog.needsShell || p.prog.art == nil {
		p.workdir = f.workdir
	}
	return p, nil
}

func (p *plan) checkDeclines() error {
	f := p.f
	for _, d := range f.preset.Decline {
		if d.RunCommand == "" {
			continue
		}
		for _, in := range []*inst{f.cmd, f.entrypoint} {
			if in == nil {
				continue
			}
			for _, c := range commandCmds(in) {
				args, _ := c.argv()
				if hasPrefixWords(args, d.RunCommand) {
					return declinef("line %d: %s", in.first, d.Reason)
				}
			}
		}
	}
	hasBuild := false
	for _, r := range f.runs {
		if len(r.builds) > 0 {
			hasBuild = true
		}
	}
	if !hasBuild {
		return declinef("no %s build step (%s) in the file: the program seems to come prebuilt, so there is nothing to split", f.preset.Title, strings.Join(buildNames(f.preset), ", "))
	}
	return nil
}

// buildNames lists the commands that make what a runtime runs.
func buildNames(p *Preset) []string {
	var out []string
	for _, b := range p.Build {
		name := b.Command
		if len(b.WithArgs) > 0 {
			name += " " + b.WithArgs[0]
		}
		if (b.Artifact != nil || b.App || b.Collect != nil) && !contains(out, name) {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return p.Detect.Commands
	}
	return out
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
	ws := make([]word, len(line.CmdLine))
	for i, a := range line.CmdLine {
		ws[i] = word{text: a}
	}
	out := []simpleCmd{{words: ws}}
	if len(line.CmdLine) >= 3 && isShell(line.CmdLine[0]) && line.CmdLine[1] == "-c" {
		out = append(out, splitShell(line.CmdLine[2]).cmds...)
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

func isShell(s string) bool {
	switch path.Base(s) {
	case "sh", "bash", "ash", "dash", "zsh":
		return true
	}
	return false
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
			f.dropped = append(f.dropped, cmd)
			f.note(cmd.first, Info, "CMD is ignored by the shell-form ENTRYPOINT on line %d and is left out of the runtime stage", ep.first)
			f.cmd = nil
		}
	}
	if holder == nil {
		return declinef("no CMD or ENTRYPOINT: cannot tell what the container runs")
	}
	line := cmdLine(holder)
	if len(line.CmdLine) == 0 {
		return declinef("line %d: empty %s: cannot tell what the container runs", holder.first, holder.kw)
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
			marked, glob := markGlob(text, f.preset.ScriptFlag)
			if sl2 := splitShell(marked); sl2.plain {
				sl, pr.glob = sl2, glob
			}
		}
		if len(sl.cmds) == 0 {
			return declinef("line %d: %s runs nothing", holder.first, holder.kw)
		}
		first, _ = sl.cmds[0].argv()
		if len(first) == 0 {
			return declinef("line %d: cannot tell what %s runs", holder.first, holder.kw)
		}
		if sl.plain {
			pr.exec = wordTexts(first)
		} else {
			pr.needsShell, pr.shell = true, shellName
		}
		if first[0].dynamic {
			return declinef("line %d: %s runs %s, which is only known at run time", holder.first, holder.kw, first[0].text)
		}
	} else {
		pr.exec = append([]string(nil), line.CmdLine...)
		for _, a := range line.CmdLine {
			first = append(first, word{text: a})
		}
		if isShell(line.CmdLine[0]) && len(line.CmdLine) >= 3 && line.CmdLine[1] == "-c" {
			sl := splitShell(line.CmdLine[2])
			pr.needsShell, pr.shell, pr.exec = true, path.Base(line.CmdLine[0]), nil
			first = nil
			if len(sl.cmds) > 0 {
				first, _ = sl.cmds[0].argv()
			}
			if len(first) == 0 {
				return declinef("line %d: cannot tell what %s runs", holder.first, holder.kw)
			}
		}
	}
	pr.word = first[0].text
	if pr.needsShell {
		pr.tools = append(pr.tools, pr.shell)
	}
	if strings.ContainsAny(pr.word, "$`") {
		return declinef("line %d: %s runs %s, which is only known at run time", holder.first, holder.kw, pr.word)
	}
	pr.orig = append([]string(nil), pr.exec...)
	if r, c := p.runner(first); r != nil {
		return p.resolveRunner(r, c, first[len(strings.Fields(c)):])
	}
	return p.checkProgram()
}

// planPackages writes the runtime's installs of the run-time libraries
// that the builder's build packages imply.
func (p *plan) planPackages() error {
	f := p.f
	for i, libs := range f.pkgs {
		if len(libs) == 0 {
			continue
		}
		m := &f.preset.RuntimePackages[i]
		var b strings.Builder
		if err := m.tmpl.Execute(&b, strings.Join(libs, " ")); err != nil {
			return declinef("internal error: install template: %v", err)
		}
		p.runs = append(p.runs, b.String())
		if m.Tool != "" {
			p.pkgTools = append(p.pkgTools, m.Tool)
		}
		f.note(0, Info, "the runtime installs the system packages the app needs at run time (build-only ones stay in the builder): %s", strings.Join(libs, ", "))
	}
	return nil
}

// checkProgram accepts the program when the runtime provides it (an
// interpreter, a script for the image's entrypoint) or the build writes it.
func (p *plan) checkProgram() error {
	f, pr := p.f, p.prog
	holder := pr.holder
	if f.preset.isInterpreter(pr.word) {
		if pr.exec != nil && len(pr.exec) < 2 && holder.kw == "CMD" {
			return declinef("line %d: the container runs %s with no script", holder.first, pr.word)
		}
		pr.interp = true
		if f.preset.ScriptFlag != "" {
			return p.scriptArtifact()
		}
		return p.needApp()
	}
	if f.preset.isScript(pr.word) && holder.kw == "CMD" && f.entrypoint == nil {
		// The builder image's entrypoint hands the script to the
		// interpreter; the runtimes of the preset do the same.
		return p.needApp()
	}
	abs, art := p.resolve(pr.word)
	if art == nil && f.preset.PathPrograms && !strings.Contains(pr.word, "/") {
		// A program the install put on PATH (a console script).
		return p.needApp()
	}
	if art == nil {
		return declinef("line %d: the container runs %s, which is not a program the build writes (%s)", holder.first, pr.word, p.artifactList())
	}
	if art.name == "" {
		art.name = path.Base(abs)
		f.note(holder.first, Info, "the build does not name its output; %s is taken from %s", abs, holder.kw)
	}
	art.used = true
	pr.art, pr.abs = art, abs
	return nil
}

// takeOptionVars removes the preset's option variables ($JAVA_OPTS) from
// a shell command; their values go to the interpreter's variable.
func (p *plan) takeOptionVars(text string) string {
	for _, v := range p.f.preset.OptionsVars {
		re := regexp.MustCompile(`"?\$(\{` + regexp.QuoteMeta(v) + `\}|` + regexp.QuoteMeta(v) + `\b)"?`)
		if re.MatchString(text) {
			p.optionVars = append(p.optionVars, v)
			text = strings.Join(strings.Fields(re.ReplaceAllString(text, " ")), " ")
		}
	}
	return text
}

// markGlob replaces a glob after flag with globMark, and returns it.
func markGlob(text, flag string) (string, string) {
	fs := strings.Fields(text)
	glob := ""
	for i := 0; i+1 < len(fs); i++ {
		if fs[i] == flag && strings.ContainsAny(fs[i+1], "*?[") && !strings.ContainsAny(fs[i+1], "$`'\"\\") {
			glob, fs[i+1] = fs[i+1], globMark
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
		return declinef("line %d: cannot tell which file %s runs", pr.holder.first, pr.word)
	}
	i := 0
	for i < len(pr.exec) && pr.exec[i] != flag {
		i++
	}
	if i+1 >= len(pr.exec) {
		return declinef("line %d: %s runs no %s file: cannot tell what to copy", pr.holder.first, pr.word, flag)
	}
	file := pr.exec[i+1]
	if file == globMark {
		file = pr.glob
	}
	if strings.ContainsAny(file, "*?[") {
		if f.collect == nil {
			return declinef("line %d: %s %s %s names no one file, and no build step here collects one", pr.holder.first, pr.word, flag, file)
		}
		if path.Ext(file) != path.Ext(f.collect.Path) {
			return declinef("line %d: %s %s %s runs a %s file, but the build's output restage collects is a %s file", pr.holder.first, pr.word, flag, file, path.Ext(file), path.Ext(f.collect.Path))
		}
		file = f.collect.Path
		f.collected = true
	}
	abs := f.abs(file)
	pr.exec[i+1] = abs
	pr.scriptAt = i + 1
	art := artifact{dir: path.Dir(abs), name: path.Base(abs), used: true, in: pr.holder}
	f.artifacts = append(f.artifacts, art)
	return nil
}

// globMark stands for a glob the command had where a file goes.
const globMark = "\x00glob\x00"

// needApp checks that an interpreted program has an application folder.
func (p *plan) needApp() error {
	for _, a := range p.f.artifacts {
		if a.folder {
			return nil
		}
	}
	return declinef("line %d: the container runs %s, but no build step installs the application (%s)", p.prog.holder.first, p.prog.word, strings.Join(buildNames(p.f.preset), ", "))
}

// runner finds the preset runner a command starts with, and the runner
// command matched.
func (p *plan) runner(ws []word) (*Runner, string) {
	for i := range p.f.preset.Runners {
		r := &p.f.preset.Runners[i]
		for _, c := range r.Commands {
			if hasPrefixWords(ws, c) {
				return r, c
			}
		}
	}
	return nil, ""
}

// resolveRunner replaces `npm start` and the like by the script it runs
// when that is a plain interpreter command; otherwise the runtime must
// keep the runner.
func (p *plan) resolveRunner(r *Runner, runCmd string, extra []word) error {
	f, pr := p.f, p.prog
	holder := pr.holder
	keep := func(why string) error {
		pr.tools = append(pr.tools, r.Tool)
		f.note(holder.first, Info, "%s %s: the runtime keeps %s", runCmd, why, r.Tool)
		return p.needApp()
	}
	if r.Strip {
		return p.stripRunner(runCmd, extra)
	}
	if r.Run != "" {
		if f.collect == nil {
			return declinef("line %d: %s runs from source, and no build step here makes a file to run instead", holder.first, runCmd)
		}
		pr.exec = strings.Fields(strings.ReplaceAll(r.Run, "{artifact}", f.collect.Path))
		f.collected = true
		pr.word, pr.resolved, pr.needsShell, pr.tools = pr.exec[0], true, false, nil
		f.note(holder.first, Info, "%s runs from source: the runtime runs the built %s instead", runCmd, f.collect.Path)
		return p.checkProgram()
	}
	if pr.needsShell || len(extra) > 0 {
		return keep("is part of a longer command")
	}
	script, ok, err := p.readScript(r)
	if err != nil {
		return keep("cannot be resolved (" + err.Error() + ")")
	}
	if !ok {
		if r.Default == "" {
			return declinef("line %d: %s runs a script %s does not define", holder.first, runCmd, r.File)
		}
		script = r.Default
	}
	sl := splitShell(script)
	for _, d := range f.preset.Decline {
		if d.RunCommand == "" {
			continue
		}
		for _, c := range sl.cmds {
			if args, _ := c.argv(); hasPrefixWords(args, d.RunCommand) {
				return declinef("line %d: %s runs `%s`: %s", holder.first, runCmd, script, d.Reason)
			}
		}
	}
	if !sl.plain || len(sl.cmds) != 1 {
		return keep(fmt.Sprintf("runs `%s`, which needs a shell", script))
	}
	args, _ := sl.cmds[0].argv()
	if len(args) < 2 || !f.preset.isInterpreter(args[0].text) {
		return keep(fmt.Sprintf("runs `%s`, not a plain %s command", script, strings.Join(f.preset.Interpreters[:min(1, len(f.preset.Interpreters))], "")))
	}
	pr.exec, pr.word, pr.resolved = wordTexts(args), args[0].text, true
	f.note(holder.first, Info, "%s runs `%s`: the runtime runs that directly", runCmd, script)
	return p.checkProgram()
}

// stripRunner drops `poetry run` and the like: the runtime has the
// environment on PATH and runs the rest itself.
func (p *plan) stripRunner(runCmd string, rest []word) error {
	pr := p.prog
	if len(rest) == 0 {
		return declinef("line %d: %s runs nothing", pr.holder.first, runCmd)
	}
	if pr.needsShell {
		// Keep the shell form, without the runner in front.
		text := strings.Join(cmdLine(pr.holder).CmdLine, " ")
		lead := ""
		if strings.HasPrefix(text, "exec ") {
			lead, text = "exec ", strings.TrimPrefix(text, "exec ")
		}
		if !strings.HasPrefix(text, runCmd+" ") {
			return declinef("line %d: cannot take %s out of the command", pr.holder.first, runCmd)
		}
		pr.newText = pr.holder.node.Value + " " + lead + strings.TrimPrefix(text, runCmd+" ")
		pr.word = rest[0].text
	} else {
		pr.exec, pr.word, pr.resolved = wordTexts(rest), rest[0].text, true
	}
	p.f.note(pr.holder.first, Info, "%s is left out: the runtime has the environment on PATH", runCmd)
	return p.checkProgram()
}

// readScript reads the runner's script from the build context.
func (p *plan) readScript(r *Runner) (string, bool, error) {
	f := p.f
	if f.opt.Context == nil {
		return "", false, fmt.Errorf("the build context is not available to read %s", r.File)
	}
	data, err := fs.ReadFile(f.opt.Context, r.File)
	if err != nil {
		return "", false, fmt.Errorf("%s is not readable", r.File)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return "", false, fmt.Errorf("%s is not valid JSON", r.File)
	}
	for _, k := range strings.Split(r.Key, ".") {
		m, ok := doc.(map[string]any)
		if !ok {
			return "", false, nil
		}
		if doc, ok = m[k]; !ok {
			return "", false, nil
		}
	}
	str, ok := doc.(string)
	return str, ok, nil
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
	switch {
	case pr.art != nil:
		exec[0] = pr.abs
	case pr.interp && len(r.Entrypoint) > 0 && pr.holder.kw == "CMD":
		// The image's entrypoint is the interpreter (and its leading
		// arguments, java -jar): the CMD starts after them, and options
		// that stood before them go to the interpreter's variable.
		exec = exec[1:]
		if len(r.Entrypoint) > 1 {
			at := indexOf(exec, r.Entrypoint[1])
			if at >= 0 {
				p.optionsEnv = append(p.optionsEnv, exec[:at]...)
				exec = exec[at+len(r.Entrypoint)-1:]
			}
		}
	case pr.interp && len(r.Entrypoint) > 0:
		exec[0] = r.Entrypoint[0]
	}
	same := len(exec) == len(pr.orig)
	for i := range exec {
		same = same && exec[i] == pr.orig[i]
	}
	if same && !pr.shellForm && !pr.resolved {
		return
	}
	pr.newText = pr.holder.node.Value + " " + jsonArgs(exec)
	if pr.shellForm {
		p.f.note(pr.holder.first, Info, "shell-form %s becomes exec form, so that signals reach the program directly", pr.holder.kw)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// resolve finds the artifact a command's program word names, and its
// absolute path.
func (p *plan) resolve(w string) (string, *artifact) {
	f := p.f
	arts := f.artifacts
	if strings.Contains(w, "/") {
		abs := f.abs(w)
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
	var out []string
	for _, a := range p.f.artifacts {
		if a.name == "" {
			out = append(out, "a file in "+a.dir)
		} else {
			out = append(out, a.path())
		}
	}
	if len(out) == 0 {
		return "it writes none"
	}
	return "it writes " + strings.Join(out, ", ")
}

func (p *plan) usedArtifacts() []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range p.f.artifacts {
		if a.folder {
			if !seen[a.dir] {
				seen[a.dir] = true
				out = append(out, a.dir)
			}
			continue
		}
		if a.name == "" || (a.onlyIfRun && !a.used) {
			continue
		}
		if !seen[a.path()] {
			seen[a.path()] = true
			out = append(out, a.path())
		}
	}
	return out
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

// decideLibc decides whether the artifacts link a C library, and whether
// the static switch must be set on the build commands.
func (p *plan) decideLibc() {
	f := p.f
	for _, e := range f.env {
		if _, ok := f.preset.Static.Env[e.key]; ok {
			f.staticSet = true
		}
		for _, sig := range f.preset.Static.NeedsLibc {
			if sig.re.MatchString(e.key + "=" + strings.Trim(e.raw, `"'`)) {
				f.libcWhy = append(f.libcWhy, Evidence{Line: e.in.first, What: sig.Why})
			}
		}
	}
	if len(f.libcWhy) > 0 {
		w := f.libcWhy[0]
		f.note(w.Line, Info, "the program links %s (%s): the runtime needs the same C library", f.variant.Libc, w.What)
	}
	if len(f.libcWhy) == 0 && !f.staticSet {
		p.static = true
		line := 0
		for _, a := range f.artifacts {
			line = a.in.first
			break
		}
		for _, k := range sortedKeys(f.preset.Static.Env) {
			f.note(line, Info, "%s=%s is set on the build so the program needs no C library", k, f.preset.Static.Env[k])
		}
	}
}

// libc is the C library the program needs: none, glibc or musl.
func (p *plan) libc() string {
	if len(p.f.libcWhy) > 0 || len(p.f.preset.Static.Env) == 0 {
		// Without a way to build static artifacts (the preset has none),
		// what the build made links the builder's C library.
		return p.f.variant.Libc
	}
	// The file sets the switch itself: trust a static value only.
	for k, v := range p.f.preset.Static.Env {
		if got, ok := p.f.envNow[k]; ok && got != v {
			return p.f.variant.Libc
		}
	}
	return "none"
}

func fits(r *Runtime, libc string) bool {
	switch libc {
	case "none":
		return true
	default:
		return r.Libc == libc
	}
}

// chooseRuntime picks the runtime image for the needs the file shows.
func (p *plan) chooseRuntime() error {
	f := p.f
	libc := p.libc()
	need := append(append([]string(nil), p.prog.tools...), p.pkgTools...)
	tools := p.healthcheckTools()
	values := p.values()
	pick := func(flavor string, withTools bool) *Runtime {
		for i := range f.preset.Runtimes {
			r := &f.preset.Runtimes[i]
			if r.Flavor != flavor || !fits(r, libc) || !r.allows(values) {
				continue
			}
			if len(missingTools(r, need)) > 0 {
				continue
			}
			if withTools && len(missingTools(r, tools)) > 0 {
				continue
			}
			return r
		}
		return nil
	}
	needs := p.needsText(libc, need)
	asked := f.opt.Runtime
	if asked != "" {
		known := false
		for _, r := range f.preset.Runtimes {
			known = known || r.Flavor == asked
		}
		if !known {
			return declinef("the %s preset has no %q runtime", f.preset.Name, asked)
		}
		r := pick(asked, false)
		if r == nil {
			return declinef("--runtime %s cannot run this program: %s", asked, p.unmet(asked, libc, need, values))
		}
		p.runtime, p.why = r, "asked for with --runtime "+asked+"; "+r.Why
	} else {
		order := append([]string{f.preset.DefaultFlavor}, f.preset.Fallback...)
		for _, fl := range order {
			if r := pick(fl, false); r != nil {
				p.runtime = r
				break
			}
		}
		if p.runtime == nil {
			return declinef("no runtime of the %s preset can run this program: %s", f.preset.Name, needs)
		}
		p.why = p.runtime.Why
		if p.runtime.Flavor != f.preset.DefaultFlavor {
			why := p.unmet(f.preset.DefaultFlavor, libc, need, values)
			p.why = fmt.Sprintf("%s instead of %s: %s; %s", p.runtime.Flavor, f.preset.DefaultFlavor, why, p.runtime.Why)
			f.note(p.prog.holder.first, Info, "runtime %s instead of %s: %s", p.runtime.Flavor, f.preset.DefaultFlavor, why)
		}
	}
	if miss := missingTools(p.runtime, tools); len(miss) > 0 {
		if f.opt.FitHealthcheck && asked == "" {
			for _, fl := range append([]string{f.preset.DefaultFlavor}, f.preset.Fallback...) {
				if r := pick(fl, true); r != nil {
					if r != p.runtime {
						f.note(f.healthcheck.first, Info, "runtime %s chosen because HEALTHCHECK runs %s", r.Flavor, strings.Join(miss, ", "))
						p.runtime, p.why = r, fmt.Sprintf("%s: HEALTHCHECK runs %s; %s", r.Flavor, strings.Join(miss, ", "), r.Why)
					}
					break
				}
			}
		}
	}
	img, err := p.runtime.image(values)
	if err != nil {
		return declinef("internal error: runtime image template: %v", err)
	}
	p.image = mapImage(img, f.opt.ImageMap)
	if miss := missingTools(p.runtime, tools); len(miss) > 0 {
		f.note(f.healthcheck.first, Warning, "HEALTHCHECK runs %s, which %s does not have: the check will fail (use a check built into the program, or --fit-healthcheck)", strings.Join(miss, ", "), img)
	}
	return nil
}

func (p *plan) needsText(libc string, tools []string) string {
	var parts []string
	switch libc {
	case "none":
		parts = append(parts, "the program is static")
	default:
		parts = append(parts, fmt.Sprintf("the program links %s (%s)", libc, p.libcReason(libc)))
	}
	if len(tools) > 0 {
		parts = append(parts, p.toolsText(tools))
	}
	return strings.Join(parts, ", and ")
}

// toolsText says who needs which tools.
func (p *plan) toolsText(tools []string) string {
	var cmd, pkg []string
	for _, t := range tools {
		if contains(p.pkgTools, t) && !contains(p.prog.tools, t) {
			pkg = append(pkg, t)
		} else {
			cmd = append(cmd, t)
		}
	}
	var parts []string
	if len(cmd) > 0 {
		parts = append(parts, fmt.Sprintf("%s on line %d needs %s", p.prog.holder.kw, p.prog.holder.first, strings.Join(cmd, " and ")))
	}
	if len(pkg) > 0 {
		parts = append(parts, fmt.Sprintf("installing the run-time packages needs %s", strings.Join(pkg, " and ")))
	}
	return strings.Join(parts, ", and ")
}

// libcReason says why the program links the C library it does.
func (p *plan) libcReason(libc string) string {
	if len(p.f.libcWhy) > 0 {
		w := p.f.libcWhy[0]
		return fmt.Sprintf("%s, line %d", w.What, w.Line)
	}
	return fmt.Sprintf("it was built on a %s builder, %s", libc, p.f.image)
}

// unmet says which need no runtime of a flavor meets.
func (p *plan) unmet(flavor, libc string, tools []string, values map[string]string) string {
	libcOK, whenOK := false, false
	for i := range p.f.preset.Runtimes {
		r := &p.f.preset.Runtimes[i]
		if r.Flavor == flavor && fits(r, libc) {
			libcOK = true
			whenOK = whenOK || r.allows(values)
		}
	}
	if libcOK && !whenOK {
		return fmt.Sprintf("%s has no image for %s", flavor, p.f.image)
	}
	if !libcOK {
		return fmt.Sprintf("the program links %s (%s)", libc, p.libcReason(libc))
	}
	return p.toolsText(tools) + ", which " + flavor + " does not have"
}

func (p *plan) values() map[string]string {
	v := map[string]string{}
	for k, x := range p.f.variant.Values {
		v[k] = x
	}
	if re := p.f.variant.re; re != nil {
		if m := re.FindStringSubmatch(p.f.tag); m != nil {
			for i, n := range re.SubexpNames() {
				if n != "" && m[i] != "" {
					v[n] = m[i]
				}
			}
		}
	}
	return v
}

func mapImage(img string, m []ImageMapping) string {
	for _, x := range m {
		if x.From != "" && strings.HasPrefix(img, x.From) {
			return x.To + strings.TrimPrefix(img, x.From)
		}
	}
	return img
}

// healthcheckTools lists the programs the HEALTHCHECK runs that the
// build does not write.
func (p *plan) healthcheckTools() []string {
	hc := p.f.healthcheck
	if hc == nil {
		return nil
	}
	c := hc.cmd.(*instructions.HealthCheckCommand)
	if c.Health == nil || len(c.Health.Test) == 0 || c.Health.Test[0] == "NONE" {
		return nil
	}
	var tools []string
	add := func(w string) {
		if w == "" {
			return
		}
		if _, art := p.resolve(w); art != nil && art.name != "" {
			return
		}
		b := path.Base(w)
		for _, t := range tools {
			if t == b {
				return
			}
		}
		tools = append(tools, b)
	}
	switch c.Health.Test[0] {
	case "CMD-SHELL":
		add("sh")
		for _, sc := range splitShell(strings.Join(c.Health.Test[1:], " ")).cmds {
			if args, _ := sc.argv(); len(args) > 0 && !isShellBuiltin(args[0].text) {
				add(args[0].text)
			}
		}
	case "CMD":
		if len(c.Health.Test) > 1 {
			add(c.Health.Test[1])
		}
	}
	return tools
}

func isShellBuiltin(s string) bool {
	switch s {
	case "exit", "test", "[", "true", "false", "echo", "cd", "return", "set":
		return true
	}
	return false
}

func missingTools(r *Runtime, tools []string) []string {
	var miss []string
	for _, t := range tools {
		if !r.hasTool(t) {
			miss = append(miss, t)
		}
	}
	return miss
}

// planEnv carries the run-time variables into the runtime stage.
func (p *plan) planEnv() error {
	f := p.f
	kept := map[string]bool{}
	dropped := map[string]bool{}
	for _, e := range f.env {
		_, staticKey := f.preset.Static.Env[e.key]
		if f.preset.dropsEnv(e.key) || staticKey {
			dropped[e.key] = true
			continue
		}
		raw := e.raw
		for _, m := range varRef.FindAllStringSubmatchIndex(raw, -1) {
			name := raw[m[2]:m[3]]
			if m[0] > 0 && raw[m[0]-1] == '\\' {
				continue
			}
			switch {
			case kept[name] || p.isStageArg(name):
			case p.runtimeHas(name) && !dropped[name]:
			case dropped[name] || f.preset.Builder.Env[name] != "":
				if strings.HasPrefix(raw[m[0]:], "${"+name+":") {
					return declinef("line %d: cannot carry %s to the runtime: it uses %s with a modifier", e.in.first, e.key, name)
				}
			default:
				p.allowed[name] = true
			}
		}
		raw = p.substituteBuilderVars(raw, dropped)
		if e.legacy {
			p.env = append(p.env, legacyEnv(e.key, raw))
		} else {
			p.env = append(p.env, e.key+"="+raw)
		}
		kept[e.key] = true
		for _, m := range varRef.FindAllStringSubmatch(raw, -1) {
			p.uses = append(p.uses, varUse{m[1], e.in.first})
		}
	}
	for _, v := range p.optionVars {
		for _, e := range f.env {
			if e.key == v {
				p.optionsEnv = append(p.optionsEnv, strings.Trim(e.raw, `"'`))
			}
		}
	}
	if len(p.optionsEnv) > 0 && f.preset.OptionsEnv != "" {
		k := f.preset.OptionsEnv
		val := strings.Join(p.optionsEnv, " ")
		f.note(p.prog.holder.first, Info, "the interpreter options %s go to %s, which the runtime's interpreter reads itself", val, k)
		if kept[k] {
			f.note(p.prog.holder.first, Warning, "%s is also set by the file; check that it holds %s", k, val)
		} else {
			p.env = append(p.env, k+"="+envQuote(val))
			kept[k] = true
		}
	}
	extra := append([]string(nil), f.preset.RuntimeEnv...)
	if f.prepared != nil {
		extra = append(extra, f.prepared.RuntimeEnv...)
	}
	for _, kv := range extra {
		k, _, _ := strings.Cut(kv, "=")
		if !kept[k] {
			p.env = append(p.env, kv)
			kept[k] = true
		}
	}
	return nil
}

// substituteBuilderVars replaces references to variables that only the
// builder has (its image's env, dropped ENV) with their values.
func (p *plan) substituteBuilderVars(raw string, dropped map[string]bool) string {
	f := p.f
	return plainRef.ReplaceAllStringFunc(raw, func(ref string) string {
		m := plainRef.FindStringSubmatch(ref)
		name := m[1] + m[2]
		if (!dropped[name] && f.preset.Builder.Env[name] == "") || p.isStageArg(name) || p.runtimeHas(name) {
			return ref
		}
		return f.envNow[name]
	})
}

var plainRef = regexp.MustCompile(`\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))`)

// envQuote quotes an ENV value when it has blanks.
func envQuote(v string) string {
	if !strings.ContainsAny(v, " \t\"'\\$") {
		return v
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

// legacyEnv writes a legacy `ENV K value words` in the key=value form
// when quoting keeps the value the same; otherwise in the legacy form.
func legacyEnv(key, raw string) string {
	switch {
	case strings.ContainsAny(raw, "\"'`\\"):
		return key + " " + raw
	case strings.ContainsAny(raw, " \t"):
		return key + "=\"" + raw + "\""
	default:
		return key + "=" + raw
	}
}

// runtimeHas reports whether the runtime image sets the variable itself.
func (p *plan) runtimeHas(name string) bool {
	for _, e := range p.runtime.Env {
		if e == name {
			return true
		}
	}
	return false
}

func (p *plan) isStageArg(name string) bool {
	for _, a := range p.f.stageArgs {
		if a.name == name {
			return true
		}
	}
	return false
}

// planUser decides the runtime stage's USER.
func (p *plan) planUser() {
	defer p.checkPorts()
	f, r := p.f, p.runtime
	if f.user == nil {
		if !r.ImageUser {
			p.user = r.User
		}
		f.note(0, Info, "the original image ran as root; the runtime runs as the non-root user %s", r.User)
		return
	}
	u := f.user.cmd.(*instructions.UserCommand).User
	name, group, _ := strings.Cut(u, ":")
	numeric := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	switch {
	case name == "root" || name == "0":
		p.user = r.User
		f.note(f.user.first, Warning, "the original ran as root (USER %s); the runtime runs as the non-root user %s", u, r.User)
	case numeric(name) && (group == "" || numeric(group)):
		p.user = u
	case r.hasUser(name) && (group == "" || numeric(group) || r.hasUser(group)):
		p.user = u
	case f.created[name]:
		p.user = r.User
		f.note(f.user.first, Info, "user %s is created in the builder and does not exist in %s; the runtime runs as the non-root user %s", name, p.image, r.User)
	default:
		p.user = r.User
		f.note(f.user.first, Warning, "user %s does not exist in %s; the runtime runs as the non-root user %s", name, p.image, r.User)
	}
	if p.user != "" {
		for _, m := range varRef.FindAllStringSubmatch(p.user, -1) {
			p.uses = append(p.uses, varUse{m[1], f.user.first})
		}
	}
}

// checkPorts warns about privileged ports a non-root user cannot bind.
func (p *plan) checkPorts() {
	u := p.user
	if u == "" {
		u = p.runtime.User
	}
	if name, _, _ := strings.Cut(u, ":"); name == "root" || name == "0" || u == "" {
		return
	}
	for _, in := range p.f.moved {
		c, ok := in.cmd.(*instructions.ExposeCommand)
		if !ok {
			continue
		}
		for _, port := range c.Ports {
			num, _, _ := strings.Cut(port, "/")
			if n, err := strconv.Atoi(num); err == nil && n > 0 && n < 1024 {
				p.f.note(in.first, Warning, "port %d is below 1024: the non-root user %s cannot bind it unless the program is given the capability; consider a port from 1024 up", n, u)
			}
		}
	}
}

// planFiles finds what the runtime copies from the builder: the
// runtime image's own needs, the artifacts and the run-time files.
func (p *plan) planFiles() {
	f := p.f
	p.copies = append(p.copies, p.runtime.Copy...)
	p.copies = append(p.copies, p.usedArtifacts()...)
	var files []string
	seen := map[string]bool{}
	add := func(x string) {
		if !seen[x] {
			seen[x] = true
			files = append(files, x)
		}
	}
	wanted := func(name string) bool {
		for _, w := range f.preset.RuntimeFiles {
			if ok, _ := path.Match(w, name); ok {
				return true
			}
		}
		return false
	}
	ignored := f.dockerignore()
	noContext := false
	for _, c := range f.copies {
		dest := c.cp.DestPath
		if d, ok := f.expand(dest); ok {
			dest = d
		}
		destDir := strings.HasSuffix(dest, "/") || dest == "." || strings.HasSuffix(dest, "/.") || len(c.cp.SourcePaths) > 1
		absDest := path.Join(c.cwd, dest)
		if path.IsAbs(dest) {
			absDest = path.Clean(dest)
		}
		for _, s := range c.cp.SourcePaths {
			s = path.Clean(strings.TrimPrefix(s, "/"))
			if s == "." {
				if f.opt.Context == nil {
					noContext = true
					continue
				}
				entries, err := fs.ReadDir(f.opt.Context, ".")
				if err != nil {
					continue
				}
				for _, e := range entries {
					if wanted(e.Name()) && !ignored[e.Name()] {
						add(path.Join(absDest, e.Name()))
					}
				}
				continue
			}
			base := path.Base(s)
			if strings.ContainsAny(s, "*?[") {
				if f.opt.Context != nil {
					matches, _ := fs.Glob(f.opt.Context, s)
					for _, m := range matches {
						if wanted(path.Base(m)) && !ignored[path.Base(m)] {
							add(path.Join(absDest, path.Base(m)))
						}
					}
				}
				continue
			}
			if !wanted(base) {
				continue
			}
			isDir := strings.HasSuffix(c.cp.SourcePaths[0], "/")
			if f.opt.Context != nil {
				if st, err := fs.Stat(f.opt.Context, s); err == nil {
					isDir = st.IsDir()
				}
			}
			switch {
			case !destDir:
				add(absDest)
			case isDir && path.Base(absDest) == base:
				add(absDest)
			case isDir:
				f.note(c.in.first, Warning, "%s/ is copied into %s flat; restage cannot tell which of its files the program reads, so none are copied to the runtime", base, dest)
			default:
				add(path.Join(absDest, base))
			}
		}
	}
	if noContext && len(f.preset.RuntimeFiles) > 0 {
		f.note(0, Info, "the build context was not available: run-time files (%s) copied with COPY . were not looked for", strings.Join(f.preset.RuntimeFiles[:min(4, len(f.preset.RuntimeFiles))], ", "))
	}
	sort.Strings(files)
	p.copies = append(p.copies, files...)
}

// dockerignore returns the top-level names .dockerignore excludes.
func (f *facts) dockerignore() map[string]bool {
	out := map[string]bool{}
	if f.opt.Context == nil {
		return out
	}
	data, err := fs.ReadFile(f.opt.Context, ".dockerignore")
	if err != nil {
		return out
	}
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "!") {
			continue
		}
		out[strings.Trim(path.Clean(l), "/")] = true
	}
	return out
}

// planBlocks collects the instructions that move, verbatim, with the
// comments above them.
func (p *plan) planBlocks() {
	f := p.f
	dropped := map[*inst]bool{}
	for _, d := range f.dropped {
		dropped[d] = true
	}
	if p.prog.needsShell && f.shellIn != nil {
		// The kept shell-form command ran under this SHELL.
		p.blocks = append(p.blocks, p.blockText(f.shellIn))
	}
	for _, in := range f.moved {
		if dropped[in] {
			continue
		}
		text := p.blockText(in)
		switch in.kw {
		case "CMD", "ENTRYPOINT":
			p.command = append(p.command, text)
		default:
			p.blocks = append(p.blocks, text)
		}
		switch in.kw {
		case "LABEL", "EXPOSE", "VOLUME", "STOPSIGNAL":
			for _, m := range varRef.FindAllStringSubmatch(in.node.Original, -1) {
				p.uses = append(p.uses, varUse{m[1], in.first})
			}
		}
	}
}

// blockText is the verbatim text of a moved instruction with the comment
// lines directly above it, the program rewritten when planned.
func (p *plan) blockText(in *inst) string {
	s := p.f.src
	c := commentStart(s, in)
	body := s.text(in.first, in.end)
	if p.prog != nil && p.prog.holder == in && p.prog.newText != "" {
		lead := body[:len(body)-len(strings.TrimLeft(body, " \t"))]
		body = lead + p.prog.newText + s.eol
	}
	if !strings.HasSuffix(body, "\n") {
		body += s.eol
	}
	if c < in.first {
		return s.text(c, in.first-1) + body
	}
	return body
}

// commentStart is the first of the comment lines directly above in.
func commentStart(s *source, in *inst) int {
	c := in.first
	for c > 1 && s.isComment(c-1) && !isDirectiveLine(s, c-1) {
		c--
	}
	return c
}

var directiveRe = regexp.MustCompile(`^\s*#\s*(syntax|escape|check)\s*=`)

// isDirectiveLine reports whether line n is a parser directive: one of
// the lines at the very top before anything else.
func isDirectiveLine(s *source, n int) bool {
	for i := 1; i <= n; i++ {
		if !directiveRe.MatchString(s.lineText(i)) {
			return false
		}
	}
	return true
}

// planArgs re-declares the stage ARGs the runtime stage uses.
func (p *plan) planArgs() {
	seen := map[string]bool{}
	for _, u := range p.uses {
		if seen[u.name] {
			continue
		}
		for _, a := range p.f.stageArgs {
			if a.name == u.name && !seen[u.name] {
				seen[u.name] = true
			}
		}
	}
	for _, a := range p.f.stageArgs {
		if seen[a.name] {
			p.args = append(p.args, a.decl)
			delete(seen, a.name)
		}
	}
}
