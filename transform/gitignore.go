package transform

import (
	"path"
	"strings"

	"github.com/moby/patternmatcher"
)

// gitignored returns whether git keeps a context path out of the
// repository: such a file is here on this machine but absent from a
// fresh clone, where the build must not fail for it. Every .gitignore of
// the context on the way to the path is read, as git reads them: a
// pattern of a/b/.gitignore is relative to a/b, one with no slash but at
// its end matches a name at any depth below its folder, and a deeper
// file's pattern overrides a shallower one's.
func (f *facts) gitignored() func(name string) bool {
	if f.opt.Context == nil {
		return func(string) bool { return false }
	}
	pats := map[string][]string{}                           // a folder's .gitignore, as patterns from the context's root
	matchers := map[string]*patternmatcher.PatternMatcher{} // by the folder of the path asked about
	load := func(dir string) []string {
		if p, ok := pats[dir]; ok {
			return p
		}
		data, err := readConfig(f.opt.Context, path.Join(dir, ".gitignore"))
		var p []string
		if err == nil {
			p = gitPatterns(dir, string(data))
		}
		pats[dir] = p
		return p
	}
	return func(name string) bool {
		name = strings.TrimPrefix(path.Clean(name), "/")
		if !fsValid(name) || name == "." {
			return false
		}
		dir := path.Dir(name)
		pm, ok := matchers[dir]
		if !ok {
			var all []string
			for _, d := range gitDirs(dir) {
				all = append(all, load(d)...)
			}
			if len(all) > 0 {
				pm, _ = patternmatcher.New(all)
			}
			matchers[dir] = pm
		}
		if pm == nil {
			return false
		}
		hit, err := pm.MatchesOrParentMatches(name)
		return err == nil && hit
	}
}

// gitDirs are the folders whose .gitignore applies to a path in dir:
// the context's root, then each folder down to dir.
func gitDirs(dir string) []string {
	out := []string{"."}
	if dir == "." {
		return out
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		out = append(out, strings.Join(parts[:i+1], "/"))
	}
	return out
}

// gitPatterns turns the lines of dir's .gitignore into patterns from the
// context's root for the .dockerignore matcher: a pattern with a slash
// before its end is anchored to dir, one without matches at any depth
// under dir (`**/`). A trailing slash (folders only) is dropped, so that
// such a pattern also matches a file of that name: a file copied in the
// form that may match nothing is the side that breaks no build.
func gitPatterns(dir, text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(strings.TrimSuffix(l, "\r"), " \t")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		neg := strings.HasPrefix(l, "!")
		l = strings.TrimPrefix(l, "!")
		if strings.HasPrefix(l, `\#`) || strings.HasPrefix(l, `\!`) {
			l = l[1:]
		}
		l = strings.TrimSuffix(l, "/")
		if l == "" || l == "/" {
			continue
		}
		if strings.Contains(l, "/") {
			l = strings.TrimPrefix(l, "/")
		} else {
			l = "**/" + l
		}
		if dir != "." {
			l = dir + "/" + l
		}
		if neg {
			l = "!" + l
		}
		out = append(out, l)
	}
	return out
}
