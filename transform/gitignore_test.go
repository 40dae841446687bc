package transform

import (
	"testing"
	"testing/fstest"
)

// TestGitignored: every .gitignore on the way to a path counts, each with
// its patterns relative to its own folder, as git reads them.
func TestGitignored(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }
	ctx := fstest.MapFS{
		".gitignore":              file("secret.txt\n/top.txt\nbuild/\n"),
		"config/.gitignore":       file("# local settings\nlocal.json\n/only-here.json\n!keep.json\n"),
		"config/sub/.gitignore":   file("!secret.txt\n"),
		"app/.gitignore":          file("\\#hash\ndata/cache/\n"),
		"docs/.gitignore":         file(".env\n"),
		"config/local.json":       file("{}"),
		"config/sub/local.json":   file("{}"),
		"config/sub/secret.txt":   file(""),
		"config/keep.json":        file("{}"),
		"app/.env":                file(""),
		"app/data/cache/x":        file(""),
		"app/data/cache.txt":      file(""),
		"config/x/only-here.json": file(""),
	}
	f := &facts{opt: Options{Context: ctx}}
	ign := f.gitignored()
	for name, want := range map[string]bool{
		"secret.txt":              true, // root, no slash: any depth
		"a/b/secret.txt":          true,
		"config/sub/secret.txt":   false, // a deeper file's ! overrides
		"top.txt":                 true,
		"a/top.txt":               false, // anchored to the root
		"build/out.bin":           true,
		"config/local.json":       true,  // config/.gitignore, relative to config
		"config/sub/local.json":   true,  // at any depth below config
		"local.json":              false, // not above config
		"app/local.json":          false,
		"config/only-here.json":   true,
		"config/x/only-here.json": false, // anchored to config
		"config/keep.json":        false,
		"app/#hash":               true,
		"app/data/cache/x":        true,
		"app/data/cache.txt":      false,
		"app/.env":                false, // docs/.gitignore is not on the way
		"docs/.env":               true,
	} {
		if got := ign(name); got != want {
			t.Errorf("gitignored(%q) = %v, want %v", name, got, want)
		}
	}
	if (&facts{}).gitignored()("secret.txt") {
		t.Error("with no context nothing is ignored")
	}
}
