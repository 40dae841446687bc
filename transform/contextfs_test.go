package transform

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
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
			if n > 1 {
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
