package presets

import (
	"path"
	"strings"
)

// globMatch is path.Match(g, name) with a bad pattern as no match. The
// source scans ask it for every file and folder of the build context
// against each preset's skip list, and over a tree of many projects
// path.Match was a twentieth of the time, so the globs the presets write
// (a name, *.test.*, _*) are matched here without it: a glob whose only
// wildcard is * against a name without a slash. Anything else (?, a
// class, an escape, a path) goes to path.Match.
func globMatch(g, name string) bool {
	if otherWildcards(g) || strings.IndexByte(name, '/') >= 0 {
		ok, _ := path.Match(g, name)
		return ok
	}
	i := strings.IndexByte(g, '*')
	if i < 0 {
		return g == name
	}
	if !strings.HasPrefix(name, g[:i]) {
		return false
	}
	name, g = name[i:], g[i+1:]
	last := g
	if j := strings.LastIndexByte(g, '*'); j >= 0 {
		last, g = g[j+1:], g[:j]
	} else {
		g = ""
	}
	if !strings.HasSuffix(name, last) {
		return false
	}
	name = name[:len(name)-len(last)]
	// What is left of g is the texts between the first and the last *,
	// which must come in order: the leftmost place of each is the best.
	for g != "" {
		part := g
		if k := strings.IndexByte(g, '*'); k >= 0 {
			part, g = g[:k], g[k+1:]
		} else {
			g = ""
		}
		at := strings.Index(name, part)
		if at < 0 {
			return false
		}
		name = name[at+len(part):]
	}
	return true
}

// otherWildcards reports whether g holds a wildcard other than * (? or
// a class) or an escape. A loop over the few bytes of a glob: it is asked
// for every name of every context, and strings.ContainsAny builds its set
// of characters at each call.
func otherWildcards(g string) bool {
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case '?', '[', '\\':
			return true
		}
	}
	return false
}

// pathGlobMatch is path.Match(g, name) with a bad pattern as no match,
// for globs over paths (a COPY's destination against
// /etc/apt/sources.list.d/*, an element path of pom.xml against
// project/build/*/plugin/...): the part of the glob before its first
// wildcard must start the name, which rules out almost every path
// before path.Match runs (each COPY's files against each package map's
// source files were 2% of a tree's instructions).
func pathGlobMatch(g, name string) bool {
	if i := strings.IndexAny(g, `*?[\`); i < 0 {
		return g == name
	} else if !strings.HasPrefix(name, g[:i]) {
		return false
	}
	ok, _ := path.Match(g, name)
	return ok
}
