package output

import (
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"text/template"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/templates"
	"github.com/restage/restage/transform"
)

// ExplainOptions are what explain shows beyond the result: facts only the
// caller knows.
type ExplainOptions struct {
	// PresetTitles maps preset names to their titles.
	PresetTitles map[string]string
	// AskedRuntime is the --runtime flavor, empty when the preset chose.
	AskedRuntime string
}

// explainData is what templates/explain.tmpl renders, once per file.
type explainData struct {
	Path   string // as printed: an odd name quoted (textutil.ShowPath)
	Status Status
	Error  string // the error message, with its line, when Status is error
	// Result is the engine's answer; nil on an error.
	Result *transform.Result
	// PresetTitle is the matched preset's title, when it is known.
	PresetTitle string
	// AskedRuntime is the --runtime flavor, empty when the preset chose.
	AskedRuntime string
}

var explainFuncs = template.FuncMap{
	// mb prints megabytes: one decimal below 10, none above.
	"mb": MB,
	// saving prints how much smaller after is than before, in whole
	// percent rounded down (99.7% is not "100% smaller").
	"saving": func(before, after float64) string {
		if before <= 0 {
			return ""
		}
		return fmt.Sprintf("%.0f%%", math.Floor(100*(before-after)/before))
	},
}

// MB prints a size estimate in megabytes: one decimal below 10, none
// above, as explain and the language server's hint show it.
func MB(v float64) string {
	if v < 10 {
		return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") + " MB"
	}
	return fmt.Sprintf("%.0f MB", v)
}

// explainTemplate is parsed once, on first use.
var explainTemplate = sync.OnceValues(func() (*template.Template, error) {
	return template.New("explain.tmpl").Funcs(explainFuncs).ParseFS(templates.FS, "explain.tmpl")
})

// Explain writes the explain report of f: which preset matched and why,
// what moved where, the runtime and why, the notes and the size estimate.
func Explain(w io.Writer, f File, opt ExplainOptions) error {
	tmpl, err := explainTemplate()
	if err != nil {
		return fmt.Errorf("explain template: %w", err)
	}
	d := explainData{Path: textutil.ShowPath(f.Path), Status: f.Status, Result: f.Result, AskedRuntime: opt.AskedRuntime}
	if f.Status == Error {
		d.Error = f.Err
		if f.Line > 0 {
			d.Error = fmt.Sprintf("line %d: %s", f.Line, d.Error)
		}
	}
	if f.Result != nil {
		d.PresetTitle = opt.PresetTitles[f.Result.Preset]
	}
	if err := tmpl.Execute(w, d); err != nil {
		return fmt.Errorf("explain template: %w", err)
	}
	return nil
}
