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
	named, home := p.rootHomeNamed()
	if named == "" {
		return false
	}
	what := "under /root, which only root may enter (mode 700 in the runtime images)"
	if home {
		what = "in the home folder, which was root's /root in the original and is not a non-root user's"
	}
	p.user = p.rootUser(p.originalRoot())
	p.notes.note(p.prog.holder.first, warnRootHome, "%s, %s: the runtime runs as root, as the original did (move the files to a folder any user may reach, such as /data, to run as a non-root user)", named, what)
	return true
}

// rootHomeNamed finds the first path under /root or the home folder that
// the command's script, a compose file's volume of this image (review 13,
// finding B: a model mounted at /root/panns_data for a library that reads
// ~/panns_data) or the app's sources name: "WHERE names PATH", and
// whether it is the home folder's (~/).
func (p *plan) rootHomeNamed() (named string, home bool) {
	where, named, home := p.rootHomePath()
	if where != "" {
		named = where + " names " + named
	}
	return named, home
}

func (p *plan) rootHomePath() (where, named string, home bool) {
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
	for _, m := range p.f.compose {
		// Any volume there: a named one under /root is as far out of
		// a non-root user's reach as a host folder.
		if m.target == "/root" || strings.HasPrefix(m.target, "/root/") {
			return "", m.shown(), false
		}
	}
	ctx, w := p.f.opt.Context, p.f.preset.Writes
	if ctx == nil || w == nil || w.Sources == nil || len(w.Sources.RootReads) == 0 {
		return "", "", false
	}
	runs := p.runSources()
	walkSources(ctx, w.Sources, w.Sources.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
		if rs := w.Sources.RootPaths(data); len(rs) > 0 && runs(name) {
			where = fmt.Sprintf("%s:%d", name, bytes.Count(data[:rs[0].Offset], []byte("\n"))+1)
			named, home = rs[0].Text, strings.HasPrefix(rs[0].Text, "~")
			return false
		}
		return true
	})
	return where, named, home
}
