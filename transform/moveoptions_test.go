package transform

import (
	"strings"

	"github.com/restage/restage/presets"
	"testing"
)

// Poetry's global -C/--project before the command are read after it
// only when every word before the command is such an option with its
// value and the command is a plain word.
func TestMoveOptions(t *testing.T) {
	f := &facts{preset: &Preset{CommandOptions: []presets.CommandOptions{{After: "poetry", Moved: []string{"-C", "--directory", "-P", "--project"}}}}}
	cases := []struct {
		in   []word
		want string
	}{
		{plainWords("poetry -C /app install --no-root"), "poetry install -C /app --no-root"},
		{plainWords("poetry --project=/app/svc -C /app run python app.py"), "poetry run --project=/app/svc -C /app python app.py"},
		{plainWords("poetry install -C /app"), "poetry install -C /app"},
		{plainWords("poetry -n -C /app install"), "poetry -n -C /app install"},               // -n is no moved option
		{plainWords("poetry -C /app --no-ansi install"), "poetry -C /app --no-ansi install"}, // nor is --no-ansi
		{plainWords("poetry -C"), "poetry -C"},
		{append(plainWords("poetry -C /app"), word{text: "$CMD", dynamic: true}), "poetry -C /app $CMD"},
		{plainWords("pip -C /app install"), "pip -C /app install"},
	}
	for _, c := range cases {
		if got := strings.Join(wordTexts(f.moveOptions(c.in)), " "); got != c.want {
			t.Errorf("moveOptions(%q) = %q, want %q", strings.Join(wordTexts(c.in), " "), got, c.want)
		}
	}
	// With poetry's global options without a value as moved_flags, they
	// go with the options taking one; -h and -V, not listed, stay.
	f = &facts{preset: &Preset{CommandOptions: []presets.CommandOptions{{After: "poetry", Moved: []string{"-C", "--project"}, MovedFlags: []string{"-n", "--no-ansi", "-q"}}}}}
	for _, c := range []struct{ in, want string }{
		{"poetry -n install --no-root", "poetry install -n --no-root"},
		{"poetry -n -C /app --no-ansi install", "poetry install -n -C /app --no-ansi"},
		{"poetry -q run gunicorn app:app", "poetry run -q gunicorn app:app"},
		{"poetry -n -h install", "poetry -n -h install"},
		{"poetry -V install", "poetry -V install"},
		{"poetry -n", "poetry -n"},
	} {
		if got := strings.Join(wordTexts(f.moveOptions(plainWords(c.in))), " "); got != c.want {
			t.Errorf("moveOptions(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func plainWords(s string) []word {
	var ws []word
	for _, x := range strings.Fields(s) {
		ws = append(ws, word{text: x})
	}
	return ws
}
