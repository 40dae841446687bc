package transform

import (
	"bytes"
	"fmt"
	"path"
	"slices"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

// keepRootForSocket keeps the original's root user when the program
// connects to a daemon's socket the preset knows (writes.sources.sockets,
// the Docker socket; review 17, finding A). Mounted from the host, the
// socket keeps the host's owner and mode, root and one group with 660, so
// root connected and a non-root runtime user gets EACCES: the container
// starts but does none of its work. The group's id differs from host to
// host, so the runtime cannot be given it here; the note says where it
// can (compose's group_add:).
func (p *plan) keepRootForSocket() bool {
	if !p.f.ranAsRoot() {
		return false
	}
	w := p.f.preset.Writes
	if w == nil || w.Sources == nil || w.Sources.Sockets == nil {
		return false
	}
	k := w.Sources.Sockets
	line, where := 0, p.socketUse()
	if where.text == "" {
		return false
	}
	switch {
	case where.line > 0:
		line = where.line
	case p.prog != nil && p.prog.holder != nil:
		line = p.prog.holder.first
	}
	p.user = p.rootUser(p.originalRoot())
	p.notes.note(line, warnSocketRoot, "%s: %s is root's and the host's %s group's (mode 660), which refuses a non-root user; the runtime runs as root, as the original did (to run as a non-root user, add it to the host's %s group, such as with compose's group_add:, whose id restage cannot know)", where.text, k.What, k.Group, k.Group)
	return true
}

// socketEvidence is what shows the program connects to the socket, and
// the Dockerfile's line when it is an instruction.
type socketEvidence struct {
	text string
	line int
}

// socketUse finds the strongest sign that the program uses a socket of
// the preset: a compose volume at its path (the deployment hands the
// container the host's socket), a VOLUME there, then a source the start
// reaches naming it or calling a client library that connects to it by
// default, outside comments.
func (p *plan) socketUse() socketEvidence {
	k := p.f.preset.Writes.Sources.Sockets
	for _, m := range p.f.compose {
		if slices.Contains(k.Paths, m.target) {
			return socketEvidence{text: fmt.Sprintf("%s (%s) mounts %s at %s", m.at, m.label(), m.shownSource(), m.target)}
		}
	}
	for _, in := range p.f.moved {
		c, ok := in.cmd.(*instructions.VolumeCommand)
		if !ok {
			continue
		}
		for _, v := range c.Volumes {
			if slices.Contains(k.Paths, path.Clean(v)) {
				return socketEvidence{text: "the VOLUME names " + v, line: in.first}
			}
		}
	}
	ctx, s := p.f.opt.Context, p.f.preset.Writes.Sources
	if ctx == nil || len(k.Literals) == 0 && len(k.Clients) == 0 {
		return socketEvidence{}
	}
	var found socketEvidence
	runs := p.runSources()
	walkSources(ctx, p.withStart(s), s.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
		code := p.blanked(name, data)
		if len(k.Uses(data, nil)) == 0 || !runs(name) {
			return true
		}
		c := code()
		uses := k.Uses(c, func(at int) bool { return p.f.preset.InString(data, at) })
		if len(uses) == 0 {
			return true
		}
		u := uses[0]
		at := fmt.Sprintf("%s:%d", name, bytes.Count(data[:u.Offset], []byte("\n"))+1)
		if u.Client != "" {
			found.text = fmt.Sprintf("%s calls %s, which connects to %s by default", at, u.Client, u.Path)
		} else {
			found.text = fmt.Sprintf("%s names %s", at, u.Path)
		}
		return false
	})
	return found
}
