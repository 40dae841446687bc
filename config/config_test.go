package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestParseErrors checks the messages: file, line, and no Go type names.
func TestParseErrors(t *testing.T) {
	cases := []struct{ content, want string }{
		{"runtime: slim\nfit_healthchek: true\n", `c.yaml:2: unknown field "fit_healthchek" (known: runtime, image_map, fit_healthcheck, preset_dirs)`},
		{"image_map:\n  - from: a/\n    too: b/\n", `c.yaml:3: unknown field "too" in image_map[0] (known: from, to)`},
		{"image_map:\n  - from: a/\n    to: b/\n  - from: c/\n", `c.yaml:4: image_map entry 2: want both from and to, not empty`},
		{"fit_healthcheck: maybe\n", "c.yaml:1: cannot unmarshal !!str `maybe` into bool"},
		{"runtime: [a\n", `c.yaml:1: did not find expected ',' or ']'`},
		{"- runtime\n", `c.yaml:1: cannot unmarshal !!seq into a mapping`},
		{"runtime: slim\n---\nruntime: alpine\n", `c.yaml:2: more than one YAML document`},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.content), "c.yaml")
		if err == nil || err.Error() != c.want {
			t.Errorf("Parse(%q)\n  = %v\nwant %s", c.content, err, c.want)
		}
	}
	if cfg, err := Parse([]byte("# nothing yet\n"), "c.yaml"); err != nil || cfg.Runtime != "" {
		t.Errorf("empty config: %+v %v", cfg, err)
	}
}

// TestUnknownFieldListsEveryField keeps the "known:" list in step with
// the struct: a field added to Config is listed without more work.
func TestUnknownFieldListsEveryField(t *testing.T) {
	_, err := Parse([]byte("bogus: 1\n"), "c.yaml")
	if err == nil {
		t.Fatal("no error for an unknown field")
	}
	typ := reflect.TypeOf(Config{})
	n := 0
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() {
			continue
		}
		n++
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !strings.Contains(err.Error(), name) {
			t.Errorf("%s (%s) is not in %q", f.Name, name, err)
		}
	}
	if n < 4 {
		t.Errorf("only %d fields", n)
	}
}

func TestCheckRuntime(t *testing.T) {
	cfg, err := Parse([]byte("fit_healthcheck: true\nruntime: tiny\n"), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	err = cfg.CheckRuntime([]string{"one", "two"})
	if err == nil || err.Error() != `c.yaml:2: runtime "tiny": want one of one, two` {
		t.Errorf("CheckRuntime: %v", err)
	}
	if err := cfg.CheckRuntime([]string{"tiny"}); err != nil {
		t.Errorf("a known flavor: %v", err)
	}
}

func TestParseImageMap(t *testing.T) {
	m, err := ParseImageMap([]string{"gcr.io/distroless/=r.example.com/d/", "a=b=c"})
	if err != nil || len(m) != 2 || m[0].From != "gcr.io/distroless/" || m[0].To != "r.example.com/d/" || m[1].From != "a" || m[1].To != "b=c" {
		t.Errorf("ParseImageMap: %+v %v", m, err)
	}
	for _, v := range []string{"gcr.io/", "=x/", "gcr.io/="} {
		if _, err := ParseImageMap([]string{v}); err == nil || !strings.Contains(err.Error(), "want FROM=TO") {
			t.Errorf("%q: %v", v, err)
		}
	}
}

// TestFinderStopsAtGit checks the walk up: the nearest file wins, and the
// folder holding .git (a folder or a file) is the last one looked in.
func TestFinderStopsAtGit(t *testing.T) {
	repo := filepath.Join(t.TempDir(), "repo")
	svc := filepath.Join(repo, "services", "api")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(svc, 0o755); err != nil {
		t.Fatal(err)
	}
	runtime := func(f *Finder) string {
		t.Helper()
		cfg, err := f.ForDir(svc)
		if err != nil {
			t.Fatal(err)
		}
		if cfg == nil {
			return ""
		}
		return cfg.Runtime
	}
	// Above the repo: not read.
	writeFile(t, filepath.Join(filepath.Dir(repo), Name), "runtime: scratch\n")
	if got := runtime(&Finder{}); got != "" {
		t.Errorf("a config above .git was read: %q", got)
	}
	// Without .git the walk goes on up to it.
	if err := os.RemoveAll(filepath.Join(repo, ".git")); err != nil {
		t.Fatal(err)
	}
	if got := runtime(&Finder{}); got != "scratch" {
		t.Errorf("the walk stopped without a .git: %q", got)
	}
	// A .git file (a worktree or submodule) stops it too.
	writeFile(t, filepath.Join(repo, ".git"), "gitdir: /elsewhere\n")
	if got := runtime(&Finder{}); got != "" {
		t.Errorf("a .git file did not stop the walk: %q", got)
	}
	// The nearest file wins; Disabled and Explicit override the walk.
	writeFile(t, filepath.Join(repo, "services", Name), "runtime: slim\n")
	if got := runtime(&Finder{}); got != "slim" {
		t.Errorf("nearest: %q", got)
	}
	if got := runtime(&Finder{Disabled: true}); got != "" {
		t.Errorf("Disabled: %q", got)
	}
	if got := runtime(&Finder{Explicit: &Config{Runtime: "alpine"}}); got != "alpine" {
		t.Errorf("Explicit: %q", got)
	}
}

// TestPresetsAreRelativeToTheFile checks that preset_dirs are read from
// the config file's folder, and that a missing one names the file.
func TestPresetsAreRelativeToTheFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p", "x.yaml"), "name: x\ndetect: {images: [x]}\nruntimes:\n  - {flavor: a, libc: none, image: a}\n")
	writeFile(t, filepath.Join(dir, Name), "preset_dirs: [p]\n")
	cfg, err := Load(filepath.Join(dir, Name), "shown.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ps, err := cfg.Presets()
	if err != nil || len(ps) != 1 || ps[0].Name != "x" {
		t.Errorf("Presets: %v %v", ps, err)
	}
	writeFile(t, filepath.Join(dir, Name), "preset_dirs: [nowhere]\n")
	cfg, err = Load(filepath.Join(dir, Name), "shown.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.Presets(); err == nil || !strings.HasPrefix(err.Error(), "shown.yaml: preset_dirs: preset folder ") {
		t.Errorf("missing folder: %v", err)
	}
}

// TestValueOverLinesMessage: a value that spans lines, quoted in a
// message, is folded onto one line, and no Go type name shows (found by
// FuzzParse: the message used to read "line 1: cannot unmarshal !!str
// `0\n0` into config.Config", over two lines).
func TestValueOverLinesMessage(t *testing.T) {
	_, err := Parse([]byte("0\n\n0"), ".restage.yaml")
	if want := ".restage.yaml:1: cannot unmarshal !!str `0 0` into a mapping"; err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
