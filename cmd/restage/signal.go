package main

import (
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/restage/restage/workspace"
)

// removeTempsOnSignal makes SIGINT and SIGTERM during -w remove the
// temporary file of the write under way before the program ends; the
// files already written stay written, the others untouched. The program
// then dies of the same signal, so that a shell or make sees it was
// interrupted (exit status 128+N where it reports one). SIGKILL cannot be
// caught: it can leave a .NAME.restage-NNNN file next to a Dockerfile.
// The returned function stops listening.
func removeTempsOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			workspace.AbandonWrites()
			signal.Reset(sig)
			if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
				time.Sleep(time.Second) // the signal ends the program meanwhile
			}
			// Where a process cannot signal itself: the status a shell
			// would report.
			n := 15
			if s, ok := sig.(syscall.Signal); ok {
				n = int(s)
			}
			os.Exit(128 + n)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
