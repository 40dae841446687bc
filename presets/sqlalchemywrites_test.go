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
