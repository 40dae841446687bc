package output

import (
	"encoding/json"
	"io"

	"github.com/restage/restage/transform"
)

// Record is one element of the --json array. The fields of the engine's
// Result come in between, with their own names (notes carry "code", a
// declined file "decline_code").
type Record struct {
	Path   string `json:"path"`
	Status Status `json:"status"`
	Error  string `json:"error,omitempty"`
	Line   int    `json:"line,omitempty"`
	*transform.Result
	Written bool   `json:"written,omitempty"`
	Diff    string `json:"diff,omitempty"` // plain, no colour
}

// NewRecord is the JSON record of f.
func NewRecord(f File) Record {
	r := Record{Path: f.Path, Status: f.Status, Error: f.Err, Line: f.Line, Result: f.Result, Written: f.Written}
	if out := f.changedOutput(); out != nil {
		r.Diff = string(UnifiedDiff(f.Path, f.Input, out, false))
	}
	return r
}

// JSON writes files as one indented JSON array, an empty one for none.
func JSON(w io.Writer, files []File) error {
	out := make([]Record, 0, len(files))
	for _, f := range files {
		out = append(out, NewRecord(f))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
