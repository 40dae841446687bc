package transform

import (
	"io/fs"
	"path"
)

// sourceSet says which files of the build context a scan reads: the
// presets' source scans (run-time writes, programs run, modules loaded,
// signs of a C library) each have their own endings and skips.
type sourceSet interface {
	Skipped(name string) bool // a folder or file of this name is not read
	Reads(name string) bool   // a file of this path is one of the sources
}

// walkSources reads the files of ctx that set selects, each up to
// libcScanPerFile bytes, and stops after libcScanFiles files or
// libcScanBytes bytes in all, so that a large context costs a bounded
// time. A folder holding one of the files skipHolding names (pyvenv.cfg:
// a virtual environment committed under another name) is not entered.
// What ignored says .dockerignore keeps out of the build is not read: it
// is not in the image, so it is none of the program's sources (nil reads
// everything). visit returns false to stop the walk. Unreadable folders
// and files are passed over: they are facts of the context, not errors.
func walkSources(ctx fs.FS, set sourceSet, skipHolding []string, ignored func(string) bool, visit func(name string, data []byte) bool) {
	walkSourcesIn(ctx, ".", set, skipHolding, ignored, visit)
}

// commentsOut returns what a scan finds in a source, read with the
// preset's comments blanked (code, Preset.Code), since a call in a
// comment runs nothing (review 10, finding C). Blanking is a regexp pass
// over the whole file, a few MB/s, and most sources hold nothing a scan
// looks for; what it finds in the blanked text it finds in the text as
// it is (but a call with a comment inside its parentheses, which the
// scans' patterns never read), so a source whose text gives nothing is
// not blanked.
func commentsOut[T any](data []byte, code func() []byte, scan func([]byte) []T) []T {
	if found := scan(data); len(found) == 0 {
		return found
	}
	return scan(code())
}

// blanked returns a func giving data, the source at name as a scan read
// it, with the preset's comments blanked, made once per conversion for
// all the scans that read as much of it.
func (p *plan) blanked(name string, data []byte) func() []byte {
	return func() []byte {
		if c, ok := p.codes[name]; ok && len(c) == len(data) {
			return c
		}
		if p.codes == nil {
			p.codes = map[string][]byte{}
		}
		c := p.f.preset.Code(data)
		p.codes[name] = c
		return c
	}
}

// walkSourcesIn is walkSources over the folder root of ctx only; names
// are still paths of ctx.
func walkSourcesIn(ctx fs.FS, root string, set sourceSet, skipHolding []string, ignored func(string) bool, visit func(name string, data []byte) bool) {
	files, total := 0, 0
	walkContext(ctx, root, func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if name != root && (set.Skipped(e.Name()) || ignored != nil && ignored(name)) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() && name != root {
			for _, m := range skipHolding {
				if st, err := fs.Stat(ctx, path.Join(name, m)); err == nil && st.Mode().IsRegular() {
					return fs.SkipDir
				}
			}
		}
		if e.IsDir() || !set.Reads(name) || !e.Type().IsRegular() {
			return nil
		}
		files++
		if files > libcScanFiles || total >= libcScanBytes {
			return fs.SkipAll
		}
		data, opened, _ := readHead(ctx, name, libcScanPerFile)
		if !opened {
			return nil
		}
		total += len(data)
		if !visit(name, data) {
			return fs.SkipAll
		}
		return nil
	})
}
