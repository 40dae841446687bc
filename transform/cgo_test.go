package transform

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// The build context keeps cgo on when it shows the program needs it, and
// only then: a module of the preset's list (not one whose path merely
// starts the same), import "C" alone or in a group, outside the folders
// and files the go tool does not build, within the bounds of the search.
func TestCgoFromContext(t *testing.T) {
	const df = "FROM golang:1.26\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nCMD [\"/app/server\"]\n"
	gomod := func(req string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("module example.com/x\n\ngo 1.26\n\nrequire " + req + " v1.0.0\n")}
	}
	cgoFile := &fstest.MapFile{Data: []byte("package x\n\n// #include <stdlib.h>\nimport \"C\"\n")}
	many := fstest.MapFS{"go.mod": gomod("example.com/y")}
	for i := range libcScanFiles {
		many[fmt.Sprintf("p/f%05d.go", i)] = &fstest.MapFile{Data: []byte("package p\n")}
	}
	many["z/late.go"] = cgoFile
	for name, c := range map[string]struct {
		ctx  fstest.MapFS
		cgo  bool
		note string
	}{
		"go.mod":                {fstest.MapFS{"go.mod": gomod("github.com/mattn/go-sqlite3")}, true, "go.mod names github.com/mattn/go-sqlite3"},
		"go.sum only":           {fstest.MapFS{"go.sum": {Data: []byte("github.com/mattn/go-sqlite3 v1.14.24 h1:x=\n")}}, true, "go.sum names"},
		"longer module path":    {fstest.MapFS{"go.mod": gomod("github.com/mattn/go-sqlite3x")}, false, ""},
		"kafka v2":              {fstest.MapFS{"go.mod": gomod("github.com/confluentinc/confluent-kafka-go/v2")}, true, "confluent-kafka-go/v2"},
		"import C":              {fstest.MapFS{"a/b.go": cgoFile}, true, `a/b.go imports "C"`},
		"grouped import":        {fstest.MapFS{"a.go": {Data: []byte("package x\n\n// #include <stdlib.h>\nimport (\n\t\"C\"\n)\n")}}, true, `a.go imports "C"`},
		"import of another pkg": {fstest.MapFS{"a.go": {Data: []byte("package x\n\nimport \"Cx\"\n")}}, false, ""},
		"vendor":                {fstest.MapFS{"vendor/v/v.go": cgoFile}, false, ""},
		"testdata":              {fstest.MapFS{"testdata/t.go": cgoFile}, false, ""},
		"hidden folder":         {fstest.MapFS{".git/x.go": cgoFile, "_old/x.go": cgoFile}, false, ""},
		"not a go file":         {fstest.MapFS{"a.c": cgoFile}, false, ""},
		"past the file bound":   {many, false, ""},
	} {
		res, err := Convert([]byte(df), Options{Context: c.ctx})
		if err != nil || res.Declined != "" {
			t.Fatalf("%s: %v %s", name, err, res.Declined)
		}
		out := string(res.Output)
		if got := !strings.Contains(out, "CGO_ENABLED=0"); got != c.cgo {
			t.Errorf("%s: cgo kept = %v, want %v\n%s", name, got, c.cgo, out)
		}
		if c.cgo && !strings.Contains(out, "base-debian13") {
			t.Errorf("%s: cgo kept but no glibc runtime\n%s", name, out)
		}
		var notes []string
		for _, n := range res.Notes {
			notes = append(notes, n.String())
		}
		if c.note != "" && !strings.Contains(strings.Join(notes, "\n"), c.note) {
			t.Errorf("%s: want a note with %q, got\n%s", name, c.note, strings.Join(notes, "\n"))
		}
	}
}

// A file that sets the static switch itself is trusted: the context is not
// read against it.
func TestCgoContextDoesNotOverrideTheFile(t *testing.T) {
	df := "FROM golang:1.26\nENV CGO_ENABLED=0\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nCMD [\"/app/server\"]\n"
	ctx := fstest.MapFS{"go.mod": {Data: []byte("module x\n\nrequire github.com/mattn/go-sqlite3 v1.14.24\n")}}
	res, err := Convert([]byte(df), Options{Context: ctx})
	if err != nil || res.Declined != "" {
		t.Fatal(err, res.Declined)
	}
	if !strings.Contains(string(res.Output), "static-debian13") {
		t.Errorf("the file's CGO_ENABLED=0 must win:\n%s", res.Output)
	}
}
