package presets

import (
	"slices"
	"testing"
)

// TestPythonAliasedWrites: python.yaml reads a write through a module
// imported under another name, or a module's function imported by name,
// as the module's own call (review 19, finding G), and nothing else.
func TestPythonAliasedWrites(t *testing.T) {
	ws := builtinPreset(t, "python").Writes.Sources
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"module alias", "import sqlite3 as sq\nbase = sq.connect('data/example.db')\n", []string{"data/example.db"}},
		{"module alias in a list", "import os, sqlite3 as sq\nsq.connect('a.db')\n", []string{"a.db"}},
		{"dotted module alias", "import os.path as osp\nimport os as o\no.makedirs('logs')\n", []string{"logs"}},
		{"indented import", "def db():\n    import sqlite3 as sq\n    return sq.connect('a.db')\n", []string{"a.db"}},
		{"member alias", "from sqlite3 import connect as open_db\nopen_db('a.db')\n", []string{"a.db"}},
		{"member", "from joblib import dump\ndump(model, 'model.pkl')\n", []string{"model.pkl"}},
		{"parenthesized members", "from os import (\n    makedirs as md,\n    path,\n)\nmd('out')\n", []string{"out"}},
		{"alias of a named path", "import sqlite3 as sq\nDB = 'app.db'\nsq.connect(DB)\n", []string{"app.db"}},
		// Not uses of the alias: an attribute of another object, a longer
		// name, the module's alias before a call rather than a dot.
		{"attribute", "import sqlite3 as sq\nself.sq.connect('a.db')\n", nil},
		{"longer name", "import sqlite3 as sq\nsqx.connect('a.db')\n", nil},
		{"module alias called", "import sqlite3 as sq\nsq('a.db')\n", nil},
		{"another module", "import remote as sq\nsq.connect('a.db')\n", nil},
		{"no alias", "import sqlite3\nsq.connect('a.db')\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ws.Paths([]byte(c.src)); !slices.Equal(got, c.want) {
				t.Errorf("Paths(%q) = %q, want %q", c.src, got, c.want)
			}
		})
	}
}

// TestAliasesLeaveImports: the import statements, and a member's name
// before a dot, are left as written, so that imports and bindings read
// them as before.
func TestAliasesLeaveImports(t *testing.T) {
	a := builtinPreset(t, "python").Writes.Sources.Aliases
	for src, want := range map[string]string{
		"import sqlite3 as sq\nfrom config import DATA_DIR as D\nsq.connect(D)\n": "import sqlite3 as sq\nfrom config import DATA_DIR as D\nsqlite3.connect(D)\n",
		// A member's name before a dot is left to imports (a constant
		// of the context's config module: D.mkdir()), not rewritten.
		"from config import DATA_DIR as D\nD.mkdir()\n": "from config import DATA_DIR as D\nD.mkdir()\n",
	} {
		if got := string(a.Unaliased([]byte(src))); got != want {
			t.Errorf("Unaliased(%q) = %q, want %q", src, got, want)
		}
	}
}
