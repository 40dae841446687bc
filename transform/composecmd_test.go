package transform

import (
	"slices"
	"testing"

	"github.com/restage/restage/internal/yaml"
)

// TestReadComposeCmd holds the reading of command: and entrypoint: to
// what compose runs: the string form split as a shell splits words, with
// no shell and no expansion but compose's own variables.
func TestReadComposeCmd(t *testing.T) {
	cases := []struct {
		yaml  string
		ok    bool
		words []string
		shown string
	}{
		{`command: sh -c "sleep 5 && ./bot"`, true, []string{"sh", "-c", "sleep 5 && ./bot"}, `sh -c "sleep 5 && ./bot"`},
		{`command: uv run uvicorn app:app --port 8000`, true, []string{"uv", "run", "uvicorn", "app:app", "--port", "8000"}, "uv run uvicorn app:app --port 8000"},
		{`command: ["uv", "run", "x"]`, true, []string{"uv", "run", "x"}, `["uv", "run", "x"]`},
		// compose fills ${PORT}; the program is still known.
		{`command: ./bot --port ${PORT:-8080}`, true, []string{"./bot", "--port", composeVar}, "./bot --port ${PORT:-8080}"},
		{`command: ["$BIN", "x"]`, true, []string{composeVar, "x"}, `["$BIN", "x"]`},
		// $$ is compose's escape: the container gets one $.
		{`command: sh -c "echo $$HOME"`, true, []string{"sh", "-c", "echo $HOME"}, `sh -c "echo $$HOME"`},
		{`command: ["sh", "-c", "echo $$HOME"]`, true, []string{"sh", "-c", "echo $HOME"}, `["sh", "-c", "echo $$HOME"]`},
		{`command: ""`, true, nil, ""},
		{`command: []`, true, nil, "[]"},
		{`command: "a | b"`, false, nil, "a | b"},
		{`command: {a: b}`, false, nil, ""},
	}
	for _, c := range cases {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(c.yaml), &doc); err != nil {
			t.Fatal(err)
		}
		got := readComposeCmd("compose.yaml", "command", doc.Content[0].Content[1])
		if got.ok != c.ok || !slices.Equal(got.words, c.words) || got.shown != c.shown {
			t.Errorf("%s: got ok=%v words=%q shown=%q, want ok=%v words=%q shown=%q", c.yaml, got.ok, got.words, got.shown, c.ok, c.words, c.shown)
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("entrypoint: null"), &doc); err != nil {
		t.Fatal(err)
	}
	if got := readComposeCmd("compose.yaml", "entrypoint", doc.Content[0].Content[1]); got != nil {
		t.Errorf("entrypoint: null: got %+v, want nil (the image's own entrypoint)", got)
	}
}
