package verify

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// httpGet asks addr for path with a plain HTTP/1.0 GET and returns the
// status and the body. It does not follow redirects: the probe compares
// what the program answers. A tiny client rather than net/http: this
// package is linked into the restage binary, Go runs every linked
// package's init, and net/http would add 38 of them (crypto/tls, x509,
// mime...) and about 0.4 ms to every plain conversion's start-up for a
// feature only verify uses.
//
// host is the Host header. The probe sends the same one to both images
// (localhost and the container's port), not the published address: that
// port differs between the two containers, and an app that writes its
// Host into a page (an og:image address) would otherwise answer
// differently for a reason that is not its own.
func httpGet(ctx context.Context, addr, host, path string) (int, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	conn, err := dialTCP(ctx, addr)
	if err != nil {
		return 0, "", err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	if path == "" {
		path = "/"
	}
	if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.0\r\nHost: %s\r\nUser-Agent: restage-verify\r\nConnection: close\r\n\r\n", path, host); err != nil {
		return 0, "", err
	}
	return readHTTPResponse(bufio.NewReader(io.LimitReader(conn, 2<<20)))
}

// readHTTPResponse reads a status line, headers and a body (plain, with
// Content-Length, or chunked).
func readHTTPResponse(r *bufio.Reader) (int, string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return 0, "", fmt.Errorf("no HTTP answer: %w", err)
	}
	f := strings.Fields(line)
	if len(f) < 2 || !strings.HasPrefix(f[0], "HTTP/") {
		return 0, "", fmt.Errorf("not an HTTP answer: %q", strings.TrimSpace(line))
	}
	status, err := strconv.Atoi(f[1])
	if err != nil {
		return 0, "", fmt.Errorf("bad HTTP status line %q", strings.TrimSpace(line))
	}
	chunked, length := false, -1
	for {
		h, err := r.ReadString('\n')
		if err != nil {
			return 0, "", fmt.Errorf("HTTP headers cut short: %w", err)
		}
		h = strings.TrimRight(h, "\r\n")
		if h == "" {
			break
		}
		k, v, _ := strings.Cut(h, ":")
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "transfer-encoding":
			chunked = strings.Contains(strings.ToLower(v), "chunked")
		case "content-length":
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				length = n
			}
		}
	}
	var body []byte
	switch {
	case chunked:
		for {
			szLine, err := r.ReadString('\n')
			if err != nil {
				return 0, "", fmt.Errorf("chunked body cut short: %w", err)
			}
			szText, _, _ := strings.Cut(strings.TrimSpace(szLine), ";")
			n, err := strconv.ParseInt(szText, 16, 32)
			if err != nil {
				return 0, "", fmt.Errorf("bad chunk size %q", szText)
			}
			if n == 0 {
				break
			}
			chunk := make([]byte, n)
			if _, err := io.ReadFull(r, chunk); err != nil {
				return 0, "", fmt.Errorf("chunked body cut short: %w", err)
			}
			body = append(body, chunk...)
			r.ReadString('\n')
		}
	case length >= 0:
		body = make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return 0, "", fmt.Errorf("body cut short: %w", err)
		}
	default:
		if body, err = io.ReadAll(r); err != nil {
			return 0, "", err
		}
	}
	return status, string(body), nil
}
