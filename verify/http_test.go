package verify

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestReadHTTPResponse(t *testing.T) {
	cases := []struct {
		raw, body string
		status    int
	}{
		{"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n", "hello\n", 200},
		{"HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnopTRAILING", "nop", 404},
		{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n", "hello world", 200},
		{"HTTP/1.1 302 Found\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n", "", 302},
	}
	for _, c := range cases {
		status, body, err := readHTTPResponse(bufio.NewReader(strings.NewReader(c.raw)))
		if err != nil || status != c.status || body != c.body {
			t.Errorf("%q: got %d %q %v, want %d %q", c.raw, status, body, err, c.status, c.body)
		}
	}
	for _, bad := range []string{"", "SSH-2.0-x\r\n", "HTTP/1.1 abc\r\n\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"} {
		if _, _, err := readHTTPResponse(bufio.NewReader(strings.NewReader(bad))); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestHTTPGetServers asks real Go servers, small and streamed answers.
func TestHTTPGetServers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.WriteHeader(201)
			for i := 0; i < 1000; i++ {
				w.Write([]byte("0123456789"))
				w.(http.Flusher).Flush()
			}
		case "/redirect":
			http.Redirect(w, r, "/elsewhere", http.StatusFound)
		case "/host":
			w.Write([]byte(r.Host))
		default:
			w.Write([]byte("root " + r.URL.Path))
		}
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	if s, b, err := httpGet(context.Background(), addr, "localhost:8080", "/a?b=c"); err != nil || s != 200 || b != "root /a" {
		t.Errorf("GET /a: %d %q %v", s, b, err)
	}
	if s, b, err := httpGet(context.Background(), addr, "localhost:8080", "/big"); err != nil || s != 201 || len(b) != 10000 {
		t.Errorf("GET /big: %d, %d bytes, %v", s, len(b), err)
	}
	// The Host header is the one given, not the address dialled.
	if s, b, err := httpGet(context.Background(), addr, "localhost:8080", "/host"); err != nil || s != 200 || b != "localhost:8080" {
		t.Errorf("/host: %d %q %v", s, b, err)
	}
	if s, _, err := httpGet(context.Background(), addr, "localhost:8080", "/redirect"); err != nil || s != 302 {
		t.Errorf("GET /redirect: %d %v (redirects are not followed)", s, err)
	}
	srv.Close()
	if _, _, err := httpGet(context.Background(), addr, "localhost:8080", "/"); err == nil {
		t.Error("a closed server answered")
	}
}
