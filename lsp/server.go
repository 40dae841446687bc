package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/restage/restage/transform"
	"github.com/restage/restage/workspace"
)

// Options configure a server.
type Options struct {
	// Choices are the command line's; the client's settings
	// (initializationOptions, workspace/didChangeConfiguration) replace
	// the runtime and add image mappings in front of them.
	Choices workspace.Choices
	// Version is restage's, for serverInfo.
	Version string
	// Debounce is how long after the last change a document is converted
	// again; 0 is DefaultDebounce. Opening and saving convert at once.
	Debounce time.Duration
	// Convert is the engine; nil is transform.Convert. The command
	// passes its own, as it does for files.
	Convert func([]byte, transform.Options) (*transform.Result, error)
	// Log receives the server's own troubles (a client that stopped
	// reading, a panic); nil discards them. The command gives stderr,
	// which editors keep in their LSP log.
	Log io.Writer
}

// DefaultDebounce waits for a pause in typing: a conversion costs about a
// millisecond, but diagnostics that jump on every key are noise.
const DefaultDebounce = 200 * time.Millisecond

// Exit statuses of Serve, as the specification gives them for exit.
const (
	ExitOK         = 0 // exit after shutdown
	ExitNoShutdown = 1 // exit without shutdown, or the client went away
)

// Lifecycle states.
const (
	stateNew = iota
	stateRunning
	stateShutdown
)

// Error codes of the specification beyond JSON-RPC's.
const (
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
	codeContentModified      = -32801
)

// Serve runs a language server on in and out until the client sends
// exit or closes in, and returns the exit status the process should end
// with.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opt Options) int {
	if opt.Debounce <= 0 {
		opt.Debounce = DefaultDebounce
	}
	logw := opt.Log
	if logw == nil {
		logw = io.Discard
	}
	s := &server{
		opt:      opt,
		log:      log.New(logw, "restage lsp: ", 0),
		docs:     map[string]*document{},
		inflight: map[jsonrpc2.ID]context.CancelFunc{},
		exit:     make(chan int, 1),
		encoding: encodingUTF16,
		ready:    make(chan struct{}),
	}
	var closer io.Closer
	if c, ok := in.(io.Closer); ok {
		closer = c
	}
	conn := jsonrpc2.NewConn(ctx, newStream(in, out, closer), s, jsonrpc2.SetLogger(s.log))
	s.conn = conn
	close(s.ready)
	select {
	case code := <-s.exit:
		conn.Close()
		return code
	case <-conn.DisconnectNotify():
		return ExitNoShutdown
	}
}

// server is one client's language server.
type server struct {
	opt   Options
	log   *log.Logger
	conn  *jsonrpc2.Conn
	ready chan struct{} // closed once conn is set: messages may come before

	mu       sync.Mutex
	state    int
	encoding string // positions' units: encodingUTF16 or encodingUTF8
	// What the client can take.
	documentChanges, literals, applyEdit bool
	showDeclines                         bool
	client                               clientSettings
	settings                             *workspace.Settings // nil until initialize
	generation                           int                 // counts settings changes
	docs                                 map[string]*document
	inflight                             map[jsonrpc2.ID]context.CancelFunc
	exit                                 chan int
}

// Handle is called by jsonrpc2 for each message, in order, on its read
// goroutine. Notifications are handled there, so that each change
// applies before the next message is read; requests take a snapshot of
// what they need there and run on their own goroutine, so that a
// $/cancelRequest read later can reach them.
func (s *server) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	<-s.ready
	defer s.recover(req.Method)
	if req.Notif {
		s.notification(ctx, req)
		return
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case req.Method == "initialize":
		if state != stateNew {
			s.replyError(ctx, req.ID, jsonrpc2.CodeInvalidRequest, "initialize was already received")
			return
		}
		s.initialize(ctx, req)
		return
	case state == stateNew:
		s.replyError(ctx, req.ID, codeServerNotInitialized, "the server is not initialized: send initialize first")
		return
	case state == stateShutdown:
		s.replyError(ctx, req.ID, jsonrpc2.CodeInvalidRequest, "the server is shut down: only exit is accepted")
		return
	case req.Method == "shutdown":
		s.mu.Lock()
		s.state = stateShutdown
		for _, d := range s.docs {
			d.stop()
		}
		s.mu.Unlock()
		s.reply(ctx, req.ID, nil)
		return
	}
	run := s.request(req)
	if run == nil {
		s.replyError(ctx, req.ID, jsonrpc2.CodeMethodNotFound, "method not found: "+req.Method)
		return
	}
	rctx, cancel := context.WithCancel(ctx)
	s.mu.Lock()
	s.inflight[req.ID] = cancel
	s.mu.Unlock()
	go func() {
		defer s.recover(req.Method)
		defer func() {
			s.mu.Lock()
			delete(s.inflight, req.ID)
			s.mu.Unlock()
			cancel()
		}()
		result, rerr := run(rctx)
		switch {
		case rctx.Err() != nil && ctx.Err() == nil:
			s.replyError(ctx, req.ID, codeRequestCancelled, "the request was cancelled")
		case rerr != nil:
			_ = conn.ReplyWithError(ctx, req.ID, rerr)
		default:
			s.reply(ctx, req.ID, result)
		}
	}()
}

// request returns the work of a request, made from a snapshot taken now,
// or nil for a method restage does not have.
func (s *server) request(req *jsonrpc2.Request) func(context.Context) (any, *jsonrpc2.Error) {
	switch req.Method {
	case "textDocument/codeAction":
		var p CodeActionParams
		if err := decode(req, &p); err != nil {
			return failWith(err)
		}
		snap := s.snapshot(p.TextDocument.URI)
		return func(ctx context.Context) (any, *jsonrpc2.Error) { return s.codeActions(ctx, snap, p) }
	case "textDocument/formatting":
		var p DocumentFormattingParams
		if err := decode(req, &p); err != nil {
			return failWith(err)
		}
		snap := s.snapshot(p.TextDocument.URI)
		return func(ctx context.Context) (any, *jsonrpc2.Error) { return s.formatting(ctx, snap) }
	case "workspace/executeCommand":
		var p ExecuteCommandParams
		if err := decode(req, &p); err != nil {
			return failWith(err)
		}
		return s.executeCommand(p)
	}
	return nil
}

// failWith is a request that fails with err.
func failWith(err *jsonrpc2.Error) func(context.Context) (any, *jsonrpc2.Error) {
	return func(context.Context) (any, *jsonrpc2.Error) { return nil, err }
}

// notification handles a notification. Before initialize only exit
// counts; after shutdown, only exit.
func (s *server) notification(ctx context.Context, req *jsonrpc2.Request) {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch req.Method {
	case "exit":
		code := ExitNoShutdown
		if state == stateShutdown {
			code = ExitOK
		}
		select {
		case s.exit <- code:
		default:
		}
		return
	case "$/cancelRequest":
		var p CancelParams
		var id jsonrpc2.ID
		if decode(req, &p) == nil && json.Unmarshal(p.ID, &id) == nil {
			s.mu.Lock()
			if cancel := s.inflight[id]; cancel != nil {
				cancel()
			}
			s.mu.Unlock()
		}
		return
	}
	if state != stateRunning {
		return
	}
	switch req.Method {
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if decode(req, &p) == nil {
			s.open(ctx, p)
		}
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if decode(req, &p) == nil {
			s.change(ctx, p)
		}
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if decode(req, &p) == nil {
			s.save(ctx, p)
		}
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if decode(req, &p) == nil {
			s.close(ctx, p)
		}
	case "workspace/didChangeConfiguration":
		var p DidChangeConfigurationParams
		if decode(req, &p) == nil {
			s.configure(ctx, p)
		}
	}
	// Other notifications ("initialized", "$/setTrace", unknown ones)
	// need nothing: the specification says to ignore them.
}

// decode reads a request's params into v.
func decode(req *jsonrpc2.Request, v any) *jsonrpc2.Error {
	if req.Params == nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "invalid params: none given"}
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "invalid params: " + err.Error()}
	}
	return nil
}

func (s *server) reply(ctx context.Context, id jsonrpc2.ID, result any) {
	if err := s.conn.Reply(ctx, id, result); err != nil {
		s.log.Printf("replying to %s: %v", id, err)
	}
}

func (s *server) replyError(ctx context.Context, id jsonrpc2.ID, code int64, msg string) {
	if err := s.conn.ReplyWithError(ctx, id, &jsonrpc2.Error{Code: code, Message: msg}); err != nil {
		s.log.Printf("replying to %s: %v", id, err)
	}
}

// notify sends a notification; a client that went away is only logged.
func (s *server) notify(ctx context.Context, method string, params any) {
	if err := s.conn.Notify(ctx, method, params); err != nil && err != jsonrpc2.ErrClosed {
		s.log.Printf("%s: %v", method, err)
	}
}

// showMessage tells the user something the server cannot otherwise show.
func (s *server) showMessage(ctx context.Context, typ int, format string, args ...any) {
	s.notify(ctx, "window/showMessage", ShowMessageParams{Type: typ, Message: fmt.Sprintf(format, args...)})
}

// recover keeps one message's panic from ending the server, which serves
// every other open file too.
func (s *server) recover(method string) {
	if p := recover(); p != nil {
		s.log.Printf("internal error handling %s: %v\n%s", method, p, debug.Stack())
	}
}

// initialize reads the client's capabilities and options and answers
// with restage's.
func (s *server) initialize(ctx context.Context, req *jsonrpc2.Request) {
	var p InitializeParams
	if err := decode(req, &p); err != nil {
		_ = s.conn.ReplyWithError(ctx, req.ID, err)
		return
	}
	var opts initOptions
	if len(p.InitializationOptions) > 0 && string(p.InitializationOptions) != "null" {
		if err := json.Unmarshal(p.InitializationOptions, &opts); err != nil {
			s.replyError(ctx, req.ID, jsonrpc2.CodeInvalidParams, "invalid initializationOptions: "+err.Error())
			return
		}
	}
	settings, err := s.newSettings(opts.clientSettings)
	if err != nil {
		s.replyError(ctx, req.ID, jsonrpc2.CodeInvalidParams, "invalid initializationOptions: "+err.Error())
		return
	}
	caps := p.Capabilities
	encodings := caps.OffsetEncoding
	if caps.General != nil {
		encodings = caps.General.PositionEncodings
	}
	s.mu.Lock()
	if slices.Contains(encodings, encodingUTF8) {
		s.encoding = encodingUTF8
	}
	if w := caps.Workspace; w != nil {
		s.documentChanges = w.WorkspaceEdit != nil && w.WorkspaceEdit.DocumentChanges
		s.applyEdit = w.ApplyEdit
	}
	if td := caps.TextDocument; td != nil && td.CodeAction != nil {
		s.literals = len(td.CodeAction.CodeActionLiteralSupport) > 0 && string(td.CodeAction.CodeActionLiteralSupport) != "null"
	}
	s.showDeclines = opts.ShowDeclines
	s.client = opts.clientSettings
	s.settings = settings
	s.state = stateRunning
	res := InitializeResult{
		Capabilities: ServerCapabilities{
			PositionEncoding: s.encoding,
			TextDocumentSync: TextDocumentSyncOptions{OpenClose: true, Change: SyncIncremental},
			CodeActionProvider: CodeActionOptions{
				CodeActionKinds: []string{KindQuickFix, KindFixAll},
			},
			DocumentFormattingProvider: true,
			ExecuteCommandProvider:     ExecuteCommandOptions{Commands: []string{CommandSplit}},
		},
		ServerInfo: ServerInfo{Name: "restage", Version: s.opt.Version},
	}
	if caps.General == nil && len(caps.OffsetEncoding) > 0 {
		res.OffsetEncoding = s.encoding
	}
	s.mu.Unlock()
	s.reply(ctx, req.ID, res)
}
