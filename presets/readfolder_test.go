package presets

import (
	"strings"
	"testing"
)

// TestGoReadFolder: the go preset bounds an unnamed read to a literal
// folder only when its path is the name's last binding before the read,
// in the same function, to a join of that folder and literals or loop
// variables over literal lists, none with a ".." element (review 7,
// finding D).
func TestGoReadFolder(t *testing.T) {
	rf := builtinPreset(t, "go").RunFiles
	list := "\tfiles := []string{\n\t\t\"a.sql\",\n\t\t\"b.sql\",\n\t}\n"
	loop := "\tfor _, file := range files {\n"
	for _, c := range []struct {
		name, src, want string
	}{
		{"range over a literal list", list + loop + "\t\tpath := filepath.Join(\"migrations\", file)\n\t\tos.ReadFile(path)\n", "migrations"},
		{"literal parts", "\tp := path.Join(\"/srv/conf\", \"sub\", \"x.yaml\")\n\tos.ReadFile(p)\n", "/srv/conf"},
		{"a list item with ..", strings.Replace(list, "b.sql", "../b.sql", 1) + loop + "\t\tpath := filepath.Join(\"migrations\", file)\n\t\tos.ReadFile(path)\n", ""},
		{"a literal part with ..", "\tp := filepath.Join(\"conf\", \"..\", \"x\")\n\tos.ReadFile(p)\n", ""},
		{"a name from the environment", "\tfile := os.Getenv(\"F\")\n\tpath := filepath.Join(\"migrations\", file)\n\tos.ReadFile(path)\n", ""},
		{"rebound after the join", list + loop + "\t\tpath := filepath.Join(\"migrations\", file)\n\t\tpath = os.Getenv(\"P\")\n\t\tos.ReadFile(path)\n", ""},
		{"a parameter of another function", list + loop + "\t\tpath := filepath.Join(\"migrations\", file)\n\t}\n}\nfunc load(path string) {\n\tos.ReadFile(path)\n", ""},
		{"a folder from a variable", "\tp := filepath.Join(dir, \"x\")\n\tos.ReadFile(p)\n", ""},
	} {
		src := "package main\n\nfunc main() {\n" + c.src + "}\n"
		us := rf.Unnamed([]byte(src))
		if len(us) != 1 {
			t.Fatalf("%s: %d unnamed reads, want 1", c.name, len(us))
		}
		got, ok := rf.ReadFolder([]byte(src), us[0].Text, us[0].Offset)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: ReadFolder = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
}
