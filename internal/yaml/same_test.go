package yaml

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	upstream "gopkg.in/yaml.v3"
)

// The copy decodes every YAML file of the repository (the presets, the
// goldens' compose files, manifests and configs, the reviews' repros) as
// upstream does, as generic values and as nodes, and encodes the result
// to the same bytes; for a file upstream refuses, the copy gives the same
// error.
func TestSameAsUpstream(t *testing.T) {
	var files []string
	for _, root := range []string{"../../presets", "../../testdata", "../../docs", "../../e2e", "../../config", "../.."} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && (d.Name() == ".git" || (root == "../.." && p != root)) {
				return filepath.SkipDir
			}
			if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 50 {
		t.Fatalf("only %d YAML files found", len(files))
	}
	inputs := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = b
	}
	// Scalars that go through every branch of resolve and of the encoder's
	// quoting: base 60 floats, YAML 1.1 booleans, special floats, tags.
	inputs["scalars"] = []byte(`a: [1, -2, +3, 0x1F, 0o17, 0b101, 1_000, 1.5, -.5, 1e3, .inf, -.Inf, .nan, 1:20, 190:20:30.15, 1:2:3,
  true, False, yes, no, on, off, y, n, ~, null, "", '<<', 2001-12-14t21:59:43.10-05:00, 2002-12-14,
  !!str 1, !!int "2", !!float 3, !!binary aGVsbG8=, !!bool true, !custom x, "0x", "1e", .5e, 1.e5]
b: &anchor {x: 1}
c: *anchor
<<: {y: 2}
`)
	inputs["bad"] = []byte("a: [1, 2\nb: : :\n")
	for name, b := range inputs {
		var got, want any
		errGot := Unmarshal(b, &got)
		errWant := upstream.Unmarshal(b, &want)
		if (errGot == nil) != (errWant == nil) || errGot != nil && errGot.Error() != errWant.Error() {
			t.Errorf("%s: error %v, upstream %v", name, errGot, errWant)
			continue
		}
		if !equalNaN(got, want) {
			t.Errorf("%s: decodes to %#v, upstream %#v", name, got, want)
		}
		var gn Node
		var wn upstream.Node
		if Unmarshal(b, &gn) != nil || upstream.Unmarshal(b, &wn) != nil {
			continue
		}
		gb, errGot := Marshal(&gn)
		wb, errWant := upstream.Marshal(&wn)
		if string(gb) != string(wb) || (errGot == nil) != (errWant == nil) {
			t.Errorf("%s: node encodes to %q (%v), upstream %q (%v)", name, gb, errGot, wb, errWant)
		}
		gb, _ = Marshal(got)
		wb, _ = upstream.Marshal(want)
		if string(gb) != string(wb) {
			t.Errorf("%s: value encodes to %q, upstream %q", name, gb, wb)
		}
	}
}

// equalNaN is reflect.DeepEqual with NaN equal to itself.
func equalNaN(a, b any) bool {
	switch a := a.(type) {
	case float64:
		b, ok := b.(float64)
		return ok && (a == b || math.IsNaN(a) && math.IsNaN(b))
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !equalNaN(a[i], b[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			if !equalNaN(v, b[k]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}
