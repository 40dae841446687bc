package presets

import "testing"

// python.yaml's home_deps (review 16, finding A): a listed package named
// in a project file or a RUN word, however pip lets its separators be
// spelled, and no other package whose name only starts the same.
func TestPythonHomeDeps(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var h *HomeDeps
	for _, p := range ps {
		if p.Name == "python" {
			h = p.HomeDeps
		}
	}
	if h == nil || len(h.Deps) == 0 {
		t.Fatal("the python preset has no home_deps")
	}
	for _, c := range []struct {
		file string
		want string
	}{
		{"requests==2.32.3\nopen-interpreter==0.4.3\n", "open-interpreter"},
		{"Open_Interpreter>=0.4\n", "open-interpreter"},
		{"dependencies = [\"open.interpreter[os]\"]\n", "open-interpreter"},
		{"panns_inference\n", "panns-inference"},
		{"open-interpreter-termux==0.1\n", ""},
		{"# open-interpreter is run from its own image\n", ""},
		{"requests\n", ""},
	} {
		got := ""
		if d, _ := h.FirstInFile([]byte(c.file)); d != nil {
			got = d.Name
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.file, got, c.want)
		}
	}
	for _, c := range []struct {
		word string
		want string
	}{
		{"panns_inference==0.1.1", "panns-inference"},
		{"open-interpreter", "open-interpreter"},
		{"open-interpreter-termux", ""},
		{"-r", ""},
	} {
		got := ""
		if d, ok := h.Named(c.word); ok {
			got = d.Name
		}
		if got != c.want {
			t.Errorf("word %q: got %q, want %q", c.word, got, c.want)
		}
	}
}
