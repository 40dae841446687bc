package transform

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/restage/restage/internal/yaml"
	"github.com/restage/restage/shell"
)

// A compose file in the build context says how the image is run: which
// folders are volumes, which come from the host (review 13, findings B
// and C). It is evidence as a VOLUME line or an action.yml is, about any
// language, so its knowledge is this small table rather than a preset's.

// composeFiles are the names Docker Compose looks for in a folder (the
// Compose specification's compose.yaml and compose.yml, and the older
// docker-compose.yaml and docker-compose.yml it still reads), then the
// override files it merges into them by service name (a service's build
// in compose.yaml, its development mounts in compose.override.yaml).
// Every one found is read: `docker compose -f` runs any of them.
var composeFiles = []string{"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml",
	"compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml", "docker-compose.override.yml"}

// composeMount is one volume of a compose service that builds this
// Dockerfile from the build context.
type composeMount struct {
	at      string // file:line of the volume's entry
	dir     string // the folder of that file, which a relative source starts from
	service string
	bind    bool   // a host folder (./x, /x, ~/x), else a named or anonymous volume
	source  string // with compose's variables filled; empty for an anonymous volume
	target  string // cleaned, absolute
	ro      bool
	// written is the source as the file spells it when a variable gave
	// it (${DATA_DIR:-./data}), else empty; unknown: a variable the
	// .env file and the entry's defaults leave unset decides whether it
	// is a host folder or a volume, and bind is then true, the side
	// that keeps root.
	written string
	unknown bool
	// file: the source is a file of the build context (./token.json,
	// review 18, finding C), which the mount puts over one file of the
	// image: a host file, not a folder.
	file bool
	// via names what makes the mount when no compose service does (a
	// composite action's step, review 25, finding B).
	via string
}

// label is what mounts it, for the notes.
func (m composeMount) label() string {
	if m.via != "" {
		return m.via
	}
	return "service " + m.service
}

// shown is the mount as a note names it.
func (m composeMount) shown() string {
	src := m.source
	switch {
	case strings.Contains(src, composeVar):
		src = m.written
	case m.written != "":
		src += " (" + m.written + ")"
	}
	switch {
	case m.unknown:
		return fmt.Sprintf("%s (%s) mounts %s, a host folder or a volume that compose takes from its environment, at %s", m.at, m.label(), m.written, m.target)
	case m.bind:
		return fmt.Sprintf("%s (%s) mounts the host %s %s at %s", m.at, m.label(), m.hostKind(), src, m.target)
	case m.source != "":
		return fmt.Sprintf("%s (%s) mounts the volume %s at %s", m.at, m.label(), src, m.target)
	}
	return fmt.Sprintf("%s (%s) mounts an anonymous volume at %s", m.at, m.label(), m.target)
}

// shownSource is the mount's source as a note names it beside a target
// that need not be a folder (a socket).
func (m composeMount) shownSource() string {
	switch {
	case m.bind:
		return "the host's " + m.source
	case m.source != "":
		return "the volume " + m.source
	}
	return "an anonymous volume"
}

// hostKind is what a bind mount's source is on the host, for the notes.
func (m composeMount) hostKind() string {
	if m.file {
		return "file"
	}
	return "folder"
}

// composeSourceFile tells whether a bind mount's source, from the compose
// file's folder dir, is a regular file of the build context. A source
// outside the context, from a variable or absolute, is the host's alone
// and cannot be told: a folder, as compose makes a missing one.
func composeSourceFile(ctx fs.FS, dir string, m composeMount) bool {
	src := m.source
	if !m.bind || m.unknown || src == "" || path.IsAbs(src) || strings.HasPrefix(src, "~") || strings.Contains(src, composeVar) {
		return false
	}
	p := path.Join(dir, src)
	if !fs.ValidPath(p) || p == "." {
		return false
	}
	info, err := fs.Stat(ctx, p)
	return err == nil && info.Mode().IsRegular()
}

// composeMounts reads the compose files at the context's root and in the
// Dockerfile's folder (when Options.Dockerfile places it in the context)
// and returns the volumes of the services that build this Dockerfile:
// whose build context, from the compose file's folder, is the context's
// root and whose dockerfile (Dockerfile when unset), from there, is
// Options.Dockerfile, a service's keys merged by its name over the
// folder's files (its build in one, its volumes in an override) and the
// files they include (include:), each service with the one it extends
// (extends:) under it. When the Dockerfile's name is not known (stdin),
// every service building the context's root counts: its mounts only keep
// root or prepare a folder, the side that breaks nothing. A service with
// its own `user:` runs as that user whatever the image's USER says, so
// the runtime's user changes nothing for it and it is left out. A file
// that is too large or does not decode says nothing.
func (f *facts) composeMounts() []composeMount {
	return composeMountsOf(f.composeBuilt())
}

// composeMountsOf are the mounts of services that run as the image's
// user.
func composeMountsOf(svcs []*composeService) []composeMount {
	var out []composeMount
	for _, s := range svcs {
		if !s.user {
			out = append(out, s.mounts...)
		}
	}
	return out
}

// composeBuilt returns the services of the compose files (see
// composeMounts) that build this Dockerfile, each merged by its name over
// the files of its folder.
func (f *facts) composeBuilt() []*composeService {
	if f.opt.Context == nil {
		return nil
	}
	dirs := []string{"."}
	dfile := ""
	if d := f.opt.Dockerfile; d != "" && fsValid(path.Clean(d)) {
		dfile = path.Clean(d)
		if dir := path.Dir(dfile); dir != "." {
			dirs = append(dirs, dir)
		}
	}
	var out []*composeService
	for _, dir := range dirs {
		// A folder's files are one project: a service is merged from
		// all of them by its name, and from the files they include.
		var svcs []*composeService
		byName := map[string]*composeService{}
		r := composeReader{ctx: f.opt.Context, docs: map[string]*yaml.Node{}, envs: map[string]map[string]string{}}
		files := make([]string, 0, len(composeFiles))
		for _, base := range composeFiles {
			files = append(files, path.Join(dir, base))
		}
		seen := map[string]bool{}
		for i := 0; i < len(files); i++ {
			name := files[i]
			doc := r.doc(name)
			if doc == nil || seen[name] {
				continue
			}
			seen[name] = true
			if len(files) < composeMaxFiles {
				files = append(files, composeIncludes(name, doc)...)
			}
			for _, s := range r.services(name) {
				m := byName[s.name]
				if m == nil {
					m = &composeService{name: s.name}
					byName[s.name] = m
					svcs = append(svcs, m)
				}
				if s.build != nil {
					m.build, m.buildDir = s.build, s.buildDir
				}
				// A later file's command replaces an earlier one's, as
				// compose merges a scalar or a sequence of this key.
				if s.command != nil {
					m.command = s.command
				}
				if s.entrypoint != nil {
					m.entrypoint = s.entrypoint
				}
				m.user = m.user || s.user
				// Compose merges environment: by variable, a later
				// file's value over an earlier one's.
				m.env = mergeEnv(m.env, s.env)
				for i := range s.mounts {
					s.mounts[i].file = composeSourceFile(f.opt.Context, s.mounts[i].dir, s.mounts[i])
				}
				m.mounts = append(m.mounts, s.mounts...)
			}
		}
		for _, s := range svcs {
			if buildsThis(s.build, s.buildDir, dfile) {
				s.known = dfile != ""
				out = append(out, s)
			}
		}
	}
	return out
}

// composeMaxFiles bounds the compose files one project reads through
// include: and extends:, so that files including each other end.
const composeMaxFiles = 32

// composeReader reads a project's compose files once each: the document,
// and the .env of each file's folder (an included file's own project
// folder gives its variables, https://docs.docker.com/reference/compose-file/include/).
type composeReader struct {
	ctx  fs.FS
	docs map[string]*yaml.Node // nil: missing or not YAML
	envs map[string]map[string]string
	n    int
}

func (r *composeReader) doc(name string) *yaml.Node {
	if d, ok := r.docs[name]; ok {
		return d
	}
	var doc *yaml.Node
	if r.n < composeMaxFiles {
		r.n++
		if data, err := readConfig(r.ctx, name); err == nil {
			var d yaml.Node
			if yaml.Unmarshal(data, &d) == nil {
				doc = &d
			}
		}
	}
	r.docs[name] = doc
	return doc
}

func (r *composeReader) env(dir string) map[string]string {
	if e, ok := r.envs[dir]; ok {
		return e
	}
	var env map[string]string
	if data, err := readConfig(r.ctx, path.Join(dir, ".env")); err == nil {
		env = composeDotEnv(data)
	}
	r.envs[dir] = env
	return env
}

// services reads the services of one compose file, each with what it
// extends (extends: NAME, or {service, file}) merged under it: the base's
// build, command, entrypoint and user when the service has none, and the
// base's volumes before its own (https://docs.docker.com/reference/compose-file/services/#extends),
// a base in another file read with that file's relative paths.
func (r *composeReader) services(name string) []composeService {
	return r.servicesAt(name, 0)
}

func (r *composeReader) servicesAt(name string, depth int) []composeService {
	doc := r.doc(name)
	if doc == nil {
		return nil
	}
	ss := composeServices(name, doc, r.env(path.Dir(name)))
	for i := range ss {
		s := &ss[i]
		if s.extends == nil || depth >= 4 {
			continue
		}
		file := name
		if s.extends.file != "" {
			if path.IsAbs(s.extends.file) || strings.Contains(s.extends.file, "$") {
				continue // the host's, or a variable's: not read
			}
			file = path.Join(path.Dir(name), s.extends.file)
			if !fsValid(file) {
				continue
			}
		}
		var base *composeService
		var others []composeService
		if file == name && depth == 0 {
			others = ss
		} else {
			others = r.servicesAt(file, depth+1)
		}
		for j := range others {
			if others[j].name == s.extends.service && (file != name || j != i) {
				base = &others[j]
				break
			}
		}
		if base == nil {
			continue
		}
		if s.build == nil {
			s.build, s.buildDir = base.build, base.buildDir
		}
		if s.command == nil {
			s.command = base.command
		}
		if s.entrypoint == nil {
			s.entrypoint = base.entrypoint
		}
		s.user = s.user || base.user
		s.env = mergeEnv(base.env, s.env)
		mounts := make([]composeMount, 0, len(base.mounts)+len(s.mounts))
		for _, m := range base.mounts {
			m.service = s.name
			mounts = append(mounts, m)
		}
		s.mounts = append(mounts, s.mounts...)
	}
	return ss
}

// composeIncludes are the files a compose file's top-level include:
// names (a path, a list of paths, or {path: ...}), from its folder.
func composeIncludes(name string, doc *yaml.Node) []string {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	inc := mapValue(doc.Content[0], "include")
	if inc == nil || inc.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	add := func(n *yaml.Node) {
		if n != nil && n.Kind == yaml.ScalarNode && n.Value != "" && !strings.Contains(n.Value, "$") && !path.IsAbs(n.Value) {
			if p := path.Join(path.Dir(name), n.Value); fsValid(p) {
				out = append(out, p)
			}
		}
	}
	for _, e := range inc.Content {
		switch e.Kind {
		case yaml.ScalarNode:
			add(e)
		case yaml.MappingNode:
			p := mapValue(e, "path")
			if p != nil && p.Kind == yaml.SequenceNode {
				for _, q := range p.Content {
					add(q)
				}
			} else {
				add(p)
			}
		}
	}
	return out
}

// composeService is what one compose file says of one service.
type composeService struct {
	name     string
	build    *yaml.Node // nil: none here
	buildDir string     // the folder of the file that gave build, which its paths start from
	extends  *composeExtends
	user     bool // it sets user:
	mounts   []composeMount
	// command and entrypoint are its command: and entrypoint:, nil when
	// not set here.
	command, entrypoint *composeCmd
	// known: the service builds the Dockerfile by its name, not only
	// the context's root with the Dockerfile's name unknown.
	known bool
	// env is its environment: (a mapping or NAME=value items), nil when
	// not set here.
	env map[string]composeEnvVar
}

// composeEnvVar is one variable a service's environment: sets.
type composeEnvVar struct {
	value string
	at    string // file:line of the entry
	// shell: compose takes the value from the shell that runs it (an
	// entry with no value) or from a variable nothing in the project
	// gives, so it cannot be told.
	shell bool
}

// composeExtends is a service's extends: the service it builds on, in
// file (from the extending file's folder) or, when file is empty, in the
// same file.
type composeExtends struct {
	service, file string
}

// composeCmd is a service's command: or entrypoint:, which compose runs
// instead of the image's CMD or ENTRYPOINT.
type composeCmd struct {
	at    string // file:line of the key
	key   string // command or entrypoint
	shown string // as written: the string, or the list as JSON
	words []string
	// ok: the words could be read: a string compose splits as a shell
	// would (no expansion: compose's own ${X} is left out), or a list
	// of strings. An empty one ("", []) resets the image's.
	ok bool
}

// composeServices reads the services of one compose file; env is the
// project's .env, for the variables of its volumes.
func composeServices(name string, doc *yaml.Node, env map[string]string) []composeService {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	services := mapValue(doc.Content[0], "services")
	if services == nil || services.Kind != yaml.MappingNode {
		return nil
	}
	var out []composeService
	for i := 0; i+1 < len(services.Content); i += 2 {
		s := composeService{name: services.Content[i].Value, buildDir: path.Dir(name)}
		n := services.Content[i+1]
		s.build, s.user = mapValue(n, "build"), mapValue(n, "user") != nil
		switch e := mapValue(n, "extends"); {
		case e == nil:
		case e.Kind == yaml.ScalarNode:
			s.extends = &composeExtends{service: e.Value}
		case e.Kind == yaml.MappingNode:
			if sv := mapValue(e, "service"); sv != nil && sv.Kind == yaml.ScalarNode {
				s.extends = &composeExtends{service: sv.Value}
				if fv := mapValue(e, "file"); fv != nil && fv.Kind == yaml.ScalarNode {
					s.extends.file = fv.Value
				}
			}
		}
		for _, k := range []struct {
			key string
			to  **composeCmd
		}{{"command", &s.command}, {"entrypoint", &s.entrypoint}} {
			if v := mapValue(n, k.key); v != nil {
				*k.to = readComposeCmd(name, k.key, v)
			}
		}
		s.env = composeEnvironment(name, mapValue(n, "environment"), env)
		if vols := mapValue(n, "volumes"); vols != nil && vols.Kind == yaml.SequenceNode {
			for _, v := range vols.Content {
				if m, ok := composeVolume(v, env); ok {
					m.at, m.service, m.dir = fmt.Sprintf("%s:%d", name, v.Line), s.name, path.Dir(name)
					s.mounts = append(s.mounts, m)
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// composeEnvironment reads a service's environment: of file name, a
// mapping (NAME: value) or a sequence of NAME=value, with compose's
// variables filled from the project's .env (env). An entry with no value
// (NAME, NAME:), which compose takes from the shell that runs it, or a
// value with a variable neither the .env nor a default gives, is kept as
// unknown (shell), so that it also hides a value an earlier file set.
func composeEnvironment(name string, n *yaml.Node, env map[string]string) map[string]composeEnvVar {
	if n == nil {
		return nil
	}
	out := map[string]composeEnvVar{}
	add := func(k string, v *string, line int) {
		if k == "" {
			return
		}
		e := composeEnvVar{at: fmt.Sprintf("%s:%d", name, line), shell: true}
		if v != nil {
			if x, ok := composeInterpolate(*v, env); ok && !strings.Contains(x, composeVar) {
				e.value, e.shell = x, false
			}
		}
		out[k] = e
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch {
			case k.Kind != yaml.ScalarNode:
			case v.Kind == yaml.ScalarNode && v.Tag != "!!null":
				add(k.Value, &v.Value, k.Line)
			default:
				add(k.Value, nil, k.Line)
			}
		}
	case yaml.SequenceNode:
		for _, e := range n.Content {
			if e.Kind != yaml.ScalarNode {
				continue
			}
			if k, v, ok := strings.Cut(e.Value, "="); ok {
				add(k, &v, e.Line)
			} else {
				add(k, nil, e.Line)
			}
		}
	}
	return out
}

// mergeEnv is over's variables set over base's, as compose merges a
// service's environment with an override's or the one it extends.
func mergeEnv(base, over map[string]composeEnvVar) map[string]composeEnvVar {
	if base == nil && over == nil {
		return nil
	}
	out := make(map[string]composeEnvVar, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

// fsValid reports whether name is a path inside the context.
func fsValid(name string) bool {
	return name != ".." && !strings.HasPrefix(name, "../") && !path.IsAbs(name)
}

// mapValue is the value of key in a YAML mapping node, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// buildsThis reports whether a service's build (a context string, or a
// mapping with context and dockerfile) builds this Dockerfile from the
// context's root; dfile is the Dockerfile's path in the context, empty
// when not known.
func buildsThis(b *yaml.Node, dir, dfile string) bool {
	if b == nil {
		return false // an image pulled, not built here
	}
	ctx, df := ".", "Dockerfile"
	switch b.Kind {
	case yaml.ScalarNode:
		ctx = b.Value
	case yaml.MappingNode:
		if mapValue(b, "dockerfile_inline") != nil {
			return false
		}
		if c := mapValue(b, "context"); c != nil {
			if c.Kind != yaml.ScalarNode {
				return false
			}
			ctx = c.Value
		}
		if d := mapValue(b, "dockerfile"); d != nil {
			if d.Kind != yaml.ScalarNode {
				return false
			}
			df = d.Value
		}
	default:
		return false
	}
	// A URL, an absolute folder or a variable cannot be told to be this
	// context.
	if ctx == "" || strings.Contains(ctx, "://") || strings.Contains(ctx, "$") || strings.HasPrefix(ctx, "git@") || path.IsAbs(ctx) {
		return false
	}
	if path.Join(dir, ctx) != "." {
		return false
	}
	if dfile == "" {
		return true // not known: see composeMounts
	}
	if df == "" || strings.Contains(df, "$") || path.IsAbs(df) {
		return false
	}
	return path.Clean(df) == dfile
}

// composeVolume reads one entry of a service's volumes: the short syntax
// SOURCE:TARGET[:MODE] (or TARGET alone, an anonymous volume) or the long
// one {type, source, target, read_only}, with compose's variables filled
// from env first (composeInterpolate). A source that starts with ., /
// or ~ is a host folder (a bind mount); another is a named volume.
func composeVolume(v *yaml.Node, env map[string]string) (composeMount, bool) {
	var m composeMount
	kind := ""
	switch v.Kind {
	case yaml.ScalarNode:
		// The parts split where compose would once the variables are
		// filled; a `:` inside ${X:-d} is the variable's.
		raw := splitOutsideBraces(v.Value, ':')
		parts := make([]string, len(raw))
		for i, r := range raw {
			var ok bool
			if parts[i], ok = composeInterpolate(r, env); !ok {
				return m, false
			}
		}
		switch len(parts) {
		case 1:
			m.target = parts[0]
		case 2, 3:
			m.source, m.target = parts[0], parts[1]
			if parts[0] != raw[0] {
				m.written = raw[0]
			}
			if len(parts) == 3 {
				for _, o := range strings.Split(parts[2], ",") {
					m.ro = m.ro || o == "ro"
				}
			}
		default:
			return m, false
		}
		kind = "volume"
		if bind, known := composeIsBind(m.source); bind || !known {
			kind = "bind"
			m.unknown = !known
		}
	case yaml.MappingNode:
		for _, k := range []struct {
			key string
			to  *string
		}{{"type", &kind}, {"source", &m.source}, {"target", &m.target}} {
			if n := mapValue(v, k.key); n != nil && n.Kind == yaml.ScalarNode {
				*k.to = n.Value
			}
		}
		raw := m.source
		var ok bool
		if m.source, ok = composeInterpolate(m.source, env); !ok {
			return m, false
		}
		if m.target, ok = composeInterpolate(m.target, env); !ok {
			return m, false
		}
		if raw != m.source {
			m.written = raw
		}
		// type: says what it is, whatever a variable in the source
		// names.
		if n := mapValue(v, "read_only"); n != nil && n.Kind == yaml.ScalarNode {
			m.ro = n.Value == "true"
		}
	default:
		return m, false
	}
	if kind != "bind" && kind != "volume" {
		return m, false // tmpfs, npipe, a cluster: no folder of the image's
	}
	m.bind = kind == "bind"
	t, ok := cleanTarget(m.target)
	if !ok {
		return m, false
	}
	m.target = t
	return m, true
}

// readComposeCmd reads a command: or entrypoint: value. Compose splits
// the string form into words as a shell would and runs them with no
// shell of its own (`sh -c "a && b"` is sh given a command string); the
// list form is the words. A variable ($X, ${X:-d}) is one compose fills
// from its environment, unknown here: it becomes composeVar, and a
// program named by one is not judged; `$$` is compose's escape for `$`.
func readComposeCmd(file, key string, v *yaml.Node) *composeCmd {
	c := &composeCmd{at: fmt.Sprintf("%s:%d", file, v.Line), key: key}
	var raw []string
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil // the image's own, as if the key were not there
		}
		c.shown = v.Value
		text, ok := composeVars(v.Value, `\$`)
		if !ok {
			return c
		}
		ws, err := shell.Split(text)
		if err != nil {
			return c
		}
		raw = ws
	case yaml.SequenceNode:
		var shown []string
		for _, w := range v.Content {
			if w.Kind != yaml.ScalarNode {
				return c
			}
			text, ok := composeVars(w.Value, "$")
			if !ok {
				return c
			}
			raw, shown = append(raw, text), append(shown, w.Value)
		}
		c.shown = jsonArgs(shown)
	default:
		return c
	}
	c.words, c.ok = raw, true
	return c
}

// composeVar stands for the value of a compose variable in a command's
// words.
const composeVar = "\x01"

var composeVarRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)`) })

// composeVars replaces compose's variables in s by composeVar and its
// `$$` by dollar; a `$` of neither kind is not read (false).
func composeVars(s, dollar string) (string, bool) {
	parts := strings.Split(s, "$$")
	for i, p := range parts {
		p = composeVarRe().ReplaceAllLiteralString(p, composeVar)
		if strings.Contains(p, "$") {
			return "", false
		}
		parts[i] = p
	}
	return strings.Join(parts, dollar), true
}
