package presets

import "testing"

// builtinPreset returns the built-in preset of that name, failing the
// test when there is none.
func builtinPreset(t *testing.T, name string) *Preset {
	t.Helper()
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no built-in preset %q", name)
	return nil
}
