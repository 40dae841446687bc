package transform

import (
	"fmt"
	"path"
	"strings"

	"github.com/restage/restage/internal/yaml"
)

// workspaceRoot is the folder an app install run in cwd fills: the root
// of a workspace above cwd that lists it (node.yaml build[].workspace),
// or cwd itself. npm, yarn and pnpm run in a workspace member's folder
// install the whole workspace at its root, so the dependencies are in
// the root's node_modules, which a runtime that copies only the member's
// folder lacks (review 23, finding E). why, when the root is not cwd,
// says which marker listed it.
func (f *facts) workspaceRoot(b buildUse, line int) (root, why string, err error) {
	for dir := b.cwd; ; dir = path.Dir(dir) {
		for _, w := range b.bc.Workspace {
			if len(w.OffArgs) > 0 && hasAnyArg(b.args, w.OffArgs) {
				continue
			}
			file := path.Join(dir, w.File)
			text, _, ok := f.contextFileBefore(file, scriptMaxBytes, line)
			if !ok {
				continue
			}
			if dir == b.cwd {
				if w.Nearest {
					// The install's own folder holds the file: it is
					// its own workspace's root (pnpm stops there).
					return b.cwd, "", nil
				}
				continue
			}
			var doc map[string]any
			if yaml.Unmarshal([]byte(text), &doc) != nil {
				return "", "", declinef(declWorkspaceUnknown, "line %d: `%s` runs below %s, which cannot be read as a workspace marker, so where it installs cannot be told", line, b.bc.Command, file)
			}
			globs, has := memberGlobs(doc[w.Key])
			if !has && !w.Nearest {
				continue
			}
			rel := strings.TrimPrefix(b.cwd, strings.TrimSuffix(dir, "/")+"/")
			if !globsList(globs, rel) {
				if w.Unlisted != "" {
					return "", "", declinef(declWorkspaceUnknown, "line %d: `%s` runs in %s: %s", line, b.bc.Command, b.cwd, w.Unlisted)
				}
				continue
			}
			if dir == "/" {
				// The root's copy would be the whole file system, as
				// an install run in / would (RS211).
				return "", "", declinef(declWorkspaceUnknown, "line %d: `%s` runs in %s, a member of a workspace whose root is / (%s): the install fills /node_modules, and the application has no folder of its own to copy (put the workspace in a folder of its own)", line, b.bc.Command, b.cwd, file)
			}
			if w.Decline != "" {
				return "", "", declinef(declWorkspaceUnknown, "line %d: `%s` runs in %s, a member of the workspace at %s (%s): %s", line, b.bc.Command, b.cwd, dir, w.File, w.Decline)
			}
			return dir, fmt.Sprintf("%s's %s lists %s", file, w.Key, rel), nil
		}
		if dir == "/" || dir == "." {
			return b.cwd, "", nil
		}
	}
}

// memberGlobs reads a marker's list of member globs: a list of strings,
// or a map whose packages is one (yarn's {packages, nohoist}).
func memberGlobs(v any) ([]string, bool) {
	if m, ok := v.(map[string]any); ok {
		v = m["packages"]
	}
	list, ok := v.([]any)
	if !ok {
		return nil, false
	}
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out, true
}

// globsList reports whether the member globs, relative to the root,
// match the folder rel: one glob matches and no later ! glob leaves it
// out (pnpm's exclusions); ** stands for any number of folders.
func globsList(globs []string, rel string) bool {
	in := false
	for _, g := range globs {
		neg := strings.HasPrefix(g, "!")
		g = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(g, "!"), "./"), "/")
		if globMatch(strings.Split(strings.TrimSuffix(g, "/"), "/"), strings.Split(rel, "/")) {
			if neg {
				return false
			}
			in = true
		}
	}
	return in
}

func globMatch(g, p []string) bool {
	if len(g) == 0 {
		return len(p) == 0
	}
	if g[0] == "**" {
		for k := 0; k <= len(p); k++ {
			if globMatch(g[1:], p[k:]) {
				return true
			}
		}
		return false
	}
	if len(p) == 0 {
		return false
	}
	ok, err := path.Match(g[0], p[0])
	return err == nil && ok && globMatch(g[1:], p[1:])
}
