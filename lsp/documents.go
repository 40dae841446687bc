package lsp

import (
	"context"
	"net/url"
	"path/filepath"
	"sync"
	"time"

	"github.com/restage/restage/workspace"
)

// document is an open text document and its last conversion.
type document struct {
	uri     string
	path    string // the file on disk; "" for a URI that is not a file
	version int
	text    []byte
	timer   *time.Timer // the debounced conversion after a change

	// publishMu keeps one document's conversions and their diagnostics
	// in order: a slow conversion of version 3 never publishes after
	// version 4's.
	publishMu sync.Mutex

	// The last conversion, of version recVersion under settings
	// generation recGen.
	rec                *workspace.Record
	recVersion, recGen int
}

// stop cancels a pending conversion. The caller holds server.mu.
func (d *document) stop() {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
}

// snapshot is what a request or a conversion needs, copied under the
// lock so that it can run without it.
type snapshot struct {
	doc          *document // nil: the document is not open
	uri, path    string
	version      int
	text         []byte
	settings     *workspace.Settings
	generation   int
	encoding     string
	showDeclines bool
	// What the client takes.
	documentChanges, literals, applyEdit bool
}

func (s *server) snapshot(uri string) snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	snap := snapshot{
		uri: uri, settings: s.settings, generation: s.generation, encoding: s.encoding,
		showDeclines: s.showDeclines, documentChanges: s.documentChanges, literals: s.literals, applyEdit: s.applyEdit,
	}
	if d := s.docs[uri]; d != nil {
		snap.doc, snap.path, snap.version, snap.text = d, d.path, d.version, d.text
	}
	return snap
}

// filePath is the local path of a file URI, "" for any other URI
// (untitled:, a remote file system): such a document has no folder, so
// no build context and no config file of its own.
func filePath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return ""
	}
	p := u.Path
	// file:///C:/x on Windows.
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	return filepath.FromSlash(p)
}

// analysis is the conversion of the snapshot's text, from the document's
// cache when it is of the same version and settings.
func (s *server) analysis(snap snapshot) *workspace.Record {
	d := snap.doc
	if d != nil {
		s.mu.Lock()
		rec := d.rec
		ok := rec != nil && d.recVersion == snap.version && d.recGen == snap.generation
		s.mu.Unlock()
		if ok {
			return rec
		}
	}
	job := workspace.Job{Path: snap.path}
	if snap.path == "" {
		// No folder: converted like stdin, without a context.
		job = workspace.Job{Path: snap.uri, Stdin: true}
	}
	rec := snap.settings.ProcessBytes(job, snap.text)
	if d != nil {
		s.mu.Lock()
		if d.version == snap.version && s.generation == snap.generation {
			d.rec, d.recVersion, d.recGen = rec, snap.version, snap.generation
		}
		s.mu.Unlock()
	}
	return rec
}

// publish converts a document and publishes its diagnostics, unless the
// document changed or closed meanwhile (the next conversion publishes).
func (s *server) publish(ctx context.Context, uri string) {
	defer s.recover("publishing " + uri)
	snap := s.snapshot(uri)
	d := snap.doc
	if d == nil {
		return
	}
	d.publishMu.Lock()
	defer d.publishMu.Unlock()
	snap = s.snapshot(uri) // the latest, now that it is this one's turn
	if snap.doc != d {
		return
	}
	rec := s.analysis(snap)
	s.mu.Lock()
	stale := s.docs[uri] != d || d.version != snap.version || s.generation != snap.generation
	s.mu.Unlock()
	if stale {
		return
	}
	version := snap.version
	s.notify(ctx, "textDocument/publishDiagnostics", PublishDiagnosticsParams{
		URI: uri, Version: &version,
		Diagnostics: diagnostics(rec, newText(snap.text, snap.encoding), snap.showDeclines, snap.version),
	})
}

func (s *server) open(ctx context.Context, p DidOpenTextDocumentParams) {
	td := p.TextDocument
	s.mu.Lock()
	if old := s.docs[td.URI]; old != nil {
		old.stop()
	}
	s.docs[td.URI] = &document{uri: td.URI, path: filePath(td.URI), version: td.Version, text: []byte(td.Text)}
	s.mu.Unlock()
	go s.publish(ctx, td.URI)
}

func (s *server) change(ctx context.Context, p DidChangeTextDocumentParams) {
	uri := p.TextDocument.URI
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return // a change to a document that was never opened
	}
	text := d.text
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		t := newText(text, s.encoding)
		start, end := t.offset(c.Range.Start), t.offset(c.Range.End)
		if end < start {
			start, end = end, start
		}
		next := make([]byte, 0, len(text)-(end-start)+len(c.Text))
		next = append(next, text[:start]...)
		next = append(next, c.Text...)
		text = append(next, text[end:]...)
	}
	d.text, d.version = text, p.TextDocument.Version
	d.stop()
	d.timer = time.AfterFunc(s.opt.Debounce, func() { s.publish(ctx, uri) })
}

func (s *server) save(ctx context.Context, p DidSaveTextDocumentParams) {
	uri := p.TextDocument.URI
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return
	}
	d.stop()
	if p.Text != nil {
		d.text = []byte(*p.Text)
	}
	// The build context on disk may have changed with the save (a
	// go.mod, a package.json): convert again even at the same version.
	d.rec = nil
	s.mu.Unlock()
	go s.publish(ctx, uri)
}

func (s *server) close(ctx context.Context, p DidCloseTextDocumentParams) {
	uri := p.TextDocument.URI
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil {
		d.stop()
		delete(s.docs, uri)
	}
	s.mu.Unlock()
	if d == nil {
		return
	}
	// After any conversion of it still running, so that its
	// diagnostics cannot come after these.
	d.publishMu.Lock()
	defer d.publishMu.Unlock()
	s.notify(ctx, "textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
}
