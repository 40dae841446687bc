package main

// restage verify: convert a Dockerfile, build the original and the
// converted file with the docker CLI, run both and compare.

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/urfave/cli/v2"

	"github.com/restage/restage/transform"
)

// Flags of verify only.
const (
	flagDocker       = "docker"
	flagProbeHTTP    = "probe-http"
	flagProbeCmd     = "probe-cmd"
	flagKeep         = "keep"
	flagBuildTimeout = "build-timeout"
	flagProbeTimeout = "probe-timeout"
	flagUpFor        = "up-for"
	flagNoCache      = "no-cache"
)

func verifyFlags() []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: flagDocker, Usage: "the docker CLI program, a `PATH` (default: $RESTAGE_DOCKER, else docker on PATH); builds run with DOCKER_BUILDKIT=1"},
		&cli.StringSliceFlag{Name: flagProbeHTTP, Usage: "probe `PORT/PATH` over HTTP on 127.0.0.1 (repeatable): both images must answer with the same status and body"},
		&cli.StringFlag{Name: flagProbeCmd, Usage: "run each image with `ARGS` (shell-like words) as its CMD: same exit status and stdout"},
		&cli.BoolFlag{Name: flagKeep, Usage: "keep the images, containers and temporary files verify made"},
		&cli.DurationFlag{Name: flagBuildTimeout, Value: 10 * time.Minute, Usage: "give up a build after `DURATION`"},
		&cli.DurationFlag{Name: flagProbeTimeout, Value: 30 * time.Second, Usage: "give up a probe after `DURATION` (an HTTP probe polls until then)"},
		&cli.DurationFlag{Name: flagUpFor, Value: 3 * time.Second, Usage: "without a probe: a container still running after `DURATION` is a server"},
		&cli.BoolFlag{Name: flagNoCache, Usage: "build with --no-cache (cold builds, comparable times)"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress and no notes on stderr"},
	}
	for _, f := range conversionFlags() {
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

// verifyConfig are verify's own settings.
type verifyConfig struct {
	docker       string
	probesHTTP   []httpProbe
	probeCmd     []string
	probeCmdText string
	keep         bool
	buildTimeout time.Duration
	probeTimeout time.Duration
	upFor        time.Duration
	noCache      bool
	quiet        bool
}

type httpProbe struct {
	port int
	path string
}

func (p httpProbe) String() string { return fmt.Sprintf("GET %d%s", p.port, p.path) }

// verifyError is a failure of verify itself (exit 2), printed as
// "restage verify: message".
type verifyError struct{ msg string }

func (e *verifyError) Error() string { return e.msg }

func verifyErrorf(format string, args ...any) error {
	return &verifyError{fmt.Sprintf(format, args...)}
}

func (a *app) verifySettings(c *cli.Context) (*verifyConfig, error) {
	v := &verifyConfig{
		keep:         c.Bool(flagKeep),
		buildTimeout: c.Duration(flagBuildTimeout),
		probeTimeout: c.Duration(flagProbeTimeout),
		upFor:        c.Duration(flagUpFor),
		noCache:      c.Bool(flagNoCache),
		quiet:        c.Bool("quiet"),
	}
	for name, d := range map[string]time.Duration{flagBuildTimeout: v.buildTimeout, flagProbeTimeout: v.probeTimeout, flagUpFor: v.upFor} {
		if d <= 0 {
			return nil, usagef("--%s %s: want a positive duration", name, d)
		}
	}
	v.docker = c.String(flagDocker)
	if v.docker == "" {
		v.docker = a.env("RESTAGE_DOCKER")
	}
	if v.docker == "" {
		v.docker = "docker"
	}
	for _, s := range c.StringSlice(flagProbeHTTP) {
		p, err := parseHTTPProbe(s)
		if err != nil {
			return nil, err
		}
		v.probesHTTP = append(v.probesHTTP, p)
	}
	if c.IsSet(flagProbeCmd) {
		words, err := splitWords(c.String(flagProbeCmd))
		if err != nil {
			return nil, usagef("--probe-cmd: %v", err)
		}
		if len(words) == 0 {
			return nil, usagef("--probe-cmd: no arguments")
		}
		v.probeCmd, v.probeCmdText = words, c.String(flagProbeCmd)
	}
	return v, nil
}

// parseHTTPProbe reads PORT/PATH ("8080/", "8080/healthz", "8080").
func parseHTTPProbe(s string) (httpProbe, error) {
	port, p, _ := strings.Cut(s, "/")
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		return httpProbe{}, usagef("--probe-http %q: want PORT/PATH, like 8080/ or 8080/healthz", s)
	}
	return httpProbe{port: n, path: "/" + p}, nil
}

// splitWords splits a command line like a POSIX shell would, without
// expansions: blanks separate words, quotes and backslashes quote.
func splitWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words, inWord = append(words, w.String()), false
				w.Reset()
			}
		case c == '\\':
			if i+1 < len(s) {
				i++
				w.WriteByte(s[i])
			}
			inWord = true
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unterminated ' quote")
			}
			w.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`"\$`+"`", s[i+1]) >= 0 {
					i++
				}
				w.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New(`unterminated " quote`)
			}
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// The report -----------------------------------------------------------

// Verdicts.
const (
	verdictSame      = "same"      // exit 0
	verdictDifferent = "different" // exit 1
	verdictDeclined  = "declined"  // exit 1: restage leaves the file as it is
	verdictError     = "error"     // exit 2
)

// verifyReport is what verify prints, as a table or as JSON.
type verifyReport struct {
	Path       string        `json:"path"`
	Verdict    string        `json:"verdict"`
	Message    string        `json:"message"`
	ExitStatus int           `json:"exit_status"`
	Docker     string        `json:"docker_server,omitempty"` // the engine's version
	Original   *imageReport  `json:"original,omitempty"`
	Converted  *imageReport  `json:"converted,omitempty"`
	Probes     []probeReport `json:"probes,omitempty"`
	// ImageMap lists the image references verify rewrote in the files it
	// built (the converted file's runtime image is mapped by the engine).
	ImageMap []imageRewrite `json:"image_map,omitempty"`
	Warnings []string       `json:"warnings,omitempty"`
	Kept     []string       `json:"kept,omitempty"` // images, containers and files left with --keep
}

type imageReport struct {
	Image        string  `json:"image"`
	From         string  `json:"from,omitempty"` // the final stage's base image
	Dockerfile   string  `json:"dockerfile,omitempty"`
	Built        bool    `json:"built"`
	BuildSeconds float64 `json:"build_seconds"`
	BuildError   string  `json:"build_error,omitempty"`
	SizeBytes    int64   `json:"size_bytes,omitempty"`
	Layers       int     `json:"layers,omitempty"`
	// User is the image's configured user; empty means root.
	User            string   `json:"user"`
	Shells          []string `json:"shells"`
	PackageManagers []string `json:"package_managers"`
	FilesChecked    bool     `json:"files_checked"` // Shells and PackageManagers are known

	baseImageMissing bool // the build failed on resolving a base image
}

type probeReport struct {
	Probe      string      `json:"probe"` // "default", "GET 8080/", "cmd ARGS"
	Same       bool        `json:"same"`
	Difference string      `json:"difference,omitempty"`
	Original   probeResult `json:"original"`
	Converted  probeResult `json:"converted"`
}

// probeResult is what one image did under one probe.
type probeResult struct {
	// Outcome is "running" (still up after --up-for), "exited",
	// "answered" (HTTP), "no answer", "not started" or "timed out".
	Outcome    string `json:"outcome"`
	ExitCode   *int   `json:"exit_code,omitempty"`
	HTTPStatus int    `json:"http_status,omitempty"`
	Stdout     string `json:"stdout,omitempty"` // or the HTTP body
	Stderr     string `json:"stderr,omitempty"` // its last lines, for the reader
	Error      string `json:"error,omitempty"`
}

// imageRewrite is one image reference rewritten by the image map.
type imageRewrite struct {
	File string `json:"file"` // "original" or "converted"
	Line int    `json:"line"`
	From string `json:"from"`
	To   string `json:"to"`
}

// The command ----------------------------------------------------------

func (a *app) verifyAction(c *cli.Context) error {
	s, err := a.conversionSettings(c)
	if err != nil {
		return err
	}
	v, err := a.verifySettings(c)
	if err != nil {
		return err
	}
	s.quiet = v.quiet
	if c.NArg() != 1 {
		return usagef("verify takes one Dockerfile (or a folder with one)")
	}
	p := c.Args().First()
	if p == "-" {
		return usagef("verify needs a file: the build context comes from its folder")
	}
	jobs := discover([]string{p})
	if len(jobs) != 1 {
		return usagef("%s: %d Dockerfiles; verify takes one", p, len(jobs))
	}
	rec := a.process(s, jobs[0])
	if rec.status == statusError {
		fmt.Fprintln(a.stderr, rec.message())
		a.fail(exitError)
		return nil
	}
	a.reportMessages(s, rec)

	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	vr := &verifyRun{app: a, s: s, v: v, rec: rec}
	rep := vr.run(ctx)
	if rep.Verdict == verdictError && !s.json {
		fmt.Fprintf(a.stderr, "restage verify: %s\n", rep.Message)
	}
	if s.json {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
		if rep.Verdict == verdictError {
			fmt.Fprintf(a.stderr, "restage verify: %s\n", rep.Message)
		}
	} else if rep.Verdict != verdictError {
		a.stdout.Write(rep.table())
	}
	a.fail(rep.ExitStatus)
	return nil
}

// verifyRun is one verification.
type verifyRun struct {
	app *app
	s   *settings
	v   *verifyConfig
	rec *record

	docker     *dockerCLI
	tmp        string // temporary folder, outside the build context
	context    string // the build context
	name       string // restage-verify/<name>-<suffix>
	images     []string
	containers []string
	rep        *verifyReport
}

func (vr *verifyRun) progress(format string, args ...any) {
	if !vr.v.quiet {
		fmt.Fprintf(vr.app.stderr, "restage verify: "+format+"\n", args...)
	}
}

// run does the work; every failure ends up in the report.
func (vr *verifyRun) run(ctx context.Context) *verifyReport {
	rep := &verifyReport{Path: vr.rec.path}
	vr.rep = rep
	res := vr.rec.result
	switch vr.rec.status {
	case statusDeclined:
		rep.Verdict, rep.ExitStatus = verdictDeclined, exitChanges
		rep.Message = "restage leaves this file unchanged (" + res.Declined + "): nothing to verify"
		return rep
	case statusUnchanged:
		rep.Verdict, rep.ExitStatus = verdictDeclined, exitChanges
		rep.Message = "restage has nothing to change in this file: nothing to verify"
		return rep
	}
	fail := func(err error) *verifyReport {
		rep.Verdict, rep.ExitStatus, rep.Message = verdictError, exitError, err.Error()
		return rep
	}
	defer vr.cleanup()

	// The docker CLI and the daemon.
	d, err := newDockerCLI(vr.v.docker)
	if err != nil {
		return fail(err)
	}
	vr.docker = d
	if rep.Docker, err = d.serverVersion(ctx); err != nil {
		return fail(err)
	}

	// The files to build.
	vr.context = vr.s.contextDir
	if vr.context == "" {
		vr.context = filepath.Dir(vr.rec.path)
	}
	if vr.tmp, err = os.MkdirTemp("", "restage-verify-"); err != nil {
		return fail(err)
	}
	if inside(vr.tmp, vr.context) {
		return fail(verifyErrorf("the temporary folder %s is inside the build context %s: set TMPDIR to a folder outside it", vr.tmp, vr.context))
	}
	m := vr.rec.opt.ImageMap
	orig, origChanges, origFrom, warns, err := rewriteImageRefs(vr.rec.in, m, "")
	if err != nil {
		return fail(verifyErrorf("%s: %v", vr.rec.path, err))
	}
	conv, convChanges, convFrom, _, err := rewriteImageRefs(res.Output, m, res.Runtime)
	if err != nil {
		return fail(verifyErrorf("the converted file does not parse: %v", err))
	}
	for i := range origChanges {
		origChanges[i].File = "original"
	}
	for i := range convChanges {
		convChanges[i].File = "converted"
	}
	rep.ImageMap = append(origChanges, convChanges...)
	rep.Warnings = append(rep.Warnings, warns...)
	origFile := filepath.Join(vr.tmp, "original.Dockerfile")
	convFile := filepath.Join(vr.tmp, "converted.Dockerfile")
	for f, data := range map[string][]byte{origFile: orig, convFile: conv} {
		if err := os.WriteFile(f, data, 0o644); err != nil {
			return fail(err)
		}
		// A Dockerfile's own ignore file goes with it.
		if ign, err := os.ReadFile(vr.rec.path + ".dockerignore"); err == nil {
			if err := os.WriteFile(f+".dockerignore", ign, 0o644); err != nil {
				return fail(err)
			}
		}
	}
	vr.name = "restage-verify/" + imageName(vr.rec.path) + "-" + randomSuffix()
	rep.Original = &imageReport{Image: vr.name + ":original", From: origFrom}
	rep.Converted = &imageReport{Image: vr.name + ":converted", From: convFrom}
	if vr.v.keep {
		rep.Original.Dockerfile, rep.Converted.Dockerfile = origFile, convFile
	}

	// Build.
	if err := vr.build(ctx, rep.Original, origFile, "original"); err != nil {
		return fail(err)
	}
	if !rep.Original.Built {
		if rep.Original.baseImageMissing {
			return fail(verifyErrorf("the original's base image cannot be had (%s): pull it, or map it to a mirror with --image-map", rep.Original.BuildError))
		}
		return fail(verifyErrorf("the original Dockerfile does not build (%s): nothing to compare with", rep.Original.BuildError))
	}
	if err := vr.build(ctx, rep.Converted, convFile, "converted"); err != nil {
		return fail(err)
	}
	if !rep.Converted.Built && rep.Converted.baseImageMissing {
		return fail(verifyErrorf("the converted file's base image cannot be had (%s): pull it, or map it to a mirror with --image-map", rep.Converted.BuildError))
	}
	if !rep.Converted.Built {
		rep.Verdict, rep.ExitStatus = verdictDifferent, exitChanges
		rep.Message = "the converted Dockerfile does not build: " + rep.Converted.BuildError
		vr.inspect(ctx, rep.Original, "original")
		return rep
	}

	// Look at both images, then run them.
	for _, x := range []struct {
		r       *imageReport
		variant string
	}{{rep.Original, "original"}, {rep.Converted, "converted"}} {
		if err := vr.inspect(ctx, x.r, x.variant); err != nil {
			return fail(err)
		}
	}
	if err := vr.probe(ctx); err != nil {
		return fail(err)
	}
	vr.verdict()
	return rep
}

// verdict sets the verdict from the probes.
func (vr *verifyRun) verdict() {
	rep := vr.rep
	var diffs []string
	for _, p := range rep.Probes {
		if !p.Same {
			diffs = append(diffs, p.Probe+": "+p.Difference)
		}
	}
	if len(diffs) > 0 {
		rep.Verdict, rep.ExitStatus = verdictDifferent, exitChanges
		rep.Message = "the converted image does not behave like the original: " + strings.Join(diffs, "; ")
		return
	}
	rep.Verdict, rep.ExitStatus = verdictSame, exitOK
	rep.Message = fmt.Sprintf("the converted image builds and behaves like the original (%s)", plural(len(rep.Probes), "probe"))
	if o, c := rep.Original.SizeBytes, rep.Converted.SizeBytes; o > 0 && c > 0 {
		rep.Message += fmt.Sprintf("; %s of the original's size", ratio(c, o))
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func ratio(a, b int64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", 100*float64(a)/float64(b)), ".0") + "%"
}

// inside reports whether the folder p is dir or under it.
func inside(p, dir string) bool {
	abs := func(x string) string {
		if y, err := filepath.Abs(x); err == nil {
			x = y
		}
		if y, err := filepath.EvalSymlinks(x); err == nil {
			x = y
		}
		return x
	}
	rel, err := filepath.Rel(abs(dir), abs(p))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

var nameRE = regexp.MustCompile(`[^a-z0-9]+`)

// imageName is a repository name component for the Dockerfile: its
// folder's name, and the file's when it is not plain "Dockerfile".
func imageName(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	n := filepath.Base(filepath.Dir(abs))
	if b := filepath.Base(p); !strings.EqualFold(b, "Dockerfile") {
		n += "-" + strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(b, "Dockerfile."), ".Dockerfile"), ".dockerfile")
	}
	n = strings.Trim(nameRE.ReplaceAllString(strings.ToLower(n), "-"), "-")
	if n == "" {
		n = "app"
	}
	return n[:min(len(n), 40)]
}

func randomSuffix() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// build builds one image into r; a failed build is recorded in r, an
// error is returned only when docker itself fails.
func (vr *verifyRun) build(ctx context.Context, r *imageReport, file, variant string) error {
	vr.progress("building the %s (%s)", variant, r.Image)
	log := filepath.Join(vr.tmp, variant+".build.log")
	args := []string{"build", "--progress=plain", "-f", file, "-t", r.Image}
	if vr.v.noCache {
		args = append(args, "--no-cache")
	}
	args = append(args, vr.context)
	bctx, cancel := context.WithTimeout(ctx, vr.v.buildTimeout)
	defer cancel()
	start := time.Now()
	out, err := vr.docker.combined(bctx, args...)
	r.BuildSeconds = time.Since(start).Seconds()
	os.WriteFile(log, out, 0o644)
	if err == nil {
		r.Built = true
		vr.images = append(vr.images, r.Image)
		return nil
	}
	if ctx.Err() != nil {
		return verifyErrorf("interrupted")
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) && bctx.Err() == nil {
		return verifyErrorf("docker: %v", err)
	}
	vr.images = append(vr.images, r.Image) // a partial tag is possible; rmi is harmless
	switch {
	case bctx.Err() != nil:
		r.BuildError = fmt.Sprintf("timed out after %s (--build-timeout)", vr.v.buildTimeout)
	case bytes.Contains(out, []byte("buildx component is missing")) || bytes.Contains(out, []byte("BuildKit is enabled but")):
		return verifyErrorf("docker: %s cannot build with BuildKit (DOCKER_BUILDKIT=1: the buildx component is missing): give --docker a client that can, or install buildx", vr.docker.bin)
	default:
		r.BuildError = buildErrorLine(out)
		r.baseImageMissing = baseImageProblem(out)
	}
	if !vr.v.quiet {
		fmt.Fprintf(vr.app.stderr, "restage verify: the %s build failed; its last lines:\n%s", variant, lastLines(out, 15))
	}
	return nil
}

// baseImageProblem reports whether a build log says a base image could
// not be found or pulled: a problem of the machine, not of the file.
func baseImageProblem(out []byte) bool {
	s := string(out)
	if !strings.Contains(s, "failed to create LLB definition") && !strings.Contains(s, "failed to resolve source metadata") {
		return false
	}
	for _, p := range []string{"failed to do request", "not found", "pull access denied", "manifest unknown", "no such host", "unauthorized", "i/o timeout", "connection refused"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// buildErrorLine is the line of a build log that says what failed.
func buildErrorLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if strings.HasPrefix(l, "ERROR:") || strings.HasPrefix(l, "error:") {
			return oneLine(strings.TrimPrefix(strings.TrimPrefix(l, "ERROR:"), "error:"))
		}
	}
	if len(lines) > 0 {
		return oneLine(lines[len(lines)-1])
	}
	return "failed"
}

func lastLines(out []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "  " + strings.Join(lines, "\n  ") + "\n"
}

// inspect fills in the size, layers, user and the programs left in the
// image.
func (vr *verifyRun) inspect(ctx context.Context, r *imageReport, variant string) error {
	out, err := vr.docker.output(ctx, "image", "inspect", "-f", "{{.Size}}|{{len .RootFS.Layers}}|{{.Config.User}}", r.Image)
	if err != nil {
		return err
	}
	f := strings.SplitN(strings.TrimSpace(out), "|", 3)
	if len(f) != 3 {
		return verifyErrorf("docker image inspect %s: unexpected output %q", r.Image, out)
	}
	r.SizeBytes, _ = strconv.ParseInt(f[0], 10, 64)
	r.Layers, _ = strconv.Atoi(f[1])
	r.User = f[2]

	// The files: docker export of a created (never started) container
	// works for images without a shell.
	name := vr.containerName(variant, "fs")
	if _, err := vr.docker.output(ctx, "create", "--name", name, "--entrypoint", "/restage-verify-noop", r.Image); err != nil {
		return err
	}
	vr.containers = append(vr.containers, name)
	shells, pms, err := vr.docker.exportScan(ctx, name)
	if err != nil {
		return err
	}
	r.Shells, r.PackageManagers, r.FilesChecked = shells, pms, true
	vr.remove(ctx, name)
	return nil
}

// Programs looked for in bin, sbin, usr/bin, usr/sbin, usr/local/bin.
var (
	shellNames          = []string{"sh", "bash", "dash", "ash", "zsh", "busybox"}
	packageManagerNames = []string{"apt-get", "apt", "dpkg", "apk", "yum", "dnf", "microdnf", "rpm"}
	programDirs         = []string{"bin", "sbin", "usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin"}
)

// scanTar lists the shells and package managers in a file system tar.
func scanTar(r io.Reader) (shells, pms []string, err error) {
	tr := tar.NewReader(r)
	found := map[string]bool{}
	shells, pms = []string{}, []string{} // known, even when none
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		name := strings.TrimPrefix(path.Clean("/"+h.Name), "/")
		if h.Typeflag == tar.TypeDir || !slices.Contains(programDirs, path.Dir(name)) {
			continue
		}
		found[path.Base(name)] = true
	}
	for _, n := range shellNames {
		if found[n] {
			shells = append(shells, n)
		}
	}
	for _, n := range packageManagerNames {
		if found[n] {
			pms = append(pms, n)
		}
	}
	return shells, pms, nil
}

func (vr *verifyRun) containerName(variant, what string) string {
	return strings.ReplaceAll(vr.name, "/", "-") + "-" + variant + "-" + what
}

// remove removes a container now, unless --keep.
func (vr *verifyRun) remove(ctx context.Context, name string) {
	if vr.v.keep {
		return
	}
	if _, err := vr.docker.output(context.WithoutCancel(ctx), "rm", "-f", name); err == nil {
		vr.containers = slices.DeleteFunc(vr.containers, func(c string) bool { return c == name })
	}
}

// cleanup removes what is left, unless --keep, and records what is kept.
func (vr *verifyRun) cleanup() {
	if vr.v.keep {
		vr.rep.Kept = append(append(append(vr.rep.Kept, vr.images...), vr.containers...), vr.tmp)
		if vr.tmp != "" {
			vr.progress("kept: %s", strings.Join(vr.rep.Kept, " "))
		}
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if vr.docker != nil {
		for _, c := range vr.containers {
			vr.docker.output(ctx, "rm", "-f", c)
		}
		if len(vr.images) > 0 {
			vr.docker.output(ctx, append([]string{"rmi"}, vr.images...)...)
		}
	}
	if vr.tmp != "" {
		os.RemoveAll(vr.tmp)
	}
}

// Probes ---------------------------------------------------------------

// probe runs the probes on both images.
func (vr *verifyRun) probe(ctx context.Context) error {
	type probeFn func(ctx context.Context, image, variant string) ([]probeResult, error)
	var names []string
	var fns []probeFn
	if len(vr.v.probesHTTP) > 0 {
		for _, p := range vr.v.probesHTTP {
			names = append(names, p.String())
		}
		fns = append(fns, vr.probeHTTP)
	}
	if vr.v.probeCmd != nil {
		names = append(names, "cmd "+vr.v.probeCmdText)
		fns = append(fns, func(ctx context.Context, image, variant string) ([]probeResult, error) {
			r, err := vr.probeCmd(ctx, image, variant)
			return []probeResult{r}, err
		})
	}
	if len(fns) == 0 {
		names = append(names, "default")
		fns = append(fns, func(ctx context.Context, image, variant string) ([]probeResult, error) {
			r, err := vr.probeDefault(ctx, image, variant)
			return []probeResult{r}, err
		})
	}
	var results [2][]probeResult
	for i, x := range []struct{ image, variant string }{{vr.rep.Original.Image, "original"}, {vr.rep.Converted.Image, "converted"}} {
		vr.progress("probing the %s", x.variant)
		for _, fn := range fns {
			rs, err := fn(ctx, x.image, x.variant)
			if err != nil {
				return err
			}
			results[i] = append(results[i], rs...)
		}
	}
	for i, name := range names {
		p := probeReport{Probe: name, Original: results[0][i], Converted: results[1][i]}
		p.Difference = compareProbe(name, p.Original, p.Converted)
		p.Same = p.Difference == ""
		vr.rep.Probes = append(vr.rep.Probes, p)
		if name == "default" && !p.Original.passes() {
			vr.rep.Warnings = append(vr.rep.Warnings, "the original itself "+p.Original.describe()+": the default probe shows only that both behave alike")
		}
	}
	return nil
}

// passes reports whether a default probe result looks healthy: a server
// still up, or a program that exited 0.
func (r probeResult) passes() bool {
	return r.Outcome == "running" || (r.Outcome == "exited" && r.ExitCode != nil && *r.ExitCode == 0)
}

// describe says what happened in a few words.
func (r probeResult) describe() string {
	switch r.Outcome {
	case "running":
		return "keeps running"
	case "exited":
		if r.ExitCode != nil {
			return fmt.Sprintf("exits %d", *r.ExitCode)
		}
		return "exits"
	case "answered":
		return fmt.Sprintf("answers %d with %d bytes", r.HTTPStatus, len(r.Stdout))
	case "not started":
		return "does not start (" + r.Error + ")"
	case "no answer":
		s := "does not answer"
		if r.Error != "" {
			s += " (" + r.Error + ")"
		}
		return s
	}
	s := r.Outcome
	if r.Error != "" {
		s += " (" + r.Error + ")"
	}
	return s
}

// compareProbe says how two results differ, "" when they do not.
func compareProbe(name string, o, c probeResult) string {
	hint := func(s string) string {
		if c.Stderr != "" && c.Stderr != o.Stderr {
			s += "; converted stderr: " + oneLine(lastLine(c.Stderr))
		}
		return s
	}
	if o.Outcome != c.Outcome || !equalCode(o.ExitCode, c.ExitCode) || o.HTTPStatus != c.HTTPStatus {
		return hint(fmt.Sprintf("the original %s, the converted image %s", o.describe(), c.describe()))
	}
	if o.Outcome == "running" || o.Outcome == "not started" || o.Outcome == "timed out" {
		return ""
	}
	if o.Stdout != c.Stdout {
		what := "stdout"
		if o.Outcome == "answered" {
			what = "body"
		}
		return hint(fmt.Sprintf("the %s differs: %q vs %q", what, preview(o.Stdout), preview(c.Stdout)))
	}
	return ""
}

func equalCode(a, b *int) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func preview(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// tail keeps the last n bytes of s.
func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// probeDefault runs the image as it is: a server stays up for --up-for,
// a one-shot program exits (with its stdout compared).
func (vr *verifyRun) probeDefault(ctx context.Context, image, variant string) (probeResult, error) {
	name := vr.containerName(variant, "run")
	r, ok, err := vr.start(ctx, name, image, nil)
	if err != nil || !ok {
		return r, err
	}
	defer vr.remove(ctx, name)
	wctx, cancel := context.WithTimeout(ctx, vr.v.upFor)
	defer cancel()
	out, err := vr.docker.output(wctx, "wait", name)
	switch {
	case ctx.Err() != nil:
		return r, verifyErrorf("interrupted")
	case wctx.Err() != nil:
		r.Outcome = "running"
	case err != nil:
		return r, err
	default:
		code, err := strconv.Atoi(strings.TrimSpace(out))
		if err != nil {
			return r, verifyErrorf("docker wait: unexpected output %q", out)
		}
		r.Outcome, r.ExitCode = "exited", &code
	}
	stdout, stderr, err := vr.docker.outputs(ctx, "logs", name)
	if err != nil {
		return r, err
	}
	if r.Outcome == "exited" {
		r.Stdout = stdout
	}
	r.Stderr = tail(stderr, 500)
	return r, nil
}

// start runs a container in the background. ok is false when the
// container did not start (r says why), err when docker failed.
func (vr *verifyRun) start(ctx context.Context, name, image string, extra []string) (r probeResult, ok bool, err error) {
	args := append(append([]string{"run", "-d", "--name", name}, extra...), image)
	vr.containers = append(vr.containers, name)
	_, stderr, err := vr.docker.outputs(ctx, args...)
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return r, false, verifyErrorf("docker: %v", err)
		}
		// The daemon refused to start it: no such program, bad user...
		r.Outcome, r.Error = "not started", dockerMessage(stderr)
		vr.remove(ctx, name)
		return r, false, nil
	}
	return r, true, nil
}

// probeHTTP starts the image with the probes' ports published on
// 127.0.0.1 and asks each probe's path.
func (vr *verifyRun) probeHTTP(ctx context.Context, image, variant string) ([]probeResult, error) {
	var ports []int
	var extra []string
	for _, p := range vr.v.probesHTTP {
		if !slices.Contains(ports, p.port) {
			ports = append(ports, p.port)
			extra = append(extra, "-p", fmt.Sprintf("127.0.0.1::%d", p.port))
		}
	}
	results := make([]probeResult, len(vr.v.probesHTTP))
	name := vr.containerName(variant, "http")
	r, ok, err := vr.start(ctx, name, image, extra)
	if err != nil || !ok {
		for i := range results {
			results[i] = r
		}
		return results, err
	}
	defer vr.remove(ctx, name)

	// Watch for the container's exit, to stop polling early.
	exited := make(chan string, 1)
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		out, err := vr.docker.output(wctx, "wait", name)
		if err == nil {
			exited <- strings.TrimSpace(out)
		}
	}()
	hostPorts := map[int]string{}
	for _, port := range ports {
		out, err := vr.docker.output(ctx, "port", name, fmt.Sprintf("%d/tcp", port))
		if err != nil {
			// A container that has already exited has no published
			// ports: that is the probe's answer, not an error.
			select {
			case code := <-exited:
				exited <- code
			case <-time.After(3 * time.Second):
				return nil, err
			}
			break
		}
		hostPorts[port] = pickHostPort(out)
	}
	deadline := time.Now().Add(vr.v.probeTimeout)
	var exitCode *int
	for i, p := range vr.v.probesHTTP {
		res := &results[i]
		for {
			if exitCode == nil {
				select {
				case s := <-exited:
					code, _ := strconv.Atoi(s)
					exitCode = &code
				default:
				}
			}
			if exitCode != nil {
				res.Outcome, res.ExitCode = "exited", exitCode
				break
			}
			status, body, err := httpGet(ctx, hostPorts[p.port], p.path)
			if err == nil {
				res.Outcome, res.HTTPStatus, res.Stdout = "answered", status, body
				break
			}
			if ctx.Err() != nil {
				return nil, verifyErrorf("interrupted")
			}
			if time.Now().After(deadline) {
				res.Outcome, res.Error = "no answer", fmt.Sprintf("%v after %s", errMsgShort(err), vr.v.probeTimeout)
				break
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	if exitCode != nil || slices.ContainsFunc(results, func(r probeResult) bool { return r.Outcome != "answered" }) {
		_, stderr, _ := vr.docker.outputs(ctx, "logs", name)
		for i := range results {
			results[i].Stderr = tail(stderr, 500)
		}
	}
	return results, nil
}

// pickHostPort takes the 127.0.0.1 address from `docker port` output.
func pickHostPort(out string) string {
	lines := strings.Fields(out)
	for _, l := range lines {
		if strings.HasPrefix(l, "127.0.0.1:") {
			return l
		}
	}
	if len(lines) > 0 {
		return lines[0]
	}
	return "127.0.0.1:0"
}

// httpGet asks addr for path with a plain HTTP/1.0 GET and returns the
// status and the body. It does not follow redirects: the probe compares
// what the program answers. A tiny client rather than net/http, which
// would add a third to restage's start-up time for a feature only
// verify uses.
func httpGet(ctx context.Context, addr, path string) (int, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return 0, "", err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	if path == "" {
		path = "/"
	}
	if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.0\r\nHost: %s\r\nUser-Agent: restage-verify\r\nConnection: close\r\n\r\n", path, addr); err != nil {
		return 0, "", err
	}
	return readHTTPResponse(bufio.NewReader(io.LimitReader(conn, 2<<20)))
}

// readHTTPResponse reads a status line, headers and a body (plain, with
// Content-Length, or chunked).
func readHTTPResponse(r *bufio.Reader) (int, string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return 0, "", fmt.Errorf("no HTTP answer: %w", err)
	}
	f := strings.Fields(line)
	if len(f) < 2 || !strings.HasPrefix(f[0], "HTTP/") {
		return 0, "", fmt.Errorf("not an HTTP answer: %q", strings.TrimSpace(line))
	}
	status, err := strconv.Atoi(f[1])
	if err != nil {
		return 0, "", fmt.Errorf("bad HTTP status line %q", strings.TrimSpace(line))
	}
	chunked, length := false, -1
	for {
		h, err := r.ReadString('\n')
		if err != nil {
			return 0, "", fmt.Errorf("HTTP headers cut short: %w", err)
		}
		h = strings.TrimRight(h, "\r\n")
		if h == "" {
			break
		}
		k, v, _ := strings.Cut(h, ":")
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "transfer-encoding":
			chunked = strings.Contains(strings.ToLower(v), "chunked")
		case "content-length":
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				length = n
			}
		}
	}
	var body []byte
	switch {
	case chunked:
		for {
			szLine, err := r.ReadString('\n')
			if err != nil {
				return 0, "", fmt.Errorf("chunked body cut short: %w", err)
			}
			szText, _, _ := strings.Cut(strings.TrimSpace(szLine), ";")
			n, err := strconv.ParseInt(szText, 16, 32)
			if err != nil {
				return 0, "", fmt.Errorf("bad chunk size %q", szText)
			}
			if n == 0 {
				break
			}
			chunk := make([]byte, n)
			if _, err := io.ReadFull(r, chunk); err != nil {
				return 0, "", fmt.Errorf("chunked body cut short: %w", err)
			}
			body = append(body, chunk...)
			r.ReadString('\n')
		}
	case length >= 0:
		body = make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return 0, "", fmt.Errorf("body cut short: %w", err)
		}
	default:
		if body, err = io.ReadAll(r); err != nil {
			return 0, "", err
		}
	}
	return status, string(body), nil
}

// errMsgShort is the end of a network error: "connection refused".
func errMsgShort(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

// probeCmd runs the image with the probe's arguments as its CMD.
func (vr *verifyRun) probeCmd(ctx context.Context, image, variant string) (probeResult, error) {
	name := vr.containerName(variant, "cmd")
	vr.containers = append(vr.containers, name)
	defer vr.remove(ctx, name)
	pctx, cancel := context.WithTimeout(ctx, vr.v.probeTimeout)
	defer cancel()
	args := append([]string{"run", "--name", name, image}, vr.v.probeCmd...)
	stdout, stderr, err := vr.docker.outputs(pctx, args...)
	r := probeResult{Stdout: stdout, Stderr: tail(stderr, 500)}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return r, verifyErrorf("interrupted")
	case pctx.Err() != nil:
		r.Outcome, r.Error, r.Stdout = "timed out", fmt.Sprintf("still running after %s (--probe-timeout)", vr.v.probeTimeout), ""
	case err == nil:
		code := 0
		r.Outcome, r.ExitCode = "exited", &code
	case errors.As(err, &ee):
		code := ee.ExitCode()
		if code == 125 || ((code == 126 || code == 127) && strings.Contains(stderr, "Error response from daemon")) {
			// docker run's own failure: the container did not start.
			r.Outcome, r.Error, r.Stdout = "not started", dockerMessage(stderr), ""
		} else {
			r.Outcome, r.ExitCode = "exited", &code
		}
	default:
		return r, verifyErrorf("docker: %v", err)
	}
	return r, nil
}

// The docker CLI ---------------------------------------------------------

// dockerCLI runs the docker command line program.
type dockerCLI struct {
	bin string
	env []string
}

func newDockerCLI(bin string) (*dockerCLI, error) {
	p, err := exec.LookPath(bin)
	if err != nil {
		how := "install the Docker CLI, or give --docker PATH or RESTAGE_DOCKER"
		if errors.Is(err, exec.ErrNotFound) && !strings.ContainsRune(bin, filepath.Separator) {
			return nil, verifyErrorf("docker: no %q on PATH (%s)", bin, how)
		}
		return nil, verifyErrorf("docker: %s: %v (%s)", bin, errMsg(err), how)
	}
	env := slices.DeleteFunc(os.Environ(), func(e string) bool { return strings.HasPrefix(e, "DOCKER_BUILDKIT=") })
	return &dockerCLI{bin: p, env: append(env, "DOCKER_BUILDKIT=1")}, nil
}

func (d *dockerCLI) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, d.bin, args...)
	cmd.Env = d.env
	cmd.WaitDelay = 2 * time.Second
	return cmd
}

// outputs runs docker and returns its stdout and stderr.
func (d *dockerCLI) outputs(ctx context.Context, args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	cmd := d.command(ctx, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

// output runs docker and returns its stdout; a failure is an error with
// docker's message.
func (d *dockerCLI) output(ctx context.Context, args ...string) (string, error) {
	out, stderr, err := d.outputs(ctx, args...)
	if err != nil {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		msg := dockerMessage(stderr)
		if msg == "" {
			msg = err.Error()
		}
		return out, verifyErrorf("docker %s: %s", args[0], msg)
	}
	return out, nil
}

// combined runs docker with stdout and stderr together (a build log).
func (d *dockerCLI) combined(ctx context.Context, args ...string) ([]byte, error) {
	var b bytes.Buffer
	cmd := d.command(ctx, args...)
	cmd.Stdout, cmd.Stderr = &b, &b
	err := cmd.Run()
	return b.Bytes(), err
}

// serverVersion checks that the daemon answers.
func (d *dockerCLI) serverVersion(ctx context.Context) (string, error) {
	vctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, stderr, err := d.outputs(vctx, "version", "--format", "{{.Server.Version}}")
	if err == nil && strings.TrimSpace(out) != "" {
		return strings.TrimSpace(out), nil
	}
	msg := dockerMessage(stderr)
	switch {
	case vctx.Err() != nil:
		msg = "no answer in 30 s"
	case msg == "" && err != nil:
		msg = err.Error()
	case msg == "":
		msg = "no server version"
	}
	msg = strings.TrimSuffix(strings.TrimSuffix(msg, "."), ". Is the docker daemon running?")
	msg = strings.TrimSuffix(msg, " Is the docker daemon running?")
	return "", verifyErrorf("docker: %s: is the daemon running?", msg)
}

// dockerMessage is the gist of docker's stderr: its last non-empty line
// without "docker: " and "Error response from daemon: ".
func dockerMessage(stderr string) string {
	var last string
	for _, l := range strings.Split(stderr, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "See '") && !strings.HasPrefix(l, "Run '") {
			last = l
		}
	}
	for _, p := range []string{"docker: ", "Error: ", "Error response from daemon: "} {
		last = strings.TrimPrefix(last, p)
	}
	return last
}

// exportScan exports a container's file system and lists the shells and
// package managers in it.
func (d *dockerCLI) exportScan(ctx context.Context, container string) (shells, pms []string, err error) {
	cmd := d.command(ctx, "export", container)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, verifyErrorf("docker: %v", err)
	}
	shells, pms, scanErr := scanTar(pipe)
	io.Copy(io.Discard, pipe)
	if err := cmd.Wait(); err != nil {
		return nil, nil, verifyErrorf("docker export: %s", dockerMessage(errb.String()))
	}
	if scanErr != nil {
		return nil, nil, verifyErrorf("docker export: reading the tar: %v", scanErr)
	}
	return shells, pms, nil
}

// The image map on the files built ---------------------------------------

// rewriteImageRefs applies the image map to the image references of a
// Dockerfile: FROM's image and COPY --from=IMAGE (not stage names).
// Only the image word changes, found with BuildKit's parser. A reference
// equal to skip (the runtime image the engine wrote, mapped already) is
// left alone. last is the final stage's base image, after the map.
func rewriteImageRefs(src []byte, m []transform.ImageMapping, skip string) (out []byte, changes []imageRewrite, last string, warnings []string, err error) {
	res, err := parser.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, nil, "", nil, err
	}
	lines := lineOffsets(src)
	stages := map[string]bool{}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	mapWord := func(line int, w word, ref string) string {
		if ref == skip && skip != "" {
			return ref
		}
		to := mapImageRef(ref, m)
		if to == ref {
			return ref
		}
		if string(src[w.start:w.end]) != ref {
			warnings = append(warnings, fmt.Sprintf("line %d: could not rewrite %s in place; built as written", line, ref))
			return ref
		}
		edits = append(edits, edit{w.start, w.end, to})
		changes = append(changes, imageRewrite{Line: line, From: ref, To: to})
		return to
	}
	for _, n := range res.AST.Children {
		switch strings.ToLower(n.Value) {
		case "from":
			if n.Next == nil {
				continue
			}
			ref := n.Next.Value
			if stages[strings.ToLower(ref)] || strings.EqualFold(ref, "scratch") {
				last = ref
				continue
			}
			if strings.Contains(ref, "$") && len(m) > 0 {
				warnings = append(warnings, fmt.Sprintf("line %d: FROM %s uses a build argument: the image map is not applied to it", n.StartLine, ref))
			}
			var target word
			for _, w := range instructionWords(src, lines, n.StartLine, n.EndLine, res.EscapeToken)[1:] {
				if !strings.HasPrefix(string(src[w.start:w.end]), "--") {
					target = w
					break
				}
			}
			last = mapWord(n.StartLine, target, ref)
		case "copy":
			var from string
			for _, f := range n.Flags {
				if v, ok := strings.CutPrefix(f, "--from="); ok {
					from = v
				}
			}
			if from == "" || stages[strings.ToLower(from)] {
				continue
			}
			if _, err := strconv.Atoi(from); err == nil {
				continue // a stage index
			}
			for _, w := range instructionWords(src, lines, n.StartLine, n.EndLine, res.EscapeToken)[1:] {
				if v, ok := strings.CutPrefix(string(src[w.start:w.end]), "--from="); ok && v == from {
					mapWord(n.StartLine, word{w.start + len("--from="), w.end}, from)
					break
				}
			}
		}
		// Stage names declared by this FROM count from the next line on.
		for name := range pendingStage(n) {
			stages[name] = true
		}
	}
	out = slices.Clone(src)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		out = append(out[:e.start:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	return out, changes, last, warnings, nil
}

// pendingStage is the stage name a FROM declares, as a set.
func pendingStage(n *parser.Node) map[string]bool {
	if !strings.EqualFold(n.Value, "from") || n.Next == nil {
		return nil
	}
	if nn := n.Next.Next; nn != nil && strings.EqualFold(nn.Value, "as") && nn.Next != nil {
		return map[string]bool{strings.ToLower(nn.Next.Value): true}
	}
	return nil
}

// word is a byte range of the source.
type word struct{ start, end int }

// lineOffsets are the byte offsets where each line starts; lines[0] is
// line 1's.
func lineOffsets(src []byte) []int {
	offs := []int{0}
	for i, c := range src {
		if c == '\n' {
			offs = append(offs, i+1)
		}
	}
	return offs
}

// instructionWords splits an instruction's text (lines start to end,
// 1-based) into words, following line continuations and skipping the
// comment and blank lines inside them. The first word is the keyword.
// It stops at the end of the instruction's logical line (a heredoc's
// body is not read).
func instructionWords(src []byte, lines []int, start, end int, escape rune) []word {
	if start < 1 || start > len(lines) {
		return []word{{0, 0}}
	}
	pos := lines[start-1]
	stop := len(src)
	if end < len(lines) {
		stop = lines[end]
	}
	esc := byte(escape)
	// continuation reports whether an escape at i ends its line; next is
	// where the following line starts.
	continuation := func(i int) (next int, ok bool) {
		j := i + 1
		for j < stop && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
			j++
		}
		if j < stop && src[j] == '\n' {
			return j + 1, true
		}
		return 0, j >= stop
	}
	// skipLines skips blank and comment lines after a continuation.
	skipLines := func(p int) int {
		for p < stop {
			q := p
			for q < stop && (src[q] == ' ' || src[q] == '\t' || src[q] == '\r') {
				q++
			}
			if q < stop && src[q] == '\n' {
				p = q + 1
				continue
			}
			if q < stop && src[q] == '#' {
				nl := bytes.IndexByte(src[q:stop], '\n')
				if nl < 0 {
					return stop
				}
				p = q + nl + 1
				continue
			}
			return p
		}
		return p
	}
	var words []word
	for pos < stop {
		c := src[pos]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			pos++
			continue
		case c == '\n':
			return words
		case c == esc:
			if next, ok := continuation(pos); ok {
				pos = skipLines(next)
				continue
			}
		}
		w := word{start: pos}
		for pos < stop {
			c := src[pos]
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
				break
			}
			if c == esc {
				if _, ok := continuation(pos); ok {
					break
				}
				pos++ // an escaped character
			}
			pos++
		}
		w.end = min(pos, stop)
		words = append(words, w)
	}
	if len(words) == 0 {
		words = []word{{0, 0}}
	}
	return words
}

// The table --------------------------------------------------------------

// table is the report for people: a before/after table and the verdict.
func (rep *verifyReport) table() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "restage verify %s\n\n", rep.Path)
	o, c := rep.Original, rep.Converted
	if o != nil && c != nil {
		var t bytes.Buffer
		tw := tabwriter.NewWriter(&t, 0, 4, 3, ' ', 0)
		fmt.Fprintf(tw, "\toriginal\tconverted\t\n")
		row := func(name, a, b, note string) { fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, a, b, note) }
		row("image", o.Image, c.Image, "")
		row("from", o.From, c.From, "")
		row("build", buildCell(o), buildCell(c), "")
		if o.SizeBytes > 0 || c.SizeBytes > 0 {
			note := ""
			if o.SizeBytes > 0 && c.SizeBytes > 0 {
				note = ratio(c.SizeBytes, o.SizeBytes) + " of the original"
			}
			row("size", sizeCell(o), sizeCell(c), note)
			row("layers", strconv.Itoa(o.Layers), strconv.Itoa(c.Layers), "")
			row("user", userCell(o.User), userCell(c.User), "")
		}
		if o.FilesChecked || c.FilesChecked {
			row("shell", listCell(o.Shells, o.FilesChecked), listCell(c.Shells, c.FilesChecked), "")
			row("package manager", listCell(o.PackageManagers, o.FilesChecked), listCell(c.PackageManagers, c.FilesChecked), "")
		}
		for _, p := range rep.Probes {
			same := "same"
			if !p.Same {
				same = "DIFFERENT"
			}
			row("probe "+p.Probe, p.Original.cell(), p.Converted.cell(), same)
		}
		tw.Flush()
		for _, l := range strings.SplitAfter(t.String(), "\n") {
			b.WriteString(strings.TrimRight(l, " \n"))
			if strings.HasSuffix(l, "\n") {
				b.WriteString("\n")
			}
		}
		b.WriteString("\n")
	}
	for _, x := range rep.ImageMap {
		fmt.Fprintf(&b, "image map: %s line %d: %s -> %s\n", x.File, x.Line, x.From, x.To)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	if len(rep.Kept) > 0 {
		fmt.Fprintf(&b, "kept: %s\n", strings.Join(rep.Kept, " "))
	}
	verdict := map[string]string{verdictSame: "ok", verdictDifferent: "FAIL", verdictDeclined: "not verified", verdictError: "error"}[rep.Verdict]
	fmt.Fprintf(&b, "verdict: %s: %s\n", verdict, rep.Message)
	return b.Bytes()
}

func buildCell(r *imageReport) string {
	switch {
	case r.Built:
		return fmt.Sprintf("ok, %.1f s", r.BuildSeconds)
	case r.BuildError != "":
		return fmt.Sprintf("FAILED, %.1f s", r.BuildSeconds)
	}
	return "-"
}

func sizeCell(r *imageReport) string {
	if r.SizeBytes <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f MB", float64(r.SizeBytes)/1e6)
}

func userCell(u string) string {
	if u == "" {
		return "root (none set)"
	}
	return u
}

func listCell(l []string, known bool) string {
	switch {
	case !known:
		return "-"
	case len(l) == 0:
		return "none"
	}
	return strings.Join(l, ", ")
}

// cell is a probe result in a few words for the table.
func (r probeResult) cell() string {
	switch r.Outcome {
	case "running":
		return "running"
	case "exited":
		s := "exit " + strconv.Itoa(*r.ExitCode)
		if r.Stdout != "" {
			s += fmt.Sprintf(", %d bytes out", len(r.Stdout))
		}
		return s
	case "answered":
		return fmt.Sprintf("%d, %d bytes", r.HTTPStatus, len(r.Stdout))
	}
	return r.Outcome
}

// verifyHelp is the command's long description.
const verifyHelp = `Converts the Dockerfile (same flags and config as the root command), then builds the
original and the converted file with the docker CLI (DOCKER_BUILDKIT=1; DOCKER_HOST and
contexts apply), runs both and compares them: build, exit status and output of a probe,
image size, layers, user, and whether a shell or a package manager is left in the image.

Probes: --probe-http PORT/PATH (same status and body), --probe-cmd ARGS (same exit status
and stdout), or by default: a server stays up for --up-for, a one-shot program exits 0 with
the same stdout. The image map (--image-map, image_map) applies to the original's FROM
and COPY --from images too.

Exit status: 0 the converted image builds and behaves like the original, 1 it does not
(or restage leaves the file unchanged), 2 an error (no docker, no daemon, the original
does not build, a bad flag).`
