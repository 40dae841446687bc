package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/restage/restage/transform"
)

// Scan says what the machine-readable formats (SARIF, rdjson) need beyond
// the files: they are read by other programs that name files by a URI
// relative to the repository and want to know which restage wrote them.
type Scan struct {
	// Version is restage's version, written as the tool's version.
	Version string
	// URI is a file's artifact URI for its Path: relative to the
	// repository's root, slash-separated. Nil: the Path with slashes.
	URI func(path string) string
}

func (s Scan) uri(path string) string {
	if s.URI == nil {
		return filepath.ToSlash(path)
	}
	return s.URI(path)
}

// SplitRule is the rule id of the result that carries a file's conversion.
// It is not a code of the registry: codes say why the engine did what it
// did, while this result is the change itself.
const SplitRule = "split"

// informationURI is where restage lives: its module path.
const informationURI = "https://github.com/restage/restage"

// The SARIF levels restage uses. A conversion is a note: the file works as
// it is and the change is an improvement, not a defect (a CI that must
// fail on it uses --check). A warning (RS3xx) is a warning: the result may
// behave differently at run time. A decline is "none" with kind
// "notApplicable": restage did not apply to the file, which says nothing
// wrong about it (SARIF allows only level "none" with that kind).
const (
	sarifNote    = "note"
	sarifWarning = "warning"
	sarifNone    = "none"
	sarifError   = "error"
)

// sarifColumnKind is the column unit of every region: UTF-16 code units, the
// unit of SARIF viewers written in JavaScript (VS Code's, GitHub's) and of
// LSP. Set explicitly because the schema gives columnKind no default.
const sarifColumnKind = "utf16CodeUnits"

// fingerprintKey names restage's partial fingerprint; the version suffix
// changes only when the way it is computed does.
const fingerprintKey = "restage/v1"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string    `json:"id"`
	Name                 string    `json:"name,omitempty"`
	ShortDescription     sarifText `json:"shortDescription"`
	FullDescription      sarifText `json:"fullDescription"`
	Help                 sarifText `json:"help"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Kind                string            `json:"kind,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifLines   `json:"region,omitempty"`
	} `json:"physicalLocation"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

// sarifLines is a region of whole lines, for where a result points.
type sarifLines struct {
	StartLine int `json:"startLine"`
	EndLine   int `json:"endLine,omitempty"`
}

// sarifSpan is an exact region: all four numbers always written, since a
// region without columns means whole lines.
type sarifSpan struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"` // exclusive
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion sarifSpan `json:"deletedRegion"`
	// Always written, also empty for a deletion: reviewdog skips a
	// replacement without it.
	InsertedContent sarifText `json:"insertedContent"`
}

func location(uri string, region *sarifLines) sarifLocation {
	var l sarifLocation
	l.PhysicalLocation.ArtifactLocation.URI = uri
	l.PhysicalLocation.Region = region
	return l
}

// SARIF writes files as one SARIF 2.1.0 log with one run:
//
//   - a file that would change: one result (rule "split", level note)
//     pointing at the lines the edits touch, whose fix holds every edit as
//     a replacement, and whose message lists the info notes with their
//     codes;
//   - each warning note: a result of its code at its line, level warning;
//   - a declined file: a result of its decline code, kind notApplicable,
//     level none;
//   - a file restage could not read or parse: a tool execution
//     notification at level error (the run is then not successful).
//
// Rules are the ids the results use, with the registry's title, meaning
// and help. Unchanged files give nothing.
func SARIF(w io.Writer, files []File, scan Scan) error {
	run := sarifRun{ColumnKind: sarifColumnKind, Results: []sarifResult{}}
	run.Tool.Driver = sarifDriver{Name: "restage", Version: scan.Version, InformationURI: informationURI, Rules: []sarifRule{}}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, f := range files {
		uri := scan.uri(f.Path)
		if f.Status == Error {
			inv.ExecutionSuccessful = false
			n := sarifNotification{Level: sarifError, Message: sarifText{f.Err}}
			var region *sarifLines
			if f.Line > 0 {
				region = &sarifLines{StartLine: f.Line}
			}
			n.Locations = []sarifLocation{location(uri, region)}
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
			continue
		}
		if f.Result == nil {
			continue
		}
		x := newLineIndex(f.Input)
		switch f.Status {
		case Changed:
			run.Results = append(run.Results, sarifChange(f, uri, x))
			for _, n := range f.Result.Notes {
				if n.Level != transform.Warning {
					continue
				}
				line := min(max(n.Line, 1), x.lines())
				run.Results = append(run.Results, sarifResult{
					RuleID: string(n.Code), Level: sarifWarning,
					Message:             sarifText{n.Message},
					Locations:           []sarifLocation{location(uri, &sarifLines{StartLine: line})},
					PartialFingerprints: fingerprint(uri, string(n.Code), string(x.lineText(n.Line))),
				})
			}
		case Declined:
			run.Results = append(run.Results, sarifResult{
				RuleID: string(f.Result.DeclineCode), Kind: "notApplicable", Level: sarifNone,
				Message:             sarifText{"restage leaves this Dockerfile unchanged: " + f.Result.Declined},
				Locations:           []sarifLocation{location(uri, &sarifLines{StartLine: 1})},
				PartialFingerprints: fingerprint(uri, string(f.Result.DeclineCode)),
			})
		}
	}
	run.Invocations = []sarifInvocation{inv}
	run.Tool.Driver.Rules = sarifRules(run.Results)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// sarifChange is the result that carries f's conversion as a fix.
func sarifChange(f File, uri string, x *lineIndex) sarifResult {
	edits := fileEdits(f)
	all := coalesce(f.Input, edits)
	var reps []sarifReplacement
	var fp []string
	for _, e := range edits {
		sl, sc := x.position(e.start, utf16Units)
		el, ec := x.position(e.end, utf16Units)
		reps = append(reps, sarifReplacement{
			DeletedRegion:   sarifSpan{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec},
			InsertedContent: sarifText{e.text},
		})
		fp = append(fp, string(f.Input[e.start:e.end]), e.text)
	}
	first, last := editLines(x, all.span)
	return sarifResult{
		RuleID: SplitRule, Level: sarifNote,
		Message:             sarifText{changeMessage(f)},
		Locations:           []sarifLocation{location(uri, &sarifLines{StartLine: first, EndLine: last})},
		PartialFingerprints: fingerprint(append([]string{uri, SplitRule}, fp...)...),
		Fixes: []sarifFix{{
			Description: sarifText{"Split into a build stage and a runtime stage (restage)"},
			ArtifactChanges: []sarifArtifactChange{{
				ArtifactLocation: sarifArtifact{uri},
				Replacements:     reps,
			}},
		}},
	}
}

// editLines are the first and last lines a span touches, within the lines
// a viewer shows (an insertion at the end of the file points at the last
// line).
func editLines(x *lineIndex, s span) (first, last int) {
	first, _ = x.position(s.start, byteUnits)
	end := s.end
	if end > s.start && x.src[end-1] == '\n' {
		end-- // a span that ends with a newline ends on that line
	}
	last, _ = x.position(end, byteUnits)
	n := x.lines()
	return min(first, n), min(last, n)
}

// changeMessage says what the conversion does, with the info notes and
// their codes: the why of the change, which has no result of its own.
func changeMessage(f File) string {
	r := f.Result
	var b strings.Builder
	b.WriteString("restage splits this Dockerfile into a build stage and a runtime stage")
	var facts []string
	if r.Preset != "" {
		facts = append(facts, "preset "+r.Preset)
	}
	if r.Runtime != "" {
		facts = append(facts, "runtime "+r.Runtime)
	}
	if len(facts) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(facts, ", "))
	}
	b.WriteString(".")
	for _, n := range r.Notes {
		if n.Level != transform.Info {
			continue
		}
		if n.Line > 0 {
			fmt.Fprintf(&b, "\n- line %d: %s%s", n.Line, n.Message, codeSuffix(n.Code))
		} else {
			fmt.Fprintf(&b, "\n- %s%s", n.Message, codeSuffix(n.Code))
		}
	}
	return b.String()
}

// fingerprint is restage's partial fingerprint of parts: the same file,
// code and text give the same value in every run, whatever the line
// numbers, so a result keeps its identity when lines above it move.
func fingerprint(parts ...string) map[string]string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s\x00", len(p), p)
	}
	return map[string]string{fingerprintKey: hex.EncodeToString(h.Sum(nil))[:32]}
}

// sarifRules are the rules the results name, sorted by id, and each
// result's ruleIndex into them.
func sarifRules(results []sarifResult) []sarifRule {
	var ids []string
	for _, r := range results {
		if !slices.Contains(ids, r.RuleID) {
			ids = append(ids, r.RuleID)
		}
	}
	slices.Sort(ids)
	rules := make([]sarifRule, 0, len(ids))
	for _, id := range ids {
		rules = append(rules, sarifRuleFor(id))
	}
	for i := range results {
		results[i].RuleIndex = slices.Index(ids, results[i].RuleID)
	}
	return rules
}

func sarifRuleFor(id string) sarifRule {
	var r sarifRule
	r.ID = id
	if id == SplitRule {
		r.Name = "MultiStageSplit"
		r.ShortDescription.Text = "single-stage Dockerfile that restage can split"
		r.FullDescription.Text = "The Dockerfile builds and runs in one stage, so the image ships the build tools. " +
			"restage rewrites it into a build stage and a minimal runtime stage that gets only what the program needs at run time."
		r.Help.Text = "Apply the fix, or run `restage -w FILE`. The notes in the message say what changed and why; " +
			"`restage explain FILE` says more, and `restage verify FILE` builds and runs both images to compare them."
		r.DefaultConfiguration.Level = sarifNote
		return r
	}
	info, ok := transform.LookupCode(transform.Code(id))
	if !ok {
		// A code this build does not know (a newer engine's): still a
		// valid rule.
		r.ShortDescription.Text, r.FullDescription.Text, r.Help.Text = id, id, id
		r.DefaultConfiguration.Level = sarifWarning
		return r
	}
	r.ShortDescription.Text = info.Title
	r.FullDescription.Text = info.Help
	r.Help.Text = info.Help + " Every code is listed in docs/codes.md of restage."
	switch info.Kind {
	case transform.KindInfo:
		r.DefaultConfiguration.Level = sarifNote
	case transform.KindWarning:
		r.DefaultConfiguration.Level = sarifWarning
	default: // declines, internal declines
		r.DefaultConfiguration.Level = sarifNone
	}
	return r
}
