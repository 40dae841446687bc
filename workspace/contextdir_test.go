package workspace

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestContextDirAsDirFS holds contextDir to os.DirFS's answers: the same
// bytes, listings, file information and not-found errors, so that the
// engine converts a context the same whichever reads it.
func TestContextDirAsDirFS(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("0123456789abcdef", 1000) // larger than any first read
	files := map[string]string{"go.mod": "module x\n", "empty": "", "src/main.go": "package main\n", "big.txt": big}
	for name, data := range files {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	os.Chmod(filepath.Join(dir, "go.mod"), 0o4755)
	if err := os.Symlink("src/main.go", filepath.Join(dir, "link.go")); err != nil {
		t.Fatal(err)
	}
	cd := contextDir(dir)
	if err := fstest.TestFS(cd, "go.mod", "empty", "src/main.go", "big.txt", "link.go"); err != nil {
		t.Fatal(err)
	}
	want := os.DirFS(dir)
	for _, name := range []string{"go.mod", "empty", "src/main.go", "big.txt", "link.go"} {
		got, err := fs.ReadFile(cd, name)
		w, _ := fs.ReadFile(want, name)
		if err != nil || !bytes.Equal(got, w) {
			t.Errorf("ReadFile(%s) = %d bytes, %v; want %d bytes", name, len(got), err, len(w))
		}
		f, err := cd.Open(name)
		if err != nil {
			t.Fatalf("Open(%s): %v", name, err)
		}
		fi, _ := f.Stat()
		wi, _ := fs.Stat(want, name)
		if fi.Name() != wi.Name() || fi.Size() != wi.Size() || fi.Mode() != wi.Mode() || !fi.ModTime().Equal(wi.ModTime()) || fi.IsDir() {
			t.Errorf("Stat of open %s: %s %d %v %v; want %s %d %v %v", name, fi.Name(), fi.Size(), fi.Mode(), fi.ModTime(), wi.Name(), wi.Size(), wi.Mode(), wi.ModTime())
		}
		data, err := io.ReadAll(f)
		if err != nil || !bytes.Equal(data, w) {
			t.Errorf("reading open %s: %d bytes, %v", name, len(data), err)
		}
		if err := f.Close(); err != nil {
			t.Errorf("Close(%s): %v", name, err)
		}
		if _, err := f.Read(make([]byte, 1)); !errors.Is(err, fs.ErrClosed) {
			t.Errorf("Read after Close: %v", err)
		}
	}
	for _, name := range []string{"missing", "src/missing.go", "missing/x", "go.mod/x"} {
		_, err := fs.ReadFile(cd, name)
		_, werr := fs.ReadFile(want, name)
		if !errors.Is(err, fs.ErrNotExist) != !errors.Is(werr, fs.ErrNotExist) || err == nil {
			t.Errorf("ReadFile(%s): %v; os.DirFS: %v", name, err, werr)
		}
	}
	for _, name := range []string{"../x", "/etc/passwd", "src/../go.mod"} {
		if _, err := cd.Open(name); err == nil {
			t.Errorf("Open(%q) is allowed", name)
		}
	}
	if f, err := cd.Open("src"); err != nil {
		t.Errorf("Open of a folder: %v", err)
	} else if _, ok := f.(fs.ReadDirFile); !ok {
		t.Errorf("an open folder cannot be listed")
	}
}
