// Package output renders the engine's results in the formats restage
// prints: the unified diff (diff.go), the --json records (json.go), SARIF
// (sarif.go) and reviewdog's rdjson (rdjson.go) with the edits as fixes
// (both on position.go's line and column arithmetic), the explain report
// (explain.go) and the stderr lines (messages.go).
//
// Each format is one file and a function of the results (File: the path,
// the input and the *transform.Result) to an io.Writer, so that a new
// format (SARIF, a review bot's comments) is one more file and needs no
// change to the command. The package only renders: it must never read or
// write files, look at terminals or the environment, import cmd/ or a CLI
// framework, or decide anything about a conversion; what it prints comes
// from the Result and from what the caller passes in.
//
// It is called output, not format, because format would read as "format
// the Dockerfile" (gofmt) and clash with the format parameters of every
// printf-style helper.
package output

import (
	"bytes"

	"github.com/restage/restage/transform"
)

// Status is what happened to one file, as the JSON's "status" spells it.
type Status string

const (
	Changed   Status = "changed"   // the engine rewrote it
	Unchanged Status = "unchanged" // the engine had nothing to change
	Declined  Status = "declined"  // the engine left it alone, with a reason
	Error     Status = "error"     // it could not be read or parsed
)

// StatusOf is the status of a conversion of in that gave res.
func StatusOf(in []byte, res *transform.Result) Status {
	switch {
	case res.Declined != "":
		return Declined
	case bytes.Equal(res.Output, in):
		return Unchanged
	}
	return Changed
}

// File is the outcome for one Dockerfile: what every format renders.
type File struct {
	Path   string // as shown in messages and diff headers
	Input  []byte
	Status Status
	// Result is the engine's answer; nil when Status is Error.
	Result *transform.Result
	// Err is the error without the path, and Line its line in the input
	// (0 when none), when Status is Error.
	Err  string
	Line int
	// Written says the result was written in place (-w).
	Written bool
}

// changedOutput is the converted file, or nil when f did not change.
func (f File) changedOutput() []byte {
	if f.Status != Changed || f.Result == nil {
		return nil
	}
	return f.Result.Output
}

// codeSuffix is " [CODE]" for messages that carry a code.
func codeSuffix(c transform.Code) string {
	if c == "" {
		return ""
	}
	return " [" + string(c) + "]"
}
