package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/restage/restage/presets"
	"github.com/restage/restage/transform"
)

// rustPreset is the walkthrough's preset, read from presets/README.md, so
// that these tests use what the documentation tells users to write.
func rustPreset(t *testing.T) string {
	t.Helper()
	doc, err := os.ReadFile("../../presets/README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Walkthrough.*?```yaml\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("no walkthrough preset in presets/README.md")
	}
	return string(m[1])
}

// rustProject writes a Rust project and returns its Dockerfile's path.
func rustProject(t *testing.T, dir string) string {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "walkthrough-rust")
	for _, f := range []string{"Dockerfile", "Cargo.toml"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, f), string(data))
	}
	return filepath.Join(dir, "Dockerfile")
}

func TestPresetDirFlag(t *testing.T) {
	presetDir := t.TempDir()
	writeFile(t, filepath.Join(presetDir, "rust.yaml"), rustPreset(t))
	df := rustProject(t, t.TempDir())
	ta := newTestApp()
	ta.convert = transform.Convert

	// Without the preset the file is left alone.
	code, out, errs := ta.run(df)
	if code != 0 || out != "" || !strings.Contains(errs, "left unchanged: no preset matches base image rust:1.85 [RS207]") {
		t.Fatalf("without --preset-dir: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs = ta.run("--preset-dir", presetDir, df)
	if code != 0 || !strings.Contains(out, "+FROM gcr.io/distroless/cc-debian13:nonroot") {
		t.Fatalf("with --preset-dir: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// --preset accepts a name from the folder.
	if code, _, errs = ta.run("--preset-dir", presetDir, "--preset", "rust", df); code != 0 {
		t.Errorf("--preset rust: exit %d, %s", code, errs)
	}
	// presets list and show see it too.
	if _, out, _ = ta.run("presets", "list", "--preset-dir", presetDir); !strings.Contains(out, "rust") {
		t.Errorf("presets list --preset-dir lacks rust:\n%s", out)
	}
	if code, out, _ = ta.run("presets", "show", "--preset-dir", presetDir, "rust"); code != 0 || !strings.HasPrefix(out, "name: rust") {
		t.Errorf("presets show rust: exit %d\n%s", code, out)
	}
	// A broken preset in the folder is an error with file and line.
	writeFile(t, filepath.Join(presetDir, "zz.yaml"), "name: zz\ndetect:\n  images: [zz]\nbogus: 1\n")
	code, _, errs = ta.run("--preset-dir", presetDir, df)
	if code != 2 || !strings.Contains(errs, filepath.Join(presetDir, "zz.yaml")+":4:") {
		t.Errorf("broken preset: exit %d, stderr %q", code, errs)
	}
}

func TestConfigPresetDirs(t *testing.T) {
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	os.MkdirAll(filepath.Join(repo, "build", "presets"), 0o755)
	writeFile(t, filepath.Join(repo, "build", "presets", "rust.yaml"), rustPreset(t))
	writeFile(t, filepath.Join(repo, ".restage.yaml"), "preset_dirs: [build/presets]\n")
	svc := filepath.Join(repo, "svc")
	os.Mkdir(svc, 0o755)
	df := rustProject(t, svc)
	ta := newTestApp()
	ta.convert = transform.Convert
	code, out, errs := ta.run(df)
	if code != 0 || !strings.Contains(out, "+FROM gcr.io/distroless/cc-debian13:nonroot") {
		t.Fatalf("preset_dirs in .restage.yaml: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// A missing folder is reported against the config file.
	writeFile(t, filepath.Join(repo, ".restage.yaml"), "preset_dirs: [nowhere]\n")
	ta = newTestApp()
	ta.convert = transform.Convert
	code, _, errs = ta.run(df)
	if code != 2 || !strings.Contains(errs, ".restage.yaml: preset_dirs: preset folder") {
		t.Errorf("missing preset folder: exit %d, stderr %q", code, errs)
	}
}

func TestPresetsValidate(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "rust.yaml")
	writeFile(t, good, rustPreset(t))
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, "name: bad\ndetect:\n  images: [x]\nruntimes:\n  - flavor: a\n    libc: plan9\n    image: x\n")
	typo := filepath.Join(dir, "typo.yaml")
	writeFile(t, typo, "name: typo\ndetect:\n  imagez: [x]\n")
	ta := newTestApp()

	code, out, errs := ta.run("presets", "validate", good)
	if code != 0 || out != good+": ok (preset rust, 3 runtimes)\n" || errs != "" {
		t.Errorf("good: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = ta.run("presets", "validate", good, bad, typo)
	if code != 2 {
		t.Errorf("bad files: exit %d, want 2", code)
	}
	for _, want := range []string{bad + `:6: runtime libc "plan9" must be none, glibc or musl`, typo + `:3: unknown field "imagez" in detect (known: images, commands, context_files)`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if code, _, errs = ta.run("presets", "validate", filepath.Join(dir, "missing.yaml")); code != 2 || !strings.Contains(errs, "missing.yaml") {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
	if code, _, _ = ta.run("presets", "validate"); code != 2 {
		t.Errorf("no files: exit %d, want 2", code)
	}
	// Every built-in preset validates as a file too.
	files, _ := filepath.Glob("../../presets/*.yaml")
	if len(files) < 4 {
		t.Fatalf("found %d built-in presets", len(files))
	}
	if code, out, errs = ta.run(append([]string{"presets", "validate"}, files...)...); code != 0 {
		t.Errorf("built-in presets: exit %d\n%s%s", code, out, errs)
	}
}

// javaDockerfile is a Maven build whose preset defines a temurin flavor.
const javaDockerfile = "FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\nCMD [\"java\", \"-jar\", \"target/app.jar\"]\n"

// TestRuntimeFlavorsComeFromThePresets checks that --runtime and the
// config's runtime take any flavor a loaded preset defines, and that the
// error for an unknown one lists them.
func TestRuntimeFlavorsComeFromThePresets(t *testing.T) {
	dir := t.TempDir()
	df := filepath.Join(dir, "Dockerfile")
	writeFile(t, df, javaDockerfile)
	ta := newTestApp()
	ta.convert = transform.Convert

	// A built-in flavor that only the java preset defines.
	code, out, errs := ta.run("--no-config", "--runtime", "temurin", df)
	if code != 0 || !strings.Contains(out, "+FROM eclipse-temurin:21-jre") {
		t.Fatalf("--runtime temurin: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	// A flavor that only a --preset-dir preset defines.
	presetDir := t.TempDir()
	rust := strings.Replace(rustPreset(t), "runtimes:\n", "runtimes:\n  - flavor: chiseled\n    libc: glibc\n    image: example.com/chiseled-cc:1\n    user: \"65532:65532\"\n", 1)
	writeFile(t, filepath.Join(presetDir, "rust.yaml"), rust)
	rdf := rustProject(t, t.TempDir())
	code, out, errs = ta.run("--no-config", "--preset-dir", presetDir, "--runtime", "chiseled", rdf)
	if code != 0 || !strings.Contains(out, "+FROM example.com/chiseled-cc:1") {
		t.Fatalf("--runtime chiseled: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	// Unknown flavors: the error lists those of the presets in use.
	code, _, errs = ta.run("--no-config", "--runtime", "chiseled", rdf)
	if code != 2 || !strings.Contains(errs, `--runtime "chiseled": want one of distroless, alpine, slim, scratch, dhi, chainguard, temurin, jdk, semeru`+"\n") {
		t.Errorf("--runtime chiseled without the preset: exit %d, stderr %q", code, errs)
	}
	code, _, errs = ta.run("--no-config", "--preset-dir", presetDir, "--runtime", "tiny", rdf)
	if code != 2 || !strings.Contains(errs, `--runtime "tiny": want one of distroless, alpine, slim, scratch, dhi, chainguard, temurin, jdk, semeru, chiseled`+"\n") {
		t.Errorf("--runtime tiny: exit %d, stderr %q", code, errs)
	}

	// The config's runtime: the same flavors, preset_dirs' included.
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	writeFile(t, filepath.Join(repo, "presets", "rust.yaml"), rust)
	cdf := rustProject(t, repo)
	cfg := filepath.Join(repo, configName)
	writeFile(t, cfg, "preset_dirs: [presets]\nruntime: chiseled\n")
	code, out, errs = ta.run(cdf)
	if code != 0 || !strings.Contains(out, "+FROM example.com/chiseled-cc:1") {
		t.Errorf("runtime: chiseled in the config: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	writeFile(t, cfg, "preset_dirs: [presets]\nruntime: tiny\n")
	code, _, errs = ta.run(cdf)
	if want := cfg + `:2: runtime "tiny": want one of distroless, alpine, slim, scratch, dhi, chainguard, temurin, jdk, semeru, chiseled` + "\n"; code != 2 || errs != want {
		t.Errorf("runtime: tiny in the config: exit %d, stderr %q, want %q", code, errs, want)
	}
}

// TestRuntimeHelpListsTheFlavors checks that --help names the flavors of
// the built-in presets, not a list of its own.
func TestRuntimeHelpListsTheFlavors(t *testing.T) {
	ps, err := presets.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	want := "runtime image FLAVOR: " + strings.Join(presets.Flavors(ps), ", ") + ", or one"
	for _, args := range [][]string{{"--help"}, {"explain", "--help"}} {
		code, out, _ := newTestApp().run(args...)
		if code != 0 || !strings.Contains(out, want) || !strings.Contains(out, "temurin") {
			t.Errorf("%q: exit %d, help lacks %q:\n%s", args, code, want, out)
		}
	}
}
