package transform

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/restage/restage/shell"
)

// keepRootForHome keeps the original's root user when what runs in the
// container names a path under /root or in the home folder (~/): the
// start script tests /root/.ocean/ready, the program opens
// expanduser("~/.ocean/address.json") (review 12, finding C). Such files
// come from outside the image (a volume mounted in root's home), which
// the runtime images keep private to root (mode 700), and a non-root
// user's home is not /root (65532 has none: HOME=/), so a non-root
// runtime would look where nothing is, or be refused.
func (p *plan) keepRootForHome() bool {
	if !p.f.ranAsRoot() {
		return false // the original's home was not /root either
	}
	if p.prog == nil || p.prog.holder == nil {
		return false // no command: nothing runs that could read them
	}
	where, named, home := p.rootHomeNamed()
	if where == "" {
		return false
	}
	what := "under /root, which only root may enter (mode 700 in the runtime images)"
	if home {
		what = "in the home folder, which was root's /root in the original and is not a non-root user's"
	}
	p.user = p.rootUser(p.originalRoot())
	p.notes.note(p.prog.holder.first, warnRootHome, "%s names %s, %s: the runtime runs as root, as the original did (move the files to a folder any user may reach, such as /data, to run as a non-root user)", where, named, what)
	return true
}

// rootHomeNamed finds the first path under /root or the home folder that
// the command's script or the app's sources name: where it is named, the
// path, and whether it is the home folder's (~/).
func (p *plan) rootHomeNamed() (where, named string, home bool) {
	kind := func(t string) (bool, bool) {
		switch {
		case t == "/root" || strings.HasPrefix(t, "/root/"):
			return true, false
		case strings.HasPrefix(t, "~/"), strings.HasPrefix(t, "$HOME/"), strings.HasPrefix(t, "${HOME}/"):
			return true, true
		}
		return false, false
	}
	for _, c := range p.scriptCmds {
		for _, w := range slices.Concat(c.c.Assigns, c.c.Words) {
			t := w.Text
			if _, v, ok := strings.Cut(t, "="); ok && shell.IsAssignment(t) {
				t = v
			}
			if ok, h := kind(t); ok {
				return "the script " + p.prog.scriptFile, t, h
			}
		}
	}
	ctx, w := p.f.opt.Context, p.f.preset.Writes
	if ctx == nil || w == nil || w.Sources == nil || len(w.Sources.RootReads) == 0 {
		return "", "", false
	}
	runs := p.runSources()
	walkSources(ctx, w.Sources, w.Sources.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
		// A call in a comment reads nothing (review 10, finding C).
		if rs := commentsOut(data, p.blanked(name, data), w.Sources.RootPaths); len(rs) > 0 && runs(name) {
			where = fmt.Sprintf("%s:%d", name, bytes.Count(data[:rs[0].Offset], []byte("\n"))+1)
			named, home = rs[0].Text, strings.HasPrefix(rs[0].Text, "~")
			return false
		}
		return true
	})
	return where, named, home
}
