// Package transform rewrites a single-stage Dockerfile into a multi-stage one:
// the original image becomes a named builder stage and a new minimal runtime
// stage receives only what the application needs to run.
//
// The package is a pure function of its inputs, like go/format: Convert takes
// the bytes of a Dockerfile, the options and (optionally) a read-only view of
// the build context, and returns the result. It must not read files outside
// Options.Context, write files, look at terminals or talk to Docker; that is
// the job of cmd/restage.
//
// The data flow is: parse (BuildKit's parser, as internal/dfparse copies it
// without regular expressions, with line spans kept) → analyse
// (which preset matches, which facts the file shows) → plan (the stages, the
// edits and the notes) → render (span edits on the original bytes plus a new
// stage from a template) → check (re-parse and invariants). Each phase only
// reads what the earlier ones made: the facts are not changed after analyse,
// every decision (and every note) is the plan's, and render is a function of
// the source and the plan. Bytes outside an edit come back identical. When the facts are not there, Convert declines:
// the output is the input and Result.Declined says why in one line.
//
// Language knowledge lives in YAML presets (package presets); code here must
// never branch on a language name.
package transform
