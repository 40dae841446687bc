package presets

import (
	"slices"
	"testing"
)

// TestPythonConstantWrites: python.yaml reads a write call whose path is
// a module-level name bound to a plain string literal at a line's start as a write of that literal, unless the name may be bound
// anew between the constant and the call (review 18, finding C).
func TestPythonConstantWrites(t *testing.T) {
	ws := builtinPreset(t, "python").Writes.Sources
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"open w+", "TOKEN_FILE = 'token.json'\n\ndef save(t):\n    with open(TOKEN_FILE, \"w+\") as f:\n        f.write(t)\n", []string{"token.json"}},
		{"annotated, commented", "DB_PATH: str = \"/data/app.db\"  # the database\nconn = sqlite3.connect(DB_PATH)\n", []string{"/data/app.db"}},
		{"Final", "LOG_DIR: Final[str] = \"logs\"\nos.makedirs(LOG_DIR, exist_ok=True)\n", []string{"logs"}},
		{"raw string", "OUT = r'out.txt'\nopen(OUT, 'a').close()\n", []string{"out.txt"}},
		{"read mode is no write", "TOKEN_FILE = 'token.json'\nopen(TOKEN_FILE, 'r')\n", nil},
		{"no mode is no write", "TOKEN_FILE = 'token.json'\nopen(TOKEN_FILE)\n", nil},
		// Merged with h-fix17c's bindings, which read a module-level name of
		// any case: the binding, not the spelling, makes it one.
		{"lower case", "token_file = 'token.json'\nopen(token_file, 'w')\n", []string{"token.json"}},
		{"indented is no module constant", "def f():\n    TOKEN_FILE = 'token.json'\n    open(TOKEN_FILE, 'w')\n", nil},
		{"an f-string", "TOKEN_FILE = f'{HOME}/token.json'\nopen(TOKEN_FILE, 'w')\n", nil},
		{"a URL", "DB = 'sqlite:///x.db'\nsqlite3.connect(DB)\n", nil},
		{"the nearest binding", "OUT = 'a.txt'\nOUT = 'b.txt'\nopen(OUT, 'w')\n", []string{"b.txt"}},
		{"assigned anew", "OUT = 'a.txt'\nOUT = os.environ['OUT']\nopen(OUT, 'w')\n", nil},
		{"assigned in a function", "OUT = 'a.txt'\ndef f():\n    global OUT\n    OUT = g()\nopen(OUT, 'w')\n", nil},
		{"augmented", "OUT = 'a'\nOUT += '.txt'\nopen(OUT, 'w')\n", nil},
		{"in a tuple", "OUT = 'a.txt'\nX, OUT = g()\nopen(OUT, 'w')\n", nil},
		{"walrus", "OUT = 'a.txt'\nif (OUT := g()):\n    open(OUT, 'w')\n", nil},
		{"a parameter", "OUT = 'a.txt'\ndef save(data, OUT):\n    open(OUT, 'w')\n", nil},
		{"a for target", "OUT = 'a.txt'\nfor OUT in names:\n    open(OUT, 'w')\n", nil},
		{"an as", "OUT = 'a.txt'\nwith g() as OUT:\n    open(OUT, 'w')\n", nil},
		{"an import", "OUT = 'a.txt'\nfrom config import OUT\nopen(OUT, 'w')\n", nil},
		{"imported only", "from config import TOKEN_FILE\nopen(TOKEN_FILE, 'w')\n", nil},
		{"another name's parameter", "OUT = 'a.txt'\ndef save(data, OUTPUT):\n    open(OUT, 'w')\n", []string{"a.txt"}},
		{"compared, not bound", "OUT = 'a.txt'\nif OUT == 'x':\n    pass\nopen(OUT, 'w')\n", []string{"a.txt"}},
	} {
		got := ws.Paths([]byte(c.src))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: writes %q, want %q", c.name, got, c.want)
		}
	}
}
