package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// maxMessage is the largest message body read; a larger one is skipped
// with an error. A document is at most the size limit (1 MiB by default),
// and JSON escaping can double it.
const maxMessage = 64 << 20

// stream is the base protocol: messages framed by a Content-Length
// header. It is jsonrpc2's VSCodeObjectCodec with one difference that
// matters to an editor: jsonrpc2 closes the connection on the first
// message it cannot read, and an editor would lose its server to one bad
// byte. stream answers such a message with the JSON-RPC error the
// specification gives (-32700 for text that is not JSON, -32600 for JSON
// that is not a request or a response) and reads on.
type stream struct {
	r   *bufio.Reader
	w   io.Writer
	c   io.Closer
	wmu sync.Mutex // one message at a time: replies come from goroutines
}

func newStream(r io.Reader, w io.Writer, c io.Closer) *stream {
	return &stream{r: bufio.NewReaderSize(r, 64<<10), w: w, c: c}
}

// WriteObject writes one framed message.
func (s *stream) WriteObject(obj any) error {
	data, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, err := fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n", len(data)); err != nil {
		return err
	}
	_, err = s.w.Write(data)
	return err
}

// Close closes the underlying connection.
func (s *stream) Close() error {
	if s.c == nil {
		return nil
	}
	return s.c.Close()
}

// errFrame is a header block without a usable Content-Length.
var errFrame = errors.New("no valid Content-Length header")

// ReadObject reads the next message that decodes into v, answering every
// message before it that does not. Only a read error (the client closed
// the pipe) ends it.
func (s *stream) ReadObject(v any) error {
	for {
		body, err := s.readFrame()
		switch {
		case errors.Is(err, errFrame):
			s.reject(nil, jsonrpc2.CodeParseError, "parse error: "+err.Error())
			continue
		case err != nil:
			return err
		}
		if !json.Valid(body) {
			s.reject(nil, jsonrpc2.CodeParseError, "parse error: the message is not JSON")
			continue
		}
		if t := bytes.TrimLeft(body, " \t\r\n"); len(t) == 0 || t[0] != '{' {
			// LSP sends no batches; jsonrpc2 would take a batch for a
			// single message.
			s.reject(nil, jsonrpc2.CodeInvalidRequest, "invalid request: want a JSON object")
			continue
		}
		if err := json.Unmarshal(body, v); err != nil {
			s.reject(idOf(body), jsonrpc2.CodeInvalidRequest, "invalid request: "+err.Error())
			continue
		}
		return nil
	}
}

// reject answers a message that cannot be handled. A failed write is
// left to the next write to report.
func (s *stream) reject(id *jsonrpc2.ID, code int64, msg string) {
	resp := struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      *jsonrpc2.ID    `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
	}{"2.0", id, &jsonrpc2.Error{Code: code, Message: msg}}
	_ = s.WriteObject(resp)
}

// idOf is the id of a message that did not decode, when it has a usable
// one; nil (JSON null) otherwise.
func idOf(body []byte) *jsonrpc2.ID {
	var m struct {
		ID *jsonrpc2.ID `json:"id"`
	}
	if json.Unmarshal(body, &m) != nil {
		return nil
	}
	return m.ID
}

// readFrame reads one header block and its body. A header block without a
// usable Content-Length is errFrame, after which reading goes on at the
// next header; a body over maxMessage is skipped and errFrame too.
func (s *stream) readFrame() ([]byte, error) {
	length, headers := -1, 0
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			if err == io.EOF && line != "" {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if headers == 0 {
				continue // blank lines between messages
			}
			if length < 0 {
				return nil, errFrame
			}
			break
		}
		headers++
		// After a bad message, the next header may follow garbage on the
		// same line: look for it anywhere.
		if i := indexContentLength(line); i >= 0 {
			n, err := strconv.Atoi(strings.TrimSpace(line[i+len(contentLength):]))
			if err != nil || n < 0 {
				n = -1
			}
			length = n
		}
	}
	if length > maxMessage {
		if _, err := io.CopyN(io.Discard, s.r, int64(length)); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w: a message of %d bytes is over the limit of %d", errFrame, length, maxMessage)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.r, body); err != nil {
		return nil, err
	}
	return body, nil
}

const contentLength = "content-length:"

// indexContentLength is the offset of the Content-Length header's name in
// line, in any case, or -1. It compares bytes: strings.ToLower would move
// the offsets of a line with bytes that are not UTF-8 (found by
// FuzzReadMessages).
func indexContentLength(line string) int {
	for i := 0; i+len(contentLength) <= len(line); i++ {
		if strings.EqualFold(line[i:i+len(contentLength)], contentLength) {
			return i
		}
	}
	return -1
}
