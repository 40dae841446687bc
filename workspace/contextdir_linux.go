package workspace

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"syscall"
	"time"
)

// openRegular opens name in d with system calls of its own when it is a
// regular file: open, fstat, then reads and a close, without the
// poller's setup. ok is false when name is a folder (os.DirFS opens
// it) or not a valid path; with ok true, err is open's or fstat's
// error, or errNotRegular for a named pipe, a socket or a device.
func (d contextDir) openRegular(name string) (fs.File, bool, error) {
	if !fs.ValidPath(name) {
		return nil, false, nil
	}
	f, dir, err := openRaw(string(d)+"/"+name, name)
	if dir {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, err
	}
	return f, true, nil
}

// openRaw opens the regular file full (shown as name in errors) with
// open and fstat alone. dir is true for a folder, which it does not
// open; anything else that is not a regular file is errNotRegular.
// O_NONBLOCK makes opening a named pipe return at once instead of
// waiting for a writer; it changes nothing for a regular file.
func openRaw(full, name string) (f *rawFile, dir bool, err error) {
	var fd int
	for {
		fd, err = syscall.Open(full, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, false, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	f = &rawFile{fd: fd, name: name}
	if err := syscall.Fstat(fd, &f.st); err != nil {
		syscall.Close(fd)
		return nil, false, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	switch f.st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
		return f, false, nil
	case syscall.S_IFDIR:
		syscall.Close(fd)
		return nil, true, nil
	}
	// A named pipe would wait for a writer for ever, a device never end.
	syscall.Close(fd)
	return nil, false, &fs.PathError{Op: "open", Path: name, Err: errNotRegular}
}

// readRegular is fs.ReadFile of name through openRegular.
func (d contextDir) readRegular(name string) ([]byte, bool, error) {
	f, ok, err := d.openRegular(name)
	if !ok || err != nil {
		return nil, ok, err
	}
	defer f.Close()
	data, err := f.(*rawFile).readAll(-1)
	return data, true, err
}

// readAll reads f to the end, failing with TooLargeError once it passes
// max bytes (max < 0: no limit). One byte more than the size reads to the
// end in one call, as os.ReadFile does; a file that grows meanwhile is
// read whole.
func (f *rawFile) readAll(max int64) ([]byte, error) {
	size := f.st.Size
	if max >= 0 && size > max {
		return nil, TooLargeError{max}
	}
	data := make([]byte, 0, size+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if max >= 0 && int64(len(data)) > max {
			return nil, TooLargeError{max}
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// rawFile is a regular file opened by openRegular.
type rawFile struct {
	fd     int
	name   string
	st     syscall.Stat_t
	closed bool
}

func (f *rawFile) Read(p []byte) (int, error) {
	if f.closed {
		return 0, &fs.PathError{Op: "read", Path: f.name, Err: fs.ErrClosed}
	}
	if len(p) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(f.fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: err}
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f *rawFile) Close() error {
	if f.closed {
		return &fs.PathError{Op: "close", Path: f.name, Err: fs.ErrClosed}
	}
	f.closed = true
	if err := syscall.Close(f.fd); err != nil {
		return &fs.PathError{Op: "close", Path: f.name, Err: err}
	}
	return nil
}

func (f *rawFile) Stat() (fs.FileInfo, error) { return rawInfo{f}, nil }

// rawInfo is a rawFile's fs.FileInfo, from the fstat made at open.
type rawInfo struct{ f *rawFile }

func (i rawInfo) Name() string { return path.Base(i.f.name) }
func (i rawInfo) Size() int64  { return i.f.st.Size }
func (i rawInfo) IsDir() bool  { return false }
func (i rawInfo) Sys() any     { return &i.f.st }
func (i rawInfo) ModTime() time.Time {
	return time.Unix(i.f.st.Mtim.Unix())
}

// Mode is a regular file's permission bits and the setuid, setgid and
// sticky bits, as os.Stat gives them.
func (i rawInfo) Mode() fs.FileMode {
	m := fs.FileMode(i.f.st.Mode & 0o777)
	if i.f.st.Mode&syscall.S_ISUID != 0 {
		m |= fs.ModeSetuid
	}
	if i.f.st.Mode&syscall.S_ISGID != 0 {
		m |= fs.ModeSetgid
	}
	if i.f.st.Mode&syscall.S_ISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}

// readFileRaw is ReadFile's fast path: ok is false when name is not a
// regular file, which ReadFile then looks at to say what it is.
func readFileRaw(name string, max int64) (data []byte, ok bool, err error) {
	f, _, err := openRaw(name, name)
	if errors.Is(err, errNotRegular) {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, err
	}
	if f == nil {
		return nil, false, nil // a folder
	}
	defer f.Close()
	data, err = f.readAll(max)
	return data, true, err
}
