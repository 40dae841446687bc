package transform

import (
	"io/fs"
	"path"
	"strings"
)

// ctxSource is one source of a COPY or ADD from the build context, with
// its variables expanded as BuildKit expands them at that instruction.
type ctxSource struct {
	in   *inst
	raw  string // as written
	name string // the context path, cleaned: "" is the context's root
}

// contextSources records the sources of a COPY or ADD that BuildKit looks
// up in the build context. A URL or git address is fetched, not looked
// up; a source with a variable the file does not set (an ARG without a
// default, an ENV of the base image) may name anything at build time,
// and one with quotes or escapes is spelled in a way this check does not
// read, so none of these is recorded: the check would be a guess.
func (f *facts) contextSources(in *inst, srcs []string) {
	for _, raw := range srcs {
		l := strings.ToLower(raw)
		if strings.Contains(l, "://") || strings.HasPrefix(l, "git@") {
			continue
		}
		s := raw
		if strings.ContainsRune(s, '$') {
			x, ok := f.expand(s)
			if !ok || x == "" {
				continue
			}
			s = x
		}
		if strings.ContainsAny(s, "$'\"\\`") || strings.ContainsRune(s, f.src.escape) {
			continue
		}
		// BuildKit resolves a source inside the context: a leading / or
		// a ../ that climbs out ends at its root.
		name := strings.TrimPrefix(path.Clean("/"+s), "/")
		f.sources = append(f.sources, ctxSource{in: in, raw: raw, name: name})
	}
}

// noteMissingSources warns, once per instruction, about the sources a
// COPY or ADD names that the build context does not send, which fails
// the original build from that context with "not found". What BuildKit
// (Docker 20.10's) does, checked with docker build: a missing file or
// folder fails, and so does one .dockerignore leaves out; a wildcard
// that matches nothing copies nothing and builds (restage's own `.en[v]`
// relies on that), unless the folder before the first wildcard is
// missing or left out, which BuildKit must list and fails on. Without
// a context, or with one whose root cannot be read (an editor's buffer
// in a folder that is not on disk), there is nothing to look in.
func (p *plan) noteMissingSources() {
	f := p.f
	ctx := f.opt.Context
	if ctx == nil || len(f.sources) == 0 {
		return
	}
	if !contextListable(ctx) {
		return
	}
	ignored := f.dockerignore()
	var line *inst
	var what []string
	flush := func() {
		if line != nil && len(what) > 0 {
			p.notes.note(line.first, warnSourceMissing, "%s %s; the original does not build from this context either (built from another folder? give that folder as the context)", line.kw, strings.Join(what, "; "))
		}
		what = nil
	}
	for _, s := range f.sources {
		if s.in != line {
			flush()
			line = s.in
		}
		if s.name == "" {
			continue
		}
		shown := s.raw
		if s.raw != s.name && strings.ContainsRune(s.raw, '$') {
			shown += " (" + s.name + ")"
		}
		check, wild := s.name, false
		if i := strings.IndexAny(s.name, "*?["); i >= 0 {
			j := strings.LastIndexByte(s.name[:i], '/')
			if j < 0 {
				continue // the root is always there, and matching nothing builds
			}
			check, wild = s.name[:j], true
		}
		st, err := fs.Stat(ctx, check)
		switch {
		case err != nil && wild:
			what = append(what, shown+": no folder "+check+" in the build context, which BuildKit lists for the pattern")
		case err != nil:
			what = append(what, shown+": no such file or folder in the build context")
		case ignored(check) && wild:
			what = append(what, shown+": .dockerignore leaves the folder "+check+" out of the build context, which BuildKit lists for the pattern")
		case ignored(check):
			what = append(what, shown+": .dockerignore leaves it out of the build context")
		case wild && !st.IsDir():
			what = append(what, shown+": "+check+" is a file, not a folder BuildKit can list for the pattern")
		}
	}
	flush()
}
