package presets

import (
	"slices"
	"testing"
)

// TestGoPureImports reads Go sources with the go preset's static.pure:
// the import paths of every declaration, or not ok when a declaration is
// one the patterns cannot read whole (review 4, finding D), since a
// missed import could hide a module that uses cgo.
func TestGoPureImports(t *testing.T) {
	pu := builtinPreset(t, "go").Static.Pure
	if pu == nil {
		t.Fatal("the go preset has no static.pure")
	}
	for _, c := range []struct {
		name, src string
		paths     []string
		ok        bool
	}{
		{"single", "package main\n\nimport \"fmt\"\n", []string{"fmt"}, true},
		{"named single", "package main\nimport f \"fmt\" // printing\n", []string{"fmt"}, true},
		{"block", "package main\n\nimport (\n\t\"fmt\"\n\n\t// comment\n\tx \"github.com/a/b\"\n\t_ \"os/user\" // users\n\t. \"strings\"\n)\n", []string{"fmt", "github.com/a/b", "os/user", "strings"}, true},
		{"crlf", "package main\r\n\r\nimport (\r\n\t\"fmt\"\r\n)\r\n\r\nimport \"os\"\r\n", []string{"fmt", "os"}, true},
		{"two declarations", "package main\nimport \"C\"\nimport (\n\t\"unsafe\"\n)\n", []string{"C", "unsafe"}, true},
		{"paren in a comment", "package main\nimport (\n\t\"fmt\" // see (x)\n\t\"github.com/a/b\"\n)\n", []string{"fmt", "github.com/a/b"}, true},
		{"block comment inside", "package main\nimport (\n\t\"fmt\"\n\t/* \"github.com/a/b\"\n\t*/\n)\n", nil, false},
		{"one-line block", "package main\nimport (\"fmt\"; \"github.com/a/b\")\n", nil, false},
		{"raw string path", "package main\nimport `github.com/a/b`\n", nil, false},
		{"after a semicolon", "package main; import \"github.com/a/b\"\n", nil, false},
		{"no imports", "package main\n\nfunc main() {}\n", nil, true},
	} {
		paths, ok := pu.SourceImports([]byte(c.src))
		slices.Sort(paths)
		slices.Sort(c.paths)
		if ok != c.ok || ok && !slices.Equal(paths, c.paths) {
			t.Errorf("%s: got %q, %v; want %q, %v", c.name, paths, ok, c.paths, c.ok)
		}
	}
	for p, want := range map[string]bool{"fmt": true, "net/http": true, "C": false, "github.com/a/b": false, "example.com/x": false, "myapp/internal": true} {
		if got := pu.Own(p); got != want {
			t.Errorf("Own(%q) = %v, want %v", p, got, want)
		}
	}
}
