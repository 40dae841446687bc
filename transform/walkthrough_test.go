package transform

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/restage/restage/presets"
)

// TestPresetWalkthrough proves that the walkthrough in presets/README.md
// works as written: its YAML is a valid preset that converts a Rust
// Dockerfile with no change to the engine.
func TestPresetWalkthrough(t *testing.T) {
	doc, err := os.ReadFile("../presets/README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)## Walkthrough.*?```yaml\n(.*?)```").FindSubmatch(doc)
	if blocks == nil {
		t.Fatal("no yaml block under the walkthrough heading in presets/README.md")
	}
	rust, err := presets.Parse("rust.yaml", blocks[1])
	if err != nil {
		t.Fatalf("the walkthrough's preset does not validate: %v", err)
	}
	builtin, err := presets.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "testdata", "walkthrough-rust")
	in, err := os.ReadFile(filepath.Join(dir, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "want"))
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Presets: presets.Merge(builtin, []*Preset{rust}), Context: os.DirFS(dir)}
	res, err := Convert(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Declined != "" {
		t.Fatalf("declined: %s", res.Declined)
	}
	if res.Preset != "rust" {
		t.Errorf("preset %q, want rust", res.Preset)
	}
	if !bytes.Equal(res.Output, want) {
		t.Errorf("output differs from %s/want:\n%s", dir, res.Output)
	}
	// Without the preset the same file is left alone.
	res, err = Convert(in, Options{Context: os.DirFS(dir)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Changed || res.Declined == "" {
		t.Errorf("built-in presets converted a Rust file: %+v", res)
	}
}
