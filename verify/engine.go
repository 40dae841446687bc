package verify

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Engine builds and runs images: what verify needs of a container
// engine. Errors are messages for people, like "docker rm: no such
// container"; a context that ends makes a call return early.
type Engine interface {
	// ServerVersion checks that the engine answers and says its version.
	ServerVersion(ctx context.Context) (string, error)
	// Build builds an image, writing its log to w as it comes. A build
	// that ran and failed is a *BuildFailure.
	Build(ctx context.Context, b BuildSpec, w io.Writer) error
	Inspect(ctx context.Context, image string) (ImageInfo, error)
	// Create creates a container that is never started, to be exported.
	Create(ctx context.Context, name, image string) error
	// ExportScan reads a container's file system: the shells, package
	// managers and folders in it.
	ExportScan(ctx context.Context, container string) (FileScan, error)
	// Start runs a container in the background, with ports published on
	// 127.0.0.1, env (KEY=VALUE) set and args, when not empty, in place of
	// the image's CMD (docker run IMAGE ARGS...). refused says why the
	// engine would not start it.
	Start(ctx context.Context, name, image string, ports []int, env, args []string) (refused string, err error)
	// Run runs a container with env set and args as its command, to its
	// end; stdin, when not nil, is its standard input (docker run -i).
	Run(ctx context.Context, name, image string, env, args []string, stdin []byte) (RunResult, error)
	// Wait waits for a container's end and returns its exit status.
	Wait(ctx context.Context, name string) (int, error)
	Logs(ctx context.Context, name string) (stdout, stderr string, err error)
	// Port is the host address a container's published port is on.
	Port(ctx context.Context, name string, port int) (string, error)
	// Diff lists the changes a container made to its image's files, as
	// `docker diff` prints them: "A /path" (added), "C /path" (changed),
	// "D /path" (deleted).
	Diff(ctx context.Context, name string) ([]string, error)
	// Remove removes a container, running or not.
	Remove(ctx context.Context, name string) error
	RemoveImages(ctx context.Context, images ...string) error
}

// BuildSpec is one image to build.
type BuildSpec struct {
	File, Tag, Context string
	NoCache            bool
	BuildArgs          []string // KEY=VALUE, as docker build --build-arg takes them
}

// BuildFailure is a build that ran and failed: its log says why.
// Unusable is set when the log says the engine cannot build at all.
type BuildFailure struct{ Unusable error }

func (e *BuildFailure) Error() string {
	if e.Unusable != nil {
		return e.Unusable.Error()
	}
	return "the build failed"
}

// ImageInfo is what an image's metadata says.
type ImageInfo struct {
	SizeBytes int64
	Layers    int
	User      string
	Volumes   []string // the image's VOLUME mount points
}

// FileScan is what verify reads in an image's file system.
type FileScan struct {
	Shells, PackageManagers []string
	// Dirs holds every folder as an absolute path ("/app"), and every
	// symbolic link, which may stand for one.
	Dirs map[string]bool
}

// RunResult is a container run to its end. Refused says why the engine
// did not start it; then ExitCode means nothing.
type RunResult struct {
	Stdout, Stderr string
	ExitCode       int
	Refused        string
}

// Docker is the Engine of the docker command line program: contexts,
// DOCKER_HOST, credentials and buildx work as they do for the user.
// Builds run with DOCKER_BUILDKIT=1 whatever the environment says.
type Docker struct {
	bin string
	env []string
}

// NewDocker finds the docker program bin (a name on PATH or a path).
func NewDocker(bin string) (*Docker, error) {
	p, err := exec.LookPath(bin)
	if err != nil {
		how := "install the Docker CLI, or give --docker PATH or RESTAGE_DOCKER"
		if errors.Is(err, exec.ErrNotFound) && !strings.ContainsRune(bin, filepath.Separator) {
			return nil, fmt.Errorf("docker: no %q on PATH (%s)", bin, how)
		}
		return nil, fmt.Errorf("docker: %s: %v (%s)", bin, pathErrMsg(err), how)
	}
	env := slices.DeleteFunc(os.Environ(), func(e string) bool { return strings.HasPrefix(e, "DOCKER_BUILDKIT=") })
	return &Docker{bin: p, env: append(env, "DOCKER_BUILDKIT=1")}, nil
}

// pathErrMsg is an error's text without the path the message names
// anyway.
func pathErrMsg(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func (d *Docker) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, d.bin, args...)
	cmd.Env = d.env
	cmd.WaitDelay = 2 * time.Second
	return cmd
}

// outputs runs docker and returns its stdout and stderr.
func (d *Docker) outputs(ctx context.Context, args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	cmd := d.command(ctx, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

// output runs docker and returns its stdout; a failure is an error with
// docker's message.
func (d *Docker) output(ctx context.Context, args ...string) (string, error) {
	out, stderr, err := d.outputs(ctx, args...)
	if err != nil {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		msg := dockerMessage(stderr)
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("docker %s: %s", args[0], msg)
	}
	return out, nil
}

// ServerVersion asks the daemon for its version.
func (d *Docker) ServerVersion(ctx context.Context) (string, error) {
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
	return "", fmt.Errorf("docker: %s: is the daemon running?", msg)
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

// Build runs docker build with plain progress, stdout and stderr
// together into w.
func (d *Docker) Build(ctx context.Context, b BuildSpec, w io.Writer) error {
	args := []string{"build", "--progress=plain", "-f", b.File, "-t", b.Tag}
	if b.NoCache {
		args = append(args, "--no-cache")
	}
	for _, a := range b.BuildArgs {
		args = append(args, "--build-arg", a)
	}
	args = append(args, b.Context)
	// The log is also kept here, to tell a missing buildx from a failed
	// build.
	var log bytes.Buffer
	cmd := d.command(ctx, args...)
	cmd.Stdout = io.MultiWriter(&log, w)
	cmd.Stderr = cmd.Stdout
	err := cmd.Run()
	if err == nil {
		return nil
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("docker: %v", err)
	}
	if out := log.Bytes(); bytes.Contains(out, []byte("buildx component is missing")) || bytes.Contains(out, []byte("BuildKit is enabled but")) {
		return &BuildFailure{Unusable: fmt.Errorf("docker: %s cannot build with BuildKit (DOCKER_BUILDKIT=1: the buildx component is missing): give --docker a client that can, or install buildx", d.bin)}
	}
	return &BuildFailure{}
}

// Inspect reads an image's size, layer count and user.
func (d *Docker) Inspect(ctx context.Context, image string) (ImageInfo, error) {
	out, err := d.output(ctx, "image", "inspect", "-f", "{{.Size}}|{{len .RootFS.Layers}}|{{.Config.User}}|{{range $v, $_ := .Config.Volumes}}{{$v}} {{end}}", image)
	if err != nil {
		return ImageInfo{}, err
	}
	f := strings.SplitN(strings.TrimSpace(out), "|", 4)
	if len(f) < 3 {
		return ImageInfo{}, fmt.Errorf("docker image inspect %s: unexpected output %q", image, out)
	}
	var info ImageInfo
	info.SizeBytes, _ = strconv.ParseInt(f[0], 10, 64)
	info.Layers, _ = strconv.Atoi(f[1])
	info.User = f[2]
	if len(f) == 4 {
		info.Volumes = strings.Fields(f[3])
	}
	return info, nil
}

// Create creates a container whose entrypoint does not exist: it is
// only ever exported.
func (d *Docker) Create(ctx context.Context, name, image string) error {
	_, err := d.output(ctx, "create", "--name", name, "--entrypoint", "/restage-verify-noop", image)
	return err
}

// ExportScan exports a container's file system and reads it.
func (d *Docker) ExportScan(ctx context.Context, container string) (FileScan, error) {
	cmd := d.command(ctx, "export", container)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return FileScan{}, err
	}
	if err := cmd.Start(); err != nil {
		return FileScan{}, fmt.Errorf("docker: %v", err)
	}
	scan, scanErr := scanTar(pipe)
	io.Copy(io.Discard, pipe)
	if err := cmd.Wait(); err != nil {
		return FileScan{}, fmt.Errorf("docker export: %s", dockerMessage(errb.String()))
	}
	if scanErr != nil {
		return FileScan{}, fmt.Errorf("docker export: reading the tar: %v", scanErr)
	}
	return scan, nil
}

// Diff runs docker diff.
func (d *Docker) Diff(ctx context.Context, name string) ([]string, error) {
	out, err := d.output(ctx, "diff", name)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimRight(l, "\r"); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// Start runs docker run -d.
func (d *Docker) Start(ctx context.Context, name, image string, ports []int, env, cmd []string) (string, error) {
	args := []string{"run", "-d", "--name", name}
	for _, e := range env {
		args = append(args, "-e", e)
	}
	for _, p := range ports {
		args = append(args, "-p", fmt.Sprintf("127.0.0.1::%d", p))
	}
	_, stderr, err := d.outputs(ctx, append(append(args, image), cmd...)...)
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return "", fmt.Errorf("docker: %v", err)
		}
		// The daemon refused to start it: no such program, bad user...
		return dockerMessage(stderr), nil
	}
	return "", nil
}

// Run runs docker run in the foreground.
func (d *Docker) Run(ctx context.Context, name, image string, env, args []string, stdin []byte) (RunResult, error) {
	run := []string{"run", "--name", name}
	if stdin != nil {
		run = append(run, "-i")
	}
	for _, e := range env {
		run = append(run, "-e", e)
	}
	var out, errb bytes.Buffer
	cmd := d.command(ctx, append(append(run, image), args...)...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	err := cmd.Run()
	stdout, stderr := out.String(), errb.String()
	r := RunResult{Stdout: stdout, Stderr: stderr}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code := ee.ExitCode()
		if code == 125 || ((code == 126 || code == 127) && strings.Contains(stderr, "Error response from daemon")) {
			// docker run's own failure: the container did not start.
			r.Refused = dockerMessage(stderr)
		} else {
			r.ExitCode = code
		}
	default:
		return r, fmt.Errorf("docker: %v", err)
	}
	return r, nil
}

// Wait runs docker wait.
func (d *Docker) Wait(ctx context.Context, name string) (int, error) {
	out, err := d.output(ctx, "wait", name)
	if err != nil {
		return 0, err
	}
	code, err := strconv.Atoi(strings.TrimSpace(out))
	if err != nil {
		return 0, fmt.Errorf("docker wait: unexpected output %q", out)
	}
	return code, nil
}

// Logs returns a container's output so far.
func (d *Docker) Logs(ctx context.Context, name string) (string, string, error) {
	return d.outputs(ctx, "logs", name)
}

// Port asks docker port for the 127.0.0.1 address of a published port.
func (d *Docker) Port(ctx context.Context, name string, port int) (string, error) {
	out, err := d.output(ctx, "port", name, fmt.Sprintf("%d/tcp", port))
	if err != nil {
		return "", err
	}
	return pickHostPort(out), nil
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

// Remove runs docker rm -f.
func (d *Docker) Remove(ctx context.Context, name string) error {
	_, err := d.output(ctx, "rm", "-f", name)
	return err
}

// RemoveImages runs docker rmi.
func (d *Docker) RemoveImages(ctx context.Context, images ...string) error {
	_, err := d.output(ctx, append([]string{"rmi"}, images...)...)
	return err
}

// Programs looked for in bin, sbin, usr/bin, usr/sbin, usr/local/bin.
var (
	shellNames          = []string{"sh", "bash", "dash", "ash", "zsh", "busybox"}
	packageManagerNames = []string{"apt-get", "apt", "dpkg", "apk", "yum", "dnf", "microdnf", "rpm"}
	programDirs         = []string{"bin", "sbin", "usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin"}
)

// scanTar reads a file system tar: the shells and package managers in
// it, and its folders.
func scanTar(r io.Reader) (FileScan, error) {
	tr := tar.NewReader(r)
	found := map[string]bool{}
	// Known, even when none.
	scan := FileScan{Shells: []string{}, PackageManagers: []string{}, Dirs: map[string]bool{"/": true}}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return FileScan{}, err
		}
		name := strings.TrimPrefix(path.Clean("/"+h.Name), "/")
		// A tar need not list a folder before what is in it.
		for d := path.Dir("/" + name); !scan.Dirs[d]; d = path.Dir(d) {
			scan.Dirs[d] = true
		}
		if h.Typeflag == tar.TypeDir || h.Typeflag == tar.TypeSymlink {
			scan.Dirs["/"+name] = true
		}
		if h.Typeflag == tar.TypeDir || !slices.Contains(programDirs, path.Dir(name)) {
			continue
		}
		found[path.Base(name)] = true
	}
	for _, n := range shellNames {
		if found[n] {
			scan.Shells = append(scan.Shells, n)
		}
	}
	for _, n := range packageManagerNames {
		if found[n] {
			scan.PackageManagers = append(scan.PackageManagers, n)
		}
	}
	return scan, nil
}
