package main

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/restage/restage/transform"
	"github.com/restage/restage/verify"
)

// fakeDocker stands in for the docker CLI. It logs each call (with
// DOCKER_BUILDKIT) to $FAKE_LOG, one line, and answers like the real one
// from FAKE_<WHAT>_<VARIANT> or FAKE_<WHAT> variables, VARIANT being
// ORIGINAL or CONVERTED as found in the arguments (image tags and
// container names say which). `build` copies the Dockerfile it is given
// to $FAKE_DIR/built-<VARIANT>.
const fakeDocker = `#!/bin/bash
# One write per line: calls run side by side (docker wait), and three
# printf calls could interleave with another process's.
logline="$(printf 'DOCKER_BUILDKIT=%s' "${DOCKER_BUILDKIT-unset}"; printf ' %s' "$@")"
printf '%s\n' "$logline" >>"$FAKE_LOG"
case " $* " in
*original*) V=ORIGINAL ;;
*converted*) V=CONVERTED ;;
*) V=NONE ;;
esac
get() {
	local a="FAKE_$1_$V" b="FAKE_$1"
	if [ -n "${!a+x}" ]; then printf '%s' "${!a}"
	elif [ -n "${!b+x}" ]; then printf '%s' "${!b}"
	else printf '%s' "$2"; fi
}
cmd=$1
shift
case $cmd in
version|info)
	if [ -n "${FAKE_DAEMON_DOWN-}" ]; then
		echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2
		exit 1
	fi
	echo 99.0.0-fake ;;
build)
	f=
	while [ $# -gt 0 ]; do
		case $1 in -f) f=$2; shift ;; esac
		shift
	done
	cp "$f" "$FAKE_DIR/built-$V"
	echo "#1 [internal] load build definition from $(basename "$f")"
	if [ "$(get BUILD_FAIL)" = pull ]; then
		echo 'error: failed to solve: failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request: Head "https://gcr.io/v2/distroless/static-debian13/manifests/nonroot": dial tcp: lookup gcr.io: no such host' >&2
		exit 1
	fi
	if [ "$(get BUILD_FAIL)" = 1 ]; then
		echo '#5 ERROR: process "/bin/sh -c go build -o /app ." did not complete successfully: exit code: 1'
		echo 'ERROR: failed to solve: process "/bin/sh -c go build -o /app ." did not complete successfully: exit code: 1' >&2
		exit 1
	fi
	echo "#5 [2/4] RUN go build -o /app ."
	echo "#9 DONE 0.1s" ;;
image)
	echo "$(get SIZE 1000000)|$(get LAYERS 3)|$(get USER)" ;;
create)
	echo 0123456789ab ;;
export)
	cat "$(get TAR)" ;;
run)
	detach= interactive=
	for a in "$@"; do [ "$a" = -d ] && detach=1; [ "$a" = -i ] && interactive=1; done
	if [ "$(get START_FAIL)" = 1 ]; then
		echo 'docker: Error response from daemon: failed to create task: exec: "/app": stat /app: no such file or directory: unknown.' >&2
		exit 127
	fi
	if [ -n "$detach" ]; then echo "f00d$V"; exit 0; fi
	# With -i, the probe's input is echoed (the converted image's with
	# FAKE_STDIN_CONVERTED=upper, upper-cased), to show what arrived.
	if [ -n "$interactive" ]; then
		if [ "$(get STDIN)" = upper ]; then tr a-z A-Z; else cat; fi
	fi
	get STDOUT
	get STDERR >&2
	exit "$(get EXIT 0)" ;;
wait)
	if [ "$(get SERVER)" = 1 ]; then exec sleep 30; fi
	echo "$(get EXIT 0)" ;;
diff)
	get DIFF ;;
logs)
	get STDOUT
	get STDERR >&2 ;;
port)
	if [ "$(get PORT_FAIL)" = 1 ]; then
		echo "Error: No public port '8080/tcp' published for $1" >&2
		exit 1
	fi
	echo "127.0.0.1:$(get HTTP_PORT)" ;;
rm|rmi) ;;
*)
	echo "fake docker: unknown command $cmd" >&2
	exit 1 ;;
esac
`

const verifyDockerfile = "FROM mirror.test/library/golang:1.26\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n"

type verifyTest struct {
	*testApp
	t                  *testing.T
	docker, dir, log   string
	app, dockerfile    string // the app's folder (the build context) and its Dockerfile
	fullTar, emptyTar  string
	defaultArgs        []string
	origTmp, tmpParent string
}

func newVerifyTest(t *testing.T) *verifyTest {
	t.Helper()
	dir := t.TempDir()
	if _, err := os.Stat("/bin/bash"); err != nil {
		t.Skip("the fake docker needs /bin/bash")
	}
	vt := &verifyTest{t: t, dir: dir, testApp: newTestApp()}
	vt.convert = transform.Convert
	vt.docker = filepath.Join(dir, "bin", "docker")
	writeFile(t, vt.docker, fakeDocker)
	if err := os.Chmod(vt.docker, 0o755); err != nil {
		t.Fatal(err)
	}
	vt.log = filepath.Join(dir, "docker.log")
	vt.app = filepath.Join(dir, "src", "app")
	vt.dockerfile = filepath.Join(vt.app, "Dockerfile")
	writeFile(t, vt.dockerfile, verifyDockerfile)
	writeFile(t, filepath.Join(vt.app, "main.go"), "package main\n")
	vt.fullTar = filepath.Join(dir, "full.tar")
	link := func(to string) *fstest.MapFile { return &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte(to)} }
	writeTar(t, vt.fullTar, fstest.MapFS{
		"bin": link("usr/bin"), "usr/bin/sh": link("dash"), "usr/bin/dash": {}, "usr/bin/bash": {},
		"usr/bin/apt-get": {}, "usr/bin/dpkg": {}, "usr/local/go/bin/go": {}, "etc/passwd": {},
	})
	vt.emptyTar = filepath.Join(dir, "empty.tar")
	writeTar(t, vt.emptyTar, fstest.MapFS{"app": {}, "etc/passwd": {}, "usr/share/sh": {}})
	vt.tmpParent = filepath.Join(dir, "tmp")
	os.MkdirAll(vt.tmpParent, 0o755)
	t.Setenv("TMPDIR", vt.tmpParent)
	t.Setenv("FAKE_LOG", vt.log)
	t.Setenv("FAKE_DIR", dir)
	t.Setenv("FAKE_TAR_ORIGINAL", vt.fullTar)
	t.Setenv("FAKE_TAR_CONVERTED", vt.emptyTar)
	t.Setenv("FAKE_USER_CONVERTED", "65532")
	t.Setenv("FAKE_SIZE_ORIGINAL", "874000000")
	t.Setenv("FAKE_SIZE_CONVERTED", "4600000")
	t.Setenv("FAKE_STDOUT", "hello\n")
	t.Setenv("DOCKER_BUILDKIT", "0") // verify must set it to 1 whatever the environment says
	// --up-for is how long a server must stay up. A fake program that
	// exits at once took over 300 ms to be seen exiting on a loaded
	// machine, and over 1 s under load 14, and read as a server still
	// running. A program that exits ends the wait whatever --up-for is,
	// so only the tests of servers pay for a long one, and they give
	// their own.
	vt.defaultArgs = []string{"verify", "--docker", vt.docker, "--up-for", "10s", "--probe-timeout", "5s",
		"--image-map", "gcr.io/distroless/=restage.local/distroless/", "--image-map", "mirror.test/=restage.local/"}
	return vt
}

// writeTar writes a tar of files (archive/tar's AddFS: a MapFS symlink is
// a tar symlink), as the fake docker's export.
func writeTar(t *testing.T, name string, files fstest.MapFS) {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	if err := errors.Join(tw.AddFS(files), tw.Close(), os.WriteFile(name, buf.Bytes(), 0o644)); err != nil {
		t.Fatal(err)
	}
}

// under reports whether the path p is dir or in it.
func under(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// verify runs restage verify with the default arguments, more args and
// the Dockerfile.
func (vt *verifyTest) verify(args ...string) (int, string, string) {
	os.Remove(vt.log)
	all := append(append(slices.Clone(vt.defaultArgs), args...), vt.dockerfile)
	return vt.run(all...)
}

// calls are the logged docker command lines.
func (vt *verifyTest) calls() []string {
	b, err := os.ReadFile(vt.log)
	if err != nil {
		return nil
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

func (vt *verifyTest) callsOf(cmd string) []string {
	var out []string
	for _, c := range vt.calls() {
		if f := strings.Fields(c); len(f) > 1 && f[1] == cmd {
			out = append(out, c)
		}
	}
	return out
}

func (vt *verifyTest) built(variant string) string {
	return readString(vt.t, filepath.Join(vt.dir, "built-"+variant))
}

func TestVerifySame(t *testing.T) {
	vt := newVerifyTest(t)
	code, out, errs := vt.verify()
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	calls := vt.calls()
	if len(calls) == 0 {
		t.Fatal("docker was not called")
	}
	for _, c := range calls {
		if !strings.HasPrefix(c, "DOCKER_BUILDKIT=1 ") {
			t.Errorf("not run with DOCKER_BUILDKIT=1: %s", c)
		}
	}
	if !strings.HasPrefix(calls[0], "DOCKER_BUILDKIT=1 version") {
		t.Errorf("the daemon is not checked first: %s", calls[0])
	}

	// Two builds, the Dockerfiles outside the context, the context the Dockerfile's folder.
	builds := vt.callsOf("build")
	if len(builds) != 2 {
		t.Fatalf("builds: %q", builds)
	}
	var tags []string
	for i, b := range builds {
		f := strings.Fields(b)
		fi, ti := slices.Index(f, "-f"), slices.Index(f, "-t")
		if fi < 0 || ti < 0 || f[len(f)-1] != vt.app {
			t.Fatalf("build %d: %s", i, b)
		}
		if under(f[fi+1], vt.app) || !strings.HasPrefix(f[fi+1], vt.tmpParent) {
			t.Errorf("build %d: -f %s is not a temporary file outside the context %s", i, f[fi+1], vt.app)
		}
		tags = append(tags, f[ti+1])
	}
	if !strings.HasPrefix(tags[0], "restage-verify/app-") || !strings.HasSuffix(tags[0], ":original") ||
		tags[1] != strings.TrimSuffix(tags[0], ":original")+":converted" || len(tags[0]) != len("restage-verify/app-12345678:original") {
		t.Errorf("tags: %q", tags)
	}

	// The image map applies to the original's FROM too, and to the
	// converted file's builder; the engine mapped the runtime.
	if got := vt.built("ORIGINAL"); got != strings.Replace(verifyDockerfile, "mirror.test/", "restage.local/", 1) {
		t.Errorf("original built as:\n%s", got)
	}
	conv := vt.built("CONVERTED")
	if !strings.Contains(conv, "FROM restage.local/library/golang:1.26 AS build\n") ||
		!strings.Contains(conv, "FROM restage.local/distroless/static-debian13:nonroot\n") || strings.Contains(conv, "mirror.test") {
		t.Errorf("converted built as:\n%s", conv)
	}

	// The table.
	for _, want := range []string{
		"restage verify " + vt.dockerfile + "\n",
		"from  ", "restage.local/library/golang:1.26", "restage.local/distroless/static-debian13:nonroot",
		"874.0 MB", "4.6 MB", "0.5% of the original",
		"root (none set)", "65532",
		"shell", "sh, bash, dash", "package manager", "apt-get, dpkg",
		"probe default", "exit 0, 6 bytes out",
		"image map: original line 1: mirror.test/library/golang:1.26 -> restage.local/library/golang:1.26\n",
		"image map: converted line 1: mirror.test/library/golang:1.26 -> restage.local/library/golang:1.26\n",
		"verdict: ok: the converted image builds and behaves like the original (1 probe); 0.5% of the original's size\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing blanks: %q", l)
		}
	}
	if !strings.Contains(errs, "restage verify: building the original") {
		t.Errorf("no progress on stderr: %q", errs)
	}
	// Not a terminal: notes line by line, no status line redrawn in place.
	wantErrs := regexp.MustCompile(`^restage verify: building the original \(restage-verify/app-[0-9a-f]{8}:original\)
restage verify: building the converted \(restage-verify/app-[0-9a-f]{8}:converted\)
restage verify: probing the original
restage verify: probing the converted
$`)
	if !wantErrs.MatchString(errs) {
		t.Errorf("stderr not as in a pipe:\n%q", errs)
	}

	// Everything made is removed: containers by name, both images, the temporary files.
	rms := strings.Join(vt.callsOf("rm"), "\n")
	for _, c := range []string{"-original-fs", "-converted-fs", "-original-run", "-converted-run"} {
		if !strings.Contains(rms, c) {
			t.Errorf("container %s not removed:\n%s", c, rms)
		}
	}
	if rmi := vt.callsOf("rmi"); len(rmi) != 1 || !strings.Contains(rmi[0], tags[0]) || !strings.Contains(rmi[0], tags[1]) {
		t.Errorf("rmi: %q", rmi)
	}
	if left, _ := os.ReadDir(vt.tmpParent); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// -q: no progress.
	_, _, errs = vt.verify("-q")
	if errs != "" {
		t.Errorf("-q: stderr %q", errs)
	}
}

// TestVerifyProgressTerminal: on a terminal, the build step under way
// is shown on one line redrawn in place, cleared before the next note;
// -q and --json show none.
func TestVerifyProgressTerminal(t *testing.T) {
	vt := newVerifyTest(t)
	vt.stderrIsTerminal, vt.stderrWidth = true, 200
	code, out, errs := vt.verify()
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	const clear = "\r\x1b[K"
	step := clear + "restage verify: building the original: [2/4] RUN go build -o /app ."
	if !strings.Contains(errs, step+clear+"restage verify: building the converted (") {
		t.Errorf("no build step shown and cleared:\n%q", errs)
	}
	if !strings.Contains(errs, clear+"restage verify: building the converted: [2/4] RUN go build -o /app ."+clear+"restage verify: probing the original\n") {
		t.Errorf("the converted build's step is not shown and cleared:\n%q", errs)
	}
	if strings.Contains(out, "\x1b") || strings.Contains(out, "\r") {
		t.Errorf("the table has terminal codes:\n%q", out)
	}
	for _, args := range [][]string{{"-q"}, {"--json"}} {
		_, _, errs := vt.verify(args...)
		if strings.Contains(errs, "\x1b") || strings.Contains(errs, "\r") {
			t.Errorf("%s: a status line:\n%q", args, errs)
		}
	}

	// A narrow terminal: the line is cut to fit, not wrapped.
	var b bytes.Buffer
	l := verify.NewStatusLine(&b, 30)
	l.Step("original", verify.Step{N: 1, Of: 2, Action: "RUN a very long command line"})
	l.Clear()
	l.Clear()
	if got := b.String(); got != clear+"restage verify: building t..."+clear {
		t.Errorf("narrow: %q", got)
	}
}

func TestVerifyKeep(t *testing.T) {
	vt := newVerifyTest(t)
	code, out, _ := vt.verify("--keep")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if rm, rmi := vt.callsOf("rm"), vt.callsOf("rmi"); len(rm)+len(rmi) != 0 {
		t.Errorf("--keep removed things: %q %q", rm, rmi)
	}
	if left, _ := os.ReadDir(vt.tmpParent); len(left) != 1 {
		t.Errorf("--keep: temporary folder not kept: %v", left)
	}
	if !strings.Contains(out, "\nkept: restage-verify/app-") || !strings.Contains(out, "-original-run") {
		t.Errorf("kept things not listed:\n%s", out)
	}
}

func TestVerifyDifferentStdout(t *testing.T) {
	vt := newVerifyTest(t)
	t.Setenv("FAKE_STDOUT_CONVERTED", "hullo\n")
	t.Setenv("FAKE_STDERR_CONVERTED", "warning: something\n")
	code, out, _ := vt.verify()
	if code != 1 || !strings.Contains(out, "DIFFERENT") ||
		!strings.Contains(out, `verdict: FAIL: the converted image does not behave like the original: default: the stdout differs: "hello\n" vs "hullo\n"; converted stderr: warning: something`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
	// Cleanup happens on failures too.
	if len(vt.callsOf("rmi")) != 1 {
		t.Errorf("no rmi after a failed verification")
	}
}

func TestVerifyExitStatusAndStart(t *testing.T) {
	vt := newVerifyTest(t)
	t.Setenv("FAKE_EXIT_CONVERTED", "3")
	if code, out, _ := vt.verify(); code != 1 || !strings.Contains(out, "default: the original exits 0, the converted image exits 3") {
		t.Errorf("exit status: %d\n%s", code, out)
	}
	t.Setenv("FAKE_EXIT_CONVERTED", "0")
	t.Setenv("FAKE_START_FAIL_CONVERTED", "1")
	code, out, _ := vt.verify()
	if code != 1 || !strings.Contains(out, `the converted image does not start (failed to create task: exec: "/app": stat /app: no such file or directory: unknown.)`) {
		t.Errorf("start failure: %d\n%s", code, out)
	}
	if !strings.Contains(strings.Join(vt.callsOf("rm"), "\n"), "-converted-run") {
		t.Errorf("a container that did not start is not removed")
	}
}

func TestVerifyServers(t *testing.T) {
	vt := newVerifyTest(t)
	t.Setenv("FAKE_SERVER", "1")
	// Nothing exits here, so a short wait cannot misread an exit.
	code, out, _ := vt.verify("--up-for", "1s")
	if code != 0 || !strings.Contains(out, "running") {
		t.Errorf("both servers: %d\n%s", code, out)
	}
	// The converted one dies at once; the original waits out --up-for,
	// long enough that the converted one's exit is seen under load.
	t.Setenv("FAKE_SERVER_CONVERTED", "0")
	t.Setenv("FAKE_EXIT_CONVERTED", "1")
	t.Setenv("FAKE_STDERR_CONVERTED", "2026/01/01 webapp: open templates/index.html: no such file or directory\n")
	code, out, _ = vt.verify("--up-for", "5s")
	if code != 1 || !strings.Contains(out, "the original keeps running, the converted image exits 1; converted stderr: 2026/01/01 webapp: open templates/index.html") {
		t.Errorf("dying server: %d\n%s", code, out)
	}
}

func TestVerifyOriginalFailsItself(t *testing.T) {
	vt := newVerifyTest(t)
	t.Setenv("FAKE_EXIT", "2")
	code, out, _ := vt.verify()
	if code != 0 || !strings.Contains(out, "warning: the original itself exits 2: the default probe shows only that both behave alike") {
		t.Errorf("%d\n%s", code, out)
	}
}

func TestVerifyHTTP(t *testing.T) {
	vt := newVerifyTest(t)
	serve := func(variant, body string) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/missing" {
				http.NotFound(w, r)
				return
			}
			fmt.Fprintf(w, "%s at %s", body, r.URL.Path)
		}))
		t.Cleanup(srv.Close)
		u, _ := url.Parse(srv.URL)
		t.Setenv("FAKE_HTTP_PORT_"+variant, u.Port())
	}
	serve("ORIGINAL", "hello")
	serve("CONVERTED", "hello")
	t.Setenv("FAKE_SERVER", "1")
	code, out, _ := vt.verify("--probe-http", "8080/", "--probe-http", "8080/missing", "--probe-http", "9090/a,b")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{"probe GET 8080/ ", "200, 10 bytes", "probe GET 8080/missing", "404, 19 bytes", "probe GET 9090/a,b", "(3 probes)"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	runs := vt.callsOf("run")
	if len(runs) != 2 || !strings.Contains(runs[0], " -d ") || !strings.Contains(runs[0], "-p 127.0.0.1::8080 -p 127.0.0.1::9090 ") {
		t.Errorf("runs: %q", runs)
	}
	if len(vt.callsOf("port")) != 4 {
		t.Errorf("port calls: %q", vt.callsOf("port"))
	}

	// A different body.
	serve("CONVERTED", "howdy")
	code, out, _ = vt.verify("--probe-http", "8080/")
	if code != 1 || !strings.Contains(out, `GET 8080/: the body differs: "hello at /" vs "howdy at /"`) {
		t.Errorf("different body: %d\n%s", code, out)
	}

	// The converted server exits instead of answering.
	t.Setenv("FAKE_HTTP_PORT_CONVERTED", "1")
	t.Setenv("FAKE_SERVER_CONVERTED", "0")
	t.Setenv("FAKE_EXIT_CONVERTED", "1")
	code, out, _ = vt.verify("--probe-http", "8080/")
	if code != 1 || !strings.Contains(out, "the original answers 200 with 10 bytes, the converted image exits 1") {
		t.Errorf("exited server: %d\n%s", code, out)
	}

	// The converted server exits before its port can be read: docker
	// port fails, and that is the probe's answer, not an error.
	t.Setenv("FAKE_PORT_FAIL_CONVERTED", "1")
	code, out, _ = vt.verify("--probe-http", "8080/")
	if code != 1 || !strings.Contains(out, "the converted image exits 1") {
		t.Errorf("exited before docker port: %d\n%s", code, out)
	}
	os.Unsetenv("FAKE_PORT_FAIL_CONVERTED")

	// Nobody answers: both time out the same way, which is not a pass
	// for the original but the same behaviour.
	t.Setenv("FAKE_SERVER_CONVERTED", "1")
	t.Setenv("FAKE_HTTP_PORT", "1")
	os.Unsetenv("FAKE_HTTP_PORT_ORIGINAL")
	os.Unsetenv("FAKE_HTTP_PORT_CONVERTED")
	code, out, _ = vt.verify("--probe-http", "8080/", "--probe-timeout", "300ms")
	if code != 0 || !strings.Contains(out, "no answer") {
		t.Errorf("no answer: %d\n%s", code, out)
	}
}

func TestVerifyProbeCmd(t *testing.T) {
	vt := newVerifyTest(t)
	code, out, _ := vt.verify("--probe-cmd", `--upper 'hello world' "a b"`)
	if code != 0 || !strings.Contains(out, "probe cmd --upper 'hello world' \"a b\"") {
		t.Errorf("exit %d\n%s", code, out)
	}
	runs := vt.callsOf("run")
	if len(runs) != 2 || !strings.HasSuffix(runs[0], ":original --upper hello world a b") || strings.Contains(runs[0], " -d ") {
		t.Errorf("runs: %q", runs)
	}
	t.Setenv("FAKE_EXIT_CONVERTED", "2")
	code, out, _ = vt.verify("--probe-cmd", "--version")
	if code != 1 || !strings.Contains(out, "cmd --version: the original exits 0, the converted image exits 2") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// TestVerifyRunCmd: --run-cmd starts both images with its words after
// the image (docker run IMAGE ARGS..., as compose's command:) for the
// HTTP probe, the default probe and --probe-stdin alone; the report says
// which command ran; text a shell would compute, an empty command and a
// run command that no probe would run are refused.
func TestVerifyRunCmd(t *testing.T) {
	vt := newVerifyTest(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "up") }))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	t.Setenv("FAKE_HTTP_PORT", u.Port())
	t.Setenv("FAKE_SERVER", "1")
	for _, arg := range []string{"./server -port 8080", `["./server", "-port", "8080"]`} {
		code, out, _ := vt.verify("--run-cmd", arg, "--probe-http", "8080/")
		runs := vt.callsOf("run")
		if code != 0 || len(runs) != 2 || !strings.HasSuffix(runs[0], ":original ./server -port 8080") ||
			!strings.HasSuffix(runs[1], ":converted ./server -port 8080") || !strings.Contains(runs[0], " -d ") {
			t.Errorf("--run-cmd %s: exit %d, runs %q\n%s", arg, code, runs, out)
		}
		if !strings.Contains(out, "\nrun command (both images, in place of CMD): [\"./server\",\"-port\",\"8080\"]\n") {
			t.Errorf("--run-cmd %s: the table does not say the command:\n%s", arg, out)
		}
	}
	code, out, _ := vt.verify("--json", "--run-cmd", "./server -port 8080", "--probe-http", "8080/")
	var rep verify.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 || !slices.Equal(rep.RunCommand, []string{"./server", "-port", "8080"}) {
		t.Errorf("--json: exit %d, %v, run_command %q\n%s", code, err, rep.RunCommand, out)
	}
	// Without --run-cmd, nothing after the image and no run_command.
	code, out, _ = vt.verify("--json", "--probe-http", "8080/")
	if runs := vt.callsOf("run"); code != 0 || len(runs) != 2 || !strings.HasSuffix(runs[0], ":original") || strings.Contains(out, "run_command") {
		t.Errorf("without --run-cmd: exit %d, runs %q\n%s", code, runs, out)
	}
	os.Unsetenv("FAKE_SERVER")

	// The default probe, and --probe-stdin without --probe-cmd, run it too.
	code, out, _ = vt.verify("--run-cmd", "./tool --once")
	if runs := vt.callsOf("run"); code != 0 || len(runs) != 2 || !strings.HasSuffix(runs[1], ":converted ./tool --once") || !strings.Contains(out, "probe default") {
		t.Errorf("default probe: exit %d, runs %q\n%s", code, runs, out)
	}
	in := filepath.Join(t.TempDir(), "in.txt")
	writeFile(t, in, "x\n")
	code, out, _ = vt.verify("--run-cmd", "./tool -", "--probe-stdin", in)
	if runs := vt.callsOf("run"); code != 0 || len(runs) != 2 || !strings.HasSuffix(runs[0], ":original ./tool -") ||
		!strings.Contains(runs[0], " -i ") || !strings.Contains(out, "probe cmd ./tool - < "+in) {
		t.Errorf("--probe-stdin: exit %d, runs %q\n%s", code, runs, out)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--run-cmd", "./server $PORT"}, "--run-cmd: "},
		{[]string{"--run-cmd", `["./server", 8080]`}, "--run-cmd: a text that starts with [ is a JSON array of strings"},
		{[]string{"--run-cmd", " "}, "--run-cmd: no arguments"},
		{[]string{"--run-cmd", "[]"}, "--run-cmd: no arguments"},
		{[]string{"--run-cmd", "./server", "--probe-cmd", "--version"}, "--run-cmd: --probe-cmd replaces the command itself"},
	} {
		if code, _, errs := vt.verify(tc.args...); code != 2 || !strings.Contains(errs, tc.want) || len(vt.calls()) != 0 {
			t.Errorf("%q: exit %d, %d docker calls, stderr %q; want %q", tc.args, code, len(vt.calls()), errs, tc.want)
		}
	}
	// With --probe-http as well, --probe-cmd keeps its command and the
	// HTTP probe's container runs the run command.
	t.Setenv("FAKE_SERVER", "1")
	code, out, _ = vt.verify("--run-cmd", "./server", "--probe-cmd", "--version", "--probe-http", "8080/")
	var detached, fg []string
	for _, r := range vt.callsOf("run") {
		if strings.Contains(r, " -d ") {
			detached = append(detached, r)
		} else {
			fg = append(fg, r)
		}
	}
	if code != 0 || len(detached) != 2 || !strings.HasSuffix(detached[0], ":original ./server") || len(fg) != 2 || !strings.HasSuffix(fg[0], ":original --version") {
		t.Errorf("--run-cmd with --probe-cmd and --probe-http: exit %d, detached %q, foreground %q\n%s", code, detached, fg, out)
	}
}

// TestVerifyProbeStdin: --probe-stdin gives the file to both runs of the
// command probe on stdin (docker run -i), and the probe compares what each
// prints from it; without --probe-cmd it runs the image's own command;
// the file must be readable.
func TestVerifyProbeStdin(t *testing.T) {
	vt := newVerifyTest(t)
	in := filepath.Join(t.TempDir(), "in.json")
	writeFile(t, in, `{"a": [1, "x"]}`)
	code, out, _ := vt.verify("--probe-cmd", "-", "--probe-stdin", in)
	if code != 0 || !strings.Contains(out, "probe cmd - < "+in) {
		t.Errorf("exit %d\n%s", code, out)
	}
	runs := vt.callsOf("run")
	if len(runs) != 2 || !strings.Contains(runs[0], " -i ") || !strings.Contains(runs[1], " -i ") {
		t.Errorf("runs without -i: %q", runs)
	}
	// What comes out of the input differs: the probe says so.
	t.Setenv("FAKE_STDIN_CONVERTED", "upper")
	code, out, _ = vt.verify("--probe-cmd", "-", "--probe-stdin", in)
	if code != 1 || !strings.Contains(out, "stdout differs") {
		t.Errorf("different output from the input: exit %d\n%s", code, out)
	}
	os.Unsetenv("FAKE_STDIN_CONVERTED")
	// Without stdin, no -i: the probe of TestVerifyProbeCmd is unchanged.
	vt.verify("--probe-cmd", "--version")
	for _, r := range vt.callsOf("run") {
		if strings.Contains(r, " -i ") {
			t.Errorf("run with -i without --probe-stdin: %q", r)
		}
	}
	// Without --probe-cmd: the image's own command, with the input.
	code, out, _ = vt.verify("--probe-stdin", in)
	if runs := vt.callsOf("run"); code != 0 || !strings.Contains(out, "probe cmd (the image's own) < "+in) ||
		len(runs) != 2 || !strings.HasSuffix(runs[0], ":original") || !strings.Contains(runs[0], " -i ") {
		t.Errorf("--probe-stdin alone: exit %d, runs %q\n%s", code, runs, out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--probe-cmd", "-", "--probe-stdin", in + ".missing"}, "--probe-stdin " + in + ".missing: no such file or directory"},
	} {
		if code, _, errs := vt.verify(tc.args...); code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, stderr %q, want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
}

func TestVerifyBuildFailures(t *testing.T) {
	vt := newVerifyTest(t)
	t.Setenv("FAKE_BUILD_FAIL_CONVERTED", "1")
	code, out, errs := vt.verify()
	if code != 1 || !strings.Contains(out, "FAILED") ||
		!strings.Contains(out, `verdict: FAIL: the converted Dockerfile does not build: failed to solve: process "/bin/sh -c go build -o /app ." did not complete successfully: exit code: 1`) {
		t.Errorf("converted build fails: %d\n%s", code, out)
	}
	if !strings.Contains(errs, "the converted build failed; its last lines:\n  #1 [internal]") {
		t.Errorf("no build log on stderr: %q", errs)
	}
	if len(vt.callsOf("run")) != 0 {
		t.Errorf("ran images after a failed build")
	}
	if rmi := vt.callsOf("rmi"); len(rmi) != 1 {
		t.Errorf("rmi: %q", rmi)
	}

	t.Setenv("FAKE_BUILD_FAIL_CONVERTED", "0")
	t.Setenv("FAKE_BUILD_FAIL_ORIGINAL", "1")
	code, _, errs = vt.verify()
	if code != 2 || !strings.Contains(errs, "restage verify: the original Dockerfile does not build (failed to solve:") {
		t.Errorf("original build fails: %d\n%s", code, errs)
	}
	if len(vt.callsOf("build")) != 1 {
		t.Errorf("built the converted file after the original failed")
	}

	// A base image that cannot be pulled is a problem of the machine: exit 2.
	t.Setenv("FAKE_BUILD_FAIL_ORIGINAL", "0")
	t.Setenv("FAKE_BUILD_FAIL_CONVERTED", "pull")
	code, out, errs = vt.verify()
	if code != 2 || out != "" || !strings.Contains(errs, "restage verify: the converted file's base image cannot be had (failed to solve: failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request: Head \"https://gcr.io/v2/") ||
		!strings.Contains(errs, "--image-map") {
		t.Errorf("base image missing: %d %q %q", code, out, errs)
	}
	if rmi := vt.callsOf("rmi"); len(rmi) != 1 {
		t.Errorf("rmi: %q", rmi)
	}
}

func TestVerifyDockerMissing(t *testing.T) {
	vt := newVerifyTest(t)
	vt.defaultArgs[2] = filepath.Join(vt.dir, "nope", "docker")
	code, out, errs := vt.verify()
	if code != 2 || out != "" || !strings.HasPrefix(errs, "restage verify: docker: "+vt.defaultArgs[2]+": ") || strings.Count(errs, "\n") != 1 {
		t.Errorf("--docker missing: %d %q %q", code, out, errs)
	}

	// Not on PATH.
	path := os.Getenv("PATH")
	t.Setenv("PATH", vt.dir)
	vt.defaultArgs = slices.Delete(vt.defaultArgs, 1, 3)
	code, _, errs = vt.verify()
	if code != 2 || errs != `restage verify: docker: no "docker" on PATH (install the Docker CLI, or give --docker PATH or RESTAGE_DOCKER)`+"\n" {
		t.Errorf("no docker on PATH: %d %q", code, errs)
	}
	t.Setenv("PATH", path)

	// RESTAGE_DOCKER.
	vt.getenv = func(k string) string {
		if k == "RESTAGE_DOCKER" {
			return vt.docker
		}
		return ""
	}
	if code, out, errs := vt.verify(); code != 0 {
		t.Errorf("RESTAGE_DOCKER: %d\n%s\n%s", code, out, errs)
	}

	// A stopped daemon.
	t.Setenv("FAKE_DAEMON_DOWN", "1")
	code, out, errs = vt.verify()
	if code != 2 || out != "" || errs != "restage verify: docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock: is the daemon running?\n" {
		t.Errorf("daemon down: %d %q %q", code, out, errs)
	}
	if len(vt.calls()) != 1 {
		t.Errorf("went on after the daemon check: %q", vt.calls())
	}
}

func TestVerifyJSON(t *testing.T) {
	vt := newVerifyTest(t)
	t.Setenv("FAKE_STDOUT_CONVERTED", "other\n")
	code, out, _ := vt.verify("--json")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if rep["path"] != vt.dockerfile || rep["verdict"] != "different" || rep["exit_status"] != 1.0 || rep["docker_server"] != "99.0.0-fake" {
		t.Errorf("top level: %v", rep)
	}
	orig := rep["original"].(map[string]any)
	conv := rep["converted"].(map[string]any)
	if orig["built"] != true || orig["size_bytes"] != 874e6 || orig["layers"] != 3.0 || orig["user"] != "" ||
		!slices.Equal(toStrings(orig["shells"]), []string{"sh", "bash", "dash"}) || !slices.Equal(toStrings(orig["package_managers"]), []string{"apt-get", "dpkg"}) {
		t.Errorf("original: %v", orig)
	}
	if conv["user"] != "65532" || len(toStrings(conv["shells"])) != 0 || conv["shells"] == nil || conv["from"] != "restage.local/distroless/static-debian13:nonroot" {
		t.Errorf("converted: %v", conv)
	}
	probes := rep["probes"].([]any)
	p := probes[0].(map[string]any)
	if p["probe"] != "default" || p["same"] != false || p["original"].(map[string]any)["stdout"] != "hello\n" ||
		p["converted"].(map[string]any)["outcome"] != "exited" || p["converted"].(map[string]any)["exit_code"] != 0.0 {
		t.Errorf("probe: %v", p)
	}
	if m := rep["image_map"].([]any); len(m) != 2 || m[0].(map[string]any)["file"] != "original" {
		t.Errorf("image_map: %v", m)
	}

	// An error is JSON too, and a line on stderr.
	t.Setenv("FAKE_DAEMON_DOWN", "1")
	code, out, errs := vt.verify("--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 2 || rep["verdict"] != "error" || !strings.Contains(errs, "is the daemon running?") {
		t.Errorf("error as JSON: %d %v %q %q", code, err, out, errs)
	}
}

func toStrings(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, x := range l {
		out = append(out, x.(string))
	}
	return out
}

func TestVerifyDeclinedAndErrors(t *testing.T) {
	vt := newVerifyTest(t)
	writeFile(t, vt.dockerfile, "FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nCMD [\"/app\"]\n")
	code, out, errs := vt.verify()
	if code != 1 || !strings.Contains(out, "verdict: not verified: restage leaves this file unchanged (") || !strings.Contains(errs, "left unchanged") {
		t.Errorf("declined: %d %q %q", code, out, errs)
	}
	if len(vt.calls()) != 0 {
		t.Errorf("docker called for a declined file: %q", vt.calls())
	}

	writeFile(t, vt.dockerfile, "FROM golang\nFORM x\n")
	code, out, errs = vt.verify()
	if code != 2 || out != "" || !strings.HasPrefix(errs, vt.dockerfile+":2: ") {
		t.Errorf("parse error: %d %q %q", code, out, errs)
	}

	// Usage errors.
	for _, args := range [][]string{
		{"verify"}, {"verify", "-"}, {"verify", "a", "b"}, {"verify", "--probe-http", "x/", vt.dockerfile},
		{"verify", "--probe-cmd", "'unterminated", vt.dockerfile}, {"verify", "--build-timeout", "0s", vt.dockerfile},
	} {
		if code, _, errs := vt.run(args...); code != 2 || !strings.Contains(errs, "Run 'restage --help'") {
			t.Errorf("%q: %d %q", args, code, errs)
		}
	}
}

func TestVerifyTempInsideContext(t *testing.T) {
	vt := newVerifyTest(t)
	inner := filepath.Join(vt.app, "tmp")
	os.MkdirAll(inner, 0o755)
	t.Setenv("TMPDIR", inner)
	code, _, errs := vt.verify()
	if code != 2 || !strings.Contains(errs, "is inside the build context") {
		t.Errorf("%d %q", code, errs)
	}
	if left, _ := os.ReadDir(inner); len(left) != 0 {
		t.Errorf("left %v", left)
	}
}

func TestVerifyContextAndConfig(t *testing.T) {
	vt := newVerifyTest(t)
	// The config's image map applies to the original; --context is the build context.
	os.MkdirAll(filepath.Join(vt.dir, "src", ".git"), 0o755)
	writeFile(t, filepath.Join(vt.dir, "src", configName), "image_map:\n  - {from: mirror.test/library/, to: config.test/library/}\n")
	vt.defaultArgs = vt.defaultArgs[:len(vt.defaultArgs)-4] // no --image-map flags
	ctx := filepath.Join(vt.dir, "src")
	code, out, _ := vt.verify("--context", ctx)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if b := vt.callsOf("build"); !strings.HasSuffix(b[0], " "+ctx) {
		t.Errorf("context: %q", b)
	}
	if got := vt.built("ORIGINAL"); !strings.HasPrefix(got, "FROM config.test/library/golang:1.26\n") {
		t.Errorf("original built as:\n%s", got)
	}
	// A Dockerfile's own ignore file goes with the copies.
	writeFile(t, vt.dockerfile+".dockerignore", "secret\n")
	vt.verify("--keep")
	f := strings.Fields(vt.callsOf("build")[1])
	if got := readString(t, f[slices.Index(f, "-f")+1]+".dockerignore"); got != "secret\n" {
		t.Errorf("ignore file: %q", got)
	}
}

func TestParseHTTPProbe(t *testing.T) {
	for in, want := range map[string]string{"8080/": "GET 8080/", "8080": "GET 8080/", "80/a/b?c=d": "GET 80/a/b?c=d"} {
		p, err := parseHTTPProbe(in)
		if err != nil || p.String() != want {
			t.Errorf("parseHTTPProbe(%q) = %v, %v", in, p, err)
		}
	}
	for _, in := range []string{"x/", "/", "0/", "70000/"} {
		if _, err := parseHTTPProbe(in); err == nil {
			t.Errorf("parseHTTPProbe(%q): no error", in)
		}
	}
}

func TestPermuteArgsVerify(t *testing.T) {
	cmd := newTestApp().cli()
	cases := []struct{ in, want []string }{
		{[]string{"verify", "a", "--json"}, []string{"verify", "--json", "--", "a"}},
		{[]string{"verify", "a", "--docker", "/usr/bin/docker", "--probe-http", "8080/"}, []string{"verify", "--docker", "/usr/bin/docker", "--probe-http", "8080/", "--", "a"}},
		{[]string{"--image-map", "a=b", "verify", "--keep", "a"}, []string{"verify", "--image-map", "a=b", "--keep", "--", "a"}},
	}
	for _, c := range cases {
		if got := permuteArgs(cmd, c.in); !slices.Equal(got, c.want) {
			t.Errorf("permuteArgs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestVerifyWrites: docker diff of every probe container, before it is
// removed; a folder the original makes in /etc (mkdirSync('/etc/todos'))
// that the converted image does not make is a difference, in the table
// and in the JSON.
func TestVerifyWrites(t *testing.T) {
	vt := newVerifyTest(t)
	convTar := filepath.Join(vt.dir, "conv.tar")
	writeTar(t, convTar, fstest.MapFS{"app": {}, "etc/passwd": {}, "root": {Mode: fs.ModeDir}})
	t.Setenv("FAKE_TAR_CONVERTED", convTar)
	t.Setenv("FAKE_DIFF_ORIGINAL", "C /etc\nA /etc/todos\nA /etc/todos/1.json\nC /root\nA /root/.cache\nA /root/.cache/x\n")
	t.Setenv("FAKE_DIFF_CONVERTED", "")
	code, out, _ := vt.verify("--probe-cmd", "--version")
	if code != 1 {
		t.Errorf("exit %d\n%s", code, out)
	}
	for _, want := range []string{
		"written by the original only: A /etc/todos\n",
		"not compared: A /root/.cache by the original: a tool's state in a home folder\n",
		"verdict: FAIL: the converted image does not behave like the original: files written: the original wrote A /etc/todos, the converted image did not (it runs as 65532, the original as root: may it write there?)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	calls := vt.calls()
	for _, v := range []string{"original", "converted"} {
		d := slices.IndexFunc(calls, func(c string) bool { return strings.Contains(c, " diff ") && strings.HasSuffix(c, "-"+v+"-cmd") })
		r := slices.IndexFunc(calls, func(c string) bool { return strings.Contains(c, " rm ") && strings.HasSuffix(c, "-"+v+"-cmd") })
		if d < 0 || r < d {
			t.Errorf("%s: diff at %d, rm at %d:\n%s", v, d, r, strings.Join(calls, "\n"))
		}
	}

	// The same writes, and the JSON.
	t.Setenv("FAKE_DIFF_CONVERTED", "C /etc\nA /etc/todos\n")
	code, out, _ = vt.verify("--json")
	var rep struct {
		Verdict        string
		Original       struct{ Writes []string }
		Converted      struct{ Writes []string }
		WritesCompared struct {
			Same    bool
			Ignored []map[string]string
		} `json:"writes_compared"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if code != 0 || rep.Verdict != "same" || !slices.Equal(rep.Original.Writes, []string{"A /etc/todos", "A /root/.cache"}) ||
		!slices.Equal(rep.Converted.Writes, []string{"A /etc/todos"}) || !rep.WritesCompared.Same ||
		len(rep.WritesCompared.Ignored) != 1 || rep.WritesCompared.Ignored[0]["reason"] != "a tool's state in a home folder" {
		t.Errorf("exit %d: %+v\n%s", code, rep, out)
	}
}

// An app that needs a build argument or a setting to start gets them in
// both builds and every container; a value without KEY= is refused.
func TestVerifyBuildArgsAndEnv(t *testing.T) {
	vt := newVerifyTest(t)
	code, out, errs := vt.verify("--build-arg", "VERSION=1.2.3", "--build-arg", "LIST=a,b", "-e", "JWT_SECRET=s3cret", "-e", "MODE=file")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	builds := vt.callsOf("build")
	if len(builds) != 2 {
		t.Fatalf("builds: %q", builds)
	}
	for _, b := range builds {
		if !strings.Contains(b, "--build-arg VERSION=1.2.3 --build-arg LIST=a,b ") {
			t.Errorf("build without the build arguments: %s", b)
		}
	}
	runs := vt.callsOf("run")
	if len(runs) != 2 {
		t.Fatalf("runs: %q", runs)
	}
	for _, r := range runs {
		if !strings.Contains(r, "-e JWT_SECRET=s3cret -e MODE=file ") {
			t.Errorf("run without the settings: %s", r)
		}
	}
	for _, bad := range [][]string{{"--build-arg", "VERSION"}, {"-e", "=x"}} {
		if code, _, errs := vt.verify(bad...); code != 2 || !strings.Contains(errs, "want KEY=VALUE") {
			t.Errorf("%q: exit %d, %q", bad, code, errs)
		}
	}
}
