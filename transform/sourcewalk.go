package transform

import (
	"io/fs"
	"path"
	"strings"
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

// startSet is a scan's set with the file the interpreter starts added:
// `node ./bin/http-server` runs a file of no ending the set names as the
// preset's source all the same (issue #8: http-server's writes went
// unread, so its volume was taken for one it may write).
type startSet struct {
	sourceSet
	start string
}

func (s startSet) Reads(name string) bool { return name == s.start || s.sourceSet.Reads(name) }

// withStart returns set with the start file added, when there is one.
func (p *plan) withStart(set sourceSet) sourceSet {
	if f := p.startFile(); f != "" {
		return startSet{set, f}
	}
	return set
}

// startFile is the build context's path of the file the interpreter
// starts, when the command names one the context holds as it is named;
// "" otherwise. Worked out once.
func (p *plan) startFile() string {
	if p.startRead {
		return p.startName
	}
	p.startRead = true
	ctx, pr := p.f.opt.Context, p.prog
	if ctx == nil || pr == nil || pr.holder == nil || !pr.interp || pr.resolved || len(pr.exec) < 2 {
		return ""
	}
	entry, ok := p.startEntry()
	if !ok {
		return ""
	}
	start, ok := p.contextFileAt(entry)
	if !ok {
		return ""
	}
	if st, err := fs.Stat(ctx, start); err == nil && st.Mode().IsRegular() {
		p.startName = start
	}
	return p.startName
}

// startEntry is the path in the image of the file the interpreter
// starts, when the command names it plainly (no option first, no
// variable or glob).
func (p *plan) startEntry() (string, bool) {
	pr := p.prog
	named := pr.exec[1]
	if strings.HasPrefix(named, "-") || strings.ContainsAny(named, "$*?[`") {
		return "", false
	}
	if path.IsAbs(named) {
		return named, true
	}
	dir := pr.dir
	if dir == "" {
		dir = p.f.workdir
	}
	return path.Join(dir, named), true
}
