package transform

import (
	"io/fs"
	"path"
	"strings"
)

// composeHidesProgram declines when a bind mount of a compose service
// that builds this Dockerfile lies over the file the runtime runs and
// the build context has no such file in the mounted folder: under
// compose the host's folder hides what the builder wrote (go run became
// a built binary, review 28, finding B), and the container could not
// start. Every service counts, its own user: or not, as the mount hides
// the file whoever runs; a named or anonymous volume there is filled
// from the image, and one whose kind a variable decides is not told.
func (p *plan) composeHidesProgram() error {
	pr := p.prog
	if pr == nil || pr.holder == nil || len(pr.exec) == 0 {
		return nil
	}
	var files []string
	switch {
	case pr.interp && pr.scriptAt > 0 && pr.scriptAt < len(pr.exec):
		if w := pr.exec[pr.scriptAt]; !strings.ContainsAny(w, "$*?[") {
			files = append(files, p.abs(w))
		}
	case pr.abs != "":
		files = append(files, pr.abs)
	case strings.Contains(pr.exec[0], "/") && !strings.ContainsAny(pr.exec[0], "$*?["):
		files = append(files, p.abs(pr.exec[0]))
	}
	mounts := p.f.compose
	for _, s := range p.f.composeSvcs {
		if s.user {
			mounts = append(mounts, s.mounts...)
		}
	}
	for _, file := range files {
		var over *composeMount
		for i := range mounts {
			m := &mounts[i]
			if under(file, m.target) && (over == nil || len(m.target) > len(over.target)) {
				over = m
			}
		}
		if over == nil || !over.bind || over.unknown || p.contextHolds(*over, file) {
			continue
		}
		return declinef(declComposeHidesProgram, "line %d: %s runs %s, which the build context does not hold there, and %s: under compose the host's folder hides the file the runtime needs, so the container could not start (mount the host folder elsewhere, or drop the mount to run the converted image)", pr.holder.first, pr.holder.kw, file, over.shown())
	}
	return nil
}

// contextHolds tells whether the host folder a bind mount puts at its
// target holds, as the build context has it, a regular file at the path
// file (under the target): then the mount shows the app's own file.
func (p *plan) contextHolds(m composeMount, file string) bool {
	ctx, src := p.f.opt.Context, m.source
	if ctx == nil || src == "" || path.IsAbs(src) || strings.HasPrefix(src, "~") || strings.Contains(src, composeVar) {
		return false
	}
	rel := strings.TrimPrefix(strings.TrimPrefix(file, m.target), "/")
	at := path.Join(m.dir, src, rel)
	if !fs.ValidPath(at) {
		return false
	}
	info, err := fs.Stat(ctx, at)
	return err == nil && info.Mode().IsRegular()
}
