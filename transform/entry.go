package transform

import (
	"encoding/json"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// noteEntryMissing warns when the file the interpreter runs is not in
// the image (review 13, finding E): no COPY brings it in and no RUN
// makes it, so the original could start only with the file given from
// outside (a bind mount), and the scans that read what the program
// writes and runs read nothing of it. Nothing is said when a RUN other
// than a dependency install may write it, when an install runs the app's
// own scripts, when the command's file is not a plain path, or when a
// COPY source is missing already (RS330: the context is likely the
// wrong folder, and that note says so).
func (p *plan) noteEntryMissing() {
	f, pr := p.f, p.prog
	ctx := f.opt.Context
	if ctx == nil || pr == nil || pr.scriptFile != "" {
		return
	}
	if mod, l, ok := p.commandModule(); ok {
		p.noteModuleMissing(mod, l)
		return
	}
	// The word after the interpreter, or after a program that runs the
	// file its first argument names (ts-node), is the file.
	at := -1
	if pr.interp {
		at = 1
	} else {
		for i, w := range pr.exec {
			if slices.Contains(f.preset.FilePrograms, path.Base(w)) {
				at = i + 1
				break
			}
		}
	}
	if at < 1 || at >= len(pr.exec) {
		return
	}
	if !contextListable(ctx) {
		return
	}
	if slices.ContainsFunc(p.notes.list, func(n Note) bool { return n.Code == warnSourceMissing }) {
		return
	}
	file := pr.exec[at]
	if file == "" || strings.HasPrefix(file, "-") || strings.ContainsAny(file, "$*?[`{") {
		return
	}
	abs := file
	if !path.IsAbs(abs) {
		dir := pr.dir
		if dir == "" {
			dir = f.workdir
		}
		abs = path.Join(dir, file)
	}
	why, missing, _ := p.entryMissing(abs, false)
	if !missing {
		return
	}
	p.notes.note(pr.holder.first, warnEntryMissing, "the command runs %s, which no COPY brings into the image and no RUN makes (%s): the image cannot start on its own, only with the file given from outside (a bind mount); what the program writes and runs was not read, and a mounted folder must let the runtime's user write where the program writes", abs, why)
}

// entryMissing says why nothing puts the file abs (a folder, with
// folder) into the image, and whether the build context holds it:
// missing is false when a build step, a COPY or a RUN may put it there.
func (p *plan) entryMissing(abs string, folder bool) (why string, missing, inContext bool) {
	f := p.f
	ctx := f.opt.Context
	has := contextHas
	if folder {
		has = contextHasDir
	}
	for _, a := range f.artifacts {
		if a.path() == abs || (a.folder || a.name == "") && under(abs, a.dir) && a.dir != f.workdir {
			return "", false, false // a build step writes it, or a folder holding it
		}
	}
	if !p.onlyInstallsRun() {
		return "", false, false
	}
	if _, _, ok := f.contextFileMax(abs, 0); ok {
		return "", false, false // a COPY brings it from the context
	}
	for _, c := range f.copies {
		for _, src := range c.cp.SourcePaths {
			if x, ok := f.expand(src); strings.Contains(src, "$") && (!ok || strings.Contains(x, "$")) {
				return "", false, false // a source only the build knows may be it
			}
		}
	}
	name, copied := p.contextFileAt(abs)
	if !copied {
		_, fcs := f.placements()
		for _, fc := range fcs {
			if rest, ok := names(abs, fc.dest); ok && !strings.ContainsAny(fc.dest, "*?[") {
				name, copied = path.Clean(path.Join(fc.src, rest)), true
			}
		}
	}
	pls, _ := f.placements()
	for _, pl := range pls {
		if (pl.open || pl.made || pl.from != "") && under(abs, pl.dest) {
			return "", false, false // what is there cannot be listed, or a RUN put it
		}
	}
	switch {
	case copied && !has(ctx, name):
		return "the build context has no " + name, true, false
	case copied:
		return "", false, true
	default:
		rel := strings.TrimPrefix(strings.TrimPrefix(abs, f.workdir), "/")
		if !under(abs, f.workdir) || !has(ctx, rel) {
			return "no COPY copies it", true, false
		}
		return "the build context has " + rel + ", but no COPY copies it", true, true
	}
}

// contextHasDir reports whether the build context holds a folder name.
func contextHasDir(ctx fs.FS, name string) bool {
	st, err := fs.Stat(ctx, name)
	return err == nil && st.IsDir()
}

// contextListable reports whether the build context's root is a folder
// that can be read: one that cannot (an editor's buffer in a folder not
// on disk) shows nothing missing from it.
func contextListable(ctx fs.FS) bool {
	st, err := fs.Stat(ctx, ".")
	return err == nil && st.IsDir()
}

// contextHas reports whether the build context holds a regular file
// name.
func contextHas(ctx fs.FS, name string) bool {
	st, err := fs.Stat(ctx, name)
	return err == nil && st.Mode().IsRegular()
}

// onlyInstallsRun reports whether every RUN of the file is made of the
// preset's dependency installs (and installs of its build tools) alone,
// none of which runs the app's own scripts (the preset's
// install_scripts): nothing else may have written a file of the app.
func (p *plan) onlyInstallsRun() bool {
	f := p.f
	for _, st := range f.runs {
		if st.unread || len(st.cmds) != len(st.builds) {
			return false
		}
		for _, b := range st.builds {
			// An install of named build tools (pip install uv) writes
			// no file of the app either.
			if !slices.ContainsFunc(f.installs, func(in install) bool { return in.bc == b.bc && in.in == st.in }) &&
				!slices.ContainsFunc(f.toolUses, func(t toolUse) bool { return t.in == st.in && len(b.bc.Tools) > 0 }) {
				return false
			}
			if is := f.preset.InstallScripts; is != nil {
				text, _, ok := f.contextFileAt(path.Join(b.cwd, is.Manifest))
				if !ok {
					return false
				}
				var doc any
				if json.Unmarshal([]byte(text), &doc) != nil {
					return false
				}
				for _, k := range is.Keys {
					if _, ok := jsonAt(doc, k); ok {
						return false
					}
				}
			}
		}
	}
	return true
}
