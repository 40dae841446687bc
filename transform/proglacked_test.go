package transform

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/restage/restage/presets"
)

// A program the sources run that the builder image lacks (curl on
// node:22-slim) and no install of the file gives is not fitted: no
// flavor is chosen and nothing installed for it, and warning RS367 says
// the calls behave as they did (brief w2notes, item 1; review 5, H).
func TestProgramLackedByBuilder(t *testing.T) {
	js := func(src string) fstest.MapFS {
		return fstest.MapFS{
			"package.json":      {Data: []byte(`{"name":"a","version":"1.0.0"}`)},
			"package-lock.json": {Data: []byte(`{"name":"a","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{"":{"name":"a","version":"1.0.0"}}}`)},
			"index.js":          {Data: []byte(src)},
		}
	}
	cases := []struct {
		name, from, run, src string
		lacked               bool   // RS367 expected
		install              string // a package the runtime installs, or ""
		image                string // the runtime image's start
	}{
		{"slim lacks curl", "node:22-slim", "", `require("child_process").execFileSync("curl", ["-fsS", "https://example.com"]);`, true, "", "gcr.io/distroless/nodejs22"},
		{"full image has curl", "node:22", "", `require("child_process").execFileSync("curl", ["-fsS", "https://example.com"]);`, false, "curl", "node:22-slim"},
		{"the file installs curl", "node:22-slim", "RUN apt-get update && apt-get install -y curl\n", `require("child_process").execFileSync("curl", ["-fsS", "https://example.com"]);`, false, "curl", "node:22-slim"},
		{"alpine lacks bash", "node:22-alpine", "", `require("child_process").execFileSync("bash", ["x.sh"]);`, true, "", ""},
		{"slim lacks git, has chmod", "node:22-slim", "", `const cp = require("child_process"); cp.execFileSync("git", ["pull"]); cp.execFileSync("chmod", ["+x", "t"]);`, true, "", "node:22-slim"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := "FROM " + c.from + "\n" + c.run + "WORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n"
			res, err := Convert([]byte(src), Options{Context: js(c.src)})
			if err != nil || res.Declined != "" {
				t.Fatalf("Convert: %v %s", err, res.Declined)
			}
			final := string(res.Output[bytes.LastIndex(res.Output, []byte("\nFROM ")):])
			if c.image != "" && !strings.HasPrefix(final, "\nFROM "+c.image) {
				t.Errorf("runtime stage starts %q, want FROM %s", strings.SplitN(final, "\n", 3)[1], c.image)
			}
			installs := strings.Contains(final, "install") && c.install != "" && strings.Contains(final, " "+c.install+" ")
			if c.install != "" && !installs {
				t.Errorf("the runtime does not install %s:\n%s", c.install, final)
			}
			if c.install == "" && strings.Contains(final, "install") {
				t.Errorf("the runtime installs something:\n%s", final)
			}
			var lacked []string
			for _, n := range res.Notes {
				switch n.Code {
				case warnProgramLacked:
					lacked = append(lacked, n.Message)
				case infoProgramInstall, warnProgramMissing:
					if c.lacked && !strings.Contains(n.Message, "chmod") {
						t.Errorf("%s given for a program the builder lacks: %s", n.Code, n.Message)
					}
				}
			}
			if got := len(lacked) > 0; got != c.lacked {
				t.Fatalf("RS367 given: %v, want %v (notes %v)", got, c.lacked, res.Notes)
			}
			for _, m := range lacked {
				if !strings.Contains(m, "the original image "+c.from+" does not have") || !strings.Contains(m, "behave as they did") {
					t.Errorf("RS367 wording: %s", m)
				}
				if strings.Contains(m, "chmod") {
					t.Errorf("RS367 names chmod, which node:22-slim has: %s", m)
				}
			}
		})
	}
}

// A program the builder lacks that the runtime has anyway (chosen for
// another reason) makes those calls run where they failed: RS367 says
// so. No built-in preset lists such a program, so the node preset is
// read with chmod added to what its slim images lack.
func TestProgramLackedRuntimeHasIt(t *testing.T) {
	data, err := presets.FS.ReadFile("node.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const lacks = `programs: [curl, wget, git], packages: [ca-certificates]}]`
	if !bytes.Contains(data, []byte(lacks)) {
		t.Fatalf("node.yaml no longer holds %q; update the test", lacks)
	}
	data = bytes.Replace(data, []byte(lacks), []byte(`programs: [curl, wget, git, chmod], packages: [ca-certificates]}]`), 1)
	node, err := presets.Parse("node.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := presets.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ctx := fstest.MapFS{
		"package.json": {Data: []byte(`{"name":"a","version":"1.0.0"}`)},
		"index.js":     {Data: []byte(`require("child_process").execFileSync("chmod", ["+x", "t"]);`)},
	}
	// The shell-form CMD needs a shell: slim, which has chmod.
	src := "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD node index.js > /tmp/log 2>&1\n"
	res, err := Convert([]byte(src), Options{Context: ctx, Presets: presets.Merge(builtin, []*Preset{node})})
	if err != nil || res.Declined != "" {
		t.Fatalf("Convert: %v %s", err, res.Declined)
	}
	for _, n := range res.Notes {
		if n.Code == warnProgramLacked {
			if !strings.Contains(n.Message, "runtime slim has it, so they now run") {
				t.Errorf("RS367 wording: %s", n.Message)
			}
			return
		}
	}
	t.Errorf("no RS367 among %v", res.Notes)
}
