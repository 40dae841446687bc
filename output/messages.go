package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/transform"
)

// Messages writes f's notes and decline reason as stderr lines, the
// contract scripts and editors read:
//
//	path:line: level: message [CODE]
//	path: level: message [CODE]          (a note about the whole file)
//	path: left unchanged: reason [CODE]
//
// Info notes only when verbose. An error is the caller's to print: its
// text depends on where it came from (a config file names itself).
func Messages(w io.Writer, f File, verbose bool) error {
	if f.Result == nil {
		return nil
	}
	// An odd name is quoted as -l quotes it: a newline in it would make
	// two lines of one message.
	path := textutil.ShowPath(f.Path)
	var b strings.Builder
	for _, n := range f.Result.Notes {
		if n.Level == transform.Info && !verbose {
			continue
		}
		if n.Line > 0 {
			fmt.Fprintf(&b, "%s:%d: %s: %s%s\n", path, n.Line, n.Level, n.Message, codeSuffix(n.Code))
		} else {
			fmt.Fprintf(&b, "%s: %s: %s%s\n", path, n.Level, n.Message, codeSuffix(n.Code))
		}
	}
	if f.Status == Declined {
		fmt.Fprintf(&b, "%s: left unchanged: %s%s\n", path, f.Result.Declined, codeSuffix(f.Result.DeclineCode))
	}
	// One write, so that lines of files reported side by side never mix.
	_, err := io.WriteString(w, b.String())
	return err
}
