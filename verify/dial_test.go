package verify

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"testing"
	"time"
)

// A server that takes the connection and never answers: the probe's
// deadline must end the read, as net's deadlines did.
func TestHTTPGetSilentServerEndsAtDeadline(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err == nil {
			io.Copy(io.Discard, c) // hold it open, say nothing
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, _, err = httpGet(ctx, ln.Addr().String(), "localhost:8080", "/")
	if err == nil || !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("got %v, want a deadline error", err)
	}
}

func TestDialTCP(t *testing.T) {
	for _, network := range []string{"tcp4", "tcp6"} {
		ln, err := net.Listen(network, map[string]string{"tcp4": "127.0.0.1:0", "tcp6": "[::1]:0"}[network])
		if err != nil {
			t.Logf("%s: %v (no such loopback here)", network, err)
			continue
		}
		go func() {
			if c, err := ln.Accept(); err == nil {
				c.Write([]byte("hi"))
				c.Close()
			}
		}()
		c, err := dialTCP(context.Background(), ln.Addr().String())
		if err != nil {
			t.Fatalf("%s: %v", network, err)
		}
		b, err := io.ReadAll(c)
		c.Close()
		ln.Close()
		if err != nil || string(b) != "hi" {
			t.Errorf("%s: read %q %v", network, b, err)
		}
	}
	// Not an address literal: the probes never ask names, so none is looked up.
	if _, err := dialTCP(context.Background(), "localhost:80"); err == nil {
		t.Error("dialled a host name")
	}
	// A cancelled context dials nothing.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := dialTCP(ctx, ln.Addr().String()); !errors.Is(err, context.Canceled) {
		t.Errorf("under a cancelled context: %v", err)
	}
}
