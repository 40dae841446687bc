package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rawSession talks to a server byte by byte, to send what no JSON-RPC
// library would.
type rawSession struct {
	t    *testing.T
	w    io.WriteCloser
	r    *bufio.Reader
	done chan int
}

func newRaw(t *testing.T) *rawSession {
	serverIn, w := io.Pipe()
	r, serverOut := io.Pipe()
	s := &rawSession{t: t, w: w, r: bufio.NewReader(r), done: make(chan int, 1)}
	go func() {
		s.done <- Serve(context.Background(), serverIn, serverOut, Options{})
		serverOut.Close()
	}()
	t.Cleanup(func() { w.Close() })
	return s
}

func (s *rawSession) send(raw string) {
	s.t.Helper()
	if _, err := io.WriteString(s.w, raw); err != nil {
		s.t.Fatal(err)
	}
}

func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// message reads the next framed message.
func (s *rawSession) message() map[string]any {
	s.t.Helper()
	type result struct {
		m   map[string]any
		err error
	}
	ch := make(chan result, 1)
	go func() {
		n := -1
		for {
			line, err := s.r.ReadString('\n')
			if err != nil {
				ch <- result{err: err}
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(s.r, body); err != nil {
			ch <- result{err: err}
			return
		}
		var m map[string]any
		ch <- result{m, json.Unmarshal(body, &m)}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			s.t.Fatal(r.err)
		}
		return r.m
	case <-time.After(10 * time.Second):
		s.t.Fatal("no message from the server")
		return nil
	}
}

// errorCode is the error code of a response, and its id.
func errorCode(m map[string]any) (code float64, id any) {
	e, _ := m["error"].(map[string]any)
	if e == nil {
		return 0, m["id"]
	}
	c, _ := e["code"].(float64)
	return c, m["id"]
}

// Malformed messages get the JSON-RPC error the specification gives, and
// the server reads on.
func TestMalformedMessages(t *testing.T) {
	s := newRaw(t)
	s.send(frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`))
	if _, ok := s.message()["result"]; !ok {
		t.Fatal("no initialize result")
	}
	for _, tc := range []struct {
		name, raw string
		code      float64
		id        any
	}{
		{"not JSON", frame(`{"jsonrpc":"2.0","id":2,`), -32700, nil},
		{"a batch", frame(`[{"jsonrpc":"2.0","id":3,"method":"shutdown"}]`), -32600, nil},
		{"neither request nor response", frame(`{"jsonrpc":"2.0","id":4}`), -32600, 4.0},
		{"a number", frame(`42`), -32600, nil},
		{"no Content-Length", "Content-Type: application/json\r\n\r\n", -32700, nil},
		{"a bad Content-Length", "Content-Length: many\r\n\r\n", -32700, nil},
		{"params of the wrong type", frame(`{"jsonrpc":"2.0","id":5,"method":"textDocument/formatting","params":[1,2]}`), -32602, 5.0},
		{"an unknown method", frame(`{"jsonrpc":"2.0","id":6,"method":"restage/nothing","params":{}}`), -32601, 6.0},
	} {
		s.send(tc.raw)
		code, id := errorCode(s.message())
		if code != tc.code || fmt.Sprint(id) != fmt.Sprint(tc.id) {
			t.Errorf("%s: code %v id %v, want %v %v", tc.name, code, id, tc.code, tc.id)
		}
	}
	// Garbage in front of the next header: the header is still found.
	s.send("garbage" + frame(`{"jsonrpc":"2.0","id":7,"method":"shutdown"}`))
	m := s.message()
	if code, id := errorCode(m); code != 0 || id != 7.0 {
		t.Errorf("after garbage: %v", m)
	}
	s.send(frame(`{"jsonrpc":"2.0","method":"exit"}`))
	if code := <-s.done; code != 0 {
		t.Errorf("exit after shutdown: %d", code)
	}
}

// Notifications before initialize are dropped, and exit still ends the
// server.
func TestNotificationsBeforeInitialize(t *testing.T) {
	s := newRaw(t)
	s.send(frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/Dockerfile","languageId":"dockerfile","version":1,"text":"FROM golang:1.26\n"}}}`))
	s.send(frame(`{"jsonrpc":"2.0","id":1,"method":"textDocument/formatting","params":{"textDocument":{"uri":"file:///x/Dockerfile"}}}`))
	if code, id := errorCode(s.message()); code != -32002 || id != 1.0 {
		t.Errorf("a request before initialize: code %v id %v", code, id)
	}
	s.send(frame(`{"jsonrpc":"2.0","method":"exit"}`))
	if code := <-s.done; code != 1 {
		t.Errorf("exit without shutdown: %d", code)
	}
}
