package workspace

import (
	"errors"
	"io/fs"
	"os"
)

// errNotRegular is the error of a context file that is a named pipe, a
// socket or a device.
var errNotRegular = errors.New("not a regular file")

// contextDir is the build context of a Dockerfile on disk: os.DirFS, with
// regular files opened and read by contextDir's openRegular where the
// system has one (contextdir_linux.go). A conversion reads a few small
// files of each context; os.Open makes each file ready for Go's poller
// (four fcntl calls and an epoll_ctl that fails for a regular file), and
// over a tree of 10,000 Dockerfiles those were a sixth of the system
// calls. What the engine sees is the same: the same bytes, the same
// listings, errors that errors.Is matches the same way.
type contextDir string

func (d contextDir) Open(name string) (fs.File, error) {
	if f, ok, err := d.openRegular(name); ok {
		return f, err
	}
	return os.DirFS(string(d)).Open(name)
}

func (d contextDir) ReadFile(name string) ([]byte, error) {
	if data, ok, err := d.readRegular(name); ok {
		return data, err
	}
	return os.DirFS(string(d)).(fs.ReadFileFS).ReadFile(name)
}

func (d contextDir) ReadDir(name string) ([]fs.DirEntry, error) {
	return os.DirFS(string(d)).(fs.ReadDirFS).ReadDir(name)
}

func (d contextDir) Stat(name string) (fs.FileInfo, error) {
	return os.DirFS(string(d)).(fs.StatFS).Stat(name)
}
