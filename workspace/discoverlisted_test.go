package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/restage/restage/config"
)

// TestDiscoverForSameConfigs: a Finder told what the search for
// Dockerfiles listed (DiscoverFor) finds, for every Dockerfile, the
// config a Finder that looks at the disk finds: a config file above the
// folder, none past a folder holding .git (a file here, as in a git
// worktree), and one spelled in another case where the file system
// ignores case.
func TestDiscoverForSameConfigs(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		config.Name:            "runtime: slim\n",
		"a/" + config.Name:     "runtime: alpine\n",
		"a/Dockerfile":         "FROM golang:1.24\n",
		"a/b/Dockerfile":       "FROM golang:1.24\n",
		"c/.git":               "gitdir: ../.git/worktrees/c\n",
		"c/d/Dockerfile":       "FROM golang:1.24\n",
		"e/f/g/Dockerfile":     "FROM golang:1.24\n",
		"h/.Restage.yaml":      "runtime: distroless\n",
		"h/Dockerfile":         "FROM golang:1.24\n",
		"node_modules/x/.keep": "",
	}
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Whether h's config counts depends on the file system's case.
	_, err := os.Stat(filepath.Join(root, "h", config.Name))
	hWant := ""
	if err == nil {
		hWant = "distroless"
	} else {
		hWant = "slim"
	}
	want := map[string]string{"a": "alpine", "a/b": "alpine", "c/d": "", "e/f/g": "slim", "h": hWant}
	runtime := func(f *config.Finder, dir string) string {
		t.Helper()
		c, err := f.ForDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		if c == nil {
			return ""
		}
		return c.Runtime
	}
	for _, walked := range []string{root, "."} {
		t.Run(walked, func(t *testing.T) {
			t.Chdir(root)
			listed, disk := &config.Finder{}, &config.Finder{}
			jobs := DiscoverFor([]string{walked}, listed)
			if len(jobs) != len(want) {
				t.Fatalf("found %d Dockerfiles, want %d: %v", len(jobs), len(want), jobs)
			}
			for _, j := range jobs {
				dir := filepath.Dir(j.Path)
				rel, _ := filepath.Rel(root, filepath.Join(root, dir))
				if walked == root {
					rel, _ = filepath.Rel(root, dir)
				}
				got, onDisk := runtime(listed, dir), runtime(disk, dir)
				if got != onDisk || got != want[filepath.ToSlash(rel)] {
					t.Errorf("%s: runtime %q with the listings, %q from the disk, want %q", j.Path, got, onDisk, want[filepath.ToSlash(rel)])
				}
			}
		})
	}
}
