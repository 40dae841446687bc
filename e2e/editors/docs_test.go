package editors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocsQuoteRecipes holds docs/editors.md to the recipe files the editor tests load
// (build tag editors), so that what users copy is what was run. It needs no editor and
// runs with plain `go test ./...`.
func TestDocsQuoteRecipes(t *testing.T) {
	doc, err := os.ReadFile("../../docs/editors.md")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("recipes/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no recipes: %v", err)
	}
	fence := map[string]string{".lua": "```lua\n", ".el": "```elisp\n"}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		block := fence[filepath.Ext(f)] + string(b) + "```\n"
		if !strings.Contains(string(doc), block) {
			t.Errorf("docs/editors.md does not quote %s as it is, in a %q block", f, strings.TrimSpace(fence[filepath.Ext(f)]))
		}
	}
}
