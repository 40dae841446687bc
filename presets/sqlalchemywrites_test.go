package presets

import (
	"slices"
	"testing"
)

// TestPythonSQLAlchemyWrites: an SQLite URL given to create_engine, or
// as Flask-SQLAlchemy's absolute SQLALCHEMY_DATABASE_URI, is a write of
// its file, as sqlite3.connect's path is (review 21, finding F).
func TestPythonSQLAlchemyWrites(t *testing.T) {
	ws := builtinPreset(t, "python").Writes.Sources
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"absolute", `engine = create_engine("sqlite:////persistent/bot.db")`, []string{"/persistent/bot.db"}},
		{"relative", `engine = create_engine('sqlite:///bot.db', echo=True)`, []string{"bot.db"}},
		{"driver and query", `create_engine("sqlite+pysqlite:///data/app.db?timeout=20")`, []string{"data/app.db"}},
		{"memory", `create_engine("sqlite://")`, nil},
		{"memory named", `create_engine("sqlite:///:memory:")`, nil},
		{"a server", `create_engine("postgresql://u:p@db/app")`, nil},
		{"no literal", `create_engine(cfg["db"])`, nil},
		{"flask absolute", "app.config[\"SQLALCHEMY_DATABASE_URI\"] = \"sqlite:////data/app.db\"\n", []string{"/data/app.db"}},
		{"flask class", "class Config:\n    SQLALCHEMY_DATABASE_URI = 'sqlite:////var/lib/app/app.db'\n", []string{"/var/lib/app/app.db"}},
		{"flask relative is the instance folder's", "SQLALCHEMY_DATABASE_URI = 'sqlite:///app.db'\n", nil},
		{"flask commented", "# SQLALCHEMY_DATABASE_URI = 'sqlite:////data/app.db'\n", nil},
	} {
		got := ws.Paths([]byte(c.src))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: writes %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPythonSQLAlchemyConfigURL: a create_engine call on an expression is
// read only through the JSON configuration's absolute SQLite URLs, which
// config_paths give with their keys (review 21, finding F).
func TestPythonSQLAlchemyConfigURL(t *testing.T) {
	ws := builtinPreset(t, "python").Writes.Sources
	for _, c := range []struct{ src, want string }{
		{`engine = create_engine(cfg['db'])`, "cfg['db']"},
		{`create_engine(config.get("database"), echo=True)`, `config.get("database")`},
		{`create_engine(DB_URL)`, "DB_URL"},
		{`create_engine("sqlite:////data/x.db")`, ""},
	} {
		got := ""
		if ls := ws.UnnamedConfigWrites([]byte(c.src)); len(ls) > 0 {
			got = ls[0].Text
		}
		if got != c.want {
			t.Errorf("%s: expression %q, want %q", c.src, got, c.want)
		}
	}
	cp := ws.ConfigPathsOf("defconfig.json")
	if cp == nil {
		t.Fatal("defconfig.json is no config_paths file")
	}
	if ws.ConfigPathsOf("package.json") != nil {
		t.Error("package.json is read as configuration")
	}
	got := cp.Paths([]byte(`{"db": "sqlite:////persistent/bot.db", "rel": "sqlite:///bot.db", "pg": "postgresql://db/x", "mem": "sqlite:///:memory:"}`))
	if len(got) != 1 || got[0].Key != "db" || got[0].Path != "/persistent/bot.db" {
		t.Errorf("paths %+v, want db's /persistent/bot.db only", got)
	}
	if !cp.Reads([]byte(`engine = create_engine(cfg['db'])`), "db") || cp.Reads([]byte(`engine = create_engine(cfg['database'])`), "db") {
		t.Error("the key db is not told read by cfg['db'] alone")
	}
}

// TestPythonSQLAlchemyNamedURL: create_engine given a name writes the
// SQLite URL's file that the name is bound to (review 22, finding F);
// a server's URL, an in-memory database, a name bound to no literal and
// a name bound anew before the call write nothing, and none of them is
// a write by an unknown path (UnboundIn), as open(NAME, "w") would be.
func TestPythonSQLAlchemyNamedURL(t *testing.T) {
	ws := builtinPreset(t, "python").Writes.Sources
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"bound", "DB_URL = \"sqlite:////data/app.db\"\nengine = create_engine(DB_URL)\n", []string{"/data/app.db"}},
		{"annotated, relative", "DB_URL: str = 'sqlite:///app.db'\ncreate_engine(DB_URL, echo=True)\n", []string{"app.db"}},
		{"through a name", "URL = \"sqlite+pysqlite:////data/app.db?timeout=5\"\nDB = URL\ncreate_engine(DB)\n", []string{"/data/app.db"}},
		{"a server", "DB_URL = \"postgresql://u:p@db/app\"\ncreate_engine(DB_URL)\n", nil},
		{"in memory", "DB_URL = \"sqlite:///:memory:\"\ncreate_engine(DB_URL)\n", nil},
		{"from the environment", "DB_URL = os.environ.get(\"DATABASE_URL\")\ncreate_engine(DB_URL)\n", nil},
		{"bound anew", "DB_URL = \"sqlite:////data/app.db\"\nDB_URL = os.environ[\"DATABASE_URL\"]\ncreate_engine(DB_URL)\n", nil},
		{"bound after the call", "create_engine(DB_URL)\nDB_URL = \"sqlite:////data/app.db\"\n", nil},
		{"an f-string", "DB_URL = f\"sqlite:////{ROOT}/app.db\"\ncreate_engine(DB_URL)\n", nil},
	} {
		data := []byte(c.src)
		if got := ws.Paths(data); !slices.Equal(got, c.want) {
			t.Errorf("%s: writes %q, want %q", c.name, got, c.want)
		}
		if ws.UnboundIn("", data, nil) {
			t.Errorf("%s: counted as a write by an unknown path", c.name)
		}
	}
}
