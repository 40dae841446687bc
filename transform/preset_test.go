package transform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParsePresetErrors checks that a bad preset is reported with the
// line of the offending value.
func TestParsePresetErrors(t *testing.T) {
	base := "name: x\ndetect:\n  images: [x]\nruntimes:\n  - flavor: a\n    libc: none\n    image: a\n"
	cases := []struct{ yaml, want string }{
		{"", "p.yaml: empty preset"},
		{"name: x\nbogus: 1\n", "p.yaml:2: field bogus not found"},
		{"name: X\ndetect:\n  images: [x]\n", `p.yaml:1: name "X" must be lower case`},
		{"name: x\n", "p.yaml:1: detect.images needs at least one image pattern"},
		{base + "  - flavor: b\n    libc: plan9\n    image: b\n", `p.yaml:9: runtime libc "plan9"`},
		{base + "  - flavor: b\n    libc: glibc\n    image: '{{.x'\n", "p.yaml:10: bad image template"},
		{base + "build:\n  - command: go build\n    artifact: {name: [bogus]}\n", `p.yaml:10: unknown artifact name source "bogus"`},
		{base + "decline:\n  - reason: r\n", "p.yaml:9: a decline rule needs exactly one of image_tag and run_command"},
		{base + "builder:\n  variants:\n    - tag: '('\n      libc: glibc\n", "p.yaml:10: bad tag pattern"},
		{base + "fallback: [nope]\n", `p.yaml:8: fallback flavor "nope" has no runtime`},
		{base + "default_flavor: nope\n", `p.yaml:8: default_flavor "nope" has no runtime`},
	}
	for _, c := range cases {
		_, err := ParsePreset("p.yaml", []byte(c.yaml))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ParsePreset(%q)\n  = %v\nwant prefix %q", c.yaml, err, c.want)
		}
	}
	if _, err := ParsePreset("p.yaml", []byte(base)); err != nil {
		t.Errorf("minimal preset: %v", err)
	}
}

// TestBuiltinPresetsParse keeps the shipped presets valid and distinct.
func TestBuiltinPresetsParse(t *testing.T) {
	ps, err := DefaultPresets()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../presets/*.yaml")
	if len(ps) != len(files) || len(ps) < 4 {
		t.Fatalf("%d presets from %d files", len(ps), len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParsePreset(f, data); err != nil {
			t.Error(err)
		}
	}
}
