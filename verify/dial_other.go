//go:build !linux

package verify

import (
	"context"
	"net"
)

// dialTCP connects to addr with package net where dial_linux.go's socket
// calls are not written.
func dialTCP(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp", addr)
}
