package presets

import (
	"slices"
	"testing"
)

// The Go preset's unnamed reads: os.OpenFile is a read only when its
// flags read (O_RDONLY, O_RDWR); opened write-only (a GitHub action
// appending to GITHUB_OUTPUT) or with flags in a variable, it is not.
func TestGoOpenFileReads(t *testing.T) {
	rf := builtinPreset(t, "go").RunFiles
	cases := []struct {
		name, src string
		want      []string
	}{
		{"read-only", `f, _ := os.OpenFile(cfgPath, os.O_RDONLY, 0)`, []string{"cfgPath"}},
		{"read-write", `f, _ := os.OpenFile(os.Getenv("DB"), os.O_CREATE|os.O_RDWR, 0o600)`, []string{`os.Getenv("DB")`}},
		{"append write-only", `f, _ := os.OpenFile(os.Getenv("GITHUB_OUTPUT"), os.O_APPEND|os.O_WRONLY, 0)`, nil},
		{"create write-only", `f, _ := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)`, nil},
		{"flags in a variable", `f, _ := os.OpenFile(name, flags, 0)`, nil},
		{"os.Open still reads", `f, _ := os.Open(name)`, []string{"name"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, l := range rf.Unnamed([]byte("package main\n\nfunc f() {\n\t" + c.src + "\n}\n")) {
				got = append(got, l.Text)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("unnamed reads %q, want %q", got, c.want)
			}
		})
	}
}
