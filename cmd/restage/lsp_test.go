package main

import (
	"fmt"
	"strings"
	"testing"
)

// lspFrame frames an LSP message as an editor writes it on stdin.
func lspFrame(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

// restage lsp serves the session on stdin and stdout and exits with the
// status the protocol gives; the command line's flags are checked first.
func TestLSPCommand(t *testing.T) {
	session := lspFrame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) +
		lspFrame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) +
		lspFrame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) +
		lspFrame(`{"jsonrpc":"2.0","method":"exit"}`)
	ta := newTestApp()
	code, out, errs := ta.runStdin(session, "lsp", "--runtime", "alpine")
	if code != 0 || !strings.Contains(out, `"serverInfo":{"name":"restage"`) || !strings.Contains(out, `"id":2,"result":null`) {
		t.Errorf("a session: exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	// Without shutdown, or when the client goes away: exit 1.
	code, _, _ = ta.runStdin(lspFrame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`), "lsp")
	if code != 1 {
		t.Errorf("end of input without exit: %d, want 1", code)
	}
	for _, args := range [][]string{{"lsp", "Dockerfile"}, {"lsp", "--runtime", "nosuch"}, {"lsp", "--json"}} {
		code, out, errs := ta.runStdin(session, args...)
		if code != 2 || out != "" || !strings.Contains(errs, "restage: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}
