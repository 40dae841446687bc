//go:build unix

package workspace

import (
	"os"
	"syscall"
)

// keepOwner gives f the owner and group of the file fi describes, when
// the process may (as root, or for the group when it is a member).
func keepOwner(f *os.File, fi os.FileInfo) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		f.Chown(int(st.Uid), int(st.Gid))
	}
}
