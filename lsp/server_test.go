package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/restage/restage/transform"
)

const goApp = "FROM golang:1.26\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nCMD [\"/app/server\"]\n"

const multiStage = "FROM golang:1.26 AS build\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\n\nFROM scratch\nCOPY --from=build /app/server /server\nCMD [\"/server\"]\n"

func TestLifecycle(t *testing.T) {
	c := newClient(t, Options{})
	var out any
	if err := c.call("textDocument/formatting", DocumentFormattingParams{}, &out); err == nil || err.Code != codeServerNotInitialized {
		t.Errorf("before initialize: %v, want code %d", err, codeServerNotInitialized)
	}
	res := c.initialize(editorCaps, "")
	if res.ServerInfo.Name != "restage" || res.Capabilities.PositionEncoding != "utf-16" ||
		res.Capabilities.TextDocumentSync.Change != SyncIncremental || !res.Capabilities.DocumentFormattingProvider {
		t.Errorf("initialize result: %+v", res)
	}
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{}}, &out); err == nil || err.Code != jsonrpc2.CodeInvalidRequest {
		t.Errorf("second initialize: %v", err)
	}
	if err := c.call("textDocument/hover", map[string]any{}, &out); err == nil || err.Code != jsonrpc2.CodeMethodNotFound {
		t.Errorf("unknown method: %v", err)
	}
	if err := c.call("shutdown", nil, &out); err != nil || out != nil {
		t.Errorf("shutdown: %v %v", err, out)
	}
	if err := c.call("textDocument/formatting", DocumentFormattingParams{}, &out); err == nil || err.Code != jsonrpc2.CodeInvalidRequest {
		t.Errorf("after shutdown: %v", err)
	}
	if code := c.exit(); code != 0 {
		t.Errorf("exit after shutdown: %d, want 0", code)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(editorCaps, "")
	if code := c.exit(); code != 1 {
		t.Errorf("exit without shutdown: %d, want 1", code)
	}
}

func TestClientGoneEndsServer(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(editorCaps, "")
	c.in.Close()
	if code := <-c.done; code != 1 {
		t.Errorf("the client closed its pipe: %d, want 1", code)
	}
}

// The hint names the runtime and the sizes; formatting and the quick fix
// both come to the engine's output for the same file and context.
func TestHintFormattingAndQuickFix(t *testing.T) {
	path := app(t, goApp)
	want, res := converted(t, path)
	if !res.Changed || res.Size == nil {
		t.Fatalf("the fixture does not convert: %+v", res)
	}
	c := newClient(t, Options{})
	c.initialize(editorCaps, "")
	uri := fileURI(path)
	c.open(uri, 1, goApp)
	p := c.diagnostics(uri)
	if len(p.Diagnostics) != 1 || p.Version == nil || *p.Version != 1 {
		t.Fatalf("diagnostics: %+v", p)
	}
	d := p.Diagnostics[0]
	if d.Code != "split" || d.Severity != SeverityHint || d.Source != "restage" ||
		d.Range != (Range{Start: Position{0, 0}, End: Position{0, len("FROM golang:1.26")}}) {
		t.Errorf("hint: %+v", d)
	}
	for _, s := range []string{"restage can split this Dockerfile", res.Runtime, "(estimated)", "MB →"} {
		if !strings.Contains(d.Message, s) {
			t.Errorf("hint message %q lacks %q", d.Message, s)
		}
	}

	var edits []TextEdit
	if err := c.call("textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{uri}}, &edits); err != nil {
		t.Fatal(err)
	}
	if got := apply(t, goApp, edits, false); got != want {
		t.Errorf("formatting gives\n%s\nwant\n%s", got, want)
	}

	// The quick fix, with the hint in the context as an editor sends it.
	var actions []CodeAction
	ctx := CodeActionContext{Diagnostics: p.Diagnostics}
	if err := c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: d.Range, Context: ctx}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || actions[0].Kind != "quickfix" || !actions[0].IsPreferred || actions[0].Edit == nil ||
		len(actions[0].Diagnostics) != 1 || actions[0].Diagnostics[0].Code != "split" {
		t.Fatalf("code actions at the hint: %+v", actions)
	}
	if got := apply(t, goApp, actions[0].Edit.Changes[uri], false); got != want {
		t.Errorf("the quick fix gives\n%s\nwant\n%s", got, want)
	}

	// Elsewhere in the file: the fix-all, so that the split is one
	// action wherever the cursor is.
	at := Range{Start: Position{3, 2}, End: Position{3, 2}}
	if err := c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: at}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || actions[0].Kind != KindFixAll {
		t.Errorf("code actions off the hint: %+v", actions)
	}
	// context.only: a kind and the kinds below it.
	for only, want := range map[string]int{"source": 1, "source.fixAll": 1, "quickfix": 0, "refactor": 0} {
		if err := c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: at, Context: CodeActionContext{Only: []string{only}}}, &actions); err != nil {
			t.Fatal(err)
		}
		if len(actions) != want {
			t.Errorf("only %q: %d actions, want %d", only, len(actions), want)
		}
	}
}

// A file with non-ASCII text before an edit on its line and CRLF line
// endings: the edits land in the same place in UTF-16 and in UTF-8.
func TestPositionEncodingsCRLF(t *testing.T) {
	df := "# Größe 😀 — a comment\r\nFROM golang:1.26\r\nWORKDIR /app\r\n# 日本語 é😀 build\r\nCOPY . .\r\nRUN echo \"é😀\" && go build -o /app/server .\r\nUSER root\r\nCMD [\"/app/server\"]\r\n"
	path := app(t, df)
	want, res := converted(t, path)
	if !strings.Contains(want, "\r\nFROM gcr.io/") || !res.Changed {
		t.Fatalf("fixture: %q", want)
	}
	for _, tc := range []struct {
		name, caps, encoding string
		utf8                 bool
		column               int // of the CGO_ENABLED=0 insertion on line 5
	}{
		{"utf-16 by default", editorCaps, "utf-16", false, len(`RUN echo "`) + 1 + 2 + len(`" && `)},
		{"utf-8 offered", `{"general":{"positionEncodings":["utf-8","utf-16"]},` + editorCaps[1:], "utf-8", true, len(`RUN echo "é😀" && `)},
		{"utf-16 preferred", `{"general":{"positionEncodings":["utf-16"]}}`, "utf-16", false, len(`RUN echo "`) + 1 + 2 + len(`" && `)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, Options{})
			if got := c.initialize(tc.caps, "").Capabilities.PositionEncoding; got != tc.encoding {
				t.Errorf("positionEncoding %q, want %q", got, tc.encoding)
			}
			uri := fileURI(path)
			c.open(uri, 1, df)
			p := c.diagnostics(uri)
			var warning *Diagnostic
			for i, d := range p.Diagnostics {
				if d.Severity == SeverityWarning {
					warning = &p.Diagnostics[i]
				}
			}
			if len(p.Diagnostics) != 2 || p.Diagnostics[0].Range.Start.Line != 1 || warning == nil ||
				warning.Code != "RS304" || warning.Range.Start.Line != 6 || warning.Range.End.Character != len("USER root") {
				t.Errorf("diagnostics: %+v", p.Diagnostics)
			}
			var edits []TextEdit
			if err := c.call("textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{uri}}, &edits); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, e := range edits {
				if e.NewText == "CGO_ENABLED=0 " {
					found = true
					if e.Range.Start != (Position{5, tc.column}) {
						t.Errorf("CGO_ENABLED=0 at %+v, want line 5 character %d", e.Range.Start, tc.column)
					}
				}
			}
			if !found {
				t.Errorf("no CGO_ENABLED=0 edit in %+v", edits)
			}
			if got := apply(t, df, edits, tc.utf8); got != want {
				t.Errorf("edits give\n%q\nwant\n%q", got, want)
			}
		})
	}
}

// Incremental changes are applied in order; the diagnostics follow the
// text and carry its version.
func TestIncrementalChange(t *testing.T) {
	path := app(t, multiStage)
	c := newClient(t, Options{})
	c.initialize(editorCaps, "")
	uri := fileURI(path)
	c.open(uri, 1, multiStage)
	if p := c.diagnostics(uri); len(p.Diagnostics) != 0 {
		t.Fatalf("a multi-stage file: %+v (declines are quiet by default)", p.Diagnostics)
	}
	// Delete the second stage (lines 4..7) in two edits, as typing does.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument: VersionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{
			{Range: &Range{Start: Position{6, 0}, End: Position{8, 0}}, Text: ""},
			{Range: &Range{Start: Position{4, 0}, End: Position{6, 0}}, Text: "CMD [\"/app/server\"]\n"},
		},
	})
	p := c.diagnostics(uri)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "split" || *p.Version != 2 {
		t.Fatalf("after the change: %+v", p)
	}
	want := "FROM golang:1.26 AS build\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nCMD [\"/app/server\"]\n"
	var edits []TextEdit
	if err := c.call("textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{uri}}, &edits); err != nil {
		t.Fatal(err)
	}
	res, err := transform.Convert([]byte(want), transform.Options{Context: os.DirFS(filepath.Dir(path))})
	if err != nil || !res.Changed {
		t.Fatalf("the edited text does not convert: %v %+v", err, res)
	}
	if got := apply(t, want, edits, false); got != string(res.Output) {
		t.Errorf("formatting the edited text gives\n%s\nwant\n%s", got, res.Output)
	}
	// A whole-text change replaces everything.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 3},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: multiStage}},
	})
	if p := c.diagnostics(uri); len(p.Diagnostics) != 0 || *p.Version != 3 {
		t.Errorf("after the whole-text change: %+v", p)
	}
	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{uri}})
	if p := c.diagnostics(uri); len(p.Diagnostics) != 0 || p.Version != nil {
		t.Errorf("after close: %+v", p)
	}
	var out any
	if err := c.call("textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{uri}}, &out); err == nil || err.Code != jsonrpc2.CodeInvalidParams {
		t.Errorf("formatting a closed document: %v", err)
	}
}

// Declines and parse errors are quiet unless the client asks; a decline
// or a parse error formats to no edits.
func TestDeclinesAndParseErrors(t *testing.T) {
	path := app(t, multiStage)
	broken := "FROM\n"
	for _, show := range []bool{false, true} {
		c := newClient(t, Options{})
		opts := ""
		if show {
			opts = `{"showDeclines":true}`
		}
		c.initialize(editorCaps, opts)
		uri := fileURI(path)
		c.open(uri, 1, multiStage)
		p := c.diagnostics(uri)
		switch {
		case !show && len(p.Diagnostics) != 0:
			t.Errorf("a decline without showDeclines: %+v", p.Diagnostics)
		case show && (len(p.Diagnostics) != 1 || p.Diagnostics[0].Severity != SeverityInformation ||
			!strings.HasPrefix(p.Diagnostics[0].Code, "RS2") || !strings.Contains(p.Diagnostics[0].Message, "leaves this Dockerfile unchanged")):
			t.Errorf("a decline with showDeclines: %+v", p.Diagnostics)
		}
		other := fileURI(filepath.Join(filepath.Dir(path), "broken.Dockerfile"))
		c.open(other, 1, broken)
		p = c.diagnostics(other)
		if show != (len(p.Diagnostics) == 1 && p.Diagnostics[0].Severity == SeverityError && p.Diagnostics[0].Range.Start.Line == 0) {
			t.Errorf("a parse error (showDeclines %v): %+v", show, p.Diagnostics)
		}
		for _, u := range []string{uri, other} {
			var edits []TextEdit
			if err := c.call("textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{u}}, &edits); err != nil || edits == nil || len(edits) != 0 {
				t.Errorf("formatting %s: %v %v, want []", u, edits, err)
			}
		}
	}
}

// One document's failure, even a panic in the engine, touches no other,
// and the server goes on.
func TestOneFileFailureIsolated(t *testing.T) {
	convert := func(src []byte, opt transform.Options) (*transform.Result, error) {
		if strings.Contains(string(src), "PANIC") {
			panic("boom")
		}
		return transform.Convert(src, opt)
	}
	path := app(t, goApp)
	c := newClient(t, Options{Convert: convert})
	c.initialize(editorCaps, `{"showDeclines":true}`)
	bad := fileURI(filepath.Join(filepath.Dir(path), "bad.Dockerfile"))
	c.open(bad, 1, "# PANIC\n"+goApp)
	p := c.diagnostics(bad)
	if len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "internal error") {
		t.Errorf("a panicking conversion: %+v", p.Diagnostics)
	}
	good := fileURI(path)
	c.open(good, 1, goApp)
	if p := c.diagnostics(good); len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "split" {
		t.Errorf("the other file: %+v", p.Diagnostics)
	}
}

// didChangeConfiguration: a new runtime converts open files again; a bad
// one is shown and the old settings stay.
func TestConfiguration(t *testing.T) {
	path := app(t, goApp)
	c := newClient(t, Options{})
	c.initialize(editorCaps, "")
	uri := fileURI(path)
	c.open(uri, 1, goApp)
	first := c.diagnostics(uri).Diagnostics[0].Message
	c.notify("workspace/didChangeConfiguration", DidChangeConfigurationParams{Settings: json.RawMessage(`{"restage":{"runtime":"alpine","imageMap":["alpine:=mirror.example.com/alpine:"]}}`)})
	second := c.diagnostics(uri).Diagnostics[0].Message
	if second == first || !strings.Contains(second, "mirror.example.com/alpine:") {
		t.Errorf("after runtime alpine with an image map: %q (before: %q)", second, first)
	}
	c.notify("workspace/didChangeConfiguration", DidChangeConfigurationParams{Settings: json.RawMessage(`{"restage":{"runtime":"nosuch"}}`)})
	m := <-c.msgs
	if m.Type != MessageError || !strings.Contains(m.Message, "runtime") || !strings.Contains(m.Message, "nosuch") {
		t.Errorf("a bad runtime: %+v", m)
	}
	var edits []TextEdit
	if err := c.call("textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{uri}}, &edits); err != nil {
		t.Fatal(err)
	}
	if got := apply(t, goApp, edits, false); !strings.Contains(got, "mirror.example.com/alpine:") {
		t.Errorf("the old settings did not stay:\n%s", got)
	}
	// A bad runtime in initializationOptions fails initialize.
	c2 := newClient(t, Options{})
	var out any
	if err := c2.call("initialize", map[string]any{"capabilities": map[string]any{}, "initializationOptions": map[string]any{"runtime": "nosuch"}}, &out); err == nil || err.Code != jsonrpc2.CodeInvalidParams || !strings.Contains(err.Message, "runtime") {
		t.Errorf("initialize with a bad runtime: %v", err)
	}
}

// Clients that take edits as documentChanges get them with the version;
// clients without code action literals get a command, and the edit comes
// through workspace/applyEdit.
func TestEditShapes(t *testing.T) {
	path := app(t, goApp)
	want, _ := converted(t, path)
	uri := fileURI(path)
	at := Range{Start: Position{0, 0}, End: Position{0, 0}}

	c := newClient(t, Options{})
	c.initialize(`{"workspace":{"workspaceEdit":{"documentChanges":true}},"textDocument":{"codeAction":{"codeActionLiteralSupport":{}}}}`, "")
	c.open(uri, 7, goApp)
	c.diagnostics(uri)
	var actions []CodeAction
	if err := c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: at}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || len(actions[0].Edit.DocumentChanges) != 1 || actions[0].Edit.Changes != nil ||
		actions[0].Edit.DocumentChanges[0].TextDocument.Version != 7 {
		t.Fatalf("documentChanges: %+v", actions)
	}
	if got := apply(t, goApp, actions[0].Edit.DocumentChanges[0].Edits, false); got != want {
		t.Errorf("documentChanges give\n%s", got)
	}

	c = newClient(t, Options{})
	c.initialize(`{"workspace":{"applyEdit":true}}`, "")
	c.open(uri, 3, goApp)
	c.diagnostics(uri)
	var cmds []Command
	if err := c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{uri}, Range: at}, &cmds); err != nil {
		t.Fatal(err)
	}
	if len(cmds) != 1 || cmds[0].Command != CommandSplit {
		t.Fatalf("commands: %+v", cmds)
	}
	var out any
	if err := c.call("workspace/executeCommand", map[string]any{"command": CommandSplit, "arguments": []any{uri, 2}}, &out); err == nil || err.Code != codeContentModified {
		t.Errorf("a stale version: %v", err)
	}
	if err := c.call("workspace/executeCommand", map[string]any{"command": cmds[0].Command, "arguments": cmds[0].Arguments}, &out); err != nil {
		t.Fatal(err)
	}
	p := <-c.applied
	if got := apply(t, goApp, p.Edit.Changes[uri], false); got != want {
		t.Errorf("applyEdit gives\n%s", got)
	}
}

// $/cancelRequest reaches a request still running, which answers
// RequestCancelled.
func TestCancel(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	started := make(chan struct{})
	convert := func(src []byte, opt transform.Options) (*transform.Result, error) {
		if strings.Contains(string(src), "SLOW") {
			once.Do(func() { close(started) })
			<-release
		}
		return transform.Convert(src, opt)
	}
	path := app(t, goApp)
	uri := fileURI(path)
	c := newClient(t, Options{Convert: convert})
	c.initialize(editorCaps, "")
	c.open(uri, 1, "# SLOW\n"+goApp)
	<-started // the didOpen conversion holds the engine
	w, err := c.conn.DispatchCall(t.Context(), "textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{uri}}, jsonrpc2.PickID(jsonrpc2.ID{Num: 99}))
	if err != nil {
		t.Fatal(err)
	}
	c.notify("$/cancelRequest", map[string]any{"id": 99})
	// Answered after the cancel was read: the server reads in order.
	var out any
	c.call("restage/ping", nil, &out)
	close(release)
	var edits []TextEdit
	err = w.Wait(t.Context(), &edits)
	if e, ok := err.(*jsonrpc2.Error); !ok || e.Code != codeRequestCancelled {
		t.Errorf("a cancelled request: %v, want code %d", err, codeRequestCancelled)
	}
}

// The context setting names one build context for every document: a
// Dockerfile whose own folder has no go.mod converts with the one there.
func TestContextSetting(t *testing.T) {
	// The app reads view/index.html at run time: the sources and the
	// folder are the evidence that the runtime needs view/.
	withMod := filepath.Dir(app(t, goApp))
	if err := os.MkdirAll(filepath.Join(withMod, "view"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"main.go":         "package main\n\nimport \"html/template\"\n\nfunc main() { template.Must(template.ParseFiles(\"./view/index.html\")) }\n",
		"view/index.html": "hi\n",
	} {
		if err := os.WriteFile(filepath.Join(withMod, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bare := t.TempDir()
	path := filepath.Join(bare, "Dockerfile")
	if err := os.WriteFile(path, []byte(goApp), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := transform.Convert([]byte(goApp), transform.Options{Context: os.DirFS(withMod)})
	if err != nil {
		t.Fatal(err)
	}
	without, err := transform.Convert([]byte(goApp), transform.Options{Context: os.DirFS(bare)})
	if err != nil {
		t.Fatal(err)
	}
	if string(want.Output) == string(without.Output) {
		t.Fatal("the fixture does not depend on its context")
	}
	opts, _ := json.Marshal(map[string]string{"context": withMod})
	c := newClient(t, Options{})
	c.initialize(editorCaps, string(opts))
	uri := fileURI(path)
	c.open(uri, 1, goApp)
	c.diagnostics(uri)
	var edits []TextEdit
	if err := c.call("textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{uri}}, &edits); err != nil {
		t.Fatal(err)
	}
	if got := apply(t, goApp, edits, false); got != string(want.Output) || !strings.Contains(got, "/app/view") {
		t.Errorf("with the context setting:\n%s\nwant\n%s", got, want.Output)
	}
	c2 := newClient(t, Options{})
	var out any
	if err := c2.call("initialize", map[string]any{"capabilities": map[string]any{}, "initializationOptions": map[string]any{"context": filepath.Join(bare, "nosuch")}}, &out); err == nil || !strings.Contains(err.Message, "context") {
		t.Errorf("a missing context folder: %v", err)
	}
}

// A secret-looking ENV carried into the runtime gets its warning, which
// names the key and never the value (issue #11: no output echoes one).
func TestSecretNeverInDiagnostics(t *testing.T) {
	const secret = "s3cr3t-Value-0042"
	df := "FROM golang:1.26\nENV API_TOKEN=" + secret + "\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nCMD [\"/app/server\"]\n"
	path := app(t, df)
	c := newClient(t, Options{})
	c.initialize(editorCaps, `{"showDeclines":true}`)
	uri := fileURI(path)
	c.open(uri, 1, df)
	p := c.diagnostics(uri)
	raw, _ := json.Marshal(p)
	found := false
	for _, d := range p.Diagnostics {
		if d.Code == "RS316" && strings.Contains(d.Message, "API_TOKEN") {
			found = true
		}
	}
	if !found || strings.Contains(string(raw), secret) {
		t.Errorf("diagnostics: want an RS316 naming API_TOKEN and never the value:\n%s", raw)
	}
}
