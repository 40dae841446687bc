//go:build !linux

package workspace

import "io/fs"

// openRegular and readRegular leave every file to os.DirFS (ok false).
func (d contextDir) openRegular(string) (fs.File, bool, error) { return nil, false, nil }
func (d contextDir) readRegular(string) ([]byte, bool, error)  { return nil, false, nil }

// readFileRaw leaves every file to ReadFile's os path (ok false).
func readFileRaw(string, int64) ([]byte, bool, error) { return nil, false, nil }
