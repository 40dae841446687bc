package presets

import (
	"path"
	"slices"
	"testing"
)

// mapSources is a build context's sources as the scan reads them.
type mapSources map[string]string

func (m mapSources) Source(name string) ([]byte, bool) {
	s, ok := m[name]
	return []byte(s), ok
}

func (m mapSources) Folder(dir string) []string {
	var out []string
	for n := range m {
		if path.Dir(n) == dir {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

func writeSources(t *testing.T, preset string) *WriteSources {
	t.Helper()
	p := builtinPreset(t, preset)
	if p.Writes == nil || p.Writes.Sources == nil || p.Writes.Sources.Imports == nil {
		t.Fatalf("%s preset has no writes.sources.imports", preset)
	}
	return p.Writes.Sources
}

// Python's from-imports bind a name to the module-level binding of the
// module's file in the build context (review 17 and 18, finding C).
func TestPythonImportedBindings(t *testing.T) {
	ws := writeSources(t, "python")
	const props = "TOKEN_FILE = 'token.json'\nDATA = 'data'\n"
	const writer = "open(TOKEN_FILE, \"w+\")\n"
	cases := []struct {
		name string
		ctx  mapSources
		file string // the source scanned, in ctx
		want []string
	}{
		{"from a module above", mapSources{"support/properties.py": props, "service/cal.py": "from support.properties import TOKEN_FILE\n" + writer}, "service/cal.py", []string{"token.json"}},
		{"package __init__", mapSources{"support/__init__.py": props, "app.py": "from support import TOKEN_FILE\n" + writer}, "app.py", []string{"token.json"}},
		{"aliased", mapSources{"props.py": props, "app.py": "from props import DATA as TOKEN_FILE\n" + writer}, "app.py", []string{"data"}},
		{"the alias's own name is not bound", mapSources{"props.py": props, "app.py": "from props import TOKEN_FILE as T\n" + writer}, "app.py", nil},
		{"parenthesized list", mapSources{"props.py": props, "app.py": "from props import (\n    DATA,\n    TOKEN_FILE,\n)\n" + writer}, "app.py", []string{"token.json"}},
		{"relative", mapSources{"pkg/props.py": props, "pkg/app.py": "from .props import TOKEN_FILE\n" + writer}, "pkg/app.py", []string{"token.json"}},
		{"relative up", mapSources{"props.py": props, "pkg/app.py": "from ..props import TOKEN_FILE\n" + writer}, "pkg/app.py", []string{"token.json"}},
		{"relative is not searched upward", mapSources{"props.py": props, "pkg/app.py": "from .props import TOKEN_FILE\n" + writer}, "pkg/app.py", nil},
		{"relative above the context", mapSources{"props.py": props, "app.py": "from ..props import TOKEN_FILE\n" + writer}, "app.py", nil},
		{"two candidates", mapSources{"props.py": props, "pkg/props.py": "TOKEN_FILE = 'other.json'\n", "pkg/app.py": "from props import TOKEN_FILE\n" + writer}, "pkg/app.py", nil},
		{"not in the context", mapSources{"app.py": "from props import TOKEN_FILE\n" + writer}, "app.py", nil},
		{"joined in the importer", mapSources{"props.py": props, "app.py": "from props import DATA\nos.makedirs(DATA / \"raw\")\n"}, "app.py", []string{"data/raw"}},
		{"bound from the import in the importer", mapSources{"props.py": props, "app.py": "from props import DATA\nOUT = Path(DATA) / \"out\"\nOUT.mkdir()\n"}, "app.py", []string{"data/out"}},
		{"a chain", mapSources{"base.py": props, "props.py": "from base import TOKEN_FILE\n", "app.py": "from props import TOKEN_FILE\n" + writer}, "app.py", []string{"token.json"}},
		{"rebound in the module's function", mapSources{"props.py": props + "def f():\n    global TOKEN_FILE\n    TOKEN_FILE = 'x.json'\n", "app.py": "from props import TOKEN_FILE\n" + writer}, "app.py", nil},
		{"bound in the module's function only", mapSources{"props.py": "def f():\n    TOKEN_FILE = 'x.json'\n", "app.py": "from props import TOKEN_FILE\n" + writer}, "app.py", nil},
		{"rebound between import and call", mapSources{"props.py": props, "app.py": "from props import TOKEN_FILE\nTOKEN_FILE = input()\n" + writer}, "app.py", nil},
		{"a later own binding wins", mapSources{"props.py": props, "app.py": "from props import TOKEN_FILE\nTOKEN_FILE = 'own.json'\n" + writer}, "app.py", []string{"own.json"}},
		{"a later import wins", mapSources{"props.py": props, "app.py": "TOKEN_FILE = 'own.json'\nfrom props import TOKEN_FILE\n" + writer}, "app.py", []string{"token.json"}},
		{"an import after the call", mapSources{"props.py": props, "app.py": writer + "from props import TOKEN_FILE\n"}, "app.py", nil},
		{"an import in a function, the call in it", mapSources{"props.py": props, "app.py": "def f():\n    from props import TOKEN_FILE\n    " + writer}, "app.py", []string{"token.json"}},
		{"an import in a function, the call in another", mapSources{"props.py": props, "app.py": "def f():\n    from props import TOKEN_FILE\n    return 1\n\ndef g():\n    " + writer}, "app.py", nil},
		{"an import in a method, the call after the class", mapSources{"props.py": props, "app.py": "class A:\n    def f(self):\n        if x:\n            from props import TOKEN_FILE\n\n" + writer}, "app.py", nil},
		{"an import in a try", mapSources{"props.py": props, "app.py": "try:\n    from props import TOKEN_FILE\nexcept ImportError:\n    pass\n\ndef g():\n    " + writer}, "app.py", []string{"token.json"}},
		{"an import in a try, a fallback in except", mapSources{"props.py": props, "app.py": "try:\n    from props import TOKEN_FILE\nexcept ImportError:\n    TOKEN_FILE = '/tmp/t.json'\n\n" + writer}, "app.py", nil},
		{"import module", mapSources{"props.py": props, "app.py": "import props\nopen(props.TOKEN_FILE, \"w+\")\n"}, "app.py", []string{"token.json"}},
		{"import module, a name it lacks", mapSources{"props.py": props, "app.py": "import props\nopen(props.OTHER, \"w+\")\n"}, "app.py", nil},
		{"import dotted module", mapSources{"app/props.py": props, "main.py": "import app.props\nos.makedirs(app.props.DATA / \"raw\")\n"}, "main.py", []string{"data/raw"}},
		{"import module as", mapSources{"app/props.py": props, "main.py": "import app.props as cfg\nopen(cfg.TOKEN_FILE, \"w+\")\n"}, "main.py", []string{"token.json"}},
		{"import module as, the module's own name", mapSources{"app/props.py": props, "main.py": "import app.props as cfg\nopen(app.props.TOKEN_FILE, \"w+\")\n"}, "main.py", nil},
		{"import module, its name bound anew", mapSources{"props.py": props, "app.py": "import props\nprops = load()\nopen(props.TOKEN_FILE, \"w+\")\n"}, "app.py", nil},
		{"import module, its attribute assigned", mapSources{"props.py": props, "app.py": "import props\nprops.TOKEN_FILE = input()\nopen(props.TOKEN_FILE, \"w+\")\n"}, "app.py", nil},
		{"import module in a function", mapSources{"props.py": props, "app.py": "def save():\n    import props\n    open(props.TOKEN_FILE, \"w+\")\n"}, "app.py", []string{"token.json"}},
		{"from package import module", mapSources{"app/__init__.py": "", "app/props.py": props, "main.py": "from app import props\nopen(props.TOKEN_FILE, \"w+\")\n"}, "main.py", []string{"token.json"}},
		{"from package import module as", mapSources{"app/props.py": props, "main.py": "from app import props as p\nopen(p.TOKEN_FILE, \"w+\")\n"}, "main.py", []string{"token.json"}},
		{"from . import module", mapSources{"pkg/__init__.py": "", "pkg/props.py": props, "pkg/app.py": "from . import props\nopen(props.TOKEN_FILE, \"w+\")\n"}, "pkg/app.py", []string{"token.json"}},
		{"from package import a name its __init__ binds", mapSources{"app/__init__.py": "props = Settings()\n", "app/props.py": props, "main.py": "from app import props\nopen(props.TOKEN_FILE, \"w+\")\n"}, "main.py", nil},
		{"import an installed module", mapSources{"app.py": "import props\nopen(props.TOKEN_FILE, \"w+\")\n"}, "app.py", nil},
		{"a module imports itself", mapSources{"app.py": "from app import TOKEN_FILE\n" + writer}, "app.py", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ws.PathsIn(c.file, []byte(c.ctx[c.file]), c.ctx)
			if !slices.Equal(got, c.want) {
				t.Fatalf("paths %q, want %q", got, c.want)
			}
		})
	}
	// Without the build context the import binds nothing.
	src := mapSources{"props.py": props, "app.py": "from props import TOKEN_FILE\n" + writer}
	if got := ws.Paths([]byte(src["app.py"])); len(got) != 0 {
		t.Errorf("Paths without sources: %q", got)
	}
}

// A Go package is its folder's files: a constant one declares at
// package level is bound in the others.
func TestGoFolderBindings(t *testing.T) {
	ws := writeSources(t, "go")
	const call = "package main\n\nfunc main() {\n\tos.MkdirAll(dataDir, 0o755)\n}\n"
	cases := []struct {
		name string
		ctx  mapSources
		want []string
	}{
		{"package const", mapSources{"cmd/config.go": "package main\n\nconst dataDir = \"/var/lib/app\"\n"}, []string{"/var/lib/app"}},
		{"const block", mapSources{"cmd/config.go": "package main\n\nconst (\n\taddr = \":80\"\n\tdataDir = \"data\"\n)\n"}, []string{"data"}},
		{"function's own const", mapSources{"cmd/config.go": "package main\n\nfunc f() {\n\tconst dataDir = \"/var/lib/app\"\n}\n"}, nil},
		{"another folder", mapSources{"config.go": "package main\n\nconst dataDir = \"/var/lib/app\"\n"}, nil},
		{"two files bind it", mapSources{"cmd/a.go": "package main\n\nconst dataDir = \"a\"\n", "cmd/b.go": "package main\n\nconst dataDir = \"b\"\n"}, nil},
		{"own const first", mapSources{"cmd/config.go": "package main\n\nconst dataDir = \"/var/lib/app\"\n", "cmd/main.go": "package main\n\nconst dataDir = \"own\"\n" + call[len("package main\n"):]}, []string{"own"}},
		{"package var", mapSources{"cmd/config.go": "package main\n\nvar dataDir = \"/var/lib/app\"\n"}, []string{"/var/lib/app"}},
		{"var block", mapSources{"cmd/config.go": "package main\n\nvar (\n\tdataDir = \"data\"\n)\n"}, []string{"data"}},
		{"var assigned in its file", mapSources{"cmd/config.go": "package main\n\nvar dataDir = \"/var/lib/app\"\n\nfunc init() { dataDir = os.Getenv(\"D\") }\n"}, nil},
		{"var assigned in the calling file", mapSources{"cmd/config.go": "package main\n\nvar dataDir = \"/var/lib/app\"\n", "cmd/main.go": call + "\nfunc init() { flag.StringVar(&dataDir, \"d\", dataDir, \"\") }\n"}, nil},
		{"var assigned in a third file", mapSources{"cmd/config.go": "package main\n\nvar dataDir = \"/var/lib/app\"\n", "cmd/flags.go": "package main\n\nfunc init() { dataDir = os.Getenv(\"D\") }\n"}, nil},
		{"own var assigned in another file", mapSources{"cmd/flags.go": "package main\n\nfunc init() { dataDir = os.Getenv(\"D\") }\n", "cmd/main.go": "package main\n\nvar dataDir = \"own\"\n" + call[len("package main\n"):]}, nil},
		{"own var, another file's local of the name", mapSources{"cmd/other.go": "package main\n\nfunc f() {\n\tdataDir := \"x\"\n\t_ = dataDir\n}\n", "cmd/main.go": "package main\n\nvar dataDir = \"own\"\n" + call[len("package main\n"):]}, nil},
		{"a local of the name", mapSources{"cmd/config.go": "package main\n\nconst dataDir = \"/var/lib/app\"\n", "cmd/main.go": "package main\n\nfunc main() {\n\tdataDir := os.Getenv(\"D\")\n\tos.MkdirAll(dataDir, 0o755)\n}\n"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, ok := c.ctx["cmd/main.go"]; !ok {
				c.ctx["cmd/main.go"] = call
			}
			got := ws.PathsIn("cmd/main.go", []byte(c.ctx["cmd/main.go"]), c.ctx)
			if !slices.Equal(got, c.want) {
				t.Fatalf("paths %q, want %q", got, c.want)
			}
		})
	}
}

// Node.js's destructuring require and named import of a relative module
// bind a name to the module's exported top-level const.
func TestNodeImportedBindings(t *testing.T) {
	ws := writeSources(t, "node")
	const cjs = "const DB_FILE = '/data/app.db';\nconst LOG = 'logs';\nmodule.exports = { DB_FILE, LOG };\n"
	const esm = "export const DB_FILE = '/data/app.db';\n"
	const req = "const { DB_FILE } = require('./config');\nnew Database(DB_FILE);\n"
	const imp = "import { DB_FILE } from \"./config.js\";\nnew Database(DB_FILE);\n"
	cases := []struct {
		name string
		ctx  mapSources
		want []string
	}{
		{"require, module.exports", mapSources{"src/config.js": cjs, "src/app.js": req}, []string{"/data/app.db"}},
		{"require renamed", mapSources{"src/config.js": cjs, "src/app.js": "const { LOG: dir } = require(\"./config\");\nfs.mkdirSync(dir);\n"}, []string{"logs"}},
		{"require up a folder", mapSources{"config.js": cjs, "src/app.js": "const { DB_FILE } = require('../config');\nnew Database(DB_FILE);\n"}, []string{"/data/app.db"}},
		{"require a folder's index", mapSources{"src/config/index.js": cjs, "src/app.js": req}, []string{"/data/app.db"}},
		{"import, export const", mapSources{"src/config.js": esm, "src/app.js": imp}, []string{"/data/app.db"}},
		{"import as", mapSources{"src/config.js": esm, "src/app.js": "import { DB_FILE as db } from './config.js';\nnew Database(db);\n"}, []string{"/data/app.db"}},
		{"not exported", mapSources{"src/config.js": "const DB_FILE = '/data/app.db';\n", "src/app.js": req}, nil},
		{"exported under another name", mapSources{"src/config.js": "const DB_FILE = '/data/app.db';\nmodule.exports = { db: DB_FILE };\n", "src/app.js": req}, nil},
		{"a package", mapSources{"config.js": cjs, "src/app.js": "const { DB_FILE } = require('config');\nnew Database(DB_FILE);\n"}, nil},
		{"a function's const", mapSources{"src/config.js": "function f() {\n  const DB_FILE = '/data/app.db';\n}\nmodule.exports = { DB_FILE };\n", "src/app.js": req}, nil},
		{"let never assigned", mapSources{"src/config.js": cjs, "src/app.js": "let { DB_FILE } = require('./config');\nnew Database(DB_FILE);\n"}, []string{"/data/app.db"}},
		{"var never assigned", mapSources{"src/config.js": cjs, "src/app.js": "var { LOG } = require('./config');\nfs.mkdirSync(LOG);\n"}, []string{"logs"}},
		{"let assigned after the call", mapSources{"src/config.js": cjs, "src/app.js": "let { DB_FILE } = require('./config');\nfunction open() { return new Database(DB_FILE); }\nDB_FILE = process.env.DB;\n"}, nil},
		{"var appended to", mapSources{"src/config.js": cjs, "src/app.js": "var { LOG } = require('./config');\nif (x) LOG += '/x';\nfs.mkdirSync(LOG);\n"}, nil},
		{"let compared, not assigned", mapSources{"src/config.js": cjs, "src/app.js": "let { DB_FILE } = require('./config');\nif (DB_FILE === '') throw 1;\nnew Database(DB_FILE);\n"}, []string{"/data/app.db"}},
		{"exports.NAME = literal", mapSources{"src/config.js": "exports.DB_FILE = '/data/app.db';\n", "src/app.js": req}, []string{"/data/app.db"}},
		{"module.exports.NAME = literal", mapSources{"src/config.js": "module.exports.DB_FILE = \"/data/app.db\";\n", "src/app.js": req}, []string{"/data/app.db"}},
		{"module.exports = { NAME: literal }", mapSources{"src/config.js": "module.exports = {\n  PORT: 3000,\n  LOG: 'logs',\n  DB_FILE: '/data/app.db',\n};\n", "src/app.js": req}, []string{"/data/app.db"}},
		{"module.exports = { NAME: expression }", mapSources{"src/config.js": "module.exports = {\n  DB_FILE: process.env.DB || '/data/app.db',\n};\n", "src/app.js": req}, nil},
		{"exports.NAME in a function", mapSources{"src/config.js": "function f() {\n  exports.DB_FILE = '/data/app.db';\n}\n", "src/app.js": req}, nil},
		{"exports.NAME assigned anew", mapSources{"src/config.js": "exports.DB_FILE = '/data/app.db';\nexports.DB_FILE = process.env.DB;\n", "src/app.js": req}, nil},
		{"re-export", mapSources{"src/config.js": esm, "src/index.js": "export { DB_FILE } from './config.js';\n", "src/app.js": "import { DB_FILE } from './index.js';\nnew Database(DB_FILE);\n"}, []string{"/data/app.db"}},
		{"re-export renamed", mapSources{"src/config.js": esm, "src/index.js": "export { DB_FILE as db } from './config.js';\n", "src/app.js": "import { db } from './index.js';\nnew Database(db);\n"}, []string{"/data/app.db"}},
		{"re-export of all", mapSources{"src/config.js": esm, "src/index.js": "export * from './config.js';\n", "src/app.js": "import { DB_FILE } from './index.js';\nnew Database(DB_FILE);\n"}, []string{"/data/app.db"}},
		{"re-export of all, name not exported there", mapSources{"src/config.js": "const DB_FILE = '/data/app.db';\n", "src/index.js": "export * from './config.js';\n", "src/app.js": "import { DB_FILE } from './index.js';\nnew Database(DB_FILE);\n"}, nil},
		{"module kept whole", mapSources{"src/config.js": cjs, "src/app.js": "const config = require('./config');\nnew Database(config.DB_FILE);\n"}, []string{"/data/app.db"}},
		{"namespace import", mapSources{"src/config.js": esm, "src/app.js": "import * as cfg from './config.js';\nnew Database(cfg.DB_FILE);\n"}, []string{"/data/app.db"}},
		{"module kept whole, a package", mapSources{"src/config.js": cjs, "src/app.js": "const config = require('config');\nnew Database(config.DB_FILE);\n"}, nil},
		{"module kept whole, bound anew", mapSources{"src/config.js": cjs, "src/app.js": "let config = require('./config');\nconfig = {};\nnew Database(config.DB_FILE);\n"}, nil},
		{"module kept whole, property assigned", mapSources{"src/config.js": cjs, "src/app.js": "const config = require('./config');\nconfig.DB_FILE = process.env.DB;\nnew Database(config.DB_FILE);\n"}, nil},
		{"a parameter of the name", mapSources{"src/config.js": cjs, "src/app.js": "const { DB_FILE } = require('./config');\nconst open = (DB_FILE) => new Database(DB_FILE);\n"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ws.PathsIn("src/app.js", []byte(c.ctx["src/app.js"]), c.ctx)
			if !slices.Equal(got, c.want) {
				t.Fatalf("paths %q, want %q", got, c.want)
			}
		})
	}
}

// countingSources counts the reads of each source and keeps one
// ImportCache for all the scans, as the conversion's sources do.
type countingSources struct {
	mapSources
	reads map[string]int
	cache ImportCache
}

func (c *countingSources) Source(name string) ([]byte, bool) {
	c.reads[name]++
	return c.mapSources.Source(name)
}

func (c *countingSources) Cache() *ImportCache { return &c.cache }

// A package's files are read for their bindings once, whatever the
// number of calls and sources that use them.
func TestGoFolderBindingsReadOnce(t *testing.T) {
	ws := writeSources(t, "go")
	const use = "package main\n\nfunc f() {\n\tos.MkdirAll(dataDir, 0o755)\n\tos.Create(logFile)\n\tos.Create(other)\n}\n"
	src := &countingSources{mapSources: mapSources{
		"cmd/config.go": "package main\n\nconst dataDir = \"data\"\nconst logFile = \"x.log\"\n",
		"cmd/a.go":      use,
		"cmd/b.go":      use,
	}, reads: map[string]int{}}
	for _, f := range []string{"cmd/a.go", "cmd/b.go"} {
		if got := ws.PathsIn(f, []byte(src.mapSources[f]), src); !slices.Equal(got, []string{"data", "x.log"}) {
			t.Fatalf("%s: paths %q", f, got)
		}
	}
	for f, n := range src.reads {
		if n != 1 {
			t.Errorf("%s read %d times, want once", f, n)
		}
	}
}
