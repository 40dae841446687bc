package transform

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/restage/restage/presets"
)

// distUse is a build task that writes a distribution (the preset's
// build[].dist: Gradle's installDist), found in a RUN. The file is
// declined with decline unless the command runs its start script.
type distUse struct {
	in          *inst
	shown       string // the command and the task as written, for the notes
	dist        *presets.Dist
	task        *presets.DistTask
	root        string // the folder the build tool runs in
	project     string // the folder of the project whose task it is
	rootProject bool
	sep         string // the task path's separator
	decline     error
}

// distUseOf reads which project's task a build argument names: a task
// path (server:installDist, :server:installDist) names the project by
// the parts before the task, each a folder below the one the build runs
// in (Gradle's default project folders; settings that move one are the
// preset's unsure entries); a bare task is the root project's.
func (f *facts) distUseOf(step *runStep, b buildUse, arg string, t *presets.DistTask, decline error) distUse {
	d := distUse{in: step.in, shown: b.bc.Command + " " + arg, dist: b.bc.Dist, task: t, root: b.cwd, project: b.cwd, sep: b.bc.TaskSep, decline: decline}
	var parts []string
	if sep := b.bc.TaskSep; sep != "" {
		parts = strings.Split(strings.TrimPrefix(arg, sep), sep)
		parts = parts[:len(parts)-1]
	}
	d.project = path.Join(append([]string{b.cwd}, parts...)...)
	d.rootProject = len(parts) == 0
	return d
}

// distDecline is the decline of the first distribution task when the
// command runs the start script of none: what the file was declined
// with before such a command was followed. Once it runs one, the other
// distributions (an archive of the same, another project's) are build
// outputs the runtime does not need, as a jar beside them is.
func (p *plan) distDecline() error {
	if len(p.distUsed) > 0 || len(p.f.dists) == 0 {
		return nil
	}
	if err := p.untiedUnpack(&p.f.dists[0]); err != nil {
		return err
	}
	return p.f.dists[0].decline
}

// useDist marks the distribution task i as accounted for.
func (p *plan) useDist(i int) {
	if p.distUsed == nil {
		p.distUsed = map[int]bool{}
	}
	p.distUsed[i] = true
}

// distProgram takes a command that runs a distribution's start script
// (abs) where a task of the file put the distribution's folder, or where
// a RUN copied or unpacked it: the runtime gets that folder whole and
// needs what the script runs. It reports whether abs was such a script.
func (p *plan) distProgram(abs string) (bool, error) {
	for i := len(p.f.dists) - 1; i >= 0; i-- {
		d := p.f.dists[i]
		for _, u := range append([]distUse{d}, p.subprojects(&d, abs)...) {
			if ok, err := p.distRuns(&u, i, abs); ok || err != nil {
				return ok, err
			}
		}
	}
	return false, nil
}

// subprojects are the uses of a task run with no project path (Gradle
// runs it in every project that has it) in the projects below the root
// that the paths the file names hold (the command's, a cp's or an
// unpack's) and the settings include (the preset's dist.projects).
func (p *plan) subprojects(d *distUse, abs string) []distUse {
	f := p.f
	if !d.rootProject || len(d.dist.Projects) == 0 {
		return nil
	}
	paths := []string{abs}
	for _, r := range f.runs {
		if r.in.first < d.in.first {
			continue
		}
		for _, c := range r.cmds {
			if len(c.args) == 0 || !slices.Contains([]string{"cp", "mv"}, c.args[0].text) && unpackOf(d.dist, c.args) == nil {
				continue
			}
			for _, w := range c.args[1:] {
				t := strings.TrimSuffix(strings.TrimSuffix(w.text, "/*"), "/.")
				if !strings.HasPrefix(t, "-") && !strings.ContainsAny(t, "*?[$`") {
					paths = append(paths, path.Join(c.cwd, t))
					if path.IsAbs(t) {
						paths[len(paths)-1] = path.Clean(t)
					}
				}
			}
		}
	}
	// How far below its project a path of the task's output is: the
	// folder (build/install/NAME) or an archive in its folder, or the
	// start script in the folder.
	depth := []int{strings.Count(d.task.Dir, "/") + 1, strings.Count(d.task.Dir, "/") + 2 + strings.Count(d.dist.Script, "/")}
	if d.task.Archive != "" {
		depth = []int{strings.Count(d.task.Archive, "/") + 2}
	}
	var out []distUse
	seen := map[string]bool{}
	for _, q := range paths {
		for _, n := range depth {
			dir := q
			for range n {
				dir = path.Dir(dir)
			}
			rel := strings.TrimPrefix(dir, strings.TrimSuffix(d.root, "/")+"/")
			if dir == d.root || rel == dir || seen[dir] || !p.distIncluded(d, strings.ReplaceAll(rel, "/", d.sep)) {
				continue
			}
			seen[dir] = true
			u := *d
			u.project, u.rootProject = dir, false
			out = append(out, u)
		}
	}
	return out
}

// distIncluded reports whether the settings include the project.
func (p *plan) distIncluded(d *distUse, project string) bool {
	for i := range d.dist.Projects {
		n := &d.dist.Projects[i]
		dir := d.project
		if n.In == "root" {
			dir = d.root
		}
		if text, _, ok := p.f.contextFileAt(path.Join(dir, n.File)); ok && n.Includes([]byte(text), project) {
			return true
		}
	}
	return false
}

// distRuns is distProgram for one use of the task i, in one project.
func (p *plan) distRuns(d *distUse, i int, abs string) (bool, error) {
	f, pr := p.f, p.prog
	pre, post, _ := strings.Cut(d.dist.Script, "{name}")
	k := strings.Count(d.dist.Script, "/") + 1
	top := abs
	for range k {
		top = path.Dir(top)
	}
	tail := strings.TrimPrefix(abs, strings.TrimSuffix(top, "/")+"/")
	if top == "/" || tail == abs || !strings.HasPrefix(tail, pre) || !strings.HasSuffix(tail, post) || len(tail) <= len(pre)+len(post) {
		return false, nil
	}
	runs := tail[len(pre) : len(tail)-len(post)]
	name, err := p.distName(d)
	if err != nil {
		p.useDist(i) // the decline says why it was not followed
		return true, err
	}
	if runs != name {
		return false, nil
	}
	how, ok := p.distLands(d, name, top)
	if !ok {
		return false, nil
	}
	p.useDist(i)
	p.artifacts = append(p.artifacts, artifact{dir: top, folder: true, used: true, in: d.in})
	pr.art, pr.abs = &p.artifacts[len(p.artifacts)-1], abs
	for _, t := range d.dist.Needs {
		pr.tools = appendNew(pr.tools, t)
	}
	what := "the distribution " + name
	if d.task.Archive != "" {
		what += " as an archive"
	}
	p.distEnv = d.dist.Env
	kept := ""
	for _, e := range f.env {
		if slices.Contains(d.dist.Env, e.key) && f.preset.DropsEnv(e.key) {
			kept += fmt.Sprintf("; the runtime keeps ENV %s (line %d), which the script reads", e.key, e.in.first)
		}
	}
	p.notes.note(d.in.first, infoDistFolder, "`%s` writes %s in %s%s, and the %s on line %d runs its start script %s: the runtime gets the folder whole; %s%s", d.shown, what, p.distWrites(d, name), how, pr.holder.kw, pr.holder.first, tail, d.dist.Why, kept)
	return true, nil
}

// distWrites is where the task writes: the folder, or the folder of the
// archive.
func (p *plan) distWrites(d *distUse, name string) string {
	if d.task.Archive != "" {
		return path.Join(d.project, d.task.Archive)
	}
	return path.Join(d.project, strings.ReplaceAll(d.task.Dir, "{name}", name))
}

// distName is the distribution's name, by the preset's names (the
// project's applicationName, the root project's rootProject.name), else
// the project folder's name; an unsure setting declines.
func (p *plan) distName(d *distUse) (string, error) {
	f, pr := p.f, p.prog
	if f.opt.Context == nil {
		// The folder's name would be a guess: the build files may name
		// it otherwise.
		return "", declinef(declDistName, "line %d: `%s`: the name of the distribution %s writes cannot be told: there is no build context to read its build files from, so whether the %s on line %d runs its start script cannot be told", d.in.first, d.shown, d.task.Task, pr.holder.kw, pr.holder.first)
	}
	read := func(n *presets.DistName) ([]byte, string, bool) {
		dir := d.project
		if n.In == "root" {
			dir = d.root
		}
		text, from, ok := f.contextFileAt(path.Join(dir, n.File))
		return []byte(text), from, ok
	}
	for i := range d.dist.Unsure {
		n := &d.dist.Unsure[i]
		data, from, ok := read(n)
		if !ok {
			continue
		}
		if line, ok := n.Says(data, d.task.Task); ok {
			return "", declinef(declDistName, "line %d: `%s`: the name of the distribution %s writes cannot be told: %s has `%s`, which restage does not evaluate, so whether the %s on line %d runs its start script cannot be told", d.in.first, d.shown, d.task.Task, from, line, pr.holder.kw, pr.holder.first)
		}
	}
	for i := range d.dist.Names {
		n := &d.dist.Names[i]
		if n.RootProject && !d.rootProject {
			continue
		}
		if data, _, ok := read(n); ok {
			if name, ok := n.Find(data); ok {
				return name, nil
			}
		}
	}
	if d.project == "/" {
		return "", declinef(declDistName, "line %d: `%s`: the name of the distribution %s writes cannot be told: no build file names it, and the project is the root folder /, whose name it would be, so whether the %s on line %d runs its start script cannot be told", d.in.first, d.shown, d.task.Task, pr.holder.kw, pr.holder.first)
	}
	return path.Base(d.project), nil
}

// distLand is a folder that holds the distribution after the RUN on
// line, and how it got there, for the note.
type distLand struct {
	dir, how string
	line     int
}

// distLands reports whether the folder top holds the distribution: the
// task's folder, an archive's folder a later RUN unpacks, or one a
// later cp or mv puts either in; how says the steps after the task.
func (p *plan) distLands(d *distUse, name, top string) (how string, ok bool) {
	var lands []distLand
	if d.task.Dir != "" {
		lands = append(lands, distLand{dir: path.Join(d.project, strings.ReplaceAll(d.task.Dir, "{name}", name)), line: d.in.first})
	} else {
		lands = p.unpacked(d, name, top)
	}
	for i := 0; i < len(lands) && i < 16; i++ {
		l := lands[i]
		if l.dir == top {
			return l.how, true
		}
		for _, r := range p.f.runs {
			if r.in.first < l.line {
				continue
			}
			for _, c := range r.cmds {
				for _, to := range copiedTo(c, l.dir) {
					lands = append(lands, distLand{dir: to, how: fmt.Sprintf("%s, which line %d copies to %s", l.how, r.in.first, to), line: r.in.first})
				}
			}
		}
	}
	return "", false
}

// unpacked finds the folders the RUNs after the archive task unpack its
// archive into, where the task wrote it or where a cp or mv put it
// (archives): with one leading folder stripped, the folder itself;
// else the archive's top folder in it, which must be top (its name is
// the archive's, which the version may be part of).
func (p *plan) unpacked(d *distUse, name, top string) (out []distLand) {
	for _, x := range p.unpacks(d) {
		if x.from == nil {
			continue
		}
		how := fmt.Sprintf("%s, which line %d unpacks into %s", x.from.how, x.line, x.dest)
		switch {
		case x.strip == 1:
			out = append(out, distLand{x.dest, how, x.line})
		case x.strip == 0 && path.Dir(top) == x.dest && slices.ContainsFunc(d.task.Top, func(g string) bool {
			m, err := path.Match(strings.ReplaceAll(g, "{name}", name), path.Base(top))
			return err == nil && m
		}):
			out = append(out, distLand{top, how + " as " + top, x.line})
		}
	}
	return out
}

// archiveAt is a place that holds the task's archive from a RUN's
// command on (run and cmd index it, cmd -1 being the whole RUN): a
// folder (the task's or a copy of it), where the archive has one of
// the task's endings, or a file a cp or mv named.
type archiveAt struct {
	dir, file string
	run, cmd  int
	how       string // the steps that put it there, for the note
}

// holds reports whether the archive may be the file abs (a glob of the
// folder's archives included).
func (a *archiveAt) holds(abs string, exts []string) bool {
	if a.file != "" {
		return abs == a.file
	}
	return path.Dir(abs) == a.dir && slices.ContainsFunc(exts, func(e string) bool { return strings.HasSuffix(abs, e) })
}

// archives follows the archive task's output through the cp and mv of
// the RUNs from the task's on (review 21, finding A: `mv
// build/distributions/app.tar .`, then `tar -xf app.tar`): of the
// archive itself, into a folder or renamed, or of a folder holding it.
func (p *plan) archives(d *distUse) []archiveAt {
	runs := p.f.runs
	start := slices.IndexFunc(runs, func(r runStep) bool { return r.in == d.in })
	if start < 0 {
		return nil
	}
	out := []archiveAt{{dir: path.Join(d.project, d.task.Archive), run: start, cmd: -1}}
	for i := 0; i < len(out) && i < 16; i++ {
		a := out[i]
		for ri := a.run; ri < len(runs); ri++ {
			for ci, c := range runs[ri].cmds {
				if ri == a.run && ci <= a.cmd || len(c.args) == 0 {
					continue
				}
				verb := "copies"
				if c.args[0].text == "mv" {
					verb = "moves"
				}
				at := func(dir, file, to string) {
					out = append(out, archiveAt{dir: dir, file: file, run: ri, cmd: ci, how: fmt.Sprintf("%s, which line %d %s to %s", a.how, runs[ri].in.first, verb, to)})
				}
				if a.dir != "" {
					for _, to := range copiedTo(c, a.dir) {
						at(to, "", to)
					}
				}
				for _, m := range archiveCopied(c, &a, d.task.Ext) {
					at(m.dir, m.file, m.dir+m.file)
				}
			}
		}
	}
	return out
}

// archiveCopied is where a cp or mv puts an archive the place a holds:
// a file named in full into a folder (a destination written with a
// trailing /, . or .., or several sources) is the file of its name
// there, else it is renamed to the destination or moved into it, both
// kept; a glob of the folder's archives goes into the destination, or
// is renamed to it.
func archiveCopied(c cmdAt, a *archiveAt, exts []string) (out []archiveAt) {
	if c.args[0].text != "cp" && c.args[0].text != "mv" {
		return nil
	}
	srcs, to, ok := cpWords(c.args)
	if !ok || to.dynamic {
		return nil
	}
	dest := absIn(c.cwd, to.text)
	b := path.Base(to.text)
	into := strings.HasSuffix(to.text, "/") || b == "." || b == ".." || len(srcs) > 1
	for _, s := range srcs {
		// A word the shell changes is read only as a glob of the
		// archive's name (build/distributions/*.tar).
		if s.dynamic && strings.ContainsAny(s.text, "$`~{}") || strings.HasPrefix(s.text, "-") {
			continue
		}
		src := absIn(c.cwd, s.text)
		if !a.holds(src, exts) {
			continue
		}
		glob := s.dynamic
		switch {
		case glob && strings.ContainsAny(path.Dir(src), "*?["):
		case glob:
			out = append(out, archiveAt{dir: dest})
			if !into {
				out = append(out, archiveAt{file: dest})
			}
		case into:
			out = append(out, archiveAt{file: path.Join(dest, path.Base(src))})
		default:
			out = append(out, archiveAt{file: dest}, archiveAt{file: path.Join(dest, path.Base(src))})
		}
	}
	return out
}

// unpackAt is an unpack command of a RUN from the archive task's on:
// where it unpacks, what it strips, and the place of the task's
// archive it reads, nil when it reads none restage can tie to the task.
type unpackAt struct {
	line       int
	text, dest string
	strip      int
	from       *archiveAt
}

// unpacks are the unpack commands of the RUNs from the archive task's
// on, each tied to the place of the archive it reads, when one is.
func (p *plan) unpacks(d *distUse) (out []unpackAt) {
	at := p.archives(d)
	for ri, r := range p.f.runs {
		if r.in.first < d.in.first {
			continue
		}
		for ci, c := range r.cmds {
			if len(c.args) == 0 {
				continue
			}
			u := unpackOf(d.dist, c.args)
			if u == nil {
				continue
			}
			x := unpackAt{line: r.in.first, text: strings.Join(wordTexts(c.args), " ")}
			for k := range at {
				a := &at[k]
				if a.run > ri || a.run == ri && a.cmd >= ci {
					continue
				}
				if dest, strip, ok := readUnpack(u, c, func(abs string) bool { return a.holds(abs, d.task.Ext) }); ok {
					x.dest, x.strip, x.from = dest, strip, a
					break
				}
			}
			out = append(out, x)
		}
	}
	return out
}

// untiedUnpack is the decline of an archive task when a RUN from it on
// unpacks an archive but none restage can tie to the task's (review
// 21, finding A: the preset's reason, that restage converts it only
// when a RUN unpacks the archive, would be false).
func (p *plan) untiedUnpack(d *distUse) error {
	if d.task.Archive == "" {
		return nil
	}
	xs := p.unpacks(d)
	if len(xs) == 0 || slices.ContainsFunc(xs, func(x unpackAt) bool { return x.from != nil }) {
		return nil
	}
	cmd := "the command"
	if p.prog != nil && p.prog.holder != nil {
		cmd = fmt.Sprintf("the %s on line %d", p.prog.holder.kw, p.prog.holder.first)
	}
	return declinef(declDistUnpackUntied, "line %d: `%s` writes its archive in %s, and line %d unpacks an archive (`%s`) that restage cannot tie to it: no cp or mv that restage reads puts the task's archive where that command reads it, so whether %s runs the distribution's start script cannot be told", d.in.first, d.shown, path.Join(d.project, d.task.Archive), xs[0].line, xs[0].text, cmd)
}

// unpackOf is the preset's unpack command that args run, when they
// unpack.
func unpackOf(d *presets.Dist, args []word) *presets.Unpack {
	for i := range d.Unpack {
		u := &d.Unpack[i]
		if path.Base(args[0].text) == u.Command && u.Extracts(wordTexts(args[1:])) {
			return u
		}
	}
	return nil
}

// readUnpack reads an unpack command: the folder it unpacks into, how
// many leading folders it strips, and whether what it unpacks is an
// archive is reports (by its absolute path).
func readUnpack(u *presets.Unpack, c cmdAt, is func(abs string) bool) (dest string, strip int, ok bool) {
	abs := func(x string) string { return absIn(c.cwd, x) }
	dest = c.cwd
	archive := false
	args := c.args[1:]
	for i := 0; i < len(args); i++ {
		w := args[i]
		name, val, hasVal := strings.Cut(w.text, "=")
		takes := slices.Contains(u.DirFlags, name) || slices.Contains(u.StripFlags, name)
		if takes && !hasVal {
			if i+1 >= len(args) {
				return "", 0, false
			}
			i++
			val, w = args[i].text, args[i]
		}
		switch {
		case slices.Contains(u.DirFlags, name):
			if w.dynamic {
				return "", 0, false
			}
			dest = abs(val)
		case slices.Contains(u.StripFlags, name):
			n, err := strconv.Atoi(val)
			if err != nil {
				return "", 0, false
			}
			strip = n
		case strings.HasPrefix(w.text, "-"):
		case is(abs(w.text)):
			archive = true
		}
	}
	return dest, strip, archive
}

// copiedTo is where a cp or mv puts the folder dir: its contents
// (dir/* or dir/.) into the destination, the folder itself into it
// (a destination written with a trailing /, or several sources) or as
// it (a rename); when the spelling does not tell which, both.
func copiedTo(c cmdAt, dir string) []string {
	if len(c.args) < 3 || (c.args[0].text != "cp" && c.args[0].text != "mv") {
		return nil
	}
	abs := func(x string) string { return absIn(c.cwd, x) }
	srcs, to, ok := cpWords(c.args)
	if !ok || to.dynamic {
		return nil
	}
	d := to.text
	dest := abs(d)
	into := strings.HasSuffix(d, "/") || len(srcs) > 1
	var out []string
	for _, s := range srcs {
		t := s.text
		switch {
		case strings.HasSuffix(t, "/*") && !strings.ContainsAny(strings.TrimSuffix(t, "/*"), "*?[$`"), strings.HasSuffix(t, "/.") && !s.dynamic:
			if abs(path.Dir(t)) == dir {
				out = appendNew(out, dest)
			}
		case s.dynamic:
		case abs(t) != dir:
		case into:
			out = appendNew(out, path.Join(dest, path.Base(dir)))
		default:
			out = appendNew(out, dest)
			out = appendNew(out, path.Join(dest, path.Base(dir)))
		}
	}
	return out
}
