package presets

// Preset is the knowledge about one language's build lifecycle, decoded
// from YAML. The engine reads only these fields; see README.md here.
type Preset struct {
	Name        string `yaml:"name"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`

	Detect  Detect        `yaml:"detect"`
	Decline []DeclineRule `yaml:"decline"`
	// DiskEmbeds are libraries that put the app's files into the program
	// only when their generator runs, and otherwise read them from disk at
	// run time where the runtime has neither the files nor what finds
	// them (review 30n, finding A: pkger runs the go command): a program
	// that imports one is declined unless a generated file is in the
	// context or a build step runs the generator.
	DiskEmbeds []DiskEmbed    `yaml:"disk_embeds"`
	Builder    Builder        `yaml:"builder"`
	Build      []BuildCommand `yaml:"build"`
	// CommandOptions are options a program takes between the words of a
	// build step's command (review 25, finding G: `python3 -B -m pip
	// install`, `pip --no-cache-dir install`): the words are matched
	// with them set aside, and the RUN keeps them as written.
	CommandOptions []CommandOptions `yaml:"command_options"`
	// OpaqueBuilds are command prefixes of RUN steps that build through a
	// file restage does not read (make reads a Makefile): when no build
	// step of the preset is seen and a RUN runs one, the build is inside
	// it, so the file is declined naming it (review 25, finding H) rather
	// than taken for a prebuilt program.
	OpaqueBuilds []string `yaml:"opaque_builds"`
	// RunBuilds are commands that build the program and run it at every
	// start (`go run main.go`): a container command that runs one becomes a
	// build step in the builder and a run of its output (review 26,
	// finding E).
	RunBuilds []RunBuild `yaml:"run_builds"`
	// ListenOptions are spellings of a start command's option whose value
	// (the next word, or after "=") is the port or HOST:PORT address the
	// program listens on, besides --port and -p, which every preset
	// reads: Go's flag package takes -port 80 and -port=80 alike (review
	// 27, finding B). A port below 1024 gets the privileged-port warning.
	ListenOptions []string    `yaml:"listen_options"`
	ModuleName    *NameSource `yaml:"module_name"`
	Static        Static      `yaml:"static"`
	DropEnv       []string    `yaml:"drop_env"`
	RunFiles      *RunFiles   `yaml:"run_files"`
	// Comments is a regexp over a source of the preset's language whose
	// matches with the group "comment" are comments (Go's // and /* */,
	// Python's #): the scans for calls (writes, programs, run_files'
	// reads) read each source with them blanked, since a call in a
	// comment runs nothing (review 10, finding C). Its other alternatives
	// match string literals, so that a marker inside one ("http://x")
	// starts no comment.
	Comments string `yaml:"comments"`
	// TextBOM are globs on a build-context path's last elements naming
	// the text files that the tool reading them decodes by a byte-order
	// mark (review 24, finding F: pip reads a requirements file in UTF-16
	// with a BOM, as Windows PowerShell 5.1's `>` writes it): restage
	// reads such a file decoded as that tool does. A file no glob names
	// is read as its bytes, as a tool that does not decode (Docker's
	// .dockerignore, go.mod) reads it.
	TextBOM []string `yaml:"text_bom"`
	// LocalTime says how a RUN sets the system's local time zone, which
	// the runtime must keep (review 5, finding B).
	LocalTime *LocalTime `yaml:"local_time"`
	// Writes says where the program writes at run time, so that a
	// non-root runtime can still write what the original could.
	Writes *Writes `yaml:"writes"`
	// RunsAsRoot names files of the build context that show that what
	// runs the image runs it as root and mounts files only root may
	// write (a GitHub Docker container action's metadata): the runtime
	// then keeps the original's root user (review 8, finding A).
	RunsAsRoot []RootEvidence `yaml:"runs_as_root"`
	// HomeDeps are dependencies known to write in the home folder when
	// the program runs (review 16, finding A): one the build context or
	// a RUN names counts as a read of the home folder by the app's own
	// sources does (writes.sources.root_reads).
	HomeDeps *HomeDeps `yaml:"home_deps"`
	// Programs says which programs the app's sources run, so that a
	// runtime lacking one of them is not chosen silently.
	Programs *Programs `yaml:"programs"`
	// InstallScripts says which scripts of the app's manifest a
	// dependency install runs (npm install runs package.json's
	// postinstall): with one, the install may write the file the command
	// runs (review 13, finding E).
	InstallScripts *InstallScripts `yaml:"install_scripts"`
	// FilePrograms are programs other than the interpreters that run the
	// file named by the word after them (ts-node src/server.ts): that
	// file must be in the image as the interpreter's must (review 13,
	// finding E).
	FilePrograms []string `yaml:"file_programs"`
	// Modules says which programs load a module of the app by its
	// dotted name (uvicorn server:app, python -m bot), and where such a
	// module is looked for: one that no COPY brings in is warned about
	// as the interpreter's file is (review 15, finding B).
	Modules       *Modules  `yaml:"modules"`
	DefaultFlavor string    `yaml:"default_flavor"`
	Fallback      []string  `yaml:"fallback"`
	Runtimes      []Runtime `yaml:"runtimes"`
	Sizes         Sizes     `yaml:"sizes"`

	// Interpreters are programs the runtime image provides that run the
	// app's code (node): a command that starts one needs no built binary.
	Interpreters []string `yaml:"interpreters"`
	// ScriptExt lists file endings of scripts a builder image's entrypoint
	// hands to the interpreter (CMD ["index.js"]).
	ScriptExt []string `yaml:"script_ext"`
	// ScriptFlag is the interpreter flag whose value is a file the build
	// writes and the runtime must get (java -jar FILE).
	ScriptFlag string `yaml:"script_flag"`
	// ScriptOptions means the interpreter reads options after ScriptFlag
	// too, until the first word that is not one, which is the file (java
	// -jar -Dx=y app.jar); an option of ClassPath's lists that takes a
	// value takes the next word, unless that word is an option itself.
	ScriptOptions bool `yaml:"script_options"`
	// OptionsEnv is the variable the interpreter reads its options from
	// (JAVA_TOOL_OPTIONS): options that cannot stay on a command line that
	// the runtime's entrypoint starts go there.
	OptionsEnv string `yaml:"options_env"`
	// OptionsVars are variables a shell expands into the interpreter's
	// options (JAVA_OPTS); their value goes to OptionsEnv instead.
	OptionsVars []string `yaml:"options_vars"`
	// ScriptBeside names what a file the interpreter runs loads from
	// beside itself, by the file's path (Quarkus's quarkus-run.jar loads
	// lib/ from its own folder): the runtime copies it with the file.
	ScriptBeside []ScriptBeside `yaml:"script_beside"`
	// VMs names the virtual machines (JVM families) builder variants and
	// runtimes may run: a builder variant with a vm runs on a runtime of
	// the same vm, or the change is announced (or refused, when the
	// command passes options the runtime's vm does not know).
	VMs []VM `yaml:"vms"`
	// VMTraits says what differs between vms, for the notes.
	VMTraits string `yaml:"vm_traits"`
	// ClassPath is how the interpreter finds what it runs when the
	// command names no ScriptFlag file (java -cp out com.example.App).
	ClassPath *ClassPath `yaml:"class_path"`
	// Runners are commands that run a script defined in a project file
	// (npm start), resolved so the runtime need not have the runner.
	Runners []Runner `yaml:"runners"`
	// PathPrograms means a bare program name in CMD may be one the
	// install put on PATH (console scripts such as gunicorn).
	PathPrograms bool `yaml:"path_programs"`
	// RuntimePackages maps system packages the builder installs for
	// building to the run-time libraries the runtime must install.
	RuntimePackages []PackageMap `yaml:"runtime_packages"`
	// DevDeps says which RUN steps may use development dependencies:
	// the prune of build[].prune goes after the last of them.
	DevDeps *DevDeps `yaml:"dev_deps"`
	// GlobalInstalls are commands that install packages outside the app
	// folder (npm install -g): a program the container runs from one
	// reaches the runtime at the same place.
	GlobalInstalls []GlobalInstall `yaml:"global_installs"`
	// InitWrappers are init programs (dumb-init, tini) that run their
	// arguments as the container's one child and forward signals to it:
	// a command that starts with one runs what follows its options.
	InitWrappers []InitWrapper `yaml:"init_wrappers"`
	// Shared holds YAML anchors that other fields refer to; the engine
	// does not read it.
	Shared any `yaml:"shared"`

	// Source is where the preset was read from, for messages.
	Source string `yaml:"-"`
	// Raw is the YAML text of a preset read from a file; nil for a
	// built-in one (Text reads it).
	Raw []byte `yaml:"-"`
}

// Detect says which Dockerfiles a preset is for.
type Detect struct {
	Images       []string `yaml:"images"`
	Commands     []string `yaml:"commands"`
	ContextFiles []string `yaml:"context_files"`
}

// DeclineRule names a pattern that makes the engine leave a file alone.
type DeclineRule struct {
	ImageTag   string `yaml:"image_tag"`   // glob on the base image's tag
	RunCommand string `yaml:"run_command"` // command prefix in CMD or ENTRYPOINT
	// Source is a regexp over the app's own sources, read as
	// dev_deps.imports selects them (those the start reaches, when that
	// can be told), comments blanked: a match is a program that is a
	// development server by the way it is started from the code (review
	// 28, finding A: next({ dev })), and the reason follows its FILE:LINE
	// (the line of the group "at", when the pattern has one).
	Source string `yaml:"source"`
	// UnlessEnv turns a Source rule off when the container's start sets
	// each variable to its value: an ENV of the image, or a NAME=value
	// word of the CMD, ENTRYPOINT or the runner file's scripts.
	UnlessEnv Dict[string] `yaml:"unless_env"`
	Reason    string       `yaml:"reason"`
}

// DiskEmbed is a library that embeds files only through a generator.
type DiskEmbed struct {
	// Import is a regexp over a source, comments blanked: the library's
	// import.
	Import string `yaml:"import"`
	// Generated are globs on the base names of the files the generator
	// writes (pkged.go): one in the context means the files are embedded.
	Generated []string `yaml:"generated"`
	// Generators are command prefixes of a build step that runs the
	// generator (pkger, packr2 build).
	Generators []string `yaml:"generators"`
	// Reason says what the library does at run time without the
	// generated file; it follows the source's FILE:LINE.
	Reason string `yaml:"reason"`
}

// ImportAt gives the offset of the first match of the embed's Import in
// code, or -1.
func (d DiskEmbed) ImportAt(code []byte) int {
	if loc := re(d.Import).FindIndex(code); loc != nil {
		return loc[0]
	}
	return -1
}

// SourceAt gives the offset of the first match of the rule's Source
// in code, that of its group "at" when the pattern has one and it took
// part (the call, where the match starts at what feeds it), or -1.
func (d DeclineRule) SourceAt(code []byte) int {
	x := re(d.Source)
	loc := x.FindSubmatchIndex(code)
	if loc == nil {
		return -1
	}
	if i := x.SubexpIndex("at"); i > 0 && loc[2*i] >= 0 {
		return loc[2*i]
	}
	return loc[0]
}

// KnownSource is a package source whose packages are known by name: Match
// is a regexp over the command that adds it (the list line's URL, the
// setup script's), Packages globs on the names it gives.
type KnownSource struct {
	Match    string   `yaml:"match"`
	Packages []string `yaml:"packages"`
}

// Builder describes the builder image's own configuration.
type Builder struct {
	Workdir string `yaml:"workdir"`
	// RootFolders are the top-level folders of / in the builder and
	// runtime images (bin, etc, usr...). A COPY of the context's contents
	// into / under no WORKDIR converts entry by entry only when none of
	// the context's top-level names is one of them, since such an entry
	// merges into the image's folder and cannot be copied apart from it
	// (review 26, finding B). Empty: such a COPY is declined.
	RootFolders []string     `yaml:"root_folders"`
	Env         Dict[string] `yaml:"env"`
	Variants    []Variant    `yaml:"variants"`
	// EntrypointShell is the shell of the builder images' own ENTRYPOINT
	// script when it ends in exec "$@" (node's docker-entrypoint.sh: sh):
	// that shell runs an exec-form CMD naming a text file with no #! line
	// as a script of its own, where execve would refuse it (review 11,
	// finding C). Empty: the images start the CMD with execve.
	EntrypointShell string `yaml:"entrypoint_shell"`
	// VersionSources say where the build context pins a version that a
	// floating image tag (node:lts) does not: the first source that gives
	// a value wins, and the tag always wins over the context.
	VersionSources []VersionSource `yaml:"version_sources"`
}

// VersionSource reads template values from one file of the build context:
// the named groups of Pattern, matched against the whole file, or against
// the string at the dotted key JSON of a JSON file (engines.node).
type VersionSource struct {
	File    string `yaml:"file"`
	JSON    string `yaml:"json"`
	Pattern string `yaml:"pattern"`
	// What names the value for people ("Node.js version").
	What string `yaml:"what"`
	// Upper, when its group matched, must be one more than the value of
	// its Of group, else the source says nothing: '>=22 <23' pins 22,
	// '>=22 <25' pins nothing.
	Upper *UpperBound `yaml:"upper"`
	// Caveat, when set, is why a value this source gives may not be
	// the whole story (Maven's compiler target without a release: the
	// code was compiled against the builder JDK's class library), for a
	// warning beside the note that names the source.
	Caveat string `yaml:"caveat"`
	// ReadBy, when set, are the programs that read the file (mvn and
	// mvnw for pom.xml): the source counts only when a RUN of the file
	// runs one of them, since a pom.xml beside a Gradle build says
	// nothing of what Gradle compiles for.
	ReadBy []string `yaml:"read_by"`
}

// UpperBound ties an exclusive upper bound to the version it closes.
type UpperBound struct {
	Group string `yaml:"group"`
	Of    string `yaml:"of"`
}

// Variant maps an image tag pattern to the C library it ships and values
// for the runtime image templates. A variant with Decline makes the
// engine leave the file alone with that reason.
type Variant struct {
	// Image, when set, is a glob the repository's last path element must
	// match for this variant (maven, gradle).
	Image   string       `yaml:"image"`
	Tag     string       `yaml:"tag"`
	Libc    string       `yaml:"libc"`
	Values  Dict[string] `yaml:"values"`
	Decline string       `yaml:"decline"`
	// Repository, when set, is a regexp the whole repository must match
	// (dhi.io/node); its named groups become values like the tag's.
	Repository string `yaml:"repository"`
	// FromContext names values the tag of this variant does not pin
	// (node:lts has no major): they are read from the builder's
	// version_sources. Without them the variant keeps its floating
	// family with a warning, or declines with Decline when it has one.
	FromContext []string `yaml:"from_context"`
	// Flavors, when set, are the runtime flavors a builder of this
	// variant may run on, in order: they replace default_flavor and
	// fallback (a hardened family keeps its runtime in that family).
	Flavors []string `yaml:"flavors"`
	// Workdir, when set, is the working folder the images of this
	// variant set themselves (gradle: WORKDIR /home/gradle); it replaces
	// builder.workdir for them.
	Workdir string `yaml:"workdir"`
	// User, when set, is the user the images of this variant run as
	// when the file sets no USER (gradle up to 5.4: USER gradle); empty
	// for root, as most images run.
	User string `yaml:"user"`
	// VM is the virtual machine family the builder runs (one of vms).
	VM string `yaml:"vm"`
	// NoEntrypointShell says that the images of this variant lack the
	// builder's entrypoint_shell script (hardened images).
	NoEntrypointShell bool `yaml:"no_entrypoint_shell"`
	// Lacks are programs the images of this variant do not have (curl on
	// node:22-slim, which purges it after fetching Node.js): a
	// HEALTHCHECK that runs one could not run it in the original either.
	Lacks []Lack `yaml:"lacks"`
}

// Lack is a set of programs a builder image does not have.
type Lack struct {
	// Image, when set, is a glob the image's name (the last part of its
	// repository) must match too: one variant can hold several images
	// (eclipse-temurin, openjdk and amazoncorretto share Java's), each
	// with its own Dockerfile.
	Image string `yaml:"image"`
	// Tag, when set, is a regexp the image's tag must match too (-slim$
	// among the tags of one variant).
	Tag      string   `yaml:"tag"`
	Programs []string `yaml:"programs"`
	// Packages are system packages, by the package maps' names, the
	// images do not have (tzdata on alpine, ca-certificates on
	// node:22-slim): a zone file they would hold is missing
	// (local_time.zone_files), and a map's base package is not added.
	Packages []string `yaml:"packages"`
}

// PruneOff is a file whose presence keeps the prune out, and why.
type PruneOff struct {
	// File is a file name, looked for in the install's folder and each
	// folder above it, as the COPY instructions put the build context
	// there.
	File string `yaml:"file"`
	// Key and Match, when set, ask more of File than being there: its
	// string value at Key (JSON or YAML) matches the regexp Match
	// (package.json's packageManager naming yarn 2 or later).
	Key   string `yaml:"key"`
	Match string `yaml:"match"`
	// Run, in place of File, is a regexp over the text of each RUN up to
	// the install's: a RUN that changes the package manager's version.
	Run string `yaml:"run"`
	// Why is the note's reason; {file} and {dir} (the folder it is in)
	// are replaced.
	Why string `yaml:"why"`
}

// Workspace is a file that makes a folder above the install's the root
// of a workspace the install belongs to, where the package manager
// installs instead (review 23, finding E: npm, yarn and pnpm run in a
// workspace member's folder install the whole workspace at its root).
type Workspace struct {
	// File is the marker's name, looked for in each folder above the
	// install's, as the COPY instructions put the build context there.
	File string `yaml:"file"`
	// Key is the marker's key (the file is read as YAML, which JSON
	// is) that lists the members' folders as globs relative to the
	// root: a list, or a map whose `packages` is one (yarn's
	// {packages: [...], nohoist: [...]}). A marker without the key
	// makes no workspace; globs starting with ! leave folders out.
	Key string `yaml:"key"`
	// Nearest means the manager takes the nearest folder holding File,
	// the install's own included, as the root whether or not it lists
	// the install's folder (pnpm): the search stops at the first one,
	// and a folder it does not list (or a file without Key) is
	// declined with Unlisted. Otherwise (npm, yarn) a marker that does
	// not list the folder is passed over.
	Nearest bool `yaml:"nearest"`
	// Unlisted is why an install in a folder the nearest marker does not
	// list is declined (with Nearest).
	Unlisted string `yaml:"unlisted"`
	// Decline, when set, is why an install in a member's folder is
	// declined: the builder's manager may install at the root or in the
	// member, and the image does not tell which.
	Decline string `yaml:"decline"`
	// OffArgs are the install's arguments that make it ignore the
	// workspace and install in its own folder (pnpm --ignore-workspace,
	// npm --no-workspaces).
	OffArgs []string `yaml:"off_args"`
}

// OutputsSign is a sign that an install writes no Outputs: File, a file
// of the install's folder (as the COPY instructions put it there, or of
// the build context's top when it is not put there), with Key and
// Match, a regexp over the key's string value (package.json's
// packageManager, `yarn@4.5.0`), when set; or Run, a regexp over the
// text of a RUN up to the install's (`yarn set version`, corepack).
type OutputsSign struct {
	File  string `yaml:"file"`
	Key   string `yaml:"key"`
	Match string `yaml:"match"`
	Run   string `yaml:"run"`
	Why   string `yaml:"why"`
}

// BuildFor is what a build command's prune and production flags are on
// the builders whose template values match When.
type BuildFor struct {
	When      Dict[string] `yaml:"when"`
	Prune     string       `yaml:"prune"`
	ProdFlags []string     `yaml:"prod_flags"`
	// Workspace replaces the command's own workspace markers (none
	// when empty: npm before 8.5 installs in the member's own folder).
	Workspace []Workspace `yaml:"workspace"`
}

// BuildCommand is a command that belongs to the build. With an Artifact it
// produces a file the runtime needs.
type BuildCommand struct {
	Command  string    `yaml:"command"`
	Artifact *Artifact `yaml:"artifact"`
	// Bare means the command matches only without a sub-command: `yarn`
	// and `yarn --frozen-lockfile`, not `yarn build`.
	Bare bool `yaml:"bare"`
	// WithArgs, when set, requires one of these words among the
	// command's arguments (mvn ... package).
	WithArgs []string `yaml:"with_args"`
	// WithoutArgs, when set, keeps the command from matching when one of
	// these words is among its arguments (`go get -d` only downloads).
	WithoutArgs []string `yaml:"without_args"`
	// Collect, when set, is how the build's output is gathered into one
	// file when the command line does not name it.
	Collect *Collect `yaml:"collect"`
	// App means the folder the command runs in is the application: the
	// runtime copies that whole folder.
	App bool `yaml:"app"`
	// Outputs are the names an App install writes in the folder it runs
	// in that the app needs at run time (npm install: node_modules). Run
	// in /, which the runtime cannot copy whole, the install's app is
	// these names in / and the context's entries a COPY wrote there
	// (review 26, finding B). Empty: such an install in / is declined.
	Outputs []string `yaml:"outputs"`
	// OutputsUnless are signs that the builder's manager writes no
	// Outputs (yarn 2 and later install with Plug'n'Play, no
	// node_modules, unless configured): with one, such an install in /
	// is declined with its Why, as one without Outputs is.
	OutputsUnless []OutputsSign `yaml:"outputs_unless"`
	// Prune is run after the last build step when the command installed
	// more than the production dependencies (no ProdFlags given).
	Prune     string   `yaml:"prune"`
	ProdFlags []string `yaml:"prod_flags"`
	// PruneOff are files that, in the install's folder or a folder above
	// it, make Prune unsafe there (pnpm-workspace.yaml: pnpm does not
	// support its prune in a workspace): no prune is added, and the
	// development dependencies stay with a note saying why.
	PruneOff []PruneOff `yaml:"prune_off"`
	// Workspace are the markers of a workspace root above the install's
	// folder: when one lists that folder, the install fills the root
	// (its node_modules), so the runtime copies the root whole and the
	// prune runs there.
	Workspace []Workspace `yaml:"workspace"`
	// ProdEnv are variables that, set for the command, also keep it to
	// production dependencies.
	ProdEnv Dict[string] `yaml:"prod_env"`
	// ByBuilder replaces Prune and ProdFlags for builders whose template
	// values match an entry's When, the first that matches: the package
	// manager an older image bundles may not know the flags of a newer
	// one (npm 6, on node:14 and older, ignores --omit=dev; review 16,
	// finding D).
	ByBuilder []BuildFor `yaml:"by_builder"`
	// Prepare is inserted before the first such command, unless the file
	// already does it.
	Prepare *Prepare `yaml:"prepare"`
	// DeclineArgs maps arguments to reasons: the command with such an
	// argument makes the engine leave the file alone (pip install --user).
	DeclineArgs Dict[string] `yaml:"decline_args"`
	// TaskSep separates a task path's parts (Gradle's server:installDist,
	// the task installDist of the project server): an argument holding
	// it is also looked up in DeclineArgs by its last part.
	TaskSep string `yaml:"task_sep"`
	// DropArgs are arguments that send an app install outside the
	// environment restage makes (uv pip install --system): taken out of
	// the RUN when restage makes its environment before the install,
	// declined otherwise (review 12, finding B).
	DropArgs []DropArg `yaml:"drop_args"`
	// Requests, when set, says where the project names the interpreter
	// version the command wants, and that the command fetches an
	// interpreter of its own when the builder's does not satisfy it
	// (uv sync): then the runtime would get an environment whose
	// interpreter it lacks, so the engine declines.
	Requests *InterpreterRequest `yaml:"interpreter_request"`
	// OffPath, when set, says where the command puts the programs of the
	// dependencies it installs, when the file does not send them
	// elsewhere: a folder no image's PATH holds (uv sync's project
	// .venv/bin). A start command that runs such a program by name, with
	// nothing else installing it, could not start (review 15, finding C).
	OffPath *OffPath `yaml:"off_path"`
	// Tools are packages that build the app rather than run it (poetry,
	// uv): a command that names only these installs a tool, not the app,
	// so it gets no Prepare and is no app folder.
	Tools []string `yaml:"tools"`
	// Classes, when set, says which folders the command writes compiled
	// code into (javac -d out), for a command that runs it from a
	// class path.
	Classes *Classes `yaml:"classes"`
	// ToolValueFlags are the command's flags that take a value as the
	// next word (--index-url URL): that word is not a package, so
	// `pip install --upgrade pip -i URL` still installs tools only.
	// Flags that name what to install (-r FILE, -e DIR) are not listed:
	// their value is never a tool, so the command installs the app.
	ToolValueFlags []string `yaml:"tool_value_flags"`
	// Output, when set, says which files the command writes, by names a
	// project file gives (Maven's pom.xml): a container that runs a file
	// of the output folder the build does not write cannot start, and is
	// declined as such.
	Output *OutputNames `yaml:"output"`
	// ProjectClasses, with Output (or its own Project), names the folder the command compiles
	// the project's classes into and the project file's dependencies a
	// class path of it lacks (review 31, finding A: java -cp
	// target/classes after mvn install).
	ProjectClasses *ProjectClasses `yaml:"project_classes"`
	// Dist, when set, names the command's tasks that write an application
	// distribution (a folder holding a start script and what it runs, or
	// an archive of it): a container that runs that start script, where
	// the task put the folder or where a RUN copied or unpacked it, gets
	// the folder whole (review 18, finding E).
	Dist *Dist `yaml:"dist"`
}

// Dist is how a build tool's distribution tasks lay out what they write.
type Dist struct {
	// Tasks are the tasks that write a distribution, each a folder or an
	// archive; each must have a decline_args reason too, which declines
	// the file when the container does not run the start script.
	Tasks []DistTask `yaml:"tasks"`
	// Script is the start script's path inside the folder, {name} the
	// distribution's name (bin/{name}).
	Script string `yaml:"script"`
	// Names say where the distribution's name comes from, the first that
	// matches winning; without one it is the project folder's name.
	Names []DistName `yaml:"names"`
	// Unsure are settings whose presence leaves the name or the layout
	// unknown (a name given by an expression, another folder).
	Unsure []DistName `yaml:"unsure"`
	// Unpack are the commands that unpack an archive task's output.
	Unpack []Unpack `yaml:"unpack"`
	// Needs are the programs the start script runs, which the runtime
	// must have (sh first).
	Needs []string `yaml:"needs"`
	// Why says what the start script is and needs, for the note.
	Why string `yaml:"why"`
	// Env are variables the start script reads (JAVA_OPTS), which the
	// runtime keeps when the file sets them, though drop_env lists them.
	Env []string `yaml:"env"`
	// Projects are patterns over the files of the folder the build runs
	// in that include a project, {project} its path (task_sep between
	// folders): a task run with no project path runs in each such project
	// too (Gradle's include(":server")).
	Projects []DistName `yaml:"projects"`
}

// DistTask is one distribution task: Dir, the folder it writes, or
// Archive, the folder it writes an archive into (relative to the
// project's folder, {name} the distribution's name), with the endings
// the archive has and Top, globs the single folder its entries are
// under matches.
type DistTask struct {
	Task    string   `yaml:"task"`
	Dir     string   `yaml:"dir"`
	Archive string   `yaml:"archive"`
	Ext     []string `yaml:"ext"`
	Top     []string `yaml:"top"`
}

// DistName is a pattern over a file of the project's folder, or of the
// folder the build runs in (In: root); a name pattern has a group
// name, and RootProject keeps it to the root project (Gradle's
// rootProject.name). Tasks keeps an unsure entry to those tasks.
type DistName struct {
	File        string   `yaml:"file"`
	In          string   `yaml:"in"`
	Pattern     string   `yaml:"pattern"`
	RootProject bool     `yaml:"root_project"`
	Tasks       []string `yaml:"tasks"`
}

// Unpack is a command that unpacks an archive: Extract, a regexp one of
// its words must match for it to unpack (tar's x), DirFlags, the flags
// naming the folder it unpacks into (else its working folder), and
// StripFlags, those that drop leading folders of the entries' paths.
type Unpack struct {
	Command    string   `yaml:"command"`
	Extract    string   `yaml:"extract"`
	DirFlags   []string `yaml:"dir_flags"`
	StripFlags []string `yaml:"strip_flags"`
}

// OffPath is where a build command puts its dependencies' programs, off
// the image's PATH, and how a project file tells a program of one of them.
type OffPath struct {
	// Bin is the folder of the programs, relative to where the command
	// runs.
	Bin string `yaml:"bin"`
	// UnlessEnv are variables that send the install elsewhere: set by an
	// ENV or named in the RUN, nothing is read.
	UnlessEnv []string `yaml:"unless_env"`
	// UnlessArgs are the command's arguments that do the same.
	UnlessArgs []string `yaml:"unless_args"`
	// Files are the project files, where the command runs, that list what
	// it installs.
	Files []string `yaml:"files"`
	// Match is a regexp over such a file, with {name} standing for the
	// program's name quoted: a match says the file lists a package of
	// that name, whose program the install puts in Bin.
	Match string `yaml:"match"`
	// Hint is how else the file may run the program, for the decline's
	// advice ("through uv run").
	Hint string `yaml:"hint"`
}

// OutputNames are the names a build command gives its output files, read
// from an XML project file.
type OutputNames struct {
	// File is the project file in the folder the command runs in.
	File string `yaml:"file"`
	// FileFlags name another project file, or its folder (mvn -f).
	FileFlags []string `yaml:"file_flags"`
	// Dir is the output folder, relative to the project file's.
	Dir string `yaml:"dir"`
	// Ext is the output's file ending (.jar).
	Ext string `yaml:"ext"`
	// Names are templates of the output's base name: {a/b} is the text of
	// the element at that path from the root (whitespace trimmed), {a|b}
	// the first present. The first template whose elements are all
	// present gives the name; a value with ${ (a property) leaves it
	// unknown. The build writes NAME+Ext and NAME-CLASSIFIER+Ext.
	Names []string `yaml:"names"`
	// Unsure are globs on element paths whose presence leaves the names
	// unknown (modules, profiles, a plugin's own finalName).
	Unsure []string `yaml:"unsure"`
	// CleanArgs are arguments with which the command deletes the output
	// folder before it builds (mvn clean package): a file of that folder
	// the context brought is gone by the time the container starts.
	CleanArgs []string `yaml:"clean_args"`
	// Why says how the name is made, for the decline.
	Why string `yaml:"why"`
}

// InterpreterRequest is how a build command picks its interpreter: the
// first file of Sources found in the folder the command runs in, or in
// one above it, that gives a requirement; every source found counts. When
// the builder's version (the first template value of Builder that is a
// plain dotted version) certainly satisfies none of a requirement's
// versions, the command fetches another interpreter, unless an argument
// of UnlessArgs or a variable of UnlessEnv turns that off.
type InterpreterRequest struct {
	Builder []string        `yaml:"builder"` // template values: version, pyver
	Sources []RequestSource `yaml:"sources"`
	// UnlessEnv maps a variable to a pattern of the values that keep
	// the command from fetching (UV_PYTHON_DOWNLOADS=never): the
	// original build then fails itself, and nothing is declined.
	UnlessEnv Dict[string] `yaml:"unless_env"`
	// UnlessArgs are arguments that do the same, or that move the
	// project elsewhere than the folder the command runs in (--project):
	// with one, nothing is read.
	UnlessArgs []string `yaml:"unless_args"`
	// Why is the decline reason, with {what}, {req}, {file} and
	// {builder} filled in.
	Why string `yaml:"why"`
}

// RequestSource reads a version requirement from a file: the group req
// of Pattern. Prefix means the value is a bare version that asks for
// every release it is a prefix of (3.13 is ==3.13.*).
type RequestSource struct {
	File    string `yaml:"file"`
	Pattern string `yaml:"pattern"`
	Prefix  bool   `yaml:"prefix"`
	What    string `yaml:"what"` // for people: requires-python
}

// Classes says where a compiler writes: the folder its DirFlag names,
// else the folder of each source file it is given.
type Classes struct {
	DirFlag    string   `yaml:"dir_flag"`    // -d
	ValueFlags []string `yaml:"value_flags"` // flags whose value is the next word (-cp X, --release 17)
}

// ClassPath is how an interpreter command that names no file runs a
// name from a search path (java [options] CLASS [args]): the runtime gets
// the path's folders and runs the same name with the path written out.
type ClassPath struct {
	Flags     []string `yaml:"flags"`     // options whose value is the path: -cp, -classpath, --class-path
	Env       string   `yaml:"env"`       // the variable read when no flag is given: CLASSPATH
	Default   string   `yaml:"default"`   // the path when neither is given: . (the working folder)
	Separator string   `yaml:"separator"` // between entries: ":"; an empty entry is the working folder
	// ValueFlags are the interpreter's other options that take the next
	// word as their value (-p, --add-modules): that word is not the name.
	ValueFlags []string `yaml:"value_flags"`
	// DeclineFlags run something else than a name from the path
	// (-m MODULE, --source N FILE): the file is declined as before.
	DeclineFlags []string `yaml:"decline_flags"`
	// SourceExt are endings of a source file the interpreter runs
	// directly (java Main.java): not a name from the path.
	SourceExt []string `yaml:"source_ext"`
}

// ScriptBeside is what a file the interpreter runs needs beside it.
type ScriptBeside struct {
	// Match is a regexp on the file's path as the command names it.
	Match string `yaml:"match"`
	// Copy are paths relative to the file's folder: "." is that folder,
	// copied whole in place of the file.
	Copy []string `yaml:"copy"`
	// Unless are build-context files whose match says the file holds
	// what it needs (an über-jar); UnlessRun is matched against the
	// Dockerfile's RUN lines for the same (-Dquarkus.package.type=...).
	Unless    []FileMatch `yaml:"unless"`
	UnlessRun string      `yaml:"unless_run"`
	// Why says what the file loads, for the note.
	Why string `yaml:"why"`
}

// VM is one virtual machine family: its name and how notes call it.
type VM struct {
	Name  string `yaml:"name"`
	Title string `yaml:"title"`
}

// FileMatch is a pattern over one file of the build context.
type FileMatch struct {
	File    string `yaml:"file"`
	Pattern string `yaml:"pattern"`
}

// GlobalInstall is a command that installs packages globally: each
// package goes to Dir/<package>, and its programs are links in Bin.
type GlobalInstall struct {
	Command string   `yaml:"command"` // word prefix: npm install
	Flags   []string `yaml:"flags"`   // one of these must be given: -g, --global
	Dir     string   `yaml:"dir"`     // where the packages go: /usr/local/lib/node_modules
	Bin     string   `yaml:"bin"`     // where their programs are linked: /usr/local/bin
	// Needs are the programs the runtime must have to run such a
	// program (node, which its #!/usr/bin/env node line runs).
	Needs []string `yaml:"needs"`
	// Self says how the command installs the folder it runs in when it
	// names no package (npm install --global): a link dir/<name> to the
	// folder, and links in bin to the programs the package file lists.
	Self *GlobalSelf `yaml:"self"`
}

// GlobalSelf is how a global install of the current folder is read from
// the package file in that folder.
type GlobalSelf struct {
	File string `yaml:"file"` // the package file: package.json
	Name string `yaml:"name"` // dotted key of the package's name: name
	// Bin is the dotted key of its programs: a map of program to file,
	// or one file, whose program is the name without its @scope/.
	Bin string `yaml:"bin"`
	// Args are the words that name the current folder as the package
	// (npm install -g .); no package word at all names it too.
	Args []string `yaml:"args"`
}

// Prepare is a set-up the builder needs before a build command: a virtual
// environment, say.
type Prepare struct {
	Lines      []string `yaml:"lines"`       // instructions to insert
	Unless     []string `yaml:"unless"`      // regexps over RUN text: the file does it itself
	Copy       []string `yaml:"copy"`        // folders the runtime then copies
	RuntimeEnv []string `yaml:"runtime_env"` // "K=V" the runtime then sets
	// Own are the signs that the file gives the command an environment
	// of its own: nothing is inserted and that folder is copied instead.
	Own []OwnEnv `yaml:"own"`
	// Has are packages every such environment comes with (pip):
	// installing them into it ships nothing the runtime lacked.
	Has []string `yaml:"has"`
}

// OwnEnv is one way a file names the folder a command installs into: a
// variable set for it, or a flag of the command.
type OwnEnv struct {
	Env  string `yaml:"env"`  // a variable set by ENV or on the command
	Flag string `yaml:"flag"` // or a flag whose value is the folder (--target DIR, --target=DIR)
	When string `yaml:"when"` // a regexp the value must match; empty: any value
	// Dir is the folder when it is not the value itself; a relative one
	// is relative to where the command runs (poetry's .venv).
	Dir string `yaml:"dir"`
	// Named, with Dir, makes Dir the environment when the file's start
	// command (its last CMD or ENTRYPOINT) or an ENV PATH names a path
	// in it (uv's project .venv run as /app/.venv/bin/uvicorn).
	Named bool `yaml:"named"`
}

// PackageMap says which run-time packages a build package implies.
type PackageMap struct {
	Command string       `yaml:"command"` // the install command: "apt-get install"
	Map     Dict[string] `yaml:"map"`
	Install string       `yaml:"install"` // the runtime's RUN, with {{.}} for the packages
	Tool    string       `yaml:"tool"`    // what the runtime needs to run Install
	// Keep means packages that are neither mapped nor build-only are
	// installed in the runtime as they are (run-time libraries and tools).
	Keep      bool     `yaml:"keep"`
	BuildOnly []string `yaml:"build_only"` // globs of packages only the build needs
	// Unmapped are globs of build-only packages (lib*-dev) whose library
	// the app may load or link at run time: one that Map does not name is
	// left in the builder with a warning, since the runtime installs no
	// library for it. A Map entry whose value is empty names a package
	// that needs none in the runtime (the runtime image has its library).
	Unmapped []string `yaml:"unmapped"`
	// FetchTools are globs of packages kept as they are that are
	// build-time download or unpack tools (curl, wget, unzip), each
	// giving the program of its name: one is installed in the runtime
	// only when something that runs in the container names that program
	// (the command, its script, the HEALTHCHECK, the sources' program
	// calls); else it stays in the builder.
	FetchTools []string `yaml:"fetch_tools"`
	// NativeBuild are globs of BuildOnly packages that only a build of
	// native code needs (node-gyp's python3): they stay build-only when
	// the file or the build context shows such a build (the preset's
	// static.needs_libc signs, its libc_deps names or signs), and are
	// installed as they are otherwise, since then the app is what uses
	// them.
	NativeBuild []string `yaml:"native_build"`
	// When holds regexps that the builder's template values must match
	// for this map to apply (debian: '^12$'): run-time library names
	// that differ between releases of the builder's system.
	When Dict[string] `yaml:"when"`
	// ValueFlags are options of Command and Remove that take the next
	// word as their value (apk add --virtual NAME, apt-get -o X=Y).
	ValueFlags []string `yaml:"value_flags"`
	// GroupFlags are those of ValueFlags whose value names a group of
	// the packages installed (apk add --virtual .build-deps gcc).
	GroupFlags []string `yaml:"group_flags"`
	// BuildGroups are globs on the names of such groups whose packages
	// only the build needs (.build-deps): packages kept as they are that
	// one holds are build-only, as if BuildOnly named them.
	BuildGroups []string `yaml:"build_groups"`
	// Remove are commands that remove packages or groups (apk del,
	// apt-get purge): a package kept as it is that one removes, or one
	// of a removed group, is not installed in the runtime.
	Remove []string `yaml:"remove"`
	// Alongside are globs of kept packages that the default runtime has
	// already (CA certificates, zone data): installed together with other
	// packages, and alone only on a runtime whose Packages do not list
	// them (alpine has no zone data), since alone they need no package
	// manager where the runtime has them.
	Alongside []string `yaml:"alongside"`
	// Base are packages the builder image itself has and the program
	// may rely on (CA certificates on the Debian golang image), which the
	// default runtime has too: a runtime that installs other packages,
	// and so is not the default, installs them as well.
	Base []string `yaml:"base"`
	// LeanFlags are options of the install that leave out what packages
	// only recommend (apt's --no-install-recommends): an install without
	// one may bring a base package as a recommendation, so the builder
	// counts as having it even where its image lacks it
	// (builder.variants[].lacks). A map without them never does.
	LeanFlags []string `yaml:"lean_flags"`
	// Release names the template value that is the builder's system
	// release (alpine: 3.22 of golang:1.26-alpine3.22): when the tag
	// gives none and the program links a library the runtime installs,
	// the runtime's release may not be the builder's, with a warning.
	Release *Release `yaml:"release"`
	// Sources are regexps over a RUN's text that add a package source
	// (a list file in /etc/apt/sources.list.d): a package installed from
	// the match on, or named by a path (./x.deb), is not one the
	// runtime's install line can reach by name.
	Sources []string `yaml:"sources"`
	// KeptWith gives, for globs on build-only packages, the packages
	// that must come along when one is installed in the runtime after
	// all because something that runs in the container runs it (RS187):
	// gcc cannot link a program without the C library's headers and
	// start files (libc6-dev, musl-dev), which the builder had.
	KeptWith Dict[[]string] `yaml:"kept_with"`
	// Programs gives, for build-only packages that bring programs not
	// named like them (meta-packages: build-essential, build-base), the
	// programs they bring: such a package is installed in the runtime
	// after all when something that runs in the container runs one of
	// them, as a package named like the program is (RS187).
	Programs Dict[[]string] `yaml:"programs"`
	// Recommends gives, for packages kept as they are, packages they
	// only recommend that hold what the package gave in the builder
	// (Debian 13's docker.io recommends docker-cli, which has
	// /usr/bin/docker): an install of the package without a LeanFlags
	// option got them, which the runtime's install line leaves out, so
	// the runtime installs them beside it (RS162).
	Recommends Dict[[]string] `yaml:"recommends"`
	// SourceFiles are globs on the absolute paths a COPY or ADD writes
	// that add a package source (/etc/apt/sources.list.d/*): packages
	// installed in a later RUN are as unreachable as after Sources.
	SourceFiles []string `yaml:"source_files"`
	// KnownSources say which packages some added sources give (review
	// 25, finding E): where every source a RUN adds is one of them, only
	// a package their globs match is left out as unreachable (RS321); the
	// others, installed in the same command, are the image's own sources'
	// packages and go to the runtime as any other.
	KnownSources []KnownSource `yaml:"known_sources"`
	// BuilderLibs are dependencies that, on some builder images, build
	// against a system library those images have and the runtimes lack.
	BuilderLibs *BuilderLibs `yaml:"builder_libs"`
}

// Release is the template value that names a system release.
type Release struct {
	Value string `yaml:"value"` // the template value: alpine
	What  string `yaml:"what"`  // for people: "Alpine release"
}

// BuilderLibs lists dependencies that need at run time a library the
// builder image has when its tag matches Tag (the full python image,
// built on buildpack-deps with its -dev packages): a RUN word or a file
// of the build context that names one makes the runtime install its
// packages with the PackageMap's install line.
type BuilderLibs struct {
	Tag string `yaml:"tag"` // a regexp over the builder image's tag
	// Files are read from the build context; Match, a regexp in which
	// {name} stands for any of the names, finds the dependencies they name.
	Files []string `yaml:"files"`
	Match string   `yaml:"match"`
	// Comments is a regexp over those files whose matches are comments,
	// read as blank before Match: a commented-out requirement (# psycopg2)
	// is no dependency (review 22, finding G).
	Comments string `yaml:"comments"`
	// Word is a regexp over a RUN word, with {name}: the word names the
	// dependency (psycopg2==2.9.10).
	Word string   `yaml:"word"`
	Deps []LibDep `yaml:"deps"`
	Why  string   `yaml:"why"` // with {name} and {where} replaced
	// Alongside means the default runtime has the packages already
	// (distroless nodejs has libssl, node's slim images do not): they
	// are installed only in a runtime that does not list them in its
	// packages, and do not by themselves keep a runtime that cannot
	// install them from being chosen when it has them (review 9,
	// finding A), as a package map's alongside packages.
	Alongside bool `yaml:"alongside"`
}

// HomeDeps finds the dependencies a project names, as BuilderLibs does,
// that write in the home folder at run time.
type HomeDeps struct {
	// Files are read from the build context; Match, a regexp in which
	// {name} stands for any of the names, finds the dependencies they
	// name. Word is a regexp over a RUN word, with {name}.
	Files []string `yaml:"files"`
	Match string   `yaml:"match"`
	Word  string   `yaml:"word"`
	// Comments is as BuilderLibs.Comments.
	Comments string `yaml:"comments"`
	// Same is a regexp of the characters a name's separators may be
	// spelled with ('[-_.]': pip takes open_interpreter for
	// open-interpreter, PEP 503).
	Same string    `yaml:"same"`
	Deps []HomeDep `yaml:"deps"`
	// Calls are calls in the app's own sources (those writes.sources
	// reads) that write in the home folder when they run, whichever
	// package provides them (review 23, finding B: transformers'
	// from_pretrained downloads a model into ~/.cache/huggingface).
	Calls []HomeCall `yaml:"calls"`
}

// HomeCall is a call that writes in the home folder.
type HomeCall struct {
	// Name is the call as the note names it (from_pretrained).
	Name string `yaml:"name"`
	// In, when set, is a regexp a source must match for Call to count
	// there (the import of the call's module, for a common name).
	In string `yaml:"in"`
	// Call is a regexp over a source. A match in which a group
	// "elsewhere" took part writes elsewhere (a local folder given as
	// the model, a cache folder passed) and does not count.
	Call string `yaml:"call"`
	// Path is where it writes, ~/ first (~/.cache/huggingface).
	Path string `yaml:"path"`
}

// HomeDep is a dependency and the place in the home folder it writes.
type HomeDep struct {
	Name string `yaml:"name"`
	// Path is where it writes, ~/ first (~/.config/open-interpreter).
	Path string `yaml:"path"`
	// Does says, for the notes, what it does there ("keeps its browser
	// in ~/.cache/puppeteer, ..."); without it, "writes PATH when it
	// runs".
	Does string `yaml:"does"`
	// Built means the install (or a RUN naming it) fills Path in the
	// builder and the program reads it at run time (puppeteer's browser
	// download, review 24 finding A): a runtime that keeps root gets the
	// builder's folder at the same place, as it may be absent (an older
	// release that kept it elsewhere), by a copy that may match nothing.
	Built bool `yaml:"built"`
	// UnlessEnv is a regexp over NAME=value of the file's ENVs: one that
	// matches moves the folder out of the home folder, or makes the
	// dependency leave it unused (PUPPETEER_CACHE_DIR=/app/.cache), so
	// the dependency does not count.
	UnlessEnv string `yaml:"unless_env"`
	// Fix is the advice of the note, how to run as a non-root user; by
	// default, setting HOME to a folder that user may write.
	Fix string `yaml:"fix"`
}

// Writes says what the dependency does in its folder, for a note.
func (d *HomeDep) Writes() string {
	if d.Does != "" {
		return d.Does
	}
	return "writes " + d.Path + " when it runs"
}

// Moved says whether one of the file's environment settings (NAME=value)
// moves the folder elsewhere or leaves it unused.
func (d *HomeDep) Moved(env []string) bool {
	if d.UnlessEnv == "" {
		return false
	}
	r := re(d.UnlessEnv)
	for _, kv := range env {
		if r.MatchString(kv) {
			return true
		}
	}
	return false
}

// LibDep is a dependency and the run-time packages it needs.
type LibDep struct {
	Name     string   `yaml:"name"`
	Packages []string `yaml:"packages"`
}

// Collect gathers a build's output into one fixed path with a RUN step
// inserted after the last build step.
type Collect struct {
	Run  string `yaml:"run"`  // the shell command, run in the build's folder
	Path string `yaml:"path"` // the file it writes
}

// DropArg is an install argument that sends the packages outside the
// active virtual environment, and the variable that says the same.
type DropArg struct {
	Arg string `yaml:"arg"` // --system
	// Env is a variable with the same effect (UV_SYSTEM_PYTHON) when its
	// value matches When: set by an ENV of the file or on the command,
	// it is the file's own setting, which restage does not edit out, so
	// the command is declined.
	Env  string `yaml:"env"`
	When string `yaml:"when"`
	Why  string `yaml:"why"` // what the argument does, for the note and the decline
	// Without is where the install goes once the argument is out, for
	// the note.
	Without string `yaml:"without"`
}

// Runner is a command that runs a script named in a project file.
type Runner struct {
	Commands []string `yaml:"commands"`
	File     string   `yaml:"file"` // JSON file in the build context
	Key      string   `yaml:"key"`  // dotted path to the script
	Default  string   `yaml:"default"`
	Tool     string   `yaml:"tool"` // what the runtime needs to keep the runner
	// Hooks are keys of scripts the runner also runs around the script
	// (scripts.prestart): when the file defines one, the runner is kept.
	Hooks []string `yaml:"hooks"`
	// Strip means the runner only runs the rest of the command in the
	// project's environment (poetry run X): the runtime runs X itself.
	Strip bool `yaml:"strip"`
	// Flags and ValueFlags are the stripped runner's own options before
	// its command that leave what runs as it is (uv run --no-dev, which
	// only says how uv syncs the environment the build made; --color
	// auto), without and with a value (the next word, or --name=value):
	// they go with the runner. DeclineFlags are its options that change
	// what runs (uv run --with X), each with the reason; any other
	// option is one restage does not know, and the command is declined
	// too (review 12, finding E: the options were left as the command).
	// End is the word that ends its options ("--").
	Flags        []string     `yaml:"flags"`
	ValueFlags   []string     `yaml:"value_flags"`
	DeclineFlags Dict[string] `yaml:"decline_flags"`
	End          string       `yaml:"end"`
	// ProjectFlags are options of DeclineFlags whose value names the
	// project folder whose environment the runner runs the command in
	// (uv run --project DIR): one that names a folder where a build step
	// of ProjectBuilds ran (uv sync) is the environment the build made,
	// and goes with the runner; any other folder keeps the decline
	// (review 25, finding F).
	ProjectFlags  []string `yaml:"project_flags"`
	ProjectBuilds []string `yaml:"project_builds"`
	// ProjectDirFlags are ProjectFlags that also make the named folder
	// the working folder of the command (uv run --directory DIR, poetry
	// -C DIR): dropped with the runner, they would leave the command in
	// another folder, so they go with it only when the folder is also
	// the one the command runs in (round 25, finding F's Left). A
	// ProjectBuilds step given one of ProjectFlags or ProjectDirFlags
	// (poetry install -C DIR) ran for the project in that folder.
	ProjectDirFlags []string `yaml:"project_dir_flags"`
	// ScriptEnds and ScriptWith: a stripped runner's command whose first
	// word is a file name ending in one of ScriptEnds is run by the
	// runner with the interpreter ScriptWith (uv run main.py is uv run
	// python main.py, review 13, finding A), so the runtime runs it so;
	// runners that exec their command (poetry run) have none.
	ScriptEnds []string `yaml:"script_ends"`
	ScriptWith string   `yaml:"script_with"`
	// ScriptDeclines are signs in such a script file that the runner
	// runs it otherwise than ScriptWith from the build's environment
	// (PEP 723 inline metadata: uv makes the script an environment of
	// its own), each with the reason.
	ScriptDeclines []ScriptDecline `yaml:"script_declines"`
	// Run replaces a command that runs from source (mvn spring-boot:run)
	// with one that runs the collected artifact; {artifact} stands for it.
	Run string `yaml:"run"`
	// Executable, with Run, says how the build makes the artifact one Run
	// can start (review 31, finding B: a Spring Boot jar holds its
	// Main-Class and dependencies only when the plugin's repackage goal
	// ran, which spring-boot:run does not need): one of its ways must
	// hold, else the command is declined with its Why.
	Executable *Executable `yaml:"executable"`
	// BuiltScripts are scripts of File that may run the build's output
	// with the plain interpreter (scripts.start:prod = node dist/main):
	// when the script Key names is not a plain interpreter command, the
	// first of these that is, and that a build step wrote, runs instead.
	BuiltScripts []BuiltScript `yaml:"built_scripts"`
	// DevKey is the key of File that lists development dependencies
	// (devDependencies): when the runner is kept and its script's program
	// comes from one of them, the prune is left out.
	DevKey string `yaml:"dev_key"`
	// Bins says where the dependencies' programs are, for a runner whose
	// Tool no runtime of the preset has (pnpm): a script that is one
	// plain command running a dependency's program (next start) runs
	// from there directly.
	Bins *RunnerBins `yaml:"bins"`
	// Packages maps a program to the package that provides it (nest:
	// "@nestjs/cli"); a program not listed is its own package's name.
	Packages Dict[string] `yaml:"packages"`
	// Scripts are command prefixes that run another script of File,
	// named by the next word (npm run build): the start path is followed
	// into that script, the entry of ScriptsKey, and a program it runs
	// from a DevKey package keeps the development dependencies. A name
	// the file does not define is taken as a dependency's program (yarn
	// prisma runs prisma).
	Scripts    []string `yaml:"scripts"`
	ScriptsKey string   `yaml:"scripts_key"`
	// ScriptHooks are the prefixes of the scripts the runner also runs
	// before and after a script run by name (pre, post: npm run launch
	// runs prelaunch, launch, postlaunch), in that order around it.
	ScriptHooks []string `yaml:"script_hooks"`
	// Programs are command prefixes that run a dependency's program,
	// named by the next word that is not an option (npx prisma): one from
	// a DevKey package on the start path keeps the development
	// dependencies.
	Programs []string `yaml:"programs"`
	// Dist is a runner that runs the app through the build tool as a
	// distribution's start script runs it (gradle run: the main class,
	// its default JVM arguments, the project's folder as the working
	// folder): the runtime runs that script, which the distribution
	// task, added after the build, writes.
	Dist *RunnerDist `yaml:"dist"`
}

// RunnerDist says how a runner's start becomes a distribution's start
// script. Task is the build command's distribution task (build[].dist)
// that writes it; Args is the runner's option whose value is the app's
// arguments (--args="a b"), split on white space; Requires are signs,
// one of which must be in a file of the project's folder, that the
// script runs what the runner runs (a main class named by a literal),
// RequiresWhy saying so for the decline; Declines are signs that it
// runs otherwise or that what it runs cannot be told (a task
// configured, a multi-project build), each with why.
type RunnerDist struct {
	Task        string      `yaml:"task"`
	Tool        string      `yaml:"tool"` // the build tool's name, for the notes (Gradle)
	Args        string      `yaml:"args"`
	Requires    []FileMatch `yaml:"requires"`
	RequiresWhy string      `yaml:"requires_why"`
	// RequiresNamed are signs that name the main class through a name
	// (mainClass.set(main)), each with the bindings that give that name
	// a literal in the same file (a top-level val main = "..."): one
	// binding of the name counts as the literal, since an expert reads
	// it at once; none, or more than one, declines with
	// RequiresNamedWhy ({file}, {found}, {name}) instead of RequiresWhy.
	RequiresNamed    []NamedMatch   `yaml:"requires_named"`
	RequiresNamedWhy string         `yaml:"requires_named_why"`
	Declines         []FileMatchWhy `yaml:"declines"`
	// DeclineFlags are the runner's options that change which project
	// or build runs (-p DIR, --project-dir=DIR), each with why; the
	// other options are the build tool's, and go to the task.
	DeclineFlags Dict[string] `yaml:"decline_flags"`
	// ValueFlags are the build tool's options that take the next word
	// as their value.
	ValueFlags []string `yaml:"value_flags"`
	Why        string   `yaml:"why"`
}

// NamedMatch is a sign in a file that names a value through a name:
// Pattern's group "name" captures the name, and Binding's groups
// "name" match each binding of a name to a literal in the same file.
type NamedMatch struct {
	File    string `yaml:"file"`
	Pattern string `yaml:"pattern"`
	Binding string `yaml:"binding"`
}

// Resolve finds Pattern in data: found is its whole match and name the
// name it captured (empty when Pattern is not there), and bound whether
// exactly one binding of Binding gives that name a literal; two
// bindings of one name leave which holds unknown.
func (m *NamedMatch) Resolve(data []byte) (found, name string, bound bool) {
	p := re(m.Pattern)
	sub := p.FindSubmatch(data)
	if sub == nil {
		return "", "", false
	}
	found, name = string(sub[0]), string(sub[p.SubexpIndex("name")])
	b := re(m.Binding)
	n, at := 0, b.SubexpIndex("name")
	for _, bs := range b.FindAllSubmatch(data, -1) {
		if string(bs[at]) == name {
			n++
		}
	}
	return found, name, n == 1
}

// FileMatchWhy is a FileMatch with the reason it stands for.
type FileMatchWhy struct {
	File    string `yaml:"file"`
	Pattern string `yaml:"pattern"`
	Why     string `yaml:"why"`
}

// NamedKeys returns the keys of the scripts `Scripts` runs for the script
// name, in the order they run: the first hook, the script, the others.
func (r *Runner) NamedKeys(name string) []string {
	key := r.ScriptsKey + "." + name
	if len(r.ScriptHooks) == 0 {
		return []string{key}
	}
	out := []string{r.ScriptsKey + "." + r.ScriptHooks[0] + name, key}
	for _, h := range r.ScriptHooks[1:] {
		out = append(out, r.ScriptsKey+"."+h+name)
	}
	return out
}

// BuiltScript is a script that may run the build's output, and the
// scripts the runner runs around it (whose presence keeps the runner).
type BuiltScript struct {
	Key   string   `yaml:"key"`
	Hooks []string `yaml:"hooks"`
}

// DevDeps classifies RUN steps after an install by whether they may use
// development dependencies.
type DevDeps struct {
	// Uses are command prefixes that may use them (npx, npm run).
	Uses []string `yaml:"uses"`
	// BinDirs are folders whose programs come from the dependencies
	// (node_modules/.bin): running one may use them.
	BinDirs []string `yaml:"bin_dirs"`
	// Without are command prefixes known to use none (mkdir, chown). A
	// RUN in the app folder with a command in neither list may use them.
	Without []string `yaml:"without"`
	// Imports say how the app's own sources load a package: a package
	// a source loads that the runner's file lists only under its dev
	// key keeps the development dependencies (a prune would remove a
	// module the program requires at start).
	Imports *DevImports `yaml:"imports"`
}

// RunnerBins is the folder where an install puts its dependencies'
// programs.
type RunnerBins struct {
	// Dir is the folder, relative to the app folder (node_modules/.bin).
	Dir string `yaml:"dir"`
	// Keys are the dotted keys of the runner's file that list the
	// dependencies whose programs the install puts there.
	Keys []string `yaml:"keys"`
	// Needs are the tools a program there needs in the runtime (sh, for
	// the shell scripts pnpm writes there; node).
	Needs []string `yaml:"needs"`
}

// DevImports says which of the app's sources to read for the packages
// they load, and how.
type DevImports struct {
	Ext  []string `yaml:"ext"`  // file endings of the sources
	Skip []string `yaml:"skip"` // globs on path elements not read
	// Patterns match a load of a package; the group "name" is the
	// package's name (prom-client, @scope/pkg).
	Patterns []string `yaml:"patterns"`
	// Not are regexps over a match's text: a match one of them matches
	// loads nothing at run time (import type).
	Not []string `yaml:"not"`
	// Ignore are globs on package names never loaded at run time
	// (@types/*).
	Ignore []string `yaml:"ignore"`
	// Keys are the dotted keys of the runner's file whose packages a
	// prune keeps (dependencies): a package listed there is no reason.
	Keys []string `yaml:"keys"`
	// Reach, when set, reads only the sources the start command can
	// reach, when that can be told: a release script never run at start
	// that imports a development dependency is then no reason.
	Reach *Reach `yaml:"reach"`
}

// Reach says how the sources the start command reaches are found: from
// the file the interpreter runs, through the app's own files each loads.
type Reach struct {
	// Relative are regexps whose group "path" is a relative specifier a
	// source loads (require('./lib/db'), import x from '../y.js').
	Relative []string `yaml:"relative"`
	// Suffixes are tried after a specifier, in order ("" first for one
	// that names its file); Index are the files tried in a folder.
	Suffixes []string `yaml:"suffixes"`
	Index    []string `yaml:"index"`
	// Opaque are regexps over a reached source that loads code by a name
	// it does not spell out (require(name), a worker, an autoloader):
	// what it reaches cannot be told, and every source is read.
	Opaque []string `yaml:"opaque"`
	// Compiled say where a compiler the build runs writes what it makes
	// of the sources (TypeScript's tsconfig.json: rootDir into outDir),
	// so that a start file missing from the build context but under such
	// an output folder is reached through its source (review 21, D).
	Compiled []CompiledOut `yaml:"compiled"`
}

// CompiledOut is a compiler's configuration file and the dotted keys of
// its output and source folders, each relative to the file's folder.
type CompiledOut struct {
	// Config is the file's name, looked for in the start file's folder
	// of the build context and the folders above it; it may hold
	// comments and trailing commas (JSON as tsc reads it).
	Config string `yaml:"config"`
	// OutDir is the key of the output folder, which must be set;
	// RootDir that of the source folder, the config's own when unset.
	OutDir  string `yaml:"out_dir"`
	RootDir string `yaml:"root_dir"`
	// Extends is the key naming the files this one extends (a string,
	// or a list in which a later file wins over an earlier one): where
	// the file leaves OutDir or RootDir unset, the files it extends give
	// them, each relative to the folder of the file that sets it. Only a
	// relative name (./, ../) is followed, as written or with one of
	// ExtendsSuffixes after it; another (a package the compiler finds in
	// an installed folder) is out of reach, and a folder it may set
	// leaves the start unmapped.
	Extends         string   `yaml:"extends"`
	ExtendsSuffixes []string `yaml:"extends_suffixes"`
}

// Artifact says where a build command writes its output.
type Artifact struct {
	OutputFlag string   `yaml:"output_flag"`
	ChdirFlag  string   `yaml:"chdir_flag"`
	Dir        string   `yaml:"dir"`
	ValueFlags []string `yaml:"value_flags"`
	// Name lists, in order, where the output's name may come from:
	// source_file, package, module, workdir.
	Name      []string `yaml:"name"`
	SourceExt string   `yaml:"source_ext"`
	OnlyIfRun bool     `yaml:"only_if_run"`
	// FolderArg means the first argument is a folder the command makes
	// (python -m venv /venv): the runtime copies it whole.
	FolderArg bool `yaml:"folder_arg"`
	// Packages means the command compiles packages (go build): a
	// source-file argument compiles that file alone, a folder argument
	// (none: the working folder) that folder's sources without its
	// sub-folders, and with them the folders of the app's module their
	// imports name (static.pure reads the imports and the module). Only
	// those sources are the program's: another folder's writes and
	// programs are not (review 13, finding F).
	Packages *Packages `yaml:"packages"`
}

// Packages says what may bring sources of the build context into a
// packages build besides the module's own folders: then what it compiles
// cannot be told by the module path, and every source counts.
type Packages struct {
	// Elsewhere is a regexp over the module file (module_name.file)
	// whose match points an import at another folder (replace).
	Elsewhere string `yaml:"elsewhere"`
	// Workspaces are files of the context that join other modules to
	// the build (go.work).
	Workspaces []string `yaml:"workspaces"`
}

// NameSource reads a name from a file of the build context.
type NameSource struct {
	File    string `yaml:"file"`
	Pattern string `yaml:"pattern"`
	Strip   string `yaml:"strip"`
}

// Static describes how to make artifacts that need no C library, and the
// signs that an artifact does need one.
type Static struct {
	Env       Dict[string] `yaml:"env"`
	NeedsLibc []Signal     `yaml:"needs_libc"`
	// LibcDeps are dependencies known to link the C library: a build
	// context file or a RUN word that names one is a sign too.
	LibcDeps *LibcDeps `yaml:"libc_deps"`
	// LibcSources is a pattern over the sources in the build context
	// that shows the program links the C library (import "C").
	LibcSources *LibcSources `yaml:"libc_sources"`
	// Pure says how the build context shows that the program cannot
	// link the C library whatever the build installs: a needs_libc sign
	// marked means (a C toolchain installed) does not count then.
	Pure *Pure `yaml:"pure"`
	// MeansUnused says, for a preset whose lockfiles list every
	// dependency with the signs (LibcDeps.Lockfiles), when such a
	// lockfile shows that a sign marked means builds nothing: a
	// needs_libc sign marked means does not count then either.
	MeansUnused *MeansUnused `yaml:"means_unused"`
}

// MeansUnused is how a lockfile and the file show that a C toolchain
// installed builds nothing into the program (review 4, finding D, for
// Node.js): every install of the app is one of Installs naming no
// package, run where a COPY brought a lockfile of LibcDeps.Lockfiles
// that records the signs and shows none (nor do the other files); the
// app folder has none of Files; Manifest, read there, has none of
// Scripts and none of its ScriptsKey scripts runs one of Commands; no
// RUN runs one of Commands, and no package is installed globally.
// Anything it cannot read means it cannot tell.
type MeansUnused struct {
	// Installs are the install commands that install what the lockfile
	// lists (npm ci, npm install).
	Installs []string `yaml:"installs"`
	// Commands are command prefixes that build native code themselves
	// (a compiler, make, node-gyp, npm rebuild).
	Commands []string `yaml:"commands"`
	// Files are files of the install's folder that make the install
	// build native code (binding.gyp).
	Files []string `yaml:"files"`
	// Manifest is the app's own package file (package.json); Scripts
	// are dotted keys of it whose presence makes the install run a
	// script of the app (scripts.install); ScriptsKey is the key of its
	// scripts, each of which is read for Commands.
	Manifest   string   `yaml:"manifest"`
	Scripts    []string `yaml:"scripts"`
	ScriptsKey string   `yaml:"scripts_key"`
	// Why says what the lockfile and the file show, for the note, with
	// {file} replaced by the lockfile.
	Why string `yaml:"why"`
}

// Pure is how the sources of the build context show that the program
// cannot use the C library (review 4, finding D): every source is read,
// each of its imports is of the standard library (Std) or of a module the
// context declares, none is one that links C (Links), and no module file
// requires another module. Anything it cannot read means it cannot tell.
type Pure struct {
	Ext  string   `yaml:"ext"`  // file ending of the sources (.go)
	Skip []string `yaml:"skip"` // globs on path elements not read
	// Decl finds where each import declaration of a source starts; each
	// must be where a match of Imports starts, else the source is not
	// read.
	Decl string `yaml:"decl"`
	// Imports are regexps over a source: a match's group "path" is one
	// imported path, its group "block" lines each of which must match
	// Line, whose group "path" (when it took part) is one imported path.
	Imports []string `yaml:"imports"`
	Line    string   `yaml:"line"`
	// Std is a regexp over an import path of the language's own library;
	// Links one over an import path that links the C library ("C").
	Std   string `yaml:"std"`
	Links string `yaml:"links"`
	// Modules are the files that declare a module: Module's group 1 is
	// its path (the app's own imports are under it), and a match of
	// Requires means it requires other modules, which the sources of the
	// context do not show.
	Modules  string `yaml:"modules"`
	Module   string `yaml:"module"`
	Requires string `yaml:"requires"`
	// Why says what the sources show, for the note.
	Why string `yaml:"why"`
}

// LibcDeps lists dependencies that link the C library and the files of
// the build context that name the dependencies of a project.
type LibcDeps struct {
	// Files are read from the build context; a whitespace-separated word
	// of theirs equal to a name is a sign.
	Files []string `yaml:"files"`
	// Names are dependency names (Go module paths). In a RUN, a word
	// equal to one, or below it (name/sub, name@version), is a sign.
	Names []string `yaml:"names"`
	// Why is the reason given, with {name} and {where} replaced.
	Why string `yaml:"why"`
	// Match is how a file names a dependency, when not as a bare word: a
	// regexp in which {name} stands for the name, quoted (npm's
	// "bcrypt": in package.json, node_modules/bcrypt in a lockfile).
	Match string `yaml:"match"`
	// Signs are patterns over the files that show a dependency links the
	// C library whatever its name (an install script that builds one).
	Signs []Signal `yaml:"signs"`
	// Lockfiles list every dependency with the signs. A preset without a
	// static env has no switch that makes the program static: it needs
	// no C library only when one of these is read and shows no sign.
	Lockfiles []Lockfile `yaml:"lockfiles"`
	// Complete says when one of Files requires every dependency that
	// gives the build a package, so that a name only the others hold is
	// a dependency's dependency the program does not build (go.sum's
	// line for a module at go 1.17 or later, review 9, finding D).
	Complete *CompleteDeps `yaml:"complete"`
	// Manifests are files of Files whose top-level keys DevKeys list
	// only development dependencies (package.json's devDependencies):
	// when the image leaves those out, the keys are no sign (review 21n,
	// finding A).
	Manifests []Manifest `yaml:"manifests"`
}

// Manifest is a JSON file of LibcDeps.Files and its development keys.
type Manifest struct {
	File    string   `yaml:"file"`
	DevKeys []string `yaml:"dev_keys"`
}

// CompleteDeps is a file of LibcDeps.Files that, when its content
// matches Pattern, names every dependency the build uses: the Skip
// files are then not read for names or signs.
type CompleteDeps struct {
	File    string   `yaml:"file"`
	Pattern string   `yaml:"pattern"`
	Skip    []string `yaml:"skip"`
}

// Lockfile is a file of the build context that lists every dependency
// the install brings, in a format that records the signs.
type Lockfile struct {
	File string `yaml:"file"`
	// Pattern is what the file must match to be such a format (a
	// lockfile version that records install scripts); empty: any.
	Pattern string `yaml:"pattern"`
	// Why says what no sign in it means, with {file} replaced.
	Why string `yaml:"why"`
	// ReadBy, when set, are the install commands (build commands' command)
	// that read this lockfile: its lack of signs then counts only when
	// every install of the file is one of them, names no package of its
	// own, and runs where a COPY above it brought the lockfile. Another
	// installer (yarn install and package-lock.json), or a lockfile that
	// only sits in the context or comes later, says nothing certain of
	// what was installed, and the builder's C library is kept (RS189).
	ReadBy []string `yaml:"read_by"`
	// Installs, when set, says how the file marks the packages an
	// install leaves out, whose signs then do not count (review 6,
	// finding J): a JSON object of entries, each one a package.
	Installs *LockEntries `yaml:"installs"`
}

// LockEntries names the fields of a JSON lockfile's package entries that
// tell whether an install puts the package in place.
type LockEntries struct {
	// Entries is the top-level object whose members are the packages;
	// only it is read when Installs is set.
	Entries string `yaml:"entries"`
	// DevDeps is the field of an entry that lists its own development
	// dependencies (the app's, a workspace's), installed only with them.
	DevDeps string `yaml:"dev_deps"`
	// Dev is the field set to true on an entry only the development
	// dependencies need: left out by an install that omits them.
	Dev string `yaml:"dev"`
	// Optional is the field set to true on an optional entry, and OS the
	// field listing the systems it installs on ("!name" excludes one):
	// an optional entry whose list leaves out System is skipped.
	Optional string `yaml:"optional"`
	OS       string `yaml:"os"`
	System   string `yaml:"system"`
	// NamesInKeys: a dependency is named only by the key of an entry
	// (node_modules/bcrypt), not by words inside entries, where a name
	// may be a command (npm's bin map: bcryptjs's "bcrypt") or a
	// requirement that is not installed (review 12, finding G).
	NamesInKeys bool `yaml:"names_in_keys"`
}

// LibcSources says which source files to read and what in them shows
// that the program links the C library.
type LibcSources struct {
	Ext string `yaml:"ext"` // file ending of the sources (.go)
	// Skip are globs on path elements (folders and files) not read.
	Skip    []string `yaml:"skip"`
	Pattern string   `yaml:"pattern"`
	Why     string   `yaml:"why"` // with {file} replaced
}

// Writes is the evidence of run-time writes: folders any user may write
// in, and write calls in the sources whose path is a string literal.
type Writes struct {
	// Writable are globs on absolute paths that every user can write in
	// the runtime images (/tmp): a write there needs nothing.
	Folders []string `yaml:"writable"`
	// Sources are read for write calls.
	Sources *WriteSources `yaml:"sources"`
}

// WriteSources says which source files to read and which calls in them
// write to a path: each pattern's group "path" is the written path.
type WriteSources struct {
	Ext  []string `yaml:"ext"`  // file endings of the sources
	Skip []string `yaml:"skip"` // globs on path elements not read
	// SkipHolding are names of files that mark a folder as not the
	// program's: a folder holding one (pyvenv.cfg) is not read.
	SkipHolding []string `yaml:"skip_holding"`
	// Patterns are regexps over a source matching a write call: group
	// "path" is the literal path, to which the string literals of a
	// group "args", when there, are joined ((Path("data") / "raw")).
	Patterns []string `yaml:"patterns"`
	// Folders are patterns whose group "path" is a folder the framework
	// writes in and makes only when it is missing (Django's STATIC_ROOT):
	// one outside the app folder may be made in advance for the runtime
	// user.
	Folders []string `yaml:"folders"`
	// NamedFolders are Folders whose folder is a plain name (group
	// "name") joined with the string literals of a group "args", read
	// through Bindings and Imports as Named are (review 24, finding C:
	// Django's STATIC_ROOT = BASE_DIR / "staticfiles"). A name bound to
	// no literal names no folder.
	NamedFolders []string `yaml:"named_folders"`
	// Unnamed are regexps over a source matching a write call whose path
	// is no literal (Files.createDirectories(Path.of(dir))): group "expr"
	// is the expression. Where it writes cannot be told; a relative path
	// lands in the working folder. A group "call", when there, is where
	// the call is, for a match that starts before it (at an import).
	Unnamed []string `yaml:"unnamed"`
	// UnnamedConfig are like Unnamed, but count only through ConfigPaths:
	// a value of the app's configuration that a source reads is taken for
	// their path (create_engine(cfg["db"]) with an SQLite URL in a JSON
	// file; review 21, finding F). Alone they say nothing, since such a
	// call is as often given a server's URL from the environment.
	UnnamedConfig []string `yaml:"unnamed_config"`
	// Named are regexps over a source matching a write call whose path is
	// a plain name (group "name"): the call writes the paths Bindings bind
	// that name to before it (const dbFile = "/data/memos.db"), and
	// nothing restage can tell when there is none. The string literals
	// of a group "args" are joined to each (RAW_DIR / "x.json").
	Named []string `yaml:"named"`
	// Bindings bind a name to paths for good, for Named.
	Bindings *PathBindings `yaml:"bindings"`
	// NamedValues are write calls given a name whose bound literal holds
	// the path inside a larger value (review 22, finding F: an SQLite URL
	// in create_engine(config.DB_URL)). Unlike Named's, such a call by a
	// name bound to nothing restage can read writes nothing it counts:
	// the same call is as often given a server's URL from the
	// environment, which opens no file.
	NamedValues []NamedValue `yaml:"named_values"`
	// Imports are how a source binds a name to the binding another
	// source of the build context gives it (Python's from MODULE import
	// NAME, a Go package's other files), which Bindings then read as if
	// written where the import is.
	Imports *SourceImports `yaml:"imports"`
	// Aliases are how a source binds a name of its own to a module, or to
	// a module's member (review 19, finding G: import sqlite3 as sq): the
	// uses of that name are read as the module's own spelling before
	// Patterns and Named match, since those spell the module's name.
	Aliases *SourceAliases `yaml:"aliases"`
	// RootReads are regexps over a source matching a path the program
	// reads, tests or expands (review 12, finding C): group "path", a
	// literal that counts when it is under /root or starts with ~ (the
	// home folder), or group "home", a call that gives the home folder
	// (Path.home()). Either keeps an original root user root. A match in
	// which a group "compare" took part is a literal compared
	// (p == "/root"), which opens nothing, and does not count.
	RootReads []string `yaml:"root_reads"`
	// ConfigPaths are the app's own configuration files whose absolute
	// paths, under a key the sources read, are folders the program may
	// write under when its sources write by paths they do not spell out
	// (review 18, finding B: viper's data_dir: /var, Spring's static.path).
	ConfigPaths []ConfigPaths `yaml:"config_paths"`
	// ConfigWrites are settings of the app's own configuration files
	// that the framework itself writes by, no source reading them (review
	// 27, finding A: an embedded database's JDBC URL in Spring's
	// spring.datasource.url makes its file where the URL says).
	ConfigWrites []ConfigWrites `yaml:"config_writes"`
	// FileDir are regexps over a source matching an expression that gives
	// a path from the source file's own folder (Node.js's
	// path.join(__dirname, "..", "feeds.json"); review 16, finding B):
	// an optional group "args" holds the string literals joined to that
	// folder, in order, after the folders up that groups "up" go (a
	// number N, or one for each time the text's first word appears in
	// it: Python's Path(__file__).resolve().parents[1]; review 17,
	// finding C). Where a COPY put the source as it is, the expression is read
	// as the literal of the path in the image, by Patterns and Bindings
	// alike.
	FileDir []string `yaml:"file_dir"`
	// Sockets is a daemon's socket that only root and a group of the
	// host may connect to (review 17, finding A: the Docker socket), and
	// what shows the program uses it.
	Sockets *Sockets `yaml:"sockets"`
	// ListenPorts are regexps over a source matching a server call given
	// a literal port to listen on (Flask's app.run(port=80), Node's
	// app.listen(80), Go's http.ListenAndServe(":80", ...)): group "port"
	// is the number. A port below 1024 bound by a source the start
	// reaches gets the privileged-port warning under a non-root runtime
	// user, as an EXPOSE of it does (review 23n, finding D).
	ListenPorts []string `yaml:"listen_ports"`
}

// Sockets is a daemon's socket the host gives to root and one group
// (mode 660), mounted into a container from the host, so that a
// non-root runtime user is refused where the original's root connected.
type Sockets struct {
	// What names the socket in a note ("the Docker daemon's socket").
	What string `yaml:"what"`
	// Group is the host's group that may connect besides root (docker).
	Group string `yaml:"group"`
	// Paths are where the socket is in the container: a compose volume
	// or a VOLUME there, or a literal naming one, is the program's use.
	Paths []string `yaml:"paths"`
	// Literals are regexps over a source matching a string literal that
	// names a socket: group "path" is its path, which counts when it is
	// one of Paths (a scheme such as unix:// is outside the group). A
	// match in which a group "held" took part is a value the program
	// holds (an element of a list of strings, as restage's own presets
	// hold the paths), not an address it connects to, and does not count.
	Literals []string `yaml:"literals"`
	// Clients are client libraries that connect to the socket by default
	// when the program gives no address.
	Clients []SocketClient `yaml:"clients"`
}

// SocketClient is a client library's call that connects to a socket
// of Sockets.Paths when given no address.
type SocketClient struct {
	Name string `yaml:"name"` // the library, as a note names it
	// In is a regexp a source must match for Call to count (the import
	// of the library); empty counts every source.
	In string `yaml:"in"`
	// Call is a regexp over a source matching the call.
	Call string `yaml:"call"`
	// Path is the socket the call connects to, one of Sockets.Paths.
	Path string `yaml:"path"`
}

// NamedValue is a write call whose argument is a name bound to a value
// that holds the written path (WriteSources.NamedValues).
type NamedValue struct {
	// Calls are regexps over a source matching the call, with group
	// "name" the plain or dotted name it is given.
	Calls []string `yaml:"calls"`
	// Value is a regexp over a literal the name is bound to (without its
	// quotes): group "path" is the path written; a literal it does not
	// match (a server's URL) names no write.
	Value string `yaml:"value"`
	// Bindings bind a name to literals as WriteSources.Bindings do, and
	// are read through the same Imports; their literals may be any
	// value (a URL holds a colon, which a path binding refuses).
	Bindings *PathBindings `yaml:"bindings"`
}

// PathBindings says how a source binds a name to literal paths for good.
type PathBindings struct {
	// Patterns are regexps over a source, each with a group "name", the
	// name bound, and a group "value" (and optionally "alt", the other
	// branch of a conditional): each a string literal with its quotes,
	// the path, or a plain name, which stands for the paths its own
	// binding before holds. The nearest binding before the call counts.
	// Instead of "value", a group "list" holds comma-separated literals
	// and names, each of which the name holds in turn (a for loop's
	// target); a group "args" holds string literals joined to each of
	// the binding's paths (RAW_DIR = DATA_DIR / "raw").
	Patterns []string `yaml:"patterns"`
	// Groups are declarations that bind several names, one a line (Go's
	// const ( ... )), which no single pattern can find each of.
	Groups []BindingGroup `yaml:"groups"`
	// Block and Shadow are as in ProgramBindings: a binding counts only
	// when no block it is in closes before the call and no Shadow match
	// may bind the name anew in between.
	Block  string `yaml:"block"`
	Shadow string `yaml:"shadow"`

	// memo, set on a copy for one source's scan (WritesIn), keeps how far
	// each binding's scope was read (inScopeAt).
	memo *scopeMemo
}

// SourceImports says how a source takes names bound in other sources
// of the build context, for WriteSources' Named and Bindings.
type SourceImports struct {
	// Statements are regexps over a source matching a statement that
	// imports names of a module: group "module", the module as written,
	// and group "names", the names (each a Names match). Without "names"
	// (or when it took no part), a group "prefix" binds the module
	// itself: its NAME is prefix.NAME in the importing source, the
	// module as written when "prefix" took no part (Python's import
	// config, import app.config as cfg), every name unchanged when it
	// is empty (export * from). A group "var" that took part marks the
	// names as variables', which hold only when nothing in the source
	// may assign them anew (Shadow anywhere but the statement).
	Statements []string `yaml:"statements"`
	// Modules is a regexp over a statement's group "modules", when that
	// group took part, matching one module imported whole: its groups
	// "module" and "prefix" bind it as a statement's own would (Python's
	// import os, app.config as cfg lists several).
	Modules string `yaml:"modules"`
	// Names is a regexp over a statement's group "names" matching one
	// name imported: group "name", the module's name for it, and
	// optionally group "alias", the importing source's.
	Names string `yaml:"names"`
	// Sep is what separates a module's parts, read as a folder's "/".
	Sep string `yaml:"sep"`
	// Relative is the prefix that makes a module relative to the
	// importing source's folder; each further one in a row goes one
	// folder up (Python's from .config, from ..config).
	Relative string `yaml:"relative"`
	// Files are the files a module may be, "{}" standing for the module
	// as a path ("{}.py", "{}/__init__.py"). A relative module is read
	// in its folder; any other in the importing source's folder or one
	// above it, and only when exactly one such file is in the build
	// context (but see PathModules).
	Files []string `yaml:"files"`
	// PathModules, when true, reads a module as a path: one that starts
	// with "./" or "../" is relative to the importing source's folder and
	// is the first of Files there that is a source (Node.js's order:
	// the file as named, then with an ending, then a folder's index);
	// any other module is a package, whose names nothing binds.
	PathModules bool `yaml:"path_modules"`
	// Exported are regexps over a module, {name} standing for a name: a
	// module binds a name for an import only when one matches (export
	// const NAME, module.exports = { NAME }); one without {name} matches
	// for every name (export * from). Empty: every name the module
	// binds at its top level is importable (Python).
	Exported []string `yaml:"exported"`
	// Folder, when true, binds in each source the names that the other
	// sources of its folder bind (a Go package is its folder's files),
	// from the source's start, when exactly one of them binds the name.
	Folder bool `yaml:"folder"`
	// Scope is a regexp over a line that opens a scope of its own by
	// indentation (Python's def and class): a statement indented under
	// such a line binds only until its block ends, the first later line
	// not blank and indented no deeper than it. Other blocks (try:, if)
	// scope nothing.
	Scope string `yaml:"scope"`
	// Submodules, when true, reads a name a statement imports from a
	// module as a module itself when one of Files is there for it and
	// the module's own source does not spell the name (Python's from
	// app import config, then config.NAME).
	Submodules bool `yaml:"submodules"`
}

// SourceAliases are the import statements that give a module, or one
// of its members, a name in the importing source (WriteSources.Aliases).
type SourceAliases struct {
	// Statements are regexps over a source matching an import statement:
	// group "names", the names it imports (each a Names match), and,
	// where the names are a module's members (from MODULE import NAME),
	// group "module".
	Statements []string `yaml:"statements"`
	// Modules is a regexp over a statement's group "modules", when that
	// group took part, matching one module imported whole: its groups
	// "module" and "prefix" bind it as a statement's own would (Python's
	// import os, app.config as cfg lists several).
	Modules string `yaml:"modules"`
	// Names is a regexp over a statement's group "names" matching one
	// name imported: group "name", the module's or member's name as
	// written, and group "alias", the name the source uses for it when
	// that is another (as NAME). A module's alias is read where a dot
	// follows it (sq.connect); a member, aliased or not, where a call's
	// parenthesis does (c("x.db") as sqlite3.connect("x.db")), so that a
	// constant imported from a module (from config import DATA_DIR) is
	// left to Imports.
	Names string `yaml:"names"`
}

// BindingGroup is a declaration that binds several names.
type BindingGroup struct {
	// Decl is a regexp over a source matching the whole declaration,
	// with a group "body" that holds its bindings.
	Decl string `yaml:"decl"`
	// Patterns are regexps over the body, each matching one binding,
	// with groups as PathBindings.Patterns.
	Patterns []string `yaml:"patterns"`
}

// Programs is the evidence of programs the app runs: calls in its
// sources that start a program (exec.Command, child_process.spawn,
// subprocess.run).
type Programs struct {
	Ext         []string `yaml:"ext"`          // file endings of the sources
	Skip        []string `yaml:"skip"`         // globs on path elements not read
	SkipHolding []string `yaml:"skip_holding"` // files that mark a folder as not the program's
	// In, when set, is a regexp a source must match for its calls to
	// count: it imports the module the calls belong to ("os/exec").
	In string `yaml:"in"`
	// Calls are regexps over a source: a match's group "prog" is the
	// program written as a literal (its first word is the program), its
	// group "expr" the expression that names the program when it is no
	// literal (exec.Command(task.Command)).
	Calls []string `yaml:"calls"`
	// Own are expressions that name the running interpreter itself
	// (sys.executable, process.execPath): not another program.
	Own []string `yaml:"own"`
	// Libraries are calls of libraries that run a program themselves
	// (github.com/Masterminds/vcs runs git): a match counts as the
	// sources running those programs, whatever In says.
	Libraries []ProgramLib `yaml:"libraries"`
	// Needs are calls that need tools of the runtime inside the program
	// itself, not as a program it starts: the JDK's compiler API
	// (javax.tools, which jte's TemplateEngine.create uses) is there only
	// where javac is (review 8, finding B). The runtime must have the
	// tools; a match counts whatever In says.
	Needs []ProgramNeed `yaml:"needs"`
	// Bindings resolve a call whose expression is a plain name bound to
	// a literal before it (const cmd = `ffmpeg -i ...`; exec(cmd)): the
	// call runs the literal's program, as when it is written inline.
	Bindings *ProgramBindings `yaml:"bindings"`
	// RootNeeds are programs that work only when run as root (chroot,
	// su): a command, its script or a source that runs one keeps the
	// original's root user (review 21, finding E).
	RootNeeds []RootNeed `yaml:"root_needs"`
	// CommandStrings is a regexp over a source whose group "prog" is the
	// first word of a string literal (a command string built to be run
	// later: 'chroot --userspec=nobody / gp %s'); it counts only for a
	// RootNeeds program, in a source that matches CommandStringsIn (one
	// that runs command strings).
	CommandStrings   string `yaml:"command_strings"`
	CommandStringsIn string `yaml:"command_strings_in"`
	// RootDaemons are daemons that run as root (cron): a start command
	// or start script that starts one keeps the original's root, and
	// what the build wrote for it is carried (review 29, finding B).
	RootDaemons []RootDaemon `yaml:"root_daemons"`
	// DaemonStarters are programs that start the daemon their first
	// word that is no option names (service cron start): that daemon
	// counts as run. An init script run by its path
	// (/etc/init.d/cron start) is the daemon's own name.
	DaemonStarters []string `yaml:"daemon_starters"`
}

// RootDaemon is a daemon that runs as root.
type RootDaemon struct {
	// Names are the daemon as it is run and as a service (cron, crond).
	Names []string `yaml:"names"`
	// Why says what it needs that only root has, for the note.
	Why string `yaml:"why"`
	// Prepared, when set, is why a file whose install goes into the
	// environment restage makes (build[].prepare) is declined: the
	// daemon's jobs would not see it. {env} is that environment.
	Prepared string `yaml:"prepared"`
	// State is what a build step writes for the daemon to read at run
	// time outside the app folder (crontab FILE).
	State []DaemonState `yaml:"state"`
}

// DaemonState is a folder a build step's program writes for a daemon.
type DaemonState struct {
	// Run is the program of a RUN that writes it (crontab).
	Run string `yaml:"run"`
	// Folder is where it writes, copied to the runtime.
	Folder string `yaml:"folder"`
	// Libc limits the entry to builders of that C library (glibc,
	// musl), whose images keep the folder in different places.
	Libc string `yaml:"libc"`
	// What says what is in it, for the note.
	What string `yaml:"what"`
}

// RootNeed is a set of programs that need root to do their work.
type RootNeed struct {
	Programs []string `yaml:"programs"`
	// Why says what they need that only root has, for the note.
	Why string `yaml:"why"`
}

// ProgramBindings says how a source binds a name to a literal for good.
type ProgramBindings struct {
	// Patterns are regexps over a source, each with a group "name", the
	// name bound, and a group "prog", the literal (its first word is the
	// program). A pattern with a group "env" binds the name to that
	// environment variable's value, "prog" being then the literal used
	// when the variable is unset (optional). The nearest binding before
	// the call counts.
	Patterns []string `yaml:"patterns"`
	// Block is the two characters that open and close a block ("{}"):
	// a binding counts only when no block it is in closes before the
	// call.
	Block string `yaml:"block"`
	// Shadow is a regexp over the text between the binding and the call,
	// {name} standing for the name: a match (another declaration of the
	// name, a parameter of that name) may bind the name anew, so the
	// call is left unresolved.
	Shadow string `yaml:"shadow"`
}

// ProgramNeed is a call of the sources that needs tools of the runtime
// in the program's own process.
type ProgramNeed struct {
	In    string   `yaml:"in"`    // a regexp a source must match: it imports the library
	Call  string   `yaml:"call"`  // a regexp over the source: the call
	Tools []string `yaml:"tools"` // what the runtime must have (its tools)
	Why   string   `yaml:"why"`   // what the call does with them, for the note
}

// ProgramLib is a library call that runs programs of the image.
type ProgramLib struct {
	In       string   `yaml:"in"`       // a regexp a source must match: it imports the library
	Call     string   `yaml:"call"`     // a regexp over the source: the call
	Programs []string `yaml:"programs"` // the programs the call runs
}

// Signal is a pattern over instruction text and what it means.
type Signal struct {
	Pattern string `yaml:"pattern"`
	Why     string `yaml:"why"`
	// Means marks a needs_libc sign that is only the means to link the
	// C library (a C toolchain installed), not proof that the program
	// does: it does not count when static.pure shows the sources cannot,
	// or static.means_unused that the build uses it for nothing.
	Means bool `yaml:"means"`
	// Defer marks a sign that says little of why (a C library's
	// development package installed): when every sign kept is one, a
	// dependency the build context names (libc_deps) is given first as
	// the reason.
	Defer bool `yaml:"defer"`
}

// Runtime is one image the final stage may start from.
type Runtime struct {
	Flavor string   `yaml:"flavor"`
	Libc   string   `yaml:"libc"` // none, glibc or musl
	Image  string   `yaml:"image"`
	Shell  bool     `yaml:"shell"`
	Tools  []string `yaml:"tools"`
	Users  []string `yaml:"users"`
	// User is written as USER when the image does not already run as a
	// non-root user.
	User string `yaml:"user"`
	// ImageUser means the image already runs as User, so no USER line is
	// needed when the input had none.
	ImageUser bool     `yaml:"image_user"`
	Env       []string `yaml:"env"`
	// Entrypoint is the image's own ENTRYPOINT when it is an interpreter:
	// a CMD then holds the script, never the interpreter.
	Entrypoint []string `yaml:"entrypoint"`
	// EntrypointShell is the shell of the image's own ENTRYPOINT script,
	// as the builder's entrypoint_shell: a runtime without it cannot start
	// a CMD script that only that entrypoint could run.
	EntrypointShell string `yaml:"entrypoint_shell"`
	// When holds regexps that template values must match for this
	// runtime to be used (major: '^(22|24|26)$').
	When   Dict[string] `yaml:"when"`
	Copy   []string     `yaml:"copy"`
	SizeMB float64      `yaml:"size_mb"`
	Why    string       `yaml:"why"`
	// Install is the image's RUN line that installs system packages,
	// with {{.}} for their names: how a tool the original image had (the
	// curl a HEALTHCHECK runs) gets into this runtime. Empty: the image
	// cannot install any (no shell, no package manager).
	Install string `yaml:"install"`
	// Installs are the programs Install can add, each from the package
	// of its name (curl, wget): a program not listed is never guessed
	// to be a package.
	Installs []string `yaml:"installs"`
	// InstallsWith are packages Install adds beside programs of
	// Installs that need them to work as they did in the builder, and
	// that the line leaves out (ca-certificates for Debian's curl, wget
	// and git, which only recommend it, under --no-install-recommends).
	// A package the image has (Packages) or the stage installs anyway is
	// not added.
	InstallsWith []InstallWith `yaml:"installs_with"`
	// Base names the programs of the image's base system (Debian's
	// essential packages, busybox's applets on alpine): the image has
	// them as it has Tools, and the notes name them as one group.
	Base *BaseSystem `yaml:"base"`
	// VM is the virtual machine family the image runs (one of vms), and
	// VMOptions a regexp that each -X option it knows matches.
	VM        string `yaml:"vm"`
	VMOptions string `yaml:"vm_options"`
	// Packages are system packages the image has, by the names of the
	// package maps (tzdata, ca-certificates): a package a map calls
	// alongside, which the builder installs, is installed in a runtime
	// that does not list it, even when no other package is.
	Packages []string `yaml:"packages"`
	// Release says which system release the image is on, so that a
	// runtime that installs packages the builder installed on another
	// release gets a warning (RS368): their names or versions may differ
	// there (issue 8, left: Debian release drift).
	Release *RuntimeRelease `yaml:"release"`
}

// RuntimeRelease is the system release a runtime image is on, in the
// terms of a builder variant's template value: Value names that value
// (release, which the tag or the variant fills: bullseye), Image is a
// template over the values that gives the image's own release (noble,
// or {{.release}} for an image that follows the builder's), and What
// names the image's release for people (Ubuntu 24.04, noble).
type RuntimeRelease struct {
	Value string `yaml:"value"`
	Image string `yaml:"image"`
	What  string `yaml:"what"`
}

// InstallWith says which packages a runtime's install line adds beside
// some of the programs it installs, and why (for the note).
type InstallWith struct {
	Programs []string `yaml:"programs"` // programs of Installs
	Packages []string `yaml:"packages"` // packages added with any of them
	Why      string   `yaml:"why"`
}

// BaseSystem is what a runtime image's base system gives: What names it
// for people ("Debian's essential programs: coreutils, ..."), Programs
// lists the programs by name.
type BaseSystem struct {
	What     string   `yaml:"what"`
	Programs []string `yaml:"programs"`
}

// Sizes are the figures behind the size estimate.
type Sizes struct {
	Builder []struct {
		Tag string  `yaml:"tag"`
		MB  float64 `yaml:"mb"`
	} `yaml:"builder"`
	ArtifactMB float64 `yaml:"artifact_mb"`
}

// RunFiles says how to tell, from the application's sources, which of the
// files a COPY brought into the builder the program reads at run time.
// Evidence, not names: a string literal of a source that names a path a
// COPY wrote, or a call known to read a file.
type RunFiles struct {
	// Sources are the files read for evidence: endings and globs on path
	// elements (folders and files) that are not the app's (vendor, tests).
	Sources SourceSet `yaml:"sources"`
	// Literal is a regexp over a source; each match whose capturing group
	// matched is a string literal, the group's text its value. Its other
	// alternatives (comments, character literals) only keep the scan in
	// step and give nothing.
	Literal string `yaml:"literal"`
	// Embed is a regexp whose first group lists, space-separated, patterns
	// of files compiled into the program (//go:embed): relative to the
	// source's folder, they need no copy.
	Embed string `yaml:"embed"`
	// ExampleSuffixes are endings of a file's example beside it
	// (messages.json.example): a literal naming a file the build context
	// lacks, with such an example beside it or listed by name in
	// .gitignore, names a file the deployer makes before the build,
	// copied in the wildcard form (RS126; review 19, finding E).
	ExampleSuffixes []string `yaml:"example_suffixes"`
	// OutputFlags are options whose value is a file the command writes
	// (openssl's -out, -keyout): a literal naming a file the context
	// lacks that a RUN of the builder gives so, or a script of the
	// context it runs does, is copied from the builder (review 19,
	// finding A).
	OutputFlags []string `yaml:"output_flags"`
	// Reads are calls known to read a file the code need not name.
	Reads []FileRead `yaml:"reads"`
	// UnnamedReads are regexps over a source matching a call that reads
	// a file by a path that is no literal (os.ReadFile(path)): group
	// "expr" is the expression. Such a call may read a file left out,
	// unless the expression is a name Bindings bind to a literal.
	UnnamedReads []string `yaml:"unnamed_reads"`
	// Bindings bind a name to literal paths for good (Go's
	// const logFile = "locations.csv"): an unnamed read by such a name
	// reads the literal, which names the file, and Reads' Named calls
	// read it (review 10, finding B).
	Bindings *PathBindings `yaml:"bindings"`
	// UnnamedFolder tells the folder an unnamed read's path stays in,
	// when the expression is a name bound to a join of a literal folder
	// and names from literal lists (review 7, finding D).
	UnnamedFolder *UnnamedFolder `yaml:"unnamed_folder"`
	// WorkdirJoins finds literals appended to the working folder
	// (wd, _ := os.Getwd(); wd + "/config.yaml"): their leading / is the
	// separator, and they name files of the working folder, not of the
	// image's root (review 13, finding D).
	WorkdirJoins *WorkdirJoins `yaml:"workdir_joins"`
	// ConfigValues are the app's own configuration files (Spring's
	// application.yml, packed into the jar): a value that names a file or
	// folder relative to the working folder is read like a literal of the
	// sources.
	ConfigValues []ConfigValues `yaml:"config_values"`
	// BuildInputs are globs on path elements of what only the build or
	// the repository uses (sources, module files, vendor, tests, VCS
	// data): never copied, and a folder holding only these is not a
	// run-time file either.
	BuildInputs []string `yaml:"build_inputs"`
	// BuildInputsRead are build inputs that a program reads at run time
	// when one of its sources matches In (a .proto file that a program
	// importing a Protocol Buffers parser parses, review 14, finding D):
	// for such a program, the names Names matches are no build inputs.
	BuildInputsRead []BuildInputsRead `yaml:"build_inputs_read"`
}

// BuildInputsRead is a sign in a source (In, a regexp) that the program
// reads the build inputs Names (globs) matches at run time.
type BuildInputsRead struct {
	In    string   `yaml:"in"`
	Names []string `yaml:"names"`
}

// ScriptDecline is a regexp over a script file a runner hands to an
// interpreter, and why a match declines.
type ScriptDecline struct {
	Match string `yaml:"match"`
	Why   string `yaml:"why"`
}

// WorkdirJoins are the run_files patterns of a path built from the
// working folder and a literal.
type WorkdirJoins struct {
	// Dir is a regexp over a source with a group "name": a name bound to
	// the working folder (wd, err := os.Getwd()).
	Dir string `yaml:"dir"`
	// Joins are regexps over a source in which NAME stands for such a
	// name, with a group "value" (a literal, without quotes) or "const"
	// (a name the run_files bindings bind to one): what is appended.
	Joins []string `yaml:"joins"`
	// Why says so in the note, {value} standing for the literal.
	Why string `yaml:"why"`
	// Funcs is a regexp over a source with groups "name" and "body": a
	// function with no parameters; one whose every return (Returns, a
	// regexp with a group "expr") gives a name Dir binds in its body
	// returns the working folder (utils.TakeCurrentDirectory).
	Funcs   string `yaml:"funcs"`
	Returns string `yaml:"returns"`
	// Calls are regexps over any source of the app with a group "func",
	// the function called, and "value" or "const" as in Joins: a call of
	// such a function joined to a literal; CallWhy says so, {call} the
	// call as written.
	Calls   []string `yaml:"calls"`
	CallWhy string   `yaml:"call_why"`
}

// LocalTime says how a RUN makes a zone the system's local time zone
// (/etc/localtime, /etc/timezone), which the program reads when Env is
// unset, and how the runtime, whose own files say UTC, keeps it: Env set
// to the zone, which the program reads first.
type LocalTime struct {
	// Env is the variable that names the zone for the program (TZ): an
	// ENV of it in the file overrides the system's files, and nothing is
	// done.
	Env string `yaml:"env"`
	// Sets are regexps over a RUN's text, each with a group "zone", the
	// zone the RUN makes the local one (ln -s /usr/share/zoneinfo/ZONE
	// /etc/localtime, echo ZONE > /etc/timezone); the first that matches
	// in the last RUN that any matches gives the zone. A $VAR in it is
	// read from an assignment in that RUN, else the stage's ARG and ENV.
	Sets []string `yaml:"sets"`
	// Data are packages that hold the zone files Env names (tzdata): the
	// runtime must have one (runtimes[].packages) or install it. Empty:
	// the interpreter carries its own zone data.
	Data []string `yaml:"data"`
	// Why says what reads the local time zone, for the note.
	Why string `yaml:"why"`
	// ZoneFiles says where the zone files a set names come from in the
	// builder (review 6, finding E): without them the zone never took
	// effect there, and nothing is kept.
	ZoneFiles *ZoneFiles `yaml:"zone_files"`
}

// ZoneFiles are the packages that hold the system's zone files and how
// a RUN uses them.
type ZoneFiles struct {
	// Packages hold the zone files (tzdata): the builder has them unless
	// its variant lacks them, or an install of the file gives one; a
	// remove takes it away.
	Packages []string `yaml:"packages"`
	// Links are regexps over a RUN's text that find a set made by a
	// symbolic link (ln -s ZONEFILE /etc/localtime): it resolves when the
	// program runs, so the zone file must be there at the end of the
	// build; any other set (a copy) needs it when the RUN runs.
	Links []string `yaml:"links"`
	// Reads are regexps over a RUN's text that find a set reading the
	// zone file from the packages (cp or ln of /usr/share/zoneinfo/ZONE):
	// only such a set, or a link, needs them. Others (setup-timezone,
	// which fetches the zone itself; a name echoed into /etc/timezone)
	// are taken as before.
	Reads []string `yaml:"reads"`
}

// ConfigValues are configuration files whose values may name run-time
// files.
type ConfigValues struct {
	// Files are globs on a path's last elements
	// (src/main/resources/application*.yml: in any module).
	Files []string `yaml:"files"`
	// Value is a regexp over such a file; each match's group "value" is
	// one value.
	Value string `yaml:"value"`
}

// ConfigPaths are configuration files whose values may be folders the
// program writes under.
type ConfigPaths struct {
	// Files are globs on a path's last elements (config/*.yml).
	Files []string `yaml:"files"`
	// Value is a regexp over such a file; each match's group "key" is the
	// key and group "value" its value.
	Value string `yaml:"value"`
	// Nested "indent": keys nest by indentation (YAML), so a value's key
	// is the dotted path of the keys above its line (static.path).
	Nested string `yaml:"nested"`
	// Used is a regexp over a source, {key} standing for the key quoted:
	// a match means the source reads the key's value ("data_dir",
	// ${static.path}).
	Used string `yaml:"used"`
	// UsedPrefix is a regexp over a source, {prefix} standing for a
	// dotted prefix of the key quoted (app.storage of app.storage.location):
	// a match means the source binds every key under that prefix, and so
	// reads the key (Spring's @ConfigurationProperties(prefix = "app.storage"),
	// which binds the keys to fields by their names).
	UsedPrefix string `yaml:"used_prefix"`
}

// ConfigWrites is a configuration file's settings whose values are
// writes: a file or folder the framework makes when the program starts.
type ConfigWrites struct {
	// Files are globs on a path's last elements, as ConfigPaths'.
	Files []string `yaml:"files"`
	// Value is a regexp over such a file; each match's group "key" is the
	// key and group "value" its value.
	Value string `yaml:"value"`
	// Nested "indent": keys nest by indentation (YAML), as ConfigPaths'.
	Nested string `yaml:"nested"`
	// Keys are regexps on a whole dotted key: only their values count.
	Keys []string `yaml:"keys"`
	// Shapes are regexps on a value: the first that matches names what
	// is written, its group "path" (~/ for the home folder, a relative
	// path from the working folder, or an absolute one); a value no
	// shape matches (a server's URL) writes nothing.
	Shapes []string `yaml:"shapes"`
	// What says what is written there, for the note.
	What string `yaml:"what"`
}

// SourceSet names the source files of an application.
type SourceSet struct {
	Ext  []string `yaml:"ext"`
	Skip []string `yaml:"skip"`
}

// FileRead is a call that reads files relative to the working folder.
type FileRead struct {
	// Call is a regexp over a source; each capturing group that matched
	// names one more file.
	Call string `yaml:"call"`
	// Named is a regexp over a source matching the same call with its
	// path in a plain name (group "name"): the call reads the paths
	// RunFiles.Bindings bind that name to before it, as if written
	// inline, and nothing when there is none.
	Named string `yaml:"named"`
	// Files are read whenever Call matches.
	Files []string `yaml:"files"`
	// Why says what the call reads, for the note.
	Why string `yaml:"why"`
	// IfPresent means the files are read only when they exist (a
	// framework's conventional folders): one the build context lacks is
	// not copied on the chance that the builder has it.
	IfPresent bool `yaml:"if_present"`
	// Holding are globs on paths inside a folder Files names (each
	// element matched as path.Match does): such a folder is read only
	// when the build context has a file in it that one matches. Spring
	// Boot's config/ is its configuration only when it holds an
	// application*.yml at its top or one folder below (review 8, finding
	// E); a Gradle checkstyle config/ is no run-time file.
	Holding []string `yaml:"holding"`
	// Dirs is a regexp over the same source whose groups name the
	// folders searched, relative to the working folder: a file a group
	// of Call names is read in each (viper's AddConfigPath("."), review
	// 6, finding B). With no match, the call reads nothing.
	Dirs string `yaml:"dirs"`
	// Exts are endings of which the first file present is read (a name
	// without one): each NAME+ext is read when the context has it.
	Exts []string `yaml:"exts"`
	// Type is a regexp whose group names the ending the file is expected
	// with (viper's SetConfigType("yaml")): NAME.TYPE is read like a
	// named file (copied when the context lacks it only where a folder
	// copy would bring it, as a gitignored one: RS126).
	Type string `yaml:"type"`
}

// ReadFile is a file a known call reads, relative to the working folder,
// and whether it is read only when it exists.
type ReadFile struct {
	Name      string
	IfPresent bool
	// Holding: FileRead.Holding, for a name that is a folder.
	Holding []string
}

// UnnamedFolder reads, for an unnamed read whose expression is a plain
// name, the folder its path cannot leave. Each pattern has NAME where the
// name (quoted for a regexp) goes. The path is under the folder when the
// last assignment of the name before the read, with no Scope match
// between them, matches Bind (group dir: the literal folder, group rest:
// the other parts, split at commas), and each other part is a literal or
// a loop variable (Range, group list) over a literal list (List, group
// items) whose literals (Literal, group value) hold no ".." element.
type UnnamedFolder struct {
	Assign  string `yaml:"assign"`
	Bind    string `yaml:"bind"`
	Range   string `yaml:"range"`
	List    string `yaml:"list"`
	Literal string `yaml:"literal"`
	Scope   string `yaml:"scope"`
}

// RootEvidence is one file that makes the image run as root: the first
// of Files found at the top of the build context (the Dockerfile's own
// folder, as the runner builds it) whose YAML document has, at every
// key of Keys, a string matching its pattern.
type RootEvidence struct {
	Files []string   `yaml:"files"`
	Keys  []KeyMatch `yaml:"keys"`
	// What finishes the note's sentence "FILE makes this Dockerfile ...":
	// what the file makes of the image and who runs it as root.
	What string `yaml:"what"`
	// Replaces are keys of the same document that make what runs the
	// image run something else than the file's own command (an action's
	// runs.entrypoint): the conversion cannot tell that the runtime has
	// it, so each key present warns.
	Replaces []KeyNote `yaml:"replaces"`
	// Args are keys of the same document whose values the runner passes
	// to the ENTRYPOINT as arguments (docker run IMAGE ARGS): a shell-form
	// ENTRYPOINT dropped them, the exec form restage writes does not.
	Args []string `yaml:"args"`
}

// KeyNote is a dotted key of a document and what its value does, for a
// note: "which the runner runs in place of the image's ENTRYPOINT".
type KeyNote struct {
	Key  string `yaml:"key"`
	What string `yaml:"what"`
}

// KeyMatch is a dotted key of a YAML or JSON document (runs.using) and a
// pattern its string value must match.
type KeyMatch struct {
	Key     string `yaml:"key"`
	Pattern string `yaml:"pattern"`
}

// Matches reports whether s matches the pattern of a checked preset.
func (k *KeyMatch) Matches(s string) bool { return re(k.Pattern).MatchString(s) }

// InitWrapper is an init program that runs the command after its options
// (dumb-init node app.js, tini -- node app.js).
type InitWrapper struct {
	// Program is the wrapper's name; a command may name it by a path
	// (/sbin/tini), whose last element is then this name.
	Program string `yaml:"program"`
	// Packages are the system packages that provide it: the wrapper is
	// read only when the file's own install gives one, which then
	// reaches the runtime as a run-time package, so the runtime has the
	// program.
	Packages []string `yaml:"packages"`
	// Flags are its options that take no value; ValueFlags those that
	// take the next word (or --name=value). Any other option (help,
	// version) means the wrapper may not run the command: the command
	// is left unread.
	Flags      []string `yaml:"flags"`
	ValueFlags []string `yaml:"value_flags"`
	// End is the word that ends its options ("--"), not part of the
	// command.
	End string `yaml:"end"`
}

// Modules is how the preset's programs load a module of the app by name.
type Modules struct {
	// Separator joins a module's parts (.): each becomes a folder.
	Separator string `yaml:"separator"`
	// Paths are where a module is, from the folder the command runs in,
	// {path} standing for its parts joined by /: a file ({path}.py) or,
	// ending in /, a package folder ({path}/).
	Paths []string `yaml:"paths"`
	// UnlessEnv are variables that add folders to where modules are
	// looked for (PYTHONPATH): set by the file, nothing is said.
	UnlessEnv []string `yaml:"unless_env"`
	// Builtin are the modules the interpreter has itself, by their first
	// part (its standard library; pip, which every image and environment
	// has).
	Builtin []string `yaml:"builtin"`
	// DependencyFiles are the project files, where an install runs, that
	// list the dependencies; DependencyMatch is a regexp over them with
	// {name} standing for the module's first part: a match says a
	// dependency of that name may provide the module. Same is a regexp
	// character class of the characters a dependency's name spells alike
	// ([-_.]), which each of them in the module's name stands for.
	DependencyFiles []string `yaml:"dependency_files"`
	DependencyMatch string   `yaml:"dependency_match"`
	// DependencyComments is a regexp over those files whose matches are
	// comments, read as blank before DependencyMatch.
	DependencyComments string `yaml:"dependency_comments"`
	Same               string `yaml:"same"`
	// DependencyFlags are an install's options whose value is one more
	// such file (pip install -r FILE).
	DependencyFlags []string `yaml:"dependency_flags"`
	// Loaders are the programs that load such a module.
	Loaders []ModuleLoader `yaml:"loaders"`
}

// ModuleLoader is a program that loads a module of the app.
type ModuleLoader struct {
	// Program is the program's name; with Flag and no Program, the
	// preset's interpreters.
	Program string `yaml:"program"`
	// Flag is the option whose value is the module (python -m).
	Flag string `yaml:"flag"`
	// Arg is a regexp over one of the program's words with a group
	// module: the word that names the module (server:app). Only a command
	// with exactly one such word is read.
	Arg string `yaml:"arg"`
	// UnlessFlags are the program's options that name other folders to
	// look in (uvicorn --app-dir), UnlessFiles files of the folder it
	// runs in that may (gunicorn.conf.py): with one, nothing is said.
	UnlessFlags []string `yaml:"unless_flags"`
	UnlessFiles []string `yaml:"unless_files"`
}

// InstallScripts are the keys of a JSON manifest, in the folder where a
// dependency install runs, whose scripts the install runs.
type InstallScripts struct {
	Manifest string   `yaml:"manifest"`
	Keys     []string `yaml:"keys"`
}

// CommandOptions are the options that may follow the words After of a
// command before its next word: Flags take no value, ValueFlags the next
// word (or `--name=value`). An option not listed ends the set-aside, so
// that a command with an option that changes what it does matches no
// build step rather than being guessed at.
type CommandOptions struct {
	After      string   `yaml:"after"`
	Flags      []string `yaml:"flags"`
	ValueFlags []string `yaml:"value_flags"`
	// Moved are options taking a value (the next word or `--name=value`)
	// that the program reads wherever they stand on its line, not set
	// aside but read as if written right after the next word, the
	// subcommand, where the build steps and runners read them: poetry's
	// global -C DIR, which makes `poetry -C DIR install` poetry install
	// run for the project in DIR.
	Moved []string `yaml:"moved"`
	// MovedFlags are options without a value read the same way: poetry's
	// global -n and -q, which make `poetry -n install` its install.
	MovedFlags []string `yaml:"moved_flags"`
}

// RunBuild is a command that builds a program and runs it (`go run FILES
// ARGS`), and the build step that makes the same program without running
// it (`go build -o NAME FILES`).
type RunBuild struct {
	// Command is the command's words before its flags (go run).
	Command string `yaml:"command"`
	// Build is the build step's command (go build), OutputFlag its flag
	// naming the program it writes (-o), Name the program's name when the
	// command names a package, not files.
	Build      string `yaml:"build"`
	OutputFlag string `yaml:"output_flag"`
	Name       string `yaml:"name"`
	// ValueFlags are the command's flags that take the next word as their
	// value; its other flags take none. Refuse are flags the build step
	// cannot carry (go run -exec runs the program through another one).
	ValueFlags []string `yaml:"value_flags"`
	Refuse     []string `yaml:"refuse"`
	// FileExt marks the words that name files (.go): the first argument
	// with it begins the list of files, which ends at the first without;
	// otherwise the first argument is the package. The words after the
	// files or package go to the program.
	FileExt string `yaml:"file_ext"`
	// Remote marks a package argument that the command fetches rather than
	// builds from the build's tree (@ of example.com/x@v1).
	Remote string `yaml:"remote"`
}

// Executable lists the ways a build makes a runner's artifact startable
// by Run, any one of which is enough, and why the artifact cannot start
// otherwise and what to change ({file} stands for the project file the
// build reads, pom.xml).
type Executable struct {
	Any []ExecutableWay `yaml:"any"`
	Why string          `yaml:"why"`
}

// ExecutableWay is one way: all its parts hold. Args: the collecting build
// step ran one of these words (spring-boot:repackage; a task path's last
// part, :app:bootJar's bootJar, when the step has a task separator).
// Project: elements of the project file the build step reads (the one its
// output names), each found at least once with all the values it lists.
type ExecutableWay struct {
	Args    []string         `yaml:"args"`
	Project []ProjectElement `yaml:"project"`
}

// ProjectElement is an element of an XML project file by its path from
// the root (project/build/plugins/plugin) and the text of elements below
// it, by their paths from it (artifactId, executions/execution/goals/goal),
// that one such element holds: an element path given more than once below
// it (two goals) holds a value when any of them has it.
type ProjectElement struct {
	Element string       `yaml:"element"`
	Has     Dict[string] `yaml:"has"`
}

// ProjectClasses is where a build writes the project's classes, relative
// to its project file's folder, unless an Unsure element is present; a
// class path of that folder or of the output file holds none of the
// dependencies: each Deps element (by its path from the root) whose Scope
// child is absent or not one of Off is one it lacks, named by its Name
// child.
type ProjectClasses struct {
	Dir    string   `yaml:"dir"`
	Unsure []string `yaml:"unsure"`
	Deps   string   `yaml:"deps"`
	Name   string   `yaml:"name"`
	Scope  string   `yaml:"scope"`
	Off    []string `yaml:"off"`
	// DepsWhy says where the dependencies are instead, and what to do.
	DepsWhy string `yaml:"deps_why"`
	// Project names the project file of a build that writes the classes
	// but no output file (mvn compile, mvn test): without the entry's
	// Output, only Dir counts as written.
	Project *OutputNames `yaml:"project"`
}
