package transform

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"

	"github.com/restage/restage/presets"
)

// A non-root runtime must still write what the original could (issue 8,
// class 1). When the runtime runs as another user than the original (the
// original ran as root, or as a user the runtime lacks), the app folder
// belongs to the runtime user: the runtime stage switches to that user
// before its WORKDIR, so that BuildKit creates the folder as that user,
// and every COPY --from into the folder carries --chown. A COPY --chown
// onto a folder that already exists changes the files, never the folder
// itself, so the order is what makes the folder writable (see
// testdata/README.md, "Ownership").
//
// Writes outside the app folder come from VOLUME (prepared: the folder is
// made in the builder and copied with --chown, so that a new volume starts
// out owned by the runtime user; so is a VOLUME inside the app folder that
// nothing makes) and from write calls in the sources
// (the preset's writes.sources): those keep the original user, root, with
// a warning, because a folder the program creates itself cannot be made
// in advance without changing what the program sees.
// A folder a framework setting names (writes.sources.folders, Django's
// STATIC_ROOT) is the exception: the framework makes it only when it is
// missing, so it is prepared like a volume folder.
// When the original ran as a user the runtime lacks, the runtime user
// takes its place: a folder the runtime copies that a RUN gave to that
// user with chown is owned by the runtime user too (review 25, finding C).

// madeCopy is a folder a RUN made that the runtime gets, and its note.
type madeCopy struct {
	dir  string
	note int
}

// writeSeen is a path a write call in the sources names; folder is a
// folder a framework setting names, which the framework makes only when
// it is missing (writes.sources.folders).
type writeSeen struct {
	path, file string
	folder     bool
	// tree: the program writes somewhere under path, not path itself (a
	// folder the app's configuration gives, review 18, finding B).
	tree bool
}

// shown is the written path as the notes give it.
func (w writeSeen) shown() string {
	if w.tree {
		return "under " + w.path
	}
	return w.path
}

// planOwnership decides who owns the app folder and the folders the
// program writes in, and makes the user note.
func (p *plan) planOwnership() {
	defer p.checkPorts()
	if p.chown == "" {
		return
	}
	// The app folder is the runtime's WORKDIR. With none, the program runs
	// in the image's own working folder (distroless: the non-root user's
	// home), unless it writes in its working folder: then the runtime gets
	// the original's, so that it writes where the original did.
	app := path.Clean(p.workdir)
	base := app
	if p.workdir == "" {
		app, base = "", path.Clean(p.f.workdir)
	}
	p.keepGroupZero(base)
	// Volumes are prepared only for an original that ran as root: then the
	// builder ends as root and can make the folder, and a new volume was
	// the original's to write. A builder-made user could write a volume
	// only if the file prepared it, which is not read here.
	under := func(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }
	// A compose file's named or anonymous volume of this image is the
	// same evidence as a VOLUME line (review 13, finding C): a new volume
	// where the image has no folder is root's.
	var vols []string
	volFrom := map[string]string{}
	for _, v := range p.volumes() {
		if p.fromRoot && v != "/" && !p.f.preset.Writes.Writable(v) && !slices.Contains(vols, v) {
			vols = append(vols, v)
		}
	}
	for _, m := range p.f.compose {
		v := m.target
		if m.bind || m.ro || !p.fromRoot || v == "/" || p.f.preset.Writes.Writable(v) || slices.Contains(vols, v) {
			continue
		}
		vols = append(vols, v)
		volFrom[v] = m.at + ", service " + m.service
	}
	// A host folder mounted read-write (a bind mount) is its owner's on
	// the host: the original's root could write in it, a non-root user
	// only if the host folder lets it.
	// A folder written under (tree) is covered by a mount below it too.
	boundAt := func(abs string, tree bool) *composeMount {
		for i := range p.f.compose {
			if m := &p.f.compose[i]; m.bind && !m.ro && (under(abs, m.target) || tree && under(m.target, abs)) {
				return m
			}
		}
		return nil
	}
	type boundWrite struct {
		w writeSeen
		m *composeMount
	}
	var bound []boundWrite
	var inside, outside, folders []writeSeen
	writes, unnamed := p.sourceWrites()
	writes = append(writes, p.configWrites(append(slices.Clone(unnamed), p.configOnlyWrites()...))...)
	for _, s := range p.settingWrites() {
		if !s.home {
			writes = append(writes, s.w)
		}
	}
	at := base
	if p.prog != nil && p.prog.dir != "" {
		at = p.prog.dir // `cd DIR && PROG` writes relative paths in DIR
	}
	unsaid := unnamed // said in the user note when nothing keeps root
	if at != "/" || !p.fromRoot {
		// A relative path lands in a folder the runtime user owns, or
		// the original's user was not root either.
		unnamed = nil
	}
	var abses []writeSeen // every write, absolute, for the volumes' RS337
	for _, w := range writes {
		abs := w.path
		if !path.IsAbs(abs) {
			abs = path.Join(at, abs)
		}
		abses = append(abses, writeSeen{path: abs, tree: w.tree})
		switch {
		case p.f.preset.Writes.Writable(abs):
		case p.fromRoot && boundAt(abs, w.tree) != nil:
			bound = append(bound, boundWrite{writeSeen{abs, w.file, w.folder, w.tree}, boundAt(abs, w.tree)})
		case base != "/" && under(abs, base):
			inside = append(inside, w)
		case slices.ContainsFunc(vols, func(v string) bool { return under(abs, v) }):
			// A volume folder, prepared below.
		case p.fromRoot && slices.ContainsFunc(p.madeDirs, func(m madeCopy) bool { return under(abs, m.dir) }):
			// A folder the file made, owned below.
		case p.fromRoot && slices.ContainsFunc(p.namedCopies, func(m madeCopy) bool { return under(abs, m.dir) }):
			// A folder copied because the sources name it, owned below.
		case p.fromRoot && w.folder && abs != "/":
			// A folder the framework makes when missing: made in
			// advance below, for the runtime user.
			folders = append(folders, writeSeen{abs, w.file, true, false})
		case p.fromRoot:
			// What root wrote there, a user the original lacked could not
			// have written either unless the file prepared it.
			outside = append(outside, w)
		}
	}
	// The start script's own writes count where a host folder is mounted
	// (review 32, finding D); elsewhere the script's commands are judged
	// by the programs they run, as before.
	for _, w := range p.scriptWrites {
		if m := boundAt(w.path, w.tree); p.fromRoot && m != nil && !p.f.preset.Writes.Writable(w.path) {
			bound = append(bound, boundWrite{w, m})
		}
	}
	p.noteReplacedBound(boundAt, append(slices.Clone(abses), p.scriptWrites...))
	var needsRoot []rootUse
	if p.fromRoot {
		needsRoot = p.rootUses()
	}
	// A write by a path the sources do not spell out may land in any
	// host folder mounted read-write (review 25, finding A: a database
	// opened on a function's parameter under a bind mount of data/), as
	// it may in a volume (mayWriteVolume).
	var unsaidBound *composeMount
	if p.fromRoot && len(bound) == 0 && len(unsaid) > 0 {
		for i := range p.f.compose {
			if m := &p.f.compose[i]; m.bind && !m.ro && !m.file && !p.f.preset.Writes.Writable(m.target) {
				unsaidBound = m
				break
			}
		}
	}
	if len(outside) > 0 || len(unnamed) > 0 || len(bound) > 0 || unsaidBound != nil || len(needsRoot) > 0 {
		// The original user stays: the program makes this folder itself.
		root := "0:0"
		if p.runtime.HasUser("root") {
			root = "root"
		}
		p.user, p.chown = root, ""
		// The user does not change after all: its note goes.
		p.notes.list = slices.Delete(p.notes.list, p.userNote, p.userNote+1)
		if p.f.user != nil {
			p.user = p.f.userNow
		}
		shown := p.user
		p.keepsRoot = true
		if !p.runtime.ImageUser {
			// The image runs as root itself (python:3.12-slim): no line.
			p.user = ""
		}
		var what []string
		for _, w := range outside {
			what = append(what, w.shown()+" ("+w.file+")")
		}
		line := 0
		if p.f.user != nil {
			line = p.f.user.first
		}
		if len(needsRoot) > 0 {
			u := needsRoot[0]
			more := ""
			if len(needsRoot) > 1 {
				var rest []string
				for _, o := range needsRoot[1:] {
					rest = append(rest, o.prog+" ("+o.where+")")
				}
				more = "; it also runs " + strings.Join(rest, ", ")
			}
			p.notes.note(line, warnRootProgram, "%s runs %s, which works only as root: %s%s; the runtime keeps the original user %s, because the non-root user %s could not run it", u.where, u.prog, u.why, more, shown, p.runtime.User)
			return
		}
		if len(outside) == 0 && len(unnamed) == 0 && len(bound) == 0 {
			u, m := unsaid[0], unsaidBound
			p.notes.note(line, warnBindMountWritten, "%s, where the program may write: %s writes by a path that %s gives, which the sources do not spell out%s; that %s is the host's, which its owner there lets write or not, and the original's root could; the runtime keeps the original user %s, because the non-root user %s may not (make the host %s writable by %s, or use a named volume, to run as a non-root user)", m.shown(), u.file, u.path, moreCalls(len(unsaid)-1), m.hostKind(), shown, p.runtime.User, m.hostKind(), p.runtime.User)
			return
		}
		if len(outside) == 0 && len(unnamed) == 0 {
			b := bound[0]
			// A named volume mounts a folder: no help over one file.
			kind, volume := b.m.hostKind(), ", or use a named volume,"
			if b.m.file {
				volume = ""
			}
			p.notes.note(line, warnBindMountWritten, "%s, where the program writes %s (%s): that %s is the host's, which its owner there lets write or not, and the original's root could; the runtime keeps the original user %s, because the non-root user %s may not (make the host %s writable by %s%s to run as a non-root user)", b.m.shown(), b.w.shown(), b.w.file, kind, shown, p.runtime.User, kind, p.runtime.User, volume)
			return
		}
		if len(outside) == 0 {
			u := unnamed[0]
			more := moreCalls(len(unnamed) - 1)
			p.notes.note(line, warnKeepsRootUnnamed, "%s writes by a path that %s gives, which the source does not spell out%s, and the program runs in /, which only root can write: the runtime keeps the original user %s, because the non-root user %s could not write a relative path there (a WORKDIR of the app's own would change where such paths resolve)", u.file, u.path, more, shown, p.runtime.User)
			return
		}
		where := "outside its app folder " + base
		if base == "/" {
			// No folder of its own: / is the working folder.
			where = "in its working folder /, which only root can write, or outside it"
		}
		p.notes.note(line, warnKeepsRoot, "the program writes %s: %s; the runtime keeps the original user %s, because the non-root user %s could not write there", where, strings.Join(what, ", "), shown, p.runtime.User)
		return
	}
	// holder is the widest owned copy that holds the app folder (a
	// workspace root copied whole for its member, review 23 E): the note
	// names it, since the runtime user owns all of it, not the member's
	// folder alone.
	holder := ""
	if app == "" && len(inside) > 0 {
		app = base
		p.workdir = base
	}
	if app != "" && app != "/" {
		p.owned = append(p.owned, app)
		// A copy that holds the app folder (the install's /code, run in
		// /code/src) puts the builder's root-owned folder in place of
		// the one WORKDIR made for the runtime user: it carries the app
		// folder, so it is owned too, as root could write all of it.
		for _, c := range p.copies {
			if c != "/" && under(app, c) && c != app {
				p.owned = append(p.owned, c)
				if holder == "" || len(c) < len(holder) {
					holder = c
				}
			}
		}
	}
	// What the original's own user owned (review 25, finding C: RUN
	// chown -R admin /data, USER admin) is the runtime user's, who takes
	// its place: a folder the runtime copies carries --chown as the app
	// folder does, and a volume there was that user's to write.
	var userOwned []string
	var userVols []string
	if !p.fromRoot && p.f.user != nil {
		name, _, _ := strings.Cut(p.f.userNow, ":")
		for _, c := range p.f.chowned {
			if c.user != name || c.dir == "/" || !slices.Contains(p.copies, c.dir) || p.ownedBy(c.dir) {
				continue
			}
			p.owned = append(p.owned, c.dir)
			userOwned = append(userOwned, fmt.Sprintf("%s (chown to %s, line %d)", c.dir, c.user, c.in.first))
			if slices.Contains(p.volumes(), c.dir) {
				userVols = append(userVols, c.dir)
			}
		}
	}
	// A volume folder the runtime does not surely have is made in the
	// builder: one outside the owned folders, and one inside them that
	// no owned copy brings (being inside the app folder does not make it
	// exist; a new volume where the image has no folder is root's). When
	// an owned copy holds it (the whole app folder), making it in the
	// builder is enough: the copy carries it with --chown.
	// A volume folder a RUN of the builder already makes (the original's
	// RUN mkdir -p data under WORKDIR /app, review round 20, finding A)
	// needs no mkdir of its own: a second one is a no-op layer that reads
	// as if the original's line went unseen.
	madeBy := map[string]int{}
	for _, m := range p.f.made {
		if _, ok := m.in.cmd.(*instructions.RunCommand); !ok || slices.Contains(p.f.moved, m.in) {
			continue
		}
		for _, v := range vols {
			if _, ok := madeBy[v]; !ok && (m.dir == v || m.parents && under(m.dir, v)) {
				madeBy[v] = m.in.first
			}
		}
	}
	prepare := func(v string) {
		if _, ok := madeBy[v]; !ok {
			p.prepare = append(p.prepare, v)
		}
	}
	var copied, prepared, filled []string
	for _, v := range vols {
		switch {
		case slices.Contains(p.owned, v), slices.Contains(p.copies, v) && p.ownedBy(v):
			// The app folder itself, or a folder copied whole with
			// --chown: nothing to prepare, but a volume the original
			// used there keeps root's files all the same (RS337).
			filled = append(filled, v)
		case slices.Contains(p.copies, v):
			// A folder the runtime gets already (one a RUN made, as
			// kutt's /var/lib/kutt): the build makes it, and one copy
			// of it, owned, is enough.
			p.owned = append(p.owned, v)
			prepared = append(prepared, v)
		case slices.ContainsFunc(p.copies, func(c string) bool { return under(v, c) && p.ownedBy(c) }):
			prepare(v)
			prepared = append(prepared, v)
		default:
			prepare(v)
			prepared = append(prepared, v)
			copied = append(copied, v)
		}
	}
	p.copies = append(p.copies, copied...)
	p.owned = append(p.owned, copied...)
	// A folder a framework setting names (Django's STATIC_ROOT) is made
	// the same way: the framework writes in it, and makes it only when
	// it is missing, so an empty one made in advance changes nothing
	// for the program.
	var made []string
	for _, w := range folders {
		if slices.Contains(p.prepare, w.path) || slices.Contains(prepared, w.path) {
			continue
		}
		made = append(made, w.path+" ("+w.file+")")
		p.prepare = append(p.prepare, w.path)
		if !p.ownedBy(w.path) {
			p.copies = append(p.copies, w.path)
			p.owned = append(p.owned, w.path)
		}
	}
	if p.fromRoot {
		// What root could write in the original, the runtime user can:
		// the folders a RUN made and the ones the sources name, wherever
		// they are.
		for _, m := range append(slices.Clone(p.madeDirs), p.namedCopies...) {
			if !p.ownedBy(m.dir) {
				p.owned = append(p.owned, m.dir)
				p.notes.list[m.note].Message += fmt.Sprintf(", owned by the runtime user %s, as the original's root could write it", p.chown)
			}
		}
	}
	{
		msg := ""
		switch {
		case len(p.owned) > 0 && p.owned[0] == app && holder != "":
			msg += ", which owns " + holder + ", holding the app folder " + app
		case len(p.owned) > 0 && p.owned[0] == app:
			msg += ", which owns the app folder " + app
		}
		if len(userOwned) > 0 {
			msg += ", and " + strings.Join(userOwned, ", ") + ", which the original's user owned"
		}
		if len(inside) > 0 {
			var what []string
			for _, w := range inside {
				what = append(what, w.shown()+" ("+w.file+")")
			}
			msg += ", where the program writes " + strings.Join(what, ", ")
		}
		if p.fromRoot && len(unsaid) > 0 {
			// Where such a write goes cannot be told: a relative path is
			// the app folder's, an absolute one may be a folder only the
			// original's root could write (review 18, finding B).
			u := unsaid[0]
			more := moreCalls(len(unsaid) - 1)
			msg += fmt.Sprintf("; %s writes by a path that %s gives, which the sources do not spell out%s: a relative path lands in the app folder, and an absolute one outside it works only where %s may write, as the original's root could anywhere", u.file, u.path, more, p.runtime.User)
		}
		p.notes.list[p.userNote].Message += msg
	}
	p.warnKubeMounts(writes, at)
	line := 0
	for _, in := range p.f.moved {
		if _, ok := in.cmd.(*instructions.VolumeCommand); ok {
			line = in.first
			break
		}
	}
	if len(prepared) > 0 {
		var shown []string
		for _, v := range prepared {
			var about []string
			if from := volFrom[v]; from != "" {
				about = append(about, "a volume of "+from)
			}
			if l, ok := madeBy[v]; ok {
				about = append(about, fmt.Sprintf("made by the RUN of line %d", l))
			}
			if len(about) > 0 {
				v += " (" + strings.Join(about, ", ") + ")"
			}
			shown = append(shown, v)
		}
		p.notes.note(line, infoVolumePrepared, "the volume folder %s is made in the builder and copied with --chown=%s, so that a new volume there belongs to the runtime user as the original's belonged to root", strings.Join(shown, ", "), p.chown)
	}
	if p.fromRoot {
		// Only a volume the program may write into: root's old files
		// in one it only reads (http-server's /public) are read as
		// well by the runtime user. A write the scan cannot place (a
		// path the sources do not spell out), sources it did not read,
		// or a start that names a path in the volume or runs a script
		// leave the writes open.
		var written []string
		for _, v := range vols {
			if (slices.Contains(prepared, v) || slices.Contains(filled, v)) && p.mayWriteVolume(v, at, abses, unsaid) {
				written = append(written, v)
			}
		}
		if len(written) > 0 {
			p.noteVolumeFilled(line, written, "root's", "keep the root user")
		}
	} else {
		// The files the original's user wrote in a volume it used are
		// that user's uid's, which the runtime user is not; as for root's,
		// only a volume the program may write into.
		var written []string
		for _, v := range userVols {
			if p.mayWriteVolume(v, at, abses, unsaid) {
				written = append(written, v)
			}
		}
		if len(written) > 0 {
			p.noteVolumeFilled(line, written, "its user "+p.f.userNow+"'s", "keep the original user")
		}
	}
	if len(made) > 0 {
		what := "the folder " + made[0] + " is where the program writes by its framework's settings: it is"
		if len(made) > 1 {
			what = "the folders " + strings.Join(made, ", ") + " are where the program writes by its framework's settings: each is"
		}
		p.notes.note(0, infoWriteFolderMade, "%s made in the builder and copied with --chown=%s, so that the runtime user can write there as the original's root could", what, p.chown)
	}
}

// volumes are the absolute VOLUME paths the runtime stage declares;
// one with a variable is left alone.
func (p *plan) volumes() []string {
	var out []string
	for _, in := range p.f.moved {
		c, ok := in.cmd.(*instructions.VolumeCommand)
		if !ok {
			continue
		}
		for _, v := range c.Volumes {
			if strings.Contains(v, "$") || !path.IsAbs(v) {
				continue
			}
			out = append(out, path.Clean(v))
		}
	}
	return out
}

// ownedBy reports whether the runtime copies c into a folder the
// runtime user owns, so that the COPY carries --chown.
func (p *plan) ownedBy(c string) bool {
	for _, o := range p.owned {
		if c == o || o == "/" || strings.HasPrefix(c, o+"/") {
			return true
		}
	}
	return false
}

// sourceWrites reads the write calls of the build context's sources
// (the preset's writes.sources), each path once, within the bounds of
// the search for cgo. It reads them once per conversion.
func (p *plan) sourceWrites() (out, unnamed []writeSeen) {
	if !p.writesRead {
		p.writesRead = true
		p.srcWrites, p.srcUnnamed = p.readSourceWrites()
	}
	return slices.Clip(p.srcWrites), slices.Clip(p.srcUnnamed)
}

func (p *plan) readSourceWrites() (out, unnamed []writeSeen) {
	ctx, w := p.f.opt.Context, p.f.preset.Writes
	if ctx == nil || w == nil || w.Sources == nil {
		return nil, nil
	}
	src := w.Sources
	seen := map[string]bool{}
	runs := p.runSources()
	partial := false
	var ran, quiet []string
	defer func() {
		p.srcPartial, p.srcRan, p.srcQuiet, p.srcRuns = partial, ran, quiet, runs
	}()
	// Every source is read before any is scanned, so that a name one
	// imports from another (writes.sources.imports) finds its binding.
	all := &contextSources{p: p, src: src, data: map[string][]byte{}}
	p.srcAll = all
	walkSources(ctx, p.withStart(src), src.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
		all.names = append(all.names, name)
		all.data[name] = data
		return true
	})
	for _, name := range all.names {
		data := all.data[name]
		code := p.blanked(name, data)
		us := commentsOut(data, code, func(d []byte) []presets.Literal { return src.UnnamedWritesIn(name, d, all) })
		paths := func(d []byte) []presets.Written { return src.WritesIn(name, d, all) }
		dirs := func(d []byte) []string { return src.FolderPathsIn(name, d, all) }
		if len(src.FileDir) > 0 {
			if at, ok := p.imagePathOf(name); ok {
				// A path from the source's own folder (__dirname) is
				// as known as a literal once the COPY that placed the
				// source is (review 16, finding B), for a framework's
				// folder as for a write (review 24, finding C).
				paths = func(d []byte) []presets.Written {
					d, _ = src.InFileDir(d, path.Dir(at))
					return src.WritesIn(name, d, all)
				}
				dirs = func(d []byte) []string {
					d, _ = src.InFileDir(d, path.Dir(at))
					return src.FolderPathsIn(name, d, all)
				}
				// An unnamed write's expression that is such a path
				// whole (new Database(path.join(__dirname, "x.db")))
				// is read as the literal it gives, above.
				us = slices.DeleteFunc(us, func(u presets.Literal) bool {
					d, ok := src.InFileDir([]byte(u.Text), path.Dir(at))
					return ok && len(d) >= 2 && d[0] == '"' && d[len(d)-1] == '"' && bytes.Count(d, []byte(`"`)) == 2
				})
			}
		}
		ps := commentsOut(data, code, paths)
		folders := commentsOut(data, code, dirs)
		if len(us)+len(ps)+len(folders) == 0 {
			// Read, no write: whether the start runs it is asked
			// only by a volume (ranSources).
			quiet = append(quiet, name)
			continue
		}
		if !runs(name) {
			continue // no image has it, or the start never loads it
		}
		ran = append(ran, name)
		if src.BindingsCapped(data) {
			partial = true
			if c, ok := ctx.(*contextFS); ok {
				c.readInPart(name, errBindingsCapped)
			}
		}
		for _, u := range us {
			// path: the expression; file: where the call is.
			unnamed = append(unnamed, writeSeen{path: u.Text, file: fmt.Sprintf("%s:%d", name, bytes.Count(data[:u.Offset], []byte("\n"))+1)})
		}
		for _, wp := range ps {
			key := wp.Path
			if wp.Under {
				key = "under " + key
			}
			if !seen[key] {
				seen[key] = true
				out = append(out, writeSeen{path: wp.Path, file: name, tree: wp.Under})
			}
		}
		for _, wp := range folders {
			if wp = path.Clean(wp); !seen[wp] {
				seen[wp] = true
				out = append(out, writeSeen{path: wp, file: name, folder: true})
			}
		}
	}
	return out, unnamed
}

// configOnlyWrites are the calls of writes.sources.unnamed_config in
// the sources the program runs: unnamed writes that only a configured
// value (configWrites) may name.
func (p *plan) configOnlyWrites() []writeSeen {
	ctx, w := p.f.opt.Context, p.f.preset.Writes
	if ctx == nil || w == nil || w.Sources == nil || len(w.Sources.UnnamedConfig) == 0 || len(w.Sources.ConfigPaths) == 0 {
		return nil
	}
	src := w.Sources
	runs := p.runSources()
	var out []writeSeen
	walkSources(ctx, p.withStart(src), src.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
		us := commentsOut(data, p.blanked(name, data), src.UnnamedConfigWrites)
		if len(us) == 0 || !runs(name) {
			return true
		}
		for _, u := range us {
			out = append(out, writeSeen{path: u.Text, file: fmt.Sprintf("%s:%d", name, bytes.Count(data[:u.Offset], []byte("\n"))+1)})
		}
		return true
	})
	return out
}

// configWrites are the folders the program may write under by the paths
// its sources do not spell out (unnamed): an absolute path the app's own
// configuration file gives (writes.sources.config_paths) under a key a
// source the start reaches reads (review 18, finding B: viper's
// data_dir: /var, Spring's static.path: "/static" joined to "/upload").
// Which unnamed write takes which value cannot be told; a value the
// sources read where they also write by such paths is taken for one, so
// that the runtime user is not one who cannot write there. A value under
// a key no source reads (server.servlet.context-path: /api) is none.
func (p *plan) configWrites(unnamed []writeSeen) []writeSeen {
	ctx, w := p.f.opt.Context, p.f.preset.Writes
	if len(unnamed) == 0 || ctx == nil || w == nil || w.Sources == nil || len(w.Sources.ConfigPaths) == 0 {
		return nil
	}
	src := w.Sources
	type candidate struct {
		c         *presets.ConfigPaths
		key, path string
		where     string
		reader    string
	}
	var cands []candidate
	ignored := p.f.dockerignore()
	eachSettingsFile(ctx, src, ignored, func(name string) bool { return src.ConfigPathsOf(name) != nil }, func(name string, data []byte) {
		c := src.ConfigPathsOf(name)
		for _, v := range c.Paths(data) {
			cands = append(cands, candidate{c: c, key: v.Key, path: v.Path, where: lineOf(name, data, v.Offset)})
		}
	})
	if len(cands) == 0 {
		return nil
	}
	runs := p.runSources()
	left := len(cands)
	walkSources(ctx, p.withStart(src), src.SkipHolding, ignored, func(name string, data []byte) bool {
		if !runs(name) {
			return true
		}
		code := p.blanked(name, data)
		for i := range cands {
			if c := &cands[i]; c.reader == "" && c.c.Reads(data, c.key) && c.c.Reads(code(), c.key) {
				c.reader = name
				left--
			}
		}
		return left > 0
	})
	var out []writeSeen
	for _, c := range cands {
		if c.reader == "" {
			continue
		}
		if w := writerOf(ctx, c.reader, unnamed); w != "" {
			out = append(out, writeSeen{path: c.path, tree: true, file: fmt.Sprintf("%s gives it as %s, which %s reads, and %s writes by a path the sources do not spell out", c.where, c.key, c.reader, w)})
		}
	}
	return out
}

// settingWrite is a write a setting of the app's configuration makes
// the framework do (writes.sources.config_writes).
type settingWrite struct {
	w     writeSeen // under the folder that holds the setting's path
	named string    // the value's path as the setting gives it, with its key
	where string    // file:line of the value
	home  bool      // the path is in the home folder (~/)
}

// settingWrites are the writes the settings of the app's own
// configuration files make (review 27, finding A: spring.datasource.url
// = jdbc:h2:~/dbtest or jdbc:h2:file:/data/h2/db): the framework opens
// them at start with no source reading the key, and the file lands in
// the folder holding the path, the working folder for a relative one.
func (p *plan) settingWrites() []settingWrite {
	ctx, w := p.f.opt.Context, p.f.preset.Writes
	if ctx == nil || w == nil || w.Sources == nil || len(w.Sources.ConfigWrites) == 0 {
		return nil
	}
	src := w.Sources
	ignored := p.f.dockerignore()
	var out []settingWrite
	eachSettingsFile(ctx, src, ignored, func(name string) bool { return src.ConfigWritesOf(name) != nil }, func(name string, data []byte) {
		c := src.ConfigWritesOf(name)
		for _, v := range c.Writes(data) {
			where := lineOf(name, data, v.Offset)
			home := v.Path == "~" || strings.HasPrefix(v.Path, "~/")
			// The file and its companions (a journal, a lock) go in the
			// folder holding the path; a path in the working folder
			// itself is shown as given.
			sw := writeSeen{path: path.Dir(v.Path), tree: true, file: fmt.Sprintf("%s gives %s as %s, where %s", where, v.Path, v.Key, c.What)}
			if sw.path == "." {
				sw.path, sw.tree = path.Clean(v.Path), false
			}
			out = append(out, settingWrite{
				w:     sw,
				named: fmt.Sprintf("%s (%s, where %s)", v.Path, v.Key, c.What), where: where, home: home,
			})
		}
	})
	return out
}

// eachSettingsFile calls each with every regular file of the context that
// want picks, read up to the scans' limit, skipping the folders and files
// the preset's sources skip and what .dockerignore leaves out: the
// settings files the configured paths and the configured writes read.
func eachSettingsFile(ctx fs.FS, src *presets.WriteSources, ignored func(string) bool, want func(name string) bool, each func(name string, data []byte)) {
	walkContext(ctx, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if name != "." && (src.Skipped(e.Name()) || ignored != nil && ignored(name)) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() || !e.Type().IsRegular() || !want(name) {
			return nil
		}
		if data, err := readLimited(ctx, name, runScanPerFile); err == nil {
			each(name, data)
		}
		return nil
	})
}

// lineOf is "name:line" of the byte at offset in data.
func lineOf(name string, data []byte, offset int) string {
	return fmt.Sprintf("%s:%d", name, bytes.Count(data[:offset], []byte("\n"))+1)
}

// writerOf is the first unnamed write (its "file:line") that the value a
// reader reads may reach: one in the reader itself, or one in a source
// that names the reader by its file's stem as a word (a class, module or
// package of that name: StorageProperties, config.DataDir()). A write in
// a source that never names the reader takes its paths from elsewhere
// (review 27, finding F: a URL setting read by one class, an uncalled
// FileOutputStream(filename) in another), so the value is no folder
// written and "" is returned.
func writerOf(ctx fs.FS, reader string, unnamed []writeSeen) string {
	stem := path.Base(reader)
	if i := strings.IndexByte(stem, '.'); i > 0 {
		stem = stem[:i]
	}
	word := regexp.MustCompile(`\b` + regexp.QuoteMeta(stem) + `\b`)
	for _, u := range unnamed {
		name := u.file
		if i := strings.LastIndexByte(name, ':'); i > 0 {
			name = name[:i]
		}
		if name == reader {
			return u.file
		}
		if data, err := readLimited(ctx, name, runScanPerFile); err == nil && word.Match(data) {
			return u.file
		}
	}
	return ""
}

// contextSources are the build context's sources that writes.sources
// reads, given to a scan that follows a name imported from one of them
// (presets.Sources).
type contextSources struct {
	p     *plan
	src   *presets.WriteSources
	names []string // in the walk's order, which is sorted
	data  map[string][]byte
	read  map[string][]byte // as a scan reads them, made once
	cache presets.ImportCache
}

// Cache keeps what the sources bind a name to across the scans.
func (c *contextSources) Cache() *presets.ImportCache { return &c.cache }

// Source returns the source with its comments blanked and, where the
// COPY that placed it is known, its own folder's expressions read as
// literals, as the scan of the source itself reads it.
func (c *contextSources) Source(name string) ([]byte, bool) {
	data, ok := c.data[name]
	if !ok {
		return nil, false
	}
	if d, ok := c.read[name]; ok {
		return d, true
	}
	d := c.p.blanked(name, data)()
	if len(c.src.FileDir) > 0 {
		if at, ok := c.p.imagePathOf(name); ok {
			d, _ = c.src.InFileDir(d, path.Dir(at))
		}
	}
	if c.read == nil {
		c.read = map[string][]byte{}
	}
	c.read[name] = d
	return d, true
}

// Folder returns the sources directly in dir.
func (c *contextSources) Folder(dir string) []string {
	var out []string
	for _, n := range c.names {
		if path.Dir(n) == dir {
			out = append(out, n)
		}
	}
	return out
}

// imagePathOf returns where a COPY from the build context put the
// context's file name in the builder, as it is, when that can be told:
// the file must still be there (no later COPY over it, no RUN removing
// it), as contextFileAt reads the placement back.
func (p *plan) imagePathOf(name string) (string, bool) {
	pls, _ := p.f.placements()
	for _, pl := range pls {
		if pl.open || pl.made || pl.from != "" || pl.src == "" {
			continue
		}
		rest, ok := names(name, pl.src)
		if !ok || strings.ContainsAny(pl.src, "*?[") {
			continue
		}
		at := path.Join(pl.dest, rest)
		if back, ok := p.contextFileAt(at); ok && back == path.Clean(name) {
			return at, true
		}
	}
	return "", false
}

// mayWriteVolume reports whether the program may write into the volume
// folder v, from the writes evidence: a write the sources spell out under
// v (writes, absolute), one they do not (unsaid), sources the scan could
// not read whole or at all, a start command or compose command that
// names a path in v (a --log /app/data/x.log handed to a library) or
// runs a script of its own. Only where none says so is v read-only.
func (p *plan) mayWriteVolume(v, at string, writes, unsaid []writeSeen) bool {
	under := func(a, dir string) bool { return a == dir || strings.HasPrefix(a, dir+"/") }
	if p.srcPartial || len(unsaid) > 0 || len(p.ranSources()) == 0 {
		return true
	}
	for _, w := range writes {
		if under(w.path, v) || w.tree && under(v, w.path) {
			return true
		}
	}
	// The sources read are the program's only when the start runs one
	// program of the preset's (node app.js, a built binary): npm run
	// migrate && npm start runs knex too, a shell script its own lines.
	if pr := p.prog; pr == nil || pr.needsShell || pr.scriptFile != "" || !pr.interp && pr.art == nil {
		return true
	}
	if p.unboundWrites() {
		return true
	}
	var texts []string
	for _, in := range []*inst{p.f.cmd, p.f.entrypoint} {
		if in != nil {
			texts = append(texts, p.f.src.text(in.first, in.end))
		}
	}
	for _, u := range p.composeUses {
		if u.script != "" {
			return true
		}
		texts = append(texts, u.c.shown)
	}
	for _, t := range texts {
		if e, ok := p.f.expand(t); ok {
			t = e
		}
		for _, tok := range strings.FieldsFunc(t, func(r rune) bool {
			return !(r == '/' || r == '.' || r == '_' || r == '-' || r == '$' || r == '{' || r == '}' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z')
		}) {
			if strings.Contains(tok, "$") {
				continue
			}
			abs := tok
			if !path.IsAbs(abs) {
				// A relative word is a path only when it looks like one
				// (data/app.db, app.db): the instruction's keyword, the
				// program's name and its flags would all land in a working
				// folder that is the volume (review 22, finding D).
				if strings.HasPrefix(tok, "-") || !strings.Contains(tok, "/") && !fileNamed(tok) {
					continue
				}
				abs = path.Join(at, abs)
			}
			if under(path.Clean(abs), v) {
				return true
			}
		}
	}
	return false
}

// fileNamed reports whether a word is a file name with an extension of
// letters (app.db, config.yaml), not a version or an address (3.12,
// 0.0.0.0).
func fileNamed(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	for _, r := range w[i+1:] {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// ranSources are the sources the writes scan read that the start runs,
// those with writes first; the ones without are asked of runSources
// here, once, since only a volume needs them.
func (p *plan) ranSources() []string {
	if p.srcRuns != nil {
		for _, name := range p.srcQuiet {
			if p.srcRuns(name) {
				p.srcRan = append(p.srcRan, name)
			}
		}
		p.srcRuns, p.srcQuiet = nil, nil
	}
	return p.srcRan
}

// unboundWrites reports whether a source the start runs writes by a
// name bound to no literal path (presets.WriteSources.UnboundIn), read
// once and only when a volume asks.
func (p *plan) unboundWrites() bool {
	if p.srcUnbound == nil {
		b := false
		if all := p.srcAll; all != nil {
			for _, name := range p.ranSources() {
				if d, ok := all.Source(name); ok && all.src.UnboundIn(name, d, all) {
					b = true
					break
				}
			}
		}
		p.srcUnbound = &b
	}
	return *p.srcUnbound
}

// noteVolumeFilled warns that a volume the original already used keeps
// root's files (review 19n, finding A): Docker fills a named volume from
// the image only while it is empty, so the --chown of the prepared
// folders reaches new volumes only. The one-time chown runs from an image
// that has chown and knows the user: busybox for a numeric one (a
// distroless runtime has no chown), the new image itself for a name only
// it knows (node).
func (p *plan) noteVolumeFilled(line int, vols []string, whose, keepUser string) {
	at, where, keep := vols[0], "a volume at "+vols[0], "keeps"
	if len(vols) > 1 {
		where, keep = "volumes at "+strings.Join(vols, ", "), "keep"
	}
	u := p.chown
	cmd := fmt.Sprintf("docker run --rm -v VOLUME:%s busybox chown -R %s %s", at, u, at)
	if name, group, _ := strings.Cut(u, ":"); !isNumeric(name) || group != "" && !isNumeric(group) {
		cmd = fmt.Sprintf("docker run --rm -u 0 --entrypoint chown -v VOLUME:%s NEW-IMAGE -R %s %s", at, u, at)
	}
	each := ""
	if len(vols) > 1 {
		each = ", for each"
	}
	p.notes.note(line, warnVolumeFilled, "%s that the original already used %s the files it wrote there as %s: Docker copies the image's folder into a volume only while the volume is empty, so the --chown does not reach them, and the runtime user %s cannot write them; before running the new image on such a volume, give its files to %s once (such as %s%s), or %s", where, keep, whose, u, u, cmd, each, keepUser)
}

func isNumeric(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// keepGroupZero keeps group 0 on the runtime's copies when a RUN made
// the app folder group-writable while its group is 0, root's group,
// which the files COPY and ADD put there have unless a chown or chgrp
// gives them another (review 27, finding E): OpenShift runs the container as an arbitrary uid in group
// 0, which writes there only through the group. COPY --from keeps the
// builder's mode, so the chown's group is all that is lost.
func (p *plan) keepGroupZero(app string) {
	if strings.Contains(p.chown, ":") && !strings.HasSuffix(p.chown, ":"+strings.Split(p.chown, ":")[0]) {
		return // a group of its own choosing
	}
	holds := func(dir string) bool { return dir == app || dir == "/" || strings.HasPrefix(app, dir+"/") }
	group, write := 0, 0
	for _, st := range p.f.runs {
		for _, c := range st.cmds {
			if len(c.args) < 3 {
				continue
			}
			var ops []word
			for _, a := range c.args[1:] {
				if !strings.HasPrefix(a.text, "-") || a.text == "-" {
					ops = append(ops, a)
				}
			}
			if len(ops) < 2 {
				continue
			}
			spec := ops[0].text
			// A group other than 0 given to the folder (chown app:app,
			// or user: for the login group) ends group 0's claim.
			var hit, gone bool
			switch path.Base(c.args[0].text) {
			case "chgrp":
				hit = !ops[0].dynamic && (spec == "0" || spec == "root")
				gone = !hit
			case "chown":
				_, g, ok := strings.Cut(spec, ":")
				hit = ok && (g == "0" || g == "root")
				gone = ok && !hit
			case "chmod":
				hit = !ops[0].dynamic && groupWritable(spec)
			default:
				continue
			}
			if !hit && !gone {
				continue
			}
			for _, o := range ops[1:] {
				dir := o.text
				if o.dynamic {
					continue
				}
				if !path.IsAbs(dir) {
					dir = path.Join(c.cwd, dir)
				}
				switch {
				case !holds(path.Clean(dir)):
				case gone:
					group = -1
				case path.Base(c.args[0].text) == "chmod":
					write = st.in.first
				default:
					group = st.in.first
				}
			}
		}
	}
	// Files the build put there are root's, group 0 included, unless a
	// chown or chgrp gave them another group.
	if group < 0 || write == 0 {
		return
	}
	name, _, _ := strings.Cut(p.chown, ":")
	p.chown = name + ":0"
	p.notes.note(max(group, write), infoGroupZeroKept, "the original gave %s to group 0 with group write (as OpenShift's arbitrary user ids, all in group 0, need): the runtime copies it with --chown=%s, keeping group 0 and the builder's mode", app, p.chown)
}

// groupWritable reports whether a chmod mode gives the group write: an
// octal mode with the group's write bit (775), or a symbolic clause for
// g or a with + or = and w, or g=u (the user's bits, which include write
// for the folder's owner).
func groupWritable(mode string) bool {
	if isNumeric(mode) {
		return len(mode) >= 3 && (mode[len(mode)-2]-'0')&2 != 0
	}
	for _, cl := range strings.Split(mode, ",") {
		i := strings.IndexAny(cl, "+-=")
		if i < 0 {
			continue
		}
		who, rest := cl[:i], cl[i:]
		if !strings.ContainsAny(who, "ga") {
			continue
		}
		if (rest[0] == '+' || rest[0] == '=') && (strings.Contains(rest[1:], "w") || rest[1:] == "u") {
			return true
		}
	}
	return false
}

// noteReplacedBound warns when the original's own non-root user, which
// the runtime's takes the place of, wrote in a host folder a compose
// file mounts (review 32, finding E): the user change is harmless inside
// the image, whose folders the runtime user owns, but a host folder set
// up for the original's uid may refuse the runtime's.
func (p *plan) noteReplacedBound(boundAt func(string, bool) *composeMount, writes []writeSeen) {
	if p.fromRoot || p.replaced == "" {
		return
	}
	for _, w := range writes {
		m := boundAt(w.path, w.tree)
		if m == nil || p.f.preset.Writes.Writable(w.path) {
			continue
		}
		uid := p.f.createdUID[p.replaced]
		was := p.replaced
		if uid != "" {
			was += " (uid " + uid + ")"
		}
		line := 0
		if p.f.user != nil {
			line = p.f.user.first
		}
		p.notes.note(line, warnReplacedUserBound, "%s, where the program writes %s: the original wrote there as %s, and the runtime writes as %s; that %s is the host's, whose owner there lets one uid write and not another, so a host %s set up for the original's user may refuse the runtime's (make it writable by %s, or set the runtime's USER to the original's uid)", m.shown(), w.shown(), was, p.runtime.User, m.hostKind(), m.hostKind(), p.runtime.User)
		return
	}
}
