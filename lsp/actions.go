package lsp

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/restage/restage/workspace"
)

// Code action kinds restage returns.
const (
	KindQuickFix = "quickfix"
	// KindFixAll lets editors run the split on save
	// (VS Code: "editor.codeActionsOnSave": {"source.fixAll.restage": "explicit"}).
	KindFixAll = "source.fixAll.restage"
)

// CommandSplit applies the split through workspace/applyEdit, for clients
// that take commands but not code action literals.
const CommandSplit = "restage.split"

// ActionTitle is the title of restage's code actions.
const ActionTitle = "Split into a build stage and a runtime stage (restage)"

// textEdits are the conversion's edits as LSP text edits of the input.
func textEdits(rec *workspace.Record, t *text) []TextEdit {
	out := []TextEdit{}
	if rec.Status != workspace.Changed {
		return out
	}
	for _, e := range rec.Result.Edits {
		out = append(out, TextEdit{Range: t.rangeOf(e.Start, e.End), NewText: e.NewText})
	}
	return out
}

// errNotOpen answers a request about a document the client never opened.
func errNotOpen(uri string) *jsonrpc2.Error {
	return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "the document is not open: " + uri}
}

// formatting is textDocument/formatting: the split's edits, or none for a
// file restage leaves alone (a decline, a parse error).
func (s *server) formatting(ctx context.Context, snap snapshot) (any, *jsonrpc2.Error) {
	if snap.doc == nil {
		return nil, errNotOpen(snap.uri)
	}
	return textEdits(s.analysis(snap), newText(snap.text, snap.encoding)), nil
}

// codeActions is textDocument/codeAction. When the client names no kinds,
// the quick fix comes at the hint's line (or with the hint in the
// context) and the fix-all anywhere else, so that the split is one action
// wherever the cursor is; with context.only, every kind asked for.
func (s *server) codeActions(ctx context.Context, snap snapshot, p CodeActionParams) (any, *jsonrpc2.Error) {
	if snap.doc == nil {
		return nil, errNotOpen(snap.uri)
	}
	rec := s.analysis(snap)
	if rec.Status != workspace.Changed {
		return []CodeAction{}, nil
	}
	t := newText(snap.text, snap.encoding)
	hintLine := fromLine(rec.Result) - 1
	var hint []Diagnostic
	for _, d := range p.Context.Diagnostics {
		if d.Source == Source && d.Code == CodeSplit {
			hint = append(hint, d)
		}
	}
	atHint := len(hint) > 0 || (p.Range.Start.Line <= hintLine && hintLine <= p.Range.End.Line)
	if len(hint) == 0 && atHint {
		hint = diagnostics(rec, t, false, snap.version)[:1]
	}
	var kinds []string
	switch {
	case len(p.Context.Only) == 0 && atHint:
		kinds = []string{KindQuickFix}
	case len(p.Context.Only) == 0:
		kinds = []string{KindFixAll}
	default:
		for _, k := range []string{KindQuickFix, KindFixAll} {
			if wanted(k, p.Context.Only) && (k != KindQuickFix || atHint) {
				kinds = append(kinds, k)
			}
		}
	}
	if !snap.literals {
		// Commands: the client runs workspace/executeCommand, and the
		// server sends the edit with workspace/applyEdit.
		var cmds []Command
		if len(kinds) > 0 && snap.applyEdit {
			cmds = append(cmds, Command{Title: ActionTitle, Command: CommandSplit, Arguments: []any{snap.uri, snap.version}})
		}
		if cmds == nil {
			cmds = []Command{}
		}
		return cmds, nil
	}
	edit := workspaceEdit(snap, textEdits(rec, t))
	actions := []CodeAction{}
	for _, k := range kinds {
		a := CodeAction{Title: ActionTitle, Kind: k, Edit: edit}
		if k == KindQuickFix {
			a.Diagnostics, a.IsPreferred = hint, true
		}
		actions = append(actions, a)
	}
	return actions, nil
}

// wanted reports whether kind is one of only, or below one of them
// ("source" takes "source.fixAll.restage").
func wanted(kind string, only []string) bool {
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

// workspaceEdit is edits of one document in the form the client takes.
func workspaceEdit(snap snapshot, edits []TextEdit) *WorkspaceEdit {
	if snap.documentChanges {
		return &WorkspaceEdit{DocumentChanges: []TextDocumentEdit{{
			TextDocument: VersionedTextDocumentIdentifier{URI: snap.uri, Version: snap.version},
			Edits:        edits,
		}}}
	}
	return &WorkspaceEdit{Changes: map[string][]TextEdit{snap.uri: edits}}
}

// executeCommand runs restage.split [uri, version]: the split of that
// version, sent to the client as workspace/applyEdit.
func (s *server) executeCommand(p ExecuteCommandParams) func(context.Context) (any, *jsonrpc2.Error) {
	if p.Command != CommandSplit {
		return failWith(&jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "unknown command: " + p.Command})
	}
	var uri string
	var version int
	if len(p.Arguments) != 2 || json.Unmarshal(p.Arguments[0], &uri) != nil || json.Unmarshal(p.Arguments[1], &version) != nil {
		return failWith(&jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: CommandSplit + " takes [uri, version]"})
	}
	snap := s.snapshot(uri)
	return func(ctx context.Context) (any, *jsonrpc2.Error) {
		switch {
		case snap.doc == nil:
			return nil, errNotOpen(uri)
		case snap.version != version:
			return nil, &jsonrpc2.Error{Code: codeContentModified, Message: "the document changed since the action was offered"}
		case !snap.applyEdit:
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the client cannot apply edits (workspace.applyEdit)"}
		}
		rec := s.analysis(snap)
		if rec.Status != workspace.Changed {
			return nil, nil
		}
		edit := workspaceEdit(snap, textEdits(rec, newText(snap.text, snap.encoding)))
		var res struct {
			Applied bool `json:"applied"`
		}
		if err := s.conn.Call(ctx, "workspace/applyEdit", ApplyWorkspaceEditParams{Label: ActionTitle, Edit: *edit}, &res); err != nil {
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: "workspace/applyEdit: " + err.Error()}
		}
		return nil, nil
	}
}
