package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestDiscoverEach: the walk hands on every Dockerfile it finds, each
// one a job of the result under the same path, whatever the order
// (a-b/ sorts before a/ by path but is walked after it); nothing when
// two paths are given (one file may be named twice) or when the path
// walked is a symlink; and the result is DiscoverFor's.
func TestDiscoverEach(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/Dockerfile", "a-b/Dockerfile", "a/c/x.Dockerfile", "node_modules/Dockerfile", "b/README"} {
		put(t, filepath.Join(dir, p), dockerfile)
	}
	var handed []Job
	jobs := DiscoverEach([]string{dir}, nil, func(j Job) { handed = append(handed, j) })
	if want := DiscoverFor([]string{dir}, nil); !slices.Equal(jobs, want) {
		t.Fatalf("jobs %v, want DiscoverFor's %v", jobs, want)
	}
	var paths []string
	for _, j := range handed {
		if !slices.Contains(jobs, j) {
			t.Errorf("handed %v, which is not a job", j)
		}
		paths = append(paths, j.Path)
	}
	want := []string{filepath.Join(dir, "a/Dockerfile"), filepath.Join(dir, "a/c/x.Dockerfile"), filepath.Join(dir, "a-b/Dockerfile")}
	if !slices.Equal(paths, want) {
		t.Errorf("handed %q, want %q (the walk's order)", paths, want)
	}
	for _, paths := range [][]string{{dir, filepath.Join(dir, "a")}} {
		n := 0
		DiscoverEach(paths, nil, func(Job) { n++ })
		if n != 0 {
			t.Errorf("%q: %d jobs handed on, want none", paths, n)
		}
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip(err)
	}
	n := 0
	if jobs := DiscoverEach([]string{link}, nil, func(Job) { n++ }); n != 0 || len(jobs) != 3 {
		t.Errorf("symlinked folder: %d handed on, want none; %d jobs, want 3", n, len(jobs))
	}
}
