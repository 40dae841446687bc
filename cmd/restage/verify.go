package main

// restage verify: the flags and the wiring of package verify, which
// builds, runs and compares the original and the converted file.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/verify"
	"github.com/restage/restage/workspace"
)

// Flags of verify only.
const (
	flagDocker       = "docker"
	flagProbeHTTP    = "probe-http"
	flagProbeCmd     = "probe-cmd"
	flagProbeStdin   = "probe-stdin"
	flagRunCmd       = "run-cmd"
	flagKeep         = "keep"
	flagBuildTimeout = "build-timeout"
	flagProbeTimeout = "probe-timeout"
	flagUpFor        = "up-for"
	flagNoCache      = "no-cache"
	flagBuildArg     = "build-arg"
	flagEnv          = "env"
)

func verifyFlags() []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: flagDocker, Usage: "the docker CLI program, a `PATH` (default: $RESTAGE_DOCKER, else docker on PATH); builds run with DOCKER_BUILDKIT=1"},
		&cli.StringSliceFlag{Name: flagProbeHTTP, Usage: "probe `PORT/PATH` over HTTP on 127.0.0.1 (repeatable): both images must answer with the same status and body"},
		&cli.StringFlag{Name: flagProbeCmd, Usage: "run each image with `ARGS` (shell-like words) as its CMD: same exit status and stdout"},
		&cli.StringFlag{Name: flagRunCmd, Usage: "start both images with `ARGS` in place of their CMD (docker run IMAGE ARGS..., as compose's command:) for --probe-http, the default probe and --probe-stdin without --probe-cmd: shell-like words or a JSON array, run without a shell; for an image with no CMD of its own"},
		&cli.StringFlag{Name: flagProbeStdin, Usage: "run each image (with --probe-cmd's ARGS, else its own command) with the contents of `FILE` on standard input (docker run -i): same exit status and stdout; for a program that reads what it works on from stdin"},
		&cli.BoolFlag{Name: flagKeep, Usage: "keep the images, containers and temporary files verify made"},
		&cli.DurationFlag{Name: flagBuildTimeout, Value: 10 * time.Minute, Usage: "give up a build after `DURATION`"},
		&cli.DurationFlag{Name: flagProbeTimeout, Value: 30 * time.Second, Usage: "give up a probe after `DURATION` (an HTTP probe polls until then)"},
		&cli.DurationFlag{Name: flagUpFor, Value: 3 * time.Second, Usage: "without a probe: a container still running after `DURATION` is a server"},
		&cli.BoolFlag{Name: flagNoCache, Usage: "build with --no-cache (cold builds, comparable times)"},
		&cli.StringSliceFlag{Name: flagBuildArg, Usage: "`KEY=VALUE`: a build argument for both builds (repeatable), as docker build --build-arg"},
		&cli.StringSliceFlag{Name: flagEnv, Aliases: []string{"e"}, Usage: "`KEY=VALUE`: set in every container of both images (repeatable), as docker run -e"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress and no notes on stderr"},
	}
	for _, f := range wrapNames(conversionFlags()) { // wrapped: Names without a regular expression
		switch f.Names()[0] {
		case flagStdinFilename: // verify needs a file
		case flagJSON:
			flags = append(flags, &cli.BoolFlag{Name: flagJSON, Usage: "print the report as one JSON object"})
		default:
			flags = append(flags, f)
		}
	}
	return flags
}

// verifySettings reads verify's own flags into the package's options.
func (a *app) verifySettings(c *cli.Context) (*verify.Options, error) {
	v := &verify.Options{
		Keep:         c.Bool(flagKeep),
		BuildTimeout: c.Duration(flagBuildTimeout),
		ProbeTimeout: c.Duration(flagProbeTimeout),
		UpFor:        c.Duration(flagUpFor),
		NoCache:      c.Bool(flagNoCache),
	}
	for name, d := range map[string]time.Duration{flagBuildTimeout: v.BuildTimeout, flagProbeTimeout: v.ProbeTimeout, flagUpFor: v.UpFor} {
		if d <= 0 {
			return nil, usagef("--%s %s: want a positive duration", name, d)
		}
	}
	for name, vals := range map[string][]string{flagBuildArg: c.StringSlice(flagBuildArg), flagEnv: c.StringSlice(flagEnv)} {
		for _, kv := range vals {
			if k, _, ok := strings.Cut(kv, "="); !ok || k == "" {
				return nil, usagef("--%s %q: want KEY=VALUE", name, kv)
			}
		}
	}
	v.BuildArgs, v.Env = c.StringSlice(flagBuildArg), c.StringSlice(flagEnv)
	v.Docker = c.String(flagDocker)
	if v.Docker == "" {
		v.Docker = a.env("RESTAGE_DOCKER")
	}
	if v.Docker == "" {
		v.Docker = "docker"
	}
	for _, s := range c.StringSlice(flagProbeHTTP) {
		p, err := parseHTTPProbe(s)
		if err != nil {
			return nil, err
		}
		v.HTTPProbes = append(v.HTTPProbes, p)
	}
	if c.IsSet(flagProbeCmd) {
		words, err := verify.CmdProbeArgs(c.String(flagProbeCmd))
		if err != nil {
			return nil, usagef("--probe-cmd: %v", err)
		}
		if len(words) == 0 {
			return nil, usagef("--probe-cmd: no arguments")
		}
		v.CmdProbe, v.CmdProbeText = words, c.String(flagProbeCmd)
	}
	if c.IsSet(flagRunCmd) {
		words, err := verify.RunCmdArgs(c.String(flagRunCmd))
		if err != nil {
			return nil, usagef("--run-cmd: %v", err)
		}
		if len(words) == 0 {
			return nil, usagef("--run-cmd: no arguments")
		}
		// --probe-cmd runs its own command and is then the only probe
		// unless --probe-http is given: the run command would run nowhere.
		if v.CmdProbe != nil && len(v.HTTPProbes) == 0 {
			return nil, usagef("--run-cmd: --probe-cmd replaces the command itself; --run-cmd is for --probe-http, the default probe and --probe-stdin alone")
		}
		v.RunCmd, v.RunCmdText = words, c.String(flagRunCmd)
	}
	if name := c.String(flagProbeStdin); name != "" {
		data, err := os.ReadFile(name)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, usagef("--probe-stdin %s: %v", textutil.ShowPath(name), err)
		}
		v.CmdProbeStdin, v.CmdProbeStdinName = data, name
		if v.CmdProbe == nil {
			// The command the image runs: its own, or the run command.
			v.CmdProbe, v.CmdProbeText = v.RunCmd, v.RunCmdText
			if v.CmdProbe == nil {
				v.CmdProbe = []string{}
			}
		}
	}
	return v, nil
}

// parseHTTPProbe reads PORT/PATH ("8080/", "8080/healthz", "8080").
func parseHTTPProbe(s string) (verify.HTTPProbe, error) {
	port, p, _ := strings.Cut(s, "/")
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		return verify.HTTPProbe{}, usagef("--probe-http %q: want PORT/PATH, like 8080/ or 8080/healthz", s)
	}
	return verify.HTTPProbe{Port: n, Path: "/" + p}, nil
}

func (a *app) verifyAction(c *cli.Context) error {
	s, err := a.conversionSettings(c)
	if err != nil {
		return err
	}
	v, err := a.verifySettings(c)
	if err != nil {
		return err
	}
	s.quiet = c.Bool("quiet")
	if c.NArg() != 1 {
		return usagef("verify takes one Dockerfile (or a folder with one)")
	}
	p := c.Args().First()
	if p == "-" {
		return usagef("verify needs a file: the build context comes from its folder")
	}
	jobs := discover([]string{p}, nil)
	if len(jobs) != 1 {
		return usagef("%s: %d Dockerfiles; verify takes one", textutil.ShowPath(p), len(jobs))
	}
	rec := a.process(s, jobs[0])
	if rec.Status == workspace.Error {
		fmt.Fprintln(a.stderr, rec.Message())
		a.fail(exitError)
		return nil
	}
	a.reportMessages(s, rec)

	in := verify.Input{Path: rec.Path, Context: s.ContextDir, Original: rec.In, ImageMap: rec.Opt.ImageMap}
	if res := rec.Result; res != nil {
		in.Converted, in.Runtime = res.Output, res.Runtime
		switch rec.Status {
		case workspace.Declined:
			in.Declined, in.Reason = true, res.Declined
		case workspace.Unchanged:
			in.Unchanged = true
		}
	}
	var live *verify.StatusLine
	if !s.quiet {
		v.Log = a.stderr
		if a.stderrIsTerminal && !s.json {
			// A build can take minutes: show where it is, on one line
			// that the next note replaces.
			live = verify.NewStatusLine(a.stderr, a.stderrWidth)
			v.Log, v.BuildStep = live, live.Step
		}
	}

	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep := verify.Run(ctx, in, *v)
	if live != nil {
		live.Clear()
	}
	if rep.Verdict == verify.VerdictError && !s.json {
		fmt.Fprintf(a.stderr, "restage verify: %s\n", rep.Message)
	}
	if s.json {
		rep.WriteJSON(a.stdout)
		if rep.Verdict == verify.VerdictError {
			fmt.Fprintf(a.stderr, "restage verify: %s\n", rep.Message)
		}
	} else if rep.Verdict != verify.VerdictError {
		a.stdout.Write(rep.Table())
	}
	a.fail(rep.ExitStatus)
	return nil
}

// verifyHelp is the command's long description.
const verifyHelp = `Converts the Dockerfile (same flags and config as the root command), then builds the
original and the converted file with the docker CLI (DOCKER_BUILDKIT=1; DOCKER_HOST and
contexts apply), runs both and compares them: build, exit status and output of a probe, the files each
image wrote while probed (docker diff; tools' state in home folders, compile caches and
folders only one image has are not compared), image size, layers, user, and whether a
shell or a package manager is left in the image.

Probes: --probe-http PORT/PATH (same status and body), --probe-cmd ARGS (same exit status
and stdout; --probe-stdin FILE gives both runs FILE on stdin, with ARGS or the image's own
command), or by default: a server stays up for --up-for, a one-shot program exits 0 with
the same stdout. --run-cmd ARGS starts both images with ARGS in place of their CMD (as
compose's command: does) for --probe-http, the default probe and --probe-stdin: how an
image with no CMD of its own is run. The image map (--image-map, image_map) applies to the original's FROM
and COPY --from images too.

Exit status: 0 the converted image builds and behaves like the original, 1 it does not
(a probe or the files written differ, or restage leaves the file unchanged), 2 an error
(no docker, no daemon, the original does not build, a bad flag).`
