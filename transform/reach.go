package transform

import (
	"io/fs"
	"path"
	"strings"

	"github.com/restage/restage/presets"
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
	if r == nil || ctx == nil || pr == nil || !pr.interp || pr.scriptFile != "" || len(p.restCmds) > 0 || len(p.scriptCmds) > 0 {
		return nil, false
	}
	if len(pr.exec) < 2 || strings.HasPrefix(pr.exec[1], "-") || strings.ContainsAny(pr.exec[1], "$*?[`") {
		return nil, false
	}
	if d := p.f.preset.DevDeps; d != nil {
		// A build step (npm run build) may write or rewrite what the
		// command runs: the context's copy would not be that file.
		for _, st := range p.f.runs {
			if st.unread {
				return nil, false
			}
			for _, c := range st.cmds {
				if matchesAny(c.args, d.Uses) {
					return nil, false
				}
				for _, dir := range d.BinDirs {
					if strings.Contains("/"+c.args[0].text, "/"+strings.Trim(dir, "/")+"/") {
						return nil, false
					}
				}
			}
		}
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
	if !ok {
		return nil, false
	}
	file, ok := resolveLoad(ctx, r, start)
	if !ok {
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
		if !im.Reads(name) {
			continue // a JSON file or a native addon loads nothing
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
