package presets

import (
	"slices"
	"testing"
)

// The Java preset's write calls (review 6, finding D): a literal path is
// a write at that path, any other path an unnamed write; calls that only
// read or delete are neither.
func TestJavaWrites(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var ws *WriteSources
	for _, p := range all {
		if p.Name == "java" && p.Writes != nil {
			ws = p.Writes.Sources
		}
	}
	if ws == nil {
		t.Fatal("the java preset has no writes.sources")
	}
	cases := []struct {
		name, src string
		path      string // the literal path written, or ""
		expr      string // the unnamed write's expression, or ""
	}{
		{"createDirectories literal", `Files.createDirectories(Path.of("temp"));`, "temp", ""},
		{"Paths.get literal", `Files.write(Paths.get("out/a.txt"), bytes);`, "out/a.txt", ""},
		{"FileOutputStream literal", `new FileOutputStream("log.txt", true)`, "log.txt", ""},
		{"File mkdirs literal", `new File("uploads").mkdirs();`, "uploads", ""},
		{"createDirectories of a field", `Files.createDirectories(Path.of(TEMP_PATH));`, "", "Path.of(TEMP_PATH)"},
		{"createDirectories of two parts", `Files.createDirectories(Path.of(dir, "linux"));`, "", `Path.of(dir, "linux")`},
		{"createDirectories of a variable", `Files.createDirectories(path);`, "", "path"},
		{"writeString of a call", `Files.writeString(out.resolve("x"), s);`, "", `out.resolve("x")`},
		{"FileWriter of a variable", `try (var w = new FileWriter(file)) {`, "", "file"},
		{"File mkdirs of a variable", `new File(uploadDir).mkdirs();`, "", "uploadDir"},
		{"mkdir on a variable", `if (!dir.exists()) dir.mkdir();`, "", "dir"},
		{"mkdirs on a field", `this.root.mkdirs();`, "", "this.root"},
		// A name bound to a literal before the call (review 18, finding B).
		{"mkdirs on a File bound to a literal", `File d = new File("/static/upload"); if (!d.exists()) d.mkdirs();`, "/static/upload", ""},
		{"createDirectories of a Path bound to a literal", `final Path p = Paths.get("data"); Files.createDirectories(p);`, "data", ""},
		{"FileWriter of a String bound to a literal", `String f = "log.txt"; new FileWriter(f, true);`, "log.txt", ""},
		{"a var File bound to a literal", `var d = new File("/srv/out"); d.mkdir();`, "/srv/out", ""},
		{"a binding assigned anew", `File d = new File("/x"); d = pick(); d.mkdirs();`, "", "d"},
		{"a binding to no literal", `File d = new File(base, "x"); d.mkdirs();`, "", "d"},
		{"a binding in a block closed before", `if (a) { File d = new File("/x"); } d.mkdirs();`, "", "d"},
		{"a read", `Files.readString(Path.of(name));`, "", ""},
		{"a delete", `FileSystemUtils.deleteRecursively(Path.of(TEMP_PATH));`, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte("class A {\n  void f() throws Exception {\n    " + c.src + "\n  }\n}\n")
			paths := ws.Paths(src)
			if c.path == "" && len(paths) > 0 || c.path != "" && !slices.Equal(paths, []string{c.path}) {
				t.Errorf("literal writes %q, want %q", paths, c.path)
			}
			var exprs []string
			for _, u := range ws.UnnamedWrites(src) {
				exprs = append(exprs, u.Text)
			}
			if c.expr == "" && len(exprs) > 0 || c.expr != "" && !slices.Equal(exprs, []string{c.expr}) {
				t.Errorf("unnamed writes %q, want %q", exprs, c.expr)
			}
		})
	}
}
