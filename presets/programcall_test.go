package presets

import "testing"

// TestProgramCallLine: a call that starts a line is found at that line,
// although the pattern begins with the character before the call, which
// is then the line break (the node preset's exec pattern).
func TestProgramCallLine(t *testing.T) {
	pr := &Programs{Calls: []string{`(?m)(?:^|[^.\w$])(?:exec|execSync)\(\s*['"](?P<prog>[^'"\s]+)`}}
	src := []byte("const x = 1;\nexecSync(\"chmod +x a\");\n")
	calls := pr.Find(src)
	if len(calls) != 1 || calls[0].Prog != "chmod" {
		t.Fatalf("calls %+v", calls)
	}
	if got := src[calls[0].Offset]; got != 'e' {
		t.Errorf("the call starts at %q, want the e of execSync", got)
	}
}
