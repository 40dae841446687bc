package transform

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// decline is a reason to leave a file alone. It travels as an error inside
// the engine and ends up in Result.Declined and Result.DeclineCode.
type decline struct {
	code   Code
	reason string
}

func (d *decline) Error() string { return d.reason }

func declinef(code Code, format string, args ...any) error {
	return &decline{code, fmt.Sprintf(format, args...)}
}

// facts is what the analysis learned about a single-stage Dockerfile.
// Nothing writes to it after analyse returns: what the later phases decide
// goes into the plan (TestFactsReadOnly).
type facts struct {
	src    *source
	preset *Preset
	opt    Options

	from      *inst
	stage     *instructions.Stage
	stageName string // as written; empty when the FROM has no AS
	image     string // the base image with build args expanded
	repo, tag string
	variant   Variant // with the values of its repository and of the context filled in
	imageWD   string  // the builder image's own working folder: the variant's, else the preset's
	evidence  []Evidence
	versions  []versionFact // values the tag did not pin and the context did
	floating  []string      // values neither pins: the floating family is kept

	// Build args: meta (before FROM) with their defaults, and the ones the
	// stage declares, in order.
	meta      map[string]*string
	stageArgs []stageArg

	env    []envVar // ENV assignments in order
	envNow envMap   // expanded values, for resolving RUN words
	// runVars are what the shell of the RUN being read has set before
	// the command being read, over envNow.
	runVars shellVars
	workdir string // the working folder at the end of the stage
	setWD   bool   // the stage sets WORKDIR
	user    *inst  // the last USER
	userNow string // its value
	// rootRunner runs the image as root (the preset's runs_as_root), or
	// is nil.
	rootRunner *rootRunner
	// compose are the volumes compose files give the services that
	// build this Dockerfile (composeMounts).
	compose []composeMount
	// composeSvcs are the services of those files that build this
	// Dockerfile, read once: their volumes are compose, their
	// command: and entrypoint: what the container runs (composeCommands).
	composeSvcs []*composeService
	created     map[string]bool   // users made with adduser/useradd
	createdUID  map[string]string // the uid an adduser/useradd gave a user it made (-u 1001)
	shellCmd    []string          // SHELL, or nil for /bin/sh -c
	shellIn     *inst

	runs      []runStep
	artifacts []artifact
	installs  []install
	prepared  *Prepare // the set-up restage inserts
	collect   *Collect // how the output is gathered, if the command line does not name it
	collectAt *inst
	// collectUser is the user the collected build runs as ("" for
	// root): the collecting line runs as it too (checkCollectUser).
	collectUser string
	collectCwd  string
	// projectClasses are the class outputs a build's project file names
	// (mvn's target/classes and jar), by their absolute paths.
	projectClasses map[string]projectClasses
	// collectBuild is the build command whose output is collected.
	collectBuild buildUse
	prepareAt    *inst    // before this RUN
	ownEnvs      []string // environments the file names for its installs (VIRTUAL_ENV, --target)
	// argDrops are install arguments taken out of their RUN, as they
	// would send the packages past restage's environment (uv pip
	// install --system).
	argDrops []argDrop
	toolUses []toolUse // installs of build tools, not of the app
	// rootInstalls are app installs run in / into an environment
	// elsewhere; the app folder is then the final working folder.
	rootInstalls []rootInstall
	// appCopies are what the COPY instructions wrote, when a root
	// install's stage never leaves /: they are the app.
	appCopies []string
	// rootCopies are the COPY instructions of the context's contents
	// into / that appCopies holds entry by entry.
	rootCopies []rootCopy
	// classDirs are the folders a compiler writes classes into (javac
	// -d out), for a command that runs a class from a class path.
	classDirs []string
	globals   []globalPkg // packages installed globally (npm install -g serve)
	moves     []move      // mv steps, for what leaves the app folder
	cps       []move      // cp steps, for what a RUN puts in the working folder
	dists     []distUse   // distribution tasks run, for a command that runs their start script
	made      []madeDir   // folders a RUN makes with mkdir
	chowned   []chownDir  // folders a RUN gives to a user with chown
	// dirsNow are the builder folders the file has made so far (WORKDIR,
	// mkdir, a COPY's destination folders): a COPY of a file onto one of
	// them without a trailing slash puts the file inside it.
	dirsNow   map[string]bool
	workdirs  []string   // every WORKDIR the file sets
	workdirIn *inst      // the last WORKDIR, for notes on it
	pkgs      [][]string // run-time packages, per preset package map
	pkgAsIs   [][]string // those of pkgs kept as they are (not mapped)
	// pkgRecs are, per map, the packages kept as they are that an install
	// without a lean flag named, with the line of its RUN: it got what
	// they recommend (presets.PackageMap.Recommends).
	pkgRecs [][]pkgAt
	// pkgBuildOnly are the packages a map's build_only leaves in the
	// builder, in the order found (kept when the container runs them).
	pkgBuildOnly [][]string
	// pkgOrder is, per map, every package an install names, in the
	// order found: the runtime's install line keeps it.
	pkgOrder  [][]string
	pkgGroups []map[string][]string // per map, the kept packages of each install group (apk add --virtual NAME)
	libDeps   []libDep              // dependencies a RUN names that need a builder image's library
	// srcLine is, per preset package map, the line of the first RUN that
	// adds a package source (0: none); srcAt is where in the current
	// RUN's text one is added (-1: nowhere).
	srcLine, srcAt []int
	// srcKnown are, per package map, the package globs of the sources
	// added so far when each is a known one (presets known_sources);
	// srcOpaque is set once one is not, or a COPY wrote one: what it
	// gives cannot be told then, and every package installed after it
	// counts as from it.
	srcKnown  [][]string
	srcOpaque []bool
	unreached [][]unreached // packages the runtime's install cannot reach, per package map
	unmapped  [][]unreached // build-only packages whose run-time library the map does not know, per package map
	// pkgUnknown are the words of an install whose variables cannot be
	// told at its RUN (a build argument with no default), per package
	// map, with the reason.
	pkgUnknown [][]unknownPkgs
	pkgEvents  []pkgEvent // every install and remove of a package, in order
	copies     []copyStep
	sources    []ctxSource // what the COPY and ADD steps take from the build context
	libcWhy    []Evidence  // why the artifacts need a C library, from the RUN steps
	staticSet  bool        // a build command sets the static switch itself

	cmd, entrypoint, healthcheck *inst
	moved                        []*inst // instructions the runtime takes
	dropped                      []*inst // repeated CMDs and the like
}

type stageArg struct {
	name string
	decl string // "NAME" or "NAME=default" as written
	in   *inst
}

type envVar struct {
	key, raw string // raw keeps quotes, as written
	legacy   bool
	in       *inst
}

type copyStep struct {
	in   *inst
	cp   *instructions.CopyCommand
	dest string // absolute
	cwd  string
	// dirs are the folders known to exist in the builder before it.
	dirs map[string]bool
}

var moveKinds = map[string]bool{
	"CMD": true, "ENTRYPOINT": true, "EXPOSE": true, "HEALTHCHECK": true, "VOLUME": true,
	"STOPSIGNAL": true, "LABEL": true, "MAINTAINER": true,
}

// analyse finds the preset and the facts, or a reason to decline.
func analyse(src *source, opt Options, presets []*Preset) (*facts, error) {
	if len(src.stages) == 0 {
		return nil, declinef(declNoFrom, "no FROM instruction")
	}
	if len(src.stages) > 1 {
		return nil, declinef(declMultiStage, "already multi-stage (%d stages): nothing to split", len(src.stages))
	}
	f := &facts{src: src, opt: opt, stage: &src.stages[0], meta: map[string]*string{}, created: map[string]bool{}, createdUID: map[string]string{}}
	for _, in := range src.nodes {
		if in.kw == "FROM" {
			f.from = in
		}
		if in.kw == "ONBUILD" {
			return nil, declinef(declOnbuild, "line %d: ONBUILD makes this image a base for other builds; splitting it would drop the trigger", in.first)
		}
	}
	if strings.EqualFold(f.stage.BaseName, "scratch") {
		return nil, declinef(declScratch, "the image starts from scratch: there is no builder to split off")
	}
	if f.stage.Name != "" {
		f.stageName = stageNameAsWritten(f.from)
	}
	// Each default sees the ARGs before it, as in BuildKit:
	// ARG TAG=1.22-alpine${ALPINE} after ARG ALPINE=3.19 is 1.22-alpine3.19.
	for _, a := range src.meta {
		for _, kv := range a.Args {
			if kv.Value == nil {
				f.meta[kv.Key] = nil
				continue
			}
			v := f.expandMeta(*kv.Value)
			f.meta[kv.Key] = &v
		}
	}
	f.image = f.expandMeta(f.stage.BaseName)
	f.repo, f.tag = splitImage(f.image)

	p, err := pickPreset(f, presets)
	if err != nil {
		return nil, err
	}
	f.preset = p
	if c, ok := f.opt.Context.(*contextFS); ok && len(p.TextBOM) > 0 {
		c.decodeBOM(p.DecodesBOM)
	}
	f.contextEvidence()
	for _, d := range p.Decline {
		if d.ImageTag != "" {
			if ok, _ := path.Match(d.ImageTag, f.tag); ok {
				return nil, declinef(declPresetImage, "%s: %s", f.image, d.Reason)
			}
		}
	}
	f.variant = p.VariantFor(f.repo, f.tag)
	if err := f.resolveVariant(); err != nil {
		return nil, err
	}
	f.imageWD = p.Builder.Workdir
	if f.variant.Workdir != "" {
		f.imageWD = f.variant.Workdir
	}
	if f.imageWD == "" {
		f.imageWD = "/"
	}
	f.workdir = f.imageWD
	f.madeDir(f.workdir)
	f.envNow = envMap{}
	for k, v := range p.Builder.Env.All() {
		f.envNow[k] = v
	}
	// The folders of the builder image's own PATH exist in it.
	for _, d := range strings.Split(f.envNow["PATH"], ":") {
		if path.IsAbs(d) {
			f.madeDir(d)
		}
	}
	if err := f.walk(); err != nil {
		return nil, err
	}
	f.rootRunner = f.runsAsRoot()
	f.composeSvcs = f.composeBuilt()
	f.compose = append(composeMountsOf(f.composeSvcs), f.actionMounts()...)
	return f, nil
}

func stageNameAsWritten(from *inst) string {
	var args []string
	for n := from.node.Next; n != nil; n = n.Next {
		args = append(args, n.Value)
	}
	if len(args) == 3 && strings.EqualFold(args[1], "as") {
		return args[2]
	}
	return ""
}

// pickPreset chooses the preset for the base image, or explains why none.
func pickPreset(f *facts, presets []*Preset) (*Preset, error) {
	if f.opt.Preset != "" {
		for _, p := range presets {
			if p.Name == f.opt.Preset {
				f.evidence = append(f.evidence, Evidence{What: "preset chosen with --preset " + p.Name})
				return p, nil
			}
		}
		return nil, declinef(declUnknownPreset, "no preset named %q", f.opt.Preset)
	}
	for _, p := range presets {
		if p.MatchesImage(f.repo) {
			f.evidence = append(f.evidence, Evidence{Line: f.from.first, What: fmt.Sprintf("base image %s matches %s", f.image, strings.Join(p.Detect.Images, ", "))})
			return p, nil
		}
	}
	// No image matched: say which preset the commands point to, if any.
	for _, p := range presets {
		for _, in := range f.src.nodes {
			r, ok := in.cmd.(*instructions.RunCommand)
			if !ok {
				continue
			}
			for _, sc := range splitShell(strings.Join(r.CmdLine, " ")).cmds {
				args, _ := sc.argv()
				for _, c := range p.Detect.Commands {
					if hasPrefixWords(args, c) {
						return nil, declinef(declImageNotBuilder, "base image %s is not a known %s builder image (%s); use --preset %s to convert it anyway", f.image, p.Title, strings.Join(p.Detect.Images, ", "), p.Name)
					}
				}
			}
		}
	}
	return nil, declinef(declNoPreset, "no preset matches base image %s", f.image)
}

// contextEvidence notes which of the preset's project files the build
// context holds. A file that cannot be read is a fact, not an error.
func (f *facts) contextEvidence() {
	if f.opt.Context == nil {
		return
	}
	for _, name := range f.preset.Detect.ContextFiles {
		if st, err := fs.Stat(f.opt.Context, name); err == nil && !st.IsDir() {
			f.evidence = append(f.evidence, Evidence{What: "build context has " + name})
		}
	}
}

// expandMeta expands build args in a FROM line as BuildKit does: with the
// defaults of the ARGs declared before FROM.
func (f *facts) expandMeta(s string) string {
	env := envMap{}
	for k, v := range f.meta {
		if v != nil {
			env[k] = *v
		}
	}
	out, _, err := expandEnv(f.src.escape, s, env)
	if err != nil {
		return s
	}
	return out
}

// envMap lets BuildKit's shell lexer read variables from a map.
type envMap map[string]string

func (e envMap) Get(k string) (string, bool) { v, ok := e[k]; return v, ok }

func (e envMap) Keys() []string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	return keys
}

// expandEnv expands $VARS in s the way BuildKit does, and says how many
// variables it did not know.
func expandEnv(escape rune, s string, env envMap) (string, int, error) {
	// Most words have nothing to expand, unquote or unescape; the lexer
	// would give them back as they are, after allocating.
	if !strings.ContainsAny(s, "$'\"\\`") && !strings.ContainsRune(s, escape) {
		return s, 0, nil
	}
	res, err := shell.NewLex(escape).ProcessWordWithMatches(s, env)
	if err != nil {
		return s, 0, err
	}
	return res.Result, len(res.Unmatched), nil
}

// splitImage splits an image reference into its repository and tag.
func splitImage(ref string) (repo, tag string) {
	ref, _, _ = strings.Cut(ref, "@")
	slash := strings.LastIndex(ref, "/")
	if c := strings.LastIndex(ref, ":"); c > slash {
		return ref[:c], ref[c+1:]
	}
	return ref, "latest"
}

// expand expands $VARS in s with the stage's environment; ok is false when
// a variable is unknown.
func (f *facts) expand(s string) (string, bool) {
	out, unknown, err := expandEnv(f.src.escape, s, f.envNow)
	if err != nil || unknown > 0 {
		return s, false
	}
	return out, true
}

func (f *facts) abs(p string) string { return absIn(f.workdir, p) }

// absIn is where the path p, written in the folder cwd, leads.
func absIn(cwd, p string) string {
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join(cwd, p)
}

// walk reads the stage's instructions in order.
func (f *facts) walk() error {
	var cmds, eps, hcs []*inst
	for _, in := range f.src.nodes {
		switch c := in.cmd.(type) {
		case *instructions.ArgCommand:
			for _, kv := range c.Args {
				decl := kv.Key
				v := kv.Value
				if v != nil {
					decl += "=" + rawArgDefault(in, kv.Key)
				} else if m, ok := f.meta[kv.Key]; ok && m != nil {
					v = m
				}
				f.stageArgs = append(f.stageArgs, stageArg{name: kv.Key, decl: decl, in: in})
				// A value only known at build time (--build-arg) stays
				// unknown, so nothing is decided on a guess about it.
				delete(f.envNow, kv.Key)
				if v != nil {
					if x, ok := f.expand(*v); ok {
						f.envNow[kv.Key] = x
					}
				}
			}
		case *instructions.EnvCommand:
			for _, kv := range c.Env {
				f.env = append(f.env, envVar{key: kv.Key, raw: kv.Value, legacy: kv.NoDelim, in: in})
				if x, ok := f.expand(kv.Value); ok {
					f.envNow[kv.Key] = x
				} else {
					delete(f.envNow, kv.Key)
				}
			}
		case *instructions.WorkdirCommand:
			w, ok := f.expand(c.Path)
			if !ok {
				return declinef(declWorkdirUnknown, "line %d: cannot tell the working folder: WORKDIR %s uses an unknown variable", in.first, c.Path)
			}
			f.workdir = f.abs(w)
			f.setWD = true
			f.workdirIn = in
			f.workdirs = append(f.workdirs, f.workdir)
			f.madeDir(f.workdir)
		case *instructions.UserCommand:
			f.user = in
			f.userNow = c.User
		case *instructions.ShellCommand:
			f.shellCmd, f.shellIn = c.Shell, in
		case *instructions.RunCommand:
			if err := f.readRun(in, c); err != nil {
				return err
			}
			for _, m := range f.made {
				if m.in == in {
					f.madeDir(m.dir)
				}
			}
		case *instructions.CopyCommand:
			f.copyPkgSources(in, c.SourcePaths, c.DestPath)
			if c.From == "" {
				f.contextSources(in, c.SourcePaths)
				f.copies = append(f.copies, copyStep{in: in, cp: c, cwd: f.workdir, dirs: maps.Clone(f.dirsNow)})
				f.copyDirs(c)
			}
		case *instructions.AddCommand:
			f.copyPkgSources(in, c.SourcePaths, c.DestPath)
			f.contextSources(in, c.SourcePaths)
			// ADD of plain files and folders of the context copies them
			// as COPY does; a URL, a git source or an archive (which ADD
			// unpacks) does not, and is left out.
			if addIsCopy(c) {
				cp := &instructions.CopyCommand{SourcesAndDest: c.SourcesAndDest, Chown: c.Chown, Chmod: c.Chmod}
				f.copies = append(f.copies, copyStep{in: in, cp: cp, cwd: f.workdir, dirs: maps.Clone(f.dirsNow)})
				f.copyDirs(cp)
			}
		case *instructions.CmdCommand:
			cmds = append(cmds, in)
		case *instructions.EntrypointCommand:
			eps = append(eps, in)
		case *instructions.HealthCheckCommand:
			hcs = append(hcs, in)
		}
		if moveKinds[in.kw] {
			f.moved = append(f.moved, in)
		}
	}
	f.cmd = last(&f.dropped, cmds, "CMD")
	f.entrypoint = last(&f.dropped, eps, "ENTRYPOINT")
	f.healthcheck = last(&f.dropped, hcs, "HEALTHCHECK")
	return f.appFromWorkdir()
}

func last(dropped *[]*inst, list []*inst, kw string) *inst {
	if len(list) == 0 {
		return nil
	}
	*dropped = append(*dropped, list[:len(list)-1]...)
	return list[len(list)-1]
}

// rawArgDefault returns the default of ARG key as written (quotes kept).
func rawArgDefault(in *inst, key string) string {
	for n := in.node.Next; n != nil; n = n.Next {
		k, v, ok := strings.Cut(n.Value, "=")
		if ok && k == key {
			return v
		}
	}
	return ""
}

// addIsCopy reports whether an ADD only copies files of the build
// context: no source is a URL, a git address or an archive ADD unpacks.
func addIsCopy(c *instructions.AddCommand) bool {
	for _, s := range c.SourcePaths {
		l := strings.ToLower(s)
		if strings.Contains(l, "://") || strings.HasPrefix(l, "git@") || strings.ContainsAny(l, "$") {
			return false
		}
		for _, ext := range []string{".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".gz", ".bz2", ".xz"} {
			if strings.HasSuffix(l, ext) {
				return false
			}
		}
	}
	return len(c.SourcePaths) > 0
}
