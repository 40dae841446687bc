package transform

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/restage/restage/presets"
)

// commandModule finds the module of the app that the command's program
// loads by its dotted name (uvicorn server:app, python -m bot), by the
// preset's module loaders.
func (p *plan) commandModule() (string, *presets.ModuleLoader, bool) {
	f, pr := p.f, p.prog
	m := f.preset.Modules
	if m == nil || len(pr.exec) < 2 {
		return "", nil, false
	}
	prog := path.Base(pr.exec[0])
	for i := range m.Loaders {
		l := &m.Loaders[i]
		switch {
		case l.Flag != "" && (l.Program == prog || l.Program == "" && f.preset.IsInterpreter(pr.exec[0])):
			// The interpreter's own options come first; the first word
			// that is none is a script, and ends them.
			for k := 1; k < len(pr.exec); k++ {
				w := pr.exec[k]
				if w == l.Flag {
					if k+1 < len(pr.exec) && plainModule(pr.exec[k+1]) {
						return pr.exec[k+1], l, true
					}
					return "", nil, false
				}
				if !strings.HasPrefix(w, "-") || strings.HasPrefix(w, l.Flag) {
					return "", nil, false
				}
			}
		case l.Arg != "" && l.Program == prog:
			mod, n := "", 0
			for _, w := range pr.exec[1:] {
				if x, ok := l.Module(w); ok {
					mod, n = x, n+1
				}
			}
			if n == 1 && plainModule(mod) {
				return mod, l, true
			}
			return "", nil, false
		}
	}
	return "", nil, false
}

// plainModule reports whether a word is a module name as written, with
// nothing the shell or the loader would expand.
func plainModule(w string) bool {
	return w != "" && !strings.HasPrefix(w, "-") && !strings.ContainsAny(w, "$*?[`{/ ")
}

// noteModuleMissing warns, as RS340 does for the interpreter's file
// (review 15, finding B), when no COPY brings the module the command
// loads into the folder it runs in and no RUN makes it. Nothing is said
// when the module may come from elsewhere: a module the interpreter has
// itself, a dependency named like it, a folder added to the module path
// (an option, a variable, a file that may set one), or the module found
// elsewhere in the build context, which an install of the project may
// put into the environment.
func (p *plan) noteModuleMissing(mod string, l *presets.ModuleLoader) {
	f, pr := p.f, p.prog
	m := f.preset.Modules
	ctx := f.opt.Context
	if !contextListable(ctx) || slices.ContainsFunc(p.notes.list, func(n Note) bool { return n.Code == warnSourceMissing }) {
		return
	}
	for _, v := range m.UnlessEnv {
		if f.envNow[v] != "" {
			return
		}
	}
	for _, w := range pr.exec[1:] {
		for _, u := range l.UnlessFlags {
			if w == u || strings.HasPrefix(w, u+"=") {
				return
			}
		}
	}
	dir := pr.dir
	if dir == "" {
		dir = f.workdir
	}
	for _, u := range l.UnlessFiles {
		if _, _, ok := f.contextFileMax(path.Join(dir, u), 0); ok || contextHas(ctx, u) {
			return
		}
	}
	top, _, _ := strings.Cut(mod, m.Separator)
	if slices.Contains(m.Builtin, top) || p.dependencyNamed(top) {
		return
	}
	rel := strings.ReplaceAll(mod, m.Separator, "/")
	var (
		shown []string
		why   string
		found bool
	)
	for _, pa := range m.Paths {
		name := strings.ReplaceAll(pa, "{path}", rel)
		folder := strings.HasSuffix(name, "/")
		abs := path.Join(dir, name)
		w, missing, inContext := p.entryMissing(abs, folder)
		if !missing {
			return
		}
		if why == "" || inContext && !found {
			why, found = w, inContext
		}
		if folder {
			shown = append(shown, "the package "+abs)
		} else {
			shown = append(shown, abs)
		}
	}
	// Read last: the walk costs the most, and a module in place ends
	// the reading before it.
	if contextHoldsElsewhere(ctx, rel, strings.TrimPrefix(strings.TrimPrefix(dir, f.workdir), "/")) {
		return
	}
	p.notes.note(pr.holder.first, warnEntryMissing, "the command loads the module %s (%s), which no COPY brings into the image and no RUN makes (%s): the image cannot start on its own, only with the module given from outside (a bind mount); what the program writes and runs was not read, and a mounted folder must let the runtime's user write where the program writes", mod, strings.Join(shown, ", or "), why)
}

// dependencyNamed reports whether an install of the file names a
// dependency like the module's first part: in the project files the
// preset lists, a file an install's option names, or the install's own
// words.
func (p *plan) dependencyNamed(top string) bool {
	f := p.f
	m := f.preset.Modules
	for _, is := range f.installs {
		text := ""
		for _, st := range f.runs {
			if st.in == is.in {
				text = st.text
			}
		}
		if wordIn(strings.ToLower(text), strings.ToLower(top)) {
			return true
		}
		files := slices.Clone(m.DependencyFiles)
		words := strings.Fields(text)
		for i, w := range words {
			for _, fl := range m.DependencyFlags {
				switch {
				case w == fl && i+1 < len(words):
					files = append(files, words[i+1])
				case strings.HasPrefix(w, fl+"="):
					files = append(files, strings.TrimPrefix(w, fl+"="))
				}
			}
		}
		for _, name := range files {
			data, _, ok := f.contextFileMax(path.Join(is.cwd, strings.Trim(name, `"'`)), runScanPerFile)
			if ok && m.ListsDependency([]byte(data), top) {
				return true
			}
		}
	}
	return false
}

// moduleWalkMax bounds the entries contextHoldsElsewhere looks at: a
// larger context counts as holding the module, the conservative side.
const moduleWalkMax = 20000

// contextHoldsElsewhere reports whether the build context holds the
// module's path rel (a/b: a/b.py, a package a/b/, or a compiled a/b.*)
// anywhere but in the folder at, where the command looks for it.
func contextHoldsElsewhere(ctx fs.FS, rel, at string) bool {
	base := path.Base(rel)
	n, found := 0, false
	_ = fs.WalkDir(ctx, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if n++; n > moduleWalkMax {
			found = true
			return fs.SkipAll
		}
		e := d.Name()
		stem := e
		if !d.IsDir() {
			stem, _, _ = strings.Cut(e, ".")
		}
		if stem != base || e == base && !d.IsDir() {
			return nil
		}
		p := path.Join(path.Dir(name), base)
		if p != rel && !strings.HasSuffix(p, "/"+rel) {
			return nil
		}
		if path.Clean(strings.TrimSuffix(p, rel)) == path.Clean(at) || strings.TrimSuffix(p, rel) == "" && at == "" {
			return nil // where the command looks: entryMissing reads it
		}
		found = true
		return fs.SkipAll
	})
	return found
}
