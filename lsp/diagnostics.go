package lsp

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/restage/restage/output"
	"github.com/restage/restage/transform"
	"github.com/restage/restage/workspace"
)

// Source is the source of every diagnostic restage publishes.
const Source = "restage"

// CodeSplit is the code of the hint that restage would convert the file:
// the rule id the SARIF output gives the same finding.
const CodeSplit = output.SplitRule

// diagnostics are what the editor shows for one conversion:
//
//   - a file restage would convert: one hint on its FROM line (code
//     "split") saying which runtime it would pick and the estimated sizes,
//     and each warning at its line with its code;
//   - a declined file, or one that does not parse: nothing, unless the
//     client asked for declines (then one information or error
//     diagnostic with the reason and its code);
//   - an unchanged file: nothing.
func diagnostics(rec *workspace.Record, t *text, showDeclines bool, version int) []Diagnostic {
	out := []Diagnostic{}
	data, _ := json.Marshal(diagnosticData{Version: version})
	switch rec.Status {
	case workspace.Changed:
		res := rec.Result
		out = append(out, Diagnostic{
			Range: t.lineRange(fromLine(res) - 1), Severity: SeverityHint,
			Code: CodeSplit, Source: Source, Message: hintMessage(res), Data: data,
		})
		for _, n := range res.Notes {
			if n.Level != transform.Warning {
				continue
			}
			out = append(out, Diagnostic{
				Range: t.lineRange(max(n.Line, 1) - 1), Severity: SeverityWarning,
				Code: string(n.Code), Source: Source, Message: n.Message,
			})
		}
	case workspace.Declined:
		if showDeclines {
			out = append(out, Diagnostic{
				Range: t.lineRange(fromLine(rec.Result) - 1), Severity: SeverityInformation,
				Code: string(rec.Result.DeclineCode), Source: Source,
				Message: "restage leaves this Dockerfile unchanged: " + rec.Result.Declined,
			})
		}
	case workspace.Error:
		if showDeclines {
			out = append(out, Diagnostic{
				Range: t.lineRange(max(rec.Line, 1) - 1), Severity: SeverityError,
				Source: Source, Message: workspace.ErrText(rec.Err),
			})
		}
	}
	return out
}

// diagnosticData is the data of the split hint: the document version it
// was computed for, which a code action can check.
type diagnosticData struct {
	Version int `json:"version"`
}

// fromLine is the 1-based line of the first FROM, or 1.
func fromLine(res *transform.Result) int {
	if res != nil {
		for _, m := range res.Moves {
			if m.Instruction == "FROM" && m.Line > 0 {
				return m.Line
			}
		}
	}
	return 1
}

// hintMessage says what the split would give: the runtime image and the
// size estimate, marked as one.
func hintMessage(res *transform.Result) string {
	var b strings.Builder
	b.WriteString("restage can split this Dockerfile into a build stage and a runtime stage")
	if res.Runtime != "" {
		fmt.Fprintf(&b, " on %s", res.Runtime)
	}
	if z := res.Size; z != nil && z.Before > 0 {
		fmt.Fprintf(&b, ": about %s → %s (estimated)", output.MB(z.Before), output.MB(z.After))
	}
	return b.String()
}
