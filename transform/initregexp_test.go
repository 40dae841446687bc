package transform

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNoRegexpAtInit holds the promise of README's Performance section:
// no regular expression of restage's own packages is compiled by a
// package initialiser, since every run would pay for it at start-up
// whether or not it uses the pattern (compile on first use instead:
// sync.OnceValue, or the presets' pattern cache).
func TestNoRegexpAtInit(t *testing.T) {
	atInit := regexp.MustCompile(`(?m)^(?:var\s+\w+\s*=|\t\w+\s*=)\s*regexp\.(?:MustCompile|Compile)\(`)
	var files []string
	for _, dir := range []string{".", "../presets", "../shell", "../workspace", "../output", "../report", "../lsp", "../config", "../internal/textutil", "../cmd/restage"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("only %d files found", len(files))
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, loc := range atInit.FindAllIndex(data, -1) {
			line := 1 + strings.Count(string(data[:loc[0]]), "\n")
			t.Errorf("%s:%d: a regular expression compiled by the package initialiser", f, line)
		}
	}
}
