package presets

import (
	"bytes"
	"cmp"
	"encoding/json"
	"hash/maphash"
	"maps"
	"path"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// The lookups below read a checked preset (one from Parse, or a built-in
// one); the patterns and templates they use are compiled on first use
// (compiled.go).

// VariantFor returns the first variant whose image and tag patterns match
// repo and tag; without one, a glibc variant with no values.
func (p *Preset) VariantFor(repo, tag string) Variant {
	last := repo[strings.LastIndex(repo, "/")+1:]
	for _, v := range p.Builder.Variants {
		if v.Image != "" {
			if !globMatch(v.Image, last) {
				continue
			}
		}
		if v.Repository != "" && !matchString(v.Repository, repo) {
			continue
		}
		if matchString(v.Tag, tag) {
			return v
		}
	}
	return Variant{Libc: "glibc"}
}

// TagValues returns the named groups of the variant's tag pattern that
// tag fills (major from '^(?P<major>\d+)').
func (v Variant) TagValues(tag string) map[string]string {
	out := map[string]string{}
	tr := re(v.Tag) // "" (VariantFor's default) has no groups
	if m := tr.FindStringSubmatch(tag); m != nil {
		for i, n := range tr.SubexpNames() {
			if n != "" && m[i] != "" {
				out[n] = m[i]
			}
		}
	}
	return out
}

// RepoValues returns the named groups of the variant's repository
// pattern that repo fills (name from '^dhi\.io/(?P<name>[^/]+)$').
func (v Variant) RepoValues(repo string) map[string]string {
	out := map[string]string{}
	if v.Repository == "" {
		return out
	}
	rr := re(v.Repository)
	if m := rr.FindStringSubmatch(repo); m != nil {
		for i, n := range rr.SubexpNames() {
			if n != "" && m[i] != "" {
				out[n] = m[i]
			}
		}
	}
	return out
}

// Read returns the values the source finds in data (the file's content,
// or the string at its JSON key), or nil when it pins nothing.
func (vs *VersionSource) Read(data string) map[string]string {
	vr := re(vs.Pattern)
	m := vr.FindStringSubmatch(data)
	if m == nil {
		return nil
	}
	out := map[string]string{}
	for i, n := range vr.SubexpNames() {
		if n != "" && m[i] != "" {
			out[n] = m[i]
		}
	}
	if u := vs.Upper; u != nil {
		if hi, ok := out[u.Group]; ok {
			lo, err1 := strconv.Atoi(out[u.Of])
			h, err2 := strconv.Atoi(hi)
			if err1 != nil || err2 != nil || h != lo+1 {
				return nil
			}
			delete(out, u.Group)
		}
	}
	return out
}

// Gives reports whether the source's pattern has a group for name.
func (vs *VersionSource) Gives(name string) bool {
	return slices.Contains(re(vs.Pattern).SubexpNames(), name)
}

// MatchesImage reports whether one of the preset's image globs matches
// the repository: a glob with a slash matches the whole repository
// (cgr.dev/chainguard/go), one without matches its last path element, so
// that any registry prefix goes (golang, docker.io/library/golang).
func (p *Preset) MatchesImage(repo string) bool {
	last := repo[strings.LastIndex(repo, "/")+1:]
	for _, g := range p.Detect.Images {
		target := last
		if strings.Contains(g, "/") {
			target = repo
		}
		if globMatch(g, target) {
			return true
		}
	}
	return false
}

// DropsEnv reports whether the variable name matches a drop_env glob.
func (p *Preset) DropsEnv(name string) bool {
	for _, g := range p.DropEnv {
		if globMatch(g, name) {
			return true
		}
	}
	return false
}

// IsInterpreter reports whether the program w (a path or a name) is one
// of the preset's interpreters.
func (p *Preset) IsInterpreter(w string) bool {
	return slices.Contains(p.Interpreters, path.Base(w))
}

// ScriptFile returns the index in words of the file the script flag at
// words[i] names: the next word, or with ScriptOptions the first word
// after i that is not an option (java -jar -Dx=y app.jar), the value of
// an option that takes one skipped; -1 when there is none. decline is an
// option of ClassPath's DeclineFlags or Flags met on the way, which runs
// something other than the file (java -jar -m MODULE; with OpenJDK 17,
// java -jar -cp lib app.jar looks for a class named app.jar).
func (p *Preset) ScriptFile(words []string, i int) (at int, decline string) {
	if !p.ScriptOptions {
		if i+1 < len(words) {
			return i + 1, ""
		}
		return -1, ""
	}
	for j := i + 1; j < len(words); j++ {
		w := words[j]
		if !strings.HasPrefix(w, "-") {
			return j, ""
		}
		if p.ClassPath == nil {
			continue
		}
		flag, _, _ := strings.Cut(w, "=")
		if slices.Contains(p.ClassPath.DeclineFlags, flag) || slices.Contains(p.ClassPath.Flags, flag) {
			return -1, w
		}
		if p.TakesValue(w) && j+1 < len(words) && !strings.HasPrefix(words[j+1], "-") {
			j++
		}
	}
	return -1, ""
}

// TakesValue reports whether the interpreter option w takes the next word
// as its value (-cp PATH, --add-opens X): one of ClassPath's Flags,
// ValueFlags or DeclineFlags.
func (p *Preset) TakesValue(w string) bool {
	cp := p.ClassPath
	return cp != nil && (slices.Contains(cp.Flags, w) || slices.Contains(cp.ValueFlags, w) || slices.Contains(cp.DeclineFlags, w))
}

// IsScript reports whether w ends with one of the script endings.
func (p *Preset) IsScript(w string) bool {
	for _, e := range p.ScriptExt {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// Matches reports whether the signal's pattern matches s.
func (s Signal) Matches(text string) bool {
	return mayMatchString(s.Pattern, text) && re(s.Pattern).MatchString(text)
}

// Find reads the name from the file's content: the pattern's first
// group, with the strip pattern removed.
func (m *NameSource) Find(data []byte) (string, bool) {
	sub := re(m.Pattern).FindSubmatch(data)
	if sub == nil {
		return "", false
	}
	return m.StripName(string(sub[1])), true
}

// StripName removes what the strip pattern matches from name.
func (m *NameSource) StripName(name string) string {
	if m.Strip == "" {
		return name
	}
	return re(m.Strip).ReplaceAllString(name, "")
}

// DoneBy reports whether one of the unless patterns matches text: the
// file does the set-up itself.
func (pr *Prepare) DoneBy(text string) bool {
	for _, u := range pr.Unless {
		if mayMatchString(u, text) && re(u).MatchString(text) {
			return true
		}
	}
	return false
}

// Folder is the folder the entry names for value, relative to where the
// command runs when Dir is relative; ok is false when When rejects value.
func (o *OwnEnv) Folder(value string) (string, bool) {
	if value == "" || (o.When != "" && !matchString(o.When, value)) {
		return "", false
	}
	if o.Dir != "" {
		return o.Dir, true
	}
	return value, true
}

// IsTool reports whether the package name is one of the tools.
func (b *BuildCommand) IsTool(name string) bool {
	for _, t := range b.Tools {
		if strings.EqualFold(t, name) {
			return true
		}
	}
	return false
}

// InstallLine is the Install template filled with packages.
func (m *PackageMap) InstallLine(packages string) (string, error) {
	var b strings.Builder
	if err := tmpl(tmplKey{name: "install", text: m.Install}).Execute(&b, packages); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Allows reports whether the builder's template values match the map's
// When patterns.
func (m *PackageMap) Allows(values map[string]string) bool {
	for k, w := range m.When.All() {
		if !matchString(w, values[k]) {
			return false
		}
	}
	return true
}

// ImageFor is the runtime's image template filled with values.
func (r *Runtime) ImageFor(values map[string]string) (string, error) {
	var b strings.Builder
	if values == nil {
		values = map[string]string{}
	}
	if err := tmpl(tmplKey{name: r.Flavor, text: r.Image, missingZero: true}).Execute(&b, values); err != nil {
		return "", err
	}
	return b.String(), nil
}

// ReleaseFor is the system release the runtime's image is on, for the
// builder's values (Release.Image filled with them), or "" when the
// runtime says nothing about its release.
func (r *Runtime) ReleaseFor(values map[string]string) (string, error) {
	if r.Release == nil {
		return "", nil
	}
	var b strings.Builder
	if values == nil {
		values = map[string]string{}
	}
	if err := tmpl(tmplKey{name: "release", text: r.Release.Image, missingZero: true}).Execute(&b, values); err != nil {
		return "", err
	}
	return b.String(), nil
}

// InstallLine is the runtime's Install line for the packages, followed
// by with (packages InstallsWith adds beside them); ok is false when the
// runtime cannot install packages, or one of these.
func (r *Runtime) InstallLine(packages []string, with ...string) (string, bool, error) {
	if r.Install == "" {
		return "", false, nil
	}
	for _, p := range packages {
		if !slices.Contains(r.Installs, p) {
			return "", false, nil
		}
	}
	var b strings.Builder
	all := append(slices.Clone(packages), with...)
	if err := tmpl(tmplKey{name: "install", text: r.Install}).Execute(&b, strings.Join(all, " ")); err != nil {
		return "", false, err
	}
	return b.String(), true, nil
}

// InstallWithFor returns the entries of InstallsWith that the programs
// progs call for, each with the programs of progs it names and the
// packages it adds that the image does not have (Packages) and have
// does not hold; entries that add nothing are left out.
func (r *Runtime) InstallWithFor(progs, have []string) []InstallWith {
	var out []InstallWith
	var added []string
	for _, w := range r.InstallsWith {
		e := InstallWith{Why: w.Why}
		for _, p := range progs {
			if slices.Contains(w.Programs, p) {
				e.Programs = append(e.Programs, p)
			}
		}
		if len(e.Programs) == 0 {
			continue
		}
		for _, pkg := range w.Packages {
			if slices.Contains(r.Packages, pkg) || slices.Contains(have, pkg) || slices.Contains(added, pkg) {
				continue
			}
			e.Packages = append(e.Packages, pkg)
			added = append(added, pkg)
		}
		if len(e.Packages) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// Allows reports whether the template values meet the runtime's When.
func (r *Runtime) Allows(values map[string]string) bool {
	for k, w := range r.When.All() {
		if !matchString(w, values[k]) {
			return false
		}
	}
	return true
}

// Allows reports whether the builder's template values match When.
func (b *BuildFor) Allows(values map[string]string) bool {
	for k, w := range b.When.All() {
		if !matchString(w, values[k]) {
			return false
		}
	}
	return true
}

// ForBuilder is the command as it is on a builder with these template
// values: Prune and ProdFlags of the first ByBuilder entry that allows
// them, or the command itself.
func (b *BuildCommand) ForBuilder(values map[string]string) *BuildCommand {
	for i := range b.ByBuilder {
		if x := &b.ByBuilder[i]; x.Allows(values) {
			c := *b
			c.Prune, c.ProdFlags, c.Workspace, c.ByBuilder = x.Prune, x.ProdFlags, x.Workspace, nil
			return &c
		}
	}
	return b
}

// HasUser reports whether the image defines the user u.
func (r *Runtime) HasUser(u string) bool { return slices.Contains(r.Users, u) }

// HasTool reports whether the image has the program t; a shell counts as
// sh.
func (r *Runtime) HasTool(t string) bool {
	return (t == "sh" && r.Shell) || slices.Contains(r.Tools, t) || r.Base != nil && slices.Contains(r.Base.Programs, t)
}

// Flavors returns the runtime flavors the presets define, each once, in
// the order they first appear.
func Flavors(ps []*Preset) []string {
	var out []string
	for _, p := range ps {
		for _, r := range p.Runtimes {
			if !slices.Contains(out, r.Flavor) {
				out = append(out, r.Flavor)
			}
		}
	}
	return out
}

// Matches reports whether a source file's content shows the program
// links the C library.
func (l *LibcSources) Matches(data []byte) bool {
	return mayMatch(l.Pattern, data) && re(l.Pattern).Match(data)
}

// ReadFolder returns the folder, as the source spells it, that the
// path of the unnamed read at offset at (expression expr) cannot leave,
// or false when that cannot be told (review 7, finding D).
func (r *RunFiles) ReadFolder(data []byte, expr string, at int) (string, bool) {
	u := r.UnnamedFolder
	if u == nil || !identRE().MatchString(expr) || at > len(data) {
		return "", false
	}
	named := func(pat, name string) *regexp.Regexp {
		return re(strings.ReplaceAll(pat, "NAME", regexp.QuoteMeta(name)))
	}
	last := func(pat, name string, before []byte) []int {
		all := named(pat, name).FindAllSubmatchIndex(before, -1)
		if len(all) == 0 {
			return nil
		}
		return all[len(all)-1]
	}
	before := data[:at]
	a := last(u.Assign, expr, before)
	if a == nil {
		return "", false
	}
	b := named(u.Bind, expr)
	m := b.FindSubmatchIndex(before[a[0]:])
	if m == nil || m[0] != 0 || re(u.Scope).Match(before[a[0]:]) {
		return "", false
	}
	sub := func(m []int, rx *regexp.Regexp, g string, in []byte) string {
		i := rx.SubexpIndex(g)
		if m[2*i] < 0 {
			return ""
		}
		return string(in[m[2*i]:m[2*i+1]])
	}
	dir := sub(m, b, "dir", before[a[0]:])
	if dir == "" || badPart(dir) {
		return "", false
	}
	lit := re(u.Literal)
	literal := func(s string) bool {
		lm := lit.FindStringSubmatchIndex(s)
		if lm == nil || lm[0] != 0 || lm[1] != len(s) {
			return false
		}
		i := lit.SubexpIndex("value")
		return !badPart(s[lm[2*i]:lm[2*i+1]])
	}
	for _, part := range strings.Split(sub(m, b, "rest", before[a[0]:]), ",") {
		part = strings.TrimSpace(part)
		switch {
		case part == "":
		case literal(part):
		case identRE().MatchString(part):
			rm := last(u.Range, part, before)
			if rm == nil {
				return "", false
			}
			list := sub(rm, named(u.Range, part), "list", before)
			lm := last(u.List, list, before[:rm[0]])
			if lm == nil {
				return "", false
			}
			for _, it := range strings.Split(sub(lm, named(u.List, list), "items", before[:rm[0]]), ",") {
				if it = strings.TrimSpace(it); it != "" && !literal(it) {
					return "", false
				}
			}
		default:
			return "", false
		}
	}
	return dir, true
}

// identRE matches a plain name.
var identRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_]\w*$`) })

// badPart reports whether a part of a joined path may leave its folder:
// a ".." element.
func badPart(s string) bool {
	return slices.Contains(strings.Split(s, "/"), "..")
}

// On reports whether the variable of d set to value has the argument's
// effect.
func (d *DropArg) On(value string) bool {
	return d.Env != "" && matchString(d.When, value)
}

// Skipped reports whether a folder or file of this name is not read.
func (l *LibcSources) Skipped(name string) bool {
	for _, g := range l.Skip {
		if globMatch(g, name) {
			return true
		}
	}
	return false
}

// Reason is the source signal's why for a file.
func (l *LibcSources) Reason(file string) string { return strings.ReplaceAll(l.Why, "{file}", file) }

// InFile returns the first listed dependency that a file of the build
// context names as one of its whitespace-separated words.
func (d *LibcDeps) InFile(data []byte) (string, bool) {
	if d.Match != "" {
		expr := d.matchExpr()
		if !mayMatch(expr, data) {
			return "", false
		}
		dr := re(expr)
		m := dr.FindSubmatch(data)
		if m == nil {
			return "", false
		}
		return string(m[dr.SubexpIndex("name")]), true
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(string(data)) {
		words[w] = true
	}
	for _, n := range d.Names {
		if words[n] {
			return n, true
		}
	}
	return "", false
}

// Named returns the listed dependency a command word names: the name
// itself, a path below it (name/sub, name/...) or a version of it
// (name@v1.2.3).
func (d *LibcDeps) Named(word string) (string, bool) {
	// A scoped name starts with @ (@prisma/client@5): the version is
	// after the next one.
	scope := strings.HasPrefix(word, "@")
	w, _, _ := strings.Cut(strings.TrimPrefix(word, "@"), "@")
	if scope {
		w = "@" + w
	}
	for _, n := range d.Names {
		if w == n || len(w) > len(n) && w[len(n)] == '/' && strings.HasPrefix(w, n) {
			return n, true
		}
	}
	return "", false
}

// SignIn returns the first sign that a file of the build context shows.
func (d *LibcDeps) SignIn(data []byte) (Signal, bool) {
	for _, s := range d.Signs {
		if mayMatch(s.Pattern, data) && re(s.Pattern).Match(data) {
			return s, true
		}
	}
	return Signal{}, false
}

// Records reports whether a lockfile's content is in a format that
// records the signs.
func (l *Lockfile) Records(data []byte) bool {
	return mayMatch(l.Pattern, data) && re(l.Pattern).Match(data)
}

// Installed returns the part of a lockfile's content that describes what
// an install puts in place: with Installs set, the entries object alone,
// without the entries the install leaves out (development ones when
// omitDev, optional ones for another system) and, when omitDev, without
// the entries' own lists of development dependencies. Content that is not
// such JSON is returned as it is.
func (l *Lockfile) Installed(data []byte, omitDev bool) []byte {
	in := l.Installs
	if in == nil {
		return data
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return data
	}
	var entries map[string]map[string]json.RawMessage
	if json.Unmarshal(top[in.Entries], &entries) != nil {
		return data
	}
	flag := func(e map[string]json.RawMessage, k string) bool {
		var b bool
		return json.Unmarshal(e[k], &b) == nil && b
	}
	for key, e := range entries {
		if omitDev && in.DevDeps != "" {
			delete(e, in.DevDeps)
		}
		if omitDev && flag(e, in.Dev) {
			delete(entries, key)
			continue
		}
		if flag(e, in.Optional) && !onSystem(e[in.OS], in.System) {
			delete(entries, key)
		}
	}
	out, err := json.Marshal(map[string]any{in.Entries: entries})
	if err != nil {
		return data
	}
	return out
}

// InLockfile is InFile for the content of a dependency file of Files
// named file: for a lockfile whose entries name dependencies by their
// keys alone (LockEntries.NamesInKeys), only those keys are read, when the
// content has the entries object (a lockfile version without it is
// read whole, as before).
func (d *LibcDeps) InLockfile(file string, data []byte) (string, bool) {
	for i := range d.Lockfiles {
		l := &d.Lockfiles[i]
		if l.File == file && l.Installs != nil && l.Installs.NamesInKeys {
			data = l.entryKeys(data)
			break
		}
	}
	return d.InFile(data)
}

// entryKeys is the keys of a JSON lockfile's entries, one "key": a
// line, or data itself when it has no entries object.
func (l *Lockfile) entryKeys(data []byte) []byte {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return data
	}
	var entries map[string]json.RawMessage
	if json.Unmarshal(top[l.Installs.Entries], &entries) != nil || entries == nil {
		return data
	}
	keys := slices.Sorted(maps.Keys(entries))
	var b bytes.Buffer
	for _, k := range keys {
		q, _ := json.Marshal(k)
		b.Write(q)
		b.WriteString(":\n")
	}
	return b.Bytes()
}

// onSystem reports whether a package entry's list of systems (npm's os:
// names it installs on, "!name" for one it does not) lets it install on
// sys; no list lets it.
func onSystem(raw json.RawMessage, sys string) bool {
	var list []string
	if raw == nil || json.Unmarshal(raw, &list) != nil || len(list) == 0 {
		return true
	}
	allowed, any := false, false
	for _, s := range list {
		if s == "!"+sys {
			return false
		}
		if !strings.HasPrefix(s, "!") {
			any = true
			allowed = allowed || s == sys
		}
	}
	return allowed || !any
}

// Reason is what a lockfile with no sign says, for a file.
func (l *Lockfile) Reason(file string) string { return strings.ReplaceAll(l.Why, "{file}", file) }

// WithoutDev returns what the file name of Files says of the packages an
// image without development dependencies gets: a manifest's JSON without
// its DevKeys. Any other file, or content that is not a JSON object, is
// returned as it is.
func (d *LibcDeps) WithoutDev(name string, data []byte) []byte {
	for _, m := range d.Manifests {
		if m.File != name {
			continue
		}
		var top map[string]json.RawMessage
		if json.Unmarshal(data, &top) != nil {
			return data
		}
		for _, k := range m.DevKeys {
			delete(top, k)
		}
		out, err := json.Marshal(top)
		if err != nil {
			return data
		}
		return out
	}
	return data
}

// Skipped reports whether a file of Files is not read, given the
// content of the Complete file (nil when the context does not have it).
func (d *LibcDeps) Skipped(file string, complete []byte) bool {
	c := d.Complete
	if c == nil || complete == nil || !slices.Contains(c.Skip, file) {
		return false
	}
	return mayMatch(c.Pattern, complete) && re(c.Pattern).Match(complete)
}

// Reason is the dependency signal's why for a name found in where.
func (d *LibcDeps) Reason(name, where string) string {
	return strings.NewReplacer("{name}", name, "{where}", where).Replace(d.Why)
}

// IsSource reports whether a file name is one of the application's
// sources by its ending.
func (r *RunFiles) IsSource(name string) bool {
	for _, e := range r.Sources.Ext {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// Writable reports whether every user may write at the absolute path p
// (itself or below a folder the preset lists).
func (w *Writes) Writable(p string) bool {
	if w == nil {
		return false
	}
	for q := path.Clean(p); q != "/" && q != "."; q = path.Dir(q) {
		for _, g := range w.Folders {
			if globMatch(g, q) {
				return true
			}
		}
	}
	return false
}

// Reads reports whether a file of this name is a source to read.
func (s *WriteSources) Reads(name string) bool {
	for _, e := range s.Ext {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// Skipped reports whether a folder or file of this name is not one of the
// application's sources (vendor, tests).
func (r *RunFiles) Skipped(name string) bool { return matchAny(r.Sources.Skip, name) }

// BuildInput reports whether a folder or file of this name is used only
// by the build or the repository.
func (r *RunFiles) BuildInput(name string) bool { return matchAny(r.BuildInputs, name) }

// BuildInputFor reports whether a folder or file of this name is used
// only by the build, for a program that reads the names the globs of
// read match (InputsRead).
func (r *RunFiles) BuildInputFor(name string, read []string) bool {
	return matchAny(r.BuildInputs, name) && !matchAny(read, name)
}

// InputsRead returns the globs of BuildInputsRead whose sign a source
// (with its comments blanked) shows.
func (r *RunFiles) InputsRead(data []byte) []string {
	var out []string
	for _, b := range r.BuildInputsRead {
		if re(b.In).Match(data) {
			out = append(out, b.Names...)
		}
	}
	return out
}

// Literal is a string literal of a source and where it starts.
type Literal struct {
	Text   string
	Offset int
}

// Literals returns the string literals of a source, in order.
func (r *RunFiles) Literals(data []byte) []Literal {
	var out []Literal
	for _, m := range re(r.Literal).FindAllSubmatchIndex(data, -1) {
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				out = append(out, Literal{string(data[m[g]:m[g+1]]), m[0]})
				break
			}
		}
	}
	return out
}

// JoinedFile is a file of the working folder a source names by a join.
type JoinedFile struct {
	Literal
	Why string
}

// WorkdirFiles returns the files of the working folder that a source
// names by appending a literal (or a const bound to one) to a name bound
// to the working folder, relative to it, at the join, each with the
// note's reason.
func (r *RunFiles) WorkdirFiles(data []byte) []JoinedFile {
	j := r.WorkdirJoins
	if j == nil || !mayMatch(j.Dir, data) {
		return nil
	}
	var out []JoinedFile
	dr := re(j.Dir)
	seen := map[string]bool{}
	for _, m := range dr.FindAllSubmatch(data, -1) {
		name := string(m[dr.SubexpIndex("name")])
		if name == "" || name == "_" || seen[name] {
			continue
		}
		seen[name] = true
		for _, p := range j.Joins {
			jr := re(strings.ReplaceAll(p, "NAME", regexp.QuoteMeta(name)))
			for _, jm := range jr.FindAllSubmatchIndex(data, -1) {
				for _, v := range r.joinedValues(data, jr, jm) {
					// Only a /-led literal was misread as the root's;
					// a relative one the literal scan reads already.
					if rel := strings.TrimLeft(v, "/"); strings.HasPrefix(v, "/") && rel != "" {
						out = append(out, JoinedFile{Literal{rel, jm[0]}, strings.ReplaceAll(j.Why, "{value}", strconv.Quote(v))})
					}
				}
			}
		}
	}
	return out
}

// joinedValues returns what a join match appends: the literal of group
// value, or the literals a const of group const is bound to.
func (r *RunFiles) joinedValues(data []byte, jr *regexp.Regexp, jm []int) []string {
	gv, gc := jr.SubexpIndex("value"), jr.SubexpIndex("const")
	switch {
	case gv >= 0 && jm[2*gv] >= 0:
		return []string{string(data[jm[2*gv]:jm[2*gv+1]])}
	case gc >= 0 && jm[2*gc] >= 0:
		return r.Bindings.bound(data, string(data[jm[2*gc]:jm[2*gc+1]]), jm[0], 2)
	}
	return nil
}

// WorkdirFuncs returns the functions of a source that return the
// working folder and nothing else.
func (r *RunFiles) WorkdirFuncs(data []byte) []string {
	j := r.WorkdirJoins
	if j == nil || j.Funcs == "" || !mayMatch(j.Dir, data) {
		return nil
	}
	var out []string
	fr, dr, rr := re(j.Funcs), re(j.Dir), re(j.Returns)
	for _, m := range fr.FindAllSubmatch(data, -1) {
		body := m[fr.SubexpIndex("body")]
		names := map[string]bool{}
		for _, dm := range dr.FindAllSubmatch(body, -1) {
			names[string(dm[dr.SubexpIndex("name")])] = true
		}
		rets := rr.FindAllSubmatch(body, -1)
		all := len(rets) > 0
		for _, rm := range rets {
			all = all && names[strings.TrimSpace(string(rm[rr.SubexpIndex("expr")]))]
		}
		if all {
			out = append(out, string(m[fr.SubexpIndex("name")]))
		}
	}
	return out
}

// CalledJoin is a call of a function joined to a literal: the file of
// the working folder it names when the function returns that folder.
type CalledJoin struct {
	JoinedFile
	Func string
}

// WorkdirCalls returns the calls of a source joined to a /-led literal.
func (r *RunFiles) WorkdirCalls(data []byte) []CalledJoin {
	j := r.WorkdirJoins
	if j == nil {
		return nil
	}
	var out []CalledJoin
	for _, p := range j.Calls {
		if !mayMatch(p, data) {
			continue
		}
		cr := re(p)
		gf := cr.SubexpIndex("func")
		for _, m := range cr.FindAllSubmatchIndex(data, -1) {
			call := string(data[m[0] : m[2*gf+1]+2])
			for _, v := range r.joinedValues(data, cr, m) {
				if rel := strings.TrimLeft(v, "/"); strings.HasPrefix(v, "/") && rel != "" {
					why := strings.NewReplacer("{call}", call, "{value}", strconv.Quote(v)).Replace(j.CallWhy)
					out = append(out, CalledJoin{JoinedFile{Literal{rel, m[0]}, why}, string(data[m[2*gf]:m[2*gf+1]])})
				}
			}
		}
	}
	return out
}

// Embedded returns the patterns a source compiles into the program,
// relative to the source's folder.
func (r *RunFiles) Embedded(data []byte) []string {
	if r.Embed == "" || !mayMatch(r.Embed, data) {
		return nil
	}
	var out []string
	for _, m := range re(r.Embed).FindAllSubmatch(data, -1) {
		for _, w := range strings.Fields(string(m[1])) {
			out = append(out, strings.Trim(w, "\"`"))
		}
	}
	return out
}

// Read returns the files a call reads when the source has it (the fixed
// files, then each file a group of the call named, then the paths a
// Named call's name is bound to by b), and where the first call starts.
func (f *FileRead) Read(data []byte, b *PathBindings) ([]string, int, bool) {
	at := -1
	var named []string
	if f.Named != "" && b != nil && mayMatch(f.Named, data) {
		nr := re(f.Named)
		g := nr.SubexpIndex("name")
		for _, m := range nr.FindAllSubmatchIndex(data, -1) {
			if m[2*g] < 0 {
				continue
			}
			if vs := b.bound(data, string(data[m[2*g]:m[2*g+1]]), m[0], 0); len(vs) > 0 {
				if at < 0 {
					at = m[0]
				}
				named = append(named, vs...)
			}
		}
	}
	var ms [][][]byte
	if mayMatch(f.Call, data) {
		fr := re(f.Call)
		if ms = fr.FindAllSubmatch(data, -1); ms != nil {
			if first := fr.FindIndex(data)[0]; at < 0 || first < at {
				at = first
			}
		}
	}
	if at < 0 {
		return nil, 0, false
	}
	out := append([]string(nil), f.Files...)
	for _, m := range ms {
		for _, g := range m[1:] {
			if len(g) > 0 {
				out = append(out, string(g))
			}
		}
	}
	return append(out, named...), at, true
}

// ReadFiles returns the files a call reads when the source has it, as
// Read does, and where the first call starts; with Dirs, Exts or Type,
// each name is looked for in each folder Dirs names, with each ending.
func (f *FileRead) ReadFiles(data []byte, b *PathBindings) ([]ReadFile, int, bool) {
	names, at, ok := f.Read(data, b)
	if !ok {
		return nil, 0, false
	}
	var out []ReadFile
	if f.Dirs == "" && len(f.Exts) == 0 && f.Type == "" {
		for _, n := range names {
			out = append(out, ReadFile{n, f.IfPresent, f.Holding})
		}
		return out, at, true
	}
	dirs := []string{"."}
	if f.Dirs != "" {
		dirs = groupsIn(f.Dirs, data)
		if len(dirs) == 0 {
			return nil, 0, false
		}
	}
	typ := ""
	if f.Type != "" {
		if ts := groupsIn(f.Type, data); len(ts) > 0 {
			typ = ts[0]
		}
	}
	for _, d := range dirs {
		for _, n := range names {
			for _, e := range f.Exts {
				out = append(out, ReadFile{path.Join(d, n+e), true, nil})
			}
			if typ != "" {
				out = append(out, ReadFile{path.Join(d, n+"."+typ), f.IfPresent, nil})
			}
		}
	}
	return out, at, true
}

// groupsIn returns the text of every group that matched of each match of
// pattern in data, each once.
func groupsIn(pattern string, data []byte) []string {
	if !mayMatch(pattern, data) {
		return nil
	}
	var out []string
	for _, m := range re(pattern).FindAllSubmatch(data, -1) {
		for _, g := range m[1:] {
			if len(g) > 0 && !slices.Contains(out, string(g)) {
				out = append(out, string(g))
			}
		}
	}
	return out
}

func matchAny(globs []string, name string) bool {
	for _, g := range globs {
		if globMatch(g, name) {
			return true
		}
	}
	return false
}

// Code returns a source with the comments Comments finds blanked: each
// of their bytes but line ends becomes a space, so that offsets and line
// numbers stay those of the file. data itself is returned when it has no
// comment; it is never changed.
func (p *Preset) Code(data []byte) []byte {
	var out []byte
	p.scanComments(data, func(_, _ int, from, to int) {
		if from < 0 {
			return
		}
		if out == nil {
			out = bytes.Clone(data)
		}
		for i := from; i < to; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
	})
	if out == nil {
		return data
	}
	return out
}

// InString tells whether the byte at offset lies inside a string literal
// of the source, past its opening quote, as Comments reads strings: a call
// spelled there ("os.UserHomeDir()" in a message) runs nothing.
func (p *Preset) InString(data []byte, offset int) bool {
	in := false
	p.scanComments(data, func(from, to int, cfrom, _ int) {
		if cfrom < 0 && from < offset && offset < to {
			in = true
		}
	})
	return in
}

// scanComments calls fn with each match of Comments in data, in order:
// the match's span and its group "comment"'s, -1 when the match is no
// comment but what the pattern matches to skip it, a string literal.
func (p *Preset) scanComments(data []byte, fn func(from, to, cfrom, cto int)) {
	if p.Comments == "" || !mayMatch(p.Comments, data) {
		return
	}
	sc := scanOf(p.Comments)
	if sc.first == "" {
		cr := re(p.Comments)
		g := cr.SubexpIndex("comment")
		for _, m := range cr.FindAllSubmatchIndex(data, -1) {
			fn(m[0], m[1], m[2*g], m[2*g+1])
		}
		return
	}
	// The same matches as FindAll's, found faster: a match starts only at
	// one of the bytes first, and the pattern anchored there ends within
	// the comment or string, where the unanchored one walked the whole
	// file a byte at a time (a few MB/s).
	g := sc.anchored.SubexpIndex("comment")
	for i := 0; i < len(data); {
		j := bytes.IndexAny(data[i:], sc.first)
		if j < 0 {
			break
		}
		i += j
		m := sc.anchored.FindSubmatchIndex(data[i:])
		if m == nil {
			i++
			continue
		}
		cfrom, cto := m[2*g], m[2*g+1]
		if cfrom >= 0 {
			cfrom, cto = i+cfrom, i+cto
		}
		fn(i+m[0], i+m[1], cfrom, cto)
		i += max(m[1], 1)
	}
}

// commentScan is how Code reads a comments pattern: the bytes every
// match starts with (none when they cannot be told) and the pattern
// anchored at the start of its input.
type commentScan struct {
	first    string
	anchored *regexp.Regexp
}

var commentScans sync.Map // pattern → commentScan

func scanOf(expr string) commentScan {
	if v, ok := commentScans.Load(expr); ok {
		return v.(commentScan)
	}
	var sc commentScan
	if r, err := syntax.Parse(expr, syntax.Perl); err == nil {
		if first, ok := firstBytes(r.Simplify()); ok {
			sc = commentScan{first, regexp.MustCompile(`\A(?:` + expr + `)`)}
		}
	}
	v, _ := commentScans.LoadOrStore(expr, sc)
	return v.(commentScan)
}

// firstBytes returns the bytes a match of r starts with, when r can
// only match text of at least one byte whose first byte is one of a few
// ASCII bytes (a literal, a class of them, captures, alternatives and
// concatenations of such); false otherwise.
func firstBytes(r *syntax.Regexp) (string, bool) {
	switch r.Op {
	case syntax.OpLiteral:
		if len(r.Rune) == 0 || r.Rune[0] >= utf8.RuneSelf || r.Flags&syntax.FoldCase != 0 {
			return "", false
		}
		return string(r.Rune[0]), true
	case syntax.OpCharClass:
		var b strings.Builder
		for i := 0; i+1 < len(r.Rune); i += 2 {
			if r.Rune[i+1] >= utf8.RuneSelf || r.Rune[i+1]-r.Rune[i] > 16 {
				return "", false
			}
			for c := r.Rune[i]; c <= r.Rune[i+1]; c++ {
				b.WriteRune(c)
			}
		}
		return b.String(), b.Len() > 0
	case syntax.OpCapture:
		return firstBytes(r.Sub[0])
	case syntax.OpConcat:
		if len(r.Sub) == 0 {
			return "", false
		}
		return firstBytes(r.Sub[0])
	case syntax.OpAlternate:
		all := ""
		for _, s := range r.Sub {
			f, ok := firstBytes(s)
			if !ok {
				return "", false
			}
			all += f
		}
		return all, true
	}
	return "", false
}

// Skipped reports whether a folder or file of this name is not read.
func (s *WriteSources) Skipped(name string) bool {
	for _, g := range s.Skip {
		if globMatch(g, name) {
			return true
		}
	}
	return false
}

// namedDepth is how many names a write call's name may lead through
// before a literal (d of a loop over RAW_DIR, RAW_DIR = DATA_DIR / "raw",
// DATA_DIR = ROOT / "data", ROOT = the source's folder): the chain
// review 17's finding C showed, and a bound on the work.
const namedDepth = 4

// Paths returns the string-literal paths that write calls in a source
// file name, in the order they appear.
// A call whose path is a name (Named) writes the literals the name is
// bound to, at the call's place, each joined with the string literals
// of the match's group "args" (DATA / "raw.csv").
func (s *WriteSources) Paths(data []byte) []string {
	return s.PathsIn("", data, nil)
}

// importDepth is how many imports a name may be followed through from
// the source that writes by it (TOKEN_FILE imported from a module that
// imports it from a third): one is the common case, a few more a bound
// on the work.
const importDepth = 3

// Sources gives the build context's sources to a scan that follows a
// name into the source that binds it (WriteSources.Imports).
type Sources interface {
	// Source returns the source at name (a path of the build context)
	// as the scan reads it, and false when there is none to read.
	Source(name string) ([]byte, bool)
	// Folder returns the sources in folder dir, sorted.
	Folder(dir string) []string
}

// PathsIn is Paths for the source at name, whose names Imports may bind
// to the bindings of the other sources src gives. A write somewhere
// under a path (Written.Under) gives that path.
func (s *WriteSources) PathsIn(name string, data []byte, src Sources) []string {
	var out []string
	for _, w := range s.WritesIn(name, data, src) {
		out = append(out, w.Path)
	}
	return out
}

// Written is a path a write call names.
type Written struct {
	Path string
	// Under: the call writes somewhere under Path, joined to a part
	// that is no literal (a Named match's group "under": MODELS_DIR /
	// f"{name}.joblib").
	Under bool
}

// WritesIn returns the paths that write calls in the source at name
// write, in the order they appear, as PathsIn does, telling a write
// under a path from one at it.
func (s *WriteSources) WritesIn(name string, data []byte, src Sources) []Written {
	data = s.Aliases.Unaliased(data)
	im := s.importerFor(name, data, src)
	hits := literalHits(s.Patterns, data)
	hits = append(hits, s.namedHits(s.Named, data, im)...)
	for _, nv := range s.NamedValues {
		budget := bindingScanBudget // each its own, as BindingsCapped counts
		hits = append(hits, s.valueHits(nv, name, data, src, &budget)...)
	}
	slices.SortStableFunc(hits, func(a, b pathHit) int { return a.at - b.at })
	out := make([]Written, len(hits))
	for i, h := range hits {
		out[i] = Written{h.path, h.under}
	}
	return out
}

// namedHits returns the paths that the matches of patterns (Named's or
// NamedFolders') name by their group "name": each binding of the name
// before the match (Bindings, and through im the source's imports),
// joined with the string literals of a group "args"; a group "under"
// marks a write somewhere under the path.
func (s *WriteSources) namedHits(patterns []string, data []byte, im *importer) []pathHit {
	var hits []pathHit
	budget := bindingScanBudget
	bnd := s.Bindings.withMemo()
	for _, p := range patterns {
		if bnd == nil || !mayMatch(p, data) {
			continue
		}
		nr := re(p)
		g, ga, gu := nr.SubexpIndex("name"), nr.SubexpIndex("args"), nr.SubexpIndex("under")
		for _, m := range nr.FindAllSubmatchIndex(data, -1) {
			if m[2*g] < 0 {
				continue
			}
			if budget -= m[0]; budget < 0 {
				break // BindingsCapped tells
			}
			under := gu >= 0 && m[2*gu] >= 0
			// Bound before the name itself: a match may start a byte
			// before its line (open( after a newline), outside the
			// block of a scoped import above.
			for _, v := range bnd.boundIn(data, string(data[m[2*g]:m[2*g+1]]), m[2*g], namedDepth, im) {
				hits = append(hits, pathHit{m[2*g], joinArgs(v, data, m, ga), under})
			}
		}
	}
	return hits
}

// valueHits returns the paths the calls of nv in data write: each call's
// name bound, by nv.Bindings and through the source's imports, to a
// literal from which nv.Value reads a path. A name bound to no literal,
// or to one Value does not read, gives nothing (NamedValues).
func (s *WriteSources) valueHits(nv NamedValue, name string, data []byte, src Sources, budget *int) []pathHit {
	var hits []pathHit
	var im *importer
	var bnd *PathBindings
	vr := re(nv.Value)
	gp := vr.SubexpIndex("path")
	for _, p := range nv.Calls {
		if !mayMatch(p, data) {
			continue
		}
		if bnd == nil {
			vs := *s
			vs.Bindings = nv.Bindings
			bnd = nv.Bindings.withMemo()
			if s.Imports != nil && src != nil {
				// Not the cache src shares: that holds what the
				// path bindings bind, and these bind other literals.
				im = &importer{s: &vs, name: name, data: data, src: src, depth: importDepth, cache: &ImportCache{}}
			}
		}
		cr := re(p)
		g := cr.SubexpIndex("name")
		for _, m := range cr.FindAllSubmatchIndex(data, -1) {
			if m[2*g] < 0 {
				continue
			}
			if *budget -= m[0]; *budget < 0 {
				return hits // BindingsCapped tells
			}
			for _, v := range bnd.boundIn(data, string(data[m[2*g]:m[2*g+1]]), m[2*g], namedDepth, im) {
				if vm := vr.FindStringSubmatchIndex(v); vm != nil && vm[2*gp] >= 0 {
					hits = append(hits, pathHit{m[2*g], v[vm[2*gp]:vm[2*gp+1]], false})
				}
			}
		}
	}
	return hits
}

// UnboundIn reports whether a write call of the source at name writes by
// a name (Named) that binds to no literal path before it (state_file =
// current_dir + "/../data/state.dill"; open(state_file, "wb")): a write
// that happens where the source does not spell out, which WritesIn
// leaves out. A call past the binding scan's budget counts as one.
func (s *WriteSources) UnboundIn(name string, data []byte, src Sources) bool {
	if s == nil || len(s.Named) == 0 {
		return false
	}
	data = s.Aliases.Unaliased(data)
	im := s.importerFor(name, data, src)
	budget := bindingScanBudget
	bnd := s.Bindings.withMemo()
	for _, p := range s.Named {
		if !mayMatch(p, data) {
			continue
		}
		nr := re(p)
		g := nr.SubexpIndex("name")
		for _, m := range nr.FindAllSubmatchIndex(data, -1) {
			if m[2*g] < 0 {
				continue
			}
			if bnd == nil {
				return true
			}
			if budget -= m[0]; budget < 0 {
				return true
			}
			if len(bnd.boundIn(data, string(data[m[2*g]:m[2*g+1]]), m[2*g], namedDepth, im)) == 0 {
				return true
			}
		}
	}
	return false
}

// withMemo returns a copy of b that keeps what its scope checks read
// (scopeMemo), for the calls of one scan; nil for nil.
func (b *PathBindings) withMemo() *PathBindings {
	if b == nil {
		return nil
	}
	c := *b
	c.memo = &scopeMemo{scope: map[scopeKey]*scopeState{}, matches: map[matchKey][][]int{}}
	return &c
}

// bindingScanBudget bounds what one source's write scan reads for the
// bindings of the names its write calls give: each lookup reads the
// source up to the call (the nearest binding, then the text in between
// for a rebinding), so a large source with thousands of such calls took
// minutes (256 KiB and 3,000 calls by constants: 2.5 min; the scan's
// memo, withMemo, makes that 0.4 s, and this bounds what it cannot
// share, such as thousands of names bound once each). Counted as
// the sum of the calls' offsets; a call past it is not looked up, and
// BindingsCapped reports the source.
var bindingScanBudget = 32 << 20 // a var for tests

// BindingsCapped reports whether a source has more write calls by names
// than WritesIn and UnnamedWritesIn look up (bindingScanBudget): the
// writes past the budget are not read.
func (s *WriteSources) BindingsCapped(data []byte) bool {
	if s == nil {
		return false
	}
	var sets [][]string
	if s.Bindings != nil && len(s.Named) > 0 {
		sets = [][]string{s.Named, s.Unnamed}
	}
	if s.Bindings != nil && len(s.NamedFolders) > 0 {
		sets = append(sets, s.NamedFolders)
	}
	for _, nv := range s.NamedValues {
		sets = append(sets, nv.Calls)
	}
	for _, set := range sets {
		total := 0
		for _, p := range set {
			if !mayMatch(p, data) {
				continue
			}
			for _, m := range re(p).FindAllIndex(data, -1) {
				if total += m[0]; total > bindingScanBudget {
					return true
				}
			}
		}
	}
	return false
}

// joinArgs returns p joined with the string literals of the match m's
// group ga (none when ga is -1 or took no part), in order.
// importerFor follows the names the source name imports from the other
// sources of src, nil when the preset has no imports or src is nil.
func (s *WriteSources) importerFor(name string, data []byte, src Sources) *importer {
	if s.Imports == nil || src == nil {
		return nil
	}
	im := &importer{s: s, name: name, data: data, src: src, depth: importDepth, cache: &ImportCache{}}
	if c, ok := src.(interface{ Cache() *ImportCache }); ok {
		im.cache = c.Cache()
	}
	return im
}

func joinArgs(p string, data []byte, m []int, ga int) string {
	if ga < 0 || m[2*ga] < 0 {
		return p
	}
	parts := []string{p}
	for _, a := range re(fileDirArg).FindAllSubmatch(data[m[2*ga]:m[2*ga+1]], -1) {
		parts = append(parts, string(a[1])+string(a[2])+string(a[3]))
	}
	if len(parts) == 1 {
		return p
	}
	return path.Join(parts...)
}

// bound returns the literal paths that the nearest binding of name
// before offset at holds, following a branch that is itself a name at
// most depth times; none when a block the binding is in closes before
// at or the name may be bound anew in between (Shadow).
func (b *PathBindings) bound(data []byte, name string, at, depth int) []string {
	return b.boundIn(data, name, at, depth, nil)
}

// boundIn is bound with the names im imports into data: an import of
// name before at binds it as a binding there does, to the paths the
// imported source's binding holds.
func (b *PathBindings) boundIn(data []byte, name string, at, depth int, im *importer) []string {
	ps, _ := b.boundVar(data, name, at, depth, im)
	return ps
}

// boundVar is boundIn, also telling whether the binding is a
// variable's (a group "var" took part), which holds only where nothing
// assigns the name anew anywhere.
func (b *PathBindings) boundVar(data []byte, name string, at, depth int, im *importer) ([]string, bool) {
	if b == nil || !isDotted(name) {
		return nil, false
	}
	start, end := -1, 0
	var vals []string
	var held []string // the paths an import binds name to, read already
	var args []string // literals joined to each value's paths
	mut := false      // the binding is a variable's, which may be assigned anywhere
	// nearest takes the bindings of name that the patterns find in
	// data[from:to], keeping the last before at; decl is a group
	// declaration's match, whose group "var" marks its bindings as
	// variables'.
	nearest := func(patterns []string, from, to int, declVar bool, declEnd int) {
		for _, p := range patterns {
			if !mayMatch(p, data[from:to]) {
				continue
			}
			br := re(p)
			gn, ga, gl, gv := br.SubexpIndex("name"), br.SubexpIndex("args"), br.SubexpIndex("list"), br.SubexpIndex("var")
			for _, m := range b.findAll(p, data, from, to) {
				if m[2*gn] < 0 || string(data[from+m[2*gn]:from+m[2*gn+1]]) != name || from+m[0] <= start {
					continue
				}
				start, end, vals, args, held = from+m[0], from+m[1], nil, nil, nil
				if declEnd > end {
					// The rest of the declaration binds other names
					// (module.exports = { A: "a", B: "b" }).
					end = declEnd
				}
				mut = declVar || gv >= 0 && m[2*gv] >= 0
				for _, gv := range []int{br.SubexpIndex("value"), br.SubexpIndex("alt")} {
					if gv >= 0 && m[2*gv] >= 0 {
						vals = append(vals, string(data[from+m[2*gv]:from+m[2*gv+1]]))
					}
				}
				if gl >= 0 && m[2*gl] >= 0 {
					vals = append(vals, listItems(string(data[from+m[2*gl]:from+m[2*gl+1]]))...)
				}
				if ga >= 0 && m[2*ga] >= 0 {
					for _, a := range re(fileDirArg).FindAllSubmatch(data[from+m[2*ga]:from+m[2*ga+1]], -1) {
						args = append(args, string(a[1])+string(a[2])+string(a[3]))
					}
				}
			}
		}
	}
	nearest(b.Patterns, 0, at, false, 0)
	for _, g := range b.Groups {
		if !mayMatch(g.Decl, data[:at]) {
			continue
		}
		dr := re(g.Decl)
		gb, gv := dr.SubexpIndex("body"), dr.SubexpIndex("var")
		for _, m := range b.findAll(g.Decl, data, 0, at) {
			if m[2*gb] >= 0 {
				nearest(g.Patterns, m[2*gb], m[2*gb+1], gv >= 0 && m[2*gv] >= 0, min(m[1], at))
			}
		}
	}
	binder := "" // another source of the folder that binds name, when it does
	if im != nil {
		if is, ie, paths, from, v, ok := im.binding(name, start, at); ok {
			start, end, vals, args, held, binder, mut = is, ie, nil, nil, paths, from, v
		}
	}
	if start < 0 || !b.inScopeAt(data, end, at, name, b.Block) {
		return nil, false
	}
	if first, _, ok := strings.Cut(name, "."); ok && !b.inScopeAt(data, end, at, first, "") {
		// The module's own name bound anew (config = load()).
		return nil, false
	}
	if mut {
		// A variable may be assigned anywhere its scope reaches, before
		// the binding in the text or after the call (in a function that
		// runs first): no source it is shared with may assign it but the
		// binding itself (a Go package's var, seen by the folder's other
		// sources through Imports.Folder).
		whole := func() bool {
			return inScope(data[:start], name, "", b.Shadow) && inScope(data[end:], name, "", b.Shadow)
		}
		switch {
		case binder == "" && im == nil && !whole():
			return nil, false
		case binder == "" && im != nil && !im.outside(data, name, start, whole):
			return nil, false
		case binder != "" && im == nil:
			return nil, false
		case im != nil && im.assignedInFolder(name, binder):
			// With binder, the importing source is among those read.
			return nil, false
		}
	}
	out := slices.Clone(held)
	for _, v := range vals {
		switch {
		case len(v) >= 2 && strings.ContainsRune("'\"`", rune(v[0])) && v[len(v)-1] == v[0]:
			q := v[0]
			if v = v[1 : len(v)-1]; v != "" && !strings.Contains(v, "${") {
				out = append(out, v)
			} else if n, ok := bareTemplateName(v); ok && q == '`' {
				out = append(out, n)
			}
		case depth > 0:
			out = append(out, b.boundIn(data, v, start, depth-1, im)...)
		}
	}
	if len(args) > 0 {
		for i := range out {
			out[i] = path.Join(append([]string{out[i]}, args...)...)
		}
	}
	return out, mut
}

// importer reads the names a source imports from other sources of the
// build context (WriteSources.Imports).
type importer struct {
	s     *WriteSources
	name  string // the importing source, a path of the build context
	data  []byte
	src   Sources
	depth int // imports that may still be followed from here
	stmts []importStmt
	read  bool
	// cache holds what resolve and the folders' bindings found, shared
	// along the chain and, when Sources gives one, by all the scans.
	cache *ImportCache
}

// ImportCache keeps what a module binds a name to across the scans of
// one build context's sources, so that the sources of a big package
// that use one name read each file for it once. A Sources with a method
// Cache() *ImportCache gives one; its zero value is ready.
type ImportCache struct {
	m       map[importKey][]string
	folders map[string]map[string][]folderBinding // by folder, by name
	// assigned are the sources of a folder that may assign a name.
	assigned map[folderName][]string
	// varShadow is Shadow over any variable a folder's sources bind;
	// mayAssign whether a source matches its folder's.
	varShadow map[string]string
	mayAssign map[string]bool
	own       map[ownBinding]bool // outside's answers
}

// folderBinding is a name one source of a folder binds for good.
type folderBinding struct {
	file  string
	paths []string
	isVar bool // a variable's binding, which no other source may assign
}

// importKey is what resolve reads: a name of a source, at a depth.
type importKey struct {
	depth      int
	file, name string
}

// importStmt is one name an import statement binds.
type importStmt struct {
	local, remote string // the name in the importing source and in the module
	// prefix: the statement binds the module itself under local, so
	// local.NAME is the module's NAME (every name when local is "").
	prefix     bool
	file       string // the module's source
	start, end int    // the statement in the importing source
	until      int    // where its scope ends in the importing source
	isVar      bool   // a variable's binding, which may be assigned anew
}

// names reports whether the statement binds name, and the module's
// name for it.
func (st importStmt) names(name string) (string, bool) {
	switch {
	case !st.prefix:
		return st.remote, st.local == name
	case st.local == "":
		return name, isIdent(name)
	case strings.HasPrefix(name, st.local+"."):
		rest := name[len(st.local)+1:]
		return rest, isIdent(rest)
	}
	return "", false
}

// binding returns where the import of name nearest before at and after
// a binding at from is, with the paths the imported source binds the
// name to; false when there is none, or the module binds nothing by
// that name for good. A folder's shared bindings stand at the source's
// start, behind any binding of the source itself.
func (im *importer) binding(name string, from, at int) (start, end int, paths []string, binder string, isVar, ok bool) {
	if im.depth <= 0 {
		return 0, 0, nil, "", false, false
	}
	im.parse()
	best, remote := -1, ""
	for i, st := range im.stmts {
		r, ok := st.names(name)
		if ok && st.start > from && st.end <= at && (at < st.until || st.until == len(im.data)) && (best < 0 || st.start > im.stmts[best].start) {
			best, remote = i, r
		}
	}
	if best >= 0 {
		st := im.stmts[best]
		paths := im.resolve(st.file, remote)
		return st.start, st.end, paths, "", st.isVar, len(paths) > 0
	}
	if !im.s.Imports.Folder || from >= 0 {
		return 0, 0, nil, "", false, false
	}
	binders := 0
	for _, b := range im.folderBindings()[name] {
		if b.file != im.name {
			paths, binder, isVar = b.paths, b.file, b.isVar
			binders++
		}
	}
	// Two sources of one package binding one name do not compile.
	return 0, 0, paths, binder, isVar, binders == 1
}

// assignedInFolder reports whether a source of the importing source's
// folder other than it and binder may assign name (Shadow anywhere in
// it), when the folder's sources share their names (Imports.Folder).
func (im *importer) assignedInFolder(name, binder string) bool {
	if !im.s.Imports.Folder {
		return false
	}
	dir := path.Dir(im.name)
	key := folderName{dir, name}
	assigned, ok := im.cache.assigned[key]
	if !ok {
		shadow := im.s.Bindings.Shadow
		for _, f := range im.src.Folder(dir) {
			if data, ok := im.src.Source(f); ok && bytes.Contains(data, []byte(name)) && im.mayAssignVar(f, data) && !inScope(data, name, "", shadow) {
				assigned = append(assigned, f)
			}
		}
		if im.cache.assigned == nil {
			im.cache.assigned = map[folderName][]string{}
		}
		im.cache.assigned[key] = assigned
	}
	// The binder is read whole but its binding already; the importing
	// source, when it binds the name itself, likewise (outside).
	return slices.ContainsFunc(assigned, func(f string) bool { return f != binder && (binder != "" || f != im.name) })
}

// mayAssignVar reports whether a source of the folder may assign any
// variable the folder's sources bind (Shadow with {name} standing for
// any of them): one pass over each source, so that a package's many
// files are read once and not once for each name.
func (im *importer) mayAssignVar(file string, data []byte) bool {
	dir := path.Dir(file)
	if im.cache.varShadow == nil {
		im.cache.varShadow = map[string]string{}
		im.cache.mayAssign = map[string]bool{}
	}
	expr, ok := im.cache.varShadow[dir]
	if !ok {
		var names []string
		for n, bs := range im.folderBindings() {
			if slices.ContainsFunc(bs, func(b folderBinding) bool { return b.isVar }) {
				names = append(names, regexp.QuoteMeta(n))
			}
		}
		if len(names) > 0 {
			slices.Sort(names)
			expr = strings.ReplaceAll(im.s.Bindings.Shadow, "{name}", "(?:"+strings.Join(names, "|")+")")
		}
		im.cache.varShadow[dir] = expr
	}
	if expr == "" {
		return true // a variable of the source's own, not the folder's
	}
	may, ok := im.cache.mayAssign[file]
	if !ok {
		may = re(expr).Match(data)
		im.cache.mayAssign[file] = may
	}
	return may
}

// outside reports, once for each binding of a source's own, whether
// nothing but the binding at start may assign name in the source data
// (check, read whole but the binding). The key holds data's hash: a
// scan reads a source as it is and with its comments blanked.
func (im *importer) outside(data []byte, name string, start int, check func() bool) bool {
	key := ownBinding{maphash.Bytes(ownSeed, data), name, start}
	if v, ok := im.cache.own[key]; ok {
		return v
	}
	if im.cache.own == nil {
		im.cache.own = map[ownBinding]bool{}
	}
	v := check()
	im.cache.own[key] = v
	return v
}

// ownBinding is a source's own binding of a name.
type ownBinding struct {
	data  uint64 // the source's hash
	name  string
	start int
}

var ownSeed = maphash.MakeSeed()

// folderName is a name in one folder's sources.
type folderName struct{ dir, name string }

// folderBindings returns the names the sources of the importing
// source's folder bind for good (each source's binding nearest its end,
// with nothing after it that may bind the name anew), read once per
// folder: a package's files see each other's names, so a call by a name
// would otherwise read every file of the folder again.
func (im *importer) folderBindings() map[string][]folderBinding {
	dir := path.Dir(im.name)
	if bs, ok := im.cache.folders[dir]; ok {
		return bs
	}
	bs := map[string][]folderBinding{}
	b := im.s.Bindings
	for _, f := range im.src.Folder(dir) {
		data, ok := im.src.Source(f)
		if !ok {
			continue
		}
		names := map[string]bool{}
		collect := func(patterns []string, text []byte) {
			for _, p := range patterns {
				if !mayMatch(p, text) {
					continue
				}
				r := re(p)
				gn := r.SubexpIndex("name")
				for _, m := range r.FindAllSubmatchIndex(text, -1) {
					if m[2*gn] >= 0 {
						names[string(text[m[2*gn]:m[2*gn+1]])] = true
					}
				}
			}
		}
		collect(b.Patterns, data)
		for _, g := range b.Groups {
			if !mayMatch(g.Decl, data) {
				continue
			}
			dr := re(g.Decl)
			gb := dr.SubexpIndex("body")
			for _, m := range dr.FindAllSubmatchIndex(data, -1) {
				if m[2*gb] >= 0 {
					collect(g.Patterns, data[m[2*gb]:m[2*gb+1]])
				}
			}
		}
		for _, n := range slices.Sorted(maps.Keys(names)) {
			// The folder's names are all read here: a source's own
			// binding by another's name is not followed a second time.
			if ps, v := b.boundVar(data, n, len(data), namedDepth, nil); len(ps) > 0 && im.exports(data, n) {
				bs[n] = append(bs[n], folderBinding{f, ps, v})
			}
		}
	}
	if im.cache.folders == nil {
		im.cache.folders = map[string]map[string][]folderBinding{}
	}
	im.cache.folders[dir] = bs
	return bs
}

// resolve returns the paths the source file binds name to for good:
// its binding nearest its end, read with the source's own imports one
// level further.
func (im *importer) resolve(file, name string) []string {
	key := importKey{im.depth, file, name}
	if ps, ok := im.cache.m[key]; ok {
		return ps
	}
	data, ok := im.src.Source(file)
	// A binding spells the name: most of a package's files do not (but
	// a module that re-exports all of another's, which Exported tells).
	if !ok || len(im.s.Imports.Exported) == 0 && !bytes.Contains(data, []byte(name)) || !im.exports(data, name) {
		return nil
	}
	if im.cache.m == nil {
		im.cache.m = map[importKey][]string{}
	}
	next := &importer{s: im.s, name: file, data: data, src: im.src, depth: im.depth - 1, cache: im.cache}
	ps := im.s.Bindings.boundIn(data, name, len(data), namedDepth, next)
	im.cache.m[key] = ps
	return ps
}

// exports reports whether a module's data gives name to an importer:
// always when the preset lists no Exported shapes.
func (im *importer) exports(data []byte, name string) bool {
	ex := im.s.Imports.Exported
	if len(ex) == 0 {
		return true
	}
	for _, p := range ex {
		if re(strings.ReplaceAll(p, "{name}", regexp.QuoteMeta(name))).Match(data) {
			return true
		}
	}
	return false
}

// parse reads the source's import statements once.
func (im *importer) parse() {
	if im.read {
		return
	}
	im.read = true
	ims := im.s.Imports
	if len(ims.Statements) == 0 {
		return
	}
	nr := re(ims.Names)
	gn, ga := nr.SubexpIndex("name"), nr.SubexpIndex("alias")
	for _, p := range ims.Statements {
		if !mayMatch(p, im.data) {
			continue
		}
		sr := re(p)
		gm, gs, gp, gv := sr.SubexpIndex("module"), sr.SubexpIndex("names"), sr.SubexpIndex("prefix"), sr.SubexpIndex("var")
		gms := sr.SubexpIndex("modules")
		for _, m := range sr.FindAllSubmatchIndex(im.data, -1) {
			if gms >= 0 && m[2*gms] >= 0 && ims.Modules != "" {
				// Several modules, each bound whole as alone.
				until := im.scopeEnd(m[0])
				mr := re(ims.Modules)
				mm, mp := mr.SubexpIndex("module"), mr.SubexpIndex("prefix")
				list := im.data[m[2*gms]:m[2*gms+1]]
				for _, n := range mr.FindAllSubmatchIndex(list, -1) {
					if mm < 0 || n[2*mm] < 0 {
						continue
					}
					module := string(list[n[2*mm]:n[2*mm+1]])
					file, ok := im.moduleFile(module)
					if !ok {
						continue
					}
					st := importStmt{local: module, prefix: true, file: file, start: m[0], end: m[1], until: until}
					if mp >= 0 && n[2*mp] >= 0 {
						st.local = string(list[n[2*mp]:n[2*mp+1]])
					}
					im.stmts = append(im.stmts, st)
				}
				continue
			}
			if gm < 0 || m[2*gm] < 0 {
				continue
			}
			module := string(im.data[m[2*gm]:m[2*gm+1]])
			file, ok := im.moduleFile(module)
			named := gs >= 0 && m[2*gs] >= 0
			if !ok && !(named && ims.Submodules) {
				continue
			}
			isVar := gv >= 0 && m[2*gv] >= 0
			until := im.scopeEnd(m[0])
			if !named {
				// The module itself, under a name: its names are
				// prefix.NAME (import config), or every name with an
				// empty prefix (export * from).
				if gp < 0 {
					continue
				}
				st := importStmt{local: module, prefix: true, file: file, start: m[0], end: m[1], until: until, isVar: isVar}
				if m[2*gp] >= 0 {
					st.local = string(im.data[m[2*gp]:m[2*gp+1]])
				}
				im.stmts = append(im.stmts, st)
				continue
			}
			names := im.data[m[2*gs]:m[2*gs+1]]
			for _, n := range nr.FindAllSubmatchIndex(names, -1) {
				if n[2*gn] < 0 {
					continue
				}
				st := importStmt{remote: string(names[n[2*gn]:n[2*gn+1]]), file: file, start: m[0], end: m[1], until: until, isVar: isVar}
				st.local = st.remote
				if ga >= 0 && n[2*ga] >= 0 {
					st.local = string(names[n[2*ga]:n[2*ga+1]])
				}
				if sub, ok := im.submodule(module, st.remote, file); ok {
					// The name is a module of the package: its names
					// are local.NAME (from app import config).
					st.prefix, st.remote, st.file = true, "", sub
				} else if file == "" {
					continue
				}
				im.stmts = append(im.stmts, st)
			}
		}
	}
}

// submodule returns the source of the module that name names inside
// module (Python's from app import config: app/config.py), when
// Imports.Submodules reads so and the module's own source (pkg, "" when
// there is none) does not spell the name, which would bind it first.
func (im *importer) submodule(module, name, pkg string) (string, bool) {
	ims := im.s.Imports
	if !ims.Submodules {
		return "", false
	}
	if pkg != "" {
		if data, ok := im.src.Source(pkg); ok && re(`\b`+regexp.QuoteMeta(name)+`\b`).Match(data) {
			return "", false
		}
	}
	sub := module + ims.Sep + name
	if ims.Relative != "" && strings.Trim(module, ims.Relative) == "" {
		sub = module + name // from . import config
	}
	return im.moduleFile(sub)
}

// scopeEnd is where the scope of a statement at offset at ends: the end
// of the source, or, when the statement is indented under a line that
// Imports.Scope matches (a def), the first later line, not blank,
// indented no deeper than that line.
func (im *importer) scopeEnd(at int) int {
	data := im.data
	if im.s.Imports.Scope == "" {
		return len(data)
	}
	indent := func(line []byte) (int, bool) {
		n := len(line) - len(bytes.TrimLeft(line, " \t"))
		return n, len(bytes.TrimSpace(line)) > 0
	}
	lineStart := bytes.LastIndexByte(data[:at], '\n') + 1
	depth, _ := indent(data[lineStart:])
	for i := lineStart; depth > 0 && i > 0; {
		// The line above, and its indentation.
		j := bytes.LastIndexByte(data[:i-1], '\n') + 1
		line := data[j : i-1]
		i = j
		d, text := indent(line)
		if !text || d >= depth {
			continue
		}
		depth = d
		if !re(im.s.Imports.Scope).Match(line) {
			continue
		}
		// The block ends at the first later line indented no deeper.
		for k := bytes.IndexByte(data[at:], '\n'); k >= 0; {
			from := at + k + 1
			next := bytes.IndexByte(data[from:], '\n')
			end := len(data)
			if next >= 0 {
				end = from + next
			}
			if d2, text := indent(data[from:end]); text && d2 <= d {
				return from
			}
			if next < 0 {
				break
			}
			at, k = from, next
		}
		return len(data)
	}
	return len(data)
}

// moduleFile returns the source of the build context a module names:
// a relative module's file in its folder, any other's in the importing
// source's folder or one above it, when exactly one of those is a
// source; false when none is, or two are, since which one the
// program's module path finds first cannot be told.
func (im *importer) moduleFile(module string) (string, bool) {
	ims := im.s.Imports
	dir := path.Dir(im.name)
	if ims.PathModules {
		if !strings.HasPrefix(module, "./") && !strings.HasPrefix(module, "../") {
			return "", false // a package's
		}
		for _, f := range ims.Files {
			cand := path.Join(dir, strings.Replace(f, "{}", module, 1))
			if cand == ".." || strings.HasPrefix(cand, "../") || cand == im.name {
				continue
			}
			if _, ok := im.src.Source(cand); ok {
				return cand, true
			}
		}
		return "", false
	}
	relative := false
	if r := ims.Relative; r != "" && strings.HasPrefix(module, r) {
		relative = true
		module = strings.TrimPrefix(module, r)
		for strings.HasPrefix(module, r) {
			if dir == "." {
				return "", false // above the build context
			}
			dir, module = path.Dir(dir), strings.TrimPrefix(module, r)
		}
	}
	rel := module
	if ims.Sep != "" {
		rel = strings.ReplaceAll(module, ims.Sep, "/")
	}
	if strings.Contains(rel, "..") || path.IsAbs(rel) {
		return "", false
	}
	var found []string
	for {
		for _, f := range ims.Files {
			cand := path.Join(dir, strings.Replace(f, "{}", rel, 1))
			if cand == im.name || slices.Contains(found, cand) || strings.HasPrefix(cand, "../") {
				continue
			}
			if _, ok := im.src.Source(cand); ok {
				found = append(found, cand)
			}
		}
		if relative || dir == "." {
			break
		}
		dir = path.Dir(dir)
	}
	if len(found) != 1 {
		return "", false
	}
	return found[0], true
}

// listItems returns the items of a comma-separated list (a group
// "list" of a binding: for d in [RAW_DIR, "models"]), each trimmed; a
// comma inside a string literal or brackets separates nothing. An item
// that is neither a literal nor a name is dropped by bound, which reads
// only those.
func listItems(s string) []string {
	var out []string
	depth, quote, from := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[from:i]))
			from = i + 1
		}
	}
	if t := strings.TrimSpace(s[from:]); t != "" {
		out = append(out, t)
	}
	return out
}

// inScope reports whether a binding of name still holds after the text
// between it and its use: no block (Block's two characters) it is in
// closes, and nothing matches Shadow ({name} standing for the name).
// scopeMemo keeps, for one source's scan, how far the text after each
// binding was found in scope: the calls by one name after the same
// binding then read only the text since the last call, not all of it
// again (a 256 KiB source with 3,000 calls by constants read its text
// again at each call: minutes).
type scopeMemo struct {
	scope   map[scopeKey]*scopeState
	matches map[matchKey][][]int
}

// matchKey is a pattern over one source.
type matchKey struct {
	data    *byte
	n       int
	pattern string
}

type scopeKey struct {
	data        *byte
	n           int
	name, block string
	end         int
}

// scopeState: the text from the binding's end to ok is in scope, with
// depth blocks open at ok; failAt, when not 0, is where it stops being.
type scopeState struct{ ok, depth, failAt int }

// findAll returns the regexp p's submatches in data[from:to], offsets
// from from. With a memo, those of data[:to] come from one scan of the
// whole source, kept: the ones that end by to (a binding the calls
// before it see), instead of a scan up to each call.
func (b *PathBindings) findAll(p string, data []byte, from, to int) [][]int {
	if b.memo == nil || from != 0 || len(data) == 0 {
		return re(p).FindAllSubmatchIndex(data[from:to], -1)
	}
	k := matchKey{&data[0], len(data), p}
	all, ok := b.memo.matches[k]
	if !ok {
		all = re(p).FindAllSubmatchIndex(data, -1)
		b.memo.matches[k] = all
	}
	n, _ := slices.BinarySearchFunc(all, to, func(m []int, t int) int { return cmp.Compare(m[0], t) })
	out := make([][]int, 0, n)
	for _, m := range all[:n] {
		if m[1] <= to {
			out = append(out, m)
		}
	}
	return out
}

// scopeOverlap is how far before the last checked place a Shadow match
// is looked for again, from a line's start: one that began before it
// and ends after is found whole.
const scopeOverlap = 256

// inScopeAt is inScope(data[end:at], name, block, b.Shadow), read
// incrementally through b.memo when there is one.
func (b *PathBindings) inScopeAt(data []byte, end, at int, name, block string) bool {
	if b.memo == nil || len(data) == 0 {
		return inScope(data[end:at], name, block, b.Shadow)
	}
	k := scopeKey{&data[0], len(data), name, block, end}
	st := b.memo.scope[k]
	if st == nil {
		st = &scopeState{ok: end}
		b.memo.scope[k] = st
	}
	switch {
	case st.failAt > 0 && at >= st.failAt:
		return false
	case at <= st.ok:
		return true
	case st.failAt > 0:
		return inScope(data[end:at], name, block, b.Shadow) // before a failure already found: read whole
	}
	depth := st.depth
	if len(block) == 2 {
		for i := st.ok; i < at; i++ {
			switch data[i] {
			case block[0]:
				depth++
			case block[1]:
				if depth--; depth < 0 {
					st.failAt = i + 1
					return false
				}
			}
		}
	}
	if b.Shadow != "" {
		from := end
		if back := st.ok - scopeOverlap; back > end {
			from = end
			if j := bytes.LastIndexByte(data[end:back], '\n'); j >= 0 {
				from = end + j + 1
			}
		}
		if re(strings.ReplaceAll(b.Shadow, "{name}", regexp.QuoteMeta(name))).Match(data[from:at]) {
			st.failAt = at
			return false
		}
	}
	st.ok, st.depth = at, depth
	return true
}

func inScope(between []byte, name, block, shadow string) bool {
	if len(block) == 2 {
		depth := 0
		for _, c := range between {
			switch c {
			case block[0]:
				depth++
			case block[1]:
				if depth--; depth < 0 {
					return false
				}
			}
		}
	}
	return shadow == "" || !re(strings.ReplaceAll(shadow, "{name}", regexp.QuoteMeta(name))).Match(between)
}

// fileDirArg is one string literal among a FileDir match's arguments
// (compiled on first use, as every pattern: none at start-up).
const fileDirArg = "'([^'\\n]*)'|\"([^\"\\n]*)\"|`([^`$\\n]*)`"

// InFileDir returns data with every FileDir expression read as the
// string literal of the path it gives when the source's own folder is
// dir (an absolute path in the image), and whether it changed any. A
// path with a quote of its own is left as it is.
func (s *WriteSources) InFileDir(data []byte, dir string) ([]byte, bool) {
	type repl struct {
		start, end int
		lit        string
	}
	var rs []repl
	for _, p := range s.FileDir {
		if !mayMatch(p, data) {
			continue
		}
		r := re(p)
		ga := r.SubexpIndex("args")
		for _, m := range r.FindAllSubmatchIndex(data, -1) {
			parts := []string{dir}
			for i, name := range r.SubexpNames() {
				if name == "up" && m[2*i] >= 0 {
					for range upCount(string(data[m[2*i]:m[2*i+1]])) {
						parts = append(parts, "..")
					}
				}
			}
			if ga >= 0 && m[2*ga] >= 0 {
				for _, a := range re(fileDirArg).FindAllSubmatch(data[m[2*ga]:m[2*ga+1]], -1) {
					parts = append(parts, string(a[1])+string(a[2])+string(a[3]))
				}
			}
			p := path.Join(parts...)
			if !strings.ContainsAny(p, "\"'`\\\n") {
				rs = append(rs, repl{m[0], m[1], `"` + p + `"`})
			}
		}
	}
	if len(rs) == 0 {
		return data, false
	}
	// Of two matches from one place, the longer (the folder with the
	// literals joined to it) stands.
	slices.SortFunc(rs, func(a, b repl) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	var out []byte
	last := 0
	for _, r := range rs {
		if r.start < last {
			continue // overlapping matches of two patterns: the first stands
		}
		out = append(append(out, data[last:r.start]...), r.lit...)
		last = r.end
	}
	return append(out, data[last:]...), true
}

// upCount is how many folders up a FileDir match's group "up" goes: a
// number N (Python's parents[1]) goes N up; other text one up for each
// time its first word appears in it (".parent.parent" after a first
// .parent, which the pattern reads as the folder itself: 2). Past 64 the
// count changes nothing, since no image path is that deep: "/" is as far
// up as a path goes.
func upCount(s string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		return max(0, min(n, 64))
	}
	w := re(`[A-Za-z_]\w*`).FindString(s)
	if w == "" {
		return 0
	}
	return len(re(`\b`+regexp.QuoteMeta(w)+`\b`).FindAllStringIndex(s, -1))
}

// FolderPaths returns the string-literal folders that the framework's
// settings in a source file name (Folders), in the order they appear.
func (s *WriteSources) FolderPaths(data []byte) []string { return s.FolderPathsIn("", data, nil) }

// FolderPathsIn is FolderPaths for the source at name among src, with
// the folders NamedFolders name by a name bound to a literal (review 24,
// finding C: STATIC_ROOT = BASE_DIR / "staticfiles"), in the order they
// appear. A name bound to nothing names no folder.
func (s *WriteSources) FolderPathsIn(name string, data []byte, src Sources) []string {
	if len(s.NamedFolders) == 0 {
		return literalPaths(s.Folders, data)
	}
	data = s.Aliases.Unaliased(data)
	hits := literalHits(s.Folders, data)
	hits = append(hits, s.namedHits(s.NamedFolders, data, s.importerFor(name, data, src))...)
	return hitPaths(hits)
}

// UnnamedWrites returns the write calls of a source whose path is no
// literal: each expression and where its call starts. A call whose
// expression holds a path the patterns read (Path.of("temp")) is that
// write, not an unnamed one.
func (s *WriteSources) UnnamedWrites(data []byte) []Literal {
	return s.UnnamedWritesIn("", data, nil)
}

// UnnamedWritesIn is UnnamedWrites of the source name among src: a name
// that src's imports bind to a literal (writes.sources.imports) names its
// path as one bound in the source does.
func (s *WriteSources) UnnamedWritesIn(name string, data []byte, src Sources) []Literal {
	im := s.importerFor(name, data, src)
	budget := bindingScanBudget
	bnd := s.Bindings.withMemo()
	var named []int
	groupMatches(s.Patterns, data, "path", func(_ []int, start, _ int) {
		named = append(named, start)
	})
	var out []Literal
	for _, p := range s.Unnamed {
		// A group "call" tells where the call is when the match starts
		// before it (at the import that makes it a write).
		c := re(p).SubexpIndex("call")
		groupMatches([]string{p}, data, "expr", func(m []int, start, end int) {
			expr := strings.TrimSpace(string(data[start:end]))
			if slices.ContainsFunc(named, func(at int) bool { return at >= start && at < end }) {
				return
			}
			if budget -= m[0]; len(s.Named) > 0 && budget >= 0 && len(bnd.boundIn(data, expr, start, 2, im)) > 0 {
				// A name bound to a literal names the path: Named reads it.
				return
			}
			at := callStart(data, m)
			if c >= 0 && m[2*c] >= 0 {
				at = m[2*c]
			}
			out = append(out, Literal{expr, at})
		})
	}
	slices.SortStableFunc(out, func(a, b Literal) int { return a.Offset - b.Offset })
	return out
}

// UnnamedConfigWrites returns the UnnamedConfig calls of a source:
// each expression and where its call starts.
func (s *WriteSources) UnnamedConfigWrites(data []byte) []Literal {
	var out []Literal
	groupMatches(s.UnnamedConfig, data, "expr", func(m []int, start, end int) {
		out = append(out, Literal{strings.TrimSpace(string(data[start:end])), callStart(data, m)})
	})
	slices.SortStableFunc(out, func(a, b Literal) int { return a.Offset - b.Offset })
	return out
}

// RootPaths returns what a source reads under /root or in the home
// folder (RootReads): each path, "~" for a call that gives the home
// folder, and where its match starts, in the order they appear.
func (s *WriteSources) RootPaths(data []byte) []Literal {
	var out []Literal
	for _, p := range s.RootReads {
		if !mayMatch(p, data) {
			continue
		}
		r := re(p)
		pg, hg := r.SubexpIndex("path"), r.SubexpIndex("home")
		for _, m := range r.FindAllSubmatchIndex(data, -1) {
			if compared(r, m) {
				continue
			}
			switch {
			case pg >= 0 && m[2*pg] >= 0:
				t := string(data[m[2*pg]:m[2*pg+1]])
				if t == "/root" || strings.HasPrefix(t, "/root/") || t == "~" || strings.HasPrefix(t, "~/") {
					out = append(out, Literal{t, m[0]})
				}
			case hg >= 0 && m[2*hg] >= 0:
				out = append(out, Literal{"~", m[0]})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Literal) int { return a.Offset - b.Offset })
	return out
}

// Ports returns the literal ports the server calls of a source listen
// on (ListenPorts), with where each match starts, in the order they
// appear. inString tells whether an offset lies inside a string literal:
// a call spelled in a message listens on nothing.
func (s *WriteSources) Ports(data []byte, inString func(int) bool) []Literal {
	var out []Literal
	for _, p := range s.ListenPorts {
		if !mayMatch(p, data) {
			continue
		}
		r := re(p)
		g := r.SubexpIndex("port")
		for _, m := range r.FindAllSubmatchIndex(data, -1) {
			if m[2*g] < 0 || inString != nil && inString(m[0]) {
				continue
			}
			out = append(out, Literal{string(data[m[2*g]:m[2*g+1]]), m[0]})
		}
	}
	slices.SortStableFunc(out, func(a, b Literal) int { return a.Offset - b.Offset })
	return out
}

// SocketUse is what in a source shows the program connects to a socket
// of Sockets: a literal naming it, or a client library's call that
// connects to it by default.
type SocketUse struct {
	Offset int    // where the match starts
	Path   string // the socket
	Client string // the library, for a client's call
}

// Uses returns the uses of the sockets in a source, in the order they
// appear. inString tells whether an offset lies inside a string literal:
// a client's call spelled there (in a message) connects to nothing.
func (k *Sockets) Uses(data []byte, inString func(int) bool) []SocketUse {
	var out []SocketUse
	for _, p := range k.Literals {
		if !mayMatch(p, data) {
			continue
		}
		r := re(p)
		g := r.SubexpIndex("path")
		for _, m := range r.FindAllSubmatchIndex(data, -1) {
			if m[2*g] < 0 || tookPart(r, m, "held") {
				continue
			}
			if t := string(data[m[2*g]:m[2*g+1]]); slices.Contains(k.Paths, t) {
				out = append(out, SocketUse{Offset: m[0], Path: t})
			}
		}
	}
	for _, c := range k.Clients {
		if c.In != "" && !(mayMatch(c.In, data) && re(c.In).Match(data)) || !mayMatch(c.Call, data) {
			continue
		}
		for _, m := range re(c.Call).FindAllIndex(data, -1) {
			if inString == nil || !inString(m[0]) {
				out = append(out, SocketUse{Offset: m[0], Path: c.Path, Client: c.Name})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b SocketUse) int { return a.Offset - b.Offset })
	return out
}

// compared tells whether a RootReads match took part in a group named
// "compare": the literal is an operand of a string comparison
// (p == "/root", strings.HasPrefix(p, "/root/")), which tests a value the
// program holds and opens nothing (restage's own image, whose sources
// compare paths with "/root", kept root for it).
func compared(r *regexp.Regexp, m []int) bool { return tookPart(r, m, "compare") }

// tookPart tells whether a group of that name took part in the match m.
func tookPart(r *regexp.Regexp, m []int, group string) bool {
	for i, name := range r.SubexpNames() {
		if name == group && m[2*i] >= 0 {
			return true
		}
	}
	return false
}

// literalPaths returns the group "path" of each match of the patterns,
// in the order they appear.
func literalPaths(patterns []string, data []byte) []string {
	return hitPaths(literalHits(patterns, data))
}

// pathHit is a path a source names and where.
type pathHit struct {
	at    int
	path  string
	under bool // a write somewhere under path
}

// literalHits returns the group "path" of each match of the patterns,
// joined with the string literals of a group "args" when the pattern
// has one (Path("data") / "raw").
func literalHits(patterns []string, data []byte) []pathHit {
	var hits []pathHit
	for _, p := range patterns {
		if !mayMatch(p, data) {
			continue
		}
		r := re(p)
		g, ga, gu := r.SubexpIndex("path"), r.SubexpIndex("args"), r.SubexpIndex("under")
		for _, m := range r.FindAllSubmatchIndex(data, -1) {
			if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
				// A group "under": parts that are no literal follow,
				// so the write is somewhere under the path.
				under := gu >= 0 && m[2*gu] >= 0
				hits = append(hits, pathHit{m[2*g], joinArgs(string(data[m[2*g]:m[2*g+1]]), data, m, ga), under})
			}
		}
	}
	return hits
}

// hitPaths returns the paths of hits in the order they appear.
func hitPaths(hits []pathHit) []string {
	slices.SortStableFunc(hits, func(a, b pathHit) int { return a.at - b.at })
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.path
	}
	return out
}

// Builds reports whether the builder image's tag is one whose libraries
// the dependencies may need.
func (b *BuilderLibs) Builds(tag string) bool { return matchString(b.Tag, tag) }

// expr is a pattern with {name} standing for any of the dependencies,
// as a group named name.
func (b *BuilderLibs) expr(pattern string) string {
	return nameExprs.get(unsafe.Pointer(b), pattern, func() string { return b.makeExpr(pattern) })
}

func (b *BuilderLibs) makeExpr(pattern string) string {
	var alt []string
	for _, d := range b.Deps {
		alt = append(alt, regexp.QuoteMeta(d.Name))
	}
	return strings.ReplaceAll(pattern, "{name}", "(?P<name>"+strings.Join(alt, "|")+")")
}

// dep is the listed dependency of a matched name, in any case.
func (b *BuilderLibs) dep(name string) (*LibDep, bool) {
	for i := range b.Deps {
		if strings.EqualFold(b.Deps[i].Name, name) {
			return &b.Deps[i], true
		}
	}
	return nil, false
}

// InFile returns the listed dependencies a file names, in the order
// they appear in it, each once.
func (b *BuilderLibs) InFile(data []byte) []*LibDep {
	if b.Match == "" {
		return nil
	}
	expr := b.expr(b.Match)
	if !mayMatch(expr, data) {
		return nil
	}
	data = blankComments(b.Comments, data)
	r := re(expr)
	var out []*LibDep
	for _, m := range r.FindAllSubmatch(data, -1) {
		if d, ok := b.dep(string(m[r.SubexpIndex("name")])); ok && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// HomeCallUse is a call of HomeDeps.Calls in a source, and where its
// match starts.
type HomeCallUse struct {
	Call   *HomeCall
	Offset int
}

// CallsIn returns the calls of Calls a source makes that write in the
// home folder, in the order they appear: not those in a source that
// lacks the call's In, nor a match in which a group "elsewhere" took
// part (a local folder given as the model).
func (h *HomeDeps) CallsIn(data []byte) []HomeCallUse {
	var out []HomeCallUse
	for i := range h.Calls {
		c := &h.Calls[i]
		if c.In != "" && !(mayMatch(c.In, data) && re(c.In).Match(data)) || !mayMatch(c.Call, data) {
			continue
		}
		r := re(c.Call)
		for _, m := range r.FindAllSubmatchIndex(data, -1) {
			if !tookPart(r, m, "elsewhere") {
				out = append(out, HomeCallUse{c, m[0]})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b HomeCallUse) int { return a.Offset - b.Offset })
	return out
}

// Named returns the listed dependency a RUN word names.
func (b *BuilderLibs) Named(word string) (*LibDep, bool) {
	if b.Word == "" {
		return nil, false
	}
	expr := b.expr(b.Word)
	if !mayMatchString(expr, word) {
		return nil, false
	}
	r := re(expr)
	m := r.FindStringSubmatch(word)
	if m == nil {
		return nil, false
	}
	return b.dep(m[r.SubexpIndex("name")])
}

// expr is a pattern with {name} standing for any of the dependencies,
// each separator of a name spelled any way Same allows.
func (h *HomeDeps) expr(pattern string) string {
	return nameExprs.get(unsafe.Pointer(h), pattern, func() string { return h.makeExpr(pattern) })
}

func (h *HomeDeps) makeExpr(pattern string) string {
	var alt []string
	for _, d := range h.Deps {
		alt = append(alt, h.spelled(d.Name))
	}
	return strings.ReplaceAll(pattern, "{name}", "(?P<name>"+strings.Join(alt, "|")+")")
}

// spelled is a regexp of name whose separators may be any of Same.
func (h *HomeDeps) spelled(name string) string {
	if h.Same == "" {
		return regexp.QuoteMeta(name)
	}
	sep := re(h.Same)
	var b strings.Builder
	last := 0
	for _, at := range sep.FindAllStringIndex(name, -1) {
		b.WriteString(regexp.QuoteMeta(name[last:at[0]]) + "(?:" + h.Same + ")")
		last = at[1]
	}
	b.WriteString(regexp.QuoteMeta(name[last:]))
	return b.String()
}

// dep is the listed dependency a matched name spells.
func (h *HomeDeps) dep(name string) (*HomeDep, bool) {
	for i := range h.Deps {
		if re("(?i)^" + h.spelled(h.Deps[i].Name) + "$").MatchString(name) {
			return &h.Deps[i], true
		}
	}
	return nil, false
}

// HomeDepAt is a listed dependency a file names, and the offset of
// the name.
type HomeDepAt struct {
	Dep *HomeDep
	At  int
}

// AllInFile is every listed dependency a file names, each once, in the
// order the file first names them.
func (h *HomeDeps) AllInFile(data []byte) []HomeDepAt {
	if h.Match == "" {
		return nil
	}
	expr := h.expr(h.Match)
	if !mayMatch(expr, data) {
		return nil
	}
	data = blankComments(h.Comments, data)
	r := re(expr)
	var out []HomeDepAt
	for _, m := range r.FindAllSubmatchIndex(data, -1) {
		// {name} may stand in more than one alternative: the group that
		// took part names the dependency.
		for i, n := range r.SubexpNames() {
			k := 2 * i
			if n != "name" || m[k] < 0 {
				continue
			}
			if d, ok := h.dep(string(data[m[k]:m[k+1]])); ok && !slices.ContainsFunc(out, func(x HomeDepAt) bool { return x.Dep == d }) {
				out = append(out, HomeDepAt{d, m[k]})
			}
			break
		}
	}
	return out
}

// Named returns the listed dependency a RUN word names.
func (h *HomeDeps) Named(word string) (*HomeDep, bool) {
	if h.Word == "" {
		return nil, false
	}
	expr := h.expr(h.Word)
	if !mayMatchString(expr, word) {
		return nil, false
	}
	r := re(expr)
	m := r.FindStringSubmatch(word)
	if m == nil {
		return nil, false
	}
	return h.dep(m[r.SubexpIndex("name")])
}

// Reason is the why for a dependency found in where.
func (b *BuilderLibs) Reason(name, where string) string {
	return strings.NewReplacer("{name}", name, "{where}", where).Replace(b.Why)
}

// KeptWithOf returns the packages that come along with a build-only
// package installed in the runtime, in the order of the globs' names.
func (m *PackageMap) KeptWithOf(pkg string) []string {
	var out []string
	for _, g := range m.KeptWith.Names() {
		if ok, _ := path.Match(g, pkg); ok {
			for _, w := range m.KeptWith.Get(g) {
				if !slices.Contains(out, w) {
					out = append(out, w)
				}
			}
		}
	}
	return out
}

// RunsAs returns the programs a build-only package gives: its own name,
// then those the map's Programs lists for it (build-essential: gcc,
// g++, make...).
func (m *PackageMap) RunsAs(pkg string) []string {
	return append([]string{pkg}, m.Programs.Get(pkg)...)
}

// SourceFile reports whether a file a COPY or ADD writes at this
// absolute path adds a package source.
func (m *PackageMap) SourceFile(p string) bool {
	for _, g := range m.SourceFiles {
		if pathGlobMatch(g, p) {
			return true
		}
	}
	return false
}

// KnownSourcePackages returns the package globs of the sources a RUN's
// text adds, and whether every one it adds is known: the text is cut
// into its commands (at &&, ||, ; and line ends, a continued line joined
// first), and each command that adds a source must match a known one.
func (m *PackageMap) KnownSourcePackages(text string) ([]string, bool) {
	var globs []string
	text = strings.ReplaceAll(text, "\\\n", " ")
	for _, seg := range re(`&&|\|\||;|\n`).Split(text, -1) {
		if m.SourceAt(seg) < 0 {
			continue
		}
		found := false
		for _, k := range m.KnownSources {
			if mayMatchString(k.Match, seg) && re(k.Match).MatchString(seg) {
				globs = append(globs, k.Packages...)
				found = true
			}
		}
		if !found {
			return nil, false
		}
	}
	return globs, true
}

// SourceAt returns where in a RUN's text a package source is first
// added, or -1.
func (m *PackageMap) SourceAt(text string) int {
	at := -1
	for _, pat := range m.Sources {
		if !mayMatchString(pat, text) {
			continue
		}
		if loc := re(pat).FindStringIndex(text); loc != nil && (at < 0 || loc[0] < at) {
			at = loc[0]
		}
	}
	return at
}

// ProgramCall is one call of a source that runs a program: Prog is the
// program a literal names (its first word), Expr the expression that
// names it otherwise; Offset is where the call starts.
type ProgramCall struct {
	Prog, Expr string
	// Env, when set, is the environment variable whose value Expr is
	// bound to (const bin = process.env.FFMPEG_PATH || 'ffmpeg'): the
	// program is its value, else Prog, the literal used when it is unset
	// (empty: none).
	Env    string
	Offset int
}

// Reads reports whether a file of this name is a source to read.
func (pr *Programs) Reads(name string) bool {
	for _, e := range pr.Ext {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// Skipped reports whether a folder or file of this name is not read.
func (pr *Programs) Skipped(name string) bool { return matchAny(pr.Skip, name) }

// RootNeed returns the set of RootNeeds that holds prog, or nil.
func (pr *Programs) RootNeed(prog string) *RootNeed {
	for i := range pr.RootNeeds {
		if slices.Contains(pr.RootNeeds[i].Programs, prog) {
			return &pr.RootNeeds[i]
		}
	}
	return nil
}

// RootDaemon returns the daemon named name, or nil.
func (pr *Programs) RootDaemon(name string) *RootDaemon {
	for i := range pr.RootDaemons {
		if slices.Contains(pr.RootDaemons[i].Names, name) {
			return &pr.RootDaemons[i]
		}
	}
	return nil
}

// CommandStringPrograms returns the RootNeeds programs that begin a
// string literal of data, with the offset of each, when data runs
// command strings (CommandStringsIn).
func (pr *Programs) CommandStringPrograms(data []byte) (progs []string, offsets []int) {
	if pr.CommandStrings == "" || len(pr.RootNeeds) == 0 || pr.CommandStringsIn != "" && !(mayMatch(pr.CommandStringsIn, data) && re(pr.CommandStringsIn).Match(data)) {
		return nil, nil
	}
	r := re(pr.CommandStrings)
	k := r.SubexpIndex("prog")
	for _, m := range r.FindAllSubmatchIndex(data, -1) {
		if k < 0 || m[2*k] < 0 {
			continue
		}
		prog := string(data[m[2*k]:m[2*k+1]])
		if pr.RootNeed(prog) != nil {
			progs, offsets = append(progs, prog), append(offsets, m[0])
		}
	}
	return progs, offsets
}

// Find returns where the first call of a source that the need names
// starts, or -1.
func (n *ProgramNeed) Find(data []byte) int {
	if !mayMatch(n.Call, data) || n.In != "" && !(mayMatch(n.In, data) && re(n.In).Match(data)) {
		return -1
	}
	if m := re(n.Call).FindIndex(data); m != nil {
		return m[0]
	}
	return -1
}

// Find returns the calls of a source that run a program, in order.
func (pr *Programs) Find(data []byte) []ProgramCall {
	var out []ProgramCall
	for _, l := range pr.Libraries {
		if !mayMatch(l.Call, data) || l.In != "" && !(mayMatch(l.In, data) && re(l.In).Match(data)) {
			continue
		}
		for _, m := range re(l.Call).FindAllIndex(data, -1) {
			for _, prog := range l.Programs {
				out = append(out, ProgramCall{Prog: prog, Offset: callStart(data, m)})
			}
		}
	}
	if pr.In != "" && !(mayMatch(pr.In, data) && re(pr.In).Match(data)) {
		slices.SortStableFunc(out, func(a, b ProgramCall) int { return a.Offset - b.Offset })
		return out
	}
	for _, p := range pr.Calls {
		if !mayMatch(p, data) {
			continue
		}
		cr := re(p)
		gp, ge := cr.SubexpIndex("prog"), cr.SubexpIndex("expr")
		for _, m := range cr.FindAllSubmatchIndex(data, -1) {
			c := ProgramCall{Offset: callStart(data, m)}
			if gp >= 0 && m[2*gp] >= 0 {
				if w := strings.Fields(string(data[m[2*gp]:m[2*gp+1]])); len(w) > 0 {
					c.Prog = w[0]
				}
			}
			if ge >= 0 && m[2*ge] >= 0 {
				c.Expr = strings.TrimSpace(string(data[m[2*ge]:m[2*ge+1]]))
				if slices.Contains(pr.Own, c.Expr) {
					continue
				}
				prog, env := pr.Bindings.bound(data, c.Expr, m[0])
				switch {
				case env != "":
					c.Prog, c.Env = prog, env
				case prog != "":
					c.Prog, c.Expr = prog, ""
				}
			}
			if c.Prog != "" || c.Expr != "" {
				out = append(out, c)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b ProgramCall) int { return a.Offset - b.Offset })
	return out
}

// callStart is where the call a match m of a pattern starts: a pattern
// may begin with the character before the call ([^.\w$] in the node
// preset), which is the line break when the call starts a line, so the
// call starts after the blanks it begins with.
func callStart(data []byte, m []int) int {
	off := m[0]
	for off < m[1] && strings.IndexByte(" \t\r\n", data[off]) >= 0 {
		off++
	}
	return off
}

// LacksProgram reports whether the images of this variant from the
// repository repo with the tag tag do not have the program prog.
func (v *Variant) LacksProgram(repo, tag, prog string) bool {
	last := repo[strings.LastIndex(repo, "/")+1:]
	for _, l := range v.Lacks {
		if !slices.Contains(l.Programs, prog) || l.Image != "" && !globMatch(l.Image, last) {
			continue
		}
		if l.Tag == "" || matchString(l.Tag, tag) {
			return true
		}
	}
	return false
}

// LacksPackage reports whether the images of this variant with the tag
// tag do not have the system package pkg.
func (v *Variant) LacksPackage(tag, pkg string) bool {
	for _, l := range v.Lacks {
		if slices.Contains(l.Packages, pkg) && (l.Tag == "" || matchString(l.Tag, tag)) {
			return true
		}
	}
	return false
}

// bound returns the program of the literal that the nearest binding
// of name before offset at holds (const cmd = `ffmpeg -i ...`), or, for
// a binding to an environment variable, that variable and the program
// of the literal used when it is unset (may be ""). Both are "" when
// there is none, when a block it is in closes before at, or when the
// name may be bound anew in between (Shadow).
func (b *ProgramBindings) bound(data []byte, name string, at int) (string, string) {
	if b == nil || !isIdent(name) {
		return "", ""
	}
	start, end, prog, env := -1, 0, "", ""
	for _, p := range b.Patterns {
		if !mayMatch(p, data[:at]) {
			continue
		}
		cr := re(p)
		gn, gp, ge := cr.SubexpIndex("name"), cr.SubexpIndex("prog"), cr.SubexpIndex("env")
		for _, m := range cr.FindAllSubmatchIndex(data[:at], -1) {
			if m[2*gn] < 0 || string(data[m[2*gn]:m[2*gn+1]]) != name || m[0] <= start {
				continue
			}
			w := []string(nil)
			if gp >= 0 && m[2*gp] >= 0 {
				w = strings.Fields(string(data[m[2*gp]:m[2*gp+1]]))
			}
			switch {
			case ge >= 0 && m[2*ge] >= 0:
				start, end, env, prog = m[0], m[1], string(data[m[2*ge]:m[2*ge+1]]), ""
				if len(w) > 0 {
					prog = w[0]
				}
			case len(w) > 0:
				start, end, env, prog = m[0], m[1], "", w[0]
			}
		}
	}
	if start < 0 {
		return "", ""
	}
	if !inScope(data[end:at], name, b.Block, b.Shadow) {
		return "", ""
	}
	return prog, env
}

// isIdent reports whether s is a plain name: letters, digits, _ and $,
// not starting with a digit.
// isDotted reports whether s is one name or names joined by dots (a
// module's name and one of its names: config.DATA_DIR).
func isDotted(s string) bool {
	for part := range strings.SplitSeq(s, ".") {
		if !isIdent(part) {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// IsConfig returns the config_values entry whose files match the context
// path p at its last elements, or nil.
func (r *RunFiles) IsConfig(p string) *ConfigValues {
	for i := range r.ConfigValues {
		if lastMatch(r.ConfigValues[i].Files, p) {
			return &r.ConfigValues[i]
		}
	}
	return nil
}

// DecodesBOM reports whether the tool that reads the build-context file
// at p decodes it by a byte-order mark (TextBOM).
func (p *Preset) DecodesBOM(name string) bool { return lastMatch(p.TextBOM, name) }

// lastMatch reports whether one of globs matches the path p at its last
// elements.
func lastMatch(globs []string, p string) bool {
	for _, g := range globs {
		n := strings.Count(g, "/") + 1
		parts := strings.Split(p, "/")
		if len(parts) < n {
			continue
		}
		if ok, _ := path.Match(g, strings.Join(parts[len(parts)-n:], "/")); ok {
			return true
		}
	}
	return false
}

// ConfigPathsOf returns the config_paths entry whose files match the
// context path p at its last elements, or nil.
func (s *WriteSources) ConfigPathsOf(p string) *ConfigPaths {
	for i := range s.ConfigPaths {
		if lastMatch(s.ConfigPaths[i].Files, p) {
			return &s.ConfigPaths[i]
		}
	}
	return nil
}

// ConfigWritesOf returns the config_writes entry whose files match the
// context path p at its last elements, or nil.
func (s *WriteSources) ConfigWritesOf(p string) *ConfigWrites {
	for i := range s.ConfigWrites {
		if lastMatch(s.ConfigWrites[i].Files, p) {
			return &s.ConfigWrites[i]
		}
	}
	return nil
}

// Writes returns the paths the settings of a configuration file write
// by, as the shapes give them (~/db, ./db, /data/db), each with its key
// and where its value starts.
func (c *ConfigWrites) Writes(data []byte) []ConfigPath {
	var out []ConfigPath
	eachConfigValue(data, c.Value, c.Nested, func(key, v string, off int) {
		if !slices.ContainsFunc(c.Keys, func(k string) bool { return re(k).MatchString(key) }) {
			return
		}
		for _, shape := range c.Shapes {
			sr := re(shape)
			sm := sr.FindStringSubmatch(v)
			if sm == nil {
				continue
			}
			if p := sm[sr.SubexpIndex("path")]; p != "" {
				out = append(out, ConfigPath{key, p, off})
			}
			break
		}
	})
	return out
}

// eachConfigValue calls f with each key and trimmed value the pattern
// value (groups key and value) finds in data, and where the value starts;
// nested "indent" makes the key the dotted path of YAML's block mappings.
func eachConfigValue(data []byte, value, nested string, f func(key, v string, off int)) {
	cr := re(value)
	kg, vg := cr.SubexpIndex("key"), cr.SubexpIndex("value")
	for _, m := range cr.FindAllSubmatchIndex(data, -1) {
		if m[2*kg] < 0 || m[2*vg] < 0 {
			continue
		}
		key := string(data[m[2*kg]:m[2*kg+1]])
		if nested == "indent" {
			key = indentKey(data, m[2*kg], key)
		}
		f(key, strings.TrimSpace(string(data[m[2*vg]:m[2*vg+1]])), m[2*vg])
	}
}

// ConfigPath is an absolute path a configuration file gives, its key and
// where the value starts.
type ConfigPath struct {
	Key, Path string
	Offset    int
}

// Paths returns the absolute paths of a configuration file: a value that
// is a plain path (no glob, no variable, no URL), not / itself.
func (c *ConfigPaths) Paths(data []byte) []ConfigPath {
	var out []ConfigPath
	eachConfigValue(data, c.Value, c.Nested, func(key, v string, off int) {
		if !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") || strings.ContainsAny(v, "*?[{}$:") || path.Clean(v) == "/" {
			return
		}
		out = append(out, ConfigPath{key, path.Clean(v), off})
	})
	return out
}

// indentKey is the dotted path of key, whose line starts before at, under
// the keys of the lines above it that are less indented (YAML's block
// mappings: spring:, h2:, console:, then path: is spring.h2.console.path).
// A list item's "- " counts as indentation.
func indentKey(data []byte, at int, key string) string {
	lineStart := bytes.LastIndexByte(data[:at], '\n') + 1
	indent := func(line []byte) int {
		n := 0
		for n < len(line) && (line[n] == ' ' || line[n] == '\t' || line[n] == '-') {
			n++
		}
		return n
	}
	want := indent(data[lineStart:])
	parts := []string{key}
	for end := lineStart - 1; end > 0 && want > 0; {
		start := bytes.LastIndexByte(data[:end], '\n') + 1
		line := data[start:end]
		end = start - 1
		n := indent(line)
		rest := bytes.TrimSpace(line[n:])
		if len(rest) == 0 || rest[0] == '#' || n >= want {
			continue
		}
		k, _, ok := bytes.Cut(rest, []byte(":"))
		if !ok {
			continue
		}
		parts = append([]string{strings.Trim(string(bytes.TrimSpace(k)), `"'`)}, parts...)
		want = n
	}
	return strings.Join(parts, ".")
}

// Reads reports whether a source reads the value of key: by the key
// itself (Used), or by a prefix of it ending at a dot (UsedPrefix).
func (c *ConfigPaths) Reads(data []byte, key string) bool {
	if re(strings.ReplaceAll(c.Used, "{key}", regexp.QuoteMeta(key))).Match(data) {
		return true
	}
	if c.UsedPrefix == "" {
		return false
	}
	for i := strings.LastIndexByte(key, '.'); i > 0; i = strings.LastIndexByte(key[:i], '.') {
		if re(strings.ReplaceAll(c.UsedPrefix, "{prefix}", regexp.QuoteMeta(key[:i]))).Match(data) {
			return true
		}
	}
	return false
}

// Values returns the values of a configuration file and where each is.
func (c *ConfigValues) Values(data []byte) []Literal {
	var out []Literal
	cr := re(c.Value)
	g := cr.SubexpIndex("value")
	for _, m := range cr.FindAllSubmatchIndex(data, -1) {
		if m[2*g] >= 0 {
			out = append(out, Literal{strings.TrimSpace(string(data[m[2*g]:m[2*g+1]])), m[2*g]})
		}
	}
	return out
}

// Unnamed returns the calls of a source that read a file by a path that
// is no literal: each expression and where its call starts. A name bound
// to a literal (Bindings) names its file as the literal does, which the
// literal scan reads: no unnamed read.
func (r *RunFiles) Unnamed(data []byte) []Literal {
	var out []Literal
	groupMatches(r.UnnamedReads, data, "expr", func(m []int, start, end int) {
		expr := strings.TrimSpace(string(data[start:end]))
		if len(r.Bindings.bound(data, expr, m[0], 0)) == 0 {
			out = append(out, Literal{expr, m[0]})
		}
	})
	slices.SortStableFunc(out, func(a, b Literal) int { return a.Offset - b.Offset })
	return out
}

// ReadsUnnamed reports whether a source has a call of UnnamedReads,
// whatever its expression is bound to: a binding in a comment would hide
// it from Unnamed, so this, not Unnamed, tells whether the source needs
// its comments blanked first.
func (r *RunFiles) ReadsUnnamed(data []byte) bool {
	found := false
	groupMatches(r.UnnamedReads, data, "expr", func([]int, int, int) { found = true })
	return found
}

// Skipped reports whether a folder or file of this name is not read.
func (d *DevImports) Skipped(name string) bool { return matchAny(d.Skip, name) }

// Reads reports whether a file of this name is one of the sources.
func (d *DevImports) Reads(name string) bool {
	for _, e := range d.Ext {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// Ignored reports whether a package of this name is never loaded at run
// time.
func (d *DevImports) Ignored(name string) bool { return matchAny(d.Ignore, name) }

// ModuleLoad is a package a source loads and where.
type ModuleLoad struct {
	Name   string
	Offset int
}

// Loads returns the packages a source loads, in the order they appear.
func (d *DevImports) Loads(data []byte) []ModuleLoad {
	var out []ModuleLoad
	for _, p := range d.Patterns {
		if !mayMatch(p, data) {
			continue
		}
		pr := re(p)
		g := pr.SubexpIndex("name")
	next:
		for _, m := range pr.FindAllSubmatchIndex(data, -1) {
			if m[2*g] < 0 || m[2*g+1] <= m[2*g] {
				continue
			}
			for _, n := range d.Not {
				if re(n).Match(data[m[0]:m[1]]) {
					continue next
				}
			}
			out = append(out, ModuleLoad{string(data[m[2*g]:m[2*g+1]]), m[2*g]})
		}
	}
	slices.SortStableFunc(out, func(a, b ModuleLoad) int { return a.Offset - b.Offset })
	return out
}

// Requirement is the requirement src gives in a file's text.
func (src *RequestSource) Requirement(text string) (string, bool) {
	m := re(src.Pattern).FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	v := strings.TrimSpace(m[re(src.Pattern).SubexpIndex("req")])
	return v, v != ""
}

// Off reports whether the variable name set to value keeps the command
// from fetching an interpreter.
func (r *InterpreterRequest) Off(name, value string) bool {
	w, ok := r.UnlessEnv.Lookup(name)
	return ok && matchString(w, value)
}

// Skipped reports whether a folder or file of this name is not read.
func (pu *Pure) Skipped(name string) bool {
	for _, g := range pu.Skip {
		if ok, _ := path.Match(g, name); ok {
			return true
		}
	}
	return false
}

// Reads reports whether a file of this path is one of the sources.
func (pu *Pure) Reads(name string) bool { return strings.HasSuffix(name, pu.Ext) }

// SourceImports returns the paths a source imports; ok is false when a
// declaration of its is not one the patterns read.
func (pu *Pure) SourceImports(data []byte) (paths []string, ok bool) {
	starts := map[int]bool{}
	for _, e := range pu.Imports {
		r := re(e)
		pi, bi := r.SubexpIndex("path"), r.SubexpIndex("block")
		for _, m := range r.FindAllSubmatchIndex(data, -1) {
			starts[m[0]] = true
			if pi >= 0 && m[2*pi] >= 0 {
				paths = append(paths, string(data[m[2*pi]:m[2*pi+1]]))
			}
			if bi >= 0 && m[2*bi] >= 0 {
				lr := re(pu.Line)
				li := lr.SubexpIndex("path")
				for _, line := range strings.Split(string(data[m[2*bi]:m[2*bi+1]]), "\n") {
					lm := lr.FindStringSubmatchIndex(line)
					if lm == nil {
						return nil, false
					}
					if li >= 0 && lm[2*li] >= 0 {
						paths = append(paths, line[lm[2*li]:lm[2*li+1]])
					}
				}
			}
		}
	}
	for _, m := range re(pu.Decl).FindAllIndex(data, -1) {
		if !starts[m[0]] {
			return nil, false
		}
	}
	return paths, true
}

// Own reports whether an import path is of the language's own library
// and does not link the C library.
func (pu *Pure) Own(p string) bool {
	return re(pu.Std).MatchString(p) && (pu.Links == "" || !re(pu.Links).MatchString(p))
}

// ModuleFile reads a module file: the module's path, and whether it
// requires other modules.
func (pu *Pure) ModuleFile(data []byte) (module string, requires bool) {
	if m := re(pu.Module).FindSubmatch(data); len(m) > 1 {
		module = string(m[1])
	}
	return module, re(pu.Requires).Match(data)
}

// RelativeLoads returns the relative specifiers a source loads.
func (r *Reach) RelativeLoads(data []byte) []string {
	var out []string
	groupMatches(r.Relative, data, "path", func(_ []int, start, end int) {
		out = append(out, string(data[start:end]))
	})
	return out
}

// IsOpaque reports whether a source loads code by a name it does not
// spell out.
func (r *Reach) IsOpaque(data []byte) bool {
	for _, p := range r.Opaque {
		if mayMatch(p, data) && re(p).Match(data) {
			return true
		}
	}
	return false
}

// ZoneSet returns the zone a RUN's text makes the local one, as written
// (it may hold a $VAR), and whether it sets one.
func (l *LocalTime) ZoneSet(text string) (string, bool) {
	zone, _, ok := l.ZoneSetAt(text)
	return zone, ok
}

// ZoneSetAt is ZoneSet with where in the text the set starts.
func (l *LocalTime) ZoneSetAt(text string) (string, int, bool) {
	for _, x := range l.Sets {
		if !mayMatch(x, []byte(text)) {
			continue
		}
		r := re(x)
		if m := r.FindStringSubmatchIndex(text); m != nil {
			k := r.SubexpIndex("zone")
			return text[m[2*k]:m[2*k+1]], m[0], true
		}
	}
	return "", 0, false
}

// Reading reports whether a RUN's text reads a zone file from the
// packages (ZoneFiles.Reads).
func (z *ZoneFiles) Reading(text string) bool {
	for _, x := range z.Reads {
		if matchString(x, text) {
			return true
		}
	}
	return false
}

// Linked reports whether a RUN's text sets the zone by a symbolic link
// to its zone file (ZoneFiles.Links).
func (z *ZoneFiles) Linked(text string) bool {
	for _, x := range z.Links {
		if matchString(x, text) {
			return true
		}
	}
	return false
}

// groupMatches calls fn for each match of patterns over data whose group
// is set: m is the match's indexes, [start, end) the group's. A pattern
// runs only where data holds what every match of it needs (mayMatch).
func groupMatches(patterns []string, data []byte, group string, fn func(m []int, start, end int)) {
	for _, p := range patterns {
		if !mayMatch(p, data) {
			continue
		}
		r := re(p)
		g := r.SubexpIndex(group)
		for _, m := range r.FindAllSubmatchIndex(data, -1) {
			if m[2*g] >= 0 {
				fn(m, m[2*g], m[2*g+1])
			}
		}
	}
}

// InitWrapper returns the init wrapper the command's first word names
// (by name or by a path ending in it), or nil.
func (p *Preset) InitWrapper(w string) *InitWrapper {
	for i := range p.InitWrappers {
		if p.InitWrappers[i].Program == path.Base(w) {
			return &p.InitWrappers[i]
		}
	}
	return nil
}

// Command returns the index in words (words[0] being the wrapper) where
// the command the wrapper runs starts, after its options and End; bad is
// the first option it does not know, which leaves the command unknown.
// at is len(words) when nothing follows the options.
func (w *InitWrapper) Command(words []string) (at int, bad string) {
	i := 1
	for i < len(words) {
		a := words[i]
		switch {
		case w.End != "" && a == w.End:
			return i + 1, ""
		case !strings.HasPrefix(a, "-") || a == "-":
			return i, ""
		case slices.Contains(w.Flags, a):
			i++
		case slices.Contains(w.ValueFlags, a):
			i += 2
		default:
			name, _, hasValue := strings.Cut(a, "=")
			if hasValue && strings.HasPrefix(a, "--") && slices.Contains(w.ValueFlags, name) {
				i++
				continue
			}
			return i, a
		}
	}
	return min(i, len(words)), ""
}

// Redirects reports whether a module file points an import at another
// folder (a replace directive), which the module path cannot tell.
func (pk *Packages) Redirects(moduleFile []byte) bool {
	return pk.Elsewhere != "" && re(pk.Elsewhere).Match(moduleFile)
}

// Matches reports whether a script file shows the decline's sign.
func (d ScriptDecline) Matches(data []byte) bool { return re(d.Match).Match(data) }

// Lists reports whether a project file lists a package named like the
// program.
func (o *OffPath) Lists(data []byte, program string) bool {
	return re(strings.ReplaceAll(o.Match, "{name}", regexp.QuoteMeta(program))).Match(data)
}

// ListsDependency reports whether a project file lists a dependency
// named like the module's first part top.
func (m *Modules) ListsDependency(data []byte, top string) bool {
	name := regexp.QuoteMeta(top)
	if m.Same != "" {
		name = re(m.Same).ReplaceAllLiteralString(top, "\x00")
		parts := strings.Split(name, "\x00")
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		name = strings.Join(parts, m.Same)
	}
	return re(strings.ReplaceAll(m.DependencyMatch, "{name}", name)).Match(blankComments(m.DependencyComments, data))
}

// blankComments is data with each match of the comment pattern expr
// made spaces (its line breaks kept), so that offsets and line numbers
// stay those of the file; data itself when expr is empty or finds none.
func blankComments(expr string, data []byte) []byte {
	if expr == "" {
		return data
	}
	locs := re(expr).FindAllIndex(data, -1)
	if len(locs) == 0 {
		return data
	}
	out := slices.Clone(data)
	for _, l := range locs {
		for i := l[0]; i < l[1]; i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	return out
}

// Module returns the module a word of the loader's command names, when
// it is the word Arg reads.
func (l *ModuleLoader) Module(word string) (string, bool) {
	if l.Arg == "" {
		return "", false
	}
	rx := re(l.Arg)
	m := rx.FindStringSubmatch(word)
	if m == nil {
		return "", false
	}
	return m[rx.SubexpIndex("module")], true
}

// TaskOf returns the distribution task named name, nil when there is
// none (or no Dist).
func (d *Dist) TaskOf(name string) *DistTask {
	if d == nil {
		return nil
	}
	for i := range d.Tasks {
		if d.Tasks[i].Task == name {
			return &d.Tasks[i]
		}
	}
	return nil
}

// Find reads a name from the file's content: the first group named
// name that took part in the match (a pattern may spell the name in
// either quote, each its own group).
func (n *DistName) Find(data []byte) (string, bool) {
	r := re(n.Pattern)
	sub := r.FindSubmatchIndex(data)
	if sub == nil {
		return "", false
	}
	for i, g := range r.SubexpNames() {
		if g == "name" && sub[2*i] >= 0 {
			return string(data[sub[2*i]:sub[2*i+1]]), true
		}
	}
	return "", false
}

// Says returns the line of data where an unsure entry matches, for
// task.
func (n *DistName) Says(data []byte, task string) (string, bool) {
	if len(n.Tasks) > 0 && !slices.Contains(n.Tasks, task) {
		return "", false
	}
	loc := re(n.Pattern).FindIndex(data)
	if loc == nil {
		return "", false
	}
	start := bytes.LastIndexByte(data[:loc[0]], '\n') + 1
	end := bytes.IndexByte(data[loc[0]:], '\n')
	if end < 0 {
		end = len(data)
	} else {
		end += loc[0]
	}
	return strings.TrimSpace(string(data[start:end])), true
}

// Extracts reports whether the command's words make it unpack.
func (u *Unpack) Extracts(words []string) bool {
	if u.Extract == "" {
		return true
	}
	r := re(u.Extract)
	return slices.ContainsFunc(words, r.MatchString)
}

// Includes reports whether data includes the project of path project
// (folders joined by the task separator), by a Projects pattern.
func (n *DistName) Includes(data []byte, project string) bool {
	r, err := compileRE(strings.ReplaceAll(n.Pattern, "{project}", regexp.QuoteMeta(project)))
	return err == nil && r.Match(data)
}

// Unaliased returns data with each use of a name that an import binds
// to a module or a module's member spelled as the module's own
// (review 19, finding G: import sqlite3 as sq, then sq.connect("x.db")
// read as sqlite3.connect("x.db")): a module's alias where a call of
// the module's follows it (sq.connect(, np.save(), a member's name where
// a call's parenthesis does. A module's value (import app.config as cfg,
// then cfg.MODELS_DIR) is left to imports, which bind cfg.NAME. A use right after
// a dot or inside another name is none, and the import statements
// themselves are left as written. Only the paths of the writes are read
// from the result: its offsets are not the source's.
func (a *SourceAliases) Unaliased(data []byte) []byte {
	if a == nil {
		return data
	}
	type alias struct {
		to  string
		dot bool // a module's: read before a dot; else before a call
	}
	aliases := map[string]alias{}
	var stmts [][2]int
	for _, p := range a.Statements {
		if !mayMatch(p, data) {
			continue
		}
		r := re(p)
		gm, gn := r.SubexpIndex("module"), r.SubexpIndex("names")
		for _, m := range r.FindAllSubmatchIndex(data, -1) {
			if m[2*gn] < 0 {
				continue
			}
			stmts = append(stmts, [2]int{m[0], m[1]})
			mod := ""
			if gm >= 0 && m[2*gm] >= 0 {
				mod = string(data[m[2*gm]:m[2*gm+1]])
			}
			nr := re(a.Names)
			na, nn := nr.SubexpIndex("alias"), nr.SubexpIndex("name")
			for _, n := range nr.FindAllSubmatch(data[m[2*gn]:m[2*gn+1]], -1) {
				name, as := string(n[nn]), string(n[na])
				switch {
				case mod == "" && as != "" && as != name:
					aliases[as] = alias{to: name, dot: true}
				case mod != "" && isIdent(name):
					if as == "" {
						as = name
					}
					aliases[as] = alias{to: mod + "." + name}
				}
			}
		}
	}
	if len(aliases) == 0 {
		return data
	}
	inStmt := func(i int) bool {
		for _, s := range stmts {
			if s[0] <= i && i < s[1] {
				return true
			}
		}
		return false
	}
	var out []byte
	last := 0
	for i := 0; i < len(data); i++ {
		if !isIdentStart(data[i]) || i > 0 && (isIdentByte(data[i-1]) || data[i-1] == '.') {
			continue
		}
		j := i + 1
		for j < len(data) && isIdentByte(data[j]) {
			j++
		}
		al, ok := aliases[string(data[i:j])]
		k := j
		for k < len(data) && (data[k] == ' ' || data[k] == '\t') {
			k++
		}
		if ok && k < len(data) && (al.dot && data[k] == '.' && callsAfterDot(data, k) || !al.dot && data[k] == '(') && !inStmt(i) {
			out = append(append(out, data[last:i]...), al.to...)
			last = j
		}
		i = j - 1
	}
	if out == nil {
		return data
	}
	return append(out, data[last:]...)
}

// callsAfterDot reports whether the dot at data[k] starts a dotted name
// that is called: .connect( or .path.join(.
func callsAfterDot(data []byte, k int) bool {
	for k < len(data) && data[k] == '.' {
		k++
		for k < len(data) && (data[k] == ' ' || data[k] == '\t') {
			k++
		}
		if k >= len(data) || !isIdentStart(data[k]) {
			return false
		}
		for k < len(data) && isIdentByte(data[k]) {
			k++
		}
		for k < len(data) && (data[k] == ' ' || data[k] == '\t') {
			k++
		}
	}
	return k < len(data) && data[k] == '('
}

func isIdentStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isIdentByte(c byte) bool { return isIdentStart(c) || '0' <= c && c <= '9' }

// bareTemplateName reads a template literal's text (app-${stamp}.log) as
// the name it makes when its fixed parts hold no / and it starts with
// neither an interpolation nor a dot: whatever the interpolations give,
// it is then one relative name, in the working folder (http-server's
// log file, issue #8), so the write's place is known. Each ${...} is
// shown as *. Any other template literal names no path: an
// interpolation first (${dir}/app.log) or a / may put it anywhere.
func bareTemplateName(v string) (string, bool) {
	if v == "" || v[0] == '$' || v[0] == '.' || v[0] == '/' {
		return "", false
	}
	var b strings.Builder
	for v != "" {
		i := strings.Index(v, "${")
		if i < 0 {
			b.WriteString(v)
			break
		}
		j := strings.IndexByte(v[i:], '}')
		if j < 0 {
			return "", false
		}
		b.WriteString(v[:i])
		b.WriteByte('*')
		v = v[i+j+1:]
	}
	n := b.String()
	if strings.Contains(n, "/") {
		return "", false
	}
	return n, true
}
