package presets

import (
	"slices"
	"testing"
)

// node.yaml's writes.sources.file_dir (review 16, finding B): a path
// built from __dirname and literals is read as the path in the image,
// by the write calls and the const bindings alike; anything else in it
// leaves the write unread.
func TestNodeFileDirWrites(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var s *WriteSources
	for _, p := range ps {
		if p.Name == "node" && p.Writes != nil {
			s = p.Writes.Sources
		}
	}
	if s == nil || len(s.FileDir) == 0 {
		t.Fatal("the node preset has no writes.sources.file_dir")
	}
	for _, c := range []struct {
		src  string
		want []string
	}{
		{`fs.writeFileSync(path.join(__dirname, "..", "feeds.json"), "{}")`, []string{"/app/feeds.json"}},
		{"const f = path.join(__dirname, 'data', `state.json`);\nfs.writeFileSync(f, x)", []string{"/app/commands/data/state.json"}},
		{`fs.mkdirSync(path.resolve(__dirname, "../uploads"))`, []string{"/app/uploads"}},
		{`fs.writeFileSync(__dirname + "/feeds.json", x)`, []string{"/app/commands/feeds.json"}},
		{`fs.writeFileSync(path.join(__dirname, "/x.json"), x)`, []string{"/app/commands/x.json"}},
		// resolve starts anew at a "/"-led part: not read.
		{`fs.writeFileSync(path.resolve(__dirname, "/x.json"), x)`, nil},
		{`fs.writeFileSync(path.join(__dirname, name), x)`, nil},
		{`fs.writeFileSync(path.join(dir, "x.json"), x)`, nil},
		{`fs.writeFileSync(__dirname + name, x)`, nil},
	} {
		d, _ := s.InFileDir([]byte(c.src), "/app/commands")
		if got := s.Paths(d); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.src, got, c.want)
		}
	}
}
