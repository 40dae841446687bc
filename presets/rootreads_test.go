package presets

import (
	"slices"
	"testing"
)

// python.yaml's writes.sources.root_reads (review 12, finding C): what a
// source reads under /root or in the home folder, and nothing else.
func TestPythonRootReads(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var s *WriteSources
	for _, p := range ps {
		if p.Name == "python" && p.Writes != nil {
			s = p.Writes.Sources
		}
	}
	if s == nil || len(s.RootReads) == 0 {
		t.Fatal("the python preset has no writes.sources.root_reads")
	}
	for _, c := range []struct {
		src  string
		want []string
	}{
		{`open("/root/.ocean/address.json")`, []string{"/root/.ocean/address.json"}},
		{`os.path.exists('/root')`, []string{"/root"}},
		{`os.path.expanduser("~/.ocean/a.json")`, []string{"~/.ocean/a.json"}},
		{`Path("~/.cache").expanduser()`, []string{"~/.cache"}},
		{`cfg = Path.home() / ".ocean"`, []string{"~"}},
		{`open("/rootfs/x")`, nil},
		{`open("/data/root/x")`, nil},
		{`os.path.expanduser(name)`, nil},
		{`os.path.expanduser("$HOME/x")`, nil},
		{`Path("~/.cache")`, nil},
	} {
		var got []string
		for _, l := range s.RootPaths([]byte(c.src)) {
			got = append(got, l.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %q; want %q", c.src, got, c.want)
		}
	}
}
