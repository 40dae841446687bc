package transform

import (
	"testing"

	"github.com/restage/restage/shell"
)

func words(t *testing.T, line string) []shell.Word {
	t.Helper()
	s, err := shell.Parse(line)
	if err != nil || len(s.Cmds) != 1 {
		t.Fatalf("parse %q: %v", line, err)
	}
	return s.Cmds[0].Args()[2:]
}

// A build counts only when it builds this Dockerfile from the action's
// folder: its -f, when given, names it.
func TestBuiltTag(t *testing.T) {
	for _, c := range []struct {
		line, dfile string
		inAction    bool
		want        string
	}{
		{"docker build -t app .", "Dockerfile", true, "app"},
		{"docker build -t app .", "Dockerfile", false, ""},
		{"docker build --tag=app $GITHUB_ACTION_PATH", "Dockerfile", false, "app"},
		{"docker build -t app ./other", "Dockerfile", true, ""},
		{"docker build -f Dockerfile.prod -t app .", "Dockerfile.prod", true, "app"},
		{"docker build -f Dockerfile.dev -t app .", "Dockerfile", true, ""},
		{"docker build --build-arg X=1 -t app .", "Dockerfile", true, "app"},
	} {
		if got := builtTag(words(t, c.line), c.dfile, ".", c.inAction); got != c.want {
			t.Errorf("%s (%s): got %q, want %q", c.line, c.dfile, got, c.want)
		}
	}
}

// Only the volumes of a run of a built tag count, read-only ones marked,
// and named volumes and the program's own arguments are no bind mount.
func TestRunVolumes(t *testing.T) {
	tags := map[string]bool{"app": true}
	ms := runVolumes(words(t, "docker run --rm -v $OUT:/out --volume=./cfg:/cfg:ro -v cache:/cache app -v /x:/y"), tags)
	if len(ms) != 2 || ms[0].target != "/out" || ms[0].ro || ms[1].target != "/cfg" || !ms[1].ro {
		t.Fatalf("got %+v", ms)
	}
	if ms := runVolumes(words(t, "docker run -v /h:/out other"), tags); len(ms) != 0 {
		t.Errorf("another image: got %+v", ms)
	}
}
