package presets

import "testing"

// TestUnboundIn: a write call by a name bound to no literal path is a
// write restage cannot place (RS337 keeps its warning for it); one bound
// to a literal, and a source with no write by a name, are not.
func TestUnboundIn(t *testing.T) {
	ws := builtinPreset(t, "python").Writes.Sources
	cases := []struct {
		src  string
		want bool
	}{
		{"import os\n\nd = os.path.dirname(__file__)\nstate_file = d + \"/../data/state.dill\"\n\nwith open(state_file, \"wb\") as f:\n    f.write(b\"\")\n", true},
		{"def save(path):\n    with open(path, \"w\") as f:\n        f.write(\"x\")\n", true},
		{"STATE = \"/app/data/state.json\"\n\nwith open(STATE, \"w\") as f:\n    f.write(\"{}\")\n", false},
		{"with open(\"data/state.json\", \"w\") as f:\n    f.write(\"{}\")\n", false},
		{"print(open(\"README.md\").read())\n", false},
	}
	for _, c := range cases {
		if got := ws.UnboundIn("app.py", []byte(c.src), nil); got != c.want {
			t.Errorf("UnboundIn(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}
