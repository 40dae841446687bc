package transform

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// reachedSources lists, in the order they are found, the sources of the
// build context that the start command can reach: the file the
// interpreter runs (node server.js), and the app's own files each loads
// by a relative specifier (require('./lib/db')), followed. ok is false
// when that cannot be told, and every source must be read, as before:
// no preset reach, a command other than the interpreter on one file with
// no options, commands besides it or a script around it, a build step
// that may write what it runs (npm run build), a HEALTHCHECK
// that runs the interpreter too, a file not copied from the build
// context as it is (built by a RUN), a specifier that names no file of
// the context, or a reached source that loads code by a name it does not
// spell out (require(name), a worker, an autoloader).
func (p *plan) reachedSources(im *presets.DevImports) (reached []string, ok bool) {
	r, ctx, pr := im.Reach, p.f.opt.Context, p.prog
	if r == nil || ctx == nil || pr == nil || !pr.interp || len(p.restCmds) > 0 {
		return nil, false
	}
	if (pr.scriptFile != "" || len(p.scriptCmds) > 0) && !p.wrapperRunsNoCode() {
		return nil, false
	}
	if len(pr.exec) < 2 || strings.HasPrefix(pr.exec[1], "-") || strings.ContainsAny(pr.exec[1], "$*?[`") {
		return nil, false
	}
	for _, t := range p.healthcheckTools() {
		if path.Base(t) == path.Base(pr.word) {
			return nil, false // the check runs other files with it
		}
	}
	entry := pr.exec[1]
	if !path.IsAbs(entry) {
		dir := pr.dir
		if dir == "" {
			dir = p.f.workdir
		}
		entry = path.Join(dir, entry)
	}
	start, ok := p.contextFileAt(entry)
	if !ok && len(r.Compiled) > 0 {
		start, ok = p.missingFileAt(entry)
	}
	if !ok {
		return nil, false
	}
	file, ok := resolveLoad(ctx, r, start)
	if !ok {
		// A start file the build compiles (dist/app.js) is reached
		// through its source; the build step that compiles it is what
		// makes it, not a reason to read every source.
		if file, ok = compiledSource(ctx, r, start); !ok || slices.ContainsFunc(p.f.runs, func(st runStep) bool { return st.unread }) {
			return nil, false
		}
	} else if p.buildMayRewrite() {
		return nil, false
	}
	seen := map[string]bool{file: true}
	queue := []string{file}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		reached = append(reached, name)
		if len(reached) > libcScanFiles {
			return nil, false
		}
		if !im.Reads(name) && name != file {
			// A JSON file or a native addon loads nothing; the start
			// file is the program's code whatever its ending
			// (node ./bin/http-server).
			continue
		}
		specs, ok := p.relativeLoads(r, name)
		if !ok {
			return nil, false
		}
		for _, spec := range specs {
			next, ok := resolveLoad(ctx, r, path.Join(path.Dir(name), spec))
			if !ok {
				return nil, false
			}
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	return reached, true
}

// wrapperRunsNoCode reports whether the start script is a wrapper read
// before the command (RS173) whose own commands load none of the app's
// code: besides its arguments, it runs only shell builtins and programs
// named bare that are no interpreter, file program or runner of the
// preset (cp, mkdir, envsubst). Then the command behind it is the start
// the reach follows, as it would be without the script (review 23n,
// finding B). A program named by a path may be a file of the context.
func (p *plan) wrapperRunsNoCode() bool {
	pr, pre := p.prog, p.f.preset
	if len(pr.wrap) == 0 || pr.scriptFile == "" {
		return false
	}
	for _, c := range p.scriptCmds {
		args := c.c.Args()
		if len(args) == 0 {
			continue
		}
		w := args[0].Text
		if args[0].Dynamic {
			return false
		}
		if shell.Builtin(w) {
			continue
		}
		if strings.Contains(w, "/") || pre.IsInterpreter(w) || slices.Contains(pre.FilePrograms, w) {
			return false
		}
		for _, r := range pre.Runners {
			if r.Tool == w || slices.ContainsFunc(slices.Concat(r.Commands, r.Scripts, r.Programs), func(c string) bool {
				f := strings.Fields(c)
				return len(f) > 0 && f[0] == w
			}) {
				return false
			}
		}
	}
	return true
}

// buildMayRewrite reports whether a build step (npm run build) may write
// or rewrite what the command runs, so that the context's copy of the
// start file would not be that file.
func (p *plan) buildMayRewrite() bool {
	d := p.f.preset.DevDeps
	if d == nil {
		return false
	}
	for _, st := range p.f.runs {
		if st.unread {
			return true
		}
		if slices.ContainsFunc(st.cmds, func(c cmdAt) bool { return devCommand(d, c) }) {
			return true
		}
	}
	return false
}

// compiledSource finds the source of the build context that a compiler
// the preset's reach knows (tsc) makes the missing start file from: the
// first of the compiler's configuration files in the start's folder or
// above it decides, by its output and source folders (compiledDirs).
func compiledSource(ctx fs.FS, r *presets.Reach, start string) (string, bool) {
	for _, c := range r.Compiled {
		for dir := path.Dir(start); ; dir = path.Dir(dir) {
			file := path.Join(dir, c.Config)
			if _, err := fs.Stat(ctx, file); err == nil {
				outDir, srcDir, ok := compiledDirs(ctx, c, file, extendsDepth)
				if !ok || outDir == "" {
					return "", false
				}
				if srcDir == "" {
					srcDir = dir
				}
				rel, ok := names(start, outDir)
				if !ok || rel == "" {
					return "", false
				}
				return resolveLoad(ctx, r, path.Join(srcDir, strings.TrimSuffix(rel, path.Ext(rel))))
			}
			if dir == "." || dir == "/" {
				break
			}
		}
	}
	return "", false
}

// extendsDepth bounds the chain of configuration files one extends (and
// a loop of them).
const extendsDepth = 8

// compiledDirs returns the output and source folders, as paths of the
// build context, that the configuration file sets or takes from the
// files it extends ("" when none sets one): ok is false when a file
// cannot be read, a value is no string, or a folder still unset may come
// from a file out of reach.
func compiledDirs(ctx fs.FS, c presets.CompiledOut, file string, depth int) (out, src string, ok bool) {
	data, err := fs.ReadFile(ctx, file)
	if err != nil {
		return "", "", false
	}
	doc, err := decodeJSONC(data)
	if err != nil {
		return "", "", false
	}
	dir := path.Dir(file)
	// folder reads a key's folder, relative to this file's folder.
	folder := func(key string) (string, bool) {
		v, set := jsonAt(doc, key)
		if !set || key == "" {
			return "", true
		}
		s, isStr := v.(string)
		if !isStr || s == "" || path.IsAbs(s) {
			return "", false
		}
		return path.Join(dir, s), true
	}
	if out, ok = folder(c.OutDir); !ok {
		return "", "", false
	}
	if src, ok = folder(c.RootDir); !ok {
		return "", "", false
	}
	unset := func() bool { return out == "" || c.RootDir != "" && src == "" }
	if !unset() || c.Extends == "" {
		return out, src, true
	}
	v, set := jsonAt(doc, c.Extends)
	if !set {
		return out, src, true
	}
	var bases []string
	switch v := v.(type) {
	case string:
		bases = []string{v}
	case []any:
		for _, b := range v {
			s, isStr := b.(string)
			if !isStr {
				return "", "", false
			}
			bases = append(bases, s)
		}
	default:
		return "", "", false
	}
	if depth <= 0 {
		return "", "", false
	}
	// The later file wins over the earlier, this one over both.
	for i := len(bases) - 1; i >= 0 && unset(); i-- {
		b := bases[i]
		if !strings.HasPrefix(b, "./") && !strings.HasPrefix(b, "../") {
			return "", "", false
		}
		found := ""
		for _, sfx := range append([]string{""}, c.ExtendsSuffixes...) {
			if st, err := fs.Stat(ctx, path.Join(dir, b+sfx)); err == nil && !st.IsDir() {
				found = path.Join(dir, b+sfx)
				break
			}
		}
		if found == "" {
			return "", "", false
		}
		bo, bs, ok := compiledDirs(ctx, c, found, depth-1)
		if !ok {
			return "", "", false
		}
		if out == "" {
			out = bo
		}
		if src == "" {
			src = bs
		}
	}
	return out, src, true
}

// contextFileAt returns the build context's path of the file or folder
// that a COPY from the context put at the builder path abs, as it is.
func (p *plan) contextFileAt(abs string) (string, bool) {
	pls, _ := p.f.placements()
	for _, pl := range pls {
		rest, ok := names(abs, pl.dest)
		if !ok {
			continue
		}
		if pl.open || pl.made || pl.from != "" || pl.src == "" || p.f.runRemoves(pl.dest) {
			return "", false
		}
		return path.Clean(path.Join(pl.src, rest)), true
	}
	return "", false
}

// missingFileAt returns the build context's path that a file at the
// builder path abs, which no COPY brought, would have had: the folder
// copy into the folder above it (COPY . .) says where in the context it
// is missing from.
func (p *plan) missingFileAt(abs string) (string, bool) {
	_, folders := p.f.placements()
	for i := len(folders) - 1; i >= 0; i-- {
		fc := folders[i]
		if rest, ok := names(abs, fc.dest); ok && rest != "" && !p.f.runRemoves(fc.dest) {
			return path.Clean(path.Join(fc.src, rest)), true
		}
	}
	return "", false
}

// resolveLoad finds the file a specifier names in the build context, as
// the interpreter resolves it: the name with each of the reach's
// suffixes, then a folder's index files. A name that escapes the
// context, or names nothing there, is not resolved.
func resolveLoad(ctx fs.FS, r *presets.Reach, name string) (string, bool) {
	name = path.Clean(name)
	if name == ".." || strings.HasPrefix(name, "../") || path.IsAbs(name) {
		return "", false
	}
	isFile := func(n string) bool {
		st, err := fs.Stat(ctx, n)
		return err == nil && st.Mode().IsRegular()
	}
	for _, s := range r.Suffixes {
		if isFile(name + s) {
			return name + s, true
		}
	}
	for _, i := range r.Index {
		if n := path.Join(name, i); isFile(n) {
			return n, true
		}
	}
	return "", false
}

// loadsOf is what one source of the context loads by a relative
// specifier, or ok false when that cannot be told (unreadable, too large,
// a load by a computed name).
type loadsOf struct {
	specs []string
	ok    bool
}

// relativeLoads returns the relative specifiers the source name loads,
// read once per conversion: the dev-import check, the programs and the
// writes scans each follow the same reach (its patterns over every
// reached source were a tenth of a tree's instructions when each scan
// read them again).
func (p *plan) relativeLoads(r *presets.Reach, name string) ([]string, bool) {
	if l, ok := p.loads[name]; ok {
		return l.specs, l.ok
	}
	var l loadsOf
	data, opened, err := readHead(p.f.opt.Context, name, libcScanPerFile)
	if opened && err == nil && len(data) < libcScanPerFile && !r.IsOpaque(data) {
		l = loadsOf{specs: r.RelativeLoads(data), ok: true}
	}
	if p.loads == nil {
		p.loads = map[string]loadsOf{}
	}
	p.loads[name] = l
	return l.specs, l.ok
}

// compiledSources lists the sources of the build context that the
// preset's packages builds (go build) compile (review 13, finding F): a
// file argument alone, a folder's own sources, and the folders of the
// app's module that their imports name, followed. A second `package
// main` in a folder the build neither names nor imports is no part of
// the program, so its writes and programs are not the image's. ok is
// false when there is no such build, or when what it compiles cannot be
// told (./..., a package outside the module with no module file to tell
// it by, a file not copied from the context as it is, a nested module,
// an import declaration the preset's patterns do not read): every source
// counts then, as before.
func (p *plan) compiledSources() (map[string]bool, bool) {
	if p.compiledRead {
		return p.compiled, p.compiledOK
	}
	p.compiledRead = true
	p.compiled, p.compiledOK = p.readCompiled()
	return p.compiled, p.compiledOK
}

func (p *plan) readCompiled() (map[string]bool, bool) {
	f := p.f
	ctx, pu, mn := f.opt.Context, f.preset.Static.Pure, f.preset.ModuleName
	if ctx == nil || pu == nil || mn == nil {
		return nil, false
	}
	mod, hasMod := f.modulePath()
	modRoot := path.Dir(mn.File)
	modFile := path.Base(mn.File)
	ignored := f.dockerignore()
	// inModule maps an import path of the app's module to its folder of
	// the context; external is true for one of another module, whose
	// sources the context does not hold.
	inModule := func(imp string) (dir string, external, ok bool) {
		switch {
		case hasMod && imp == mod:
			return modRoot, false, true
		case hasMod && strings.HasPrefix(imp, mod+"/"):
			return path.Join(modRoot, strings.TrimPrefix(imp, mod+"/")), false, true
		case hasMod && !pu.Own(imp):
			return "", true, true
		case pu.Own(imp):
			return "", true, true
		}
		return "", false, false
	}
	// A folder under another module file than the context's is built
	// by that module, whose imports the context's module path does not
	// tell.
	nested := func(name string) bool {
		for d := name; d != "." && d != "/" && d != modRoot; d = path.Dir(d) {
			if st, err := fs.Stat(ctx, path.Join(d, modFile)); err == nil && st.Mode().IsRegular() {
				return true
			}
		}
		return false
	}
	files := map[string]bool{}
	var toRead, folders []string
	seenDir := map[string]bool{}
	addDir := func(d string) {
		if !seenDir[d] {
			seenDir[d] = true
			folders = append(folders, d)
		}
	}
	any := false
	for _, a := range f.artifacts {
		if !a.compiled {
			continue
		}
		any = true
		for _, w := range a.packages.Workspaces {
			if _, err := fs.Stat(ctx, w); err == nil {
				return nil, false
			}
		}
		if data, err := fs.ReadFile(ctx, mn.File); err == nil && a.packages.Redirects(data) {
			return nil, false
		}
		if a.tool {
			continue // somebody else's released program: none of the context
		}
		for _, c := range a.compiles {
			if strings.Contains(c, "...") {
				return nil, false
			}
			if !path.IsAbs(c) {
				dir, external, ok := inModule(strings.TrimSuffix(c, "/"))
				if !ok {
					return nil, false
				}
				if !external {
					addDir(dir)
				}
				continue
			}
			name, ok := p.contextFileAt(c)
			if !ok {
				// A folder a COPY filled with a context folder's
				// contents (COPY . .) is that context folder.
				_, fcs := f.placements()
				for _, fc := range fcs {
					if fc.dest == c {
						name, ok = path.Clean(fc.src), true
					}
				}
			}
			if !ok || nested(name) {
				return nil, false
			}
			if pu.Reads(name) {
				if !files[name] {
					files[name] = true
					toRead = append(toRead, name)
				}
			} else {
				addDir(name)
			}
		}
	}
	if !any {
		return nil, false
	}
	for len(toRead) > 0 || len(folders) > 0 {
		if len(folders) > 0 {
			dir := folders[0]
			folders = folders[1:]
			if nested(dir) {
				return nil, false
			}
			ents, err := fs.ReadDir(ctx, dir)
			if err != nil {
				return nil, false
			}
			for _, e := range ents {
				name := path.Join(dir, e.Name())
				if !e.Type().IsRegular() || !pu.Reads(name) || pu.Skipped(e.Name()) || ignored(name) || files[name] {
					continue
				}
				files[name] = true
				toRead = append(toRead, name)
			}
			continue
		}
		name := toRead[0]
		toRead = toRead[1:]
		if len(files) > libcScanFiles {
			return nil, false
		}
		data, opened, err := readHead(ctx, name, libcScanPerFile)
		if !opened || err != nil || len(data) >= libcScanPerFile {
			return nil, false
		}
		imps, ok := pu.SourceImports(data)
		if !ok {
			return nil, false
		}
		for _, imp := range imps {
			dir, external, ok := inModule(imp)
			if !ok {
				return nil, false
			}
			if !external {
				addDir(dir)
			}
		}
	}
	return files, true
}
