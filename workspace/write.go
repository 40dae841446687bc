package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/restage/restage/internal/textutil"
)

// renameFile is os.Rename; tests replace it to make the last step fail.
var renameFile = os.Rename

// afterTemp, when set, is called with each temporary file's name once it
// exists. Only a test build sets it (testhook.go), to stop a run there.
var afterTemp func(name string)

// temps are the temporary files of the writes under way, so that a
// program stopped by a signal can remove them (AbandonWrites). The lock
// is held while a file is created and while it is renamed, so a file is
// either listed or already in its place.
var temps struct {
	sync.Mutex
	names map[string]bool
}

// AbandonWrites removes the temporary files of the writes under way, for
// a program about to exit on a signal (SIGINT, SIGTERM; SIGKILL cannot
// be caught, and leaves a .NAME.restage-NNNN file behind). The originals
// are untouched. Writes under way and later ones never finish: they wait
// for the exit.
func AbandonWrites() {
	temps.Lock() // never unlocked: nothing may be written after this
	for name := range temps.names {
		os.Remove(name)
	}
}

// newTemp creates a temporary file in dir and lists it in temps.
func newTemp(dir, pattern string) (*os.File, error) {
	temps.Lock()
	defer temps.Unlock()
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if temps.names == nil {
		temps.names = map[string]bool{}
	}
	temps.names[f.Name()] = true
	return f, nil
}

// dropTemp removes a temporary file and takes it off the list.
func dropTemp(name string) {
	temps.Lock()
	defer temps.Unlock()
	os.Remove(name)
	delete(temps.names, name)
}

// WriteFileAtomic replaces the file name (or the file a symlink points
// to) with data: it writes a temporary file in the same folder with the
// same mode (and owner, where it can), syncs it and renames it over the
// original. On any error the original is untouched and the temporary
// file is gone.
func WriteFileAtomic(name string, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := newTemp(dir, "."+base+".restage-*")
	if err != nil {
		return fmt.Errorf("cannot create a temporary file in %s: %s (the new content is written beside the file, then renamed over it, so that the file is never left half written)",
			textutil.ShowPath(filepath.Clean(dir)), ErrText(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			dropTemp(tmp.Name())
		}
	}()
	if afterTemp != nil {
		afterTemp(tmp.Name())
	}
	// The data, then the owner, then the mode: the system clears the
	// setuid and setgid bits when a file's owner changes, and may when it
	// is written to, so any other order can lose them.
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	keepOwner(tmp, fi)
	if err = tmp.Chmod(fi.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = rename(tmp.Name(), target); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable, where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// rename puts a temporary file in its place, under the lock of temps.
func rename(tmp, target string) error {
	temps.Lock()
	defer temps.Unlock()
	err := renameFile(tmp, target)
	if err == nil {
		delete(temps.names, tmp)
	}
	return err
}
