package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder laid out as Debian's /usr/share/maven-repo: a plugin at 3.3.0
// with its "debian" alias and a relocation POM for 2.4, and a library.
func testRepo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	write := func(p string, b []byte) {
		f := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plug := "org/apache/maven/plugins/maven-jar-plugin"
	write(plug+"/3.3.0/maven-jar-plugin-3.3.0.pom", []byte(`<?xml version="1.0"?>
<project><modelVersion>4.0.0</modelVersion><groupId>org.apache.maven.plugins</groupId>
<artifactId>maven-jar-plugin</artifactId><version>3.3.0</version><packaging>maven-plugin</packaging>
<parent><groupId>org.apache.maven.plugins</groupId><artifactId>maven-plugins</artifactId><version>debian</version></parent>
<dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>1.0</version></dependency></dependencies>
</project>`))
	write(plug+"/3.3.0/maven-jar-plugin-3.3.0.jar", zipOf(t, map[string]string{
		"META-INF/maven/plugin.xml": `<plugin><name>JAR</name><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.3.0</version><goalPrefix>jar</goalPrefix><dependencies><dependency><version>9.9</version></dependency></dependencies></plugin>`,
		"org/Jar.class":             "classbytes",
	}))
	write(plug+"/debian/maven-jar-plugin-debian.pom", []byte(`<project><artifactId>maven-jar-plugin</artifactId><version>debian</version></project>`))
	write(plug+"/2.4/maven-jar-plugin-2.4.pom", []byte(`<project><artifactId>maven-jar-plugin</artifactId><version>2.4</version><distributionManagement><relocation><version>3.3.0</version></relocation></distributionManagement></project>`))
	lib := "io/netty/netty-all"
	write(lib+"/4.1.48.Final/netty-all-4.1.48.Final.pom", []byte(`<project><groupId>io.netty</groupId><artifactId>netty-all</artifactId><version>4.1.48.Final</version></project>`))
	write(lib+"/4.1.48.Final/netty-all-4.1.48.Final.jar", []byte("netty jar"))
	write(lib+"/4.1.7.Final/netty-all-4.1.7.Final.pom", []byte(`<project><groupId>io.netty</groupId><artifactId>netty-all</artifactId><version>4.1.7.Final</version></project>`))
	write(lib+"/4.1.7.Final/netty-all-4.1.7.Final.jar", []byte("old netty jar"))
	// Only a "debian" version, and a POM that inherits its version.
	write("org/x/only-debian/debian/only-debian-debian.pom", []byte(`<project><parent><version>7</version></parent><artifactId>only-debian</artifactId></project>`))
	return root
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func get(t *testing.T, srv *httptest.Server, p string) (int, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + "/maven/" + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestMavenRepo(t *testing.T) {
	var logged []string
	m := newMavenRepo(testRepo(t), func(f string, a ...any) { logged = append(logged, f) })
	mux := http.NewServeMux()
	mux.Handle("/maven/", m)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// A version Debian has is served as it is.
	if code, body := get(t, srv, "io/netty/netty-all/4.1.7.Final/netty-all-4.1.7.Final.jar"); code != 200 || body != "old netty jar" {
		t.Errorf("existing version: %d %q", code, body)
	}
	// A missing version gets Debian's newest (4.1.48 above 4.1.7), the
	// POM's own version (not its parent's or a dependency's) rewritten.
	if code, body := get(t, srv, "io/netty/netty-all/4.1.41.Final/netty-all-4.1.41.Final.jar"); code != 200 || body != "netty jar" {
		t.Errorf("substituted jar: %d %q", code, body)
	}
	code, pom := get(t, srv, "org/apache/maven/plugins/maven-jar-plugin/3.2.2/maven-jar-plugin-3.2.2.pom")
	if code != 200 || !strings.Contains(pom, "<artifactId>maven-jar-plugin</artifactId><version>3.2.2</version>") ||
		!strings.Contains(pom, "<version>debian</version></parent>") || !strings.Contains(pom, "<artifactId>y</artifactId><version>1.0</version>") {
		t.Errorf("substituted pom: %d\n%s", code, pom)
	}
	// A relocation POM Debian has (2.4) is served as it is, and is never
	// a stand-in.
	if _, body := get(t, srv, "org/apache/maven/plugins/maven-jar-plugin/2.4/maven-jar-plugin-2.4.pom"); !strings.Contains(body, "<relocation>") {
		t.Errorf("relocation pom: %s", body)
	}
	// A substituted plugin's descriptor names the requested version; the
	// other entries are unchanged.
	_, jar := get(t, srv, "org/apache/maven/plugins/maven-jar-plugin/3.2.2/maven-jar-plugin-3.2.2.jar")
	zr, err := zip.NewReader(strings.NewReader(jar), int64(len(jar)))
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		entries[f.Name] = string(b)
	}
	if d := entries["META-INF/maven/plugin.xml"]; !strings.Contains(d, "<artifactId>maven-jar-plugin</artifactId><version>3.2.2</version>") || !strings.Contains(d, "<dependency><version>9.9</version>") {
		t.Errorf("plugin.xml: %s", d)
	}
	if entries["org/Jar.class"] != "classbytes" {
		t.Errorf("other entries changed: %q", entries["org/Jar.class"])
	}
	// Checksums are of the bytes served.
	_, sum := get(t, srv, "org/apache/maven/plugins/maven-jar-plugin/3.2.2/maven-jar-plugin-3.2.2.pom.sha1")
	h := sha1.Sum([]byte(pom))
	if sum != hex.EncodeToString(h[:]) {
		t.Errorf("sha1 %s, want %x", sum, h)
	}
	// Only a "debian" alias: it stands in, and a POM without a version of
	// its own gets one after its artifactId.
	if code, body := get(t, srv, "org/x/only-debian/1.2/only-debian-1.2.pom"); code != 200 || !strings.Contains(body, "<artifactId>only-debian</artifactId><version>1.2</version>") {
		t.Errorf("debian alias: %d %s", code, body)
	}
	// What Debian does not have at all, and snapshots, are 404.
	for _, p := range []string{"org/none/none/1.0/none-1.0.pom", "io/netty/netty-all/5.0-SNAPSHOT/netty-all-5.0-SNAPSHOT.pom", "io/netty/netty-all/4.1.41.Final/netty-all-4.1.41.Final-sources.jar"} {
		if code, _ := get(t, srv, p); code != 404 {
			t.Errorf("%s: %d, want 404", p, code)
		}
	}
	// Metadata: an artifact's release versions (no alias, no relocation),
	// oldest first; a group's plugin prefixes, read from the descriptors.
	_, md := get(t, srv, "io/netty/netty-all/maven-metadata.xml")
	if !strings.Contains(md, "<release>4.1.48.Final</release>") || strings.Index(md, "<version>4.1.7.Final</version>") > strings.Index(md, "<version>4.1.48.Final</version>") {
		t.Errorf("artifact metadata:\n%s", md)
	}
	if _, md := get(t, srv, "org/apache/maven/plugins/maven-jar-plugin/maven-metadata.xml"); strings.Contains(md, "2.4") || strings.Contains(md, "debian") {
		t.Errorf("plugin metadata lists an alias or a relocation:\n%s", md)
	}
	if _, md := get(t, srv, "org/apache/maven/plugins/maven-metadata.xml"); !strings.Contains(md, "<prefix>jar</prefix>") || !strings.Contains(md, "<artifactId>maven-jar-plugin</artifactId>") {
		t.Errorf("group metadata:\n%s", md)
	}
	// Each substitution is logged once.
	n := 0
	for _, l := range logged {
		if strings.HasPrefix(l, "maven substitute") {
			n++
		}
	}
	if n != 3 { // netty-all 4.1.41.Final, maven-jar-plugin 3.2.2, only-debian 1.2
		t.Errorf("%d substitutions logged, want 3: %q", n, logged)
	}
}

func TestCompareVersions(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"4.1.48.Final", "4.1.7.Final", 1},
		{"1.0", "1", 0},
		{"1.0.Final", "1", 0},
		{"3.0.0-M5", "3.0.0", -1},
		{"3.0.0-M5", "3.0.0-M4", 1},
		{"2.0-beta-1", "2.0-alpha-9", 1},
		{"2.0-rc1", "2.0", -1},
		{"1.10", "1.9", 1},
		{"9.4.57.v20241219", "9.4.57", 1},
	} {
		if got := compareVersions(c.a, c.b); got != c.want {
			t.Errorf("compareVersions(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := compareVersions(c.b, c.a); got != -c.want {
			t.Errorf("compareVersions(%q, %q) = %d, want %d", c.b, c.a, got, -c.want)
		}
	}
}
