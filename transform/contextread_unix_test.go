//go:build unix

package transform

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestContextHostileFiles: a repository's files that are no files to
// read (a named pipe, a link to /dev/zero, links in a loop) neither hang
// the conversion nor fill the memory, through os.DirFS as the command
// gives the context: the first two are named by RS369, a loop is a file
// that cannot be opened, which says nothing.
func TestContextHostileFiles(t *testing.T) {
	cases := []struct {
		name, src string
		setup     func(dir string) error
		unread    string // the file RS369 names; "" for none
	}{
		{"named pipe go.mod", ctxGoSrc, func(dir string) error {
			return syscall.Mkfifo(filepath.Join(dir, "go.mod"), 0o644)
		}, "go.mod"},
		{"named pipe .dockerignore", ctxGoSrc, func(dir string) error {
			return syscall.Mkfifo(filepath.Join(dir, ".dockerignore"), 0o644)
		}, ".dockerignore"},
		{"package.json linked to /dev/zero", ctxJSSrc, func(dir string) error {
			return os.Symlink("/dev/zero", filepath.Join(dir, "package.json"))
		}, "package.json"},
		{"links in a loop", ctxGoSrc, func(dir string) error {
			if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
				return err
			}
			for link, target := range map[string]string{"go.mod": "go.sum", "go.sum": "go.mod", "sub/up": "..", "main.go": "main.go"} {
				if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
					return err
				}
			}
			return nil
		}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := c.setup(dir); err != nil {
				t.Skipf("setup: %v", err)
			}
			type result struct {
				notes []string
				err   error
			}
			done := make(chan result, 1)
			go func() {
				got, err := convertUnread(c.src, os.DirFS(dir))
				done <- result{got, err}
			}()
			var got []string
			select {
			case r := <-done:
				if r.err != nil {
					t.Fatal(r.err)
				}
				got = r.notes
			case <-time.After(30 * time.Second):
				t.Fatal("Convert still reading the context after 30 s")
			}
			switch {
			case c.unread == "" && len(got) != 0:
				t.Errorf("RS369 notes = %q, want none", got)
			case c.unread != "" && (len(got) != 1 || !strings.HasPrefix(got[0], c.unread+" in the build context is not read (not a regular file)")):
				t.Errorf("RS369 notes = %q, want one about %s", got, c.unread)
			}
		})
	}
}
