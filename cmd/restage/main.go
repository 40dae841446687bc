// Command restage rewrites single-stage Dockerfiles into multi-stage ones.
//
// Usage:
//
//	restage [flags] [path ...]       diff, list, check or rewrite Dockerfiles
//	restage explain [flags] path ... say what the rewrite does and why
//	restage verify [flags] path      build and run the original and the result, compare
//	restage report [flags] [path ...] a summary of the whole run: text, markdown or html
//	restage lsp [flags]              a language server on stdin and stdout, for editors
//	restage presets list|show NAME   the built-in language presets
//	restage review [flags] [path ...] suggest the changes on a GitHub pull request (runs restage-review)
//	restage version
//
// A path is a file or a folder; folders are searched for Dockerfile,
// Dockerfile.*, *.Dockerfile, *.dockerfile and dockerfile, skipping .git,
// vendor and node_modules. With no path and a piped stdin, or with "-",
// the Dockerfile on stdin is converted and printed whole on stdout (the
// contract for an editor's format-on-save). A file whose name is a
// command (explain, lsp, presets, report, review, verify, version) is given as ./explain.
//
// Exit status: 0 done, 1 -l or --check found files to change, 2 error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/restage/restage/config"
	"github.com/restage/restage/internal/version"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/transform"
)

// app is the command with its surroundings, so tests can run it with a
// fake converter, buffers and a pretend terminal.
type app struct {
	convert          func([]byte, transform.Options) (*transform.Result, error)
	presets          func() ([]*presets.Preset, error)
	stdin            io.Reader
	stdout, stderr   io.Writer
	stdinIsPipe      bool
	stdoutIsTerminal bool
	stderrIsTerminal bool
	stderrWidth      int                 // the terminal's columns, when stderr is one
	getenv           func(string) string // nil: no environment
	workers          int                 // files converted at once; 0: one per CPU

	status int // the worst exit status so far
}

func main() {
	growStack()
	// A run allocates much and keeps little (each file's result is
	// printed and dropped), so the collector runs a quarter as often as
	// Go's default (GOGC 400: over 10,000 files on 2 cores 1.40 s and
	// 40 MB, against 1.52 s and 30 MB with 200), and a soft limit keeps
	// the largest inputs the engine takes under 100 MB (85 MB at worst,
	// BenchmarkLimitsPeak). GOGC and GOMEMLIMIT in the environment still win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(80 << 20)
	}
	a := &app{
		convert:          transform.Convert,
		presets:          presets.Builtin,
		stdin:            os.Stdin,
		stdout:           os.Stdout,
		stderr:           os.Stderr,
		stdinIsPipe:      !term.IsTerminal(int(os.Stdin.Fd())),
		stdoutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		stderrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		getenv:           os.Getenv,
	}
	if a.stderrIsTerminal {
		a.stderrWidth, _, _ = term.GetSize(int(os.Stderr.Fd()))
	}
	os.Exit(a.run(os.Args[1:]))
}

// growStack grows the main goroutine's stack to 32 KiB in one step,
// while it holds a single frame. One file is converted on this goroutine
// 16-32 KiB deep, and the stack growing there one doubling at a time
// copied and adjusted every frame on it each time: 0.22M of a whole
// run's 5.8M instructions (callgrind, the typical file).
//
//go:noinline
func growStack() {
	var frame [20 << 10]byte
	stackSink = frame[len(os.Args)&1023]
}

var stackSink byte

// Exit statuses.
const (
	exitOK      = 0
	exitChanges = 1 // -l or --check found files to change
	exitError   = 2
)

// fail records an exit status; the worst one wins.
func (a *app) fail(status int) {
	a.status = max(a.status, status)
}

func (a *app) env(name string) string {
	if a.getenv == nil {
		return ""
	}
	return a.getenv(name)
}

// usageError is a bad command line: one line and a hint, exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// run runs the command with args (without the program name) and returns
// the exit status.
func (a *app) run(args []string) int {
	a.status = exitOK
	if len(args) > 0 && args[0] == "review" {
		// Its flags are the review program's; none is parsed here.
		return a.reviewCommand(args[1:])
	}
	cmd := a.cli()
	namesOnce(cmd)
	err := cmd.Run(append([]string{"restage"}, permuteArgs(cmd, args)...))
	if err != nil {
		var ue usageError
		var ce *config.Error
		if errors.As(err, &ce) {
			fmt.Fprintln(a.stderr, ce.Error()) // FILE:LINE: message
		} else if errors.As(err, &ue) {
			fmt.Fprintf(a.stderr, "restage: %s\nRun 'restage --help' for usage.\n", ue.msg)
		} else {
			fmt.Fprintf(a.stderr, "restage: %v\n", err)
		}
		a.fail(exitError)
	}
	return a.status
}

// configName is the config file's name, for the flags' help and tests.
const configName = config.Name

// Flag names shared by the root command and explain.
const (
	flagRuntime        = "runtime"
	flagPreset         = "preset"
	flagContext        = "context"
	flagFitHealthcheck = "fit-healthcheck"
	flagMaxSize        = "max-size"
	flagJSON           = "json"
	flagStdinFilename  = "stdin-filename"
	flagImageMap       = "image-map"
	flagConfig         = "config"
	flagNoConfig       = "no-config"
	flagPresetDir      = "preset-dir"
	flagFormat         = "format"
	flagRepoRoot       = "repo-root"
)

// conversionFlags are the flags that steer a conversion.
func conversionFlags() []cli.Flag {
	return []cli.Flag{
		&flavorFlag{cli.StringFlag{Name: flagRuntime}},
		&cli.StringFlag{Name: flagPreset, Usage: "use the preset `NAME` instead of detecting one (see 'restage presets list')"},
		&cli.StringSliceFlag{Name: flagPresetDir, Usage: "read more presets from the *.yaml files in `DIR` (repeatable); one named like a built-in preset replaces it"},
		&cli.StringFlag{Name: flagContext, Usage: "build context `DIR` (default: the Dockerfile's folder; for stdin, the folder of --stdin-filename, else none)"},
		&cli.BoolFlag{Name: flagFitHealthcheck, Usage: "pick a runtime image that has the tools the HEALTHCHECK calls"},
		&cli.StringFlag{Name: flagMaxSize, Value: "1MiB", Usage: "refuse Dockerfiles over `SIZE`: bytes, or with a unit (512KiB, 2MiB); any size, restage reads at most " + inputLimits},
		&cli.BoolFlag{Name: flagJSON, Usage: "print one JSON array with a result object per file"},
		&cli.StringFlag{Name: flagStdinFilename, Usage: "`NAME` of the Dockerfile read from stdin, for messages; its folder, when it exists, is the build context and where " + configName + " is looked for (default: <stdin>, no context)"},
		&cli.StringSliceFlag{Name: flagImageMap, Usage: "`FROM=TO`: the image references restage writes that start with FROM start with TO instead (repeatable; the first match wins; before the config's image_map)"},
		&cli.StringFlag{Name: flagConfig, Usage: "read the config `FILE` instead of looking for " + configName + " from each Dockerfile's folder up to the one holding .git"},
		&cli.BoolFlag{Name: flagNoConfig, Usage: "read no " + configName},
	}
}

// inputLimits are the engine's limits on any input, for --max-size's help.
var inputLimits = fmt.Sprintf("%d lines, %d words and %d instructions", transform.MaxLines, transform.MaxWords, transform.MaxInstructions)

// flavorFlag is --runtime. Its help lists the flavors the built-in
// presets define; they are decoded only when the help is printed, so a
// run pays nothing for it.
type flavorFlag struct{ cli.StringFlag }

func (f *flavorFlag) String() string {
	g := f.StringFlag
	g.Usage = "runtime image `FLAVOR`, one the preset defines (default: the preset's choice)"
	if ps, err := presets.Builtin(); err == nil {
		g.Usage = "runtime image `FLAVOR`: " + strings.Join(presets.Flavors(ps), ", ") +
			", or one that a --preset-dir preset defines (default: the preset's choice)"
	}
	return cli.FlagStringer(&g)
}

func (a *app) cli() *cli.App {
	onUsageError := func(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} }
	root := []cli.Flag{
		&cli.BoolFlag{Name: "d", Usage: "print a unified diff of the changes (the default)"},
		&cli.BoolFlag{Name: "l", Usage: "list the files that would change, one per line (an odd name in double quotes with C escapes, as git does); exit 1 if any"},
		&cli.BoolFlag{Name: "z", Usage: "with -l or --check: list each name as it is, ended by a NUL byte instead of a newline (for xargs -0)"},
		&cli.BoolFlag{Name: "w", Usage: "write the results to the files in place: each is replaced by a new file (same mode and owner) renamed over it, so a hard link to it keeps the old content; SIGINT or SIGTERM removes the temporary file, SIGKILL may leave a .NAME.restage-NNNN file"},
		&cli.BoolFlag{Name: "check", Usage: "exit 1 if any file would change, listing them"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no notes and no 'left unchanged' messages on stderr"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print info notes too (by default only warnings and 'left unchanged' messages)"},
		&cli.StringFlag{Name: "color", Value: "auto", Usage: "`WHEN` to colour the diff: auto (stdout is a terminal and NO_COLOR is unset), always or never"},
		&cli.StringFlag{Name: flagFormat, Usage: "print the results as `FORMAT`: diff (the default), json (as --json), sarif (SARIF 2.1.0 with fixes, for code scanning) or rdjson (reviewdog's format with suggestions)"},
		&cli.StringFlag{Name: flagRepoRoot, Usage: "sarif and rdjson name files relative to `DIR` (default: the working directory)"},
		&cli.BoolFlag{Name: "version", Usage: "print the version"},
	}
	return &cli.App{
		Name:      "restage",
		Usage:     "rewrite single-stage Dockerfiles into multi-stage ones",
		UsageText: "restage [flags] [path ...]\nrestage explain [flags] path ...\nrestage verify [flags] path\nrestage report [flags] [path ...]\nrestage lsp [flags]\nrestage presets list | presets show NAME\nrestage review [flags] [path ...]   (GitHub pull requests; 'restage review -h')\nrestage version",
		Description: "Paths are files or folders; folders are searched for Dockerfile, Dockerfile.*,\n" +
			"*.Dockerfile, *.dockerfile and dockerfile (skipping .git, vendor, node_modules).\n" +
			"Without -w, -l or --check a unified diff is printed. With no path and a piped\n" +
			"stdin, or with -, stdin is converted and printed whole on stdout.\n" +
			"Flags may come before or after paths; a file named like a command is ./explain.\n\n" +
			"Exit status: 0 done, 1 -l/--check found files to change, 2 error.",
		Flags:           append(root, conversionFlags()...),
		HideVersion:     true,
		HideHelpCommand: true,
		Writer:          a.stdout,
		ErrWriter:       a.stderr,
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    onUsageError,
		Action:          a.rootAction,

		// --image-map and --probe-http values are taken whole, commas included.
		DisableSliceFlagSeparator: true,

		Commands: []*cli.Command{
			{
				Name:         "explain",
				Usage:        "say which preset matched, what moved where, the runtime image and why",
				ArgsUsage:    "path ...",
				Flags:        conversionFlags(),
				OnUsageError: onUsageError,
				Action:       a.explainAction,
			},
			{
				Name:         "verify",
				Usage:        "build the original and the converted Dockerfile with docker, run both and compare",
				ArgsUsage:    "path",
				Description:  verifyHelp,
				Flags:        verifyFlags(),
				OnUsageError: onUsageError,
				Action:       a.verifyAction,
			},
			{
				Name:         "report",
				Usage:        "summarise the run: converted, unchanged, declined by code, runtimes, size estimates, warnings (text, markdown or html)",
				ArgsUsage:    "[path ...]",
				Description:  reportHelp,
				Flags:        reportFlags(),
				OnUsageError: onUsageError,
				Action:       a.reportAction,
			},
			{
				Name:         "lsp",
				Usage:        "run a language server on stdin and stdout, for editors",
				Description:  lspHelp,
				Flags:        lspFlags(),
				OnUsageError: onUsageError,
				Action:       a.lspAction,
			},
			{
				Name:            "presets",
				Usage:           "list the built-in presets or print one",
				OnUsageError:    onUsageError,
				HideHelpCommand: true,
				Action: func(c *cli.Context) error {
					if c.Args().Present() {
						return usagef("unknown presets command %q (want list or show NAME)", c.Args().First())
					}
					return a.presetsList()
				},
				Subcommands: []*cli.Command{
					{Name: "list", Usage: "name, title and description of each preset", OnUsageError: onUsageError,
						Flags: []cli.Flag{presetDirFlag()},
						Action: func(c *cli.Context) error {
							if c.Args().Present() {
								return usagef("presets list takes no arguments")
							}
							return a.withPresetDirs(c, a.presetsList)
						}},
					{Name: "show", Usage: "print a preset's YAML", ArgsUsage: "NAME", OnUsageError: onUsageError,
						Flags: []cli.Flag{presetDirFlag()},
						Action: func(c *cli.Context) error {
							if c.NArg() != 1 {
								return usagef("presets show takes one preset name")
							}
							return a.withPresetDirs(c, func() error { return a.presetsShow(c.Args().First()) })
						}},
					{Name: "validate", Usage: "check preset files: FILE: ok, or FILE:LINE: message (exit 2)", ArgsUsage: "FILE ...", OnUsageError: onUsageError,
						Action: func(c *cli.Context) error {
							return a.presetsValidate(c.Args().Slice())
						}},
				},
			},
			{
				Name:         "version",
				Usage:        "print the version",
				OnUsageError: onUsageError,
				Action: func(*cli.Context) error {
					fmt.Fprintln(a.stdout, "restage", version.String())
					return nil
				},
			},
		},
	}
}

// permuteArgs moves flags in front of the paths, so that `restage file -w`
// works like `restage -w file` (Go's flag package stops at the first
// path). After "--" everything is a path. Flags before a command name
// stay with the root command, except for explain and verify, whose flags
// include the conversion flags: there they all go to the command.
func permuteArgs(app *cli.App, args []string) []string {
	takesValue := map[string]bool{}
	note := func(flags []cli.Flag) {
		for _, f := range flags {
			if v, ok := f.(cli.DocGenerationFlag); ok && v.TakesValue() {
				for _, n := range f.Names() {
					takesValue[n] = true
				}
			}
		}
	}
	note(app.Flags)
	flags, paths, at := splitArgs(args, takesValue)
	if len(paths) > 0 && at[0] >= 0 {
		if cmd := app.Command(paths[0]); cmd != nil {
			if cmd.Name != "explain" && cmd.Name != "verify" && cmd.Name != "lsp" && cmd.Name != "report" {
				return args
			}
			// The flags before "explain" or "verify" go to it too: they
			// are the conversion flags, or errors.
			note(cmd.Flags)
			before, _, _ := splitArgs(args[:at[0]], takesValue)
			ef, ep, _ := splitArgs(args[at[0]+1:], takesValue)
			out := append(append([]string{cmd.Name}, before...), ef...)
			if len(ep) > 0 {
				out = append(append(out, "--"), ep...)
			}
			return out
		}
	}
	out := flags
	if len(paths) > 0 {
		if app.Command(paths[0]) != nil {
			// `restage -- explain`: the file named explain.
			paths[0] = "./" + paths[0]
		}
		out = append(append(out, "--"), paths...)
	}
	return out
}

// splitArgs separates flags (with their values) from paths. at[i] is the
// index of paths[i] in args, -1 when it came after "--".
func splitArgs(args []string, takesValue map[string]bool) (flags, paths []string, at []int) {
	for i := 0; i < len(args); i++ {
		s := args[i]
		if s == "--" {
			for _, p := range args[i+1:] {
				paths, at = append(paths, p), append(at, -1)
			}
			break
		}
		if len(s) > 1 && s[0] == '-' {
			flags = append(flags, s)
			name := strings.TrimLeft(s, "-")
			if !strings.Contains(name, "=") && takesValue[name] && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
			continue
		}
		paths, at = append(paths, s), append(at, i)
	}
	return flags, paths, at
}
