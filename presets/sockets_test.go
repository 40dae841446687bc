package presets

import (
	"slices"
	"testing"
)

// writes.sources.sockets (review 17, finding A): a literal naming the
// Docker socket, or a client library's call that connects to it by
// default in a source importing that library, and nothing else.
func TestSocketUses(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	sockets := map[string]*Sockets{}
	for _, p := range ps {
		if p.Writes != nil && p.Writes.Sources != nil && p.Writes.Sources.Sockets != nil {
			sockets[p.Name] = p.Writes.Sources.Sockets
		}
	}
	for _, name := range []string{"go", "node", "python", "java"} {
		if sockets[name] == nil {
			t.Fatalf("the %s preset has no writes.sources.sockets", name)
		}
	}
	for _, c := range []struct {
		preset, src string
		want        []string // path, and client when a client's call
	}{
		{"node", `new Docker({ socketPath: '/var/run/docker.sock' })`, []string{"/var/run/docker.sock"}},
		{"node", "const s = `/run/docker.sock`", []string{"/run/docker.sock"}},
		{"node", `const h = "unix:///var/run/docker.sock"`, []string{"/var/run/docker.sock"}},
		{"node", `const Docker = require('dockerode'); const d = new Docker();`, []string{"/var/run/docker.sock dockerode"}},
		{"node", `import Docker from "dockerode"; const d = new Docker( );`, []string{"/var/run/docker.sock dockerode"}},
		// Options name the address (a literal would be read as such).
		{"node", `import Docker from "dockerode"; new Docker({ host: h })`, nil},
		// new Docker() of another library.
		{"node", `const d = new Docker();`, nil},
		{"node", `'/var/run/docker.sock.bak'`, nil},
		{"node", `'/var/run/containerd.sock'`, nil},
		{"go", "import \"github.com/docker/docker/client\"\nc, _ := client.NewClientWithOpts(client.FromEnv)", []string{"/var/run/docker.sock Docker's Go client (github.com/docker/docker/client)"}},
		{"go", "import dc \"github.com/moby/moby/client\"\nc, _ := dc.NewEnvClient()", []string{"/var/run/docker.sock Docker's Go client (github.com/moby/moby/client)"}},
		// FromEnv of another package.
		{"go", "import \"example.com/cfg\"\nc := cfg.FromEnv()", nil},
		{"go", "dial(\"unix\", `/var/run/docker.sock`)", []string{"/var/run/docker.sock"}},
		{"go", `net.Dial("unix", "/run/docker.sock")`, []string{"/run/docker.sock"}},
		{"go", `cfg := Config{Host: "unix:///var/run/docker.sock"}`, []string{"/var/run/docker.sock"}},
		// Elements of a list of strings are values held (restage's own
		// presets/builtin_gen.go), the first, the last or one between.
		{"go", "Paths: []string{\n\t\"/var/run/docker.sock\",\n\t\"/run/docker.sock\",\n},", nil},
		{"go", `p := []string{"/tmp/x", "/run/docker.sock", "/y"}`, nil},
		{"go", `p := []string{"/tmp/x", "/run/docker.sock"}`, nil},
		{"python", "import docker\nclient = docker.from_env()", []string{"/var/run/docker.sock the docker package (docker-py)"}},
		{"python", "from docker import DockerClient\nc = DockerClient()", []string{"/var/run/docker.sock the docker package (docker-py)"}},
		// A base_url names the address; a literal one is read as such.
		{"python", "import docker\nc = docker.DockerClient(base_url='tcp://proxy:2375')", nil},
		{"python", "import docker\nc = docker.DockerClient(base_url='unix:///var/run/docker.sock')", []string{"/var/run/docker.sock"}},
		// from_env of another module.
		{"python", "import environ\nenv = environ.from_env()", nil},
		{"java", `URI.create("unix:///var/run/docker.sock")`, []string{"/var/run/docker.sock"}},
	} {
		var got []string
		for _, u := range sockets[c.preset].Uses([]byte(c.src), nil) {
			s := u.Path
			if u.Client != "" {
				s += " " + u.Client
			}
			got = append(got, s)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %s: %q; want %q", c.preset, c.src, got, c.want)
		}
	}
	// A client's call inside a string literal calls nothing.
	src := []byte("import docker\nprint(\"docker.from_env() failed\")")
	if got := sockets["python"].Uses(src, func(int) bool { return true }); len(got) != 0 {
		t.Errorf("a call in a string: %v", got)
	}
}
