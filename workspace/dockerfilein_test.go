package workspace

import (
	"path/filepath"
	"testing"
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
