package presets

import "testing"

// Go's libc_deps.complete: go.sum is skipped for a go.mod whose go
// directive is 1.17 or later (module graph pruning), read otherwise
// (review 9, finding D).
func TestGoSumSkippedFromGo117(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var d *LibcDeps
	for _, p := range ps {
		if p.Name == "go" {
			d = p.Static.LibcDeps
		}
	}
	if d == nil || d.Complete == nil {
		t.Fatal("the go preset has no static.libc_deps.complete")
	}
	cases := []struct {
		gomod string
		skip  bool
	}{
		{"module a\n\ngo 1.17\n", true},
		{"module a\n\ngo 1.20\n", true},
		{"module a\n\ngo 1.21.0\n", true},
		{"module a\r\n\r\ngo 1.22\r\n", true},
		{"module a\n\ngo 1.21rc1\n", true},
		{"module a\n\ngo 1.100\n", true},
		{"module a\n\ngo 1.16\n", false},
		{"module a\n\ngo 1.9\n", false},
		{"module a\n\ngo 1.1\n", false},
		{"module a\n", false},                        // no go directive: go 1.16 is assumed
		{"module a\n\n// go 1.21\ngo 1.13\n", false}, // a comment is no directive
	}
	for _, c := range cases {
		if got := d.Skipped("go.sum", []byte(c.gomod)); got != c.skip {
			t.Errorf("go.mod %q: go.sum skipped %v, want %v", c.gomod, got, c.skip)
		}
		if d.Skipped("go.mod", []byte(c.gomod)) {
			t.Errorf("go.mod %q: go.mod itself skipped", c.gomod)
		}
	}
	if d.Skipped("go.sum", nil) {
		t.Error("go.sum skipped when the context has no go.mod")
	}
}
