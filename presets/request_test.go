package presets

import "testing"

// The python preset's uv sync reads .python-version and requires-python
// with patterns: what they take from a file, and what they leave.
func TestPythonRequestSources(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var r *InterpreterRequest
	for _, p := range all {
		for i := range p.Build {
			if p.Name == "python" && p.Build[i].Command == "uv sync" {
				r = p.Build[i].Requests
			}
		}
	}
	if r == nil || len(r.Sources) != 2 {
		t.Fatalf("python's uv sync has no interpreter_request with two sources: %+v", r)
	}
	pv, pp := &r.Sources[0], &r.Sources[1]
	if pv.File != ".python-version" || !pv.Prefix || pp.File != "pyproject.toml" || pp.Prefix {
		t.Fatalf("sources: %+v %+v", pv, pp)
	}
	cases := []struct {
		src  *RequestSource
		text string
		want string // "" for nothing
	}{
		{pv, "3.13\n", "3.13"},
		{pv, "3.12.4", "3.12.4"},
		{pv, "# pinned\n\n3.11\r\n", "3.11"},
		{pv, "  3.14  \n", "3.14"},
		{pv, "3.13t\n", ""},
		{pv, "cpython@3.13\n", ""},
		{pv, "pypy\n", ""},
		{pv, "cpython-3.12-linux\n3.12\n", ""},
		{pv, "", ""},
		{pp, "[project]\nname = \"x\"\nrequires-python = \">=3.14\"\n", ">=3.14"},
		{pp, "[project]\nrequires-python='>=3.10, <3.13'\n", ">=3.10, <3.13"},
		{pp, "[project]\n# requires-python = \">=3.14\"\n", ""},
		{pp, "[tool.poetry.dependencies]\npython = \"^3.11\"\n", ""},
	}
	for _, c := range cases {
		got, ok := c.src.Requirement(c.text)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("%s on %q: got %q, want %q", c.src.File, c.text, got, c.want)
		}
	}
	for _, kv := range [][2]string{{"UV_PYTHON_DOWNLOADS", "never"}, {"UV_PYTHON_DOWNLOADS", "Manual"}, {"UV_NO_PYTHON_DOWNLOADS", "1"}, {"UV_NO_MANAGED_PYTHON", "true"}, {"UV_PYTHON_PREFERENCE", "only-system"}} {
		if !r.Off(kv[0], kv[1]) {
			t.Errorf("%s=%s should turn the download off", kv[0], kv[1])
		}
	}
	for _, kv := range [][2]string{{"UV_PYTHON_DOWNLOADS", "automatic"}, {"UV_NO_PYTHON_DOWNLOADS", "0"}, {"UV_PYTHON_PREFERENCE", "managed"}, {"UV_COMPILE_BYTECODE", "1"}} {
		if r.Off(kv[0], kv[1]) {
			t.Errorf("%s=%s should not turn the download off", kv[0], kv[1])
		}
	}
}
