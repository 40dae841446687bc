package workspace

import (
	"path/filepath"
	"testing"

	"github.com/restage/restage/transform"
)

// TestDockerfileIn: the Dockerfile's path the engine is told, inside the
// context or not known.
func TestDockerfileIn(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ ctx, file, want string }{
		{dir, filepath.Join(dir, "Dockerfile"), "Dockerfile"},
		{dir, filepath.Join(dir, "docker", "Dockerfile.prod"), "docker/Dockerfile.prod"},
		{filepath.Join(dir, "ctx"), filepath.Join(dir, "Dockerfile"), ""},
		{filepath.Join(dir, "ctx"), filepath.Join(dir, "ctx2", "Dockerfile"), ""},
	} {
		if got := dockerfileIn(c.ctx, c.file); got != c.want {
			t.Errorf("dockerfileIn(%q, %q) = %q, want %q", c.ctx, c.file, got, c.want)
		}
	}
}

// TestOptionsDockerfile: the path the engine is told for each kind of
// job, so that a compose file's build.dockerfile can be matched.
func TestOptionsDockerfile(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "docker")
	var got string
	record := func(_ []byte, opt transform.Options) (*transform.Result, error) {
		got = opt.Dockerfile
		return &transform.Result{}, nil
	}
	for _, c := range []struct {
		name string
		ctx  string
		job  Job
		want string
	}{
		{"a file, its folder the context", "", Job{Path: filepath.Join(sub, "Dockerfile.prod")}, "Dockerfile.prod"},
		{"a file inside --context", dir, Job{Path: filepath.Join(sub, "Dockerfile.prod")}, "docker/Dockerfile.prod"},
		{"a file outside --context", sub, Job{Path: filepath.Join(dir, "Dockerfile")}, ""},
		{"stdin named in a folder", "", Job{Path: "Dockerfile.dev", Stdin: true, Dir: sub}, "Dockerfile.dev"},
		{"stdin named, inside --context", dir, Job{Path: "Dockerfile.dev", Stdin: true, Dir: sub}, "docker/Dockerfile.dev"},
		{"stdin without a folder", dir, Job{Path: "<stdin>", Stdin: true}, ""},
	} {
		got = "unset"
		s := &Settings{ContextDir: c.ctx, Convert: record}
		if r := s.ProcessBytes(c.job, []byte("FROM scratch\n")); r.Err != nil {
			t.Fatalf("%s: %v", c.name, r.Err)
		}
		if got != c.want {
			t.Errorf("%s: Options.Dockerfile = %q, want %q", c.name, got, c.want)
		}
	}
}
