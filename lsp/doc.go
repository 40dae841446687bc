// Package lsp is restage's language server: the engine behind the
// Language Server Protocol over one connection (stdio for `restage lsp`).
// An editor sees a hint on the FROM line of a Dockerfile restage would
// split, restage's warnings at their lines, a code action and document
// formatting that apply restage's own edits, converted to the positions
// the client negotiated.
//
// It converts each document through package workspace, as the command
// does: the same presets, the same .restage.yaml (found from the
// document's folder) and the document's folder on disk as the build
// context, but with the editor's text rather than the file's.
//
// It must not print (the connection is the output; troubles go to the
// Options.Log writer), read flags, or import cmd/..., verify, os/exec or
// net/http: `restage lsp` lives in the restage binary, whose start-up
// every plain conversion pays.
package lsp
