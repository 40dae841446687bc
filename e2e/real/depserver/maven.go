package main

// The /maven/ endpoint: a Maven repository served from a folder holding
// Debian's /usr/share/maven-repo (mavenrepo.sh). Maven Central cannot be
// reached here, and Debian packages one version of each library and
// plugin, while real poms pin others. So a request for a version the folder
// lacks is answered with Debian's version of the same groupId:artifactId,
// made to look like the one asked for: a POM's own <version>, and a plugin
// jar's META-INF/maven/plugin.xml <version> (Maven checks that it matches
// the plugin's version), are rewritten to the requested version. Checksums
// are computed from what is served, and maven-metadata.xml (which Debian's
// folder does not have) is made from the folder. Every substitution is
// logged once, so that the corpus can say what each app was built with.
// The original and the converted build ask for the same things and get the
// same answers, so the comparison stays fair.

import (
	"archive/zip"
	"bytes"
	"cmp"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

type mavenRepo struct {
	root string
	logf func(string, ...any)

	mu     sync.Mutex
	logged map[string]bool
	jars   map[string][]byte // rewritten plugin jars, by served path
}

func newMavenRepo(root string, logf func(string, ...any)) *mavenRepo {
	return &mavenRepo{root: root, logf: logf, logged: map[string]bool{}, jars: map[string][]byte{}}
}

var checksums = map[string]func() hash.Hash{".sha1": sha1.New, ".md5": md5.New, ".sha256": sha256.New, ".sha512": sha512.New}

func (m *mavenRepo) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := strings.Trim(strings.TrimPrefix(r.URL.Path, "/maven/"), "/")
	if p == "" || strings.Contains(p, "..") || strings.Contains(p, "\\") {
		http.NotFound(w, r)
		return
	}
	b, err := m.get(p)
	if errors.Is(err, os.ErrNotExist) {
		http.Error(w, "not in Debian's Maven repository: "+p, http.StatusNotFound)
		return
	}
	if err != nil {
		m.logf("maven %s: %v", p, err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	switch path.Ext(p) {
	case ".pom", ".xml":
		w.Header().Set("Content-Type", "text/xml")
	case ".sha1", ".md5", ".sha256", ".sha512":
		w.Header().Set("Content-Type", "text/plain")
	default:
		w.Header().Set("Content-Type", "application/octet-stream")
	}
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// get answers one repository path; os.ErrNotExist when it cannot.
func (m *mavenRepo) get(p string) ([]byte, error) {
	if nh, ok := checksums[path.Ext(p)]; ok {
		b, err := m.get(strings.TrimSuffix(p, path.Ext(p)))
		if err != nil {
			return nil, err
		}
		h := nh()
		h.Write(b)
		return []byte(hex.EncodeToString(h.Sum(nil))), nil
	}
	dir, name := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	if name == "maven-metadata.xml" {
		return m.metadata(dir)
	}
	if b, err := os.ReadFile(m.file(p)); err == nil {
		return b, nil
	}
	// groupPath/artifactId/version/artifactId-version[-classifier].ext
	parts := strings.Split(p, "/")
	if len(parts) < 4 {
		return nil, os.ErrNotExist
	}
	version, artifact := parts[len(parts)-2], parts[len(parts)-3]
	group := strings.Join(parts[:len(parts)-3], ".")
	prefix := artifact + "-" + version
	if !strings.HasPrefix(name, prefix) || strings.HasSuffix(version, "-SNAPSHOT") {
		return nil, os.ErrNotExist
	}
	rest := strings.TrimPrefix(name, prefix) // [-classifier].ext
	adir := path.Dir(path.Dir(p))
	sub := m.substitute(adir, artifact, rest)
	if sub == "" {
		return nil, os.ErrNotExist
	}
	served := path.Join(adir, sub, artifact+"-"+sub+rest)
	b, err := os.ReadFile(m.file(served))
	if err != nil {
		return nil, err
	}
	key := group + ":" + artifact + ":" + version
	m.mu.Lock()
	if !m.logged[key] {
		m.logged[key] = true
		m.logf("maven substitute %s:%s: asked %s, served Debian's %s", group, artifact, version, sub)
	}
	m.mu.Unlock()
	switch {
	case rest == ".pom":
		return setOwnVersion(b, "project", version)
	case rest == ".jar":
		return m.pluginJar(p, b, version)
	}
	return b, nil
}

func (m *mavenRepo) file(p string) string { return filepath.Join(m.root, filepath.FromSlash(p)) }

// versions lists the release versions the folder has of the artifact in
// adir (not Debian's "debian" and "3.x" aliases, not relocations), highest
// first, each with the file suffix rest (".pom", ".jar", "-tests.jar").
func (m *mavenRepo) versions(adir, artifact, rest string) []string {
	ents, err := os.ReadDir(m.file(adir))
	if err != nil {
		return nil
	}
	var vs []string
	for _, e := range ents {
		v := e.Name()
		if !e.IsDir() || v == "debian" || strings.HasSuffix(v, ".x") || strings.HasSuffix(v, "-SNAPSHOT") {
			continue
		}
		if _, err := os.Stat(m.file(path.Join(adir, v, artifact+"-"+v+rest))); err != nil {
			continue
		}
		if pom, err := os.ReadFile(m.file(path.Join(adir, v, artifact+"-"+v+".pom"))); err == nil && bytes.Contains(pom, []byte("<relocation>")) {
			continue
		}
		vs = append(vs, v)
	}
	sort.Slice(vs, func(i, j int) bool { return compareVersions(vs[i], vs[j]) > 0 })
	return vs
}

// substitute picks the version to serve for a missing one: Debian's
// highest release version with that file, else its "debian" alias.
func (m *mavenRepo) substitute(adir, artifact, rest string) string {
	if vs := m.versions(adir, artifact, rest); len(vs) > 0 {
		return vs[0]
	}
	if _, err := os.Stat(m.file(path.Join(adir, "debian", artifact+"-debian"+rest))); err == nil {
		return "debian"
	}
	return ""
}

// pluginJar rewrites a substituted Maven plugin's descriptor version to the
// requested one (Maven refuses a plugin whose descriptor names another
// version); other jars are served as they are.
func (m *mavenRepo) pluginJar(p string, b []byte, version string) ([]byte, error) {
	m.mu.Lock()
	cached, ok := m.jars[p]
	m.mu.Unlock()
	if ok {
		return cached, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return b, nil // not a zip: serve it as it is
	}
	var desc *zip.File
	for _, f := range zr.File {
		if f.Name == "META-INF/maven/plugin.xml" {
			desc = f
		}
	}
	if desc == nil {
		return b, nil
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f != desc {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if x, err = setOwnVersion(x, "plugin", version); err != nil {
			return nil, fmt.Errorf("%s: plugin.xml: %v", p, err)
		}
		h := f.FileHeader
		fw, err := zw.CreateHeader(&h)
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(x); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	m.jars[p] = out.Bytes()
	m.mu.Unlock()
	return out.Bytes(), nil
}

// setOwnVersion sets the <version> that is a child of the root element
// (named root) to v, editing that span only; without one, it adds one
// after the root's <artifactId>.
func setOwnVersion(b []byte, root, v string) ([]byte, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	depth := 0
	start, end, after := -1, -1, -1
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 && t.Name.Local != root {
				return nil, fmt.Errorf("root element is <%s>, not <%s>", t.Name.Local, root)
			}
			if depth == 2 && t.Name.Local == "version" && start < 0 {
				start = int(d.InputOffset())
			}
		case xml.EndElement:
			if depth == 2 && t.Name.Local == "version" && start >= 0 && end < 0 {
				end = int(off)
			}
			if depth == 2 && t.Name.Local == "artifactId" && after < 0 {
				after = int(d.InputOffset())
			}
			depth--
		}
	}
	var out []byte
	switch {
	case start >= 0 && end >= start:
		out = append(append(append(out, b[:start]...), v...), b[end:]...)
	case after >= 0:
		out = append(append(append(out, b[:after]...), "<version>"+v+"</version>"...), b[after:]...)
	default:
		return nil, fmt.Errorf("no <version> or <artifactId> in <%s>", root)
	}
	return out, nil
}

// metadata makes maven-metadata.xml for an artifact (its versions) or for
// a group (its plugins' prefixes, which `mvn prefix:goal` looks up).
func (m *mavenRepo) metadata(dir string) ([]byte, error) {
	artifact := path.Base(dir)
	if vs := m.versions(dir, artifact, ".pom"); len(vs) > 0 {
		group := strings.ReplaceAll(path.Dir(dir), "/", ".")
		latest := vs[0]
		if jars := m.versions(dir, artifact, ".jar"); len(jars) > 0 {
			latest = jars[0]
		}
		slices.Reverse(vs) // oldest first, as repositories list them
		var b strings.Builder
		fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n  <groupId>%s</groupId>\n  <artifactId>%s</artifactId>\n  <versioning>\n    <latest>%s</latest>\n    <release>%s</release>\n    <versions>\n", group, artifact, latest, latest)
		for _, v := range vs {
			fmt.Fprintf(&b, "      <version>%s</version>\n", v)
		}
		b.WriteString("    </versions>\n    <lastUpdated>20260101000000</lastUpdated>\n  </versioning>\n</metadata>\n")
		return []byte(b.String()), nil
	}
	ents, err := os.ReadDir(m.file(dir))
	if err != nil {
		return nil, os.ErrNotExist
	}
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n  <plugins>\n")
	n := 0
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		a := e.Name()
		jars := m.versions(path.Join(dir, a), a, ".jar")
		if len(jars) == 0 {
			continue
		}
		prefix := goalPrefix(m.file(path.Join(dir, a, jars[0], a+"-"+jars[0]+".jar")))
		if prefix == "" {
			continue
		}
		fmt.Fprintf(&b, "    <plugin>\n      <name>%s</name>\n      <prefix>%s</prefix>\n      <artifactId>%s</artifactId>\n    </plugin>\n", a, prefix, a)
		n++
	}
	if n == 0 {
		return nil, os.ErrNotExist
	}
	b.WriteString("  </plugins>\n</metadata>\n")
	return []byte(b.String()), nil
}

var goalPrefixRe = regexp.MustCompile(`<goalPrefix>\s*([^<\s]+)\s*</goalPrefix>`)

// goalPrefix reads a plugin jar's goal prefix; "" for a jar that is not a
// Maven plugin.
func goalPrefix(jar string) string {
	zr, err := zip.OpenReader(jar)
	if err != nil {
		return ""
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "META-INF/maven/plugin.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return ""
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 64<<10)) // the prefix is near the top
		if m := goalPrefixRe.FindSubmatch(b); m != nil {
			return string(m[1])
		}
	}
	return ""
}

// compareVersions orders Maven versions well enough to pick Debian's
// newest: numeric parts numerically, a release above its qualifiers
// (alpha, beta, milestone, rc, snapshot), "final"/"ga" equal to a release.
func compareVersions(a, b string) int {
	x, y := versionParts(a), versionParts(b)
	for i := 0; i < len(x) || i < len(y); i++ {
		var p, q string
		if i < len(x) {
			p = x[i]
		}
		if i < len(y) {
			q = y[i]
		}
		if c := comparePart(p, q); c != 0 {
			return c
		}
	}
	return 0
}

func versionParts(v string) []string {
	var parts []string
	cur := ""
	flush := func() {
		if cur != "" {
			parts = append(parts, strings.ToLower(cur))
		}
		cur = ""
	}
	for i, r := range v {
		if r == '.' || r == '-' || r == '_' {
			flush()
			continue
		}
		if cur != "" && (isDigit(r) != isDigit(rune(v[i-1]))) {
			flush()
		}
		cur += string(r)
	}
	flush()
	// Trailing zeros and release markers do not count: 1.0 == 1 == 1.0.final.
	for len(parts) > 0 {
		l := parts[len(parts)-1]
		if l == "0" || l == "final" || l == "ga" || l == "release" {
			parts = parts[:len(parts)-1]
			continue
		}
		break
	}
	return parts
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

var qualifiers = map[string]int{"alpha": 1, "a": 1, "beta": 2, "b": 2, "milestone": 3, "m": 3, "rc": 4, "cr": 4, "snapshot": 5, "": 6, "sp": 7}

// comparePart: a number is above any word; a missing part is a release.
func comparePart(p, q string) int {
	pn, perr := strconv.Atoi(p)
	qn, qerr := strconv.Atoi(q)
	switch {
	case perr == nil && qerr == nil:
		return cmp.Compare(pn, qn)
	case perr == nil:
		if q == "" {
			return cmp.Compare(pn, 0)
		}
		return 1
	case qerr == nil:
		if p == "" {
			return cmp.Compare(0, qn)
		}
		return -1
	}
	pr, pok := qualifiers[p]
	qr, qok := qualifiers[q]
	switch {
	case pok && qok:
		return cmp.Compare(pr, qr)
	case pok: // known qualifiers sort below other words, as in Maven
		return -1
	case qok:
		return 1
	}
	return strings.Compare(p, q)
}
