package transform

import (
	"io/fs"
	"path"
	"strings"

	"github.com/restage/restage/presets"
)

// dropMeans sets aside the signs of a C library that are only the means
// to link one (a C toolchain installed: review 4, finding D) when they
// are the only signs and the build context shows that the program cannot
// use the C library (presets.Pure), with a note saying so. Any other
// sign keeps them all, as does a context that cannot be read whole.
func (p *plan) dropMeans() {
	pu := p.f.preset.Static.Pure
	if pu == nil || len(p.libcWhy) == 0 || p.staticSet {
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
	if !contextPure(p.f.opt.Context, pu) {
		return
	}
	w := p.libcWhy[0]
	p.notes.note(w.Line, infoLibcMeansUnused, "%s, but %s: that is no sign the program links the C library", w.What, pu.Why)
	p.libcWhy = nil
}

// contextPure reports whether the build context shows that the program
// cannot use the C library: at least one source, every source read whole
// within the scan's bounds, every import of theirs the language's own
// library's or under a module the context declares, and no module file
// that requires other modules.
func contextPure(ctx fs.FS, pu *presets.Pure) bool {
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
		if name != "." && pu.Skipped(e.Name()) {
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
