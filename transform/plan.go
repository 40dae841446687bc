package transform

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// plan is what the rewrite will do: the runtime chosen, the new stage's
// content and the edits to the builder. makePlan fills it in; render only
// reads it. Everything decided after analysis lives here: f is read-only.
type plan struct {
	// distUsed marks the facts' distribution tasks (f.dists, by index)
	// whose start script the command runs, or whose decline is another.
	distUsed map[int]bool
	// distEnv are the variables the start script the command runs reads
	// (the preset's build[].dist.env): kept though drop_env lists them.
	distEnv []string
	f       *facts
	notes   *notes // the conversion's note sink; only planning writes to it
	// argTag is how the builder's tag takes global build arguments (nil:
	// it takes none); argPrefer is set while choosing a runtime prefers
	// one whose image follows them.
	argTag    *argTag
	argPrefer bool
	// jsonDocs are the decoded JSON files of the build context that
	// runners read (package.json), by path.
	jsonDocs map[string]any
	// loads are the relative loads of the sources the start's reach
	// read, by path (relativeLoads).
	loads map[string]loadsOf
	// compiled are the sources the packages builds compile, read once
	// (compiledSources); compiledOK says they could be told.
	compiled                 map[string]bool
	compiledRead, compiledOK bool
	// codes are the sources read with their comments blanked, by path
	// (blanked): each scan of the sources may need them.
	codes map[string][]byte
	// writesRead, srcWrites and srcUnnamed hold sourceWrites' result:
	// the run-time files and the owner both ask for it.
	writesRead            bool
	srcWrites, srcUnnamed []writeSeen

	// Decisions that start from what analysis found, kept apart so that
	// the facts stay as analysis left them.
	artifacts []artifact // f.artifacts, then what the command adds
	dropped   []*inst    // f.dropped, then a CMD a shell ENTRYPOINT ignores
	// dropWhys says why an instruction of dropped left, for explain,
	// when it was not overridden by a later one of its kind.
	dropWhys map[*inst]string
	libcWhy  []Evidence // f.libcWhy, then signs in ENV
	libcFree string     // why no C library is needed: a lockfile with no sign
	// lockUnread says why a lockfile with no sign did not count: the
	// install does not read it (RS189).
	lockUnread string
	meansSet   []Evidence // signs set aside as only the means to link one (dropMeans)
	idle       *Evidence  // the note on a toolchain set aside for the lockfile, said when the runtime leaves the builder's C library
	staticSet  bool       // the file sets the static switch itself (in a build command or an ENV)
	collected  bool       // the preset's collect step is used
	// distRun is the distribution task a runner's start needs (gradle
	// run's installDist), added after the build in distRunCwd.
	distRun, distRunCwd string

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

	runtimeFiles int // how many run-time files and folders are copied
	// optional are copies of files that may be absent at build time.
	optional map[string]bool
	// optionalDirs are those of optional that are folders, copied to
	// the same place.
	optionalDirs map[string]bool
	// optionalAny are copies that may be absent and may be a file or a
	// folder (a git-ignored name of the context copied into /).
	optionalAny map[string]bool
	// optionsEnv are interpreter options that go to the preset's
	// OptionsEnv variable in the runtime.
	optionsEnv []optionWord
	optionVars []string // option variables the command expanded
	pkgTools   []string // what the runtime needs to install its packages
	// srcNeeds are the calls of the sources that need tools of the
	// runtime in the program's own process (a Java compiler).
	srcNeeds  []srcNeed
	installed []string // system packages the runtime installs (their programs are there)
	// hcLacked are the HEALTHCHECK's programs the builder image lacked
	// (builderLacks), and hcLackedAt the number of notes made before
	// them: their warning goes there once the runtime is chosen.
	hcLacked   []string
	hcLackedAt int
	// scriptInstall are the programs a start script runs that the runtime
	// installs (installForScript), which tie the runtime to its image.
	scriptInstall []string
	scriptWith    []presets.InstallWith
	// buildOnlyLeft are build-only packages the builder installs that
	// stay there (named when the sources run a program no literal names).
	buildOnlyLeft []string
	// unnamedWarns are the warnings on programs the sources name by an
	// expression, put at unnamedAt once the runtime's image is known.
	unnamedWarns []unnamedWarn
	unnamedAt    int
	pkgInstalled []string // those of installed that the package maps install (packages, not programs)
	pathCopied   bool     // the runtime gets the folders the file puts on PATH
	// depBinDirs are the dependencies' program folders on the file's PATH
	// that the command or its script runs a program from.
	depBinDirs []string
	progs      []progUse // the programs the sources run (read once)
	progsRead  bool
	// pathProgs are the programs the sources run by a path that is no
	// system program nor an artifact (./venv/bin/yt-dlp): files the
	// runtime has only when a copy brings them (review 6, finding A).
	pathProgs []progUse
	releases  []pkgRelease // installs from a system release the builder may not name
	// alongside are installs of packages only the runtimes that lack
	// them get (tzdata on alpine), decided once the runtime is chosen.
	alongside []alongsideOnly
	user      string // USER value, empty for none
	// chown is the runtime user when it is not the original's: it owns
	// the folders in owned, and COPY --from into them carries --chown.
	chown    string
	fromRoot bool // the original ran as root
	userNote int  // the index of the note on the user change, when chown is set
	// replaced is the original's non-root user that the runtime's user
	// takes the place of (one the builder made, or one the runtime
	// lacks): "" when none is.
	replaced string
	owned    []string // folders the runtime user owns
	// keepsRoot: the program writes outside its app folder, so the
	// runtime runs as root (with no USER line on an image that does).
	keepsRoot bool
	prepare   []string // folders made in the builder for the runtime user (VOLUME)
	command   []string // ENTRYPOINT / CMD blocks
	uses      []varUse // variables the runtime stage expands
	allowed   map[string]bool

	stripped bool // a runner (uv run) was taken out of the command
	// pathDirs is the builder's final PATH as folders, "$PATH" standing
	// for the image's, each with the line that put it there (0: inserted).
	pathDirs []pathDir

	static bool // set the preset's static env on artifact commands
	prog   *program
	// restCmds are the simple commands after the first of a CMD or
	// ENTRYPOINT that a shell runs.
	restCmds []simpleCmd

	// Lines inserted after the last build RUN (after): the prune of dev
	// dependencies and the collect step.
	afterCmds []string
	after     *inst
	// The prune, when a RUN after the last build step may still use
	// development dependencies: inserted after that RUN instead.
	afterCmds2 []string
	after2     *inst
	// The links of globally installed programs (npm install -g): a
	// line after the install's RUN gathers them into a folder of their
	// own (COPY would follow a link named on its own, and keeps links
	// inside a folder), and the runtime copies that folder's contents to
	// where they were.
	linkCmds   []string
	linkAt     *inst
	linkCopies [][2]string
	// madeDirs are folders a RUN made outside the app folder that the
	// runtime gets (planMade); a non-root runtime user owns them, as
	// root could write them in the original.
	madeDirs []madeCopy
	// daemon is the root daemon the start runs (planDaemon), for which
	// the runtime keeps root.
	daemon *daemonUse
	// srcPartial: the writes scan read a source only in part
	// (sourceWrites); without a whole read of the sources the start
	// runs, writes into a volume cannot be ruled out (RS337).
	srcPartial bool
	srcRan     []string               // the sources read that the start runs (ranSources)
	srcQuiet   []string               // the sources read with no write, not yet asked
	srcRuns    func(name string) bool // runSources, until ranSources asks
	srcAll     *contextSources        // as the scan read them
	srcUnbound *bool                  // unboundWrites, once known
	startRead  bool                   // startFile worked out
	startName  string                 // startFile
	// namedCopies are the files and folders the runtime gets because the
	// sources or the command name them (RS125, RS126); one outside the app
	// folder is the runtime user's too when the original ran as root.
	namedCopies []madeCopy
	// rootOnly is a copied folder under /root, which only root may
	// enter: the runtime keeps the original's root user for it.
	rootOnly string
	// keepDev says why development dependencies must stay (the start
	// command needs one); empty when they may be pruned.
	keepDev string
	// keepDevCode is the note's code when keepDev is not what the start
	// needs (RS124): the runner's file cannot be read at all (RS192), or
	// the package manager does not support its prune there (RS181).
	keepDevCode Code
	// keepDevLine is the line of the install whose prune is
	// unsupported, where RS181 goes.
	keepDevLine int
	// jsonFrom names, for each runner file read, the file of the build
	// context it was read from (app/package.json for COPY app/ .).
	jsonFrom map[string]string
	// scriptCmds are the commands of the shell script the command runs
	// (pr.scriptFile), and scriptRunsCmd says that it runs the CMD it is
	// given (exec "$@"): both are on the start path.
	scriptCmds []simpleCmd
	// scriptWrites are the paths the start script's own commands write
	// (cp's destination, mkdir, > FILE), absolute, with the script's
	// file and line.
	scriptWrites  []writeSeen
	scriptRunsCmd bool
	// classNote says how the command runs a class from its class path,
	// and classWorkdir that the class path holds the working folder;
	// both are noted once the runtime's command is written.
	classNote    string
	classWorkdir bool
	// composeUses are the commands compose runs instead of the image's
	// (composeCommands).
	composeUses []composeUse
}

type varUse struct {
	name string
	line int
}

func makePlan(f *facts, ns *notes) (*plan, error) {
	p := &plan{
		f: f, notes: ns, stage: f.stageName, allowed: map[string]bool{}, optional: map[string]bool{}, optionalDirs: map[string]bool{}, optionalAny: map[string]bool{},
		artifacts: slices.Clone(f.artifacts),
		dropped:   slices.Clone(f.dropped),
		libcWhy:   slices.Clone(f.libcWhy),
		staticSet: f.staticSet,
	}
	if p.stage == "" {
		p.stage = "build"
	}
	p.noteVersions()
	p.noteMissingSources()
	if len(f.rootInstalls) > 0 && f.rootInstalls[0].env == "" {
		r := f.rootInstalls[0]
		p.notes.note(r.in.first, infoAppInstallOutputs, "`%s` runs in / and writes %s there, and the stage's working folder stays /: the app is what the COPY instructions wrote and the install's output (%s), each copied at its path, the output only when the builder has it (an install with no dependencies writes none; a one-character wildcard, which needs BuildKit)", r.command, strings.Join(r.outputs, ", "), strings.Join(f.appCopies, ", "))
		for _, o := range r.outputs {
			// npm ci of a package with no dependencies makes no
			// node_modules (engine 20.10, node:22's npm): a plain COPY
			// of it would fail the build.
			p.optionalAny[path.Join("/", o)] = true
		}
	} else if len(f.rootInstalls) > 0 && len(f.appCopies) > 0 && f.workdir != "/" {
		r := f.rootInstalls[0]
		p.notes.note(r.in.first, infoAppFromRootCopies, "`%s` runs in / but installs into %s: the app is the working folder %s and what the COPY instructions wrote while the stage was in / (%s), each copied at its path", r.command, r.env, f.workdir, strings.Join(f.appCopies, ", "))
	} else if len(f.rootInstalls) > 0 && len(f.appCopies) > 0 {
		r := f.rootInstalls[0]
		p.notes.note(r.in.first, infoAppFromCopies, "`%s` runs in / and installs into %s, and the stage's working folder stays /: the app is what the COPY instructions wrote (%s), copied with %s", r.command, r.env, strings.Join(f.appCopies, ", "), r.env)
	} else if len(f.rootInstalls) > 0 {
		r := f.rootInstalls[0]
		p.notes.note(r.in.first, infoAppFromWorkdir, "`%s` runs in / but installs into %s: the app's folder is the working folder %s, copied with it", r.command, r.env, f.workdir)
	}
	for _, rc := range f.rootCopies {
		msg := fmt.Sprintf("COPY writes %s into / itself: the runtime copies the context's top-level entries by name (%s), none of which is a folder of the image", rc.raw, strings.Join(rc.names, ", "))
		if len(rc.absent) > 0 {
			msg += fmt.Sprintf(", and %s, which the context's .gitignore lists: absent from a fresh clone but copied by the original where the image is built with them, each is copied only when the builder has it (a one-character wildcard, which needs BuildKit)", strings.Join(rc.absent, ", "))
		}
		p.notes.note(rc.in.first, infoRootEntries, "%s", msg)
		for _, a := range rc.absent {
			p.optionalAny[a] = true
		}
	}
	for _, d := range f.dropped {
		p.notes.note(d.first, infoOverridden, "%s is overridden by a later one and is left out of the runtime stage", d.kw)
	}
	if err := p.checkDeclines(); err != nil {
		return nil, err
	}
	if err := p.findProgram(); err != nil {
		if d := p.distDecline(); d != nil {
			return nil, d
		}
		return nil, err
	}
	if d := p.distDecline(); d != nil {
		// A distribution task whose start script the command does not
		// run: the decline the preset gives it.
		return nil, d
	}
	if err := p.composeHidesProgram(); err != nil {
		return nil, err
	}
	if err := p.planMoves(); err != nil {
		return nil, err
	}
	p.healthcheckTools() // marks the artifacts the check runs
	p.composeCommands()  // and those a compose command runs
	p.sourcePrograms()   // and those the sources run by name
	p.sourceGlobals()
	p.noteToolsLeft()
	if err := p.diskEmbeds(); err != nil {
		return nil, err
	}
	if err := p.sourceDeclines(); err != nil {
		return nil, err
	}
	p.startDev()
	p.noteEntryMissing()
	p.planMade()
	if err := p.planDaemon(); err != nil {
		return nil, err
	}
	p.decideLibc()
	if err := p.checkStaticReach(); err != nil {
		return nil, err
	}
	if err := p.planPackages(); err != nil {
		return nil, err
	}
	if err := p.chooseRuntime(); err != nil {
		return nil, err
	}
	if err := p.checkVM(); err != nil {
		return nil, err
	}
	if err := p.checkComposeRunners(); err != nil {
		return nil, err
	}
	if err := p.checkEntrypointShell(); err != nil {
		return nil, err
	}
	p.noteRelease()
	p.finishCommand()
	if err := p.planEnv(); err != nil {
		return nil, err
	}
	p.planLocalTime()
	p.planUser()
	p.planFiles()
	p.notePathPrograms()
	if err := p.checkCdDir(); err != nil {
		return nil, err
	}
	p.notePathAndTools()
	p.planBlocks()
	if err := p.planArgs(); err != nil {
		return nil, err
	}
	// A compose command is run as written, from the working folder.
	if p.f.setWD || p.runtimeFiles > 0 || p.prog.needsShell || p.prog.art == nil || f.src.fromCompose != "" {
		p.workdir = f.workdir
	}
	p.planOwnership()
	p.planInserts()
	p.noteLittleGained()
	p.noteContextUnread()
	return p, nil
}

// noteContextUnread names the files of the build context that were not
// read (contextFS.readable): the readers took them as saying nothing,
// which may not be what they say.
func (p *plan) noteContextUnread() {
	c, ok := p.f.opt.Context.(*contextFS)
	if !ok {
		return
	}
	names, why := c.unreadFiles()
	for i, n := range names {
		if why[i] == errBindingsCapped {
			p.notes.note(0, warnContextUnread, "%s in the build context is read only in part: it has more write calls by names than restage follows, and the writes after them are not taken into account", n)
			continue
		}
		p.notes.note(0, warnContextUnread, "%s in the build context is not read (%v): what it says (dependencies, versions, settings) is not taken into account", n, why[i])
	}
}

// noteLittleGained says when the split buys almost nothing: the runtime
// is the builder's own image, or one the preset's figures put at the
// same size, so only what the build steps added is left out.
func (p *plan) noteLittleGained() {
	same := p.sameImage()
	sz := p.size()
	if !same && (sz == nil || sz.After < 0.9*sz.Before) {
		return
	}
	what := "the builder's own image"
	if !same {
		what = "about as large as the builder " + p.f.image
	}
	est := ""
	if sz != nil {
		est = fmt.Sprintf("; estimated %.0f MB before, %.0f MB after", sz.Before, sz.After)
	}
	p.notes.note(p.f.from.first, infoLittleGained, "the runtime %s is %s: the split leaves out only what the build steps added (compilers, dev dependencies, caches)%s", p.image, what, est)
}

// sameImage reports whether the runtime's image is the builder's own
// (with the build arguments' defaults, which a runtime FROM that follows
// them names: argTag).
func (p *plan) sameImage() bool {
	return hubShort(p.f.image) == hubShort(p.f.expandMeta(p.image))
}

func (p *plan) checkDeclines() error {
	f := p.f
	if err := f.execWordIsLine(); err != nil {
		return err
	}
	for _, d := range f.preset.Decline {
		if d.RunCommand == "" {
			continue
		}
		for _, in := range []*inst{f.cmd, f.entrypoint} {
			if in == nil {
				continue
			}
			for _, c := range f.startCmds(in) {
				if !p.runsDeclined(c.args, d.RunCommand) {
					continue
				}
				if c.script != "" {
					return declinef(declPresetCommand, "line %d: %s runs the script %s: %s", in.first, in.kw, c.script, d.Reason)
				}
				return declinef(declPresetCommand, "line %d: %s", in.first, d.Reason)
			}
		}
	}
	// What a runner's script runs (npm start, npm run startdev), every
	// simple command of it and of the scripts it runs by name in turn: a
	// declined program after && is as much the container's start as the
	// script's only command (review 17, finding B: `node seed.js &&
	// nodemon app.js` was converted, `nodemon app.js` declined).
	for _, in := range []*inst{f.cmd, f.entrypoint} {
		if in == nil {
			continue
		}
		for _, c := range f.startCmds(in) {
			if why := p.scriptDecline(c.args, nil); why != "" {
				return declinef(declPresetCommand, "line %d: %s", in.first, why)
			}
		}
	}
	// A global install is a build step too: its package may be what
	// the container runs (npm install -g json-server).
	hasBuild := len(f.globals) > 0
	for _, r := range f.runs {
		if len(r.builds) > 0 {
			hasBuild = true
		}
	}
	if !hasBuild {
		// With no build and no command, the missing command is the
		// reason, as it is when the file builds (review 31, finding E:
		// FROM python, RUN apt-get update was "prebuilt").
		if f.cmd == nil && (f.entrypoint == nil || len(cmdLine(f.entrypoint).CmdLine) == 0) {
			return declinef(declNoCommand, "no CMD or ENTRYPOINT: cannot tell what the container runs")
		}
		for _, r := range f.runs {
			for _, c := range r.cmds {
				if op := f.opaqueBuild(c.args); op != "" {
					return declinef(declOpaqueBuild, "line %d: no %s build step can be seen, and this RUN runs `%s`, a build tool restage does not follow (it does not read the file that tells it what to build): the build is inside it, so what the runtime needs cannot be told", r.in.first, f.preset.Title, op)
				}
			}
			if r.unread {
				return declinef(declShellString, "line %d: no %s build step can be seen, and this RUN runs a sh -c string that is expanded at build time, which restage cannot read: the build may be inside it", r.in.first, f.preset.Title)
			}
		}
		// A runner that runs the app from source (mvn spring-boot:run):
		// the program is compiled when the container starts.
		for _, in := range []*inst{f.cmd, f.entrypoint} {
			if in == nil {
				continue
			}
			for _, c := range f.startCmds(in) {
				r, shown, _ := f.runnerOf(c.args, f.workdir)
				if r == nil || r.Run == "" {
					continue
				}
				if c.script != "" {
					return declinef(declFromSource, "line %d: %s runs the script %s, which runs `%s`: that runs from source, and no build step here makes a file to run instead", in.first, in.kw, c.script, shown)
				}
				return declinef(declFromSource, "line %d: %s runs from source, and no build step here makes a file to run instead", in.first, shown)
			}
		}
		if err := f.buildAtStart(); err != nil {
			return err
		}
		return declinef(declPrebuilt, "no %s build step (%s) in the file: the program seems to come prebuilt, so there is nothing to split", f.preset.Title, strings.Join(buildNames(f.preset), ", "))
	}
	return nil
}

// opaqueBuild returns the preset's opaque build command that the words
// run, by name or by a path ending in it (/usr/bin/make), or "".
func (f *facts) opaqueBuild(args []word) string {
	if len(args) == 0 {
		return ""
	}
	byName := append([]word{{text: path.Base(args[0].text)}}, args[1:]...)
	for _, c := range f.preset.OpaqueBuilds {
		if hasPrefixWords(args, c) || hasPrefixWords(byName, c) {
			return c
		}
	}
	return ""
}

// buildAtStart declines a file whose start runs one of the preset's build
// steps (CMD ["mvn", "verify"], or a script it runs that does): when no RUN
// builds, the container builds when it starts, which is no prebuilt
// program. The ENTRYPOINT and CMD are read apart and, both in exec form,
// together (ENTRYPOINT ["/bin/sh"] with CMD ["start.sh"]).
func (f *facts) buildAtStart() error {
	// who is what runs the commands, with its verb (CMD runs); the
	// ENTRYPOINT and CMD together come first, being what the container
	// runs when both are there.
	type start struct {
		line int
		who  string
		cmds []startCmd
	}
	var starts []start
	if f.entrypoint != nil && f.cmd != nil {
		ep, cmd := cmdLine(f.entrypoint), cmdLine(f.cmd)
		if !ep.PrependShell && !cmd.PrependShell && len(ep.CmdLine) > 0 {
			args, _ := execCmd(append(slices.Clone(ep.CmdLine), cmd.CmdLine...)).argv()
			starts = append(starts, start{f.entrypoint.first, "ENTRYPOINT and CMD run", []startCmd{{args: args}}})
			if abs, sc := f.scriptRun(args); sc != nil {
				// The CMD names the script the ENTRYPOINT's shell runs.
				var cmds []startCmd
				for _, sub := range sc.Cmds {
					if a, _ := (simpleCmd{sub}).argv(); len(a) > 0 {
						cmds = append(cmds, startCmd{args: a, script: abs})
					}
				}
				starts = append(starts, start{f.cmd.first, "CMD runs", cmds})
			}
		}
	}
	// A CMD behind an exec-form ENTRYPOINT that is one of the preset's
	// interpreters (java -jar app.jar) is only that program's arguments,
	// never a command of its own (review 10, finding A); behind a script
	// or a shell it may still run ("exec "$@""), so it is checked alone.
	cmdAlone := f.cmd
	if f.entrypoint != nil && f.cmd != nil {
		if ep := cmdLine(f.entrypoint); !ep.PrependShell && len(ep.CmdLine) > 0 && f.preset.IsInterpreter(ep.CmdLine[0]) {
			cmdAlone = nil
		}
	}
	for _, in := range []*inst{cmdAlone, f.entrypoint} {
		if in != nil {
			starts = append(starts, start{in.first, in.kw + " runs", f.startCmds(in)})
		}
	}
	const why = "the container runs the build tool when it starts, and nothing is built while the image is built, so the build tool stays and there is nothing to split"
	for _, s := range starts {
		for _, c := range s.cmds {
			ws := f.buildWords(c.args, f.workdir)
			if f.buildCmd(ws) == nil {
				continue
			}
			shown := strings.Join(wordTexts(c.args), " ")
			if c.script != "" {
				return declinef(declBuildAtStart, "line %d: %s the script %s, which runs `%s`: %s", s.line, s.who, c.script, shown, why)
			}
			return declinef(declBuildAtStart, "line %d: %s `%s`: %s", s.line, s.who, shown, why)
		}
	}
	return nil
}

// startCmd is a simple command the container starts: one of the CMD or
// ENTRYPOINT itself, or one of a shell script it runs (script, its path).
type startCmd struct {
	args   []word
	script string
}

// startCmds lists the simple commands a CMD or ENTRYPOINT starts: its
// own, and those of a shell script it runs (sh entrypoint.sh, or
// ./entrypoint.sh whose #! line names a shell) that the build context
// has.
func (f *facts) startCmds(in *inst) []startCmd {
	var out []startCmd
	for _, c := range commandCmds(in) {
		args, _ := c.argv()
		out = append(out, startCmd{args: args})
		abs, sc := f.scriptRun(args)
		if sc == nil {
			continue
		}
		for _, sub := range sc.Cmds {
			if a, _ := (simpleCmd{sub}).argv(); len(a) > 0 {
				out = append(out, startCmd{args: a, script: abs})
			}
		}
	}
	return out
}

// scriptRun reads the shell script a simple command runs, when the build
// context has it: the operand of a shell (sh entrypoint.sh), or a program
// named by its path whose #! line names a shell.
func (f *facts) scriptRun(args []word) (string, *shell.Script) {
	if len(args) == 0 {
		return "", nil
	}
	name, shebang := args[0], true
	if k := shell.ScriptArg(wordTexts(args)); k > 0 {
		name, shebang = args[k], false
	} else if !strings.Contains(name.text, "/") {
		return "", nil // a bare name is looked up on PATH
	}
	if name.dynamic {
		return "", nil
	}
	abs := f.abs(name.text)
	text, _, ok := f.contextFileAt(abs)
	if !ok {
		return "", nil
	}
	if shebang {
		if fields := shebangFields(text); len(fields) == 0 || !shell.IsShell(fields[0]) {
			return "", nil
		}
	}
	sc, err := shell.Parse(text)
	if err != nil {
		return "", nil
	}
	return abs, sc
}

// runsDeclined reports whether a simple command runs the command of a
// decline rule. The tool may be run by its path (/go/bin/air, where go
// install put it) as well as by its name. A program the file builds from
// the application's own sources is the application, even when it shares
// the tool's name (go build -o air .).
func (f *facts) runsDeclined(args []word, command string) bool {
	if len(args) == 0 {
		return false
	}
	prog := args[0].text
	if !hasPrefixWords(args, command) {
		if rest, ok := f.dependencyProgram(args); ok {
			return f.runsDeclined(rest, command)
		}
		if !strings.Contains(prog, "/") {
			return false
		}
		byName := append([]word{{text: path.Base(prog)}}, args[1:]...)
		if !hasPrefixWords(byName, command) {
			return false
		}
	}
	return !f.buildsApp(prog)
}

// dependencyProgram returns the command a runner's program prefix runs
// (npx nodemon, npm exec -- nodemon@3, yarn exec nodemon: nodemon's),
// its options and the version after the program's name left out, so
// that a declined command spelled through it is declined as well.
func (f *facts) dependencyProgram(args []word) ([]word, bool) {
	for _, r := range f.preset.Runners {
		for _, c := range r.Programs {
			if !hasPrefixWords(args, c) {
				continue
			}
			rest := args[len(strings.Fields(c)):]
			for len(rest) > 0 && !rest[0].dynamic && strings.HasPrefix(rest[0].text, "-") {
				rest = rest[1:] // its options and "--"
			}
			if len(rest) == 0 || rest[0].dynamic {
				return nil, false
			}
			name := rest[0].text
			if at := strings.LastIndex(name, "@"); at > 0 {
				name = name[:at] // nodemon@3; not @scope/pkg's first @
			}
			return append([]word{{text: name}}, rest[1:]...), true
		}
	}
	return nil, false
}

// buildsApp reports whether a command word names a program the file
// builds from the application's own sources: by its path, or by its
// name when it is looked up on PATH.
func (f *facts) buildsApp(prog string) bool {
	for _, a := range f.artifacts {
		if a.name == "" || a.folder || a.tool {
			continue
		}
		if strings.Contains(prog, "/") {
			if f.abs(prog) == a.path() {
				return true
			}
		} else if a.name == prog {
			return true
		}
	}
	return false
}

// buildNames lists the commands that make what a runtime runs.
func buildNames(p *Preset) []string {
	var out []string
	for _, b := range p.Build {
		name := b.Command
		if len(b.WithArgs) > 0 {
			name += " " + b.WithArgs[0]
		}
		if (b.Artifact != nil || b.App || b.Collect != nil) && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return p.Detect.Commands
	}
	return out
}

// planInserts decides the lines inserted into the builder around the
// build: the set-up before the install (a virtual environment), and after
// the last RUN that installs or builds, the prune of development
// dependencies and the step that collects the output into one file.
func (p *plan) planInserts() {
	f := p.f
	if f.prepared != nil {
		p.notes.note(f.prepareAt.first, infoVenvAdded, "a virtual environment is made before the install so that the runtime can copy it whole")
	}
	for _, d := range f.argDrops {
		p.notes.note(d.line, infoArgDropped, "%s is taken out of %s: %s; without it, %s", d.arg, d.command, d.why, d.without)
	}
	for _, i := range f.installs {
		if i.rootWhy != "" {
			p.notes.note(i.in.first, infoWorkspaceRoot, "`%s` in %s installs the whole workspace at %s (%s): the runtime copies %s whole", i.bc.Command, i.cwd, i.root, i.rootWhy, i.root)
		}
	}
	var after *runStep
	for i, r := range f.runs {
		if len(r.builds) > 0 {
			after = &f.runs[i]
		}
	}
	if after == nil {
		return
	}
	prune := f.pruneTarget()
	if prune != nil && p.keepDev != "" {
		switch p.keepDevCode {
		case infoDevKeptUnread:
			p.notes.note(p.prog.holder.first, infoDevKeptUnread, "development dependencies are not pruned: %s", p.keepDev)
		case infoPruneUnsupported:
			p.notes.note(p.keepDevLine, infoPruneUnsupported, "development dependencies are not pruned: %s", p.keepDev)
		default:
			p.notes.note(p.prog.holder.first, infoDevKept, "development dependencies are not pruned: %s", p.keepDev)
		}
		prune = nil
	}
	if prune != nil {
		// The prune goes after the last RUN that may still use the
		// development dependencies, which may come after the last build
		// step (npx prisma generate).
		at := after
		for i := range f.runs {
			if r := &f.runs[i]; r.in.first > at.in.first && p.mayUseDev(r, prune.cwd) {
				at = r
			}
		}
		// In a workspace the prune runs at the root the install filled
		// (npm prune in a member's folder prunes that member alone).
		c := prune.bc.Prune
		if at.cwd != prune.root {
			c = "cd " + prune.root + " && " + c
		}
		p.notes.note(at.in.first, infoPruneAdded, "`%s` is added after the build so that the runtime gets production dependencies only", prune.bc.Prune)
		if at != after {
			// The collect step keeps its place right after the build.
			p.afterCmds2 = append(p.afterCmds2, c)
			p.after2 = at.in
		} else {
			p.afterCmds = append(p.afterCmds, c)
		}
	}
	if p.distRun != "" {
		// The runner's distribution task (gradle run's installDist), in
		// the project's folder.
		c := p.distRun
		if p.distRunCwd != after.cwd {
			c = "cd " + p.distRunCwd + " && " + c
		}
		p.afterCmds = append(p.afterCmds, c)
	}
	if p.collected {
		c := f.collect.Run
		if f.collectCwd != after.cwd {
			c = "cd " + f.collectCwd + " && " + c
		}
		p.notes.note(after.in.first, infoOutputCollected, "the build's output is collected into %s, so that the runtime copies one known file", f.collect.Path)
		p.afterCmds = append(p.afterCmds, c)
	}
	p.after = after.in
}

// mayUseDev tells whether a RUN may use development dependencies: one of
// its commands is one the preset says may use them, or, in the app
// folder, one the preset classifies neither way.
func (p *plan) mayUseDev(r *runStep, app string) bool {
	if len(r.builds) > 0 {
		return true
	}
	d := p.f.preset.DevDeps
	if d == nil {
		return false
	}
	if r.unread && r.cwd == app {
		return true
	}
	for _, c := range r.cmds {
		if devCommand(d, c) {
			return true
		}
		if c.cwd == app && !matchesAny(c.args, d.Without) {
			return true
		}
	}
	return false
}

// devCommand reports whether c is a command the preset says uses
// development dependencies: one of its uses (npm run build), or a
// program run from one of its bin_dirs (node_modules/.bin/tsc).
func devCommand(d *presets.DevDeps, c cmdAt) bool {
	if matchesAny(c.args, d.Uses) {
		return true
	}
	for _, dir := range d.BinDirs {
		if strings.Contains("/"+c.args[0].text, "/"+strings.Trim(dir, "/")+"/") {
			return true
		}
	}
	return false
}

func matchesAny(args []word, prefixes []string) bool {
	for _, x := range prefixes {
		if hasPrefixWords(args, x) {
			return true
		}
	}
	return false
}

// checkCdDir checks that the folder a leading `cd DIR &&` changes to is in
// the runtime: the working folder, or a folder a copy lands in or holds.
func (p *plan) checkCdDir() error {
	dir := p.prog.dir
	if dir == "" || dir == p.f.workdir {
		return nil
	}
	for _, c := range p.copies {
		if under(dir, c) || under(c, dir) {
			return nil
		}
	}
	return declinef(declCdMissing, "line %d: %s changes to %s, which the runtime would not have: nothing the runtime gets is in it", p.prog.holder.first, p.prog.holder.kw, dir)
}

// pruneTarget is the install after which a prune of the development
// dependencies goes, unless something keeps them (plan.keepDev).
func (f *facts) pruneTarget() *install {
	var prune *install
	for k, i := range f.installs {
		if !i.prodOnly && i.bc.Prune != "" {
			prune = &f.installs[k]
		}
	}
	return prune
}

// devOmitted reports whether the runtime gets no development dependency
// from the installs: each one leaves them out, or is the one the prune
// added after it removes them from (when the plan keeps them, keepDev
// is set).
func (f *facts) devOmitted(keepDev string) bool {
	if len(f.installs) == 0 {
		return false
	}
	prune := f.pruneTarget()
	for k := range f.installs {
		if !f.installs[k].prodOnly && (&f.installs[k] != prune || keepDev != "") {
			return false
		}
	}
	return true
}

// optionWord is an interpreter option bound for the options variable.
// literal marks one the original passed as written (an exec-form word):
// a $ in it must not be expanded by the ENV that now carries it, whereas
// an ENV value's $ was expanded in the original too.
type optionWord struct {
	text    string
	literal bool
}

// dropWhy records why a dropped instruction left the file.
func (p *plan) dropWhy(in *inst, why string) {
	if p.dropWhys == nil {
		p.dropWhys = map[*inst]string{}
	}
	p.dropWhys[in] = why
}
