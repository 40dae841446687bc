package verify

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/restage/restage/transform"
)

// fakeEngine is an Engine in memory: every image builds (unless
// failBuild names its tag's variant), runs and exits 0 with out.
type fakeEngine struct {
	mu        sync.Mutex
	calls     []string
	built     map[string]string // tag -> Dockerfile as built
	failBuild string
	out       map[string]string   // variant -> stdout of a run
	diff      map[string][]string // variant -> docker diff of each of its containers
	dirs      map[string][]string // variant -> its folders; nil: /, /app, /tmp, /etc, /root
	// running keeps started containers up until their context ends;
	// port is the host address of every published port.
	running bool
	port    string
}

func (f *fakeEngine) call(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf(format, args...))
}

func variantOf(s string) string {
	if strings.Contains(s, "original") {
		return "original"
	}
	return "converted"
}

func (f *fakeEngine) ServerVersion(context.Context) (string, error) { return "1.0-fake", nil }
func (f *fakeEngine) Build(_ context.Context, b BuildSpec, w io.Writer) error {
	f.call("build %s", b.Tag)
	data, err := os.ReadFile(b.File)
	if err != nil {
		return err
	}
	f.built[b.Tag] = string(data)
	io.WriteString(w, "#1 [internal] load build definition\n#4 [1/2] FROM x\n#5 [2/2] RUN make\n#5 DONE 0.1s\n")
	if f.failBuild == variantOf(b.Tag) {
		io.WriteString(w, "ERROR: failed to solve: exit code: 2\n")
		return &BuildFailure{}
	}
	return nil
}
func (f *fakeEngine) Inspect(_ context.Context, image string) (ImageInfo, error) {
	if variantOf(image) == "original" {
		return ImageInfo{SizeBytes: 200e6, Layers: 9}, nil
	}
	return ImageInfo{SizeBytes: 10e6, Layers: 2, User: "65532"}, nil
}
func (f *fakeEngine) Create(_ context.Context, name, image string) error {
	f.call("create %s", name)
	return nil
}
func (f *fakeEngine) ExportScan(_ context.Context, name string) (FileScan, error) {
	dirs := f.dirs[variantOf(name)]
	if dirs == nil {
		dirs = []string{"/", "/app", "/tmp", "/etc", "/root"}
	}
	scan := FileScan{Shells: []string{}, PackageManagers: []string{}, Dirs: map[string]bool{}}
	for _, d := range dirs {
		scan.Dirs[d] = true
	}
	return scan, nil
}
func (f *fakeEngine) Diff(_ context.Context, name string) ([]string, error) {
	f.call("diff %s", name)
	return f.diff[variantOf(name)], nil
}
func (f *fakeEngine) Start(_ context.Context, name, image string, _ []int, _, args []string) (string, error) {
	f.call("start %s %s %q", name, image, args)
	return "", nil
}
func (f *fakeEngine) Run(_ context.Context, name, image string, _, args []string, _ []byte) (RunResult, error) {
	f.call("run %s %s %q", name, image, args)
	return RunResult{}, nil
}
func (f *fakeEngine) Wait(ctx context.Context, _ string) (int, error) {
	if f.running {
		<-ctx.Done()
		return 0, ctx.Err()
	}
	return 0, nil
}
func (f *fakeEngine) Logs(_ context.Context, name string) (string, string, error) {
	return f.out[variantOf(name)], "", nil
}
func (f *fakeEngine) Port(context.Context, string, int) (string, error) {
	if f.port != "" {
		return f.port, nil
	}
	return "127.0.0.1:1", nil
}
func (f *fakeEngine) Remove(_ context.Context, name string) error {
	f.call("rm %s", name)
	return nil
}
func (f *fakeEngine) RemoveImages(_ context.Context, images ...string) error {
	f.call("rmi %s", strings.Join(images, " "))
	return nil
}

func newRun(t *testing.T) (Input, Options, *fakeEngine) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TMPDIR", filepath.Join(dir, "tmp"))
	os.Mkdir(filepath.Join(dir, "tmp"), 0o755)
	app := filepath.Join(dir, "app")
	os.Mkdir(app, 0o755)
	in := Input{
		Path:      filepath.Join(app, "Dockerfile"),
		Original:  []byte("FROM mirror.test/golang:1\nRUN make\n"),
		Converted: []byte("FROM mirror.test/golang:1 AS build\nRUN make\nFROM restage.local/static\nCOPY --from=build /app /app\n"),
		Runtime:   "restage.local/static",
		ImageMap:  []transform.ImageMapping{{From: "mirror.test/", To: "restage.local/"}},
	}
	eng := &fakeEngine{built: map[string]string{}, out: map[string]string{"original": "hi\n", "converted": "hi\n"}}
	opt := Options{Engine: eng, BuildTimeout: time.Minute, ProbeTimeout: time.Second, UpFor: time.Second}
	return in, opt, eng
}

// TestRunEngine drives a whole verification through the Engine
// interface: the files built are the image-mapped ones, the report
// says same, steps reach BuildStep, notes reach Log, all is removed.
func TestRunEngine(t *testing.T) {
	in, opt, eng := newRun(t)
	var log bytes.Buffer
	var steps []string
	opt.Log = &log
	opt.BuildStep = func(variant string, s Step) { steps = append(steps, variant+" "+s.String()) }
	rep := Run(context.Background(), in, opt)
	if rep.Verdict != VerdictSame || rep.ExitStatus != ExitSame || rep.Docker != "1.0-fake" {
		t.Fatalf("%+v", rep)
	}
	if rep.Message != "the converted image builds and behaves like the original (1 probe); 5% of the original's size" {
		t.Errorf("message: %q", rep.Message)
	}
	orig, conv := eng.built[rep.Original.Image], eng.built[rep.Converted.Image]
	if orig != "FROM restage.local/golang:1\nRUN make\n" ||
		conv != "FROM restage.local/golang:1 AS build\nRUN make\nFROM restage.local/static\nCOPY --from=build /app /app\n" {
		t.Errorf("built:\n%s\n%s", orig, conv)
	}
	want := []ImageRewrite{{"original", 1, "mirror.test/golang:1", "restage.local/golang:1"}, {"converted", 1, "mirror.test/golang:1", "restage.local/golang:1"}}
	if !slices.Equal(rep.ImageMap, want) || rep.Converted.From != "restage.local/static" {
		t.Errorf("image map: %+v, from %q", rep.ImageMap, rep.Converted.From)
	}
	if !slices.Equal(steps, []string{"original [1/2] FROM x", "original [2/2] RUN make", "converted [1/2] FROM x", "converted [2/2] RUN make"}) {
		t.Errorf("steps: %q", steps)
	}
	if !strings.HasPrefix(log.String(), "restage verify: building the original (restage-verify/app-") {
		t.Errorf("log: %q", log.String())
	}
	if last := eng.calls[len(eng.calls)-1]; last != "rmi "+rep.Original.Image+" "+rep.Converted.Image {
		t.Errorf("last call: %q", last)
	}
}

// TestRunEngineFailures: a converted file that does not build is a
// difference (exit 1), with the build's error line; quiet Options say
// nothing; a declined file is not built at all.
func TestRunEngineFailures(t *testing.T) {
	in, opt, eng := newRun(t)
	eng.failBuild = "converted"
	rep := Run(context.Background(), in, opt)
	if rep.Verdict != VerdictDifferent || rep.ExitStatus != ExitDifferent ||
		rep.Message != "the converted Dockerfile does not build: failed to solve: exit code: 2" || rep.Converted.Built {
		t.Errorf("%+v", rep)
	}

	in, opt, eng = newRun(t)
	eng.failBuild = "original"
	rep = Run(context.Background(), in, opt)
	if rep.ExitStatus != ExitError || rep.Message != "the original Dockerfile does not build (failed to solve: exit code: 2): nothing to compare with" {
		t.Errorf("%+v", rep)
	}

	in, opt, eng = newRun(t)
	in.Declined, in.Reason = true, "not a single-stage file"
	rep = Run(context.Background(), in, opt)
	if rep.Verdict != VerdictDeclined || rep.ExitStatus != ExitDifferent || len(eng.calls) != 0 ||
		rep.Message != "restage leaves this file unchanged (not a single-stage file): nothing to verify" {
		t.Errorf("%+v %q", rep, eng.calls)
	}
}
