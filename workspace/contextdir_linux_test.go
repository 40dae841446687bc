package workspace

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A named pipe in the context (a go.mod someone replaced) must not make
// the conversion wait for a writer: it is an error at once.
func TestContextDirNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "go.mod"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := fs.ReadFile(contextDir(dir), "go.mod")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, errNotRegular) {
			t.Errorf("ReadFile of a named pipe: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ReadFile of a named pipe waits for a writer")
	}
}
