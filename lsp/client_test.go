package lsp

import (
	"context"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/restage/restage/transform"
)

// client is an LSP client driving an in-process server over pipes, as an
// editor drives `restage lsp` over stdio.
type client struct {
	t       testing.TB
	conn    *jsonrpc2.Conn
	diags   chan PublishDiagnosticsParams
	msgs    chan ShowMessageParams
	applied chan ApplyWorkspaceEditParams
	done    chan int // Serve's return value
	in      io.WriteCloser
}

// pipes joins a reader and a writer into the connection jsonrpc2 wants.
type pipes struct {
	io.Reader
	io.WriteCloser
}

func newClient(t testing.TB, opt Options) *client {
	t.Helper()
	if opt.Debounce == 0 {
		opt.Debounce = 10 * time.Millisecond
	}
	serverIn, clientOut := io.Pipe()
	clientIn, serverOut := io.Pipe()
	c := &client{
		t: t, diags: make(chan PublishDiagnosticsParams, 64), msgs: make(chan ShowMessageParams, 16),
		applied: make(chan ApplyWorkspaceEditParams, 4), done: make(chan int, 1), in: clientOut,
	}
	go func() {
		code := Serve(context.Background(), serverIn, serverOut, opt)
		serverOut.Close()
		c.done <- code
	}()
	h := jsonrpc2.HandlerWithError(func(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		switch req.Method {
		case "textDocument/publishDiagnostics":
			var p PublishDiagnosticsParams
			if err := json.Unmarshal(*req.Params, &p); err != nil {
				t.Errorf("publishDiagnostics: %v", err)
			}
			c.diags <- p
		case "window/showMessage":
			var p ShowMessageParams
			_ = json.Unmarshal(*req.Params, &p)
			c.msgs <- p
		case "workspace/applyEdit":
			var p ApplyWorkspaceEditParams
			if err := json.Unmarshal(*req.Params, &p); err != nil {
				t.Errorf("applyEdit: %v", err)
			}
			c.applied <- p
			return map[string]bool{"applied": true}, nil
		}
		return nil, nil
	})
	c.conn = jsonrpc2.NewConn(context.Background(),
		jsonrpc2.NewBufferedStream(pipes{clientIn, clientOut}, jsonrpc2.VSCodeObjectCodec{}), h)
	t.Cleanup(func() { c.conn.Close() })
	return c
}

// call sends a request and fails the test on a transport error; a
// JSON-RPC error is returned.
func (c *client) call(method string, params, result any) *jsonrpc2.Error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := c.conn.Call(ctx, method, params, result)
	if err == nil {
		return nil
	}
	if e, ok := err.(*jsonrpc2.Error); ok {
		return e
	}
	c.t.Fatalf("%s: %v", method, err)
	return nil
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// initialize runs the handshake with capabilities caps (a JSON object)
// and initializationOptions opts.
func (c *client) initialize(caps, opts string) InitializeResult {
	c.t.Helper()
	var res InitializeResult
	p := map[string]json.RawMessage{"processId": json.RawMessage("null"), "capabilities": json.RawMessage(caps)}
	if opts != "" {
		p["initializationOptions"] = json.RawMessage(opts)
	}
	if err := c.call("initialize", p, &res); err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	c.notify("initialized", struct{}{})
	return res
}

// editorCaps are the capabilities an editor like Neovim 0.7 sends: code
// action literals, no documentChanges, no position encodings.
const editorCaps = `{"textDocument":{"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}}}},"workspace":{"applyEdit":true}}`

// diagnostics waits for the next diagnostics of uri.
func (c *client) diagnostics(uri string) PublishDiagnosticsParams {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri {
				return p
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s", uri)
		}
	}
}

func (c *client) open(uri string, version int, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: uri, LanguageID: "dockerfile", Version: version, Text: text,
	}})
}

// exit ends the session and returns the server's exit status.
func (c *client) exit() int {
	c.t.Helper()
	c.notify("exit", nil)
	select {
	case code := <-c.done:
		return code
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not end on exit")
		return -1
	}
}

// fileURI is the file URI of path, as editors write it.
func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// app writes a Go app (go.mod, main.go and the Dockerfile df) into a
// new folder and returns the Dockerfile's path.
func app(t testing.TB, df string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":     "module example.com/server\n\ngo 1.26\n",
		"main.go":    "package main\n\nimport \"net/http\"\n\nfunc main() { _ = http.ListenAndServe(\":8080\", nil) }\n",
		"Dockerfile": df,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "Dockerfile")
}

// converted is what the engine makes of the file at path with its folder
// as the context: what `restage path` writes, and what every edit the
// server sends must come to.
func converted(t *testing.T, path string) (string, *transform.Result) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := transform.Convert(src, transform.Options{Context: os.DirFS(filepath.Dir(path))})
	if err != nil {
		t.Fatal(err)
	}
	return string(res.Output), res
}

// apply applies LSP text edits to src, counting characters in UTF-16
// code units, or in bytes when utf8Units. It is written apart from the
// server's own position code on purpose: lines split at "\n", "\r\n" and
// "\r", as the specification says.
func apply(t *testing.T, src string, edits []TextEdit, utf8Units bool) string {
	t.Helper()
	var starts []int
	starts = append(starts, 0)
	for i := 0; i < len(src); i++ {
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		if src[i] == '\n' || src[i] == '\r' {
			starts = append(starts, i+1)
		}
	}
	offset := func(p Position) int {
		if p.Line >= len(starts) {
			t.Fatalf("position %+v past the last line", p)
		}
		off := starts[p.Line]
		if utf8Units {
			return off + p.Character
		}
		for n := 0; n < p.Character; {
			r, size := utf8.DecodeRuneInString(src[off:])
			n += len(utf16.Encode([]rune{r}))
			off += size
		}
		return off
	}
	out, last := "", 0
	for _, e := range edits {
		s, end := offset(e.Range.Start), offset(e.Range.End)
		if s < last {
			t.Fatalf("edits overlap or are out of order at %+v", e.Range)
		}
		out += src[last:s] + e.NewText
		last = end
	}
	return out + src[last:]
}
