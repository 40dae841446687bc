package transform

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// countingFS counts each operation on each path.
type countingFS struct {
	fsys  fs.FS
	opens map[string]int // "op name"
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.opens["open "+name]++
	return c.fsys.Open(name)
}

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.opens["readdir "+name]++
	return fs.ReadDir(c.fsys, name)
}

func (c *countingFS) Stat(name string) (fs.FileInfo, error) {
	c.opens["stat "+name]++
	return fs.Stat(c.fsys, name)
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.opens["readfile "+name]++
	return fs.ReadFile(c.fsys, name)
}

// TestContextReadOnce: however many phases look at the build context,
// each folder is listed, each path looked at and each file read (whole,
// or its head) once per conversion.
func TestContextReadOnce(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/*/*")
	checked := 0
	for _, dir := range dirs {
		src, err := os.ReadFile(filepath.Join(dir, "Dockerfile"))
		if err != nil {
			continue
		}
		c := &countingFS{fsys: os.DirFS(dir), opens: map[string]int{}}
		if _, err := Convert(src, Options{Context: c}); err != nil {
			continue
		}
		for name, n := range c.opens {
			// A file read in part (a source's head) and later whole
			// is opened for each.
			if n > 1 && !(n == 2 && strings.HasPrefix(name, "open ")) {
				t.Errorf("%s: %s opened %d times in one conversion", dir, name, n)
			}
		}
		if len(c.opens) > 0 {
			checked++
		}
	}
	if checked < 50 {
		t.Errorf("only %d golden cases read their context", checked)
	}
}

// failingFS fails to list the folders named in bad.
type failingFS struct {
	fs.FS
	bad map[string]bool
}

func (f failingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.bad[name] {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrPermission}
	}
	return fs.ReadDir(f.FS, name)
}

// TestWalkContext: walkContext over a contextFS calls fn as fs.WalkDir
// does (the same paths, entries and errors in the same order, the same
// answers to fs.SkipDir and fs.SkipAll), the first time and when it
// replays the listing it keeps.
func TestWalkContext(t *testing.T) {
	m := fstest.MapFS{}
	for _, p := range []string{"a.go", "b/c.go", "b/d/e.go", "b/f.go", "g/h.go", "node_modules/x/y.js",
		"skipfile/a.go", "skipfile/stop.go", "skipfile/z.go", "unreadable/z.go", "w/v.go", "stopall/q.go", "zz.go"} {
		m[p] = &fstest.MapFile{Data: []byte(p)}
	}
	fsys := failingFS{m, map[string]bool{"unreadable": true}}
	for _, c := range []struct {
		root string
		fn   func(p string, e fs.DirEntry, err error) error
	}{
		{".", func(p string, e fs.DirEntry, err error) error { return nil }},
		{"b", func(p string, e fs.DirEntry, err error) error { return nil }},
		{"nothere", func(p string, e fs.DirEntry, err error) error { return nil }},
		{".", func(p string, e fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return fs.SkipDir
			case e.IsDir() && e.Name() == "node_modules":
				return fs.SkipDir
			case e.Name() == "stop.go": // a file's SkipDir ends its folder
				return fs.SkipDir
			case e.Name() == "q.go":
				return fs.SkipAll
			}
			return nil
		}},
		{".", func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err // stops the walk
			}
			return nil
		}},
	} {
		record := func(calls *[]string) fs.WalkDirFunc {
			return func(p string, e fs.DirEntry, err error) error {
				s := p
				if e != nil {
					s += fmt.Sprintf(" dir=%v", e.IsDir())
				}
				switch {
				case errors.Is(err, fs.ErrNotExist):
					// A missing file's error is spelled by whoever
					// found it missing (open or stat, the FS or the
					// listing contextFS keeps); the engine only asks
					// whether there is one.
					s += " err=not exist"
				case err != nil:
					s += " err=" + err.Error()
				}
				*calls = append(*calls, s)
				return c.fn(p, e, err)
			}
		}
		var want []string
		_ = fs.WalkDir(fsys, c.root, record(&want))
		ctx := newContextFS(fsys)
		for round := range 2 {
			var got []string
			walkContext(ctx, c.root, record(&got))
			if !slices.Equal(got, want) {
				t.Errorf("root %s, round %d: walkContext called\n%q\nfs.WalkDir\n%q", c.root, round, got, want)
			}
		}
		if len(want) < 2 && c.root != "nothere" {
			t.Errorf("root %s: the walk saw %q: the test proves nothing", c.root, want)
		}
	}
}

// TestContextAbsent: a file missing from a listed folder is answered
// without asking the FS, with an error errors.Is takes for fs.ErrNotExist;
// a file that is there (a symlink too) is always asked for.
func TestContextAbsent(t *testing.T) {
	m := fstest.MapFS{
		"go.mod":      {Data: []byte("module x\n")},
		"src/main.go": {Data: []byte("package main\n")},
		"link.go":     {Data: []byte("src/main.go"), Mode: fs.ModeSymlink},
	}
	cf := &countingFS{fsys: m, opens: map[string]int{}}
	c := newContextFS(cf)
	for _, name := range []string{"action.yml", ".dockerignore", "nope/deeper/x", "go.modx"} {
		if _, err := c.ReadFile(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ReadFile(%s): %v", name, err)
		}
		if _, err := c.Stat(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Stat(%s): %v", name, err)
		}
		if _, opened, err := readHead(c, name, 10); opened || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("readHead(%s): %v %v", name, opened, err)
		}
		if _, err := c.Open(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Open(%s): %v", name, err)
		}
	}
	// src is not listed yet: its missing file is asked for.
	if _, err := c.ReadFile("src/other.go"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile(src/other.go): %v", err)
	}
	// (Looked at before it is read, since its folder is not listed.)
	want := map[string]int{"readdir .": 1, "stat src/other.go": 1}
	if !maps.Equal(cf.opens, want) {
		t.Errorf("the FS was asked %v, want %v", cf.opens, want)
	}
	// Once src is listed, it answers too.
	c.ReadDir("src")
	if _, err := c.Stat("src/gone.go"); !errors.Is(err, fs.ErrNotExist) || cf.opens["stat src/gone.go"] != 0 {
		t.Errorf("Stat(src/gone.go): %v, asked %d times", err, cf.opens["stat src/gone.go"])
	}
	for _, name := range []string{"go.mod", "src/main.go", "link.go"} {
		if c.absent(name) {
			t.Errorf("%s is taken for absent", name)
		}
	}
	if data, err := c.ReadFile("go.mod"); err != nil || string(data) != "module x\n" {
		t.Errorf("ReadFile(go.mod) = %q, %v", data, err)
	}
	// A folder that cannot be listed says nothing about its files.
	c = newContextFS(failingFS{m, map[string]bool{".": true}})
	if c.absent("action.yml") || c.absent("go.mod") {
		t.Errorf("an unlistable folder's files are taken for absent")
	}
}
