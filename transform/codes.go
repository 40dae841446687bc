package transform

// Every note and every decline carries a stable code, so that scripts,
// editors and review bots can match on what happened rather than on
// wording that changes between versions. A code never changes meaning
// once published: a new meaning gets a new code, and a code that is no
// longer produced stays in the table, marked retired in its title.
//
// The ranges:
//
//	RS1xx  info: what was changed in the file, and why
//	RS2xx  decline: why the file is left unchanged
//	RS3xx  warning: something the result may get wrong at run time
//	RS9xx  internal: a bug in restage; the file is left unchanged
//
// RS250-RS299 are declines whose reason is written in a preset (a decline
// rule, a decline variant, a decline_args entry, an interpreter_request,
// a disk_embeds entry, a runner's executable, a build's project_classes):
// the code says which
// kind of preset rule fired, the reason text comes from the YAML. That
// keeps the preset schema free of codes. RS253, RS254, RS255, RS256,
// RS257, RS258, RS260, RS265, RS291, RS294, RS296, RS297, RS298 and RS299 are exceptions: engine
// declines (declShellOptionsVar, declCollectUser, declCdMissing,
// declDistUnpackUntied, declComposeHidesProgram, declInterpOutsideEnv,
// declDaemonNeeds, declLoginShellPath, declComposeRunner, declBuildAtStart,
// declProgramDownloaded, declNotJSON, declScriptNoShebang, declComposeNeeds)
// whose numbers were assigned there.

// Code is a stable identifier of a note or a decline, such as "RS301".
type Code string

// CodeKind is what a code reports.
type CodeKind string

const (
	KindInfo     CodeKind = "info"     // RS1xx: a note at level info
	KindDecline  CodeKind = "decline"  // RS2xx: Result.Declined
	KindWarning  CodeKind = "warning"  // RS3xx: a note at level warning
	KindInternal CodeKind = "internal" // RS9xx: Result.Declined, caused by a bug
)

// CodeInfo describes one code: its kind, a short title and one sentence
// on what it means.
type CodeInfo struct {
	Code  Code     `json:"code"`
	Kind  CodeKind `json:"kind"`
	Title string   `json:"title"`
	Help  string   `json:"help"`
}

// The identifiers are the engine's names for the codes; only the values
// are published.
const (
	infoOverridden          Code = "RS101"
	infoCmdIgnored          Code = "RS102"
	infoProgramFromCmd      Code = "RS103"
	infoRunnerKept          Code = "RS104"
	infoRunBuilt            Code = "RS105"
	infoRunnerResolved      Code = "RS106"
	infoRunnerStripped      Code = "RS107"
	infoExecForm            Code = "RS108"
	infoOptionsEnv          Code = "RS109"
	infoNoContext           Code = "RS110"
	infoVenvAdded           Code = "RS111"
	infoPruneAdded          Code = "RS112"
	infoOutputCollected     Code = "RS113"
	infoRuntimePackages     Code = "RS114"
	infoLibcKept            Code = "RS115"
	infoStaticEnv           Code = "RS116"
	infoFlavorFallback      Code = "RS117"
	infoFlavorHealth        Code = "RS118"
	infoNonRootUser         Code = "RS119"
	infoBuilderUser         Code = "RS120"
	infoVersionContext      Code = "RS121"
	infoLittleGained        Code = "RS122"
	infoBuiltScript         Code = "RS123"
	infoDevKept             Code = "RS124"
	infoRunFile             Code = "RS125"
	infoRunFileOptional     Code = "RS126"
	infoRunFilesLeft        Code = "RS127"
	infoRunFilesUnread      Code = "RS128"
	infoAppFromWorkdir      Code = "RS129"
	infoHealthcheckInstall  Code = "RS130"
	infoGlobalInstall       Code = "RS131"
	infoMovedOut            Code = "RS132"
	infoPathFolderCopied    Code = "RS133"
	infoVolumePrepared      Code = "RS134"
	infoRunnerDist          Code = "RS135"
	infoAppFromCopies       Code = "RS137"
	infoAppFromRootCopies   Code = "RS168"
	infoAppInstallOutputs   Code = "RS150"
	infoRootEntries         Code = "RS151"
	infoClassPath           Code = "RS138"
	infoClassPathWorkdir    Code = "RS139"
	infoShebangRun          Code = "RS140"
	infoGlobalSelf          Code = "RS141"
	infoMadeFolder          Code = "RS142"
	infoToolKept            Code = "RS143"
	infoLibcFree            Code = "RS144"
	infoAppIsWorkdir        Code = "RS147"
	infoBesideApp           Code = "RS148"
	infoRunBuildSplit       Code = "RS149"
	infoOutsideBuild        Code = "RS145"
	infoDaemonState         Code = "RS146"
	infoBuilderLibs         Code = "RS153"
	infoLocalTimeNever      Code = "RS154"
	infoRunnerRoot          Code = "RS155"
	infoRuntimeRegistry     Code = "RS156"
	infoRuntimeNeeds        Code = "RS157"
	infoInitWrapper         Code = "RS160"
	infoDistFolder          Code = "RS161"
	infoRecommendsKept      Code = "RS162"
	infoImageUser           Code = "RS163"
	infoEntrypointShell     Code = "RS164"
	infoDigestKept          Code = "RS165"
	infoAppPathKept         Code = "RS166"
	infoArgDropped          Code = "RS167"
	infoOptionDollar        Code = "RS169"
	infoRunnerBin           Code = "RS170"
	infoRunnerAssigns       Code = "RS171"
	infoFlavorCompose       Code = "RS172"
	infoScriptWrapper       Code = "RS173"
	infoProgramRuntime      Code = "RS174"
	infoProgramInstall      Code = "RS175"
	infoToolLeft            Code = "RS176"
	infoScriptInstall       Code = "RS177"
	infoCmdJoined           Code = "RS178"
	infoScriptBeside        Code = "RS179"
	infoVMKept              Code = "RS180"
	infoPruneUnsupported    Code = "RS181"
	infoWriteFolderMade     Code = "RS182"
	infoHomeDepCopied       Code = "RS183"
	infoGroupZeroKept       Code = "RS185"
	infoFetchToolLeft       Code = "RS186"
	infoBuildOnlyRun        Code = "RS187"
	infoLibcMeansUnused     Code = "RS188"
	infoLockfileUnread      Code = "RS189"
	infoAlongsideInstalled  Code = "RS190"
	infoLocalTimeEnv        Code = "RS191"
	infoDevKeptUnread       Code = "RS192"
	infoNativeToolKept      Code = "RS193"
	infoInstalledWith       Code = "RS194"
	infoArgFollowed         Code = "RS195"
	infoToolchainIdle       Code = "RS196"
	infoWorkspaceRoot       Code = "RS199"
	declRunnerDist          Code = "RS200"
	declNoFrom              Code = "RS201"
	declMultiStage          Code = "RS202"
	declOnbuild             Code = "RS203"
	declScratch             Code = "RS204"
	declUnknownPreset       Code = "RS205"
	declImageNotBuilder     Code = "RS206"
	declNoPreset            Code = "RS207"
	declWorkdirUnknown      Code = "RS208"
	declInstallUser         Code = "RS209"
	declFolderUnknown       Code = "RS210"
	declAppInRoot           Code = "RS211"
	declOutputUnknown       Code = "RS212"
	declTargetUnknown       Code = "RS213"
	declNoCommand           Code = "RS214"
	declRunsNothing         Code = "RS215"
	declCommandUnclear      Code = "RS216"
	declRunTimeProgram      Code = "RS217"
	declNoScript            Code = "RS218"
	declNotBuilt            Code = "RS219"
	declFileUnknown         Code = "RS220"
	declGlobNoFile          Code = "RS221"
	declFileTypeMismatch    Code = "RS222"
	declNoInstall           Code = "RS223"
	declFromSource          Code = "RS224"
	declNoScriptDefined     Code = "RS225"
	declRunnerStuck         Code = "RS226"
	declEnvModifier         Code = "RS227"
	declPrebuilt            Code = "RS228"
	declNoSuchRuntime       Code = "RS229"
	declRuntimeCannotRun    Code = "RS230"
	declNoRuntime           Code = "RS231"
	declShellUnreadable     Code = "RS232"
	declEnvUnreachable      Code = "RS233"
	declShellString         Code = "RS234"
	declHealthcheckTools    Code = "RS235"
	declScriptUnread        Code = "RS236"
	declMovedUnclear        Code = "RS237"
	declGlobalSelfUnread    Code = "RS238"
	declSecretArg           Code = "RS239"
	declProgramOffPath      Code = "RS240"
	declDistName            Code = "RS241"
	declCommandWordsJoined  Code = "RS242"
	declComposeCmdUnused    Code = "RS243"
	declPathNotWritten      Code = "RS244"
	declWorkspaceUnknown    Code = "RS246"
	declRootEntryImage      Code = "RS247"
	declExecWordIsLine      Code = "RS248"
	declOpaqueBuild         Code = "RS249"
	declPresetImage         Code = "RS250"
	declPresetArg           Code = "RS251"
	declPresetCommand       Code = "RS252"
	declDiskEmbed           Code = "RS264"
	declNotExecutable       Code = "RS262"
	declClassPathDeps       Code = "RS263"
	declCollectUser         Code = "RS254"
	declCdMissing           Code = "RS255"
	declDistUnpackUntied    Code = "RS256"
	declComposeHidesProgram Code = "RS257"
	declInterpOutsideEnv    Code = "RS258"
	declDaemonNeeds         Code = "RS260"
	declShellOptionsVar     Code = "RS253"
	declVMOptions           Code = "RS284"
	declScriptOwnEnv        Code = "RS290"
	declComposeRunner       Code = "RS291"
	declInterpreterFetch    Code = "RS292"
	declOutputNotBuilt      Code = "RS293"
	declBuildAtStart        Code = "RS294"
	declCommandOption       Code = "RS295"
	declProgramDownloaded   Code = "RS296"
	declNotJSON             Code = "RS297"
	declScriptNoShebang     Code = "RS298"
	declComposeNeeds        Code = "RS299"
	declLoginShellPath      Code = "RS265"
	warnOptionsEnvSet       Code = "RS301"
	warnFlatCopy            Code = "RS302"
	warnHealthcheckTools    Code = "RS303"
	warnRootReplaced        Code = "RS304"
	warnUserMissing         Code = "RS305"
	warnPrivilegedPort      Code = "RS306"
	warnFloatingTag         Code = "RS307"
	warnOptionsVarUnread    Code = "RS308"
	warnSourceRunDiffers    Code = "RS309"
	warnContextArtifact     Code = "RS310"
	warnPathNotCopied       Code = "RS311"
	warnToolShipped         Code = "RS312"
	warnRunFilesUnknown     Code = "RS313"
	warnRootKept            Code = "RS314"
	warnKeepsRoot           Code = "RS315"
	warnRootProgram         Code = "RS346"
	warnKeepsRootUnnamed    Code = "RS325"
	warnSecretEnv           Code = "RS316"
	warnPackagesRelease     Code = "RS317"
	warnUnreachedPackages   Code = "RS321"
	warnRuntimeRegistry     Code = "RS326"
	warnRunnerCommand       Code = "RS327"
	warnProgramFileLeft     Code = "RS328"
	warnBuilderLibMissing   Code = "RS329"
	warnSourceMissing       Code = "RS330"
	warnBindMountWritten    Code = "RS331"
	warnComposeLacked       Code = "RS332"
	warnExecGlob            Code = "RS333"
	warnPinNotCarried       Code = "RS334"
	warnWorkdirRootOnly     Code = "RS335"
	warnPackagesUnknown     Code = "RS336"
	warnVolumeFilled        Code = "RS337"
	warnRootHome            Code = "RS338"
	warnEntryMissing        Code = "RS340"
	warnProgramMissing      Code = "RS341"
	warnProgramUnnamed      Code = "RS342"
	warnReadUnnamed         Code = "RS343"
	warnVersionCaveat       Code = "RS344"
	warnVMChanged           Code = "RS345"
	warnComposeCmdOnly      Code = "RS348"
	warnRootDaemon          Code = "RS349"
	warnEnvComposeOnly      Code = "RS350"
	warnRootStartUnread     Code = "RS352"
	warnReplacedUserBound   Code = "RS355"
	warnDevUnmapped         Code = "RS358"
	warnAlongsideMissing    Code = "RS363"
	warnLocalTimeLost       Code = "RS364"
	warnHealthcheckLacked   Code = "RS366"
	warnProgramLacked       Code = "RS367"
	warnReleaseDrift        Code = "RS368"
	warnContextUnread       Code = "RS369"
	warnSocketRoot          Code = "RS372"
	warnArgNotFollowed      Code = "RS378"
	warnKubeMountWritten    Code = "RS379"
	internalRender          Code = "RS901"
	internalCheck           Code = "RS902"
)

// codes is the registry: the single source for docs/codes.md (checked by
// TestCodesDoc) and for the level of each note.
var codes = []CodeInfo{
	{infoOverridden, KindInfo, "overridden instruction left out", "A CMD, ENTRYPOINT or HEALTHCHECK that a later one of the same kind overrides is not carried to the runtime stage."},
	{infoCmdIgnored, KindInfo, "CMD ignored by a shell-form ENTRYPOINT", "A shell-form ENTRYPOINT never runs the CMD, so the CMD is not carried to the runtime stage."},
	{infoProgramFromCmd, KindInfo, "program name taken from the command", "The build step does not name its output, so the program's path is taken from CMD or ENTRYPOINT."},
	{infoRunnerKept, KindInfo, "runner kept in the runtime", "The command starts through a runner (such as npm start) that cannot be replaced, so the runtime keeps that tool."},
	{infoRunBuilt, KindInfo, "run the built file instead of the source", "A command that runs from source (such as mvn spring-boot:run) is replaced by running the file the build makes."},
	{infoRunnerResolved, KindInfo, "runner replaced by its script", "A runner command (such as npm start) is replaced by the plain command its script runs."},
	{infoRunnerStripped, KindInfo, "environment runner left out", "A runner such as poetry run is dropped from the command because the runtime has the environment on PATH."},
	{infoExecForm, KindInfo, "shell form becomes exec form", "A shell-form CMD or ENTRYPOINT is written in exec form so that signals reach the program directly."},
	{infoOptionsEnv, KindInfo, "interpreter options moved to a variable", "Interpreter options from the command (such as $JAVA_OPTS) go to the variable the runtime's interpreter reads itself."},
	{infoNoContext, KindInfo, "build context not available (retired)", "Retired, no longer produced: without the build context, restage did not look for the run-time files that a COPY of the whole context brings in."},
	{infoVenvAdded, KindInfo, "virtual environment added", "A virtual environment is made before the install so that the runtime can copy it whole."},
	{infoPruneAdded, KindInfo, "dev dependencies pruned", "A prune step is added after the build so that the runtime gets production dependencies only."},
	{infoOutputCollected, KindInfo, "build output collected into one file", "The build's output is copied to one known path in the builder so that the runtime copies one file."},
	{infoRuntimePackages, KindInfo, "run-time system packages installed", "The runtime installs the system packages the app needs at run time; build-only packages stay in the builder."},
	{infoLibcKept, KindInfo, "C library kept", "The program links a C library, so the runtime is one that ships the same C library."},
	{infoStaticEnv, KindInfo, "static build", "A variable (such as CGO_ENABLED=0) is set on the build so that the program needs no C library."},
	{infoFlavorFallback, KindInfo, "other runtime flavor chosen", "The preset's default runtime flavor cannot run the program, so another flavor is used."},
	{infoFlavorHealth, KindInfo, "runtime flavor chosen for HEALTHCHECK", "A runtime flavor that has the tools the HEALTHCHECK runs is chosen, so that the check works as in the original."},
	{infoNonRootUser, KindInfo, "runtime runs as non-root", "The original image ran as root by default; the runtime runs as the image's non-root user, which owns the app folder (COPY --chown, and the folder made by that user; the note names the copy that holds it when the runtime copies a wider folder whole, such as a workspace root) so that the program can write there as the original could; when the sources write by a path they do not spell out (a variable, a setting), the note names the first such call, since where it writes cannot be told and outside the app folder only the original's root could write anywhere."},
	{infoBuilderUser, KindInfo, "builder-created user replaced", "The USER is created in the builder and does not exist in the runtime image, so the runtime's non-root user is used; it takes the original user's place, so a folder the runtime copies that a RUN gave to that user with chown (RUN chown -R admin /data) is copied with --chown to it, as the app folder is, and the note names it with the chown's line (review 25, finding C)."},
	{infoVersionContext, KindInfo, "version read from the build context", "The image tag does not pin the version the runtime image is chosen by (maven:latest), so it is read from a file of the build context where the preset says the version is safe to take from there (a Gradle toolchain, maven.compiler.release)."},
	{infoLittleGained, KindInfo, "runtime little smaller than the builder", "The runtime image is the builder's image or one of the same size (python:3.12-slim for a python:3.12-slim builder), so the split leaves out only what the build steps added (compilers, dev dependencies, caches)."},
	{infoBuiltScript, KindInfo, "runner replaced by the script that runs the build's output", "The runner's script is not a plain interpreter command (nest start), and another script of the project runs the build's output with the plain interpreter (start:prod = node dist/main): the runtime runs that one instead."},
	{infoDevKept, KindInfo, "development dependencies kept", "The start path (the command, the shell script it runs, the package.json scripts these run, followed script by script) runs a program from a development dependency, or the app's own code loads a package that only the development dependencies list (the note names the file, line and package), so no prune step is added: pruning would remove what the container needs to start."},
	{infoRunFile, KindInfo, "run-time file copied: the sources name it", "A file or folder that a COPY brought into the builder is copied to the runtime because a string literal of the app's sources names it, or a call the preset knows reads it (godotenv.Load() reads .env); outside the app folder, the non-root runtime user owns it when the original ran as root, which could write it."},
	{infoRunFileOptional, KindInfo, "run-time file copied when the builder has it", "A file the program reads may be absent at build time (git-ignored, or not in the build context): it is copied with a one-character wildcard, which BuildKit accepts when nothing matches, so its absence does not fail the build."},
	{infoRunFilesLeft, KindInfo, "copied files left out of the runtime", "Files a COPY brought into the builder that no source names, that hold only build inputs, or that are compiled into the program, are not copied to the runtime."},
	{infoRunFilesUnread, KindInfo, "sources not read: copied files kept minus build inputs", "The app's sources could not be read (no build context, none found, or too many), so what the Dockerfile copied is carried to the runtime less the build inputs the preset lists."},
	{infoAppFromWorkdir, KindInfo, "app folder is the working folder", "The install runs in / but fills an environment elsewhere (a virtual environment), so the app's folder is the stage's final working folder, which the runtime copies with the environment."},
	{infoHealthcheckInstall, KindInfo, "HEALTHCHECK tool installed in the runtime", "The HEALTHCHECK runs a tool (such as curl) that the builder image has and no runtime flavor comes with, so the runtime installs it with its package manager."},
	{infoGlobalInstall, KindInfo, "globally installed program copied", "The container runs a program a global install put outside the app folder (npm install -g serve): the runtime gets the package's folder and the program's link at the same places; a line after the install gathers the link, which COPY would otherwise follow."},
	{infoMovedOut, KindInfo, "moved folder copied", "A RUN moves something out of the app folder (mv node_modules ../); the runtime gets it at the place it was moved to, and no prune is added, since a prune of the app folder would not see it."},
	{infoPathFolderCopied, KindInfo, "PATH folder copied for the command", "The command or HEALTHCHECK runs a program that no runtime has, and the file puts a folder on PATH that nothing else copies (an SDK unpacked in /root): the runtime gets that folder (the one above bin/) at the same place."},
	{infoVolumePrepared, KindInfo, "volume folder prepared for the runtime user", "A VOLUME folder, or the target of a named or anonymous volume that a compose file of the build context mounts for a service building this Dockerfile (read-write, the service setting no user), that the runtime would not have (outside the app folder, or inside it where nothing makes it) is made in the builder and copied with --chown, so that a new volume there belongs to the non-root runtime user and the program can write in it, as the original (root) could."},

	{infoRunnerDist, KindInfo, "build tool's run task becomes a distribution's start script", "The command runs the app through the build tool (gradle run, the application plugin's run task, which compiles the app and runs its main class at each start; the preset's runners[].dist): the builder runs the distribution task (installDist) after the build, with the start command's tool and options, in the project's folder, and the runtime runs its start script, which starts the same main class with the same default JVM arguments and the arguments the runner gave it (--args), in the same working folder (RS161 says what the runtime copies)."},
	{infoAppFromCopies, KindInfo, "app is what the COPY instructions wrote", "The install runs in / but fills an environment elsewhere (restage's virtual environment, or the file's own), and the stage never sets a working folder: the runtime gets the environment and each file or folder the COPY instructions wrote, at the same path."},
	{infoClassPath, KindInfo, "class run from its class path", "The command runs a class from a class path (java -cp out Main, or the working folder by default) rather than a file: the runtime gets the class path's folders and runs the same class with the class path written out absolute; on a runtime whose entrypoint is java -jar, the command replaces that entrypoint."},
	{infoClassPathWorkdir, KindInfo, "working folder copied for its classes", "The class path holds the working folder, where the compiler wrote the classes among the sources: the runtime copies the whole folder, sources included."},
	{infoShebangRun, KindInfo, "script started with its interpreter", "The command runs a script whose #! line names the preset's interpreter (#!/usr/bin/env node): the runtime starts it as `node SCRIPT`, since a runtime such as distroless has no /usr/bin/env to run the #! line; the program runs the same, but its command line names the interpreter."},
	{infoGlobalSelf, KindInfo, "global install of the app's own folder", "The command runs a program that a global install of the app's own folder (npm install --global in /app) linked onto PATH: the program is an entry of the package file's bin; the runtime gets the app folder and the links to it at the same places."},
	{infoMadeFolder, KindInfo, "folder made for run time copied", "A RUN makes a folder (mkdir) outside every folder the build works in, so it is prepared for the program's run time: the runtime gets a copy of it at the same place."},
	{infoToolKept, KindInfo, "runner tool kept", "The command runs a runner's tool (npm run migrate) that the preset cannot resolve to a plain interpreter command: the runtime keeps the tool, and development dependencies are not pruned when its scripts may use them."},
	{infoLibcFree, KindInfo, "no C library needed by the dependencies", "The builder links a C library, but a lockfile that lists every dependency shows none that links one, so the runtime need not ship the builder's C library."},
	{infoOutsideBuild, KindInfo, "file outside every folder of the build copied", "A COPY from the build context put a file or folder outside the app folder and outside every folder the build steps run in, and no RUN names it: nothing of the build reads it, so it is there for the program at run time (a folder it serves from a flag), and the runtime gets it at the same place though no source names it."},
	{infoDaemonState, KindInfo, "what a build step wrote for a root daemon copied", "The start command or its script starts a daemon the preset lists as running as root (programs.root_daemons: cron), and a RUN runs a program that writes that daemon's state outside the app folder (crontab FILE installs the crontab in cron's spool folder, /var/spool/cron/crontabs on Debian): the runtime gets a copy of that folder at the same place, as the original's daemon read it (review 29, finding B)."},
	{infoAppIsWorkdir, KindInfo, "the app folder is the working folder", "The dependencies are installed in a sub-folder of the stage's working folder, and the build puts other files in the working folder beside it, which the app may reach (../shared): the runtime copies the working folder whole."},
	{infoBesideApp, KindInfo, "file outside the app folder copied", "The preset does not read the sources for the files they name, and a COPY from the build context put a file or folder outside the app folder, which the app may reach: the runtime gets it at the same place, keeping its owner."},
	{infoRunBuildSplit, KindInfo, "a command that builds at every start becomes a build step", "The container ran a command that builds the program and runs it at every start (go run main.go, the preset's run_builds): the builder builds the same files or package with the same flags (go build -o main main.go), and the runtime runs the built program from the same working folder with the same arguments."},
	{infoAppInstallOutputs, KindInfo, "app is the install's output and what was copied in /", "An install the preset says writes named outputs in its folder (node.yaml build[].outputs: npm install's node_modules) runs in /, and the stage never sets a working folder: the runtime gets those outputs, each only when the builder has it (a one-character wildcard: an install with no dependencies writes none), and each file or folder the COPY instructions wrote, at the same path, and keeps / as the working folder (review 26, finding B)."},
	{infoRootEntries, KindInfo, "context copied into / entry by entry", "A COPY (or ADD) writes the build context's contents into / itself under no WORKDIR (or before the first WORKDIR, which then only moves where the app starts; review 28, finding C): with the context given, the runtime copies each of its top-level entries by name (less what .dockerignore excludes), none of which is a folder of the image (the preset's builder.root_folders), and each top-level name the context's .gitignore lists and the context lacks (a credentials file that a fresh clone lacks but the original copied where the image was built) only when the builder has it, with a one-character wildcard, which BuildKit lets match nothing (review 26, finding B)."},
	{infoBuilderLibs, KindInfo, "run-time library of the builder image installed", "A dependency the file or the build context names is built from source against, or loads, a system library that the builder image has (the full python or node image, built on buildpack-deps) and the runtime lacks (a slim image): the runtime installs its run-time package (libpq5 for psycopg2; libssl3 for Prisma's query engine, which links OpenSSL), unless it has the library already (distroless nodejs has libssl)."},
	{infoLocalTimeNever, KindInfo, "local time zone the builder never had", "A RUN makes a zone the builder's local time zone, but the builder has no zone file for it (the image has no zone data and the file installs none, or removes it before a link is read): the /etc/localtime link points nowhere, so the original ran in UTC, as the runtime does, and no ENV TZ is set."},
	{infoRunnerRoot, KindInfo, "runtime keeps root: what runs the image runs it as root", "A file of the build context (the preset's runs_as_root: an action.yml or action.yaml whose runs.using is docker and whose runs.image is this Dockerfile) shows that the image is run as root by something outside the file, GitHub's runner for a Docker container action, with files mounted from the host (the workspace, GITHUB_OUTPUT) that only root may write: the runtime keeps the original user root instead of the image's non-root user, and the app folder is not chowned."},
	{infoRuntimeRegistry, KindInfo, "runtime from the builder's registry", "The runtime is the builder's own repository on a registry other than Docker Hub (a mirror, a private registry), so it is written with the builder's registry and path, as the registry that served the builder has that repository; its tag is not the builder's, and if that registry lacks it, --image-map maps the runtime elsewhere."},
	{infoRuntimeNeeds, KindInfo, "runtime with what the program uses in its own process", "The app's sources call something that needs tools of the runtime inside the program, not as a program they start (jte's TemplateEngine.create, unlike createPrecompiled, and ToolProvider.getSystemJavaCompiler or the compiler types of javax.tools compile Java at run time with the JDK's compiler, which a JRE such as distroless java or eclipse-temurin:N-jre does not have), so the runtime is one that has them (the JDK flavor, or the builder's own JDK image) and the note names the call."},
	{infoInitWrapper, KindInfo, "command read behind an init wrapper", "The command starts with an init wrapper the preset knows (dumb-init, tini), which a system package the file installs provides: the command after the wrapper's options is read as the command (a runner's script resolved, the program checked), the wrapper reaches the runtime as a run-time package, and the runtime's command keeps the wrapper and its options in front of it."},
	{infoDistFolder, KindInfo, "build tool's distribution copied whole", "The command runs the start script of a distribution a build task writes (Gradle's installDist, or distTar and distZip unpacked by a RUN; the preset's build[].dist), where the task put it or where a RUN copied or unpacked it: the runtime gets that folder whole (the script and the jars it runs), and a runtime with the shell and programs the script needs (RS117 says when that is not the default flavor)."},
	{infoRecommendsKept, KindInfo, "recommended package installed beside a package", "The file installs a package without --no-install-recommends, and the preset's package map says that a package it only recommends holds what it gave in the builder (Debian 13's docker.io recommends docker-cli, which has the docker program): the runtime's install line, which leaves recommendations out, installs that package beside it."},
	{infoImageUser, KindInfo, "original ran as the builder image's own user", "The file sets no USER and its builder image runs as a non-root user of its own (the preset's builder.variants[].user: the gradle images up to 5.4 end with USER gradle, uid 1000), so the original ran as that user, not as root; the runtime images lack it, so the runtime runs as its own non-root user, which owns the app folder as the original's user owned its WORKDIR, and nothing outside it is prepared for it, since the original could not write there either."},
	{infoEntrypointShell, KindInfo, "CMD script with no #! line run by the image's entrypoint", "The exec-form CMD names a script with no #! line, which execve alone would refuse (exec format error), and the builder image's ENTRYPOINT script hands the CMD to a shell (node's docker-entrypoint.sh ends in exec \"$@\"), which runs such a file as a script: restage reads it as that shell's script, and the runtime is one with the same entrypoint."},
	{infoDigestKept, KindInfo, "builder's digest kept", "The runtime is the builder's own image (its template carries the tag's whole version), so it keeps the digest the builder is pinned to."},
	{infoAppPathKept, KindInfo, "the app's PATH kept", "An ENV PATH that the preset leaves out as a builder setting puts on PATH the folder where the install writes the dependencies' programs (node_modules/.bin) inside the app folder, which the runtime gets: the runtime keeps the line, so that a program the command, its script or the app runs by name from there is still found."},
	{infoArgDropped, KindInfo, "install option taken out", "An app install has an option that sends the packages outside the virtual environment restage makes before it (the preset's drop_args: uv pip install --system, with which uv ignores every virtual environment and installs into the system Python, which the runtime does not copy): the option is taken out of the RUN, so that the install goes into the environment the runtime copies, and the note gives the preset's reason."},
	{infoAppFromRootCopies, KindInfo, "app is the working folder and what was copied in /", "The install runs in / but fills an environment elsewhere, and the stage moves to another working folder after COPY instructions wrote into / (ADD bot.py into / under WORKDIR /, then WORKDIR /data): the runtime gets the working folder and each file or folder those COPY instructions wrote, at the same path, so that a command naming /bot.py finds it, and a COPY that wrote a folder's contents into / itself is declined (RS211; review 22, finding C), but the context's contents are told entry by entry (RS151, RS247; review 28, finding C)."},
	{infoOptionDollar, KindInfo, "interpreter option's $ escaped in the variable", "An exec-form command passed an interpreter option holding a $ (-Dserver.port=${PORT}) to the interpreter as written, as no shell expands it and Docker does not expand CMD; Docker does expand an ENV at build time, so the option goes to the interpreter's variable (RS109) with the $ escaped (\\$), and the interpreter gets the same text, which the program may resolve itself (Spring's placeholders)."},
	{infoRunnerBin, KindInfo, "runner replaced by its script's dependency program", "The command starts through a runner whose tool no runtime image has (pnpm start), and its script is one plain command running a program of a dependency (next start): the runtime runs that program from the folder where the install put it (node_modules/.bin), with the script's arguments."},
	{infoRunnerAssigns, KindInfo, "assignments in front of a runner kept", "A shell-form command set variables in front of the runner it starts (HOME=/root poetry run gunicorn ...): they set the environment of the runner and so of the program it ran, so once the runner is left out (RS107) they stay in front of that program, in shell form, which gives it the same environment."},
	{infoFlavorCompose, KindInfo, "runtime flavor chosen for a compose command", "A compose file of the build context has a service that builds this Dockerfile and sets command: or entrypoint:, which compose runs instead of the image's CMD or ENTRYPOINT; it needs a program (a shell for sh -c) that the preset's default runtime flavor lacks, so a flavor that has it is used, as for a CMD that needs it (RS117)."},
	{infoScriptWrapper, KindInfo, "command read behind a start script that runs its arguments", "The command starts a shell script of the build context whose only commands known at run time are its own arguments (exec \"$@\", an array filled from \"$@\", or a variable whose one assignment is NAME=\"$@\", run unquoted as exec $NAME with IFS left alone, as wait-for scripts do): the words after `--` (or all its arguments, when the script shifts none away) are read as the command, as behind an init wrapper (RS160); an exec-form ENTRYPOINT naming the script alone gets an exec-form CMD's words as its arguments, as Docker joins them, so the CMD is the command, rewritten in the CMD while the ENTRYPOINT stays, and the runtime keeps the script in front of them, with its shell and the programs it runs."},
	{infoProgramRuntime, KindInfo, "runtime flavor chosen for a program the sources run", "The app's sources run a program by name (exec.Command(\"sh\", ...), child_process.spawn('git'), subprocess.run([\"git\"])) that the preset's first runtime does not have: a runtime flavor that has it (a shell) or can install it is chosen."},
	{infoProgramInstall, KindInfo, "program the sources run installed in the runtime", "The app's sources run a program by name that the original image had and no runtime flavor comes with (git): the runtime installs it with its package manager."},
	{infoToolLeft, KindInfo, "released tool left in the builder", "A program the build installs from a package outside the app's module or with a version (go install github.com/swaggo/swag/cmd/swag@latest) is used only by the build: neither CMD, ENTRYPOINT nor HEALTHCHECK runs it, so it stays in the builder, and its build gets no static switch (CGO_ENABLED=0)."},
	{infoScriptInstall, KindInfo, "program a start script runs installed in the runtime", "The shell script of the build context that the command runs (a wait-for script in front of the program, an ENTRYPOINT script) runs a program that the original image had and no runtime flavor that can run the program has (wget on the full node image): the runtime is chosen for the rest of what the command needs, and installs that program with its package manager, as for a HEALTHCHECK's (RS130)."},
	{infoCmdJoined, KindInfo, "program's file named in CMD", "The exec-form ENTRYPOINT runs the interpreter and the exec-form CMD names the file it runs (ENTRYPOINT [\"java\"], CMD [\"-jar\", \"app.jar\"]): Docker runs the two as one command, so the file is read from the CMD, and the CMD is rewritten to name it by its absolute path."},
	{infoScriptBeside, KindInfo, "files beside the jar copied", "The file the interpreter runs loads files from beside itself (Quarkus's quarkus-run.jar its lib/, app/ and quarkus/ folders; a legacy *-runner.jar the lib/ folder), by the preset's script_beside rules: the runtime copies them, or the file's whole folder, with it."},
	{infoVMKept, KindInfo, "builder's virtual machine kept", "The builder runs a virtual machine other than the preset's default one (IBM J9 / Eclipse OpenJ9 for maven:3-ibmjava-8): the runtime is one of the same family (ibm-semeru-runtimes), so its defaults and the options it knows stay."},
	{infoPruneUnsupported, KindInfo, "development dependencies kept: the prune is unsupported there", "The install runs where a file the preset names shows that the package manager does not support its prune (node.yaml build[].prune_off: pnpm-workspace.yaml in the install's folder or one above it makes a pnpm workspace, where pnpm's docs say `pnpm prune` is not supported and pnpm 9.5 and later, until pnpm/pnpm#13724, empty the projects' node_modules with `pnpm prune --prod`; a .yarnrc.yml, package.json's packageManager naming yarn 2 or later, or a RUN's yarn set version or corepack before a yarn install, whose install has no --production in yarn 2 and later), or a RUN the preset names shows it, so no prune step is added: the runtime keeps the development dependencies, at the cost of their size."},
	{infoWriteFolderMade, KindInfo, "settings' write folder prepared for the runtime user", "A framework setting in the sources names a folder outside the app folder that the program writes in and that the framework makes only when it is missing (Django's STATIC_ROOT, MEDIA_ROOT): it is made in the builder and copied with --chown, so that the non-root runtime user can write there, as the original (root) could."},
	{infoHomeDepCopied, KindInfo, "a dependency's files in root's home copied", "A RUN or a project file names a dependency the preset knows to fill a folder of the home folder at install and read it at run time (node.yaml home_deps with built: puppeteer's browser in ~/.cache/puppeteer, playwright's in ~/.cache/ms-playwright), and the runtime runs as root, as the original did (RS338): the runtime, a new image, gets the builder's folder under /root at the same place, by a copy that matches nothing when the folder is absent (a release that keeps it elsewhere)."},
	{infoGroupZeroKept, KindInfo, "app folder's group 0 kept", "A RUN made the app folder (or one holding it) group-writable (`chmod g+w`, `g=u`, `ug+rwx`, `775`) while its group is 0 (root's files, `chgrp 0`, `chown USER:root`), which is how OpenShift's arbitrary user ids, all in group 0, write there, so the runtime's copy keeps group 0 (`--chown=USER:0`) and COPY --from keeps the builder's mode."},
	{infoFetchToolLeft, KindInfo, "build-time download tool left in the builder", "A package the preset calls a build-time download or unpack tool (curl, wget, unzip) is installed by the builder, and nothing that runs in the container names its program (CMD, ENTRYPOINT, the script they run, HEALTHCHECK, a program call of the sources): it stays in the builder instead of being installed in the runtime."},
	{infoBuildOnlyRun, KindInfo, "build-only package kept: the container runs it", "A package the preset calls build-only (a compiler, python3 in the Node.js preset) is installed in the runtime, because something that runs in the container names its program: the command, its script, the HEALTHCHECK or a program call of the sources (a code runner that runs gcc)."},
	{infoLibcMeansUnused, KindInfo, "C toolchain installed, but the sources cannot use it", "The file's only sign of a C library is a C toolchain it installs (gcc, musl-dev, build-base), and the build context shows that the program cannot use one (every source read imports only the standard library and the app's own packages, none imports \"C\", and no module file requires another module), so the program is built static as it would be without the toolchain."},
	{infoLockfileUnread, KindInfo, "lockfile not read by the install, C library kept", "A lockfile in the build context shows no dependency that links a C library (RS144's evidence), but the install does not read it: no COPY brings it into the install's folder before the install (it only sits in the context, or comes later), the installer is another one (yarn install and package-lock.json; the preset's lockfiles[].read_by), or the install names packages of its own; what the install chose may differ from what the lockfile lists, so the runtime keeps the builder's C library, as when there is no lockfile."},
	{infoAlongsideInstalled, KindInfo, "package installed that the runtime lacks", "The builder installs a package that the default runtime has already (tzdata, ca-certificates), and nothing else: the runtime chosen does not have it (alpine has no zone data), so it installs it, as the program reads it at run time (time.LoadLocation, TZ)."},
	{infoLocalTimeEnv, KindInfo, "local time zone kept with ENV TZ", "A RUN makes a zone the builder's local time zone (/etc/localtime, /etc/timezone) and the file sets no TZ: the runtime, whose own files say UTC, gets ENV TZ with that zone, which the program reads before those files."},
	{infoDevKeptUnread, KindInfo, "development dependencies kept: package file unreadable", "The runner's file that says what the start runs and which dependencies are for development only (package.json) cannot be read from the build context where the COPY instructions put it in the working folder (a RUN writes it, git clone): nothing shows that the start needs no development dependency, so no prune step is added."},
	{infoNativeToolKept, KindInfo, "native-build tool kept: no native build", "A package the preset calls build-only only for building native code (python3, which node-gyp runs) is installed in the runtime, because nothing in the file or the build context shows such a build (no C toolchain or node-gyp in a RUN, no native module or install script in the package file or a lockfile): it was installed for the app to run."},
	{infoInstalledWith, KindInfo, "package installed beside a program", "The runtime installs a program for the HEALTHCHECK or the sources (curl, wget, git on a Debian slim image) and, on the same line, a package the program needs to work as it did in the builder that the install line leaves out and the image lacks (ca-certificates, which Debian's curl, wget and git only recommend, under --no-install-recommends); the preset's runtimes[].installs_with names them and why."},
	{infoArgFollowed, KindInfo, "runtime FROM follows the builder's build argument", "The builder's FROM takes its tag from a global build argument (ARG NODE_VERSION=20 before FROM node:${NODE_VERSION}-alpine), and the runtime's image takes the argument's value as a whole (its version): the runtime's FROM names the argument too (node:${NODE_VERSION}-alpine), so that a --build-arg changes both stages as it changed the original's one, and a runtime whose image cannot follow it (distroless nodejs22, whose majors are fixed; a part of the value, such as the major of 20.11.0) is passed over for one that can (review 24, G)."},
	{infoToolchainIdle, KindInfo, "C toolchain installed, but nothing builds native code", "The file's only sign of a C library is a C toolchain it installs (make, g++, build-base), and the lockfile the install reads records every package with its install script and shows none that builds or fetches native code, the app is no native addon itself (no binding.gyp, no install script of its own), no RUN or script compiles anything with the toolchain and nothing is installed outside the lockfile: the program links no C library, and the runtime need not share the builder's (review 4, finding D, for a preset with no static switch)."},
	{infoWorkspaceRoot, KindInfo, "workspace root copied: the install fills it", "The install runs in a folder that a workspace above it lists as a member (package.json's workspaces, pnpm-workspace.yaml's packages: node.yaml build[].workspace), and the package manager then installs the whole workspace at the root, whose node_modules holds the dependencies (review 23, finding E): the runtime copies the root folder whole, the prune runs there, and the working folder stays the member's."},

	{declRunnerDist, KindDecline, "the build tool's run task cannot become a start script", "The command runs the app through the build tool (gradle run), which restage replaces by the start script of the distribution task (installDist) only when that runs the same, and something says it may not: no build file names the main class by a literal (a name the same build file binds once, at its top level, to a string literal counts as one: val main = \"...\", def main = '...'; review 28, finding D; a name bound to none is named in the reason), the settings include other projects, the build configures the run task or the start script, an option names another project or a property, a word restage does not read follows the task, no build step ran in the project's folder, or an ENV sets a variable the start script passes to the app (JAVA_OPTS), which the build tool gave to its own JVM."},
	{declNoFrom, KindDecline, "no FROM", "The file has no FROM instruction."},
	{declMultiStage, KindDecline, "already multi-stage", "The file already has more than one stage: there is nothing to split."},
	{declOnbuild, KindDecline, "ONBUILD", "An ONBUILD trigger makes the image a base for other builds; splitting it would drop the trigger."},
	{declScratch, KindDecline, "FROM scratch", "The image starts from scratch: there is no builder to split off."},
	{declUnknownPreset, KindDecline, "unknown preset", "The preset asked for by name does not exist."},
	{declImageNotBuilder, KindDecline, "base image not a known builder image", "No preset knows the base image, but the build commands are those of a preset; --preset converts it anyway."},
	{declNoPreset, KindDecline, "no preset matches", "No preset matches the base image."},
	{declWorkdirUnknown, KindDecline, "working folder unknown", "A WORKDIR uses a variable with no known value, so the working folder cannot be told."},
	{declInstallUser, KindDecline, "install runs as a non-root user", "The install runs as a USER who cannot make the environment restage would add before it."},
	{declFolderUnknown, KindDecline, "folder a build command makes unknown", "The folder a build command makes is expanded at build time, so it cannot be told."},
	{declAppInRoot, KindDecline, "application installed in /", "The install runs in /, so the application has no folder of its own to copy."},
	{declOutputUnknown, KindDecline, "output location unknown", "Where a build command writes its output depends on a variable with no value in the file."},
	{declTargetUnknown, KindDecline, "build target unknown", "What a build command builds is expanded at build time, so the program cannot be told."},
	{declNoCommand, KindDecline, "no CMD or ENTRYPOINT", "Without CMD or ENTRYPOINT the program the container runs cannot be told."},
	{declRunsNothing, KindDecline, "command runs nothing", "CMD or ENTRYPOINT is empty, or a runner in it is given no command."},
	{declCommandUnclear, KindDecline, "command not understood", "The program CMD or ENTRYPOINT runs cannot be told from its words."},
	{declRunTimeProgram, KindDecline, "program known only at run time", "The program CMD or ENTRYPOINT runs is a variable or a substitution expanded at run time."},
	{declNoScript, KindDecline, "interpreter with no script", "The container runs an interpreter without a script or module to run."},
	{declNotBuilt, KindDecline, "program not written by the build", "The program the container runs is not one the build steps write."},
	{declFileUnknown, KindDecline, "file the interpreter runs unknown", "The file the interpreter runs (such as java -jar FILE) cannot be told, so it cannot be copied."},
	{declGlobNoFile, KindDecline, "glob names no one file", "The interpreter's file is a glob, and no build step collects the output into one file."},
	{declFileTypeMismatch, KindDecline, "file type differs from the build's output", "The interpreter runs a file of another type than the one the build's output is collected into."},
	{declNoInstall, KindDecline, "no install step", "The container runs an interpreter or an installed program, but no build step installs the application."},
	{declFromSource, KindDecline, "runs from source with nothing built", "The command runs from source and no build step makes a file to run instead."},
	{declNoScriptDefined, KindDecline, "script not defined", "The command runs a script that the project file does not define."},
	{declRunnerStuck, KindDecline, "runner cannot be taken out", "A runner (such as poetry run) cannot be removed from the shell-form command."},
	{declEnvModifier, KindDecline, "variable with a modifier", "An ENV value the runtime needs uses a build-only variable with a modifier such as ${X:-y}."},
	{declPrebuilt, KindDecline, "no build step", "No build step of the preset is in the file: the program seems to come prebuilt."},
	{declNoSuchRuntime, KindDecline, "no such runtime flavor", "The runtime flavor asked for is not one the preset has."},
	{declRuntimeCannotRun, KindDecline, "asked runtime cannot run the program", "The runtime flavor asked for with --runtime lacks something the program needs (C library, shell, tools)."},
	{declNoRuntime, KindDecline, "no runtime can run the program", "None of the preset's runtime flavors has what the program needs, or an image for the builder at all (a Java version no runtime image is published for: the reason names the builder and its version)."},
	{declShellUnreadable, KindDecline, "shell command unreadable", "The shell text of a RUN cannot be parsed, so what it runs and builds cannot be told."},
	{declEnvUnreachable, KindDecline, "build environment cannot be set", "A build command runs under a wrapper (such as sudo) that does not pass the environment on, so the variable that makes the program static cannot be set for it."},
	{declShellString, KindDecline, "build may be in an unreadable shell string", "No build step can be seen, but a RUN runs a sh -c string that the shell expands at build time, so it may hold the build."},
	{declHealthcheckTools, KindDecline, "HEALTHCHECK tools unavailable", "The HEALTHCHECK runs tools that no runtime flavor of the preset has or can install, so the check would fail in the converted image."},
	{declScriptUnread, KindDecline, "script the command runs unreadable", "The command hands a shell script to a shell (sh entrypoint.sh), or runs one, that restage cannot read from the build context, so what the container runs, and so what the runtime needs, cannot be told."},
	{declMovedUnclear, KindDecline, "where a moved file lands unknown", "A RUN moves something out of the app folder to a destination that may or may not be a folder, so where it lands, and so what the runtime must copy, cannot be told."},
	{declGlobalSelfUnread, KindDecline, "globally installed app program unclear", "The command runs a program that a global install of the app's own folder may have linked onto PATH, but the package file cannot be read, or the program's file is not a script whose #! line names the preset's interpreter: what to run cannot be told."},
	{declSecretArg, KindDecline, "build secret needed in the runtime stage", "A runtime-stage instruction (an ENV, a LABEL) uses a build argument whose name looks like a secret by BuildKit's SecretsUsedInArgOrEnv rule (TOKEN, PASSWORD, SECRET, KEY and others), which restage never declares in the runtime stage and cannot leave out without changing what the runtime gets."},
	{declProgramOffPath, KindDecline, "the command's program is installed off PATH", "The command runs a program by name that only a dependency install puts into a folder the image's PATH does not hold (uv sync's project environment, <project>/.venv/bin, when no UV_PROJECT_ENVIRONMENT names another; the preset's off_path), and nothing else in the file installs it: the original container cannot start (executable file not found in $PATH), while the runtime, with its environment on PATH, would start it, a change restage does not make silently (run the program by its path in that folder or through the install's runner, uv run, or put the folder on PATH)."},
	{declDistName, KindDecline, "distribution's name unknown", "A build task writes a distribution (Gradle's installDist, distTar, distZip) whose name, and so its folder and start script, the build files give by an expression or settings restage does not evaluate (applicationName from a variable, distributionBaseName, a project moved in the settings): whether the command runs its start script cannot be told."},
	{declCommandWordsJoined, KindDecline, "runner's command words given as one word", "The command gives a runner's own command words as one word (CMD [\"npm\", \"run start\"]): each string of an exec-form array, and each quoted word of a shell command, is one argument, and the runner has no command named by the words with their space (npm: Unknown command: \"run start\"), so the original container cannot start either; the command words are the preset's (runners[].commands, scripts and programs), and words after them are the script's arguments, which may hold spaces."},
	{declComposeCmdUnused, KindDecline, "no CMD, and the compose services' commands cannot be taken", "The file has no CMD or ENTRYPOINT, and compose services build it, but their commands cannot stand for the file's: they differ from one another (the runtime is chosen for one command), one service runs none (so the base image's default command, which the runtime does not keep), one sets entrypoint:, or a command's words cannot be read."},
	{declPathNotWritten, KindDecline, "the command runs a file no step puts in the image", "The container runs a file (java -jar /target.jar) outside every folder a RUN works in or a COPY writes into, and no RUN names it, while the build writes its output elsewhere (target/ of the project): the original image builds and its container cannot start, and a copy of the file into the runtime would fail the converted build, so restage declines rather than turn a building file into a failing build; the reason names what the build writes."},
	{declWorkspaceUnknown, KindDecline, "workspace root of the install cannot be told", "The install runs below a folder holding a workspace marker (node.yaml build[].workspace), and where the package manager installs cannot be told: the builder's manager installs at the root in some releases and in the member's folder in others (npm on node 16 and 17), the marker cannot be read, pnpm's nearest workspace file does not list the install's folder, or the workspace's root is / (whose copy would be the whole file system, as for RS211)."},
	{declRootEntryImage, KindDecline, "context entry lands in an image folder", "A COPY writes the build context's contents into / itself under no WORKDIR, and one of the context's top-level entries (or a top-level name its .gitignore lists) is a folder of the image (the preset's builder.root_folders: bin, etc, usr...): COPY merges it into the image's own folder, whose app files cannot be copied apart from the image's (review 26, finding B)."},
	{declExecWordIsLine, KindDecline, "exec-form program string holds a whole command line", "The first string of an exec-form CMD or ENTRYPOINT (the ENTRYPOINT's when there is one) holds spaces and its first word names no path (CMD [\"go run /app/main.go\"]): exec form runs that string as the program's name, spaces and all, and no program has such a name, so the original container cannot start either; checked before any build-step or command reading, for every preset, since the words inside the string are not what Docker runs; the reason shows the array split into one string per word."},
	{declOpaqueBuild, KindDecline, "build runs through a tool restage does not follow", "No build step of the preset can be seen, and a RUN runs a build tool the preset lists in opaque_builds (make, which reads a Makefile restage does not read): the build is inside it, so what it makes and what the runtime needs cannot be told."},
	{declPresetImage, KindDecline, "the preset declines this base image", "A decline rule or a decline variant of the preset matches the base image; the reason comes from the preset."},
	{declPresetArg, KindDecline, "the preset declines this build argument", "A build command has an argument the preset's decline_args lists; the reason comes from the preset."},
	{declPresetCommand, KindDecline, "the preset declines this command", "The command the container runs matches a decline rule of the preset, the app's own code starts a development server the way a source decline rule of the preset describes (next({ dev }) with dev true at start), or the command is one of its run_builds (go run) that cannot become a build step; the reason comes from the preset, or says why."},
	{declShellOptionsVar, KindDecline, "option variable in a command that keeps its shell (retired)", "Retired, no longer produced (review 23, finding C): a command kept as written in a shell that read the preset's option variable ($JAVA_OPTS) was declined, since the runtime did not carry the variable; the runtime now carries the ENV of every variable its start command, start script or HEALTHCHECK expands."},
	{declCollectUser, KindDecline, "build output collected by a non-root user", "The build whose output restage collects into one known file (the preset's collect: Java's jar into /app/app.jar) runs as a non-root user, the file's USER or the builder image's own (gradle up to 5.4 runs as gradle), and the collecting line, which runs as that user too, makes a folder at the top of the file system, which only root may: the converted builder would fail there."},
	{declCdMissing, KindDecline, "folder the command changes to not in the runtime", "The command changes folder (cd DIR && PROG) to a folder the runtime would not have, since nothing copied to the runtime is in it, so the cd would fail."},
	{declDistUnpackUntied, KindDecline, "distribution archive's unpack not followed", "A build task writes a distribution as an archive (Gradle's distTar, distZip) and a RUN unpacks an archive, but restage cannot tie the one to the other: no cp or mv that it reads puts the task's archive where the unpack reads it (a find -exec, a variable, a script moved it), so which folder holds the start script, and whether the command runs it, cannot be told."},
	{declComposeHidesProgram, KindDecline, "a compose bind mount hides the program the runtime runs", "A compose file's service that builds this Dockerfile (or a composite action's step that runs it with -v) bind-mounts a host folder, read-write or read-only, over the path of the program the converted runtime runs (the binary the builder writes for go run, a start script, or the file an interpreter runs), and the build context holds no file at that path of the host folder: under compose the host's folder hides the file the runtime needs, so the container could not start, while the original may have run from the mounted sources alone (go run compiles them at each start; review 28, finding B); a program whose file is the context's own at that path (node server.js under .:/app) is not hidden."},
	{declInterpOutsideEnv, KindDecline, "a program named by its path misses the environment restage adds", "The command, or a line of the start script it runs, names one of the preset's interpreters by a path outside the environment restage inserts for the install (/usr/local/bin/python when the packages go into /opt/venv): an environment's packages are seen only by its own interpreter, whatever PATH says, so that interpreter would start without the app's packages (review 29, finding A); or the install itself runs its program by its path in a folder of the image's PATH (RUN /usr/local/bin/pip install), the image's program, which installs for the image's interpreter and would leave the environment restage inserts empty (review 29, finding C); run it by name, or make the environment in the file."},
	{declDaemonNeeds, KindDecline, "a root daemon the start runs could not be given what it needs", "The start command or its script starts a daemon the preset lists as running as root (programs.root_daemons: cron), and the runtime could not give it what the original's did: the install goes into the environment restage makes, which the daemon's jobs would not see (cron runs them with its own environment, so a job's python is the image's, which saw the original's install: the preset's reason), or a RUN wrote the daemon's state (crontab FILE) where the preset does not know for the builder's C library (review 29, finding B)."},
	{declNotExecutable, KindDecline, "the build's file is not what the runner's replacement can start", "A command that runs from source (mvn spring-boot:run) would be replaced by running the file the build writes, but the build does not make that file startable (no spring-boot-maven-plugin bound in <build><plugins>, no bootJar task); the reason and what to change come from the preset's runner (executable)."},
	{declClassPathDeps, KindDecline, "class path lacks the build's dependencies", "The command runs a class from the class path of the classes the build compiles (mvn's target/classes, or its jar), but the project file declares dependencies that are on no entry of the class path (the preset's project_classes): what the class loads cannot be told."},
	{declDiskEmbed, KindDecline, "files read through an embedding library that embeds nothing", "The program imports a library that embeds the app's files only when its generator runs (pkger, packr), and no generated file is in the build context nor does a build step run the generator, so the library reads the files from disk at run time through what the runtime would not have (the go command and the module's sources for pkger, the source folders for packr); the preset's disk_embeds entry gives the reason."},
	{declLoginShellPath, KindDecline, "a login shell would drop the PATH restage adds", "The command, or the start script it runs, starts a login shell (a #! line with -l, as GitHub's Docker actions often have, sh -l, bash --login or -lc, su -), and the runtime needs a folder on PATH that the original did not (the environment restage makes for the install, /opt/venv/bin): a login shell reads the image's /etc/profile, which on Debian's and Alpine's images sets PATH anew, so the programs after it would be the image's own (its python without the app's packages: review 32, finding A), while the original's install went into that very interpreter; drop the login option, or make the environment in the file and run its program by path."},
	{declVMOptions, KindDecline, "option the runtime's virtual machine does not know", "The builder runs one virtual machine family and the runtime another (no runtime of the builder's family fits, or another was asked for), and the command passes options the runtime's does not know (-Xshareclasses on HotSpot): it would not start."},
	{declScriptOwnEnv, KindDecline, "the runner runs the script in an environment of its own", "A stripped runner hands a script file to the interpreter (uv run main.py), but the script declares what it needs itself (PEP 723 inline metadata, # /// script), and the runner runs it in an environment of its own with those dependencies, made when the container starts: run with the interpreter from the build's environment, it would lack them."},
	{declComposeRunner, KindDecline, "a compose command runs a runner the runtime drops", "A compose service that builds this Dockerfile sets command: or entrypoint: (which compose runs instead of the image's CMD or ENTRYPOINT) to a runner's command (uv run, poetry run, npm start) whose program the runtime does not have, because the conversion takes the runner out of the CMD or resolves its script; restage does not edit the compose file, so the container would not start under compose."},
	{declInterpreterFetch, KindDecline, "the build fetches an interpreter the runtime lacks", "A build command (uv sync) finds that the project asks for an interpreter version the builder's certainly does not satisfy (requires-python, .python-version), so it downloads another interpreter outside the environment the runtime copies and makes the environment on it; the reason comes from the preset."},
	{declOutputNotBuilt, KindDecline, "the command runs a file the build does not write", "The container runs a file of the build's output folder (java -jar target/demo-0.0.1-SNAPSHOT.jar) whose name is not what the project file makes the build write (pom.xml: finalName, else artifactId-version): the original container cannot start either, and a copy of the file would fail the build; the reason names the file the build writes, or, when a COPY brings a file of that name from the build context (a committed target/ folder) and the build does not clean its output folder first, says that the container runs that prebuilt file, not the build's output, so there is still nothing to split off."},
	{declBuildAtStart, KindDecline, "the start runs the build tool", "No RUN builds anything, and the command the container starts (or a shell script it runs) runs one of the preset's build steps (mvn verify): the container builds when it starts, so the build tool must stay in the image and there is nothing to split off; also, where a RUN builds, when the command is itself one of the preset's build commands, run by a tool no runtime of the preset has, with a task no runner resolves (mvn exec:java, which compiles and runs a class through Maven at each start; ./gradlew run of an application whose start script does not run the same, RS200), which is then not read as a script (the wrapper's own variables are no program)."},
	{declCommandOption, KindDecline, "a command option restage cannot take out", "A command has an option that restage would have to take out and cannot: an option before the command of a runner it leaves out (uv run, poetry run, pipenv run) that the preset's decline_flags say changes what runs (uv run --with X, with the preset's reason) or that the preset does not list at all, which restage refuses to guess about; or an option of an app install that sends the packages outside the environment the runtime copies (the preset's drop_args: uv pip install --system, or the variable that says the same) where restage cannot take it out: the file makes its own environment, the setting comes from the environment, or the RUN cannot be edited there."},
	{declProgramDownloaded, KindDecline, "program a RUN downloads or writes outside what is carried", "The program the container runs is no file the build writes in the app's folders or an output its preset names, but a RUN names it together with a folder on PATH (or the folder of the path the command names): it downloads it there (a download tool such as curl or wget on a URL, then tar -C /usr/local/bin) or writes it there (cp, ln); restage does not carry such programs, and the reason names that RUN and folder instead of listing the build's outputs as if the build never wrote the program."},
	{declNotJSON, KindDecline, "command looks like exec form but is not JSON", "A CMD or ENTRYPOINT starts as a JSON array would but is not valid JSON (a trailing ;, single quotes, a missing comma): Docker runs it as a shell command whose first word (such as [npm,) is no program, so the original container cannot start."},
	{declScriptNoShebang, KindDecline, "exec-form command names a script with no #! line", "An exec-form CMD or ENTRYPOINT runs a text file of the build context whose first line is not #! (a script of shell lines) and no shell of the image's own ENTRYPOINT script runs it: Docker starts it with execve, which cannot run such a file (exec format error; only a shell falls back to reading it as a script), so the original container cannot start either; or the builder's entrypoint script ran it (RS164) and the runtime has no such entrypoint."},
	{declComposeNeeds, KindDecline, "a compose command needs a program no usable runtime has", "A compose service that builds this Dockerfile sets command: or entrypoint: (which compose runs instead of the image's CMD or ENTRYPOINT) that needs a program, such as the shell of sh -c, that no runtime flavor of the preset has, or that the runtime asked for with --runtime lacks; restage does not edit the compose file, so the container would not start under compose."},

	{warnOptionsEnvSet, KindWarning, "options variable also set by the file", "The variable that receives the interpreter options is also set by the file; its value may not hold them."},
	{warnFlatCopy, KindWarning, "run-time folder copied flat (retired)", "Retired, no longer produced: a run-time folder copied into a folder flat left restage unable to tell which files the program reads, so it copied none."},
	{warnHealthcheckTools, KindWarning, "HEALTHCHECK tools missing", "The HEALTHCHECK runs tools that the runtime image asked for with --runtime does not have, so the check will fail."},
	{warnRootReplaced, KindWarning, "root user replaced", "The original set USER root; the runtime runs as a non-root user."},
	{warnUserMissing, KindWarning, "user missing in the runtime", "The USER does not exist in the runtime image, so the runtime's non-root user is used."},
	{warnPrivilegedPort, KindWarning, "privileged port", "A port the image listens on is below 1024 (an EXPOSE; a HOST:PORT word, --port or -p N, or an option of the preset's `listen_options` (Go's -port N, -port=N, -addr=:N) in the start command or in the commands of the start script it runs; a PORT setting, or the default of one that defers to the environment, ENV PORT ${PORT:-80}; a literal port a server call of a source the start reaches listens on, the preset's `writes.sources.listen_ports`, named with the source's line), which a non-root user can bind only where the engine lowers `net.ipv4.ip_unprivileged_port_start` in containers (Docker 20.10 and later, Podman; not Kubernetes by default) or with the NET_BIND_SERVICE capability: the original, as root, could bind it anywhere."},
	{warnFloatingTag, KindWarning, "floating tag kept", "The image tag does not pin the version and the preset takes none from the build context, so the runtime keeps the builder's floating family (node:lts to node:lts-slim); the two stages may get different versions when the tag moves."},
	{warnOptionsVarUnread, KindWarning, "options variable no longer read", "The command expanded an options variable (such as $JAVA_OPTS) that the runtime's command no longer has: its value moves to the variable the interpreter reads itself, and a value given at run time (docker run -e JAVA_OPTS=...) is ignored."},
	{warnSourceRunDiffers, KindWarning, "built file may run differently", "The original ran from source through the build tool (such as mvn spring-boot:run), which adds its own settings (JVM arguments, profiles, dev tools, resources read from the source folder); the built file runs without them."},
	{warnContextArtifact, KindWarning, "file from the context, not from the build", "The file the container runs is copied from the build context after a build step, so it is not what the build made: the runtime gets the context's file, as the original did."},
	{warnPathNotCopied, KindWarning, "PATH folder not copied", "The file puts a folder on PATH that nothing copies into the runtime, so the programs the builder found there are missing at run time."},
	{warnToolShipped, KindWarning, "build tool in the copied environment", "A build tool (such as poetry) is installed into the environment that the runtime copies whole, so it ships with the app; installing it before the environment is made keeps it in the builder."},
	{warnRunFilesUnknown, KindWarning, "copied files not carried", "The sources could not be read and a COPY wrote into a folder that is not the app's own (/ or the builder image's working folder), so restage cannot tell what the program reads there and copies none of it."},
	{warnRootKept, KindWarning, "root user kept", "The runtime gets a folder under /root, which only root may enter, so the runtime keeps running as root, as the original did."},
	{warnKeepsRoot, KindWarning, "runtime keeps root: the program writes outside its app folder", "The sources write to a path outside the app folder (a folder the program creates itself, such as /etc/todos), or a setting of the app's configuration makes its framework write there (writes.sources.config_writes: an embedded database's JDBC URL in spring.datasource.url, jdbc:h2:file:/data/db), that a non-root user could not write, so the runtime keeps the original user root instead of the image's non-root user."},
	{warnSecretEnv, KindWarning, "secret-looking ENV baked into the runtime image", "An ENV whose name looks like a secret by BuildKit's SecretsUsedInArgOrEnv rule sets a value that the runtime stage keeps, as the original image did, so anyone who can pull the image can read it (the note names the variable, never its value)."},
	{warnPackagesRelease, KindWarning, "run-time libraries from an unnamed release", "The program links libraries that the runtime installs, and the builder's tag does not name its system release (golang:1.22-alpine): the runtime image is the preset's default release, whose libraries (their sonames) may not be the ones the binary was built against; naming the release in the builder's tag makes both stages use it."},
	{warnUnreachedPackages, KindWarning, "system packages the runtime cannot install", "The builder installs system packages from a package source the file adds (a list file in /etc/apt/sources.list.d) or by a path or release (./x.deb, pkg/bookworm-backports): the runtime's install line reaches only its image's own sources by name, so it leaves them out, and the runtime lacks them."},
	{warnKeepsRootUnnamed, KindWarning, "runtime keeps root: the program writes by an unknown path in /", "The program runs in / (no WORKDIR), which only root can write, and its sources write files or make folders by a path they do not spell out (Files.createDirectories(Path.of(dir))): a relative one lands in /, so the runtime keeps the original user root instead of the image's non-root user, which could not write there; a WORKDIR of the app's own would move where relative paths resolve."},
	{warnRuntimeRegistry, KindWarning, "runtime from another registry than the builder's", "The builder comes from a registry other than Docker Hub (a mirror, a private registry), and the runtime is another repository, which the preset names on its own registry (gcr.io/distroless, Docker Hub): the converted file pulls from a registry the original never used, which a network that reaches only the builder's registry refuses; restage cannot know the name the runtime has there; --image-map FROM=TO maps it, and then this warning goes."},
	{warnRunnerCommand, KindWarning, "what runs the image changes its command", "A file that makes the image run by something outside it (the preset's runs_as_root: a GitHub Docker container action) also names a command that runs in place of the image's ENTRYPOINT (runs.entrypoint, runs.pre-entrypoint, runs.post-entrypoint), for which the runtime, chosen for the Dockerfile's own command, may lack the program or the shell a script needs, or arguments it passes to the ENTRYPOINT (runs.args), which the original's shell-form ENTRYPOINT dropped and the exec form restage writes hands to the program."},
	{warnProgramFileLeft, KindWarning, "program the sources run by a path left in the builder", "The app's sources run a program by its path (exec.Command(\"./venv/bin/yt-dlp\")), a file that is no system program, no artifact of the build and no file copied to the runtime: a RUN of the builder made it (a virtual environment, a download) or the builder's image has it, and the call fails in the converted image (no such file); it is not copied on a guess, as it may need what it was made with (a venv needs the same Python)."},
	{warnBuilderLibMissing, KindWarning, "builder library the runtime lacks and cannot install", "A dependency the build context names loads a system library that the builder image has and the default runtime has too (Prisma's query engine and libssl on distroless nodejs), but the runtime used (asked for with --runtime) has neither the library nor a way to install it: the dependency fails where it loads the library."},
	{warnSourceMissing, KindWarning, "COPY or ADD source not in the build context", "A COPY or ADD names a file or folder that the build context lacks or that .dockerignore leaves out, or a pattern whose folder is missing, which BuildKit fails on with \"not found\" (a pattern that matches nothing only copies nothing), so the original does not build from this context either: most often the image is built from another folder (a monorepo's root), every rule that reads the context read the wrong one, and that folder should be given with --context; the conversion is the same split."},
	{warnBindMountWritten, KindWarning, "root user kept: the program writes in a host folder a compose file mounts", "The original ran as root, and a compose file of the build context (compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml, with their .override files merged by service name, at its root or in the Dockerfile's folder) whose service builds this Dockerfile, or a composite GitHub action beside it (action.yml, runs.using: composite) whose step builds this Dockerfile from the action's folder and runs that tag with -v or --volume, bind-mounts a host folder, read-write, where the app's sources or the start script's own commands write (a copy's destination, mkdir, a > redirection: review 32, finding D) (or may write: a write by a path they do not spell out, such as a database opened on a function's parameter, may land in any such folder): who may write there is decided by the folder's owner on the host, which the original's root could write whatever it is, and the non-root runtime user only if the host lets it, so the runtime keeps the original user (a named volume there, which RS134 prepares, or a host folder made writable for the runtime user lets it run as a non-root user); a bind mount the program only reads, or one marked read-only, changes nothing."},
	{warnComposeLacked, KindWarning, "a compose command's script runs a program the runtime lacks", "A compose file's command: or entrypoint: for a service that builds this Dockerfile runs a shell script of the build context, one of whose commands that surely run (outside a branch or loop body, or the condition of a top-level if, while or until: until curl -fs http://db:8080/health; do sleep 1; done) runs a program no runtime of the preset has beside what the rest of the command needs (curl in a wait-for script, where a compose command gets no install): the runtime is chosen for the rest and the conversion kept, where this used to decline the file with RS299, and the note names the program, since under compose the script fails there and restage does not edit the compose file; a program of the command's own words or the script's shell still declines (RS299)."},
	{warnExecGlob, KindWarning, "exec-form glob resolved", "An exec-form CMD or ENTRYPOINT names a file with a glob (java -jar target/*.jar), which no shell expands, so the original handed the glob to the program as it is and could not start; restage runs the one file the build writes instead, so the result starts where the original did not."},
	{warnPinNotCarried, KindWarning, "builder's pin not carried", "The builder's image is pinned to a release (a version finer than the runtime's tag names, such as node:24.19.0-alpine) or a digest, and the runtime is not the builder's own image, so the image that ships follows its own tag; the two stages may run different releases (RS307 is the opposite case: a floating builder)."},
	{warnWorkdirRootOnly, KindWarning, "root user kept: the working folder is under /root", "The original ran as root in /root or a folder below it (WORKDIR /root), which exists in every runtime image as root's own folder, mode 700, that neither the runtime's WORKDIR nor a COPY --chown changes, so a non-root user would start there (runc changes into the folder as root) but could not open the program's files in it (permission denied): the runtime keeps root and the WORKDIR stays where the program's relative paths resolve (a WORKDIR outside /root, such as /app, lets a conversion run as a non-root user)."},
	{warnPackagesUnknown, KindWarning, "system packages from a variable restage cannot tell", "A system package install (apt-get install $PKGS) takes packages from a variable whose value is not known at that RUN (a build argument with no default, a variable the file does not set, a command substitution, a variable the RUN's shell sets only in a branch, a loop or when a command fails): which packages it installs cannot be told, so the runtime installs none of them; a variable the file sets (an ENV, an ARG with a default) or the RUN's own shell sets before the install (P=\"a b\" && ..., export P=...) is expanded instead and its packages sorted as written ones are."},
	{warnVolumeFilled, KindWarning, "volume the original used keeps root's files", "The original ran as root (or as a user the runtime lacks, for a volume folder a RUN gave to that user with chown, review 25, finding C: the files are then that user's, and the note says to keep the original user) and the runtime runs as a non-root user, which owns the volume folders restage prepares (RS134) or copies, with the app folder, to it, right for a new volume, but Docker copies the image's folder into a named volume only while the volume is empty, so a volume the original already used keeps the files it wrote as root's, which the runtime user cannot write until they are given to it once (the note's chown; review round 19n, finding A, where the app crashed at its first write after its image was swapped under its volume), given only for a volume the program may write into: a write the sources spell out under it, one by a path they do not spell out (or a name bound to no literal), sources the scan could not read or read in part, a start that is not one program of the preset's (a shell list, a script, a runner such as npm run) or a start or compose command that names a path in the volume; a volume that the sources the start runs only read, or do not name, gets none."},
	{warnRootHome, KindWarning, "root user kept: a path under /root or the home folder is named", "The original ran as root, and the command (its words, or a NAME=value it sets in front of the program, such as HOME=/root), an ENV the runtime carries (ENV HOME=/root), the command's script, a compose file's volume (any volume a service that builds this Dockerfile mounts under /root, in compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml or their .override files, at the context's root or in the Dockerfile's folder) or the app's sources name a path under /root or in the home folder (~/, $HOME/, os.homedir(), os.UserHomeDir(), user.home, Path.home()), or a RUN or a project file names a dependency the preset knows to write in the home folder when it runs or to fill it at install for the program to read (python.yaml home_deps: open-interpreter's ~/.config/open-interpreter, panns-inference's ~/panns_data; node.yaml's: puppeteer's browser in ~/.cache/puppeteer, playwright's in ~/.cache/ms-playwright, which the runtime then gets from the builder, RS183, unless an ENV of the file moves that folder (PUPPETEER_CACHE_DIR)), or the app's sources make a call the preset knows to download into the home folder (home_deps.calls: transformers' from_pretrained of a hub id into ~/.cache/huggingface, sentence-transformers, huggingface_hub, torch.hub, nltk.download, whisper.load_model; not one given a local folder or a cache folder of its own), or a setting of the app's configuration makes its framework write in the home folder (writes.sources.config_writes: an embedded database at jdbc:h2:~/dbtest in spring.datasource.url): files given to the container there (a volume mounted in root's home) are out of a non-root user's reach, since the runtime images keep /root private to root (mode 700) and a non-root user's home is not /root (65532 has no passwd entry in the Debian images, so HOME=/, and /home/nonroot in distroless), so the runtime keeps running as root, as the original did (RS314 is the same for a copied folder under /root)."},
	{warnEntryMissing, KindWarning, "the command's file is not in the image", "The file the interpreter runs (node src/index.js, also through npm start), a program the preset lists in file_programs (ts-node src/server.ts), or the module of the app a loader of the preset's modules names (uvicorn server:app, python -m bot: server.py or the package server/, when it is no dependency, no module of the interpreter's own and nowhere else in the context), is brought in by no COPY and made by no RUN (the build context lacks it, or holds it but no COPY copies it), so the original image can start only with the file given from outside (a bind mount of the sources, as a compose file may do), restage read none of the program's writes and programs, and a mounted folder must let the runtime's user write where the program writes, as the original's root could (nothing is said when a RUN other than a dependency install, or an install running the app's own scripts such as npm's postinstall, may make the file)."},
	{warnProgramMissing, KindWarning, "program the sources run missing from the runtime", "The app's sources run a program by name that the runtime does not have and cannot install (or --runtime asked for one without it): the call fails in the converted image where the original image had the program."},
	{warnProgramUnnamed, KindWarning, "the sources run a program they do not name", "The app's sources run a program whose name is not a literal (exec.Command(task.Command), sh -c with a command built at run time): the runtime has few of the original image's programs (no shell on distroless), so what it runs may be missing."},
	{warnReadUnnamed, KindWarning, "files left out while the sources read a path they do not name", "Files a COPY brought in are left out because no source names them (RS127), and the sources read a file by a path that is no literal (os.ReadFile(path) with the path from a flag or an environment variable): the program may read one of those files, which the runtime lacks."},
	{warnVersionCaveat, KindWarning, "version read from a source with a caveat", "The builder's tag does not pin the version, and the build file gives it by a setting that does not make the build check it (Maven's compiler target or source without a release, which compiles against the builder JDK's class library): the program may call what the runtime's version lacks; the warning says which setting, and what would check it."},
	{warnVMChanged, KindWarning, "virtual machine changed", "The builder runs one virtual machine family (IBM J9 / Eclipse OpenJ9) and the runtime another (HotSpot): no runtime of the builder's family fits, or another was asked for; the command passes no option the runtime's does not know, but defaults such as garbage collection and memory differ."},
	{warnRootProgram, KindWarning, "root kept for a program that works only as root", "The start command, its script or a source of the program runs a program the preset lists as working only as root (programs.root_needs: chroot, which needs CAP_SYS_CHROOT; su, runuser, setpriv, gosu, su-exec, which change user; mount): Docker gives those capabilities to root and no other user, so the runtime keeps the original user root, as for a write only root could make (RS315); a source names it as a literal call, or as the first word of a string literal in a source that runs command strings."},
	{warnComposeCmdOnly, KindWarning, "command read from compose; the image's default command is not kept", "The file has no CMD or ENTRYPOINT, and the compose services that build it all run one command:, which is read as what the container runs; the runtime stage writes no CMD either, so compose runs the same command as before, but the default command the original inherited from its base image (a shell for the official images) is not kept, so docker run without a command runs nothing usable."},
	{warnRootDaemon, KindWarning, "root kept for a daemon that runs as root", "The start command or its script starts a daemon the preset lists as running as root (programs.root_daemons: cron -f, service cron start, /etc/init.d/cron start), which a non-root user could not start (cron writes its pid file under /var/run and runs each crontab's jobs as the user who owns it): the runtime keeps the original user root, as for a program that works only as root (RS346), and gets what the build wrote for the daemon (RS146) (review 29, finding B)."},
	{warnEnvComposeOnly, KindWarning, "a decline rule turned off by compose's environment only", "A preset's source decline rule (a development server started from the app's code, next({ dev })) is off because every compose service that builds the file sets its unless_env variables in environment: (NODE_ENV=production), while the image does not: the file is converted for the way compose runs it, and the note names the compose entries and what the start does when the image is run without them (docker run)."},
	{warnRootStartUnread, KindWarning, "root user kept: the start file's sources were not read", "The original set USER root explicitly and the file the interpreter starts (node server.js) is not in the build context, made by a build step from sources the preset does not read (CoffeeScript compiled by coffee -c) or from none there, with no source the preset maps to it (a tsconfig.json's rootDir), so nothing shows that the program needs no root (a port below 1024, a write outside its folder) and the runtime keeps the original's root user instead of changing it as RS304 would (writing USER with a non-root user in the Dockerfile, once the program is known not to need root, lets the runtime run as that user)."},
	{warnReplacedUserBound, KindWarning, "the original's own user replaced where a compose file mounts a host folder it writes", "The original ran as a non-root user of its own (one the builder made, USER nodeuser after adduser -u 1001, or one the runtime image lacks), which the runtime's non-root user takes the place of (RS120, RS303), and a compose file of the build context bind-mounts a host folder, read-write, where the program or its start script writes: inside the image the runtime user owns what the original's did, but who may write in the host folder is decided by its owner on the host, and one set up for the original's uid may refuse the runtime's (review 32, finding E); the note names the mount, the write and both users."},
	{warnDevUnmapped, KindWarning, "development package with no known run-time library", "The builder installs a development package (Debian's lib*-dev, Alpine's NAME-dev) that the preset maps to no run-time library: it stays in the builder and the runtime installs no library for it, which the app needs if it loads (ctypes, cffi) or links that library at run time."},
	{warnAlongsideMissing, KindWarning, "package the runtime lacks and cannot install", "The builder installs a package that the default runtime has (zone data, CA certificates), and the runtime (asked for with --runtime, or the only family the builder runs on) has neither it nor a way to install it: what the program reads from it is missing at run time."},
	{warnLocalTimeLost, KindWarning, "local time zone lost", "A RUN sets the builder's local time zone and the file sets no TZ, but the zone's name is not spelled out (a variable only known at build time) or the runtime has no zone data to resolve ENV TZ: the runtime runs in UTC."},

	{warnHealthcheckLacked, KindWarning, "HEALTHCHECK program the original image lacked", "The HEALTHCHECK runs a program (curl) that the builder image does not have (node:22-slim purges it; the preset's builder.variants[].lacks) and no step of the file installs: the original's check could not run it (when that program decides the check, it always failed and the container was never healthy), and the runtime does not get the program either, so the check behaves as it did; the warning says how to make it work, or, on a runtime that has the program anyway (eclipse-temurin:17-jre has curl), that the check now runs and the health status can change."},
	{warnProgramLacked, KindWarning, "program the sources run that the original image lacked", "The app's sources run a program by name (curl) that the builder image does not have (node:22-slim purges it; the preset's builder.variants[].lacks) and no step of the file installs: those calls failed in the original, and the runtime does not get the program either, so they fail as they did (no flavor is chosen and nothing is installed for it); the warning says how to make them work, or, on a runtime that has the program anyway, that those calls now run."},
	{warnReleaseDrift, KindWarning, "run-time packages from another system release", "The builder's tag names its system release (openjdk:11-jdk-slim-bullseye), and the runtime that installs the packages the builder installed is on another one (eclipse-temurin:11-jre is on Ubuntu), for which no image of the runtime's family exists on the builder's release: a package may not exist there under the builder's name (libssl1.1 is gone after bullseye), or be another version with other library sonames, so the runtime's install may fail or the app load other libraries; the warning names the packages."},
	{warnContextUnread, KindWarning, "a build-context file not read", "A file of the build context that restage reads whole (go.mod, package.json, a lockfile, requirements, pom.xml, action.yml, ...) is over 16 MiB (an ignore file or action.yml over 256 KiB), or is not a regular file (a named pipe, a device, a link to one), so it is not read: what it would say (dependencies that need a C library, versions, settings, the runner's user) is not taken into account, and the result may lack what it would have added; the warning names the file."},
	{warnSocketRoot, KindWarning, "root user kept: the program connects to a daemon's socket", "The original ran as root, and the program connects to a daemon's socket the preset knows (writes.sources.sockets: the Docker daemon's, /var/run/docker.sock or /run/docker.sock), as shown, strongest first, by a compose file of the build context whose service builds this Dockerfile mounting a volume at the socket's path (compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml or their .override files, at the context's root or in the Dockerfile's folder), a VOLUME of that path, or a source the start reaches naming the socket (/var/run/docker.sock, unix:///var/run/docker.sock) or calling a client library that connects to it by default (Docker's Go client with client.FromEnv, the docker package's docker.from_env(), dockerode's new Docker()), outside comments: on the host the socket is root's and the docker group's, mode 660, which a bind mount keeps, so the original's root could connect and a non-root runtime user is refused (EACCES) and the container does none of its work; the runtime keeps the original user root, and the note names the evidence (file:line); the runtime's user may instead be added to the host's docker group (compose's group_add:), whose id differs from host to host, which restage cannot know."},
	{warnArgNotFollowed, KindWarning, "runtime FROM cannot follow the builder's build argument", "The builder's FROM names its image with a global build argument (in its tag, or the whole reference: ARG BASE_IMAGE=node:22-alpine), and no runtime the program can use names the argument's value as a whole (alpine:3.21 for ARG TAG=1.26-alpine3.21, a part of it; a --runtime asked for): the runtime is the image for the argument's default, so a --build-arg changes the builder only, and the runtime may not run what the builder made (a native module built for another Node.js, a venv of another Python); the warning names the argument, and the runtime's FROM must then be changed with it by hand."},
	{warnKubeMountWritten, KindWarning, "a Kubernetes volume mounted where the non-root runtime user writes", "The original ran as root, the runtime runs as a non-root user, and a Kubernetes manifest or Helm template of the build context (a YAML file down to three folders deep) mounts a volume (a persistentVolumeClaim, a hostPath, a volume claim template; not an emptyDir, which is mode 777, nor a read-only configMap or secret) at a path written out where the program writes or inside a folder the runtime user owns, in a file that sets neither securityContext.fsGroup nor runAsUser: on Kubernetes that folder is the volume's own, not filled from the image as a Docker named volume is, and its owner is the storage driver's choice (root, mode 755, on a new block volume), so the original's root could write it and the runtime user can only if the pod sets fsGroup to its group, which the warning names; restage does not edit the manifest, and a templated value of a Helm chart ({{ .Values.persistence.mountPath }}) is not read (review 24, E)."},

	{internalRender, KindInternal, "rendering failed", "Writing the runtime stage failed; this is a bug in restage or a preset's template."},
	{internalCheck, KindInternal, "result failed a check", "The result failed a check (it does not parse, it does not have two stages, or a stage or variable is missing); this is a bug in restage."},
}

// Codes returns every code the engine can report, in order.
func Codes() []CodeInfo {
	return append([]CodeInfo(nil), codes...)
}

// LookupCode returns the registry entry of c.
func LookupCode(c Code) (CodeInfo, bool) {
	// A binary search of the table, which is in code order
	// (TestCodesRegistry), rather than a map: an index built by an
	// initialiser runs in every process, and hashing the 200 codes was
	// 39K instructions of each run's start (callgrind).
	lo, hi := 0, len(codes)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if codes[m].Code < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(codes) || codes[lo].Code != c {
		return CodeInfo{}, false
	}
	return codes[lo], true
}

// level is the note level of an info or warning code; empty for any
// other code, which a note must not carry (TestCodesAtCallSites).
func (c Code) level() Level {
	info, _ := LookupCode(c)
	switch info.Kind {
	case KindInfo:
		return Info
	case KindWarning:
		return Warning
	}
	return ""
}
