package output

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/restage/restage/transform"
)

// rdjson is reviewdog's diagnostic format (proto/rdf/reviewdog.proto in
// reviewdog/reviewdog): one DiagnosticResult with its diagnostics. Lines
// and columns are 1-based, columns count UTF-8 bytes, ends are exclusive.
type rdjsonResult struct {
	Source      rdjsonSource       `json:"source"`
	Diagnostics []rdjsonDiagnostic `json:"diagnostics"`
}

type rdjsonSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdjsonDiagnostic struct {
	Message     string             `json:"message"`
	Location    rdjsonLocation     `json:"location"`
	Severity    string             `json:"severity"`
	Code        *rdjsonCode        `json:"code,omitempty"`
	Suggestions []rdjsonSuggestion `json:"suggestions,omitempty"`
}

type rdjsonLocation struct {
	Path  string       `json:"path"`
	Range *rdjsonRange `json:"range,omitempty"`
}

type rdjsonRange struct {
	Start rdjsonPosition  `json:"start"`
	End   *rdjsonPosition `json:"end,omitempty"`
}

type rdjsonPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdjsonCode struct {
	Value string `json:"value"`
}

type rdjsonSuggestion struct {
	Range rdjsonRange `json:"range"`
	Text  string      `json:"text"`
}

// RDJSON writes files as reviewdog's rdjson:
//
//   - a file that would change: one INFO diagnostic (code "split") over
//     the bytes the edits touch, with one suggestion that is all of the
//     file's edits at once: reviewdog turns each suggestion into its own
//     suggestion block, and a partial split does not build;
//   - each warning note: a WARNING diagnostic of its code at its line;
//   - a file restage could not read or parse: an ERROR diagnostic.
//
// Declined files give nothing: a review comment that a file was left
// alone asks nothing of its author, and reviewdog posts every diagnostic
// it gets (stderr still says why). Paths are the Scan's URIs, which
// reviewdog takes relative to its working directory.
func RDJSON(w io.Writer, files []File, scan Scan) error {
	out := rdjsonResult{Source: rdjsonSource{Name: "restage", URL: informationURI}, Diagnostics: []rdjsonDiagnostic{}}
	for _, f := range files {
		path := scan.uri(f.Path)
		switch {
		case f.Status == Error:
			d := rdjsonDiagnostic{Message: f.Err, Severity: "ERROR", Location: rdjsonLocation{Path: path}}
			if f.Line > 0 {
				d.Location.Range = &rdjsonRange{Start: rdjsonPosition{Line: f.Line}}
			}
			out.Diagnostics = append(out.Diagnostics, d)
		case f.Status == Changed && f.Result != nil:
			x := newLineIndex(f.Input)
			all := coalesce(f.Input, fileEdits(f))
			sl, sc := x.position(all.start, byteUnits)
			el, ec := x.position(all.end, byteUnits)
			text := all.text
			// reviewdog counts a range's end line as touched whatever its
			// column, so an end at column 1 of the next line (or past the last
			// line) would reach a line outside the edit, often outside the
			// pull request's diff, and reviewdog would post no suggestion. The
			// same change ends instead just before the previous line's newline,
			// with that newline taken off the text.
			if ec == 1 && el-1 >= sl && strings.HasSuffix(text, "\n") {
				el, ec = el-1, len(x.lineText(el-1))+1
				text = strings.TrimSuffix(text, "\n")
			}
			rng := rdjsonRange{Start: rdjsonPosition{sl, sc}, End: &rdjsonPosition{el, ec}}
			out.Diagnostics = append(out.Diagnostics, rdjsonDiagnostic{
				Message:     changeMessage(f),
				Location:    rdjsonLocation{Path: path, Range: &rng},
				Severity:    "INFO",
				Code:        &rdjsonCode{SplitRule},
				Suggestions: []rdjsonSuggestion{{Range: rng, Text: text}},
			})
			for _, n := range f.Result.Notes {
				if n.Level != transform.Warning {
					continue
				}
				line := min(max(n.Line, 1), x.lines())
				out.Diagnostics = append(out.Diagnostics, rdjsonDiagnostic{
					Message:  n.Message,
					Location: rdjsonLocation{Path: path, Range: &rdjsonRange{Start: rdjsonPosition{Line: line}}},
					Severity: "WARNING",
					Code:     &rdjsonCode{string(n.Code)},
				})
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
