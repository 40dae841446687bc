package presets

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestParseErrors checks that a bad preset is reported with the
// line of the offending value.
func TestParseErrors(t *testing.T) {
	base := "name: x\ndetect:\n  images: [x]\nruntimes:\n  - flavor: a\n    libc: none\n    image: a\n"
	cases := []struct{ yaml, want string }{
		{"", "p.yaml: empty preset"},
		{"name: x\nbogus: 1\n", `p.yaml:2: unknown field "bogus" (known: name, title, description, detect, `},
		{"name: X\ndetect:\n  images: [x]\n", `p.yaml:1: name "X" must be lower case`},
		{"name: x\n", "p.yaml:1: detect.images needs at least one image pattern"},
		{base + "  - flavor: b\n    libc: plan9\n    image: b\n", `p.yaml:9: runtime libc "plan9"`},
		{base + "  - flavor: b\n    libc: glibc\n    image: '{{.x'\n", "p.yaml:10: bad image template"},
		{base + "build:\n  - command: go build\n    artifact: {name: [bogus]}\n", `p.yaml:10: unknown artifact name source "bogus"`},
		{base + "decline:\n  - reason: r\n", "p.yaml:9: a decline rule needs exactly one of image_tag, run_command and source"},
		{base + "decline:\n  - {source: '(', reason: r}\n", "p.yaml:9: bad pattern"},
		{base + "decline:\n  - {run_command: x, unless_env: {A: b}, reason: r}\n", "p.yaml:9: unless_env goes with source only"},
		{base + "builder:\n  variants:\n    - tag: '('\n      libc: glibc\n", "p.yaml:10: bad tag pattern"},
		{base + "fallback: [nope]\n", `p.yaml:8: fallback flavor "nope" has no runtime`},
		{base + "default_flavor: nope\n", `p.yaml:8: default_flavor "nope" has no runtime`},
		{base + "static:\n  libc_deps: {files: [go.mod], why: w}\n", "p.yaml:9: static.libc_deps needs files, names and why"},
		{base + "static:\n  libc_deps: {files: [go.mod], why: w, names: [a@v1]}\n", `p.yaml:9: "a@v1" is not a dependency name`},
		{base + "static:\n  libc_deps: {files: [f], why: w, names: [a], match: '\"a\"'}\n", "p.yaml:9: static.libc_deps.match needs {name}"},
		{base + "static:\n  libc_deps: {files: [f], why: w, names: [a], signs: [{pattern: x}]}\n", "p.yaml:9: a sign needs a pattern and why"},
		{base + "static:\n  libc_deps: {files: [f], why: w, names: [a], lockfiles: [{file: f}]}\n", "p.yaml:9: a lockfile needs file and why"},
		{base + "static:\n  libc_sources: {ext: .go, why: w, pattern: '('}\n", "p.yaml:9: bad pattern"},
		{base + "static:\n  needs_libc: [{pattern: gcc, why: w, means: true}]\n", "p.yaml:9: a sign marked means needs static.pure or static.means_unused"},
		{base + "static:\n  means_unused: {installs: [npm ci], manifest: package.json, why: w}\n", "p.yaml:9: static.means_unused needs static.libc_deps.lockfiles"},
		{base + "static:\n  libc_deps: {files: [f], why: w, names: [a], lockfiles: [{file: f, why: w}]}\n  means_unused: {installs: [npm ci], why: w}\n", "p.yaml:10: static.means_unused needs installs, manifest and why"},
		{base + "static:\n  libc_deps: {files: [f], why: w, names: [a], lockfiles: [{file: f, why: w}]}\n  means_unused: {installs: [npm ci], manifest: m, why: w, files: [a/binding.gyp]}\n", `p.yaml:10: "a/binding.gyp" is not a file name`},
		{base + "static:\n  libc_sources: {ext: .go, why: w, pattern: x, skip: ['[']}\n", "p.yaml:9: bad pattern"},
		{base + "builder:\n  version_sources:\n    - file: f\n      pattern: '(\\d+)'\n", "p.yaml:11: pattern \"(\\\\d+)\" has no named group"},
		{base + "builder:\n  version_sources:\n    - file: f\n      pattern: '(?P<v>\\d+)'\n      upper: {group: hi, of: v}\n", "p.yaml:12: upper needs group and of"},
		{base + "builder:\n  variants:\n    - tag: ''\n      libc: glibc\n      flavors: [nope]\n", `p.yaml:12: flavor "nope" has no runtime`},
		{base + "builder:\n  variants:\n    - tag: ''\n      from_context: [v]\n      decline: r\n", `p.yaml:10: variant libc "" must be glibc or musl`},
		{base + "runners:\n  - commands: [x start]\n    file: f.json\n    key: k\n    built_scripts:\n      - hooks: [h]\n", "p.yaml:13: a built script needs a key"},
		{base + "runners:\n  - commands: [x run]\n    strip: true\n    dev_key: devDependencies\n", "p.yaml:9: built_scripts and dev_key are read from the runner's file"},
		{base + "runners:\n  - commands: [x start]\n    file: f.json\n    key: k\n    flags: [-q]\n", "p.yaml:9: flags, value_flags, decline_flags and end are the options of a runner that strips"},
		{base + "runners:\n  - commands: [x start]\n    file: f.json\n    key: k\n    programs: [x exec]\n", "p.yaml:9: scripts and programs are followed for programs of development dependencies: dev_key is not set"},
		{base + "runners:\n  - commands: [x start]\n    file: f.json\n    key: k\n    dev_key: d\n    scripts: [x run]\n", "p.yaml:9: scripts needs scripts_key"},
		{base + "run_files:\n  literal: '\"(.*)\"'\n", "p.yaml:8: run_files needs sources.ext and literal"},
		{base + "run_files:\n  sources: {ext: [go]}\n  literal: '\"(.*)\"'\n", `p.yaml:9: "go" is not a file ending`},
		{base + "run_files:\n  sources: {ext: [.go]}\n  literal: '\"[^\"]*\"'\n", "p.yaml:10: the literal pattern needs a capturing group"},
		{base + "run_files:\n  sources: {ext: [.go]}\n  literal: '\"(.*)\"'\n  build_inputs: [a/b]\n", `p.yaml:11: bad pattern "a/b"`},
		{base + "run_files:\n  sources: {ext: [.go]}\n  literal: '\"(.*)\"'\n  build_inputs_read:\n    - {in: '(', names: ['*.proto']}\n", `p.yaml:11: bad regexp "(" in in`},
		{base + "run_files:\n  sources: {ext: [.go]}\n  literal: '\"(.*)\"'\n  build_inputs_read:\n    - {in: 'x'}\n", "p.yaml:11: names is empty"},
		{base + "run_files:\n  sources: {ext: [.go]}\n  literal: '\"(.*)\"'\n  reads:\n    - {call: 'x\\(\\)', why: w}\n", "p.yaml:12: a read needs files, or a call with a group"},
		{base + "run_files:\n  sources: {ext: [.go]}\n  literal: '\"(.*)\"'\n  reads:\n    - {call: 'x', why: w, files: [/etc/x]}\n", `p.yaml:12: "/etc/x" is not a path relative`},
		{base + "writes:\n  writable: [tmp]\n", `p.yaml:9: "tmp" is not an absolute path`},
		{base + "writes:\n  writable: ['/[']\n", "p.yaml:9: bad pattern"},
		{base + "writes:\n  sources: {ext: [.go]}\n", "p.yaml:9: writes.sources needs ext and patterns"},
		{base + "writes:\n  sources: {ext: [go], patterns: ['(?P<path>x)']}\n", `p.yaml:9: "go" is not a file ending`},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['os.Create(\"(x)']}\n", "p.yaml:9: bad pattern"},
		{base + "writes:\n  sources: {ext: [.py], patterns: ['(?P<path>x)'], named_values: [{calls: ['f\\((?P<name>\\w+)'], value: '(?P<path>.*)'}]}\n", "p.yaml:9: a named value needs calls, a value and bindings with patterns"},
		{base + "writes:\n  sources: {ext: [.py], patterns: ['(?P<path>x)'], named_values: [{calls: ['f\\((\\w+)'], value: '(?P<path>.*)', bindings: {patterns: ['(?P<name>\\w+)=(?P<value>.*)']}}]}\n", "p.yaml:9: pattern \"f\\\\((\\\\w+)\" has no group named name"},
		{base + "writes:\n  sources: {ext: [.py], patterns: ['(?P<path>x)'], named_values: [{calls: ['f\\((?P<name>\\w+)'], value: 'x', bindings: {patterns: ['(?P<name>\\w+)=(?P<value>.*)']}}]}\n", "p.yaml:9: pattern \"x\" has no group named path"},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['os.Create\\(\"([^\"]+)']}\n", "p.yaml:9: pattern"},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], skip: ['[']}\n", "p.yaml:9: bad pattern"},
		{base + "writes:\n  sources: {ext: [.py], patterns: ['x(?P<path>y)'], skip_holding: [a/pyvenv.cfg]}\n", `p.yaml:9: "a/pyvenv.cfg" is not a file name`},
		{base + "writes:\n  sources: {ext: [.py], patterns: ['x(?P<path>y)'], aliases: {names: '(?P<name>a)(?P<alias>b)'}}\n", "p.yaml:9: aliases need statements"},
		{base + "writes:\n  sources: {ext: [.py], patterns: ['x(?P<path>y)'], aliases: {statements: ['import (?P<mod>a)'], names: '(?P<name>a)(?P<alias>b)'}}\n", `p.yaml:9: pattern "import (?P<mod>a)" needs a group named names`},
		{base + "writes:\n  sources: {ext: [.py], patterns: ['x(?P<path>y)'], aliases: {statements: ['import (?P<names>a)'], names: '(?P<name>a)'}}\n", `p.yaml:9: names "(?P<name>a)" must be a pattern with groups named name and alias`},
		{base + "builder:\n  variants:\n    - tag: ''\n      libc: glibc\n      workdir: home/gradle\n", `p.yaml:12: variant workdir "home/gradle" must be an absolute path`},
		{base + "build:\n  - command: uv sync\n    prepare:\n      lines: [RUN x]\n      own: [{named: true}]\n", "p.yaml:12: an own entry with named needs a dir"},
		{base + "build:\n  - command: uv pip install\n    drop_args: [{arg: --system, why: w, without: o}]\n", "p.yaml:10: a drop arg needs arg, why and without, env and when together, and the command's prepare"},
		{base + "build:\n  - command: uv pip install\n    prepare: {lines: [RUN x]}\n    drop_args: [{arg: --system, why: w, without: o, env: UV_SYSTEM_PYTHON}]\n", "p.yaml:11: a drop arg needs arg, why and without, env and when together"},
		{base + "build:\n  - command: uv sync\n    prepare:\n      lines: [RUN x]\n      own: [{env: V, named: true, dir: .venv}]\n", "p.yaml:12: an own entry needs exactly one of env, flag and named"},
		{base + "runtime_packages:\n  - command: apt-get install\n    install: x {{.}}\n    when: {debian: '('}\n", `p.yaml:11: bad pattern "(" for debian`},
		{base + "runtime_packages:\n  - command: apk add\n    install: x {{.}}\n    release: {value: alpine}\n", "p.yaml:11: a release needs a value and what"},
		{base + "  - flavor: b\n    libc: glibc\n    image: b\n    shell: true\n    install: x {{.}}\n    installs: [curl]\n    installs_with: [{programs: [wget], packages: [ca-certificates], why: w}]\n", `p.yaml:14: program "wget" is not one of installs`},
		{base + "  - flavor: b\n    libc: glibc\n    image: b\n    shell: true\n    install: x {{.}}\n    installs: [curl]\n    installs_with: [{programs: [curl], packages: [ca-certificates]}]\n", "p.yaml:14: installs_with needs programs, packages and why"},
		{base + "  - flavor: b\n    libc: glibc\n    image: b\n    release: {value: release, image: noble}\n", "p.yaml:11: release needs value, image and what"},
		{base + "  - flavor: b\n    libc: glibc\n    image: b\n    release: {value: release, image: '{{.release', what: w}\n", "p.yaml:11: bad template"},
		{base + "runtime_packages:\n  - command: apk add\n    install: x {{.}}\n    programs: {build-base: []}\n", `p.yaml:11: package "build-base" needs the names of the programs it brings`},
		{base + "runtime_packages:\n  - command: apk add\n    install: x {{.}}\n    alongside: ['[']\n", `p.yaml:9: bad pattern "["`},
		{base + "runtime_packages:\n  - command: apk add\n    install: x {{.}}\n    group_flags: [--virtual]\n", `p.yaml:11: "--virtual" is not one of value_flags`},
		{base + "runtime_packages:\n  - command: apt-get install\n    install: x {{.}}\n    lean_flags: [--no-install-recommends]\n    recommends: {docker.io: []}\n", `p.yaml:12: package "docker.io" needs the packages it recommends`},
		{base + "runtime_packages:\n  - command: apt-get install\n    install: x {{.}}\n    recommends: {docker.io: [docker-cli]}\n", `p.yaml:11: recommends needs lean_flags, the options that leave recommendations out`},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], sockets: {what: w, paths: [/s]}}\n", "p.yaml:9: sockets needs what, group and paths"},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], sockets: {what: w, group: g, paths: [s]}}\n", `p.yaml:9: "s" is not a clean absolute path`},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], sockets: {what: w, group: g, paths: [/s], literals: [x]}}\n", `p.yaml:9: pattern "x" has no group named path`},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], sockets: {what: w, group: g, paths: [/s], clients: [{name: n, call: c, path: /t}]}}\n", "p.yaml:9: a client needs name, call and a path among paths"},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], sockets: {what: w, group: g, paths: [/s], clients: [{name: n, in: '(', call: c, path: /s}]}}\n", "p.yaml:9: bad pattern"},
		// Unchecked, a bad one reached re's panic at the first source
		// read, and their literal groups were left out of builtinLiterals.
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], root_reads: ['(']}\n", "p.yaml:9: bad pattern"},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], root_reads: ['os\\.UserHomeDir']}\n", "p.yaml:9: pattern \"os\\\\.UserHomeDir\" has no group named path or home"},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], unnamed_config: ['(']}\n", "p.yaml:9: bad pattern"},
		{base + "writes:\n  sources: {ext: [.go], patterns: ['x(?P<path>y)'], unnamed_config: ['open\\((x)']}\n", "p.yaml:9: pattern \"open\\\\((x)\" has no group named expr"},
		{base + "writes:\n  bogus: 1\n", `p.yaml:9: unknown field "bogus" in writes (known: writable, sources)`},
		{base + "runtime_packages:\n  - command: apt-get install\n    install: x {{.}}\n    sources: ['(']\n", "p.yaml:11: bad pattern"},
		{base + "runtime_packages:\n  - command: apt-get install\n    install: x {{.}}\n    builder_libs: {tag: '^3', why: w, word: '^{name}$'}\n", "p.yaml:11: builder_libs needs a tag, deps, why"},
		{base + "runtime_packages:\n  - command: apt-get install\n    install: x {{.}}\n    builder_libs: {tag: '^3', why: w, files: [f], deps: [{name: a, packages: [b]}]}\n", "p.yaml:11: builder_libs needs a tag, deps, why"},
		{base + "runtime_packages:\n  - command: apt-get install\n    install: x {{.}}\n    builder_libs: {tag: '^3', why: w, word: '^a$', deps: [{name: a, packages: [b]}]}\n", "p.yaml:11: word needs {name}"},
		{base + "runtime_packages:\n  - command: apt-get install\n    install: x {{.}}\n    builder_libs: {tag: '(', why: w, word: '^{name}$', deps: [{name: a, packages: [b]}]}\n", "p.yaml:11: bad pattern"},
		{base + "runtime_packages:\n  - command: apt-get install\n    install: x {{.}}\n    builder_libs: {tag: '^3', why: w, word: '^{name}$', deps: [{name: a}]}\n", "p.yaml:11: a dependency needs a name and packages"},
		{base + "run_files:\n  sources: {ext: [.java]}\n  literal: '\"(.*)\"'\n  reads: [{call: x, files: [config], why: w, holding: ['/config/a.yml']}]\n", `p.yaml:11: "/config/a.yml" is not a glob on a path inside the folder`},
		{base + "run_files:\n  sources: {ext: [.java]}\n  literal: '\"(.*)\"'\n  reads: [{call: x, files: [config], why: w, holding: ['[']}]\n", `p.yaml:11: "[" is not a glob on a path inside the folder`},
		{base + "programs:\n  ext: [.java]\n  calls: ['(?P<prog>x)']\n  command_strings: '\"(x'\n", "p.yaml:11: bad pattern"},
		{base + "programs:\n  ext: [.java]\n  calls: ['(?P<prog>x)']\n  command_strings: '\"(x)\"'\n", "p.yaml:11: pattern \"\\\"(x)\\\"\" has no group named prog"},
		{base + "programs:\n  ext: [.java]\n  calls: ['(?P<prog>x)']\n  command_strings: '\"(?P<prog>x)\"'\n  command_strings_in: '('\n", "p.yaml:12: bad pattern"},
		{base + "programs:\n  ext: [.java]\n  calls: ['(?P<prog>x)']\n  needs: [{call: y, tools: [javac]}]\n", "p.yaml:11: a need needs call, tools and why"},
		{base + "programs:\n  ext: [.java]\n  calls: ['(?P<prog>x)']\n  needs: [{call: '(', tools: [javac], why: w}]\n", "p.yaml:11: bad pattern"},
		{base + "programs:\n  ext: [.java]\n  calls: ['(?P<prog>x)']\n  needs: [{call: y, tools: [bin/javac], why: w}]\n", `p.yaml:11: "bin/javac" is not a tool name`},
		{base + "build:\n  - command: yarn install\n    app: true\n    outputs_unless: [{file: .yarnrc.yml, why: w}]\n", "p.yaml:11: an outputs_unless entry needs"},
		{base + "build:\n  - command: yarn install\n    app: true\n    outputs: [node_modules]\n    outputs_unless: [{file: package.json, key: packageManager, why: w}]\n", "p.yaml:12: an outputs_unless entry needs"},
		{base + "build:\n  - command: yarn install\n    app: true\n    outputs: [node_modules]\n    outputs_unless: [{run: '(', why: w}]\n", "p.yaml:12: error parsing regexp"},
		{base + "command_options:\n  - {after: poetry}\n", "p.yaml:9: a command_options entry needs"},
		{base + "build:\n  - command: yarn install\n    app: true\n    prune: p\n    prune_off: [{file: package.json, key: packageManager, why: w}]\n", "p.yaml:12: a prune_off entry needs"},
		{base + "build:\n  - command: yarn install\n    app: true\n    prune: p\n    prune_off: [{file: package.json, run: corepack, why: w}]\n", "p.yaml:12: a prune_off entry needs"},
		{base + "build:\n  - command: yarn install\n    app: true\n    prune: p\n    prune_off: [{run: '(', why: w}]\n", "p.yaml:12: error parsing regexp"},
	}
	for _, c := range cases {
		_, err := Parse("p.yaml", []byte(c.yaml))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Parse(%q)\n  = %v\nwant prefix %q", c.yaml, err, c.want)
		}
	}
	if _, err := Parse("p.yaml", []byte(base)); err != nil {
		t.Errorf("minimal preset: %v", err)
	}
}

// TestBuiltinPresetsParse keeps the shipped presets valid and distinct.
func TestBuiltinPresetsParse(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.yaml")
	if len(ps) != len(files) || len(ps) < 4 {
		t.Fatalf("%d presets from %d files", len(ps), len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(f, data); err != nil {
			t.Error(err)
		}
	}
}

// TestUnknownFieldSaysWhere checks that a misspelt key is named with its
// YAML path and the keys allowed there, never with a Go type.
func TestUnknownFieldSaysWhere(t *testing.T) {
	base := "name: x\ndetect:\n  images: [x]\nruntimes:\n  - flavor: a\n    libc: none\n    image: a\n"
	cases := []struct{ yaml, want string }{
		{base + "  - flavor: b\n    libc: none\n    image: b\n    bogus: 1\n",
			`p.yaml:11: unknown field "bogus" in runtimes[1] (known: flavor, libc, image, shell, tools, users, user, image_user, env, entrypoint, entrypoint_shell, when, copy, size_mb, why, install, installs, installs_with, base, vm, vm_options, packages, release)`},
		{"name: x\ndetect:\n  imagez: [x]\n", `p.yaml:3: unknown field "imagez" in detect (known: images, commands, context_files)`},
		{base + "build:\n  - command: go build\n    artifact:\n      dirr: /out\n", `p.yaml:11: unknown field "dirr" in build[0].artifact (known: output_flag, `},
		{base + "sizes:\n  builder:\n    - {tag: x, mbb: 1}\n", `p.yaml:10: unknown field "mbb" in sizes.builder[0] (known: tag, mb)`},
	}
	for _, c := range cases {
		_, err := Parse("p.yaml", []byte(c.yaml))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Parse(%q)\n  = %v\nwant prefix %q", c.yaml, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "presets.") {
			t.Errorf("a Go type name in %q", err)
		}
	}
}

// TestFlavors lists each flavor once, in the order of first appearance.
func TestFlavors(t *testing.T) {
	a, err := Parse("a.yaml", []byte("name: a\ndetect: {images: [a]}\nruntimes:\n  - {flavor: one, libc: none, image: a}\n  - {flavor: two, libc: none, image: b}\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("b.yaml", []byte("name: b\ndetect: {images: [b]}\nruntimes:\n  - {flavor: two, libc: none, image: a}\n  - {flavor: three, libc: none, image: b}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(Flavors([]*Preset{a, b}), ","); got != "one,two,three" {
		t.Errorf("Flavors = %s", got)
	}
}

// TestVersionSourceRead: a source pins a value only when its pattern
// matches, and an exclusive upper bound must close the same major.
func TestVersionSourceRead(t *testing.T) {
	p, err := Parse("p.yaml", []byte(`name: x
detect:
  images: [x]
builder:
  version_sources:
    - file: package.json
      json: engines.node
      pattern: '^\s*>=\s*(?P<major>\d+)(\.\d+)*\s*<\s*(?P<below>\d+)\s*$'
      upper: {group: below, of: major}
runtimes:
  - flavor: a
    libc: none
    image: a
`))
	if err != nil {
		t.Fatal(err)
	}
	vs := &p.Builder.VersionSources[0]
	for in, want := range map[string]string{">=22 <23": "22", ">=22.1 <23": "22", ">=22 <24": "", ">=18": "", "<23": ""} {
		got := vs.Read(in)
		if got["major"] != want || (want == "" && got != nil) {
			t.Errorf("Read(%q) = %v, want major %q", in, got, want)
		}
		if _, ok := got["below"]; ok {
			t.Errorf("Read(%q) = %v: the bound's group is not a value", in, got)
		}
	}
	if !vs.Gives("major") || vs.Gives("below2") {
		t.Errorf("Gives: wrong group names")
	}
}

// TestMatchesImageFullRepository: a glob with a slash matches the whole
// repository, one without the last path element.
func TestMatchesImageFullRepository(t *testing.T) {
	p := &Preset{Detect: Detect{Images: []string{"golang", "cgr.dev/chainguard/go"}}}
	for repo, want := range map[string]bool{
		"golang": true, "registry.example.com/library/golang": true, "dhi.io/golang": true,
		"cgr.dev/chainguard/go": true, "example.com/go": false, "go": false,
	} {
		if got := p.MatchesImage(repo); got != want {
			t.Errorf("MatchesImage(%q) = %v, want %v", repo, got, want)
		}
	}
}

// TestWrites reads write calls in the order they appear and tells the
// folders every user may write from the others.
func TestWrites(t *testing.T) {
	base := "name: x\ndetect:\n  images: [x]\nruntimes:\n  - flavor: a\n    libc: none\n    image: a\n"
	p, err := Parse("p.yaml", []byte(base+"writes:\n  writable: [/tmp]\n  sources:\n    ext: [.go]\n    patterns:\n      - 'os\\.Create\\(\"(?P<path>[^\"]+)\"'\n      - 'os\\.MkdirAll\\(\"(?P<path>[^\"]+)\"'\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := p.Writes.Sources.Paths([]byte(`os.MkdirAll("uploads", 0o755); os.Create("internal.db"); os.MkdirAll("/etc/x", 0)`))
	if want := []string{"uploads", "internal.db", "/etc/x"}; !slices.Equal(got, want) {
		t.Errorf("Paths = %q, want %q", got, want)
	}
	for path, want := range map[string]bool{"/tmp": true, "/tmp/a/b": true, "/tmpx": false, "/etc/todos": false, "/": false} {
		if got := p.Writes.Writable(path); got != want {
			t.Errorf("Writable(%q) = %v, want %v", path, got, want)
		}
	}
	if !p.Writes.Sources.Reads("cmd/main.go") || p.Writes.Sources.Reads("main.go.txt") {
		t.Error("Reads does not go by the file ending")
	}
}

// TestNodeLibcDeps checks how the node preset tells native modules from
// the files of a build context and from RUN words.
func TestNodeLibcDeps(t *testing.T) {
	d := builtinPreset(t, "node").Static.LibcDeps
	if d == nil {
		t.Fatal("node preset has no static.libc_deps")
	}
	for _, c := range []struct {
		file, want string
	}{
		{`"dependencies": {"bcrypt": "^5.1.1"}`, "bcrypt"},
		{`"node_modules/better-sqlite3": {`, "better-sqlite3"},
		{"sharp@^0.33.5:\n  version \"0.33.5\"", "sharp"},
		{`"@prisma/client@npm:^5.0.0":`, "@prisma/client"},
		{`"devDependencies": {"@types/bcrypt": "^5"}`, ""},
		{`"dependencies": {"bcryptjs": "^2.4.3"}`, ""},
		{`"node_modules/sqlite3-helper": {`, ""},
	} {
		got, _ := d.InFile([]byte(c.file))
		if got != c.want {
			t.Errorf("InFile(%s) = %q, want %q", c.file, got, c.want)
		}
	}
	for _, c := range []struct{ word, want string }{
		{"bcrypt@5.1.1", "bcrypt"},
		{"@prisma/client@5.22.0", "@prisma/client"},
		{"@prisma/client", "@prisma/client"},
		{"@types/bcrypt", ""},
		{"bcryptjs", ""},
	} {
		if got, _ := d.Named(c.word); got != c.want {
			t.Errorf("Named(%s) = %q, want %q", c.word, got, c.want)
		}
	}
	for _, c := range []struct {
		file string
		want bool
	}{
		{`"node_modules/x": {"hasInstallScript": true}`, true},
		{`"node_modules/@next/swc-linux-x64-musl": {"optional": true}`, true},
		{`"node_modules/@img/sharp-linuxmusl-x64": {}`, true},
		{`"node_modules/express": {"version": "4.21.2"}`, false},
		{`"node_modules/muslim-names": {}`, false},
	} {
		if _, got := d.SignIn([]byte(c.file)); got != c.want {
			t.Errorf("SignIn(%s) = %v, want %v", c.file, got, c.want)
		}
	}
	lock := d.Lockfiles[0]
	if !lock.Records([]byte(`{"lockfileVersion": 3}`)) || lock.Records([]byte(`{"lockfileVersion": 1}`)) {
		t.Errorf("package-lock.json: version 3 records install scripts, version 1 does not")
	}
}

// TestPythonBuilderLibs checks how the python preset tells the packages
// that need a library of the full python image from the files of a build
// context and from RUN words, and on which tags.
func TestPythonBuilderLibs(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var b *BuilderLibs
	for _, p := range ps {
		if p.Name == "python" {
			for i := range p.RuntimePackages {
				if p.RuntimePackages[i].BuilderLibs != nil {
					b = p.RuntimePackages[i].BuilderLibs
				}
			}
		}
	}
	if b == nil {
		t.Fatal("python preset has no runtime_packages[].builder_libs")
	}
	for tag, want := range map[string]bool{
		"3.11": true, "3.11.4": true, "3.12-bookworm": true, "3-bookworm": true, "3": true, "latest": true,
		"bookworm": true, "3.14.0rc1": true,
		"3.12-slim": false, "3.12-slim-bookworm": false, "slim": false, "3.12-alpine": false, "alpine3.20": false,
	} {
		if got := b.Builds(tag); got != want {
			t.Errorf("Builds(%s) = %v, want %v", tag, got, want)
		}
	}
	names := func(ds []*LibDep) string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Name)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct{ file, want string }{
		{"Flask==3.0.0\npsycopg2==2.9.10\n", "psycopg2"},
		{"psycopg2-binary==2.9.9\nmysqlclient\n", "mysqlclient"},
		{"MySQLClient>=2 ; sys_platform == 'linux'\n", "mysqlclient"},
		{"psycopg[pool]>=3.1\npsycopg-pool\n", "psycopg"},
		{`dependencies = ["psycopg2>=2.9", "django"]`, "psycopg2"},
		{"[packages]\npsycopg2 = \"*\"\n", "psycopg2"},
		{"name = \"psycopg2-binary\"\nname = \"mysqlclient\"\n", "mysqlclient"},
		{`"psycopg2": {"version": "==2.9.10"}`, "psycopg2"},
		{"# psycopg2 is not used here\npsycopg2-binary\n", ""},
		{"mysqlclient\npsycopg2\nmysqlclient==2\n", "mysqlclient psycopg2"},
	} {
		if got := names(b.InFile([]byte(c.file))); got != c.want {
			t.Errorf("InFile(%q) = %q, want %q", c.file, got, c.want)
		}
	}
	for _, c := range []struct{ word, want string }{
		{"psycopg2", "psycopg2"},
		{"psycopg2==2.9.10", "psycopg2"},
		{"Psycopg2>=2.9", "psycopg2"},
		{"psycopg[c]", "psycopg"},
		{"psycopg2-binary", ""},
		{"python3-psycopg2", ""},
		{"install", ""},
	} {
		d, _ := b.Named(c.word)
		got := ""
		if d != nil {
			got = d.Name
		}
		if got != c.want {
			t.Errorf("Named(%s) = %q, want %q", c.word, got, c.want)
		}
	}
}

// TestGoLibcDeps checks that a go.sum line of a module's go.mod alone
// (the module graph, no package built) is no cgo evidence, while its
// content's line and a go.mod requirement are (review 5, finding A).
func TestGoLibcDeps(t *testing.T) {
	d := builtinPreset(t, "go").Static.LibcDeps
	if d == nil {
		t.Fatal("go preset has no static.libc_deps")
	}
	for _, c := range []struct{ file, want string }{
		{"github.com/mattn/go-sqlite3 v1.14.0/go.mod h1:JIl7NbARA7phWnGvh0LKTyg7S9BA+6gx71ShQilpsus=\n", ""},
		{"github.com/mattn/go-sqlite3 v1.14.0/go.mod h1:JIl7=\r\ngithub.com/mattn/go-sqlite3 v1.14.0 h1:mLyGNKR8+Vv9CAU7PphKa2hkEqxxhn8i32J6FPj1/QA=\r\n", "github.com/mattn/go-sqlite3"},
		{"require (\n\tgithub.com/mattn/go-sqlite3 v1.14.22 // indirect\n)\n", "github.com/mattn/go-sqlite3"},
		{"require github.com/confluentinc/confluent-kafka-go/v2 v2.3.0\n", "github.com/confluentinc/confluent-kafka-go/v2"},
		{"github.com/mattn/go-sqlite3-extra v1.0.0 h1:x=\n", ""},
		{"replace github.com/mattn/go-sqlite3 => ../sqlite3\n", ""},
	} {
		got, _ := d.InFile([]byte(c.file))
		if got != c.want {
			t.Errorf("InFile(%q) = %q, want %q", c.file, got, c.want)
		}
	}
}

// TestLocalTimeSets checks which zone the presets' local_time patterns
// read from a RUN's text (review 5, finding B), and that every built-in
// preset has the same patterns: the setting belongs to the system, not to
// a language.
func TestLocalTimeSets(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var first *LocalTime
	for _, p := range ps {
		if p.LocalTime == nil {
			t.Fatalf("preset %s has no local_time", p.Name)
		}
		if first == nil {
			first = p.LocalTime
		} else if !slices.Equal(p.LocalTime.Sets, first.Sets) || p.LocalTime.Env != first.Env {
			t.Errorf("preset %s's local_time differs from %s's", p.Name, ps[0].Name)
		}
	}
	for _, c := range []struct{ text, zone string }{
		{"ln -snf /usr/share/zoneinfo/$TZ /etc/localtime && echo $TZ > /etc/timezone", "$TZ"},
		{"apk add tzdata && cp /usr/share/zoneinfo/Asia/Shanghai /etc/localtime \\\n    && echo \"Asia/Shanghai\" > /etc/timezone && apk del tzdata", "Asia/Shanghai"},
		{"ln -sf \\\n    /usr/share/zoneinfo/UTC \\\n    /etc/localtime", "UTC"},
		{"echo Europe/Paris | tee /etc/timezone && dpkg-reconfigure -f noninteractive tzdata", "Europe/Paris"},
		{"cp \"/usr/share/zoneinfo/${TZ}\" \"/etc/localtime\"", "${TZ}"},
		{"setup-timezone -z Asia/Tokyo", "Asia/Tokyo"},
		{"echo 'America/Argentina/Buenos_Aires' >/etc/timezone", "America/Argentina/Buenos_Aires"},
		{"ln -s /etc/localtime /app/localtime", ""},
		{"cat /etc/localtime > /tmp/zone && cat /etc/timezone", ""},
		{"rm -f /etc/localtime /etc/timezone", ""},
		{"cp /usr/share/zoneinfo/Asia/Seoul /app/zone", ""},
	} {
		got, ok := first.ZoneSet(c.text)
		if got != c.zone || ok != (c.zone != "") {
			t.Errorf("ZoneSet(%q) = %q, %v, want %q", c.text, got, ok, c.zone)
		}
	}
}

// TestZoneFilesLinked checks which sets the presets' zone_files.links
// take for a symbolic link, whose zone file must still be there when the
// program runs (review 6, finding E), and that every built-in preset has
// the same zone_files.
func TestZoneFilesLinked(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	z := ps[0].LocalTime.ZoneFiles
	if z == nil {
		t.Fatalf("preset %s has no local_time.zone_files", ps[0].Name)
	}
	for _, p := range ps[1:] {
		if y := p.LocalTime.ZoneFiles; y == nil || !slices.Equal(y.Packages, z.Packages) || !slices.Equal(y.Links, z.Links) || !slices.Equal(y.Reads, z.Reads) {
			t.Errorf("preset %s's local_time.zone_files differs from %s's", p.Name, ps[0].Name)
		}
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"apk add tzdata && cp /usr/share/zoneinfo/Asia/Shanghai /etc/localtime && apk del tzdata", true},
		{"ln -snf /usr/share/zoneinfo/$TZ /etc/localtime", true},
		{"setup-timezone -z Asia/Tokyo", false},
		{"echo Asia/Tokyo > /etc/timezone", false},
	} {
		if got := z.Reading(c.text); got != c.want {
			t.Errorf("Reading(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"ln -sf /usr/share/zoneinfo/Asia/Shanghai /etc/localtime", true},
		{"ln -snf /usr/share/zoneinfo/$TZ /etc/localtime && echo $TZ > /etc/timezone", true},
		{"ln -f -s \"/usr/share/zoneinfo/UTC\" /etc/localtime", true},
		{"ln --symbolic --force /usr/share/zoneinfo/UTC /etc/localtime", true},
		{"apk add tzdata && cp /usr/share/zoneinfo/Asia/Shanghai /etc/localtime && apk del tzdata", false},
		{"ln /usr/share/zoneinfo/UTC /etc/localtime", false}, // a hard link is a copy of the file
		{"echo Asia/Tokyo > /etc/timezone", false},
	} {
		if got := z.Linked(c.text); got != c.want {
			t.Errorf("Linked(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestNodeLockfileInstalled checks which of an npm lockfile's entries
// count as installed (review 6, finding J).
func TestNodeLockfileInstalled(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var l *Lockfile
	for _, p := range ps {
		if p.Name == "node" {
			l = &p.Static.LibcDeps.Lockfiles[0]
		}
	}
	lock := `{"lockfileVersion": 3, "name": "bcrypt-app", "packages": {
	  "": {"devDependencies": {"bcrypt": "^5"}},
	  "node_modules/a": {"dev": true, "hasInstallScript": true},
	  "node_modules/b": {"optional": true, "os": ["darwin", "win32"], "hasInstallScript": true},
	  "node_modules/c": {"optional": true, "os": ["!linux"], "hasInstallScript": true},
	  "node_modules/d": {"optional": true, "os": ["!win32"], "hasInstallScript": true},
	  "node_modules/e": {"devOptional": true, "hasInstallScript": true},
	  "node_modules/f": {"os": ["darwin"], "hasInstallScript": true}}}`
	for _, c := range []struct {
		omitDev bool
		want    []string
		not     []string
	}{
		{true, []string{"node_modules/d", "node_modules/e", "node_modules/f"}, []string{"node_modules/a", "node_modules/b", "node_modules/c", "bcrypt", "lockfileVersion"}},
		{false, []string{"node_modules/a", "bcrypt", "node_modules/d", "node_modules/e", "node_modules/f"}, []string{"node_modules/b", "node_modules/c"}},
	} {
		got := string(l.Installed([]byte(lock), c.omitDev))
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("omitDev %v: %s left out: %s", c.omitDev, w, got)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("omitDev %v: %s kept: %s", c.omitDev, w, got)
			}
		}
	}
	if got := string(l.Installed([]byte("not json"), true)); got != "not json" {
		t.Errorf("non-JSON content changed: %q", got)
	}
}

// TestGoViperReads checks the files viper's SetConfigName reads, by the
// folders AddConfigPath names and the type SetConfigType gives (review
// 6, finding B).
func TestGoViperReads(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var fr *FileRead
	for _, p := range ps {
		if p.Name == "go" {
			for i := range p.RunFiles.Reads {
				if strings.Contains(p.RunFiles.Reads[i].Call, "SetConfigName") {
					fr = &p.RunFiles.Reads[i]
				}
			}
		}
	}
	if fr == nil {
		t.Fatal("go preset reads no viper config")
	}
	src := `v.SetConfigName("app")
v.SetConfigType("toml")
v.AddConfigPath(".")
v.AddConfigPath("./conf")
v.AddConfigPath("$HOME/.app")
`
	files, _, ok := fr.ReadFiles([]byte(src), nil)
	if !ok {
		t.Fatal("no read")
	}
	got := map[string]bool{}
	for _, f := range files {
		if prev, seen := got[f.Name]; !seen || prev {
			got[f.Name] = f.IfPresent
		}
	}
	for name, ifPresent := range map[string]bool{"app.yaml": true, "conf/app.json": true, "app.toml": false, "conf/app.toml": false} {
		if v, ok := got[name]; !ok || v != ifPresent {
			t.Errorf("%s: read %v, if present %v; want read, if present %v", name, ok, v, ifPresent)
		}
	}
	for name := range got {
		if strings.Contains(name, "HOME") || strings.HasSuffix(name, "app") {
			t.Errorf("%s read", name)
		}
	}
	if _, _, ok := fr.ReadFiles([]byte(`viper.SetConfigName("config")`+"\nviper.AddConfigPath(dir)\n"), nil); ok {
		t.Error("a config name with no literal folder reads a file")
	}
}

// TestJavaPomVersion: which Java version java.yaml's version sources
// read from a pom.xml, and whether it comes with the caveat (review 21,
// finding C): release over target over source, the compiler plugin's
// configuration over the properties, 1.8 as 8, and a javadoc plugin's
// <source> not taken for the compiler's.
func TestJavaPomVersion(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var java *Preset
	for _, p := range all {
		if p.Name == "java" {
			java = p
		}
	}
	if java == nil {
		t.Fatal("no java preset")
	}
	read := func(pom string) (string, bool) {
		for i := range java.Builder.VersionSources {
			vs := &java.Builder.VersionSources[i]
			if vs.File != "pom.xml" {
				continue
			}
			if v, ok := vs.Read(pom)["java"]; ok {
				return v, vs.Caveat != ""
			}
		}
		return "", false
	}
	compiler := func(conf string) string {
		return "<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version><configuration>" + conf + "</configuration></plugin>"
	}
	javadoc := "<plugin><artifactId>maven-javadoc-plugin</artifactId><configuration><source>8</source></configuration></plugin>"
	for _, c := range []struct {
		name, pom string
		want      string
		caveat    bool
	}{
		{"properties source and target 1.8", "<properties><maven.compiler.source>1.8</maven.compiler.source><maven.compiler.target>1.8</maven.compiler.target></properties>", "8", true},
		{"target over source", "<properties><maven.compiler.source>11</maven.compiler.source><maven.compiler.target>17</maven.compiler.target></properties>", "17", true},
		{"source alone", "<properties><maven.compiler.source>11</maven.compiler.source></properties>", "11", true},
		{"release property over target", "<properties><maven.compiler.target>1.8</maven.compiler.target><maven.compiler.release>21</maven.compiler.release></properties>", "21", false},
		{"plugin release over properties", "<properties><maven.compiler.target>1.8</maven.compiler.target></properties><build><plugins>" + compiler("<release>17</release>") + "</plugins></build>", "17", false},
		{"plugin target over property target", "<properties><maven.compiler.target>1.8</maven.compiler.target></properties><build><plugins>" + compiler("<source>11</source><target>11</target>") + "</plugins></build>", "11", true},
		{"javadoc source is not the compiler's", "<build><plugins>" + compiler("") + javadoc + "</plugins></build>", "", false},
		{"javadoc source beside a property", "<properties><maven.compiler.target>17</maven.compiler.target></properties><build><plugins>" + compiler("") + javadoc + "</plugins></build>", "17", true},
		{"property reference", "<properties><maven.compiler.target>${jdk.level}</maven.compiler.target></properties>", "", false},
	} {
		got, caveat := read(c.pom)
		if got != c.want || caveat != c.caveat {
			t.Errorf("%s: got %q (caveat %v), want %q (caveat %v)", c.name, got, caveat, c.want, c.caveat)
		}
	}
}
