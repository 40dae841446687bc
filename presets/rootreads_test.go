package presets

import (
	"slices"
	"strings"
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
		// $HOME from the environment, as node's, go's and java's are read.
		{`cfg = os.path.join(os.environ["HOME"], ".ocean")`, []string{"~"}},
		{`os.getenv('HOME', '/tmp')`, []string{"~"}},
		{`os.environ.get("HOME")`, []string{"~"}},
		{`os.environ.get("HOMEPAGE")`, nil},
		// A literal compared is a value tested, not a file opened.
		{`if p == "/root" or p.startswith('/root/'):`, nil},
		{`"/root" != home and open("/root/x")`, []string{"/root/x"}},
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

// node.yaml's, go.yaml's and java.yaml's root_reads (issue 8, as
// python.yaml's): a literal under /root and the calls that give the home
// folder, and nothing in a comment once the preset's comments are blanked.
func TestRootReadsOtherPresets(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*Preset{}
	for _, p := range ps {
		byName[p.Name] = p
	}
	for _, c := range []struct {
		preset, src string
		want        []string
	}{
		{"node", `fs.readFileSync('/root/.config/token')`, []string{"/root/.config/token"}},
		{"node", "const f = path.join(os.homedir(), '.config')", []string{"~"}},
		{"node", "require('os').homedir()", []string{"~"}},
		{"node", `require("node:os").homedir()`, []string{"~"}},
		{"node", "const h = process.env.HOME || '/tmp'", []string{"~"}},
		{"node", "process.env['HOME']", []string{"~"}},
		{"node", "process.env.HOMEPAGE_URL", nil},
		{"node", "user.homedir()", nil},
		{"node", "// os.homedir()\n/* process.env.HOME */", nil},
		{"node", `fs.readFileSync('/rootfs/x')`, nil},
		{"go", `os.ReadFile("/root/.config/token")`, []string{"/root/.config/token"}},
		{"go", "home, err := os.UserHomeDir()", []string{"~"}},
		{"go", `dir := os.Getenv("HOME")`, []string{"~"}},
		{"go", `dir, ok := os.LookupEnv("HOME")`, []string{"~"}},
		{"go", `os.Getenv("HOMEDIR")`, nil},
		{"go", "// home, _ := os.UserHomeDir()", nil},
		{"go", `os.ReadFile("/data/root/x")`, nil},
		{"java", `Path.of("/root/.keys/a.pem")`, []string{"/root/.keys/a.pem"}},
		{"java", `System.getProperty("user.home")`, []string{"~"}},
		{"java", `System.getProperty("user.home", "/tmp")`, []string{"~"}},
		{"java", `System.getenv("HOME")`, []string{"~"}},
		{"java", `System.getProperty("user.dir")`, nil},
		{"java", `/* System.getenv("HOME") */`, nil},
		// Left by h-left12: home reads spelled otherwise.
		{"java", `System.getenv().get("HOME")`, []string{"~"}},
		{"java", `System.getenv().get("HOSTNAME")`, nil},
		{"go", `u, _ := user.Current(); dir := u.HomeDir`, []string{"~"}},
		{"go", `p := os.ExpandEnv("$HOME/.config/app.yaml")`, []string{"~"}},
		{"go", `p := os.ExpandEnv("${HOME}/.config")`, []string{"~"}},
		{"go", `p := os.ExpandEnv("$HOMEDIR/x")`, nil},
		{"node", "import { homedir } from 'os'", []string{"~"}},
		{"node", "import { readFileSync } from 'fs';\nimport { homedir, tmpdir } from \"node:os\"", []string{"~"}},
		{"node", "const { homedir } = require('os')", []string{"~"}},
		{"node", "const dir = os.userInfo().homedir", []string{"~"}},
		{"node", "import { tmpdir } from 'os'", nil},
		// A literal compared is a value tested, not a file opened.
		{"go", `if t == "/root" || strings.HasPrefix(t, "/root/") {`, nil},
		{"go", "if \"/root\" != dir { os.Stat(`/root/.x`) }", []string{"/root/.x"}},
		{"go", `entries, err := os.ReadDir("/root")`, []string{"/root"}},
		{"go", `p := filepath.Join("/root", ".config", name)`, []string{"/root"}},
		{"go", `if related(d, "/tmp") || related(d, "/root") {`, nil},
		{"go", `homeFolders = []string{"/root", "/home/*"}`, nil},
		{"go", `os.WriteFile(dir + "/x", b, 0o600); os.MkdirAll("/root/", 0o700)`, []string{"/root/"}},
		{"node", `if (p === '/root' || p.startsWith("/root/")) fs.readFileSync('/root/a')`, []string{"/root/a"}},
		{"java", `"/root".equals(p) || p.startsWith("/root/")`, nil},
	} {
		p := byName[c.preset]
		if p == nil || p.Writes == nil || p.Writes.Sources == nil || len(p.Writes.Sources.RootReads) == 0 {
			t.Fatalf("the %s preset has no writes.sources.root_reads", c.preset)
		}
		var got []string
		for _, l := range p.Writes.Sources.RootPaths(p.Code([]byte(c.src))) {
			got = append(got, l.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %s: %q; want %q", c.preset, c.src, got, c.want)
		}
	}
}

// InString reads strings as the preset's comments pattern does: a call
// spelled inside one is text, and a comment's quote starts no string.
func TestInString(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var g *Preset
	for _, p := range ps {
		if p.Name == "go" {
			g = p
		}
	}
	src := "// it's os.UserHomeDir()\nmsg := \"os.UserHomeDir() is root's\"\nh, _ := os.UserHomeDir()\nr := `os.UserHomeDir()`"
	var in []bool
	for i := 0; ; {
		j := strings.Index(src[i:], "os.UserHomeDir")
		if j < 0 {
			break
		}
		in = append(in, g.InString([]byte(src), i+j))
		i += j + 1
	}
	if want := []bool{false, true, false, true}; !slices.Equal(in, want) {
		t.Errorf("InString at each os.UserHomeDir: %v; want %v", in, want)
	}
	if g.InString([]byte(`x := "/root"`), 5) {
		t.Error("a string's opening quote is not inside it")
	}
}
