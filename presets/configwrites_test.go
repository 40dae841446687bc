package presets

import "testing"

// TestJavaConfigWrites holds java.yaml's config_writes to the embedded
// databases' JDBC URL shapes (review 27, finding A): a file URL is a
// write of its path, a server's or memory's URL none, and only the
// datasource's keys count.
func TestJavaConfigWrites(t *testing.T) {
	ws := builtinPreset(t, "java").Writes.Sources
	for _, c := range []struct {
		file, text string
		want       string // the path written, "" for none
	}{
		{"application.properties", "spring.datasource.url=jdbc:h2:~/dbtest\n", "~/dbtest"},
		{"application.properties", "spring.datasource.url=jdbc:h2:file:/data/db;MODE=MySQL\n", "/data/db"},
		{"application.properties", "spring.datasource.url=jdbc:h2:./db\n", "./db"},
		{"application.properties", "spring.datasource.url=jdbc:h2:mem:db\n", ""},
		{"application.properties", "spring.datasource.url=jdbc:h2:tcp://db:9092/~/db\n", ""},
		{"application.properties", "spring.datasource.url=jdbc:h2:ssl://db/~/db\n", ""},
		{"application.properties", "spring.datasource.url=jdbc:postgresql://db:5432/app\n", ""},
		{"application.properties", "spring.datasource.url=jdbc:sqlite:app.db\n", "app.db"},
		{"application.properties", "spring.datasource.url=jdbc:sqlite::memory:\n", ""},
		{"application.properties", "spring.datasource.url=jdbc:hsqldb:file:/opt/db/testdb;shutdown=true\n", "/opt/db/testdb"},
		{"application.properties", "spring.datasource.url=jdbc:hsqldb:mem:testdb\n", ""},
		{"application.properties", "spring.datasource.url=jdbc:derby:appdb;create=true\n", "appdb"},
		{"application.properties", "spring.datasource.url=jdbc:derby:appdb\n", ""},
		{"application.properties", "spring.datasource.url=jdbc:derby://db:1527/appdb;create=true\n", ""},
		{"application.properties", "spring.datasource.hikari.jdbc-url=jdbc:h2:/var/db/x\n", "/var/db/x"},
		{"application.properties", "app.backup.url=jdbc:h2:/var/db/x\n", ""},
		{"application-dev.yml", "spring:\n  datasource:\n    url: 'jdbc:h2:file:./data/db'\n", "./data/db"},
		{"application.yaml", "spring:\n  datasource:\n    username: sa\n  other:\n    url: jdbc:h2:~/x\n", ""},
	} {
		cw := ws.ConfigWritesOf("src/main/resources/" + c.file)
		if cw == nil {
			t.Fatalf("%s: no config_writes entry", c.file)
		}
		got := ""
		if ws := cw.Writes([]byte(c.text)); len(ws) > 0 {
			got = ws[0].Path
		}
		if got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.file, c.text, got, c.want)
		}
	}
	if ws.ConfigWritesOf("src/test/resources/application.properties") != nil {
		t.Errorf("test resources are no configuration of the jar")
	}
}
