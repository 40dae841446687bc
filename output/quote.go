package output

import "github.com/restage/restage/internal/textutil"

// QuotePath writes a file name the way git does in its diff headers and
// file lists: see textutil.QuotePath, which every package that prints a
// name shares, so that stderr, -l and the diff quote alike.
func QuotePath(name string) string { return textutil.QuotePath(name) }
