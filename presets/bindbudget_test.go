package presets

import (
	"fmt"
	"strings"
	"testing"
)

// TestBindingScanBudget: past the budget a source's write calls by names
// are not looked up (they gave minutes on a large source), and
// BindingsCapped says so; under it every call is read.
func TestBindingScanBudget(t *testing.T) {
	ws := builtinPreset(t, "go").Writes.Sources
	var b strings.Builder
	b.WriteString("package main\n\nimport \"os\"\n\nconst dir0 = \"/data/d0\"\nconst dir1 = \"/data/d1\"\n\nfunc main() {\n")
	for i := range 40 {
		fmt.Fprintf(&b, "\tos.MkdirAll(dir%d, 0o755) // %s\n", i%2, strings.Repeat("x", 60))
	}
	b.WriteString("}\n")
	data := []byte(b.String())
	paths := func() string {
		var out []string
		for _, w := range ws.WritesIn("main.go", data, nil) {
			out = append(out, w.Path)
		}
		return strings.Join(out, " ")
	}
	if ws.BindingsCapped(data) {
		t.Fatal("capped under the default budget")
	}
	if got := paths(); strings.Count(got, "/data/d") != 40 {
		t.Errorf("under the budget: %d writes read, want 40", strings.Count(got, "/data/d"))
	}
	defer func(b int) { bindingScanBudget = b }(bindingScanBudget)
	bindingScanBudget = len(data) // a few calls' worth
	if !ws.BindingsCapped(data) {
		t.Error("not capped past the budget")
	}
	n := strings.Count(paths(), "/data/d")
	if n == 0 || n >= 40 {
		t.Errorf("past the budget: %d writes read, want some and fewer than 40", n)
	}
	if u := ws.UnnamedWritesIn("main.go", data, nil); len(u) == 0 {
		t.Error("past the budget, the calls not looked up are not told as unnamed writes")
	}
}

// TestScopeMemoSame: the scan's memo (one pass over the source for the
// binding patterns, the scope read on from the last call) gives what a
// lookup from scratch at each call gives, across a rebinding, a block
// that closes and a shadowing declaration.
func TestScopeMemoSame(t *testing.T) {
	ws := builtinPreset(t, "go").Writes.Sources
	src := `package main

import "os"

const dir = "/data/a"

func one() {
	os.MkdirAll(dir, 0o755)
	os.MkdirAll(dir, 0o755)
}

func two() {
	dir := os.Getenv("D")
	os.MkdirAll(dir, 0o755)
}

func three() {
	os.MkdirAll(dir, 0o755)
	if true {
		const dir = "/data/b"
		os.MkdirAll(dir, 0o755)
	}
	os.MkdirAll(dir, 0o755)
}
`
	data := []byte(src)
	var want []string
	for i := 0; ; {
		j := strings.Index(src[i:], "MkdirAll(dir")
		if j < 0 {
			break
		}
		at := i + j + len("MkdirAll(")
		want = append(want, strings.Join(ws.Bindings.bound(data, "dir", at, namedDepth), ","))
		i = at
	}
	var got []string
	for _, w := range ws.WritesIn("main.go", data, nil) {
		got = append(got, w.Path)
	}
	var wantPaths []string
	for _, w := range want {
		if w != "" {
			wantPaths = append(wantPaths, strings.Trim(w, `"`))
		}
	}
	if strings.Join(got, " ") != strings.Join(wantPaths, " ") {
		t.Errorf("with the memo: %q; each call from scratch: %q", got, wantPaths)
	}
	// one()'s two calls and the inner constant; two()'s local and the
	// calls after it (shadowed, or past the block's end) read nothing.
	if strings.Join(wantPaths, " ") != "/data/a /data/a /data/b" {
		t.Errorf("from scratch: %q, want /data/a twice and /data/b", wantPaths)
	}
}
