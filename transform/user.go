package transform

import (
	"io/fs"
	"path"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/restage/restage/presets"
)

// planUser decides the runtime stage's USER. When the runtime runs as
// another user than the original, that user owns the app folder (chown);
// the note waits for planOwnership, which knows the folder.
func (p *plan) planUser() {
	p.noteRunnerCommand()
	// A runtime that keeps root (a folder under /root) owns everything
	// already: planOwnership, which checks the ports, then has no chown.
	if p.keepRootForWorkdir() || p.keepRootFor() || p.keepRootForSocket() || p.keepRootForRunner() || p.keepRootForUnread() || p.keepRootForDaemon() {
		p.keepsRoot = true
		p.copyHomeDeps()
		return
	}
	f, r := p.f, p.runtime
	// The note on a user change is finished by planOwnership, which
	// knows the app folder: it is the last note made here.
	later := func(fromRoot bool) {
		p.userNote = len(p.notes.list) - 1
		p.chown = r.User
		p.fromRoot = fromRoot
	}
	if f.user == nil && f.variant.User != "" {
		// The builder image runs as its own user (gradle:5.4 ends
		// with USER gradle), which the runtime images lack: the
		// runtime's non-root user takes its place, owning the app
		// folder as the original's user owned its WORKDIR.
		if r.HasUser(f.variant.User) {
			p.user = f.variant.User
			return
		}
		if !r.ImageUser {
			p.user = r.User
		}
		p.notes.note(0, infoImageUser, "the original ran as the user %s, which %s sets (the file has no USER), not as root; the runtime runs as the non-root user %s", f.variant.User, f.image, r.User)
		later(false)
		return
	}
	if f.user == nil {
		if !r.ImageUser {
			p.user = r.User
		}
		p.notes.note(0, infoNonRootUser, "the original image ran as root; the runtime runs as the non-root user %s", r.User)
		later(true)
		return
	}
	u := f.user.cmd.(*instructions.UserCommand).User
	name, group, _ := strings.Cut(u, ":")
	switch {
	case name == "root" || name == "0":
		p.user = r.User
		p.notes.note(f.user.first, warnRootReplaced, "the original ran as root (USER %s); the runtime runs as the non-root user %s", u, r.User)
		later(true)
	case isNumeric(name) && (group == "" || isNumeric(group)):
		p.user = u
	case r.HasUser(name) && (group == "" || isNumeric(group) || r.HasUser(group)):
		p.user = u
	case f.created[name]:
		p.user, p.replaced = r.User, name
		p.notes.note(f.user.first, infoBuilderUser, "user %s is created in the builder and does not exist in %s; the runtime runs as the non-root user %s", name, p.image, r.User)
		later(false)
	default:
		p.user, p.replaced = r.User, name
		p.notes.note(f.user.first, warnUserMissing, "user %s does not exist in %s; the runtime runs as the non-root user %s", name, p.image, r.User)
		later(false)
	}
	if p.user != "" {
		for _, name := range varRefNames(p.user) {
			p.uses = append(p.uses, varUse{name, f.user.first})
		}
	}
}

// keepRootFor keeps the original's root user when the runtime gets a
// folder under /root: the images keep /root private to root (mode 700),
// so a non-root user could not reach what was copied there.
func (p *plan) keepRootFor() bool {
	if p.rootOnly == "" {
		return p.keepRootForHome()
	}
	if !p.f.ranAsRoot() {
		return false // the original did not run as root either
	}
	p.user = p.rootUser(p.originalRoot())
	p.notes.note(p.prog.holder.first, warnRootKept, "the runtime gets %s, under /root, which only root may enter: it runs as root, as the original did (move the folder elsewhere, such as /opt, to run as a non-root user)", p.rootOnly)
	return true
}

// keepRootForWorkdir keeps the original's root user when the working
// folder is /root or below it (review 11, finding B). /root exists in
// every runtime image as root's mode 700 folder, and neither the
// runtime's WORKDIR nor a COPY --chown changes a folder that exists, so
// a non-root user could not open the files there: runc changes into the
// folder as root and the process starts, but `python app.py` is refused
// (and /root/app/server.js, through /root, too). Moving the WORKDIR would change where the program's
// relative paths resolve, so it stays, and so does root.
func (p *plan) keepRootForWorkdir() bool {
	f := p.f
	wd := path.Clean(f.workdir)
	if !f.setWD || (wd != "/root" && !strings.HasPrefix(wd, "/root/")) {
		return false
	}
	if !f.ranAsRoot() {
		return false // the original could not enter it either
	}
	shown := p.originalRoot()
	p.user = p.rootUser(shown)
	where := "the working folder is /root"
	if wd != "/root" {
		where = "the working folder " + wd + " is under /root"
	}
	p.notes.note(f.workdirIn.first, warnWorkdirRootOnly, "%s, which only root may enter (mode 700 in the runtime images): the runtime keeps the original user %s, because the non-root user %s would start there but could not open the files in it (permission denied); a WORKDIR outside /root, such as /app, lets it run as a non-root user", where, shown, p.runtime.User)
	return true
}

// ranAsRoot reports whether the original ran as root: no USER, or USER
// root or 0 (with any group).
func (f *facts) ranAsRoot() bool {
	if f.user == nil {
		return f.variant.User == "" // the image's own user, else root
	}
	name, _, _ := strings.Cut(f.userNow, ":")
	return name == "root" || name == "0"
}

// originalRoot is how the original, which ran as root, named its user:
// its USER's value, or root when it had none.
func (p *plan) originalRoot() string {
	if p.f.user != nil {
		return p.f.userNow
	}
	return "root"
}

// rootUser is the runtime's USER for an original that ran as root (shown:
// root, or the file's own USER root or USER 0) that the runtime keeps: none
// on an image that runs as root itself, root or 0:0 on one that runs as
// its own non-root user.
func (p *plan) rootUser(shown string) string {
	switch {
	case !p.runtime.ImageUser:
		return ""
	case p.runtime.HasUser("root") || shown != "root":
		return shown
	default:
		return "0:0"
	}
}

// noteRunnerCommand warns of the keys of the file that runs the image
// as root which change what it runs: the conversion read only the
// Dockerfile's own command. It does not depend on who keeps root.
func (p *plan) noteRunnerCommand() {
	f, rr := p.f, p.f.rootRunner
	if rr == nil {
		return
	}
	line := 0
	switch {
	case f.entrypoint != nil:
		line = f.entrypoint.first
	case p.prog.holder != nil:
		line = p.prog.holder.first
	}
	// Arguments a shell-form ENTRYPOINT dropped reach the program once
	// it is exec form.
	if pr := p.prog; pr != nil && pr.shellForm && pr.holder != nil && pr.holder.kw == "ENTRYPOINT" && pr.newText != "" {
		for _, k := range rr.args {
			p.notes.note(line, warnRunnerCommand, "%s sets %s, which the runner passes to the ENTRYPOINT as arguments: the shell-form ENTRYPOINT dropped them, and the exec form it becomes hands them to the program; check that the program accepts them, or keep the shell form", rr.file, k)
		}
	}
	for _, r := range rr.replaced {
		p.notes.note(line, warnRunnerCommand, "%s sets %s: the conversion read only the file's own command, so the runtime may lack what the runner runs (a script, the shell it needs); copy it and choose a runtime that can run it, or leave the file single-stage", rr.file, r)
	}
}

// keepRootForRunner keeps the original's root user when a file of the
// context says that what runs the image runs it as root and gives it
// files only root may write (a GitHub Docker container action): a
// non-root runtime would be refused them. An original that ran as
// another user keeps it, as it would anyway.
func (p *plan) keepRootForRunner() bool {
	f, rr := p.f, p.f.rootRunner
	if rr == nil {
		return false
	}
	if !f.ranAsRoot() {
		return false
	}
	user := p.originalRoot()
	// The image runs as root itself (python:3.12-slim): no line.
	p.user = p.rootUser(user)
	p.notes.note(0, infoRunnerRoot, "%s makes this Dockerfile %s: the runtime keeps the original user %s", rr.file, rr.what, user)
	return true
}

// keepRootForUnread keeps an explicit USER root when the file the
// interpreter starts is not in the build context and no source of it
// the preset reads is there (review 27, finding C: server.js compiled
// by coffee -c from server.coffee). The scans for ports below 1024,
// writes outside the app folder and programs that need root read the
// program's sources; without them nothing shows the program can do
// without the root the original chose, so the user is not changed on no
// evidence. An original that ran as root only because its image does
// (no USER) made no such choice and is converted as before.
func (p *plan) keepRootForUnread() bool {
	f := p.f
	if f.user == nil || !f.ranAsRoot() {
		return false
	}
	file, ok := p.startUnread()
	if !ok {
		return false
	}
	p.user = p.rootUser(f.userNow)
	p.notes.note(p.prog.holder.first, warnRootStartUnread, "%s starts %s, which the build context does not hold (a build step makes it) and whose sources restage cannot read: nothing shows that the program needs no root (a port below 1024, a write outside its folder), so the runtime keeps USER %s, as the original chose (to run as the non-root user %s, write USER %s in the Dockerfile once the program is known not to need root)", p.prog.word, file, f.userNow, p.runtime.User, p.runtime.User)
	return true
}

// startUnread returns the file the interpreter starts, as the command
// names it, when the build context lacks it and the preset finds no
// source of it there (reach.compiled); false when the file cannot be
// told (an option first, a variable, a glob, no context) or is there.
func (p *plan) startUnread() (string, bool) {
	ctx, pr := p.f.opt.Context, p.prog
	if ctx == nil || pr == nil || pr.holder == nil || !pr.interp || pr.resolved || len(pr.exec) < 2 {
		return "", false
	}
	entry, ok := p.startEntry()
	if !ok {
		return "", false
	}
	start, ok := p.contextFileAt(entry)
	if !ok {
		start, ok = p.missingFileAt(entry)
	}
	if !ok {
		return "", false // not from the context: what makes it is not known
	}
	var r *presets.Reach
	if d := p.f.preset.DevDeps; d != nil && d.Imports != nil {
		r = d.Imports.Reach
	}
	if r == nil {
		if st, err := fs.Stat(ctx, start); err == nil && st.Mode().IsRegular() {
			return "", false
		}
		return entry, true
	}
	if _, ok := resolveLoad(ctx, r, start); ok {
		return "", false
	}
	if _, ok := compiledSource(ctx, r, start); ok {
		return "", false
	}
	return entry, true
}
