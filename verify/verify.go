package verify

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/transform"
)

// Input is a Dockerfile and what restage made of it.
type Input struct {
	Path      string // the Dockerfile
	Context   string // the build context; "" is the Dockerfile's folder
	Original  []byte // the file as read
	Converted []byte // restage's output
	// Runtime is the runtime image the engine wrote, mapped already.
	Runtime  string
	ImageMap []transform.ImageMapping
	// Declined says restage leaves the file as it is, for Reason;
	// Unchanged says it has nothing to change. Either way there is
	// nothing to verify.
	Declined  bool
	Reason    string
	Unchanged bool
}

// HTTPProbe asks PORT for PATH over HTTP on 127.0.0.1.
type HTTPProbe struct {
	Port int
	Path string // starts with "/"
}

func (p HTTPProbe) String() string { return fmt.Sprintf("GET %d%s", p.Port, p.Path) }

// Options steer a verification.
type Options struct {
	// Engine builds and runs the images; nil is the docker CLI named by
	// Docker.
	Engine Engine
	Docker string

	HTTPProbes []HTTPProbe
	// RunCmd, when not empty, replaces both images' CMD in the containers
	// the HTTP and default probes start, as compose's command: does: an
	// image with no CMD of its own (its compose service gives one) can
	// only be run, and so compared, that way. RunCmdText is how the user
	// wrote it, for the report.
	RunCmd       []string
	RunCmdText   string
	CmdProbe     []string // the command probe's arguments (empty: the image's own command); nil: none
	CmdProbeText string   // as the user wrote them, for the report
	// CmdProbeStdin, when not nil, is the command probe's standard input
	// in both images (a program that reads what it converts from stdin);
	// CmdProbeStdinName names it in the report.
	CmdProbeStdin     []byte
	CmdProbeStdinName string

	// BuildArgs (KEY=VALUE) go to both builds, Env (KEY=VALUE) to every
	// container of both images: what an app needs that the file does not
	// give (a required build argument, a secret the app refuses to start
	// without).
	BuildArgs []string
	Env       []string

	Keep         bool // keep the images, containers and temporary files
	NoCache      bool // cold builds
	BuildTimeout time.Duration
	ProbeTimeout time.Duration
	UpFor        time.Duration // without a probe: still up after UpFor is a server

	// Log gets the progress notes and a failed build's last lines; nil
	// says nothing.
	Log io.Writer
	// BuildStep, when set, is called with each step a build starts, as
	// BuildKit reports it, so that a terminal can show a build that takes
	// minutes.
	BuildStep func(variant string, s Step)
}

// run is one verification.
type run struct {
	in  Input
	opt Options

	eng        Engine
	tmp        string // temporary folder, outside the build context
	context    string // the build context
	name       string // restage-verify/<name>-<suffix>
	images     []string
	containers []string
	rep        *Report
}

// Run verifies in; every failure ends up in the report.
func Run(ctx context.Context, in Input, opt Options) *Report {
	r := &run{in: in, opt: opt}
	return r.run(ctx)
}

func (vr *run) progress(format string, args ...any) {
	if vr.opt.Log != nil {
		fmt.Fprintf(vr.opt.Log, "restage verify: "+format+"\n", args...)
	}
}

func (vr *run) run(ctx context.Context) *Report {
	rep := &Report{Path: vr.in.Path, RunCommand: vr.opt.RunCmd}
	vr.rep = rep
	switch {
	case vr.in.Declined:
		rep.Verdict, rep.ExitStatus = VerdictDeclined, ExitDifferent
		rep.Message = "restage leaves this file unchanged (" + vr.in.Reason + "): nothing to verify"
		return rep
	case vr.in.Unchanged:
		rep.Verdict, rep.ExitStatus = VerdictDeclined, ExitDifferent
		rep.Message = "restage has nothing to change in this file: nothing to verify"
		return rep
	}
	fail := func(err error) *Report {
		rep.Verdict, rep.ExitStatus, rep.Message = VerdictError, ExitError, err.Error()
		return rep
	}
	defer vr.cleanup()

	// The engine and its daemon.
	vr.eng = vr.opt.Engine
	if vr.eng == nil {
		d, err := NewDocker(vr.opt.Docker)
		if err != nil {
			return fail(err)
		}
		vr.eng = d
	}
	var err error
	if rep.Docker, err = vr.eng.ServerVersion(ctx); err != nil {
		return fail(err)
	}

	// The files to build.
	vr.context = vr.in.Context
	if vr.context == "" {
		vr.context = filepath.Dir(vr.in.Path)
	}
	if vr.tmp, err = os.MkdirTemp("", "restage-verify-"); err != nil {
		return fail(err)
	}
	if inside(vr.tmp, vr.context) {
		return fail(fmt.Errorf("the temporary folder %s is inside the build context %s: set TMPDIR to a folder outside it", textutil.ShowPath(vr.tmp), textutil.ShowPath(vr.context)))
	}
	m := vr.in.ImageMap
	orig, origMap, err := mapImages(vr.in.Original, m, "", "original")
	if err != nil {
		return fail(fmt.Errorf("%s: %v", textutil.ShowPath(vr.in.Path), err))
	}
	conv, convMap, err := mapImages(vr.in.Converted, m, vr.in.Runtime, "converted")
	if err != nil {
		return fail(fmt.Errorf("the converted file does not parse: %v", err))
	}
	rep.ImageMap = append(origMap.rewrites, convMap.rewrites...)
	rep.Warnings = append(rep.Warnings, origMap.Warnings...)
	origFile := filepath.Join(vr.tmp, "original.Dockerfile")
	convFile := filepath.Join(vr.tmp, "converted.Dockerfile")
	for f, data := range map[string][]byte{origFile: orig, convFile: conv} {
		if err := os.WriteFile(f, data, 0o644); err != nil {
			return fail(err)
		}
		// A Dockerfile's own ignore file goes with it.
		if ign, err := os.ReadFile(vr.in.Path + ".dockerignore"); err == nil {
			if err := os.WriteFile(f+".dockerignore", ign, 0o644); err != nil {
				return fail(err)
			}
		}
	}
	vr.name = "restage-verify/" + imageName(vr.in.Path) + "-" + randomSuffix()
	rep.Original = &ImageReport{Image: vr.name + ":original", From: origMap.Last}
	rep.Converted = &ImageReport{Image: vr.name + ":converted", From: convMap.Last}
	if vr.opt.Keep {
		rep.Original.Dockerfile, rep.Converted.Dockerfile = origFile, convFile
	}

	// Build.
	if err := vr.build(ctx, rep.Original, origFile, "original"); err != nil {
		return fail(err)
	}
	if !rep.Original.Built {
		if rep.Original.baseImageMissing {
			return fail(fmt.Errorf("the original's base image cannot be had (%s): pull it, or map it to a mirror with --image-map", rep.Original.BuildError))
		}
		return fail(fmt.Errorf("the original Dockerfile does not build (%s): nothing to compare with", rep.Original.BuildError))
	}
	if err := vr.build(ctx, rep.Converted, convFile, "converted"); err != nil {
		return fail(err)
	}
	if !rep.Converted.Built && rep.Converted.baseImageMissing {
		return fail(fmt.Errorf("the converted file's base image cannot be had (%s): pull it, or map it to a mirror with --image-map", rep.Converted.BuildError))
	}
	if !rep.Converted.Built {
		rep.Verdict, rep.ExitStatus = VerdictDifferent, ExitDifferent
		rep.Message = "the converted Dockerfile does not build: " + rep.Converted.BuildError
		vr.inspect(ctx, rep.Original, "original")
		return rep
	}

	// Look at both images, then run them.
	for _, x := range []struct {
		r       *ImageReport
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

// mappedFile is the image map applied to one file.
type mappedFile struct {
	*transform.ImageMap
	rewrites []ImageRewrite
}

// mapImages applies the image map to the file verify builds, with the
// engine's own rewrite: only the image words change.
func mapImages(src []byte, m []transform.ImageMapping, skip, file string) ([]byte, mappedFile, error) {
	im, err := transform.MapImages(src, m, skip)
	if err != nil {
		return nil, mappedFile{}, err
	}
	mf := mappedFile{ImageMap: im}
	for _, x := range im.Rewrites {
		mf.rewrites = append(mf.rewrites, ImageRewrite{File: file, Line: x.Line, From: x.From, To: x.To})
	}
	var out bytes.Buffer
	pos := 0
	for _, e := range im.Edits {
		out.Write(src[pos:e.Start])
		out.WriteString(e.NewText)
		pos = e.End
	}
	out.Write(src[pos:])
	return out.Bytes(), mf, nil
}

// verdict sets the verdict from the probes.
func (vr *run) verdict() {
	rep := vr.rep
	var diffs []string
	for _, p := range rep.Probes {
		if !p.Same {
			diffs = append(diffs, p.Probe+": "+p.Difference)
		}
	}
	if w := rep.WritesCompared; w != nil && !w.Same {
		diffs = append(diffs, "files written: "+w.Difference)
	}
	if len(diffs) > 0 {
		rep.Verdict, rep.ExitStatus = VerdictDifferent, ExitDifferent
		rep.Message = "the converted image does not behave like the original: " + strings.Join(diffs, "; ")
		return
	}
	rep.Verdict, rep.ExitStatus = VerdictSame, ExitSame
	rep.Message = fmt.Sprintf("the converted image builds and behaves like the original (%s)", plural(len(rep.Probes), "probe"))
	if o, c := rep.Original.SizeBytes, rep.Converted.SizeBytes; o > 0 && c > 0 {
		rep.Message += fmt.Sprintf("; %s of the original's size", ratio(c, o))
	}
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

var nameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^a-z0-9]+`) }) // compiled when verify runs, not at every start

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
	n = strings.Trim(nameRE().ReplaceAllString(strings.ToLower(n), "-"), "-")
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

var errInterrupted = errors.New("interrupted")

// build builds one image into r; a failed build is recorded in r, an
// error is returned only when the engine itself fails.
func (vr *run) build(ctx context.Context, r *ImageReport, file, variant string) error {
	vr.progress("building the %s (%s)", variant, r.Image)
	bctx, cancel := context.WithTimeout(ctx, vr.opt.BuildTimeout)
	defer cancel()
	var log bytes.Buffer
	var w io.Writer = &log
	if vr.opt.BuildStep != nil {
		w = io.MultiWriter(&log, &stepWriter{fn: func(s Step) { vr.opt.BuildStep(variant, s) }})
	}
	start := time.Now()
	err := vr.eng.Build(bctx, BuildSpec{File: file, Tag: r.Image, Context: vr.context, NoCache: vr.opt.NoCache, BuildArgs: vr.opt.BuildArgs}, w)
	r.BuildSeconds = time.Since(start).Seconds()
	out := log.Bytes()
	os.WriteFile(filepath.Join(vr.tmp, variant+".build.log"), out, 0o644)
	if err == nil {
		r.Built = true
		vr.images = append(vr.images, r.Image)
		return nil
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	var bf *BuildFailure
	if !errors.As(err, &bf) && bctx.Err() == nil {
		return err
	}
	vr.images = append(vr.images, r.Image) // a partial tag is possible; rmi is harmless
	switch {
	case bctx.Err() != nil:
		r.BuildError = fmt.Sprintf("timed out after %s (--build-timeout)", vr.opt.BuildTimeout)
	case bf.Unusable != nil:
		return bf.Unusable
	default:
		r.BuildError = buildErrorLine(out)
		r.baseImageMissing = baseImageProblem(out)
	}
	if vr.opt.Log != nil {
		fmt.Fprintf(vr.opt.Log, "restage verify: the %s build failed; its last lines:\n%s", variant, lastLines(out, 15))
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
func (vr *run) inspect(ctx context.Context, r *ImageReport, variant string) error {
	info, err := vr.eng.Inspect(ctx, r.Image)
	if err != nil {
		return err
	}
	r.SizeBytes, r.Layers, r.User, r.volumes = info.SizeBytes, info.Layers, info.User, info.Volumes

	// The files: the export of a created (never started) container works
	// for images without a shell.
	name := vr.containerName(variant, "fs")
	if err := vr.eng.Create(ctx, name, r.Image); err != nil {
		return err
	}
	vr.containers = append(vr.containers, name)
	scan, err := vr.eng.ExportScan(ctx, name)
	if err != nil {
		return err
	}
	r.Shells, r.PackageManagers, r.FilesChecked, r.dirs = scan.Shells, scan.PackageManagers, true, scan.Dirs
	vr.remove(ctx, name)
	return nil
}

func (vr *run) containerName(variant, what string) string {
	return strings.ReplaceAll(vr.name, "/", "-") + "-" + variant + "-" + what
}

// remove removes a container now, unless Keep.
func (vr *run) remove(ctx context.Context, name string) {
	if vr.opt.Keep {
		return
	}
	if err := vr.eng.Remove(context.WithoutCancel(ctx), name); err == nil {
		vr.containers = slices.DeleteFunc(vr.containers, func(c string) bool { return c == name })
	}
}

// cleanup removes what is left, unless Keep, and records what is kept.
func (vr *run) cleanup() {
	if vr.opt.Keep {
		vr.rep.Kept = append(append(append(vr.rep.Kept, vr.images...), vr.containers...), vr.tmp)
		if vr.tmp != "" {
			vr.progress("kept: %s", strings.Join(vr.rep.Kept, " "))
		}
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if vr.eng != nil {
		for _, c := range vr.containers {
			vr.eng.Remove(ctx, c)
		}
		if len(vr.images) > 0 {
			vr.eng.RemoveImages(ctx, vr.images...)
		}
	}
	if vr.tmp != "" {
		os.RemoveAll(vr.tmp)
	}
}
