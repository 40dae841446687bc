package workspace

import (
	"errors"
	"os"
	"path/filepath"
)

// renameFile is os.Rename; tests replace it to make the last step fail.
var renameFile = os.Rename

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
	tmp, err := os.CreateTemp(dir, "."+base+".restage-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
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
	if err = renameFile(tmp.Name(), target); err != nil {
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
