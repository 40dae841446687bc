package presets

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Each built-in preset's comments: what a comment holds is blanked, byte
// for byte (line ends kept), and what a string literal holds is not,
// markers included (review 10, finding C). keep lists texts that must
// stay, gone texts that must be blanked.
func TestCodeBlanksComments(t *testing.T) {
	cases := []struct {
		preset, name, src string
		keep, gone        []string
	}{
		{"go", "line comment", "x := 1 // godotenv.Load(\".env\")\ny := 2\n", []string{"x := 1", "y := 2"}, []string{"godotenv"}},
		{"go", "block comment over lines", "/*\n\tos.WriteFile(\"/data/x\", nil, 0)\n*/\nos.MkdirAll(\"cache\", 0)\n", []string{"os.MkdirAll(\"cache\""}, []string{"WriteFile"}},
		{"go", "// in a string", "log.Println(\"http://x\", os.MkdirAll(\"cache\", 0))\n", []string{"http://x", "os.MkdirAll(\"cache\""}, nil},
		{"go", "/* in a string before a real block", "h(\"/api/*\")\nos.Create(\"a\")\n/* b */\n", []string{"/api/*", "os.Create(\"a\")"}, []string{"b */"}},
		{"go", "raw string over lines", "s := `a // b\n/* c`\nos.Create(\"d\") // e\n", []string{"a // b", "/* c", "os.Create(\"d\")"}, []string{"// e"}},
		{"go", "rune and escaped quote", "r := '\"'\ns := \"\\\"//\"\nos.Create(\"f\") // g\n", []string{"'\"'", "\"\\\"//\"", "os.Create(\"f\")"}, []string{"// g"}},
		{"node", "line and block", "// fs.mkdirSync('/etc/x');\n/* fs.writeFileSync('/y', '') */\nfs.mkdirSync('up');\n", []string{"fs.mkdirSync('up')"}, []string{"/etc/x", "/y"}},
		{"node", "template with markers", "const u = `http://x/*`;\nfs.mkdirSync('a'); /* z */\n", []string{"`http://x/*`", "fs.mkdirSync('a')"}, []string{"z */"}},
		{"node", "regular expression with slashes", "const c = p.replace(/\\/\\//g, '/'); fs.mkdirSync('b');\n", []string{"fs.mkdirSync('b')"}, nil},
		{"python", "hash comment", "# open('/var/log/x', 'a')\nopen('app.log', 'a')  # z\n", []string{"open('app.log', 'a')"}, []string{"/var/log/x", "# z"}},
		{"python", "hash in strings", "print(\"# a\", '#b', open('c', 'w'))\n", []string{"\"# a\"", "'#b'", "open('c', 'w')"}, nil},
		{"python", "triple-quoted string", "s = '''\n# not a comment\n'''\nt = \"\"\"#\"\"\"  # gone\n", []string{"# not a comment", "\"\"\"#\"\"\""}, []string{"gone"}},
		{"java", "line, block and text block", "String a = \"\"\"\n  // kept\n  \"\"\";\n// Files.createFile(Path.of(\"/x\"));\n/** doc */ int b;\n", []string{"// kept", "int b;"}, []string{"/x", "doc"}},
	}
	for _, c := range cases {
		t.Run(c.preset+"/"+c.name, func(t *testing.T) {
			p := builtinPreset(t, c.preset)
			src := []byte(c.src)
			before := string(src)
			got := p.Code(src)
			if string(src) != before {
				t.Fatal("Code changed its input")
			}
			if len(got) != len(src) || strings.Count(string(got), "\n") != strings.Count(c.src, "\n") {
				t.Fatalf("Code(%q) = %q: not the same length and lines", c.src, got)
			}
			for _, k := range c.keep {
				if !strings.Contains(string(got), k) {
					t.Errorf("Code(%q) = %q: lost %q", c.src, got, k)
				}
			}
			for _, g := range c.gone {
				if strings.Contains(string(got), g) {
					t.Errorf("Code(%q) = %q: kept %q", c.src, got, g)
				}
			}
		})
	}
}

// The go preset's constant bindings (review 10, finding B): a read or a
// write by a name that a const binds to a plain string literal, on its
// own line or in a const ( ... ) block, at package level or in a
// function, names the literal; a const bound to anything else, and a
// parameter or local declaration of the name in between do not. A
// package-level var names it for a write only when nothing in the source
// may assign it, before it or after the call; reads take constants only.
func TestGoConstPaths(t *testing.T) {
	p := builtinPreset(t, "go")
	head := "package main\n\nimport \"os\"\n\n"
	cases := []struct {
		name, src string
		writes    []string // the write's paths
		unnamed   bool     // the read is unnamed (RS343)
	}{
		{"package const", "const f = \"log.csv\"\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", []string{"log.csv"}, false},
		{"typed const", "const f string = \"log.csv\"\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", []string{"log.csv"}, false},
		{"const block, second entry", "const (\n\tport = \":80\"\n\tf    = \"data/log.csv\" // the log\n)\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", []string{"data/log.csv"}, false},
		{"function const", "func main() {\n\tconst f = `out.txt`\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", []string{"out.txt"}, false},
		{"function const, other function", "func a() {\n\tconst f = \"out.txt\"\n\t_ = f\n}\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", nil, true},
		{"const of an expression", "const dir = \"data\"\nconst f = dir + \"/log.csv\"\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", nil, true},
		{"const of a URL", "const f = \"http://x/y\"\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", nil, true},
		// An earlier call's later arguments and err != nil assign nothing.
		{"after an earlier call", "const f = \"log.csv\"\n\nfunc main() {\n\tif err := os.WriteFile(f, nil, 0o644); err != nil {\n\t\tpanic(err)\n\t}\n\tos.Create(f)\n\tos.ReadFile(f)\n}\n", []string{"log.csv", "log.csv"}, false},
		{"var", "var f = \"log.csv\"\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", []string{"log.csv"}, true},
		{"var assigned in a later init", "var f = \"log.csv\"\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n\nfunc init() {\n\tf = os.Getenv(\"F\")\n}\n", nil, true},
		{"var given to a flag", "var f = \"log.csv\"\n\nfunc init() {\n\tflag.StringVar(&f, \"f\", f, \"\")\n}\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", nil, true},
		{"var appended to", "var f = \"log\"\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n\nfunc init() { f += \".csv\" }\n", nil, true},
		{"var in a function", "func main() {\n\tvar f = \"log.csv\"\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", nil, true},
		{"parameter", "const f = \"log.csv\"\n\nfunc run(f string) {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", nil, true},
		{"local :=", "const f = \"log.csv\"\n\nfunc main() {\n\tf := os.Getenv(\"F\")\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", nil, true},
		{"var block", "var (\n\tf = \"log.csv\"\n)\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n}\n", []string{"log.csv"}, true},
		{"var block, assigned", "var (\n\tf = \"log.csv\"\n)\n\nfunc main() {\n\tos.WriteFile(f, nil, 0o644)\n\tos.ReadFile(f)\n\tf = \"x\"\n}\n", nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := []byte(head + c.src)
			if w := p.Writes.Sources.Paths(data); !slices.Equal(w, c.writes) {
				t.Errorf("writes %q, want %q", w, c.writes)
			}
			if u := p.RunFiles.Unnamed(data); (len(u) > 0) != c.unnamed {
				t.Errorf("unnamed reads %+v, want unnamed %v", u, c.unnamed)
			}
		})
	}
}

// Code's scan from the bytes a match starts with finds what the pattern
// finds over the whole file: over this package's Go sources and the
// goldens' sources of each language.
func TestCodeAsFindAll(t *testing.T) {
	files := map[string][]string{"go": {"*.go", "../testdata/go/*/*.go"}, "node": {"../testdata/node/*/*.js", "../testdata/node/*/*/*.ts"}, "python": {"../testdata/python/*/*.py"}, "java": {"../testdata/java/*/src/main/java/*/*/*/*.java"}}
	for name, globs := range files {
		p := builtinPreset(t, name)
		if scanOf(p.Comments).first == "" {
			t.Errorf("%s: no first bytes for %q", name, p.Comments)
		}
		cr := regexp.MustCompile(p.Comments)
		g := cr.SubexpIndex("comment")
		n := 0
		for _, glob := range globs {
			paths, _ := filepath.Glob(glob)
			for _, path := range paths {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				n++
				want := bytes.Clone(data)
				for _, m := range cr.FindAllSubmatchIndex(data, -1) {
					for i := m[2*g]; m[2*g] >= 0 && i < m[2*g+1]; i++ {
						if want[i] != '\n' && want[i] != '\r' {
							want[i] = ' '
						}
					}
				}
				if got := p.Code(data); !bytes.Equal(got, want) {
					t.Errorf("%s: Code(%s) differs from the pattern's matches", name, path)
				}
			}
		}
		if n < 3 {
			t.Errorf("%s: only %d files read", name, n)
		}
	}
}
