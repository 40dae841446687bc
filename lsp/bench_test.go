package lsp

import (
	"fmt"
	"testing"
)

// BenchmarkDidOpenToDiagnostic measures what an editor waits for after
// opening a typical Dockerfile: from didOpen sent to its diagnostics
// received, through the pipes and the JSON-RPC framing (issue #10's
// target: under 50 ms).
func BenchmarkDidOpenToDiagnostic(b *testing.B) {
	path := app(b, goApp)
	c := newClient(b, Options{})
	c.initialize(editorCaps, "")
	uri := fileURI(path)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		u := fmt.Sprintf("%s?%d", uri, i)
		c.open(u, 1, goApp)
		if p := c.diagnostics(u); len(p.Diagnostics) != 1 {
			b.Fatalf("diagnostics: %+v", p)
		}
	}
}
