package transform

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestComposeMounts: which services of which compose files count, for
// the Dockerfile's name known, in a sub-folder, or not known, and how
// each volume syntax is read.
func TestComposeMounts(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }
	ctx := fstest.MapFS{
		"compose.yaml": file(`services:
  app:
    build: .
    volumes:
      - data:/app/data/
      - ./model:/root/model:ro
      - /app/cache
      - {type: bind, source: ./logs, target: /app/logs, read_only: true}
      - {type: tmpfs, target: /tmp/x}
      - ${HOST}:/app/x
  prod:
    build: {context: ., dockerfile: docker/Dockerfile.prod}
    volumes: ["prod:/srv"]
  other:
    build: ./other
    volumes: ["o:/o"]
  pulled:
    image: python:3.12
    volumes: ["p:/p"]
`),
		"docker/compose.yml": file(`services:
  here:
    build:
      context: ..
      dockerfile: docker/Dockerfile.prod
    volumes: ["here:/here"]
`),
		"docker-compose.yml": file("services: [unclosed\n"),
		// Merged into compose.yaml's services by name: app's build is
		// there; lone has none anywhere.
		"compose.override.yaml": file(`services:
  app:
    volumes: ["./src:/app/src"]
  lone:
    volumes: ["l:/l"]
`),
	}
	targets := func(dockerfile string) string {
		f := &facts{opt: Options{Context: newContextFS(ctx), Dockerfile: dockerfile}}
		var out []string
		for _, m := range f.composeMounts() {
			s := m.at + " " + m.target
			if m.bind {
				s += " bind"
			}
			if m.ro {
				s += " ro"
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	for _, c := range []struct{ dockerfile, want string }{
		// ${HOST}, which nothing here sets, may be a host folder: read
		// as one.
		{"Dockerfile", "compose.yaml:5 /app/data; compose.yaml:6 /root/model bind ro; compose.yaml:7 /app/cache; compose.yaml:8 /app/logs bind ro; compose.yaml:10 /app/x bind; compose.override.yaml:3 /app/src bind"},
		// The compose file in the Dockerfile's folder counts too.
		{"docker/Dockerfile.prod", "compose.yaml:13 /srv; docker/compose.yml:6 /here"},
		// Not known: every service building the context's root.
		{"", "compose.yaml:5 /app/data; compose.yaml:6 /root/model bind ro; compose.yaml:7 /app/cache; compose.yaml:8 /app/logs bind ro; compose.yaml:10 /app/x bind; compose.override.yaml:3 /app/src bind; compose.yaml:13 /srv"},
		{"Dockerfile.dev", ""},
	} {
		if got := targets(c.dockerfile); got != c.want {
			t.Errorf("Dockerfile %q:\n got: %s\nwant: %s", c.dockerfile, got, c.want)
		}
	}
}

// TestComposeTooLarge: a compose file over the config bound is not read
// and is named among the files not read (RS369), as action.yml is.
func TestComposeTooLarge(t *testing.T) {
	big := "services:\n  app:\n    build: .\n    volumes: [\"d:/d\"]\n" + strings.Repeat("# pad\n", maxConfigFile/6+1)
	c := newContextFS(fstest.MapFS{"compose.yaml": {Data: []byte(big), Mode: 0o644}})
	f := &facts{opt: Options{Context: c, Dockerfile: "Dockerfile"}}
	if m := f.composeMounts(); len(m) != 0 {
		t.Errorf("mounts of a compose file over %d bytes: %v", maxConfigFile, m)
	}
	if names, _ := c.unreadFiles(); len(names) != 1 || names[0] != "compose.yaml" {
		t.Errorf("unread files = %v, want [compose.yaml]", names)
	}
}

// TestComposeSourceFile: a bind mount's source is a host file when it is
// a regular file of the build context, from the compose file's folder
// (review 18, finding C); anything else is read as a folder, as compose
// makes a missing source.
func TestComposeSourceFile(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("{}"), Mode: 0o644}
	ctx := fstest.MapFS{
		"token.json":          file,
		"data/state.json":     file,
		"docker/compose.yaml": file,
		"docker/secret.json":  file,
	}
	for _, c := range []struct {
		dir  string
		m    composeMount
		want bool
	}{
		{".", composeMount{bind: true, source: "./token.json"}, true},
		{".", composeMount{bind: true, source: "token.json"}, true},
		{".", composeMount{bind: true, source: "./data"}, false},
		{".", composeMount{bind: true, source: "./missing.json"}, false},
		{".", composeMount{bind: true, source: "."}, false},
		{".", composeMount{bind: true, source: "/etc/token.json"}, false},
		{".", composeMount{bind: true, source: "~/token.json"}, false},
		{".", composeMount{source: "token.json"}, false},
		{".", composeMount{bind: true, unknown: true, source: "./token.json"}, false},
		{"docker", composeMount{bind: true, source: "./secret.json"}, true},
		{"docker", composeMount{bind: true, source: "../token.json"}, true},
		{"docker", composeMount{bind: true, source: "../../token.json"}, false},
	} {
		if got := composeSourceFile(ctx, c.dir, c.m); got != c.want {
			t.Errorf("%s from %s: file %v, want %v", c.m.source, c.dir, got, c.want)
		}
	}
}

// TestComposeIncludeExtends: include: and extends: read other files from
// their own folders, end on files that include or extend each other,
// and leave out what is outside the context or a variable's.
func TestComposeIncludeExtends(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }
	ctx := fstest.MapFS{
		"compose.yaml": file(`include:
  - compose.yaml
  - deploy/a.yaml
  - path: [deploy/b.yaml]
  - ../outside.yaml
  - ${X}/c.yaml
services:
  web:
    extends: {file: deploy/base.yaml, service: base}
    build: .
  loop:
    extends: loop
    build: .
    volumes: ["loop:/loop"]
`),
		// Includes compose.yaml back: read once.
		"deploy/a.yaml": file(`include: [../compose.yaml]
services:
  a:
    build: ..
    volumes: ["../a:/a"]
`),
		"deploy/b.yaml": file(`services:
  b:
    build: {context: .., dockerfile: Dockerfile}
    extends: b2
  b2:
    volumes: ["b2:/b2"]
`),
		// Extends itself through another file: ends.
		"deploy/base.yaml": file(`services:
  base:
    extends: {file: base.yaml, service: base}
    volumes: ["./data:/data"]
`),
	}
	f := &facts{opt: Options{Context: newContextFS(ctx), Dockerfile: "Dockerfile"}}
	var got []string
	for _, m := range f.composeMounts() {
		got = append(got, m.at+" "+m.service+" "+m.target+" "+m.dir)
	}
	want := "deploy/base.yaml:4 web /data deploy; compose.yaml:14 loop /loop .; deploy/a.yaml:5 a /a deploy; deploy/b.yaml:6 b /b2 deploy"
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("mounts:\n got: %s\nwant: %s", g, want)
	}
}

// TestComposeEnvironment: a service's environment: in both forms, with
// compose's variables from the .env, merged over the files of its folder
// and the service it extends; an entry compose takes from the shell is
// unknown and hides an earlier file's value.
func TestComposeEnvironment(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }
	ctx := fstest.MapFS{
		".env": file("MODE=production\n"),
		"compose.yaml": file(`services:
  base:
    image: x
    environment: {A: from-base, B: base}
  web:
    build: .
    extends: base
    environment:
      NODE_ENV: $MODE
      EMPTY: ""
      FROMSHELL:
      UNSET: ${NOPE}
      DEFAULT: ${NOPE:-dflt}
      B: web
  list:
    build: .
    environment:
      - NODE_ENV=production
      - PLAIN
      - X=a=b
`),
		"compose.override.yaml": file(`services:
  web:
    environment:
      - DEFAULT
`),
	}
	f := &facts{opt: Options{Context: ctx, Dockerfile: "Dockerfile"}}
	got := map[string]string{}
	for _, s := range f.composeBuilt() {
		for k, e := range s.env {
			v := e.value
			if e.shell {
				v = "?"
			}
			got[s.name+"."+k] = v + " " + e.at
		}
	}
	want := map[string]string{
		"web.A":         "from-base compose.yaml:4",
		"web.B":         "web compose.yaml:14",
		"web.NODE_ENV":  "production compose.yaml:9",
		"web.EMPTY":     " compose.yaml:10",
		"web.FROMSHELL": "? compose.yaml:11",
		"web.UNSET":     "? compose.yaml:12",
		"web.DEFAULT":   "? compose.override.yaml:4",
		"list.NODE_ENV": "production compose.yaml:18",
		"list.PLAIN":    "? compose.yaml:19",
		"list.X":        "a=b compose.yaml:20",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d variables %v, want %d", len(got), got, len(want))
	}
}
