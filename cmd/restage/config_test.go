package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/restage/restage/transform"
)

// repoTree makes dir/repo with a .git folder, a Dockerfile two folders
// down, and returns the repo's path and the Dockerfile's.
func repoTree(t *testing.T) (repo, dockerfile string) {
	t.Helper()
	repo = filepath.Join(t.TempDir(), "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	dockerfile = filepath.Join(repo, "services", "api", "Dockerfile")
	writeFile(t, dockerfile, goDockerfile)
	return repo, dockerfile
}

func TestConfigWalksUpToTheRepoRoot(t *testing.T) {
	repo, df := repoTree(t)
	writeFile(t, filepath.Join(repo, configName), "runtime: alpine\nfit_healthcheck: true\nimage_map:\n  - from: gcr.io/distroless/\n    to: mirror.example.com/distroless/\n")
	ta := newTestApp()
	if code, _, errs := ta.run("-q", df); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	o := ta.opts[0]
	want := []transform.ImageMapping{{From: "gcr.io/distroless/", To: "mirror.example.com/distroless/"}}
	if o.Runtime != "alpine" || !o.FitHealthcheck || !slices.Equal(o.ImageMap, want) {
		t.Errorf("options from the repo root's config: %+v", o)
	}

	// A nearer config wins, whole (no merging of files).
	writeFile(t, filepath.Join(repo, "services", configName), "runtime: slim\n")
	ta.run("-q", df)
	if o := ta.opts[1]; o.Runtime != "slim" || o.FitHealthcheck || len(o.ImageMap) != 0 {
		t.Errorf("options from the nearer config: %+v", o)
	}

	// explain reads it too.
	ta.run("explain", df)
	if o := ta.opts[2]; o.Runtime != "slim" {
		t.Errorf("explain: %+v", o)
	}
}

func TestConfigForStdinIsFromTheCurrentFolder(t *testing.T) {
	repo, _ := repoTree(t)
	writeFile(t, filepath.Join(repo, configName), "runtime: slim\n")
	t.Chdir(filepath.Join(repo, "services"))
	ta := newTestApp()
	if code, _, errs := ta.runStdin(goDockerfile, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if o := ta.opts[0]; o.Runtime != "slim" {
		t.Errorf("stdin: %+v", o)
	}
}

func TestConfigFlagAndNoConfig(t *testing.T) {
	repo, df := repoTree(t)
	writeFile(t, filepath.Join(repo, configName), "runtime: slim\n")
	other := filepath.Join(t.TempDir(), "ci.yaml")
	writeFile(t, other, "runtime: scratch\n")
	ta := newTestApp()
	ta.run("-q", "--config", other, df)
	if o := ta.opts[0]; o.Runtime != "scratch" {
		t.Errorf("--config: %+v", o)
	}
	ta.run("-q", "--no-config", df)
	if o := ta.opts[1]; o.Runtime != "" {
		t.Errorf("--no-config: %+v", o)
	}
	// --config with a missing file, or with --no-config: errors, and nothing converted.
	calls := ta.calls
	code, _, errs := ta.run("--config", filepath.Join(repo, "nope.yaml"), df)
	if code != 2 || !strings.Contains(errs, "nope.yaml: no such file or directory") {
		t.Errorf("missing --config: %d %q", code, errs)
	}
	code, _, errs = ta.run("--config", other, "--no-config", df)
	if code != 2 || !strings.Contains(errs, "--config and --no-config cannot be used together") {
		t.Errorf("--config --no-config: %d %q", code, errs)
	}
	if ta.calls != calls {
		t.Errorf("the converter ran despite a bad --config")
	}
}

func TestConfigErrorsHaveFileAndLine(t *testing.T) {
	cases := []struct{ content, want string }{
		{"runtime: slim\nfit_healthchek: true\n", `:2: unknown field "fit_healthchek" (known: runtime, image_map, fit_healthcheck, preset_dirs)`},
		{"image_map:\n  - from: a/\n    too: b/\n", `:3: unknown field "too"`},
		{"runtime: tiny\n", `:1: runtime "tiny": want one of distroless, alpine, slim, scratch, dhi, chainguard, temurin`},
		{"image_map:\n  - from: a/\n    to: b/\n  - from: c/\n", `:4: image_map entry 2: want both from and to`},
		{"fit_healthcheck: maybe\n", `:1: cannot unmarshal !!str ` + "`maybe`" + ` into bool`},
		{"runtime: [a\n", `:1: did not find expected ',' or ']'`},
		{"- runtime\n", `:1: cannot unmarshal !!seq into a mapping`},
		{"runtime: slim\n---\nruntime: alpine\n", `:2: more than one YAML document`},
	}
	for _, c := range cases {
		repo, df := repoTree(t)
		cfg := filepath.Join(repo, configName)
		writeFile(t, cfg, c.content)
		ta := newTestApp()
		code, out, errs := ta.run(df)
		if code != 2 || out != "" || !strings.HasPrefix(errs, cfg+":") || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", c.content, code, out, errs, cfg+c.want)
		}
		if ta.calls != 0 {
			t.Errorf("%q: the converter ran", c.content)
		}
		// The same through --config: FILE:LINE: message, no "restage:" prefix.
		code, _, errs = ta.run("--config", cfg, df)
		if code != 2 || !strings.HasPrefix(errs, cfg+":") || !strings.Contains(errs, c.want) {
			t.Errorf("--config %q: exit %d, stderr %q", c.content, code, errs)
		}
	}
	// An empty file is no error.
	repo, df := repoTree(t)
	writeFile(t, filepath.Join(repo, configName), "# nothing yet\n")
	if code, _, errs := newTestApp().run("-q", df); code != 0 {
		t.Errorf("empty config: %d %q", code, errs)
	}
}

func TestConfigErrorPathIsRelativeWhenTheDockerfileIs(t *testing.T) {
	repo, _ := repoTree(t)
	writeFile(t, filepath.Join(repo, configName), "bogus: 1\n")
	t.Chdir(repo)
	_, _, errs := newTestApp().run(filepath.Join("services", "api", "Dockerfile"))
	if !strings.HasPrefix(errs, configName+":1: unknown field") {
		t.Errorf("stderr %q", errs)
	}
}

func TestFlagsOverrideTheConfig(t *testing.T) {
	repo, df := repoTree(t)
	writeFile(t, filepath.Join(repo, configName), "runtime: alpine\nfit_healthcheck: true\nimage_map:\n  - {from: gcr.io/, to: config.example.com/}\n")
	ta := newTestApp()
	ta.run("-q", "--runtime", "scratch", "--fit-healthcheck=false",
		"--image-map", "gcr.io/distroless/=flag.example.com/distroless/", "--image-map=docker.io/=hub.example.com/", df)
	o := ta.opts[0]
	want := []transform.ImageMapping{
		{From: "gcr.io/distroless/", To: "flag.example.com/distroless/"},
		{From: "docker.io/", To: "hub.example.com/"},
		{From: "gcr.io/", To: "config.example.com/"},
	}
	if o.Runtime != "scratch" || o.FitHealthcheck || !slices.Equal(o.ImageMap, want) {
		t.Errorf("options: %+v\nwant runtime scratch, no fit, map %+v", o, want)
	}
	// The first matching prefix wins, in that order.
	if got := transform.MapImage("gcr.io/distroless/static", o.ImageMap); got != "flag.example.com/distroless/static" {
		t.Errorf("MapImage: %s", got)
	}
	if got := transform.MapImage("gcr.io/other/x", o.ImageMap); got != "config.example.com/other/x" {
		t.Errorf("MapImage: %s", got)
	}
}

func TestImageMapReachesTheRealEngine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Dockerfile")
	writeFile(t, p, "FROM golang:1.26\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n")
	ta := newTestApp()
	ta.convert = transform.Convert
	code, out, errs := ta.run("-q", "--no-config", "--image-map", "gcr.io/distroless/=registry.example.com/distroless/", p)
	if code != 0 || !strings.Contains(out, "+FROM registry.example.com/distroless/") || strings.Contains(out, "gcr.io") {
		t.Errorf("exit %d, diff:\n%s\n%s", code, out, errs)
	}
}

func TestImageMapUsageErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "Dockerfile"), goDockerfile)
	for _, v := range []string{"gcr.io/", "=x/", "gcr.io/="} {
		code, _, errs := newTestApp().run("--image-map", v, dir)
		if code != 2 || !strings.Contains(errs, "want FROM=TO") {
			t.Errorf("--image-map %q: %d %q", v, code, errs)
		}
	}
}
