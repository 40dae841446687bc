//go:build unix

package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWriteKeepsSetuidAndOwner writes over a setuid file owned by
// someone else: the owner changes the temporary file's mode bits when it
// is set, so it must come before the mode.
func TestWriteKeepsSetuidAndOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	p := filepath.Join(t.TempDir(), "Dockerfile")
	put(t, p, dockerfile)
	if err := errors.Join(os.Chown(p, 1000, 1000), os.Chmod(p, 0o755|os.ModeSetuid|os.ModeSetgid)); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, []byte(dockerfile+"FROM scratch\n")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := os.FileMode(0o755) | os.ModeSetuid | os.ModeSetgid; fi.Mode() != want {
		t.Errorf("mode %v, want %v", fi.Mode(), want)
	}
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != 1000 || st.Gid != 1000 {
		t.Errorf("owner %d:%d, want 1000:1000", st.Uid, st.Gid)
	}
}

// TestReadFileRefusesNamedPipe: ReadFile, which other front ends call
// without Discover, looks before it opens, so a named pipe cannot hang it.
func TestReadFileRefusesNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "Dockerfile")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ReadFile(fifo, 1<<20)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.HasPrefix(err.Error(), "a named pipe, not a regular file") {
			t.Errorf("ReadFile(named pipe): %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("ReadFile(named pipe) still waiting after 30 s")
	}
}

// TestDiscoverSameFile: names of one directory entry are one job, under
// the first name in path order; hard links are two entries, two jobs.
func TestDiscoverSameFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "Dockerfile")
	put(t, real, dockerfile)
	link := filepath.Join(dir, "a.Dockerfile")
	hard := filepath.Join(dir, "real", "Dockerfile.hard")
	if err := errors.Join(os.Symlink(real, link), os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "b")), os.Link(real, hard)); err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, real)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		paths []string
		want  []string
	}{
		{[]string{real, rel}, []string{rel}}, // "../..." sorts before "/..."
		{[]string{real, link}, []string{link}},
		{[]string{filepath.Join(dir, "b"), real}, []string{filepath.Join(dir, "b", "Dockerfile"), filepath.Join(dir, "b", "Dockerfile.hard")}},
		{[]string{dir}, []string{link, filepath.Join(dir, "real", "Dockerfile.hard")}},
		{[]string{real, hard}, []string{real, hard}},
	} {
		var got []string
		for _, j := range Discover(tc.paths) {
			if j.Failure != nil {
				t.Errorf("%q: %s: %v", tc.paths, j.Path, j.Failure)
			}
			got = append(got, j.Path)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%q: jobs %q\nwant %q", tc.paths, got, tc.want)
		}
	}
}
