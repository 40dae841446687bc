package presets

import (
	"slices"
	"testing"
)

// writes.sources.config_paths (review 18, finding B): the absolute paths
// of the app's own configuration, and whether a source reads their key.
func TestConfigPaths(t *testing.T) {
	cases := []struct {
		preset, file, text string
		paths              []string // key=path
	}{
		{"go", "config/config.yml", "data_dir: /var\nname: app\nurl: http://x/y\n", []string{"data_dir=/var"}},
		{"go", "config.yaml", "storage:\n  root: \"/srv/files\" # uploads\n", []string{"storage.root=/srv/files"}},
		{"go", "config/app.toml", "data_dir = \"/var/store\"\n", []string{"data_dir=/var/store"}},
		{"go", "deploy/values.yml", "data_dir: /var\n", nil}, // not a config file of the app
		{"go", "config/config.yml", "a: /\nb: /x/*.log\nc: ${HOME}/x\nd: relative\n", nil},
		{"java", "src/main/resources/application-docker.yml", "static:\n  path: \"/static\"\n", []string{"static.path=/static"}},
		{"java", "src/main/resources/application.yml", "spring:\n  h2:\n    console:\n      enabled: true\n      path: /h2-console\n  mvc:\n    static-path-pattern: /static/**\n# c\nstatic:\n  - x: 1\n  path: /static\n", []string{"spring.h2.console.path=/h2-console", "static.path=/static"}},
		{"java", "api/src/main/resources/application.properties", "upload.dir=/data/up\nserver.port=8080\n", []string{"upload.dir=/data/up"}},
	}
	for _, c := range cases {
		ws := builtinPreset(t, c.preset).Writes.Sources
		cp := ws.ConfigPathsOf(c.file)
		var got []string
		if cp != nil {
			for _, p := range cp.Paths([]byte(c.text)) {
				got = append(got, p.Key+"="+p.Path)
			}
		}
		if !slices.Equal(got, c.paths) {
			t.Errorf("%s %s: paths %q, want %q", c.preset, c.file, got, c.paths)
		}
	}
	reads := []struct {
		preset, file, key, src string
		want                   bool
	}{
		{"go", "config.yml", "data_dir", `DataDir: c.GetString("data_dir"),`, true},
		{"go", "config.yml", "storage.root", `viper.GetString("storage.root")`, true},
		{"go", "config.yml", "root", `viper.GetString("storage.root")`, false},
		{"go", "config.yml", "data_dir", `c.GetString("data_dir_old")`, false},
		{"java", "src/main/resources/application.yml", "static.path", `@Value("${static.path}")`, true},
		// review 18 B's real file: spring.h2.console.path: /h2-console is not static.path
		{"java", "src/main/resources/application.yml", "spring.h2.console.path", `@Value("${static.path}")`, false},
		{"java", "src/main/resources/application.yml", "upload.dir", `@Value("${upload.dir:/tmp}")`, true},
		{"java", "src/main/resources/application.yml", "context-path", `@Value("${static.path}")`, false},
		{"java", "src/main/resources/application.yml", "static.path", `String p = "static.path";`, false},
		// @ConfigurationProperties binds every key under its prefix (h-fix18be's Left)
		{"java", "src/main/resources/application.yml", "app.storage.location", `@ConfigurationProperties(prefix = "app.storage")`, true},
		{"java", "src/main/resources/application.yml", "app.storage.location", `@ConfigurationProperties("app")`, true},
		{"java", "src/main/resources/application.properties", "app.storage.location", `@ConfigurationProperties(value="app.storage")`, true},
		{"java", "src/main/resources/application.yml", "app.storage.location", `@ConfigurationProperties(prefix = "app.stor")`, false},
		{"java", "src/main/resources/application.yml", "app.storage.location", `@ConfigurationProperties(prefix = "app.storage.location")`, false},
		{"java", "src/main/resources/application.yml", "app.storage.location", `@ConfigurationProperties(prefix = "app.mail")`, false},
	}
	for _, r := range reads {
		cp := builtinPreset(t, r.preset).Writes.Sources.ConfigPathsOf(r.file)
		if cp == nil {
			t.Fatalf("%s: no config_paths entry for %s", r.preset, r.file)
		}
		if got := cp.Reads([]byte(r.src), r.key); got != r.want {
			t.Errorf("%s: %q reads %s = %v, want %v", r.preset, r.src, r.key, got, r.want)
		}
	}
}

// go.yaml's unnamed writes (review 18, finding B): os calls on a path
// that is no literal; a constant bound to a literal is a named write.
func TestGoUnnamedWrites(t *testing.T) {
	ws := builtinPreset(t, "go").Writes.Sources
	cases := []struct{ src, expr string }{
		{`os.Create(root + path)`, "root + path"},
		{`os.MkdirAll(filepath.Dir(path), 0o755)`, "filepath.Dir(path)"},
		{`os.WriteFile(filepath.Join(dir, name), b, 0o644)`, "filepath.Join(dir, name)"},
		{`os.Create("out.txt")`, ""},
		{`os.MkdirTemp(dir, "x")`, ""},
		{"const logFile = \"log.csv\"\nfunc f() { os.Create(logFile) }", ""},
	}
	for _, c := range cases {
		src := []byte("package main\n\n" + c.src + "\n")
		var got []string
		for _, u := range ws.UnnamedWrites(src) {
			got = append(got, u.Text)
		}
		if c.expr == "" && len(got) > 0 || c.expr != "" && !slices.Equal(got, []string{c.expr}) {
			t.Errorf("%q: unnamed writes %q, want %q", c.src, got, c.expr)
		}
	}
}
