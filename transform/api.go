package transform

import (
	"fmt"
	"io/fs"
)

// Options steer one conversion. The zero value converts with the built-in
// presets, the default runtime flavor and no build context.
type Options struct {
	// Runtime is the runtime flavor asked for, one the matching preset
	// defines (the built-ins have distroless, alpine, slim, scratch and a
	// few more; presets.Flavors lists them). Empty means the preset's
	// default, and lets the engine pick another flavor when the default
	// cannot run the app.
	Runtime string
	// Preset forces a preset by name instead of detecting one.
	Preset string
	// Presets replaces the built-in presets when not nil.
	Presets []*Preset
	// Context is a read-only view of the build context (go.mod, templates/,
	// ...). Nil means the context is unknown; facts that need it are noted.
	Context fs.FS
	// Dockerfile is the Dockerfile's path inside Context, slash-separated
	// ("Dockerfile", "docker/Dockerfile.prod"), so that a context file
	// that names a Dockerfile (a compose service's build.dockerfile) can
	// be told to name this one. Empty means not known (stdin, a file
	// outside the context): such a file is then taken to name this one.
	Dockerfile string
	// FitHealthcheck is kept so that callers that set it still compile:
	// the engine always makes what a HEALTHCHECK calls (curl, wget, sh)
	// reach the runtime, by flavor or by install, or declines (issue 8).
	//
	// Deprecated: it changes nothing.
	FitHealthcheck bool
	// ImageMap rewrites image references that the engine writes, by
	// prefix: {"gcr.io/distroless/": "registry.example.com/distroless/"}.
	ImageMap []ImageMapping
}

// ImageMapping is one prefix rewrite of an image reference.
type ImageMapping struct{ From, To string }

// Level says how much a note matters.
type Level string

const (
	Info    Level = "info"
	Warning Level = "warning"
)

// Note is one line of explanation about the conversion, tied to a line of
// the input when it is about one (Line 0 otherwise). Code is stable across
// versions (see Codes); Message is for people and may be reworded.
type Note struct {
	Line    int    `json:"line,omitempty"`
	Code    Code   `json:"code"`
	Level   Level  `json:"level"`
	Message string `json:"message"`
}

func (n Note) String() string {
	if n.Line > 0 {
		return fmt.Sprintf("line %d: %s: %s", n.Line, n.Level, n.Message)
	}
	return fmt.Sprintf("%s: %s", n.Level, n.Message)
}

// Edit replaces the bytes Start..End (offsets into the input, End
// exclusive) with NewText. It has the shape of a suggested fix in
// golang.org/x/tools/go/analysis, so it can feed editors and bots as is.
type Edit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"new_text"`
}

// Move records where one instruction of the input went.
type Move struct {
	Line        int    `json:"line"`        // line of the instruction in the input
	Instruction string `json:"instruction"` // its keyword, upper case
	To          string `json:"to"`          // "builder", "runtime", "both" or "dropped"
	Why         string `json:"why,omitempty"`
}

// Evidence is one fact that made a preset match.
type Evidence struct {
	Line int    `json:"line,omitempty"`
	What string `json:"what"`
	// means: only the means to link a C library (a C toolchain
	// installed), which does not count when the sources cannot use it.
	means bool
	// deferred: a sign that says little of why (presets.Signal.Defer).
	deferred bool
}

// Size is an estimate in megabytes taken from the preset's size figures.
type Size struct {
	Before float64 `json:"before_mb"`
	After  float64 `json:"after_mb"`
}

// Result is the outcome of Convert. When Declined is not empty, Output is
// the input unchanged, Declined says why in one line and DeclineCode is
// the reason's stable code (an RS2xx decline, or RS9xx for a bug).
type Result struct {
	Output      []byte `json:"-"`
	Changed     bool   `json:"changed"`
	Declined    string `json:"declined,omitempty"`
	DeclineCode Code   `json:"decline_code,omitempty"`

	Preset        string     `json:"preset,omitempty"`
	Evidence      []Evidence `json:"evidence,omitempty"`
	BuilderImage  string     `json:"builder_image,omitempty"`
	BuilderStage  string     `json:"builder_stage,omitempty"`
	Runtime       string     `json:"runtime,omitempty"` // the runtime image written
	RuntimeFlavor string     `json:"runtime_flavor,omitempty"`
	RuntimeWhy    string     `json:"runtime_why,omitempty"`
	Artifacts     []string   `json:"artifacts,omitempty"` // paths copied from the builder
	Moves         []Move     `json:"moves,omitempty"`
	Notes         []Note     `json:"notes,omitempty"`
	Edits         []Edit     `json:"edits,omitempty"`
	Size          *Size      `json:"size_estimate,omitempty"`
}

// Error is a problem with the input itself (it does not parse). Line is
// 1-based, 0 when unknown.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%d: %s", e.Line, e.Msg)
	}
	return e.Msg
}
