package transform

// This file reads the build steps: which preset commands a RUN runs, and
// where their output goes.

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"

	"github.com/restage/restage/internal/yaml"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// runStep is one RUN with the simple commands it runs.
type runStep struct {
	in      *inst
	run     *instructions.RunCommand
	cwd     string
	wd      string // the WORKDIR at the RUN, which a mount's relative target is in
	text    string // the shell text: the command line, or the heredoc body
	builds  []buildUse
	heredoc bool
	user    string // the USER in effect, empty for the image's
	// script is the shell reader's parse of a shell-form text, kept so
	// that render need not parse the same text again.
	script *shell.Script
	// quoted is set when commands were read out of a sh -c string whose
	// bytes are not the script's bytes (double quotes): no edit goes
	// inside it.
	quoted bool
	// unread is set when a sh -c string could not be read at all (the
	// shell expands it at build time): it may run a build.
	unread bool
	// cmds are the simple commands the RUN runs, each with the folder
	// it runs in, for telling whether it may use development
	// dependencies.
	cmds []cmdAt
}

type cmdAt struct {
	args []word
	cwd  string
}

// buildUse is one preset build command found in a RUN.
type buildUse struct {
	bc   *BuildCommand
	args []word
	env  map[string]string
	cwd  string
	// byPath is the program as the RUN named it by its path in a folder
	// of PATH (/usr/local/bin/pip), "" when named as the preset does.
	byPath string
}

// artifact is a file the build writes that the runtime needs. An empty
// name means "one file in dir whose name the file does not tell".
type artifact struct {
	dir, name string
	folder    bool // the whole folder is the application
	app       bool // the folder where the application's dependencies are installed
	in        *inst
	onlyIfRun bool
	used      bool
	// tool is set for a program built from a package outside the
	// application's own sources (go install github.com/air-verse/air@v1.52.3):
	// a released tool, whose name may be one a decline rule names. One
	// that neither the command, its script nor the HEALTHCHECK runs stays
	// in the builder.
	tool bool
	pkg  string // the tool's package, as the command names it
	// compiles are the builder paths a packages build (go build) was
	// given, each a source file or a folder whose package it compiles
	// (the working folder when none was); compiled says it was one.
	compiles []string
	compiled bool
	packages *presets.Packages
}

func (a artifact) path() string { return path.Join(a.dir, a.name) }

// install is a dependency install of the application, and whether it
// keeps to production dependencies.
type install struct {
	bc       *BuildCommand
	prodOnly bool
	in       *inst
	cwd      string
	named    bool // a word that is no option: a package the lockfile may not list
	// root is the folder the install fills: cwd, or the root of the
	// workspace that lists cwd as a member (rootWhy says so), where the
	// runtime's copy and the prune go.
	root, rootWhy string
}

// readRun finds the preset's build commands in a RUN step and the
// artifacts they write.
func (f *facts) readRun(in *inst, r *instructions.RunCommand) error {
	user := f.userNow
	if f.user == nil {
		user = f.variant.User // the image's own (gradle:5.4), or root
	}
	step := runStep{in: in, run: r, cwd: f.workdir, wd: f.workdir, user: user}
	if len(r.Files) > 0 {
		step.heredoc = true
		for _, file := range r.Files {
			step.text += file.Data + "\n"
		}
	} else if r.PrependShell {
		step.text = strings.Join(r.CmdLine, " ")
	} else {
		// Exec form: the words are exact.
		f.needsLibc(in, strings.Join(r.CmdLine, " "))
		f.readPkgSources(in, strings.Join(r.CmdLine, " "))
		f.scanCmd(&step, execCmd(r.CmdLine), &step.cwd)
		sc := &shell.Script{Cmds: []shell.Cmd{shell.Literal(r.CmdLine)}}
		if d := f.preset.Static.LibcDeps; d != nil {
			f.runDeps(d, in, sc)
		}
		f.runLibDeps(in, sc)
		f.runs = append(f.runs, step)
		return f.collectArtifacts(&step)
	}
	f.needsLibc(in, step.text)
	f.readPkgSources(in, step.text)
	// Text the shell cannot read would show no commands, and the file
	// would be judged on what is left (no build step, say): refuse it
	// with the parser's reason instead.
	line, err := readShell(step.text)
	if err != nil {
		return declinef(declShellUnreadable, "line %d: cannot read the shell command: %s", in.first, shellMessage(err))
	}
	step.script = line.script
	cwd := f.workdir
	// Commands read out of a sh -c string run too, in a shell of their
	// own: a cd there moves only them. The reader lists them right after
	// the sh -c command that runs them.
	// Each shell's variables are its own too: a sh -c string sees
	// only what the RUN exported.
	inner := cwd
	outerVars := shellVars{}
	innerVars := outerVars
	cmds, decl := inOrder(line.script)
	for i, c := range cmds {
		if c.Inline && (i == 0 || !cmds[i-1].Inline) {
			inner = cwd
			innerVars = outerVars.exported()
		}
		at, vars := &cwd, outerVars
		if c.Inline {
			at, vars = &inner, innerVars
		}
		if !decl[i] && len(c.Words)+len(c.Assigns) > 0 {
			f.runVars = vars
			f.scanCmd(&step, simpleCmd{c}, at)
		}
		vars.set(c, f.expandIn)
	}
	quoted, unread := quotedScripts(line.script)
	step.unread = unread
	for _, script := range quoted {
		// A double-quoted sh -c string with nothing the shell expands:
		// its commands run, but an edit inside it could break its
		// quoting, so render sets variables with ENV instead.
		step.quoted = true
		inner := cwd
		vars := outerVars.exported()
		cmds, decl := inOrder(script)
		for i, c := range cmds {
			if !decl[i] && len(c.Words)+len(c.Assigns) > 0 {
				f.runVars = vars
				f.scanCmd(&step, simpleCmd{c}, &inner)
			}
			vars.set(c, f.expandIn)
		}
	}
	f.runVars = nil
	if d := f.preset.Static.LibcDeps; d != nil {
		f.runDeps(d, in, line.script)
	}
	f.runLibDeps(in, line.script)
	for _, script := range quoted {
		f.runLibDeps(in, script)
	}
	f.runs = append(f.runs, step)
	return f.collectArtifacts(&step)
}

func (f *facts) scanCmd(step *runStep, c simpleCmd, cwd *string) {
	args, env := c.argv()
	if len(args) == 0 {
		return
	}
	f.scanPackages(args, step.in.first, c.c.End)
	if f.scanGlobal(args, step.in, *cwd) {
		// A global install (npm install -g serve) fills no app folder.
		step.cmds = append(step.cmds, cmdAt{args: args, cwd: *cwd})
		return
	}
	step.cmds = append(step.cmds, cmdAt{args: args, cwd: *cwd})
	if args[0].text == "cd" && len(args) == 2 && !args[1].dynamic {
		*cwd = path.Join(*cwd, args[1].text)
		if path.IsAbs(args[1].text) {
			*cwd = path.Clean(args[1].text)
		}
		return
	}
	if args[0].text == "mv" {
		f.scanMove(args, *cwd, step.in)
	}
	if args[0].text == "cp" {
		f.scanCp(args, *cwd, step.in)
	}
	if args[0].text == "mkdir" {
		f.scanMkdir(args, *cwd, step.in)
	}
	if args[0].text == "chown" {
		f.scanChown(args, *cwd, step.in)
	}
	if (args[0].text == "adduser" || args[0].text == "useradd") && len(args) > 1 {
		// The user name is the last plain word (Debian adduser takes an
		// optional group after it; both get remembered).
		uid := ""
		for i, w := range args[1:] {
			if !strings.HasPrefix(w.text, "-") {
				f.created[w.text] = true
			}
			if (w.text == "-u" || w.text == "--uid") && i+2 < len(args) && isNumeric(args[i+2].text) {
				uid = args[i+2].text
			}
		}
		if uid != "" {
			for _, w := range args[1:] {
				if !strings.HasPrefix(w.text, "-") && w.text != uid {
					f.createdUID[w.text] = uid
				}
			}
		}
		return
	}
	for _, k := range f.preset.Static.Env.Names() {
		if _, ok := env[k]; ok {
			f.staticSet = true
		}
	}
	named := ""
	if w, _ := f.commandWords(args, *cwd); len(w) > 0 && !w[0].dynamic && path.IsAbs(w[0].text) {
		named = w[0].text
	}
	args = f.buildWords(args, *cwd)
	if bc := f.buildCmd(args); bc != nil {
		if len(step.builds) == 0 {
			f.evidence = append(f.evidence, Evidence{Line: step.in.first, What: "build step: " + bc.Command})
		}
		if named == args[0].text {
			named = ""
		}
		step.builds = append(step.builds, buildUse{bc: bc, args: args[len(strings.Fields(bc.Command)):], env: env, cwd: *cwd, byPath: named})
	}
}

// buildCmd returns the preset's build step that the words (as
// commandWords gives them) run, or nil.
func (f *facts) buildCmd(args []word) *BuildCommand {
	for i := range f.preset.Build {
		bc := &f.preset.Build[i]
		n := len(strings.Fields(bc.Command))
		if hasPrefixWords(args, bc.Command) && (!bc.Bare || len(args) == n || strings.HasPrefix(args[n].text, "-")) && hasAnyArg(args[n:], bc.WithArgs) && (len(bc.WithoutArgs) == 0 || !hasAnyArg(args[n:], bc.WithoutArgs)) {
			if len(bc.ByBuilder) > 0 {
				// The builder's package manager decides which flags
				// prune and which keep to production dependencies.
				return bc.ForBuilder(f.values())
			}
			return bc
		}
	}
	return nil
}

// buildWords gives the words a build step is matched on: commandWords's,
// with the options the preset's command_options allow between a
// command's words set aside (review 25, finding G: `python3 -B -m pip
// --no-cache-dir install` is pip's install). Only the matching reads
// them so; the RUN keeps the options as written.
func (f *facts) buildWords(args []word, cwd string) []word {
	args, _ = f.commandWords(args, cwd)
	args = f.onPathName(args)
	args = f.moveOptions(args)
	for _, o := range f.preset.CommandOptions {
		if !hasPrefixWords(args, o.After) {
			continue
		}
		n := len(strings.Fields(o.After))
		j := n
	scan:
		for j < len(args) {
			w := args[j]
			name, _, eq := strings.Cut(w.text, "=")
			switch {
			case w.dynamic:
				break scan
			case slices.Contains(o.Flags, w.text):
				j++
			case eq && slices.Contains(o.ValueFlags, name):
				j++
			case slices.Contains(o.ValueFlags, w.text) && j+1 < len(args):
				j += 2
			default:
				break scan
			}
		}
		if j > n {
			args = slices.Concat(args[:n], args[j:])
		}
	}
	return args
}

// onPathName reads a first word that names a program by its path in a
// folder of the PATH at this step (the image's, from the preset, and the
// file's ENV) as the name a shell finds there: `/usr/local/bin/pip
// install` runs what `pip install` runs (review 29, finding C). Only a
// name one of the preset's build steps starts with is read so.
func (f *facts) onPathName(args []word) []word {
	if len(args) == 0 || args[0].dynamic || !path.IsAbs(args[0].text) {
		return args
	}
	dir, base := path.Split(path.Clean(args[0].text))
	if !slices.Contains(strings.Split(f.envNow["PATH"], ":"), path.Clean(dir)) {
		return args
	}
	for _, bc := range f.preset.Build {
		if cw, _, _ := strings.Cut(bc.Command, " "); cw == base {
			w := args[0]
			w.text = base
			return append([]word{w}, args[1:]...)
		}
	}
	return args
}

// moveOptions reads the options of a command_options entry's Moved and
// MovedFlags that follow its words as if written right after the next
// word, the subcommand (`poetry -C /app install` is `poetry install -C
// /app`, `poetry -n install` is `poetry install -n`): the program reads
// them anywhere, and the build steps and runners read them after the
// subcommand. Words after the entry's that are not all such options
// followed by a plain subcommand are left as they are.
func (f *facts) moveOptions(args []word) []word {
	for _, o := range f.preset.CommandOptions {
		if len(o.Moved)+len(o.MovedFlags) == 0 || !hasPrefixWords(args, o.After) {
			continue
		}
		n := len(strings.Fields(o.After))
		j := n
		for j < len(args) {
			if !args[j].dynamic && slices.Contains(o.MovedFlags, args[j].text) {
				j++
				continue
			}
			name, _, eq := strings.Cut(args[j].text, "=")
			if args[j].dynamic || !slices.Contains(o.Moved, name) || (!eq && j+1 >= len(args)) {
				break
			}
			if eq {
				j++
			} else {
				j += 2
			}
		}
		if j == n || j >= len(args) || args[j].dynamic || strings.HasPrefix(args[j].text, "-") {
			continue
		}
		args = slices.Concat(args[:n], args[j:j+1], args[n:j], args[j+1:])
	}
	return args
}

// commandWords gives the words a preset command (a build step, a
// runner) is matched on. A shell handed a script file (sh mvnw package,
// bash ./gradlew build) runs that script of the working folder with the
// words after it as its arguments. A script run by its path
// (/work/gradlew build) is a command the preset names as a file of the
// working folder (./gradlew) when its base name is that command's and
// the path is a file the build context brought in. n is how many of
// args the first word of the result stands for.
func (f *facts) commandWords(args []word, cwd string) (out []word, n int) {
	if len(args) == 0 { // CMD [] runs nothing
		return nil, 0
	}
	n = 1
	if k := shell.ScriptArg(wordTexts(args)); k > 0 && !args[k].dynamic {
		script := args[k]
		if !strings.Contains(script.text, "/") {
			script.text = "./" + script.text
		}
		args, n = append([]word{script}, args[k+1:]...), k+1
	}
	prog := args[0]
	if prog.dynamic || !strings.Contains(prog.text, "/") {
		return args, n
	}
	for _, c := range f.presetCommands() {
		cw, _, _ := strings.Cut(c, " ")
		if cw == prog.text || !strings.HasPrefix(cw, "./") || path.Base(cw) != path.Base(prog.text) {
			continue
		}
		abs := path.Join(cwd, prog.text)
		if path.IsAbs(prog.text) {
			abs = path.Clean(prog.text)
		}
		if _, _, ok := f.contextFileAt(abs); ok {
			return append([]word{{text: cw}}, args[1:]...), n
		}
	}
	return args, n
}

// presetCommands lists the commands of the preset's build steps and
// runners.
func (f *facts) presetCommands() []string {
	var out []string
	for _, bc := range f.preset.Build {
		out = append(out, bc.Command)
	}
	for _, r := range f.preset.Runners {
		out = append(out, r.Commands...)
	}
	return out
}

// hasAnyArg reports whether one of want is among args (true when want is
// empty).
func hasAnyArg(args []word, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, a := range args {
		for _, w := range want {
			if a.text == w {
				return true
			}
		}
	}
	return false
}

// optionName is the option a command-line word gives, as the preset's
// decline_args name it: --opt=value is --opt, and -xvalue or -x=value is
// -x (uv's and pip's parsers take all three spellings of one option). A
// word that is no option is itself.
func optionName(w string) string {
	switch {
	case strings.HasPrefix(w, "--"):
		name, _, _ := strings.Cut(w, "=")
		return name
	case len(w) > 2 && w[0] == '-':
		return w[:2]
	}
	return w
}

// collectArtifacts works out where each build command of a step writes.
func (f *facts) collectArtifacts(step *runStep) error {
	for _, b := range step.builds {
		for _, a := range b.args {
			name := optionName(a.text)
			if sep := b.bc.TaskSep; sep != "" && !strings.HasPrefix(name, "-") {
				// A task of a project is the task still.
				if i := strings.LastIndex(name, sep); i >= 0 {
					name = name[i+len(sep):]
				}
			}
			if why, ok := b.bc.DeclineArgs.Lookup(name); ok {
				err := declinef(declPresetArg, "line %d: `%s %s`: %s", step.in.first, b.bc.Command, a.text, why)
				if t := b.bc.Dist.TaskOf(name); t != nil {
					// Declined later, unless the command runs the
					// distribution's start script (distProgram).
					f.dists = append(f.dists, f.distUseOf(step, b, a.text, t, err))
					continue
				}
				return err
			}
		}
		if err := f.checkInterpreterRequest(step, b); err != nil {
			return err
		}
		if names := toolNames(b); names != nil {
			f.toolUses = append(f.toolUses, toolUse{in: step.in, names: names, path: f.envNow["PATH"], prepare: b.bc.Prepare})
			continue
		}
		envDir := "" // the environment the install goes into, when the file names or makes one
		if pr := b.bc.Prepare; pr != nil {
			if dir, ok := f.ownEnv(pr, b); ok {
				envDir = dir
				if !slices.Contains(f.ownEnvs, dir) {
					f.ownEnvs = append(f.ownEnvs, dir)
				}
				f.artifacts = append(f.artifacts, artifact{dir: dir, folder: true, in: step.in})
			}
		}
		if pr := b.bc.Prepare; pr != nil && f.prepareAt == nil && len(f.ownEnvs) == 0 && !f.doesItself(pr) {
			if b.byPath != "" && len(pr.Copy) > 0 {
				// The program named by its path is the image's, which
				// installs into the image's Python, not the environment
				// the inserted PATH would hand a plain name to.
				return declinef(declInterpOutsideEnv, "line %d: the install runs %s by its path, which installs for the image's own interpreter, not into %s, the environment restage would add: run %s by name, or make the environment in the file", step.in.first, b.byPath, strings.Join(pr.Copy, ", "), path.Base(b.byPath))
			}
			if u := step.user; u != "" && !isRootUser(u) {
				return declinef(declInstallUser, "line %d: the install runs as USER %s, who cannot make the environment restage would add (%s); make it as root first, or switch USER after the install", step.in.first, u, strings.SplitN(pr.Lines[0], " ", 2)[1])
			}
			f.prepared, f.prepareAt = pr, step.in
			for _, c := range pr.Copy {
				f.artifacts = append(f.artifacts, artifact{dir: path.Clean(c), folder: true, in: step.in})
			}
		}
		if err := f.dropArgs(step, b, envDir); err != nil {
			return err
		}
		if a := b.bc.Artifact; a != nil && a.FolderArg {
			for _, w := range b.args {
				if strings.HasPrefix(w.text, "-") {
					continue
				}
				text := w.text
				if w.dynamic {
					// `python -m venv $VIRTUAL_ENV`: a variable the file's
					// ENV sets has that value when the RUN runs.
					x, ok := f.plainExpand(text)
					if !ok {
						return declinef(declFolderUnknown, "line %d: cannot tell which folder `%s` makes: %s is expanded at build time", step.in.first, b.bc.Command, w.text)
					}
					text = x
				}
				dir := path.Join(b.cwd, text)
				if path.IsAbs(text) {
					dir = path.Clean(text)
				}
				f.artifacts = append(f.artifacts, artifact{dir: dir, folder: true, in: step.in})
				break
			}
			continue
		}
		if c := b.bc.Collect; c != nil {
			f.collect, f.collectAt, f.collectCwd, f.collectUser = c, step.in, b.cwd, step.user
			f.collectBuild = b
		}
		if b.bc.App && b.cwd == "/" && envDir == "" && b.bc.Prepare != nil {
			envDir = f.envOnPath()
		}
		if b.bc.App && b.cwd == "/" && envDir == "" && b.bc.Prepare != nil && f.prepared != nil && len(f.prepared.Copy) > 0 {
			// restage's own environment, made before the first install,
			// takes this one too: the packages go there, not into /.
			envDir = path.Clean(f.prepared.Copy[0])
		}
		if b.bc.App && b.cwd == "/" && envDir != "" {
			// The install fills an environment elsewhere (/opt/venv);
			// running it in / says nothing about where the app's own
			// files are: the stage's final working folder says that.
			f.rootInstalls = append(f.rootInstalls, rootInstall{in: step.in, command: b.bc.Command, env: envDir})
			continue
		}
		if b.bc.App {
			if b.cwd == "/" && len(b.bc.Outputs) > 0 && f.opt.Context != nil {
				if why, ok := f.outputsUnless(b, step); ok {
					return declinef(declAppInRoot, "line %d: `%s` runs in /: %s, so the application has no folder of its own to copy (set a WORKDIR)", step.in.first, b.bc.Command, why)
				}
				// npm install in /: its node_modules there and what the
				// COPY instructions wrote are the app, when the stage
				// stays in / (appFromWorkdir).
				f.rootInstalls = append(f.rootInstalls, rootInstall{in: step.in, command: b.bc.Command, outputs: b.bc.Outputs})
				named := slices.ContainsFunc(b.args, func(w word) bool { return !strings.HasPrefix(w.text, "-") })
				f.installs = append(f.installs, install{bc: b.bc, prodOnly: f.prodOnly(b), in: step.in, cwd: b.cwd, named: named, root: "/"})
				continue
			}
			if b.cwd == "/" {
				return declinef(declAppInRoot, "line %d: `%s` runs in /: the application has no folder of its own to copy (set a WORKDIR)", step.in.first, b.bc.Command)
			}
			root, why, err := f.workspaceRoot(b, step.in.first)
			if err != nil {
				return err
			}
			f.artifacts = append(f.artifacts, artifact{dir: root, folder: true, app: true, in: step.in})
			named := slices.ContainsFunc(b.args, func(w word) bool { return !strings.HasPrefix(w.text, "-") })
			f.installs = append(f.installs, install{bc: b.bc, prodOnly: f.prodOnly(b), in: step.in, cwd: b.cwd, named: named, root: root, rootWhy: why})
		}
		if c := b.bc.Classes; c != nil {
			f.classDirs = append(f.classDirs, classesWritten(c, b)...)
		}
		f.addProjectClasses(&b)
		a := b.bc.Artifact
		if a == nil {
			continue
		}
		art, err := f.artifactOf(step, b)
		if err != nil {
			return err
		}
		if art != nil {
			f.artifacts = append(f.artifacts, *art)
		}
	}
	return nil
}

// outputsUnless gives the reason of the first of the install's
// OutputsUnless signs the file shows: the manager the build runs may
// write no Outputs, so they are not the app.
func (f *facts) outputsUnless(b buildUse, step *runStep) (string, bool) {
	for _, u := range b.bc.OutputsUnless {
		if u.Run != "" {
			re := regexp.MustCompile(u.Run)
			for _, r := range f.runs {
				if r.in.first > step.in.first {
					break
				}
				if re.MatchString(r.text) {
					return u.Why, true
				}
			}
			continue
		}
		text, _, ok := f.contextFileAt(path.Join(b.cwd, u.File))
		if !ok {
			data, err := fs.ReadFile(f.opt.Context, u.File)
			if err != nil {
				continue
			}
			text = string(data)
		}
		if u.Key == "" {
			return u.Why, true
		}
		var doc map[string]any
		if yaml.Unmarshal([]byte(text), &doc) != nil {
			return u.Why, true // unread, it may hold the sign
		}
		if v, ok := doc[u.Key].(string); ok && regexp.MustCompile(u.Match).MatchString(v) {
			return u.Why, true
		}
	}
	return "", false
}

func (f *facts) artifactOf(step *runStep, b buildUse) (*artifact, error) {
	a := b.bc.Artifact
	line := step.in.first
	cwd := b.cwd
	var out string
	var positional []word
	values := map[string]bool{}
	for _, v := range a.ValueFlags {
		values[v] = true
	}
	for i := 0; i < len(b.args); i++ {
		w := b.args[i]
		t := w.text
		if !strings.HasPrefix(t, "-") || t == "-" {
			positional = append(positional, w)
			continue
		}
		name, val, hasVal := strings.Cut(t, "=")
		name = "-" + strings.TrimLeft(name, "-")
		if !hasVal && values[name] {
			if i+1 >= len(b.args) {
				break
			}
			i++
			val, w = b.args[i].text, b.args[i]
		}
		if w.dynamic && (name == a.OutputFlag || name == a.ChdirFlag) {
			v, ok := f.expand(val)
			if !ok {
				return nil, declinef(declOutputUnknown, "line %d: cannot tell where `%s` writes its output: %s %s uses a variable with no value in the file", line, b.bc.Command, name, val)
			}
			val = v
		}
		switch name {
		case a.OutputFlag:
			out = val
		case a.ChdirFlag:
			cwd = path.Join(cwd, val)
			if path.IsAbs(val) {
				cwd = path.Clean(val)
			}
		}
	}
	for _, p := range positional {
		if p.dynamic {
			return nil, declinef(declTargetUnknown, "line %d: cannot tell what `%s` builds: %s is expanded at build time", line, b.bc.Command, p.text)
		}
	}
	art := &artifact{in: step.in, onlyIfRun: a.OnlyIfRun, compiled: a.Packages != nil, packages: a.Packages}
	if a.Packages != nil {
		for _, p := range positional {
			art.compiles = append(art.compiles, p.text)
		}
		if len(art.compiles) == 0 {
			art.compiles = []string{"."}
		}
		// A file or a folder is the builder's path; anything else is
		// an import path, resolved against the module later.
		for i, c := range art.compiles {
			switch {
			case path.IsAbs(c):
				art.compiles[i] = path.Clean(c)
			case strings.HasPrefix(c, ".") || a.SourceExt != "" && strings.HasSuffix(c, a.SourceExt):
				art.compiles[i] = path.Join(cwd, c)
			}
		}
	}
	if out != "" {
		p := path.Join(cwd, out)
		if path.IsAbs(out) {
			p = path.Clean(out)
		}
		if strings.HasSuffix(out, "/") {
			art.dir = p
		} else {
			art.dir, art.name = path.Split(p)
			art.dir = path.Clean(art.dir)
			return art, nil
		}
	} else if a.Dir != "" {
		env := envMap{}
		for k, v := range f.envNow {
			env[k] = v
		}
		for k, v := range b.env {
			env[k] = v
		}
		dir, _, err := expandEnv(f.src.escape, a.Dir, env)
		if err != nil || dir == "" {
			return nil, declinef(declOutputUnknown, "line %d: cannot tell where `%s` installs: %s is not set", line, b.bc.Command, a.Dir)
		}
		// A relative folder is relative to where the command runs
		// (cargo's target/release).
		art.dir = path.Join(cwd, dir)
		if path.IsAbs(dir) {
			art.dir = path.Clean(dir)
		}
	} else {
		art.dir = cwd
	}
	// Name the output the way the build tool would.
	var pkgs []string
	for _, p := range positional {
		pkgs = append(pkgs, p.text)
	}
	if len(pkgs) > 1 && !allWithExt(pkgs, a.SourceExt) {
		// Several packages and no output file: nothing is written, or
		// (for install) one file each whose names the CMD must tell.
		return art, nil
	}
	for _, src := range a.Name {
		switch src {
		case "source_file":
			if len(pkgs) > 0 && a.SourceExt != "" && strings.HasSuffix(pkgs[0], a.SourceExt) {
				art.name = strings.TrimSuffix(path.Base(pkgs[0]), a.SourceExt)
				return art, nil
			}
		case "package":
			if len(pkgs) == 1 && pkgs[0] != "." && pkgs[0] != "./" && !strings.Contains(pkgs[0], "...") {
				p, version, _ := strings.Cut(pkgs[0], "@")
				p = strings.TrimSuffix(p, "/")
				if f.preset.ModuleName != nil {
					p = f.preset.ModuleName.StripName(p)
				}
				own := strings.HasPrefix(p, ".") || strings.HasPrefix(p, "/")
				if mod, ok := f.modulePath(); ok && (p == mod || strings.HasPrefix(p, mod+"/")) {
					own = true
				}
				if base := path.Base(p); base != "." && base != "/" && base != ".." {
					art.name = base
					// A package given with a version, or by a path that is
					// neither a folder of the context nor in the app's
					// module, is somebody else's released program.
					art.tool = version != "" || !own
					art.pkg = pkgs[0]
					return art, nil
				}
			}
		case "module":
			if (len(pkgs) == 0 || pkgs[0] == "." || pkgs[0] == "./") && cwd != step.cwd && cwd != "/" {
				// Built from a sub-folder of the module: the package's
				// import path, and so the output, ends in the folder name.
				art.name = path.Base(cwd)
				return art, nil
			}
			if len(pkgs) == 0 || pkgs[0] == "." || pkgs[0] == "./" {
				if name, ok := f.moduleName(); ok {
					art.name = name
					return art, nil
				}
			}
		case "workdir":
			if len(pkgs) == 0 || pkgs[0] == "." || pkgs[0] == "./" {
				if !f.hasContextFile() && f.opt.Context != nil && cwd != "/" {
					// The module file is not in the context: the tool
					// would name the output after the folder.
					art.name = path.Base(cwd)
					return art, nil
				}
			}
		}
	}
	return art, nil
}

// rootInstall is an app install run in / that fills an environment
// elsewhere: the app's folder is the stage's final working folder.
type rootInstall struct {
	in      *inst
	command string
	env     string
	// outputs are what an install that fills no environment writes in
	// / (npm's node_modules), when env is "".
	outputs []string
}

// envOnPath returns a folder the file made itself (python -m venv
// /opt/venv) whose bin/ is on PATH ahead of the image's folders: an
// installer run from there installs into it.
func (f *facts) envOnPath() string {
	system := map[string]bool{}
	for _, d := range strings.Split(f.preset.Builder.Env.Get("PATH"), ":") {
		system[d] = true
	}
	for _, d := range strings.Split(f.envNow["PATH"], ":") {
		if system[d] {
			return ""
		}
		for _, a := range f.artifacts {
			if a.folder && path.Base(d) == "bin" && path.Clean(path.Dir(d)) == a.dir {
				return a.dir
			}
		}
	}
	return ""
}

// classesWritten are the folders a compiler run writes into: the one its
// dir flag names, else the folder of each source file it is given.
func classesWritten(c *presets.Classes, b buildUse) []string {
	abs := func(p string) string { return absIn(b.cwd, p) }
	var srcDirs []string
	for i := 0; i < len(b.args); i++ {
		w := b.args[i]
		switch {
		case w.text == c.DirFlag:
			if i+1 < len(b.args) && !b.args[i+1].dynamic {
				return []string{abs(b.args[i+1].text)}
			}
			return nil // written where a variable says: unknown
		case slices.Contains(c.ValueFlags, w.text):
			i++
		case strings.HasPrefix(w.text, "-") || strings.HasPrefix(w.text, "@") || w.dynamic:
		default:
			if d := abs(path.Dir(w.text)); !slices.Contains(srcDirs, d) {
				srcDirs = append(srcDirs, d)
			}
		}
	}
	return srcDirs
}

// classWriters names the build commands that compile classes.
func (f *facts) classWriters() []string {
	var out []string
	for _, b := range f.preset.Build {
		if b.Classes != nil && !slices.Contains(out, b.Command) {
			out = append(out, b.Command)
		}
	}
	return out
}

// appFromWorkdir makes the final working folder the app's folder for the
// installs run in / into an environment elsewhere; when the stage never
// leaves /, the app is what the COPY instructions wrote.
func (f *facts) appFromWorkdir() error {
	if len(f.rootInstalls) == 0 {
		return nil
	}
	r := f.rootInstalls[0]
	if f.workdir == "/" {
		return f.appFromCopies(r, false)
	}
	if r.env == "" {
		return declinef(declAppInRoot, "line %d: `%s` runs in /: the application has no folder of its own to copy (set a WORKDIR)", r.in.first, r.command)
	}
	// What the COPY instructions wrote while the stage was still in / is
	// the app too, whatever folder the stage moves to later: ADD bot.py .
	// under WORKDIR / then WORKDIR /data runs /bot.py (review 22, finding
	// C), which the working folder alone would leave in the builder.
	if err := f.appFromCopies(r, true); err != nil {
		return err
	}
	for _, a := range f.artifacts {
		if a.folder && a.dir == f.workdir {
			return nil
		}
	}
	f.artifacts = append(f.artifacts, artifact{dir: f.workdir, folder: true, in: r.in})
	return nil
}

// appFromCopies takes what the COPY instructions wrote as the app, each
// at the path it was written to, for a stage that never leaves /. A COPY
// that writes a folder's contents into / itself mixes the app with the
// image's files: that is declined.
//
// inRoot takes only the COPY instructions run while the working folder
// was /, for a stage that leaves / later; it declines nothing for finding
// none.
func (f *facts) appFromCopies(r rootInstall, inRoot bool) error {
	noFolder := func(why string, args ...any) error {
		if inRoot {
			return declinef(declAppInRoot, "line %d: %s while the stage's working folder is /: the app's files cannot be told from the image's (set a WORKDIR before it)", args[0].(int), fmt.Sprintf(why, args[1:]...))
		}
		return declinef(declAppInRoot, "line %d: %s, and the stage's working folder stays /: the app's files cannot be told from the image's (set a WORKDIR)", args[0].(int), fmt.Sprintf(why, args[1:]...))
	}
	add := func(p string) {
		// The final working folder is copied whole already.
		if inRoot && (p == f.workdir || strings.HasPrefix(p, f.workdir+"/")) {
			return
		}
		if !slices.Contains(f.appCopies, p) {
			f.appCopies = append(f.appCopies, p)
		}
	}
	for _, c := range f.copies {
		if inRoot && (c.cwd != "/" || f.dependencyListOnly(c)) {
			continue
		}
		line := c.in.first
		dest, ok := f.expand(c.cp.DestPath)
		if !ok {
			return noFolder("COPY writes to %s, which uses an unknown variable", line, c.cp.DestPath)
		}
		toDir := strings.HasSuffix(dest, "/") || dest == "." || strings.HasSuffix(dest, "/.") || len(c.cp.SourcePaths) > 1
		absDest := path.Join(c.cwd, dest)
		if path.IsAbs(dest) {
			absDest = path.Clean(dest)
		}
		for _, raw := range c.cp.SourcePaths {
			src := path.Clean(strings.TrimPrefix(raw, "/"))
			// A folder's contents (or a glob's matches, which may be
			// folders) land in the destination itself.
			contents := src == "." || strings.ContainsAny(src, "*?[$")
			if !contents && f.opt.Context != nil {
				if st, err := fs.Stat(f.opt.Context, src); err == nil && st.IsDir() {
					contents = true
				}
			}
			switch {
			case !toDir && absDest != "/":
				add(absDest)
			case absDest == "/" && !inRoot && f.opt.Context != nil && strings.ContainsAny(src, "*?[") && !strings.ContainsAny(src, "/$"):
				// package*.json into /: the context's top-level files it
				// matches, each at its name; a folder among them would
				// land its contents in / itself.
				matches, err := fs.Glob(f.opt.Context, src)
				if err != nil {
					return noFolder("COPY writes %s into / itself", line, raw)
				}
				ignored := f.dockerignore()
				for _, m := range matches {
					if ignored(m) {
						continue
					}
					if st, err := fs.Stat(f.opt.Context, m); err != nil || st.IsDir() {
						return noFolder("COPY writes %s into / itself", line, raw)
					}
					add("/" + m)
				}
			case src == "." && absDest == "/" && f.opt.Context != nil:
				// A later WORKDIR only moves where the app starts: the
				// entries are told as when the stage stays in / (review
				// 28, finding C).
				if err := f.rootEntries(c, raw, add); err != nil {
					return err
				}
			case contents && absDest == "/", f.opt.Context == nil && absDest == "/":
				return noFolder("COPY writes %s into / itself", line, raw)
			case contents, f.opt.Context == nil:
				// Without the context a source may be a folder too.
				add(absDest)
			default:
				add(path.Join(absDest, path.Base(src)))
			}
		}
	}
	if len(f.appCopies) == 0 && inRoot {
		return nil
	}
	if len(f.rootCopies) > 0 || !inRoot && r.env == "" {
		if err := f.noLaterRootRuns(r); err != nil {
			return err
		}
	}
	for _, o := range r.outputs {
		p := path.Join("/", o)
		if slices.Contains(f.preset.Builder.RootFolders, o) {
			return declinef(declRootEntryImage, "line %d: `%s` writes %s into /, a folder of the image: the app's files cannot be told from the image's (set a WORKDIR)", r.in.first, r.command, p)
		}
		if !slices.Contains(f.appCopies, p) {
			f.appCopies = append(f.appCopies, p)
		}
	}
	if len(f.appCopies) == 0 {
		return declinef(declAppInRoot, "line %d: `%s` runs in / and installs into %s, and the stage's working folder stays /, and no COPY writes the app: the application has no files of its own to copy", r.in.first, r.command, r.env)
	}
	for _, p := range f.appCopies {
		f.artifacts = append(f.artifacts, artifact{dir: p, folder: true, in: r.in})
	}
	return nil
}

// rootEntries adds, for a COPY of the context's contents into / itself,
// each top-level entry of the context by name: those are all that COPY
// writes, so the app's files can be told from the image's unless one of
// them is a folder of the image, which the COPY merges into. The names
// the root .gitignore lists that the context lacks are copied too, each
// only when the builder has it: a fresh clone lacks them, the folder
// the image is built from may not (review 26, finding B).
func (f *facts) rootEntries(c copyStep, raw string, add func(string)) error {
	line := c.in.first
	folders := f.preset.Builder.RootFolders
	if len(folders) == 0 {
		return declinef(declAppInRoot, "line %d: COPY writes %s into / itself, and the stage's working folder stays /: the app's files cannot be told from the image's (set a WORKDIR)", line, raw)
	}
	entries, err := fs.ReadDir(f.opt.Context, ".")
	if err != nil {
		return declinef(declAppInRoot, "line %d: COPY writes %s into / itself, and the context's entries cannot be read: the app's files cannot be told from the image's (set a WORKDIR)", line, raw)
	}
	ignored := f.dockerignore()
	collide := func(name, how string) error {
		return declinef(declRootEntryImage, "line %d: COPY writes %s into / itself, and the context's `%s`%s lands in the image's /%s: the app's files cannot be told from the image's (set a WORKDIR)", line, raw, name, how, name)
	}
	var names []string
	for _, e := range entries {
		if ignored(e.Name()) {
			continue
		}
		if slices.Contains(folders, e.Name()) {
			return collide(e.Name(), "")
		}
		names = append(names, "/"+e.Name())
		add("/" + e.Name())
	}
	var absent []string
	data, _ := readConfig(f.opt.Context, ".gitignore")
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "!") || strings.ContainsAny(l, "*?[\\") {
			continue
		}
		n := strings.TrimSuffix(strings.TrimPrefix(l, "/"), "/")
		if n == "" || strings.Contains(n, "/") || n == "." || n == ".." || ignored(n) {
			continue
		}
		if _, err := fs.Stat(f.opt.Context, n); err == nil {
			continue
		}
		if slices.Contains(folders, n) {
			return collide(n, " (which .gitignore lists, so a build from the developer's folder may have it)")
		}
		if p := "/" + n; !slices.Contains(absent, p) && !slices.Contains(names, p) {
			absent = append(absent, p)
		}
	}
	for _, p := range absent {
		add(p)
	}
	f.rootCopies = append(f.rootCopies, rootCopy{in: c.in, raw: raw, names: names, absent: absent})
	return nil
}

// noLaterRootRuns declines an app listed by name in / when a RUN other
// than an app install runs in / after the install or the COPY of the
// context: what it writes there (npm run build's /dist) is no name the
// listing has, and a by-name copy would leave it in the builder.
func (f *facts) noLaterRootRuns(r rootInstall) error {
	after := r.in.first
	if len(f.rootCopies) > 0 && f.rootCopies[0].in.first < after {
		after = f.rootCopies[0].in.first
	}
	for _, st := range f.runs {
		if st.cwd != "/" || st.in.first <= after || st.in == r.in {
			continue
		}
		if len(st.builds) > 0 && !slices.ContainsFunc(st.builds, func(b buildUse) bool { return !b.bc.App }) {
			continue
		}
		if f.onlyGlobalInstalls(st) {
			continue
		}
		what := strings.TrimSpace(st.text)
		if len(st.builds) > 0 {
			what = st.builds[0].bc.Command
		} else if i := strings.IndexAny(what, "\n;&|"); i > 0 {
			what = strings.TrimSpace(what[:i])
		}
		stays := "and the stage's working folder stays /"
		if f.workdir != "/" {
			stays = "while the stage's working folder is /" // a later WORKDIR (review 28, finding C)
		}
		return declinef(declAppInRoot, "line %d: `%s` runs in / after the app's files were written there, %s: what it writes cannot be told from the image's files (set a WORKDIR)", st.in.first, what, stays)
	}
	return nil
}

// onlyGlobalInstalls reports whether every command of a RUN is a global
// install of named packages (npm i -g serve): it writes under the
// preset's global folders, which RS131 carries, and nothing in the
// working folder, so it is no step whose writes in / cannot be told
// (review 30, finding D). An install of the working folder itself (npm
// install -g with no package) is not one.
func (f *facts) onlyGlobalInstalls(st runStep) bool {
	cmds := splitShell(st.text).cmds
	if len(cmds) == 0 {
		return false
	}
	for _, g := range f.globals {
		if g.in == st.in && g.self != "" {
			return false
		}
	}
	for _, c := range cmds {
		args, _ := c.argv()
		if !slices.ContainsFunc(f.preset.GlobalInstalls, func(g GlobalInstall) bool {
			return hasPrefixWords(args, g.Command) && slices.ContainsFunc(args[len(strings.Fields(g.Command)):], func(a word) bool { return slices.Contains(g.Flags, a.text) })
		}) {
			return false
		}
	}
	return slices.ContainsFunc(f.globals, func(g globalPkg) bool { return g.in == st.in })
}

// rootCopy is a COPY of the context's contents into / that the runtime
// copies entry by entry: names are the context's, absent those the
// .gitignore lists, copied only when the builder has them.
type rootCopy struct {
	in            *inst
	raw           string
	names, absent []string
}

// dependencyListOnly reports whether a COPY brings only files that list
// the dependencies (the preset's modules.dependency_files: requirements.txt
// COPYed into / for the install there), which the build reads and the
// environment it fills replaces at run time.
func (f *facts) dependencyListOnly(c copyStep) bool {
	m := f.preset.Modules
	if m == nil || len(c.cp.SourcePaths) == 0 {
		return false
	}
	for _, raw := range c.cp.SourcePaths {
		src := path.Clean(strings.TrimPrefix(raw, "/"))
		if !slices.Contains(m.DependencyFiles, src) && !slices.Contains(m.DependencyFiles, path.Base(src)) {
			return false
		}
	}
	return true
}

// plainExpand expands a shell word that only refers to variables
// ($VIRTUAL_ENV, "${HOME}/venv") with the ENV values in effect; ok is false
// for anything else (substitutions, quotes inside, unknown variables).
func (f *facts) plainExpand(text string) (string, bool) {
	if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' {
		text = text[1 : len(text)-1]
	}
	if strings.ContainsAny(text, "\"'`\\") || !onlyPlainRefs(text) {
		return "", false
	}
	return f.expand(text)
}

// toolUse is an install of build tools only (pip install poetry).
type toolUse struct {
	in    *inst
	names []string
	path  string // PATH when it runs
	// prepare is the command's set-up, whose Has lists what every
	// environment already comes with.
	prepare *Prepare
}

// toolNames returns the packages a command installs when every one is
// one of its build tools, else nil.
func toolNames(b buildUse) []string {
	if len(b.bc.Tools) == 0 {
		return nil
	}
	var names []string
	for i := 0; i < len(b.args); i++ {
		w := b.args[i]
		if strings.HasPrefix(w.text, "-") {
			if slices.Contains(b.bc.ToolValueFlags, w.text) {
				i++ // its value is not a package
			}
			continue
		}
		name := w.text
		if i := strings.IndexAny(name, "=<>!~[;@ "); i >= 0 {
			name = name[:i]
		}
		if !b.bc.IsTool(name) {
			return nil
		}
		names = append(names, name)
	}
	return names
}

// ownEnv returns the environment folder the file names for the command
// (a variable set for it, or a flag), if any.
func (f *facts) ownEnv(pr *Prepare, b buildUse) (string, bool) {
	env := f.envNow
	for i := range pr.Own {
		o := &pr.Own[i]
		var value string
		if o.Named {
			dir := path.Clean(path.Join(b.cwd, o.Dir))
			if path.IsAbs(o.Dir) {
				dir = path.Clean(o.Dir)
			}
			if f.startNames(dir) {
				return dir, true
			}
			continue
		}
		if o.Env != "" {
			value = env[o.Env]
			if v, ok := b.env[o.Env]; ok {
				value = v
			}
		} else {
			for j, w := range b.args {
				if w.text == o.Flag && j+1 < len(b.args) && !b.args[j+1].dynamic {
					value = b.args[j+1].text
				} else if v, ok := strings.CutPrefix(w.text, o.Flag+"="); ok && !w.dynamic {
					value = v
				}
			}
		}
		if strings.Contains(value, "$") {
			continue
		}
		dir, ok := o.Folder(value)
		if !ok {
			continue
		}
		if !path.IsAbs(dir) {
			dir = path.Join(b.cwd, dir)
		}
		return path.Clean(dir), true
	}
	return "", false
}

// startNames reports whether the file's start command (its last CMD and
// last ENTRYPOINT) or one of its ENV PATH values names dir or a path in
// it: /app/.venv/bin/uvicorn, or .venv/bin/uvicorn in WORKDIR /app.
func (f *facts) startNames(dir string) bool {
	in := func(p string) bool {
		p = path.Clean(p)
		return p == dir || strings.HasPrefix(p, dir+"/")
	}
	wd, wdKnown := f.imageWD, true
	var cmd, ep []string
	var cmdWD, epWD string
	for _, n := range f.src.nodes {
		switch c := n.cmd.(type) {
		case *instructions.WorkdirCommand:
			switch {
			case strings.Contains(c.Path, "$"):
				wdKnown = false
			case path.IsAbs(c.Path):
				wd, wdKnown = path.Clean(c.Path), true
			default:
				wd = path.Join(wd, c.Path)
			}
		case *instructions.EnvCommand:
			for _, kv := range c.Env {
				if kv.Key != "PATH" {
					continue
				}
				for _, el := range strings.Split(strings.Trim(kv.Value, `"'`), ":") {
					if path.IsAbs(el) && in(el) {
						return true
					}
				}
			}
		case *instructions.CmdCommand:
			cmd, cmdWD = c.CmdLine, ""
			if wdKnown {
				cmdWD = wd
			}
		case *instructions.EntrypointCommand:
			ep, epWD = c.CmdLine, ""
			if wdKnown {
				epWD = wd
			}
		}
	}
	names := func(line []string, cwd string) bool {
		for _, arg := range line {
			for _, w := range strings.Fields(arg) {
				w = strings.Trim(w, `"'`)
				if w == "" || strings.HasPrefix(w, "-") || strings.Contains(w, "$") {
					continue
				}
				if path.IsAbs(w) {
					if in(w) {
						return true
					}
				} else if cwd != "" && strings.Contains(w, "/") && in(path.Join(cwd, w)) {
					return true
				}
			}
		}
		return false
	}
	return names(cmd, cmdWD) || names(ep, epWD)
}

// doesItself reports whether any RUN of the file already does what a
// Prepare would insert.
func (f *facts) doesItself(pr *Prepare) bool {
	for _, in := range f.src.nodes {
		if in.kw != "RUN" {
			continue
		}
		text := in.node.Original
		for _, h := range in.node.Heredocs {
			text += "\n" + h.Content
		}
		if pr.DoneBy(text) {
			return true
		}
	}
	return false
}

// unreached is a package the builder installs that the runtime's
// install line cannot name: one from a package source the file adds
// (srcLine), or one named by a path (./x.deb) or with a release
// (pkg/bookworm-backports).
type unreached struct {
	pkg           string
	line, srcLine int
	// untold: a source added before it gives packages restage cannot
	// tell, so that it may as well be one of the image's own sources'.
	untold bool
}

// readPkgSources records whether a RUN's text adds a package source, for
// each preset package map, before its commands are scanned.
func (f *facts) readPkgSources(in *inst, text string) {
	n := len(f.preset.RuntimePackages)
	if f.srcLine == nil {
		f.srcLine, f.srcAt = make([]int, n), make([]int, n)
	}
	f.srcSlices(n)
	for i := range f.preset.RuntimePackages {
		m := &f.preset.RuntimePackages[i]
		f.srcAt[i] = m.SourceAt(text)
		if f.srcAt[i] >= 0 && f.srcLine[i] == 0 {
			f.srcLine[i] = in.first
		}
		if f.srcAt[i] >= 0 {
			globs, known := m.KnownSourcePackages(text)
			f.srcKnown[i] = append(f.srcKnown[i], globs...)
			f.srcOpaque[i] = f.srcOpaque[i] || !known
		}
	}
}

func (f *facts) srcSlices(n int) {
	if f.srcKnown == nil {
		f.srcKnown, f.srcOpaque = make([][]string, n), make([]bool, n)
	}
}

// fromAddedSource reports whether a package a command installs after an
// added source of map i may come from it: any package when a source's
// packages cannot be told, else one its known globs match (review 25,
// finding E: Debian's fonts installed beside google-chrome-stable).
func (f *facts) fromAddedSource(i int, pkg string) bool {
	if i >= len(f.srcOpaque) || f.srcOpaque[i] {
		return true
	}
	return buildOnly(f.srcKnown[i], pkg)
}

// copyPkgSources records whether a COPY or ADD writes a file that adds
// a package source (COPY google-chrome.list /etc/apt/sources.list.d/),
// for each preset package map: a package a later RUN installs may come
// from there. A source's file lands at the destination itself, or in it
// when the destination is a folder (it ends in /, or holds one already,
// as /etc/apt/sources.list.d does); both are tried.
func (f *facts) copyPkgSources(in *inst, srcs []string, dest string) {
	n := len(f.preset.RuntimePackages)
	if f.srcLine == nil {
		f.srcLine, f.srcAt = make([]int, n), make([]int, n)
	}
	if !path.IsAbs(dest) {
		dest = path.Join(f.workdir, dest)
	}
	dest = path.Clean(dest)
	targets := []string{dest}
	for _, s := range srcs {
		if base := path.Base(strings.TrimRight(s, "/")); base != "." && base != "/" {
			targets = append(targets, path.Join(dest, base))
		}
	}
	for i := range f.preset.RuntimePackages {
		m := &f.preset.RuntimePackages[i]
		if slices.ContainsFunc(targets, m.SourceFile) {
			if f.srcLine[i] == 0 {
				f.srcLine[i] = in.first
			}
			// A COPY's list file is not read: what it gives is not told.
			f.srcSlices(n)
			f.srcOpaque[i] = true
		}
	}
}

// scanPackages records the run-time packages that the system packages a
// simple command installs imply, and forgets the packages kept as they
// are that a later command removes (apk del .build-deps). line is the
// RUN's, end where the command ends in its text: a package source added
// before that is one the command may install from.
func (f *facts) scanPackages(args []word, line, end int) {
	if f.pkgs == nil {
		n := len(f.preset.RuntimePackages)
		f.pkgs, f.pkgAsIs, f.pkgGroups = make([][]string, n), make([][]string, n), make([]map[string][]string, n)
		f.unreached, f.unmapped = make([][]unreached, n), make([][]unreached, n)
		f.pkgBuildOnly, f.pkgOrder = make([][]string, n), make([][]string, n)
		f.pkgUnknown = make([][]unknownPkgs, n)
		f.pkgRecs = make([][]pkgAt, n)
	}
	var values map[string]string // read once, and only for a map with a when
	for i, m := range f.preset.RuntimePackages {
		if len(args) == 0 {
			continue
		}
		if m.When.Len() > 0 {
			if values == nil {
				values = f.values()
			}
			if !m.Allows(values) {
				continue
			}
		}
		for _, rm := range m.Remove {
			if at := subcommandAt(args, rm); at >= 0 {
				for _, name := range f.expandPackages(packageArgs(args[at+1:], m.ValueFlags, nil), nil) {
					f.forgetPackage(i, name.text)
					f.pkgEvents = append(f.pkgEvents, pkgEvent{line: line, end: end, name: name.text, remove: true})
				}
			}
		}
		at := subcommandAt(args, m.Command)
		if at < 0 {
			continue
		}
		src := 0
		if i < len(f.srcLine) && f.srcLine[i] != 0 && (f.srcLine[i] < line || f.srcAt[i] >= 0 && f.srcAt[i] < end) {
			src = f.srcLine[i]
		}
		var group string
		pkgArgs := packageArgs(args[at+1:], m.ValueFlags, func(flag, value string) {
			if slices.Contains(m.GroupFlags, flag) {
				group = value
			}
		})
		pkgArgs = f.expandPackages(pkgArgs, func(w, why string) {
			f.pkgUnknown[i] = append(f.pkgUnknown[i], unknownPkgs{word: w, why: why, line: line})
		})
		// A group the preset calls the build's (.build-deps) holds only
		// what the build needs (review 4, finding D).
		buildGroup := group != "" && buildOnly(m.BuildGroups, group)
		lean := len(m.LeanFlags) == 0 || slices.ContainsFunc(args[at+1:], func(w word) bool { return slices.Contains(m.LeanFlags, w.text) })
		if !lean {
			// What the packages recommend comes along, which may be a
			// base package the image lacks (review 6, finding K).
			for _, b := range m.Base {
				f.pkgEvents = append(f.pkgEvents, pkgEvent{line: line, end: end, name: b})
			}
		}
		for _, a := range pkgArgs {
			f.pkgOrder[i] = append(f.pkgOrder[i], a.text)
			f.pkgEvents = append(f.pkgEvents, pkgEvent{line: line, end: end, name: a.text, group: group})
			lib, ok := m.Map.Lookup(a.text)
			if ok && lib == "" {
				continue // the runtime has its library
			}
			if !ok && !a.dynamic && buildOnly(m.BuildOnly, a.text) && buildOnly(m.Unmapped, a.text) &&
				!slices.ContainsFunc(f.unmapped[i], func(u unreached) bool { return u.pkg == a.text }) {
				f.unmapped[i] = append(f.unmapped[i], unreached{pkg: a.text, line: line})
			}
			asIs := false
			isBuild := buildGroup || buildOnly(m.BuildOnly, a.text)
			if !ok && m.Keep && !a.dynamic && isBuild {
				if !slices.Contains(f.pkgBuildOnly[i], a.text) {
					f.pkgBuildOnly[i] = append(f.pkgBuildOnly[i], a.text)
				}
				f.addToGroup(i, group, a.text)
			}
			if !ok && m.Keep && !a.dynamic && !isBuild {
				if src != 0 && f.fromAddedSource(i, a.text) || strings.Contains(a.text, "/") {
					u := unreached{pkg: a.text, line: line, srcLine: src, untold: i < len(f.srcOpaque) && f.srcOpaque[i]}
					if strings.Contains(a.text, "/") {
						u.srcLine = 0
					}
					f.unreached[i] = append(f.unreached[i], u)
					continue
				}
				lib, ok, asIs = a.text, true, true
			}
			if !ok {
				continue
			}
			if !slices.Contains(f.pkgs[i], lib) {
				f.pkgs[i] = append(f.pkgs[i], lib)
			}
			if asIs {
				f.pkgAsIs[i] = append(f.pkgAsIs[i], lib)
				f.addToGroup(i, group, lib)
				if !lean && len(m.Recommends.Get(lib)) > 0 {
					f.pkgRecs[i] = append(f.pkgRecs[i], pkgAt{name: lib, line: line})
				}
			}
		}
	}
}

// unknownPkgs is a word of a package install whose packages cannot be
// told: the word as written, why, and the RUN's line.
type unknownPkgs struct {
	word, why string
	line      int
}

// expandPackages returns the package words ws with each variable the
// file sets expanded as BuildKit expands it at this RUN (an ENV's value,
// an ARG's default) and split into words as the shell splits an
// unquoted expansion (review 19, finding C: ENV RUNTIME_DEPENDENCIES=
// "ffmpeg" installed by apt-get install -y $RUNTIME_DEPENDENCIES). A word
// whose value cannot be told stays as it is and is given to unknown with
// the reason, so that its packages are not dropped without a word.
func (f *facts) expandPackages(ws []word, unknown func(w, why string)) []word {
	var out []word
	for _, w := range ws {
		if !w.dynamic || !strings.ContainsAny(w.text, "$`") {
			out = append(out, w) // a glob (nodejs=18.*) is apt's, not the shell's
			continue
		}
		if onlyPlainRefs(w.text) {
			if x, ok := f.expandIn(w.text, f.runVars); ok {
				for _, p := range strings.Fields(x) {
					out = append(out, word{text: p})
				}
				continue
			}
		}
		out = append(out, w)
		if unknown != nil {
			unknown(w.text, f.unknownWhy(w.text))
		}
	}
	return out
}

// unknownWhy says why restage cannot tell the value of the word s of a
// RUN, which has a variable it does not know or an expansion only the
// shell makes.
func (f *facts) unknownWhy(s string) string {
	if !onlyPlainRefs(s) {
		return "an expansion the shell makes when the RUN runs"
	}
	for _, n := range varRefNames(s) {
		if sv, ok := f.runVars[n]; ok {
			if sv.why != "" {
				return sv.why
			}
			continue
		}
		if _, ok := f.envNow[n]; ok {
			continue
		}
		for k := len(f.stageArgs) - 1; k >= 0; k-- {
			if a := f.stageArgs[k]; a.name == n {
				if strings.Contains(a.decl, "=") {
					return "a build argument whose default restage cannot expand"
				}
				return "a build argument with no default (--build-arg gives its value)"
			}
		}
		return "a variable the file does not set before this RUN"
	}
	return "which restage cannot expand"
}

// pkgAt is a package an install names, with its RUN's line.
type pkgAt struct {
	name string
	line int
}

// pkgEvent is an install or a remove of a system package by a command
// of a RUN: line is the RUN's, end where the command ends in its text,
// group the group an install names (apk add --virtual NAME).
type pkgEvent struct {
	line, end   int
	name, group string
	remove      bool
}

// hasPackage reports whether the builder has one of the packages pkgs
// before the place (line, at) of a RUN's text (at -1: after every RUN):
// the image has it unless its variant lacks it, an install gives it,
// and a remove of it, or of a group an install put it in, takes it away.
func (f *facts) hasPackage(pkgs []string, line, at int) bool {
	has := map[string]bool{}
	for _, p := range pkgs {
		has[p] = !f.variant.LacksPackage(f.tag, p)
	}
	groups := map[string][]string{}
	for _, e := range f.pkgEvents {
		if at >= 0 && (e.line > line || e.line == line && e.end > at) {
			break
		}
		switch {
		case e.remove:
			has[e.name] = false
			for _, g := range groups[e.name] {
				has[g] = false
			}
		default:
			has[e.name] = true
			if e.group != "" {
				groups[e.group] = append(groups[e.group], e.name)
			}
		}
	}
	for _, p := range pkgs {
		if has[p] {
			return true
		}
	}
	return false
}

// forgetPackage drops a package kept as it is, or the kept packages of a
// group, that a command removes; mapped run-time libraries stay, since
// the program was built against them.
func (f *facts) forgetPackage(i int, name string) {
	gone := append([]string{name}, f.pkgGroups[i][name]...)
	for _, g := range gone {
		f.pkgBuildOnly[i] = slices.DeleteFunc(f.pkgBuildOnly[i], func(p string) bool { return p == g })
	}
	for _, g := range gone {
		if !slices.Contains(f.pkgAsIs[i], g) {
			continue
		}
		f.pkgs[i] = slices.DeleteFunc(f.pkgs[i], func(p string) bool { return p == g })
		f.pkgAsIs[i] = slices.DeleteFunc(f.pkgAsIs[i], func(p string) bool { return p == g })
	}
}

// addToGroup records that a package, kept as it is or build-only, was
// installed in a named group, which a later command may remove.
func (f *facts) addToGroup(i int, group, pkg string) {
	if group == "" {
		return
	}
	if f.pkgGroups[i] == nil {
		f.pkgGroups[i] = map[string][]string{}
	}
	f.pkgGroups[i][group] = append(f.pkgGroups[i][group], pkg)
}

// subcommandAt finds a package command ("apt-get install", "apk del") in
// a simple command's words: the program first, then the subcommand among
// the words after it. It returns the subcommand's index, or -1.
func subcommandAt(args []word, command string) int {
	// Most commands are not the package tool: tell that before
	// splitting the command (this runs for every simple command).
	if len(args) == 0 || !strings.HasPrefix(strings.TrimSpace(command), args[0].text) {
		return -1
	}
	cw := strings.Fields(command)
	if len(cw) == 0 || args[0].text != cw[0] {
		return -1
	}
	if len(cw) < 2 {
		return 0
	}
	for j, a := range args[1:] {
		if a.text == cw[1] {
			return j + 1
		}
	}
	return -1
}

// packageArgs returns the package words of a package command's
// arguments: not options, nor the values of the options that take one
// (apk add --virtual .build-deps), which seen receives.
func packageArgs(args []word, valueFlags []string, seen func(flag, value string)) []word {
	var out []word
	for j := 0; j < len(args); j++ {
		a := args[j]
		if !strings.HasPrefix(a.text, "-") {
			out = append(out, a)
			continue
		}
		if slices.Contains(valueFlags, a.text) && j+1 < len(args) {
			j++
			if seen != nil {
				seen(a.text, args[j].text)
			}
		}
	}
	return out
}

func buildOnly(globs []string, pkg string) bool {
	name, _, _ := strings.Cut(pkg, "=") // apt's pkg=version
	for _, g := range globs {
		if ok, _ := path.Match(g, name); ok {
			return true
		}
	}
	return false
}

// prodOnly reports whether an install keeps to production dependencies.
func (f *facts) prodOnly(b buildUse) bool {
	for _, a := range b.args {
		for _, fl := range b.bc.ProdFlags {
			if a.text == fl {
				return true
			}
		}
	}
	for k, v := range b.bc.ProdEnv.All() {
		if b.env[k] == v || f.envNow[k] == v {
			return true
		}
	}
	return false
}

func allWithExt(ps []string, ext string) bool {
	if ext == "" {
		return false
	}
	for _, p := range ps {
		if !strings.HasSuffix(p, ext) {
			return false
		}
	}
	return true
}

// moduleName reads the module's name from the build context.
func (f *facts) moduleName() (string, bool) {
	name, ok := f.modulePath()
	if !ok {
		return "", false
	}
	return path.Base(name), true
}

// modulePath reads the module's whole name (example.com/app) from the
// build context.
func (f *facts) modulePath() (string, bool) {
	m := f.preset.ModuleName
	if m == nil || f.opt.Context == nil {
		return "", false
	}
	data, err := fs.ReadFile(f.opt.Context, m.File)
	if err != nil {
		return "", false
	}
	return m.Find(data)
}

func (f *facts) hasContextFile() bool {
	if f.opt.Context == nil || f.preset.ModuleName == nil {
		return false
	}
	_, err := fs.Stat(f.opt.Context, f.preset.ModuleName.File)
	return err == nil
}

// installedPart is what a dependency file of the context says of the
// packages the install puts in place: a lockfile's entries without those
// it leaves out (presets.Lockfile.Installed), else the whole file.
func installedPart(d *presets.LibcDeps, name string, data []byte, omitDev bool) []byte {
	for i := range d.Lockfiles {
		if l := &d.Lockfiles[i]; l.File == name && l.Records(data) {
			return l.Installed(data, omitDev)
		}
	}
	return data
}

// Bounds of the search for a source file that shows the program links
// the C library: a build context may be a whole monorepo.
const (
	libcScanFiles   = 2000
	libcScanBytes   = 8 << 20
	libcScanPerFile = 256 << 10
)

// contextLibc looks in the build context for a sign that the program
// links the C library: a dependency file naming a module known to need
// it, else a source file that shows it (import "C"). The first sign is
// enough; the plan asks only when the file itself shows none.
//
// With no sign, free says why the program needs no C library when a
// lockfile the preset names was read (a preset with no static switch
// knows that only from a lockfile that lists every dependency).
// lockfileRead returns the texts of the lockfile l that the installs of
// the file read, when its lack of signs can count (presets.Lockfile's
// ReadBy), or why it cannot: the first install that does not read it.
// A lockfile without ReadBy counts as before, wherever it is.
func (f *facts) lockfileRead(l *presets.Lockfile) (texts [][]byte, why string) {
	if len(l.ReadBy) == 0 {
		return nil, ""
	}
	if len(f.installs) == 0 {
		return nil, "no install of the file reads it"
	}
	for _, in := range f.installs {
		at := fmt.Sprintf("the install at line %d (%s)", in.in.first, in.bc.Command)
		if !slices.Contains(l.ReadBy, in.bc.Command) {
			only := l.ReadBy[0]
			if n := len(l.ReadBy); n > 1 {
				only = strings.Join(l.ReadBy[:n-1], ", ") + " and " + l.ReadBy[n-1]
			}
			return nil, fmt.Sprintf("%s does not read it: only %s do", at, only)
		}
		if in.named {
			return nil, fmt.Sprintf("%s installs packages it names, which the lockfile need not list", at)
		}
		abs := path.Join(in.cwd, l.File)
		text, _, ok := f.contextFileBefore(abs, 0, in.in.first)
		if !ok {
			text, ok = f.boundFile(in.in, abs)
		}
		if !ok {
			if _, _, later := f.contextFileMax(abs, 0); later {
				return nil, fmt.Sprintf("%s does not read it: it reaches %s only after that line", at, in.cwd)
			}
			return nil, fmt.Sprintf("%s does not read it: no COPY brings it into %s", at, in.cwd)
		}
		if !l.Records([]byte(text)) {
			return nil, fmt.Sprintf("%s reads a copy of it that does not record what its dependencies link", at)
		}
		texts = append(texts, []byte(text))
	}
	return texts, ""
}

// boundFile returns the text of the build context's file that a bind
// mount of the RUN in puts at abs (RUN --mount=type=bind,
// source=package-lock.json,target=package-lock.json npm ci): what the
// command reads there, though no COPY brought it.
func (f *facts) boundFile(in *inst, abs string) (string, bool) {
	wd := f.workdir
	for _, r := range f.runs {
		if r.in == in {
			wd = r.wd
		}
	}
	for _, fl := range in.node.Flags {
		spec, ok := strings.CutPrefix(fl, "--mount=")
		if !ok {
			continue
		}
		kv := map[string]string{"type": "bind", "source": "."}
		for _, part := range strings.Split(spec, ",") {
			k, v, _ := strings.Cut(part, "=")
			switch k {
			case "src":
				k = "source"
			case "dst", "destination":
				k = "target"
			}
			kv[k] = v
		}
		target, from := kv["target"], kv["from"]
		if kv["type"] != "bind" || from != "" || target == "" || strings.Contains(spec, "$") {
			continue
		}
		if !path.IsAbs(target) {
			target = path.Join(wd, target)
		}
		target = path.Clean(target)
		file := ""
		switch {
		case abs == target:
			file = kv["source"]
		case strings.HasPrefix(abs, strings.TrimSuffix(target, "/")+"/"):
			file = path.Join(kv["source"], strings.TrimPrefix(abs, strings.TrimSuffix(target, "/")+"/"))
		default:
			continue
		}
		data, err := fs.ReadFile(f.opt.Context, path.Clean(strings.TrimPrefix(file, "/")))
		if err != nil {
			return "", false
		}
		return string(data), true
	}
	return "", false
}

// unread, when free is empty, says why a lockfile that shows no sign did
// not count: the install does not read it (lockfileRead).
//
// With omitDev, a lockfile's packages that only the development
// dependencies need are no sign, as the runtime does not get them.
func (f *facts) contextLibc(omitDev bool) (found []Evidence, free, unread string) {
	ctx, st := f.opt.Context, f.preset.Static
	if ctx == nil {
		return nil, "", ""
	}
	// The dependency files are those the app's folder gets: COPY app/ .
	// brings app/package.json (review 5, finding C); a file no COPY
	// brings there is read at the context's root, as before.
	dir := f.workdir
	if len(f.installs) > 0 {
		dir = f.installs[0].cwd
	}
	read := func(file string) ([]byte, string, error) {
		if text, from, ok := f.contextFileMax(path.Join(dir, file), 0); ok {
			return []byte(text), from, nil
		}
		data, err := fs.ReadFile(ctx, file)
		return data, file, err
	}
	if d := st.LibcDeps; d != nil {
		var complete []byte
		if d.Complete != nil {
			complete, _, _ = read(d.Complete.File)
		}
		for _, name := range d.Files {
			if d.Skipped(name, complete) {
				continue
			}
			data, file, err := read(name)
			if err != nil {
				continue
			}
			data = installedPart(d, name, data, omitDev)
			if omitDev {
				data = d.WithoutDev(name, data)
			}
			if name, ok := d.InLockfile(name, data); ok {
				return []Evidence{{What: d.Reason(name, file)}}, "", ""
			}
			if s, ok := d.SignIn(data); ok {
				return []Evidence{{What: strings.ReplaceAll(s.Why, "{where}", file)}}, "", ""
			}
		}
		for i := range d.Lockfiles {
			l := &d.Lockfiles[i]
			data, file, err := read(l.File)
			if err == nil && l.Records(data) {
				data = l.Installed(data, omitDev)
				if !slices.Contains(d.Files, l.File) {
					// A lockfile is read for its signs too.
					if name, ok := d.InLockfile(l.File, data); ok {
						return []Evidence{{What: d.Reason(name, file)}}, "", ""
					}
					if s, ok := d.SignIn(data); ok {
						return []Evidence{{What: strings.ReplaceAll(s.Why, "{where}", file)}}, "", ""
					}
				}
				texts, why := f.lockfileRead(l)
				if why != "" {
					// Signs in it still count; its lack of them does not.
					if unread == "" {
						unread = fmt.Sprintf("%s shows no dependency that links a C library, but %s", file, why)
					}
					continue
				}
				for _, t := range texts {
					t = l.Installed(t, omitDev)
					if name, ok := d.InLockfile(l.File, t); ok {
						return []Evidence{{What: d.Reason(name, file)}}, "", ""
					}
					if s, ok := d.SignIn(t); ok {
						return []Evidence{{What: strings.ReplaceAll(s.Why, "{where}", file)}}, "", ""
					}
				}
				free = l.Reason(file)
				break
			}
		}
	}
	ls := st.LibcSources
	if ls == nil {
		return nil, free, unread
	}
	files, total := 0, 0
	errStop := fs.SkipAll
	ignored := f.dockerignore()
	walkContext(ctx, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder is a fact, not an error
		}
		if p != "." && (ls.Skipped(e.Name()) || ignored(p)) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() || !strings.HasSuffix(p, ls.Ext) || !e.Type().IsRegular() {
			return nil
		}
		files++
		if files > libcScanFiles || total >= libcScanBytes {
			return errStop
		}
		data, opened, _ := readHead(ctx, p, libcScanPerFile)
		if !opened {
			return nil
		}
		total += len(data)
		if ls.Matches(data) {
			found = append(found, Evidence{What: ls.Reason(p)})
			return errStop
		}
		return nil
	})
	if len(found) > 0 {
		free = ""
	}
	return found, free, unread
}

// needsLibc records the preset's signs of a C library in a RUN's text
// (shell form, heredocs, or an exec form's words joined by spaces).
func (f *facts) needsLibc(in *inst, text string) {
	for _, sig := range f.preset.Static.NeedsLibc {
		if sig.Matches(text) {
			f.libcWhy = append(f.libcWhy, Evidence{Line: in.first, What: sig.Why, means: sig.Means, deferred: sig.Defer})
		}
	}
}

// runDeps records a RUN that names a dependency known to link the C
// library (go get github.com/mattn/go-sqlite3).
func (f *facts) runDeps(d *presets.LibcDeps, in *inst, sc *shell.Script) {
	for _, c := range sc.Cmds {
		for _, w := range c.Args() {
			if name, ok := d.Named(w.Text); ok {
				f.libcWhy = append(f.libcWhy, Evidence{Line: in.first, What: d.Reason(name, "the RUN")})
				return
			}
		}
	}
}

// libDep is a dependency named in the file or the build context that
// needs a library of the builder image (presets.BuilderLibs).
type libDep struct {
	pm    int // the index of the package map whose builder_libs lists it
	dep   *presets.LibDep
	where string // "the RUN" or a file of the build context
	line  int    // the RUN's line; 0 for a file
}

// runLibDeps records the dependencies a RUN's words name that may need
// a library of the builder image (pip3 install psycopg2).
func (f *facts) runLibDeps(in *inst, sc *shell.Script) {
	for i := range f.preset.RuntimePackages {
		b := f.preset.RuntimePackages[i].BuilderLibs
		if b == nil {
			continue
		}
		for _, c := range sc.Cmds {
			for _, w := range c.Args() {
				if w.Dynamic {
					continue
				}
				if d, ok := b.Named(w.Text); ok {
					f.libDeps = append(f.libDeps, libDep{pm: i, dep: d, where: "the RUN", line: in.first})
				}
			}
		}
	}
}

// contextLibDeps reads the build context's files a package map's
// builder_libs names for the dependencies they list.
func (f *facts) contextLibDeps(pm int, b *presets.BuilderLibs) []libDep {
	if f.opt.Context == nil {
		return nil
	}
	var out []libDep
	for _, file := range b.Files {
		data, err := fs.ReadFile(f.opt.Context, file)
		if err != nil {
			continue
		}
		for _, d := range b.InFile(data) {
			out = append(out, libDep{pm: pm, dep: d, where: file})
		}
	}
	return out
}

// quotedScripts reads the sh -c strings that the shell reader left
// opaque, when the string is one the shell does not expand (a
// double-quoted literal): its unquoted text is what sh -c runs.
func quotedScripts(sc *shell.Script) (scripts []*shell.Script, unread bool) {
	if sc == nil || !sc.Opaque {
		return nil, false
	}
	var out []*shell.Script
	for _, c := range sc.Cmds {
		args := c.Args()
		k := c.CommandArg()
		if c.Inline || k < 0 {
			continue
		}
		if args[k].Dynamic {
			unread = true
			continue
		}
		read := false
		for _, ic := range sc.Cmds {
			read = read || ic.Inline && ic.Pos >= args[k].Pos && ic.Pos < args[k].End
		}
		if read {
			continue
		}
		inner, err := shell.Parse(args[k].Text)
		if err != nil || inner.Opaque {
			unread = true
			continue
		}
		out = append(out, inner)
	}
	return out, unread
}

// checkInterpreterRequest declines a build command that fetches an
// interpreter of its own (the preset's interpreter_request): one of the
// project's files in the builder, at the folder the command runs in or
// above it, asks for a version that the builder's certainly is not. The
// environment the runtime copies would then run an interpreter outside
// it. Nothing is read when the file turns fetching off (the original
// build then fails itself), or when the builder's version or the
// requirement cannot be read.
func (f *facts) checkInterpreterRequest(step *runStep, b buildUse) error {
	r := b.bc.Requests
	if r == nil || !path.IsAbs(b.cwd) {
		return nil
	}
	for _, a := range b.args {
		for _, u := range r.UnlessArgs {
			if a.text == u || strings.HasPrefix(a.text, u+"=") {
				return nil
			}
		}
	}
	for k := range r.UnlessEnv.All() {
		v, ok := b.env[k]
		if !ok {
			v, ok = f.envNow[k]
		}
		if ok && r.Off(k, v) {
			return nil
		}
	}
	have := ""
	vals := f.values()
	for _, name := range r.Builder {
		if _, ok := parseDotted(vals[name]); ok {
			have = vals[name]
			break
		}
	}
	if have == "" {
		return nil
	}
	for i := range r.Sources {
		src := &r.Sources[i]
		for dir := path.Clean(b.cwd); ; dir = path.Dir(dir) {
			text, from, ok := f.contextFileAt(path.Join(dir, src.File))
			if !ok {
				if dir == "/" {
					break
				}
				continue
			}
			req, ok := src.Requirement(text)
			spec := req
			if ok && src.Prefix {
				_, ok = parseDotted(req)
				spec = "==" + req + ".*"
			}
			if ok && excludesVersion(have, spec) {
				why := strings.NewReplacer("{what}", src.What, "{req}", req, "{file}", from, "{builder}", have).Replace(r.Why)
				return declinef(declInterpreterFetch, "line %d: `%s`: %s", step.in.first, b.bc.Command, why)
			}
			break
		}
	}
	return nil
}

// installLine is the line of the last install of one of pkgs that no
// later remove undoes, or 0 when the file's own installs do not leave
// one in the builder (the image's own packages do not count: the program
// must come from an install the runtime repeats).
func (f *facts) installLine(pkgs []string) int {
	last := map[string]int{}
	for _, e := range f.pkgEvents {
		if !slices.Contains(pkgs, e.name) {
			continue
		}
		last[e.name] = e.line
		if e.remove {
			last[e.name] = 0
		}
	}
	line := 0
	for _, l := range last {
		line = max(line, l)
	}
	return line
}

// argDrop is an install argument taken out of its RUN.
type argDrop struct {
	line              int
	arg, command, why string
	without           string // where the install goes without it
	edits             []Edit
}

// dropArgs takes out of an app install the arguments that would send its
// packages past the environment the runtime copies (review 12, finding
// B: uv pip install --system installs into the system Python whatever
// VIRTUAL_ENV says). Only restage's own environment, made before the
// install, is a place the install then goes to for sure; with the
// file's own, or a setting of the environment, the file is declined.
func (f *facts) dropArgs(step *runStep, b buildUse, envDir string) error {
	if !b.bc.App {
		return nil
	}
	for i := range b.bc.DropArgs {
		d := &b.bc.DropArgs[i]
		miss := "the environment the runtime copies"
		switch {
		case envDir != "":
			miss = envDir
		case f.prepared != nil && len(f.prepared.Copy) > 0:
			miss = path.Clean(f.prepared.Copy[0])
		case len(f.ownEnvs) > 0:
			miss = f.ownEnvs[0]
		}
		why := fmt.Sprintf("%s, so the packages would miss %s, which the runtime copies", d.Why, miss)
		if d.Env != "" {
			v, ok := b.env[d.Env]
			if !ok {
				v, ok = f.envNow[d.Env]
			}
			if ok && d.On(v) {
				return declinef(declCommandOption, "line %d: `%s` with %s=%s: %s; restage does not take a setting out of the environment", step.in.first, b.bc.Command, d.Env, v, why)
			}
		}
		if !slices.ContainsFunc(b.args, func(w word) bool { return w.text == d.Arg }) {
			continue
		}
		if envDir != "" || f.prepared == nil {
			return declinef(declCommandOption, "line %d: `%s %s`: %s; restage takes the option out only before an environment it makes itself", step.in.first, b.bc.Command, d.Arg, why)
		}
		if slices.ContainsFunc(f.argDrops, func(a argDrop) bool {
			return a.line == step.in.first && a.arg == d.Arg && a.command == b.bc.Command
		}) {
			// The RUN's edits cover every such command in it.
			continue
		}
		edits, ok := argEdits(f.src, step, b.bc.Command, d.Arg)
		if !ok {
			return declinef(declCommandOption, "line %d: `%s %s`: %s; restage cannot take the option out of this RUN (exec form, a heredoc or a quoted sh -c string)", step.in.first, b.bc.Command, d.Arg, why)
		}
		f.argDrops = append(f.argDrops, argDrop{line: step.in.first, arg: d.Arg, command: b.bc.Command, why: why, without: d.Without, edits: edits})
	}
	return nil
}

// isRootUser reports whether a USER value is root: root or 0, with any
// group.
func isRootUser(u string) bool {
	name, _, _ := strings.Cut(u, ":")
	return name == "root" || name == "0"
}

// projectClasses is a class output a build's project file names: the
// tool, the file as shown, and the dependencies a class path of it lacks.
type projectClasses struct {
	tool, file string
	deps       []string
	why        string
}

// addProjectClasses records the folder a build step compiles the
// project's classes into, and its output file, as class outputs (review
// 31, finding A: java -cp target/classes after mvn install), when the
// project file can be read and moves neither.
func (f *facts) addProjectClasses(b *buildUse) {
	pc, o := b.bc.ProjectClasses, b.bc.Output
	if pc == nil || f.opt.Context == nil {
		return
	}
	project := o
	if project == nil {
		// A build that compiles and packages nothing (mvn compile):
		// its classes only.
		project = pc.Project
	}
	if project == nil {
		return
	}
	dir, file, ok := projectFileOf(b, project)
	if !ok {
		return
	}
	text, from, ok := f.contextFileMax(path.Join(dir, file), 1<<20)
	if !ok {
		return
	}
	moved, deps, ok := pc.Read([]byte(text))
	if !ok || moved {
		return
	}
	outs := []string{path.Join(dir, pc.Dir)}
	if o != nil {
		if base, ok := o.BaseName([]byte(text)); ok {
			outs = append(outs, path.Join(dir, o.Dir, base+o.Ext))
		}
	}
	if f.projectClasses == nil {
		f.projectClasses = map[string]projectClasses{}
	}
	for _, out := range outs {
		// mvn compile then mvn test compile into the same folder.
		if !slices.Contains(f.classDirs, out) {
			f.classDirs = append(f.classDirs, out)
		}
		f.projectClasses[out] = projectClasses{tool: b.bc.Command, file: from, deps: deps, why: pc.DepsWhy}
	}
}
