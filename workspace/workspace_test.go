package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/restage/restage/config"
	"github.com/restage/restage/transform"
)

const dockerfile = "FROM golang:1.24\nRUN go build -o /app .\nCMD [\"/app\"]\n"

// put writes content to path, making its folders.
func put(t *testing.T, path, content string) {
	t.Helper()
	if err := errors.Join(os.MkdirAll(filepath.Dir(path), 0o755), os.WriteFile(path, []byte(content), 0o644)); err != nil {
		t.Fatal(err)
	}
}

// leftovers are the temporary files WriteFileAtomic made in dir.
func leftovers(t *testing.T, dir string) []string {
	m, err := filepath.Glob(filepath.Join(dir, ".*.restage-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// appendStage is an engine that changes every file.
func appendStage(src []byte, _ transform.Options) (*transform.Result, error) {
	return &transform.Result{Output: append(slices.Clip(src), "FROM scratch\n"...), Changed: true}, nil
}

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{
		"Dockerfile", "Dockerfile.prod", "api.Dockerfile", "web.dockerfile", "low/dockerfile",
		"sub/deep/Dockerfile",
		// not Dockerfiles
		"README.md", "Dockerfile.dockerignore", "api.Dockerfile.dockerignore", "dockerfile.dev", "myDockerfile",
		// skipped folders, at any depth
		".git/Dockerfile", "vendor/Dockerfile", "node_modules/x/Dockerfile", "sub/vendor/Dockerfile",
	} {
		put(t, filepath.Join(dir, f), dockerfile)
	}
	var got []string
	for _, j := range Discover([]string{dir, filepath.Join(dir, "Dockerfile")}) {
		if j.Failure != nil {
			t.Errorf("%s: %v", j.Path, j.Failure)
		}
		rel, _ := filepath.Rel(dir, j.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"Dockerfile", "Dockerfile.prod", "api.Dockerfile", "low/dockerfile", "sub/deep/Dockerfile", "web.dockerfile"}
	if !slices.Equal(got, want) {
		t.Errorf("found %q\nwant  %q", got, want)
	}

	// A symlink to a folder is searched, with the link's name in paths.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(dir, "sub"), link); err == nil {
		jobs := Discover([]string{link})
		if len(jobs) != 1 || jobs[0].Failure != nil || jobs[0].Path != filepath.Join(link, "deep", "Dockerfile") {
			t.Errorf("symlinked folder: %+v", jobs)
		}
	}

	// A file named on the command line is taken whatever its name, and a
	// skipped folder named on the command line is searched.
	jobs := Discover([]string{filepath.Join(dir, "README.md"), filepath.Join(dir, "vendor")})
	if len(jobs) != 2 || jobs[0].Failure != nil || jobs[1].Failure != nil {
		t.Errorf("explicit paths: %+v", jobs)
	}
}

func TestWriteFileAtomicRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFileAtomic(dir, []byte("x")); err == nil {
		t.Errorf("writing over a folder worked")
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing"), []byte("x")); err == nil {
		t.Errorf("writing a missing file worked")
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %q", l)
	}
}

func TestWriteFailureLeavesTheOriginal(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Dockerfile")
	put(t, p, dockerfile)
	// The final rename fails: the original stays, the temp file goes.
	renameFile = func(string, string) error { return errors.New("disk on fire") }
	t.Cleanup(func() { renameFile = os.Rename })
	s := &Settings{MaxSize: 1 << 20, Write: true, Convert: appendStage}
	r := s.Process(Job{Path: p})
	if r.Status != Error || r.Written || r.Message() != p+": writing: disk on fire" {
		t.Errorf("rename failure: %s %v %q", r.Status, r.Written, r.Message())
	}
	if got, _ := os.ReadFile(p); string(got) != dockerfile {
		t.Errorf("original changed: %q", got)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %q", l)
	}
}

func TestEnginePanicIsAnError(t *testing.T) {
	p := filepath.Join(t.TempDir(), "Dockerfile")
	put(t, p, dockerfile)
	s := &Settings{MaxSize: 1 << 20, Convert: func([]byte, transform.Options) (*transform.Result, error) { panic("index out of range") }}
	r := s.Process(Job{Path: p})
	want := p + ": internal error in the converter: index out of range (please report this with the Dockerfile)"
	if r.Status != Error || r.Message() != want {
		t.Errorf("got %s %q\nwant %q", r.Status, r.Message(), want)
	}
	s.Convert = func([]byte, transform.Options) (*transform.Result, error) { return nil, nil }
	if r := s.Process(Job{Path: p}); r.Status != Error || !strings.Contains(r.Message(), "returned no result") {
		t.Errorf("no result: %s %q", r.Status, r.Message())
	}
}

func TestTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "Dockerfile")
	put(t, p, dockerfile)
	s := &Settings{MaxSize: 10, Stdin: strings.NewReader(dockerfile), Convert: appendStage}
	for _, j := range []Job{{Path: p}, {Path: "<stdin>", Stdin: true}} {
		r := s.Process(j)
		var tl TooLargeError
		if !errors.As(r.Err, &tl) || tl.Max != 10 || r.Message() != j.Path+": larger than 10 bytes" {
			t.Errorf("%s: %v %q", j.Path, r.Err, r.Message())
		}
	}
}

func TestFileOptions(t *testing.T) {
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	put(t, filepath.Join(repo, config.Name), "runtime: alpine\nfit_healthcheck: true\nimage_map:\n  - {from: a/, to: b/}\n")
	p := filepath.Join(repo, "api", "Dockerfile")
	put(t, p, dockerfile)
	caller := []transform.ImageMapping{{From: "x/", To: "y/"}}
	s := &Settings{Configs: &config.Finder{}, Options: transform.Options{ImageMap: caller}}
	opt, err := s.FileOptions(Job{Path: p})
	want := []transform.ImageMapping{{From: "x/", To: "y/"}, {From: "a/", To: "b/"}}
	if err != nil || opt.Runtime != "alpine" || !opt.FitHealthcheck || !slices.Equal(opt.ImageMap, want) || len(s.Options.ImageMap) != 1 {
		t.Errorf("config under the caller: %+v, %v", opt, err)
	}
	// What the caller set, the config cannot change.
	s.Options.Runtime, s.RuntimeSet, s.FitHealthcheckSet = "scratch", true, true
	if opt, _ := s.FileOptions(Job{Path: p}); opt.Runtime != "scratch" || opt.FitHealthcheck {
		t.Errorf("caller's choices: %+v", opt)
	}
	// Without a finder no config applies.
	s.Configs = nil
	if opt, _ := s.FileOptions(Job{Path: p}); len(opt.ImageMap) != 1 {
		t.Errorf("no finder: %+v", opt)
	}
}

func TestParseSize(t *testing.T) {
	good := map[string]int64{"1048576": 1 << 20, "1MiB": 1 << 20, "2MiB": 2 << 20, "512KiB": 512 << 10, "1M": 1 << 20, "1MB": 1e6, "1.5MiB": 3 << 19, "100 kb": 1e5}
	for s, want := range good {
		if n, err := ParseSize(s); err != nil || n != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", s, n, err, want)
		}
	}
	for _, s := range []string{"", "abc", "1XB", "-1", "0", "MiB", "1e3"} {
		if _, err := ParseSize(s); err == nil {
			t.Errorf("ParseSize(%q) worked", s)
		}
	}
	// Units go-units knows but --max-size never took, and the messages.
	for s, want := range map[string]string{
		"1TiB":   `"1TiB" is not a size (try 1048576, 512KiB or 2MiB)`,
		"1P":     `"1P" is not a size (try 1048576, 512KiB or 2MiB)`,
		"1.2.3":  `"1.2.3" is not a size (try 1048576, 512KiB or 2MiB)`,
		"1 MiBs": `"1 MiBs" is not a size (try 1048576, 512KiB or 2MiB)`,
		"0.5":    `"0.5" is out of range`,
		"2000GB": `"2000GB" is out of range`,
	} {
		if _, err := ParseSize(s); err == nil || err.Error() != want {
			t.Errorf("ParseSize(%q): %v, want %s", s, err, want)
		}
	}
	for n, want := range map[int64]string{1 << 20: "1 MiB", 512 << 10: "512 KiB", 3 << 19: "1536 KiB", 1000: "1000 bytes"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestNewNamesTheBadChoice(t *testing.T) {
	file := filepath.Join(t.TempDir(), "Dockerfile")
	put(t, file, dockerfile)
	for choice, c := range map[string]Choices{
		"ImageMap": {ImageMap: []string{"no-equals"}, MaxSize: "1MiB"},
		"Config":   {Config: file, NoConfig: true, MaxSize: "1MiB"},
		"Runtime":  {Runtime: "no-such-flavor", MaxSize: "1MiB"},
		"Preset":   {Preset: "no-such-preset", MaxSize: "1MiB"},
		"Context":  {Context: file, MaxSize: "1MiB"},
		"MaxSize":  {MaxSize: "big"},
	} {
		_, err := New(c)
		var ce *ChoiceError
		if !errors.As(err, &ce) || ce.Choice != choice {
			t.Errorf("%s: %v", choice, err)
		}
	}
	s, err := New(Choices{Runtime: "alpine", Context: filepath.Dir(file), MaxSize: "2KiB", FitHealthcheck: true})
	if err != nil || s.Options.Runtime != "alpine" || !s.RuntimeSet || s.FitHealthcheckSet || !s.Options.FitHealthcheck || s.ContextDir == "" || s.MaxSize != 2048 {
		t.Errorf("good choices: %+v, %v", s, err)
	}
}

// TestSourceMissingContext checks that RS330 (a COPY source missing from
// the build context) is said where a front end gives a context that
// exists, and not where it gives none or one that is not on disk: stdin
// without a folder, and an editor's buffer whose folder was never made.
func TestSourceMissingContext(t *testing.T) {
	src := []byte("FROM golang:1.26\nWORKDIR /app\nCOPY go.mod go.sum ./\nCOPY . .\nRUN go build -o /app/server .\nCMD [\"/app/server\"]\n")
	dir := t.TempDir()
	put(t, filepath.Join(dir, "go.mod"), "module example.com/s\n\ngo 1.26\n")
	has := func(r *Record) bool {
		if r.Err != nil || r.Result == nil {
			t.Fatalf("%s: %v", r.Job.Path, r.Err)
		}
		for _, n := range r.Result.Notes {
			if n.Code == "RS330" {
				return true
			}
		}
		return false
	}
	s := &Settings{} // no config file applies
	cases := []struct {
		name string
		job  Job
		want bool
	}{
		{"the file's folder", Job{Path: filepath.Join(dir, "Dockerfile")}, true},
		{"stdin named in that folder", Job{Path: "-", Stdin: true, Dir: dir}, true},
		{"stdin without a folder", Job{Path: "-", Stdin: true}, false},
		{"a folder not on disk", Job{Path: filepath.Join(dir, "not", "made", "Dockerfile")}, false},
	}
	for _, c := range cases {
		if got := has(s.ProcessBytes(c.job, src)); got != c.want {
			t.Errorf("%s: RS330 %v, want %v", c.name, got, c.want)
		}
	}
}
