package transform

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// dropMeans sets aside the signs of a C library that are only the means
// to link one (a C toolchain installed: review 4, finding D) when they
// are the only signs and the build context shows that the program cannot
// use the C library (presets.Pure), with a note saying so, or the
// lockfile and the file show that the means build nothing
// (presets.MeansUnused), with a note when the runtime then leaves the
// builder's C library. Any other sign keeps them all, as does a context
// that cannot be read whole.
func (p *plan) dropMeans() {
	st := p.f.preset.Static
	if st.Pure == nil && st.MeansUnused == nil || len(p.libcWhy) == 0 || p.staticSet {
		return
	}
	for _, e := range p.libcWhy {
		if !e.means {
			return
		}
	}
	for _, a := range p.artifacts {
		if a.tool {
			return // built from sources the context does not hold
		}
	}
	w := p.libcWhy[0]
	switch {
	case st.Pure != nil && contextPure(p.f.opt.Context, st.Pure, p.f.dockerignore()):
		p.notes.note(w.Line, infoLibcMeansUnused, "%s, but %s: that is no sign the program links the C library", w.What, st.Pure.Why)
	case st.MeansUnused != nil:
		if p.globalCopied() {
			return // a package from outside the lockfile reaches the runtime
		}
		why, ok := p.f.meansUnused(st.MeansUnused)
		if !ok {
			return
		}
		p.idle = &Evidence{Line: w.Line, What: fmt.Sprintf("%s, but %s: that is no sign the program links the C library", w.What, why)}
	default:
		return
	}
	p.meansSet, p.libcWhy = p.libcWhy, nil
}

// meansUnused reports whether the lockfile and the file show that a C
// toolchain the file installs builds nothing (presets.MeansUnused), and
// why, for the note.
func (f *facts) meansUnused(mu *presets.MeansUnused) (string, bool) {
	d := f.preset.Static.LibcDeps
	if f.opt.Context == nil || d == nil || len(f.installs) == 0 || len(f.rootInstalls) > 0 {
		return "", false
	}
	lockfile := ""
	for _, in := range f.installs {
		if in.named || !slices.Contains(mu.Installs, in.bc.Command) {
			return "", false
		}
		// The lockfile the install reads is the one a COPY above it
		// brought into its folder: one that comes later, or only sits
		// in the context, says nothing of what it installed.
		read := false
		for i := range d.Lockfiles {
			l := &d.Lockfiles[i]
			text, from, ok := f.contextFileBefore(path.Join(in.cwd, l.File), 0, in.in.first)
			if !ok {
				continue
			}
			data := []byte(text)
			if !l.Records(data) {
				return "", false // present, but of a version that does not record the signs
			}
			// Packages this install leaves out build nothing here.
			data = l.Installed(data, in.prodOnly)
			if _, ok := d.InLockfile(l.File, data); ok {
				return "", false
			}
			if _, ok := d.SignIn(data); ok {
				return "", false
			}
			read = true
			if lockfile == "" {
				lockfile = from
			}
		}
		if !read {
			return "", false
		}
		for _, name := range mu.Files {
			if _, _, ok := f.contextFileBefore(path.Join(in.cwd, name), 0, 0); ok {
				return "", false
			}
		}
		if !f.manifestIdle(mu, in.cwd) {
			return "", false
		}
	}
	for _, name := range mu.Files {
		if _, err := fs.Stat(f.opt.Context, name); err == nil {
			return "", false
		}
	}
	if found, free, _ := f.contextLibc(f.devOmitted("") && f.pruneTarget() == nil); len(found) > 0 || free == "" {
		return "", false
	}
	for _, r := range f.runs {
		if r.unread {
			return "", false
		}
		for _, c := range r.cmds {
			if runsAny(c.args, mu.Commands) || runsScript(c.args) {
				return "", false
			}
		}
	}
	return strings.ReplaceAll(mu.Why, "{file}", lockfile), true
}

// manifestIdle reports whether the app's own package file in dir (where
// a COPY brought it, else the context's) shows no install script of the
// app and no script that runs one of the commands that compile, or a
// script file, as a RUN may not.
func (f *facts) manifestIdle(mu *presets.MeansUnused, dir string) bool {
	text, _, ok := f.contextFileBefore(path.Join(dir, mu.Manifest), 0, 0)
	if !ok {
		data, err := fs.ReadFile(f.opt.Context, mu.Manifest)
		if err != nil {
			return false
		}
		text = string(data)
	}
	var doc any
	if json.Unmarshal([]byte(text), &doc) != nil {
		return false
	}
	for _, k := range mu.Scripts {
		if _, ok := jsonAt(doc, k); ok {
			return false
		}
	}
	if mu.ScriptsKey == "" {
		return true
	}
	v, ok := jsonAt(doc, mu.ScriptsKey)
	if !ok {
		return true
	}
	scripts, ok := v.(map[string]any)
	if !ok {
		return false
	}
	for _, v := range scripts {
		s, ok := v.(string)
		if !ok {
			return false
		}
		sc, err := shell.Parse(s)
		if err != nil {
			return false
		}
		quoted, unread := quotedScripts(sc)
		if unread {
			return false
		}
		for _, sc := range append([]*shell.Script{sc}, quoted...) {
			for _, c := range sc.Cmds {
				if args, _ := (simpleCmd{c}).argv(); runsAny(args, mu.Commands) || runsScript(args) {
					return false
				}
			}
		}
	}
	return true
}

// globalCopied reports whether the runtime gets a package installed
// globally (npm install -g), which no lockfile lists: its folder is
// copied, or it is the app folder itself. One the runtime does not get
// (node-gyp, installed for the build) does not matter.
func (p *plan) globalCopied() bool {
	for _, g := range p.f.globals {
		if g.self != "" {
			return true
		}
		dir := path.Join(g.gi.Dir, g.name)
		if slices.ContainsFunc(p.artifacts, func(a artifact) bool { return a.folder && a.dir == dir }) {
			return true
		}
	}
	return false
}

// runsScript reports whether a command runs a script file whose commands
// the file does not show (sh build.sh, ./scripts/native.sh): it may
// compile with the toolchain.
func runsScript(args []word) bool {
	if len(args) == 0 {
		return false
	}
	prog := args[0].text
	return shell.ScriptArg(wordTexts(args)) >= 0 || strings.HasSuffix(prog, ".sh") ||
		strings.HasPrefix(prog, "./") || strings.HasPrefix(prog, "../")
}

// runsAny reports whether a command starts with one of the prefixes,
// its program named bare or by a path (/usr/bin/gcc, ./configure).
func runsAny(args []word, prefixes []string) bool {
	if len(args) == 0 {
		return false
	}
	if matchesAny(args, prefixes) {
		return true
	}
	bare := append([]word{{text: path.Base(args[0].text)}}, args[1:]...)
	return matchesAny(bare, prefixes)
}

// contextPure reports whether the build context shows that the program
// cannot use the C library: at least one source, every source read whole
// within the scan's bounds, every import of theirs the language's own
// library's or under a module the context declares, and no module file
// that requires other modules. What ignored says .dockerignore keeps out
// of the build is no source of the program (nil reads everything).
func contextPure(ctx fs.FS, pu *presets.Pure, ignored func(string) bool) bool {
	if ctx == nil {
		return false
	}
	var modules, imports []string
	sources, total, pure := 0, 0, true
	walkContext(ctx, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			pure = false // a folder that cannot be read may hold sources
			return fs.SkipAll
		}
		if name != "." && (pu.Skipped(e.Name()) || ignored != nil && ignored(name)) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		mod := pu.Modules != "" && path.Base(name) == pu.Modules
		if !mod && !pu.Reads(name) {
			return nil
		}
		if !e.Type().IsRegular() {
			pure = false
			return fs.SkipAll
		}
		sources++
		if sources > libcScanFiles || total >= libcScanBytes {
			pure = false
			return fs.SkipAll
		}
		data, opened, err := readHead(ctx, name, libcScanPerFile)
		if !opened || err != nil || len(data) >= libcScanPerFile {
			pure = false
			return fs.SkipAll
		}
		total += len(data)
		if mod {
			m, requires := pu.ModuleFile(data)
			if requires || m == "" {
				pure = false
				return fs.SkipAll
			}
			modules = append(modules, m)
			return nil
		}
		paths, ok := pu.SourceImports(data)
		if !ok {
			pure = false
			return fs.SkipAll
		}
		imports = append(imports, paths...)
		return nil
	})
	if !pure || sources == len(modules) {
		return false // no source read
	}
	for _, imp := range imports {
		if pu.Own(imp) {
			continue
		}
		own := false
		for _, m := range modules {
			if imp == m || strings.HasPrefix(imp, m+"/") {
				own = true
				break
			}
		}
		if !own {
			return false
		}
	}
	return true
}
