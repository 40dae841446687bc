// Package report renders the migration report of a whole run (`restage
// report`): how many files were converted, left unchanged, declined (the
// reasons grouped by code) or failed, the runtime chosen for each, the
// image sizes before and after as the presets estimate them, and the
// warnings. It writes text (Text), a pull-request description in GitHub
// Markdown with a Mermaid chart (Markdown), or one self-contained HTML
// page with SVG charts, a sortable table and each file's diff (HTML).
//
// Like package output, it only renders values: it reads no files, runs
// nothing and fetches nothing (no os, os/exec or net), so what it prints
// depends only on the records it is given. File names, notes and diffs are
// the user's text and are escaped for each format: a Dockerfile may be
// named `<script>.Dockerfile`.
package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/restage/restage/output"
	"github.com/restage/restage/transform"
)

// Options are what the report says about the run beyond the files.
type Options struct {
	// Version is restage's version, printed at the foot of the report.
	Version string
}

// summary is the report's data, worked out once for every format.
type summary struct {
	files    []row
	counts   map[output.Status]int
	declines []declineGroup
	warnings []warning
	errors   []row
	// total sums the estimates of the files that have one (converted
	// files whose preset knows the builder image's size).
	total     transform.Size
	estimated int
	maxMB     float64 // the largest estimate, before or after: the charts' scale
}

// row is one file.
type row struct {
	index   int // its place in the input, from 0
	path    string
	status  output.Status
	preset  string
	runtime string // the runtime image written
	flavor  string
	size    *transform.Size
	reason  string         // why it was declined
	code    transform.Code // the decline's code
	err     string         // the error, with its line when known
	notes   []transform.Note
	diff    string // the plain unified diff of a converted file
}

// declineGroup is the files declined for one code.
type declineGroup struct {
	code  transform.Code
	title string
	files []row
}

// warning is a warning note of one file.
type warning struct {
	path string
	note transform.Note
}

// summarize works out the report's data from the run's files, in their
// order (the command gives them sorted by path). Only the HTML page shows
// the diffs, and they are most of the work: withDiffs asks for them.
func summarize(files []output.File, withDiffs bool) *summary {
	s := &summary{counts: map[output.Status]int{}}
	groups := map[transform.Code]*declineGroup{}
	for i, f := range files {
		r := row{index: i, path: f.Path, status: f.Status}
		if res := f.Result; res != nil {
			r.preset, r.notes = res.Preset, res.Notes
			if f.Status == output.Changed {
				r.runtime, r.flavor, r.size = res.Runtime, res.RuntimeFlavor, res.Size
				if withDiffs {
					r.diff = string(output.UnifiedDiff(f.Path, f.Input, res.Output, false))
				}
			}
			if f.Status == output.Declined {
				r.reason, r.code = res.Declined, res.DeclineCode
			}
		}
		if f.Status == output.Error {
			r.err = f.Err
			if f.Line > 0 {
				r.err = fmt.Sprintf("line %d: %s", f.Line, f.Err)
			}
			s.errors = append(s.errors, r)
		}
		s.counts[f.Status]++
		if f.Status == output.Declined {
			g := groups[r.code]
			if g == nil {
				g = &declineGroup{code: r.code, title: codeTitle(r.code)}
				groups[r.code] = g
			}
			g.files = append(g.files, r)
		}
		for _, n := range r.notes {
			if n.Level == transform.Warning {
				s.warnings = append(s.warnings, warning{path: f.Path, note: n})
			}
		}
		if r.size != nil {
			s.estimated++
			s.total.Before += r.size.Before
			s.total.After += r.size.After
			s.maxMB = math.Max(s.maxMB, math.Max(r.size.Before, r.size.After))
		}
		s.files = append(s.files, r)
	}
	for _, g := range groups {
		s.declines = append(s.declines, *g)
	}
	// By code, so that the same reasons come in the same order every run.
	slices.SortFunc(s.declines, func(a, b declineGroup) int { return strings.Compare(string(a.code), string(b.code)) })
	return s
}

// codeTitle is the registry's title of c, or a word for a decline that
// carries no code (a converter other than the engine's).
func codeTitle(c transform.Code) string {
	if info, ok := transform.LookupCode(c); ok {
		return info.Title
	}
	return "no code"
}

// mb prints an estimate: "~253 MB".
func mb(v float64) string { return "~" + output.MB(v) }

// saving is how much smaller after is than before, in whole percent
// rounded down as explain prints it (99.7% is not "100% smaller"); empty
// when there is nothing to compare.
func saving(s transform.Size) string {
	if s.Before <= 0 {
		return ""
	}
	return fmt.Sprintf("%.0f%%", math.Floor(100*(s.Before-s.After)/s.Before))
}

// runtimeText is "image (flavor)", or the image alone when the flavor is
// not known.
func (r row) runtimeText() string {
	if r.flavor == "" {
		return r.runtime
	}
	return r.runtime + " (" + r.flavor + ")"
}

// statusWord is how the report names a status: "converted" rather than
// the JSON's "changed", since the file was split, not edited.
func statusWord(s output.Status) string {
	switch s {
	case output.Changed:
		return "converted"
	case output.Error:
		return "error"
	}
	return string(s)
}

// countWord names the files of a status in the counts: "errors" rather
// than "error".
func countWord(s output.Status) string {
	if s == output.Error {
		return "errors"
	}
	return statusWord(s)
}

// noteText is a note as one line: "line 3: message [RS301]".
func noteText(n transform.Note) string {
	var b strings.Builder
	if n.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", n.Line)
	}
	b.WriteString(n.Message)
	if n.Code != "" {
		b.WriteString(" [" + string(n.Code) + "]")
	}
	return b.String()
}

// estimateNote says where the sizes come from, in every format.
const estimateNote = "Sizes are estimates from the presets' figures (the builder and runtime images' sizes and a typical application's, as each preset writes them), not measurements of built images."
