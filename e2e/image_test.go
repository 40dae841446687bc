//go:build e2e

package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestImage builds restage's own image from the repository's Dockerfile (the
// one restage wrote from image/Dockerfile.single) and its single-stage
// original, on the replicas, and checks that the image converts a mounted
// Dockerfile exactly as restage on the host does.
//
// Containers cannot reach the Go module proxy, so the host's module cache
// (filled by `go mod download` here) is served as GOPROXY to the builds
// from the Docker bridge's gateway address. A thin builder image adds only
// that environment to the golang replica; the Dockerfiles' FROM lines are
// the only text the test changes.
//
// The proxy listens on port 7071 (E2E_GOPROXY_PORT overrides it) so that the
// builder image, and with it BuildKit's cache of the module download and
// the compile, stays the same from run to run; if the port is taken, a free
// one is used and the build is cold.
func TestImage(t *testing.T) {
	docker := os.Getenv("DOCKER")
	if docker == "" {
		docker = defaultDocker
	}
	checkDocker(t, docker)
	bin := buildRestage(t)

	// The committed Dockerfile must be what restage makes of the single-stage
	// one, so that a change to either without the other fails here.
	single, err := os.ReadFile("image/Dockerfile.single")
	if err != nil {
		t.Fatal(err)
	}
	converted, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	conv := exec.Command(bin, "-q", "--context", "..", "-")
	conv.Stdin = bytes.NewReader(single)
	got, err := conv.Output()
	if err != nil {
		t.Fatalf("restage on image/Dockerfile.single: %v", err)
	}
	if !bytes.Equal(got, converted) {
		t.Fatalf("the repository's Dockerfile is not restage's conversion of e2e/image/Dockerfile.single; run\n"+
			"  go run -tags urfave_cli_no_docs ./cmd/restage -q --context . - <e2e/image/Dockerfile.single >Dockerfile\n"+
			"got:\n%s", got)
	}

	builder := offlineBuilder(t, docker)
	const singleTag, multiTag = "restage.local/e2e/restage:single", "restage.local/e2e/restage:multi"
	t.Cleanup(func() { exec.Command(docker, "image", "rm", singleTag, multiTag).Run() })

	// The single-stage build comes first: the converted file's build stage
	// is the same steps, so it then reuses them from BuildKit's cache.
	sizes := map[string]int64{}
	for _, b := range []struct {
		tag string
		src []byte
	}{{singleTag, single}, {multiTag, converted}} {
		df := mapFrom(t, string(b.src), builder)
		f := filepath.Join(t.TempDir(), "Dockerfile")
		if err := os.WriteFile(f, []byte(df), 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		out, err := dockerCmd(docker, "build", "--progress=plain", "-t", b.tag, "-f", f, "..").CombinedOutput()
		if err != nil {
			t.Fatalf("docker build %s: %v\n%s", b.tag, err, tail(string(out), 40))
		}
		sizes[b.tag] = imageSize(t, docker, b.tag)
		t.Logf("%s: built in %.0f s, %s", b.tag, time.Since(start).Seconds(), mb(sizes[b.tag]))
	}
	if ratio := float64(sizes[multiTag]) / float64(sizes[singleTag]); ratio > 0.10 {
		t.Errorf("the converted image is %.1f%% of the single-stage one (%s of %s); expected at most 10%%",
			100*ratio, mb(sizes[multiTag]), mb(sizes[singleTag]))
	}

	// The image converts the Dockerfile of a mounted folder as the host does:
	// same diff, same notes, same exit status. The folder is a copy, readable
	// by the image's non-root user.
	work := appCopy(t, "apps/webapp")
	want := runCapture(exec.Command(bin, "-d", "Dockerfile"), work)
	gotRun := runCapture(dockerCmd(docker, "run", "--rm", "-v", work+":/work", multiTag, "-d", "Dockerfile"), "")
	if gotRun != want {
		t.Errorf("the image's output differs from restage on the host\nimage:\n%s\nhost:\n%s", gotRun, want)
	}
	if !strings.Contains(want, "+++ b/Dockerfile") {
		t.Errorf("restage -d printed no diff for apps/webapp, so the comparison proves little:\n%s", want)
	}

	// -w as the README shows it: the caller's user, so that the file can be
	// written and keeps its owner.
	hostW, imgW := appCopy(t, "apps/webapp"), appCopy(t, "apps/webapp")
	if err := exec.Command(bin, "-q", "-w", filepath.Join(hostW, "Dockerfile")).Run(); err != nil {
		t.Fatalf("restage -w on the host: %v", err)
	}
	user := fmt.Sprintf("%d:%d", os.Getuid(), os.Getgid())
	if out, err := dockerCmd(docker, "run", "--rm", "--user", user, "-v", imgW+":/work", multiTag, "-q", "-w", "Dockerfile").CombinedOutput(); err != nil {
		t.Fatalf("the image with -w: %v\n%s", err, out)
	}
	a, _ := os.ReadFile(filepath.Join(hostW, "Dockerfile"))
	b, _ := os.ReadFile(filepath.Join(imgW, "Dockerfile"))
	if !bytes.Equal(a, b) || bytes.Equal(b, mustRead(t, "apps/webapp/Dockerfile")) {
		t.Errorf("the image's -w wrote:\n%s\nrestage on the host wrote:\n%s", b, a)
	}

	// No shell in the runtime: the distroless image carries only restage.
	if out, err := dockerCmd(docker, "run", "--rm", "--entrypoint", "/bin/sh", multiTag, "-c", "true").CombinedOutput(); err == nil {
		t.Errorf("/bin/sh ran in %s:\n%s", multiTag, out)
	}
}

func dockerCmd(docker string, args ...string) *exec.Cmd {
	cmd := exec.Command(docker, args...)
	cmd.Env = append(os.Environ(), "DOCKER_BUILDKIT=1")
	return cmd
}

// offlineBuilder serves the host's module cache as a Go module proxy on the
// Docker bridge's gateway and builds the golang replica with GOPROXY set to
// it. It returns the builder's tag.
func offlineBuilder(t *testing.T, docker string) string {
	t.Helper()
	dl := exec.Command("go", "mod", "download")
	dl.Dir = ".."
	if out, err := dl.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	host := bridgeGateway(t, docker)
	port := os.Getenv("E2E_GOPROXY_PORT")
	if port == "" {
		port = "7071"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		t.Logf("port %s: %v; using a free port (the image build will not come from the cache)", port, err)
		if ln, err = net.Listen("tcp", net.JoinHostPort(host, "0")); err != nil {
			t.Fatal(err)
		}
	}
	// The module cache's download folder is laid out as the GOPROXY protocol
	// asks (module@v/version.info, .mod, .zip), so serving it as files is a proxy.
	srv := &http.Server{Handler: http.FileServer(http.Dir(filepath.Join(strings.TrimSpace(string(modcache)), "cache", "download")))}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("module proxy: %v", err)
		}
	}()
	t.Cleanup(func() { srv.Close() })

	const tag = "restage.local/e2e/golang-offline:1.26"
	proxy := "http://" + ln.Addr().String()
	build := dockerCmd(docker, "build", "-q", "-t", tag, "--build-arg", "GOPROXY="+proxy, "-")
	build.Stdin = strings.NewReader("FROM restage.local/library/golang:1.26\nARG GOPROXY\nENV GOPROXY=$GOPROXY GOSUMDB=off\n")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the offline builder: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command(docker, "image", "rm", tag).Run() })
	t.Logf("builder %s with GOPROXY=%s", tag, proxy)
	return tag
}

// mapFrom points the Dockerfile's images at the replicas, as restage's
// --image-map would, changing nothing else.
func mapFrom(t *testing.T, df, builder string) string {
	t.Helper()
	if !strings.Contains(df, "FROM golang:1.26") {
		t.Fatalf("no 'FROM golang:1.26' to map in:\n%s", df)
	}
	df = strings.ReplaceAll(df, "FROM golang:1.26", "FROM "+builder)
	return strings.ReplaceAll(df, "FROM gcr.io/distroless/", "FROM "+distrolessRepl)
}

func imageSize(t *testing.T, docker, tag string) int64 {
	t.Helper()
	out, err := exec.Command(docker, "image", "inspect", "-f", "{{.Size}}", tag).Output()
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// appCopy copies an app folder to a new temporary folder that any user can
// read and write (the image runs as 65532 unless told otherwise).
func appCopy(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if out, err := exec.Command("cp", "-R", src+"/.", dst).CombinedOutput(); err != nil {
		t.Fatalf("cp %s: %v\n%s", src, err, out)
	}
	if out, err := exec.Command("chmod", "-R", "a+rwX", dst).CombinedOutput(); err != nil {
		t.Fatalf("chmod: %v\n%s", err, out)
	}
	return dst
}

// runCapture runs cmd and returns its stdout, stderr and exit status as one
// string to compare.
func runCapture(cmd *exec.Cmd, dir string) string {
	if dir != "" {
		cmd.Dir = dir
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		return "error: " + err.Error()
	}
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, stdout.String(), stderr.String())
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// bridgeGateway is the host's address on Docker's default bridge, which
// builds reach. The network's IPAM config names it, except on a freshly
// started engine that lists only the subnet (seen on a new CI machine: the
// proxy then listened on [::] and builds could not reach it); then it is
// the IPv4 address of the bridge's interface, docker0.
func bridgeGateway(t *testing.T, docker string) string {
	t.Helper()
	gw, err := dockerCmd(docker, "network", "inspect", "bridge", "-f", "{{range .IPAM.Config}}{{.Gateway}} {{end}}").Output()
	if err != nil {
		t.Fatalf("the Docker bridge's gateway: %v", err)
	}
	if f := strings.Fields(string(gw)); len(f) > 0 {
		return f[0]
	}
	ifc, err := net.InterfaceByName("docker0")
	if err != nil {
		t.Fatalf("the Docker bridge has no gateway in its IPAM config, and docker0: %v", err)
	}
	addrs, err := ifc.Addrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil {
			return n.IP.String()
		}
	}
	t.Fatalf("docker0 has no IPv4 address (%v)", addrs)
	return ""
}
