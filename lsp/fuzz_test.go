package lsp

import (
	"bytes"
	"io"
	"testing"
)

// FuzzReadMessages feeds arbitrary bytes to the message reader: it must
// neither panic nor loop, and end at the end of the input with a read
// error, whatever it answered on the way.
func FuzzReadMessages(f *testing.F) {
	for _, seed := range []string{
		frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`),
		frame(`{"jsonrpc":"2.0","id":2,`),
		frame(`[1]`),
		"Content-Length: 99999999999999999999\r\n\r\n",
		"Content-Length: -1\r\n\r\n{}",
		"garbage\r\n\r\n" + frame(`{"jsonrpc":"2.0","method":"exit"}`),
		"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		s := newStream(bytes.NewReader(in), &out, nil)
		for i := 0; i <= len(in); i++ {
			var m map[string]any
			if err := s.ReadObject(&m); err != nil {
				if err != io.EOF && err != io.ErrUnexpectedEOF {
					t.Fatalf("read error %v", err)
				}
				return
			}
		}
		t.Fatalf("more messages than bytes in %q", in)
	})
}
