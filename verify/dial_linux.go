package verify

import (
	"context"
	"fmt"
	"net/netip"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// dialTCP connects to addr, an IPv4 or IPv6 literal with a port (the probes
// only ask 127.0.0.1 addresses that docker port gave), with the socket
// calls themselves rather than package net: net and its DNS code run their
// initialisers in every restage process, about 0.15 ms of a plain
// conversion's start-up (4% of a run of a typical file, side by side with
// and without it), for a feature only verify uses. The socket is handed to
// os.NewFile in non-blocking mode, so the runtime's poller gives it
// deadlines as net would.
func dialTCP(ctx context.Context, addr string) (*os.File, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	ap, err := netip.ParseAddrPort(addr)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	var sa syscall.Sockaddr
	family := syscall.AF_INET
	if ip := ap.Addr().Unmap(); ip.Is4() {
		sa = &syscall.SockaddrInet4{Port: int(ap.Port()), Addr: ip.As4()}
	} else {
		family = syscall.AF_INET6
		sa = &syscall.SockaddrInet6{Port: int(ap.Port()), Addr: ip.As16()}
	}
	fd, err := syscall.Socket(family, syscall.SOCK_STREAM|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	if err := connect(ctx, fd, sa); err != nil {
		syscall.Close(fd)
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	return os.NewFile(uintptr(fd), "tcp "+addr), nil
}

// connect starts a non-blocking connect and waits for it in short polls,
// so that the context's deadline and cancellation both end the wait.
func connect(ctx context.Context, fd int, sa syscall.Sockaddr) error {
	err := syscall.Connect(fd, sa)
	if err == nil {
		return nil
	}
	if err != syscall.EINPROGRESS && err != syscall.EINTR {
		return err
	}
	pfd := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLOUT}}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		wait := 50 * time.Millisecond
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			wait = max(time.Until(dl), time.Millisecond)
		}
		n, err := unix.Poll(pfd, int(wait/time.Millisecond))
		if err == syscall.EINTR || n == 0 {
			continue
		}
		if err != nil {
			return err
		}
		soErr, err := syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_ERROR)
		if err != nil {
			return err
		}
		if soErr != 0 {
			return syscall.Errno(soErr)
		}
		return nil
	}
}
