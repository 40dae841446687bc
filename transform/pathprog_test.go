package transform

import "testing"

// wordIn tells a folder a RUN names from a longer name that holds it
// (review 6, finding A: which RUN makes ./venv).
func TestWordIn(t *testing.T) {
	for _, c := range []struct {
		text, w string
		want    bool
	}{
		{"python3 -m venv ./venv && ./venv/bin/pip install x", "venv", true},
		{"python3 -m virtualenv env", "venv", false},
		{"mkdir -p /opt/tools && curl -o /opt/tools/x", "/opt", true},
		{"virtualenv venvs", "venv", false},
		{"virtualenv my-venv", "venv", false},
		{`VENV="venv" sh -c 'x'`, "venv", true},
	} {
		if got := wordIn(c.text, c.w); got != c.want {
			t.Errorf("wordIn(%q, %q) = %v, want %v", c.text, c.w, got, c.want)
		}
	}
}
