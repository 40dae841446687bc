package presets

import (
	"slices"
	"testing"
)

// The Node.js preset's SQLite files named by ORM and wrapper options
// (review 7, left): each key is a write only beside the key that makes
// the object SQLite's, in either order; the same keys for a server
// database, a multer storage engine or another options object are not.
func TestNodeSQLiteOptionWrites(t *testing.T) {
	ws := builtinPreset(t, "node").Writes.Sources
	cases := []struct {
		name, src string
		want      []string
	}{
		{"sequelize", `new Sequelize({ dialect: 'sqlite', storage: '/data/db.sqlite' })`, []string{"/data/db.sqlite"}},
		{"sequelize, storage first", "new Sequelize('db', null, null, {\n  storage: `/data/x.db`,\n  dialect: \"sqlite\",\n})", []string{"/data/x.db"}},
		{"sequelize in memory", `new Sequelize({ dialect: 'sqlite', storage: ':memory:' })`, nil},
		{"sequelize on postgres", `new Sequelize({ dialect: 'postgres', storage: '/data/db' })`, nil},
		{"multer storage", `multer({ storage: '/srv/up' })`, nil},
		{"typeorm", `new DataSource({ type: "better-sqlite3", database: "/var/lib/a.db" })`, []string{"/var/lib/a.db"}},
		{"typeorm, database first", `{ database: "/var/lib/b.db", type: "sqlite" }`, []string{"/var/lib/b.db"}},
		{"typeorm on postgres", `new DataSource({ type: "postgres", database: "/var/lib/a" })`, nil},
		{"knex", "knex({ client: 'sqlite3', connection: { filename: '/data/k.db' } })", []string{"/data/k.db"}},
		{"knex, connection first", "knex({ connection: { filename: '/data/k.db' }, client: 'better-sqlite3' })", []string{"/data/k.db"}},
		{"knex on mysql", "knex({ client: 'mysql2', connection: { filename: '/data/k.db' } })", nil},
		{"sqlite open", `open({ filename: '/data/o.db', driver: sqlite3.Database })`, []string{"/data/o.db"}},
		{"sqlite open, driver first", `open({ driver: sqlite3.Database, filename: '/data/o.db' })`, []string{"/data/o.db"}},
		{"a mail attachment's filename", `attachments: [{ filename: '/reports/r.pdf', contentType: 'application/pdf' }]`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ws.Paths([]byte(c.src + "\n")); !slices.Equal(got, c.want) {
				t.Errorf("writes %q, want %q", got, c.want)
			}
		})
	}
}
