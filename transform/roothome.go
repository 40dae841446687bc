package transform

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// keepRootForHome keeps the original's root user when what runs in the
// container names a path under /root or in the home folder (~/): the
// start script tests /root/.ocean/ready, the program opens
// expanduser("~/.ocean/address.json") (review 12, finding C). Such files
// come from outside the image (a volume mounted in root's home), which
// the runtime images keep private to root (mode 700), and a non-root
// user's home is not /root (65532 has none in the Debian images, so
// HOME=/; distroless gives it /home/nonroot), so a non-root runtime would
// look where nothing is, or be refused. An assignment in front of the
// program (HOME=/root gunicorn) points it at /root itself.
func (p *plan) keepRootForHome() bool {
	if !p.f.ranAsRoot() {
		return false // the original's home was not /root either
	}
	if p.prog == nil || p.prog.holder == nil {
		return false // no command: nothing runs that could read them
	}
	h := p.rootHomeNamed()
	if h.where == "" {
		return false
	}
	what := "under /root, which only root may enter (mode 700 in the runtime images)"
	switch {
	case h.home:
		what = "in the home folder, which was root's /root in the original and is not a non-root user's"
	case h.named == "/root" || strings.HasSuffix(h.named, "=/root"):
		what = "which only root may enter (mode 700 in the runtime images)"
	}
	verb, fix := "names", "move the files to a folder any user may reach, such as /data"
	if h.assign {
		verb, fix = "sets", "set it to a folder any user may reach, such as /data"
	}
	if h.dep != nil || h.call {
		// The files are the dependency's, where it puts them: only the
		// home folder it is given can move, or the folder itself where
		// the preset says how.
		fix = "set HOME to a folder the runtime's user may write, such as /data"
		if h.dep != nil && h.dep.Fix != "" {
			fix = h.dep.Fix
		}
	}
	line := p.prog.holder.first
	if h.line > 0 {
		line = h.line
	}
	p.user = p.rootUser(p.originalRoot())
	lead := h.where + " " + verb + " " + h.named
	if h.mount {
		lead = h.where
	}
	p.notes.note(line, warnRootHome, "%s, %s: the runtime runs as root, as the original did (%s, to run as a non-root user)", lead, what, fix)
	return true
}

// rootHome is a path under /root or the home folder that what runs names.
type rootHome struct {
	where  string           // the instruction, script or source that names it
	named  string           // the path, or the assignment that sets it
	home   bool             // a path in the home folder (~/), not under /root
	assign bool             // named is a NAME=value the command sets
	line   int              // the instruction's line, when the command names it
	mount  bool             // where is a compose file's mount, which names the path itself
	dep    *presets.HomeDep // the dependency that writes there, when named is its path
	call   bool             // named is a call of the sources that writes there (review 23, B)
}

// rootHomePath says whether t is a path under /root, or one in the
// home folder when the shell expands ~ and $HOME in it.
func rootHomePath(t string, expands bool) (ok, home bool) {
	switch {
	case t == "/root" || strings.HasPrefix(t, "/root/"):
		return true, false
	case expands && (strings.HasPrefix(t, "~/") || strings.HasPrefix(t, "$HOME/") || strings.HasPrefix(t, "${HOME}/")):
		return true, true
	}
	return false, false
}

// rootHomeIn finds the first such path among the assignments and words
// of cmds: an assignment's value (HOME=/root gunicorn, review 12's
// finding D kept in front of the program once the runner is gone) sets
// where the program looks, a word is a path it is given.
func rootHomeIn(cmds []simpleCmd, expands bool) (named string, home, assign, ok bool) {
	for _, c := range cmds {
		for _, w := range slices.Concat(c.c.Assigns, c.c.Words) {
			t, set := w.Text, false
			if _, v, isSet := strings.Cut(t, "="); isSet && shell.IsAssignment(t) {
				t, set = v, true
			}
			if ok, h := rootHomePath(t, expands); ok {
				return w.Text, h, set, true
			}
		}
	}
	return "", false, false, false
}

// rootHomeNamed finds the first path under /root or the home folder that
// the command itself, the command's script or the app's sources name.
func (p *plan) rootHomeNamed() rootHome {
	// The command's own words: the ENTRYPOINT's, then the CMD's. Docker
	// expands nothing in an exec form's words, so only /root counts there;
	// a shell form or an sh -c string is the shell's, as a script is.
	for _, in := range []*inst{p.f.entrypoint, p.f.cmd} {
		if in == nil {
			continue
		}
		line := cmdLine(in)
		if line == nil {
			continue
		}
		var found bool
		var h rootHome
		if line.PrependShell {
			h.named, h.home, h.assign, found = rootHomeIn(splitShell(strings.Join(line.CmdLine, " ")).cmds, true)
		} else if h.named, h.home, h.assign, found = rootHomeIn([]simpleCmd{execCmd(line.CmdLine)}, false); !found {
			if k := shell.CommandArg(line.CmdLine); k > 0 {
				h.named, h.home, h.assign, found = rootHomeIn(splitShell(line.CmdLine[k]).cmds, true)
			}
		}
		if found {
			h.where, h.line = "the "+in.kw, in.first
			return h
		}
	}
	// A variable the runtime carries that names a single path under
	// /root (ENV HOME=/root): what the program and its tools take from
	// it is as out of reach as the same assignment in the command. A
	// list (PATH) has its own rules (RS311, RS314), and Docker expands
	// nothing at run time in an ENV value.
	for _, e := range p.f.env {
		v := strings.Trim(e.raw, `"'`)
		if strings.Contains(v, ":") || !slices.ContainsFunc(p.env, func(kv string) bool {
			return strings.HasPrefix(kv, e.key+"=") || strings.HasPrefix(kv, e.key+" ")
		}) {
			continue
		}
		if ok, _ := rootHomePath(v, false); ok {
			return rootHome{where: "the ENV", named: e.key + "=" + v, assign: true, line: e.in.first}
		}
	}
	if named, home, assign, ok := rootHomeIn(p.scriptCmds, true); ok {
		return rootHome{where: "the script " + p.prog.scriptFile, named: named, home: home, assign: assign}
	}
	for _, m := range p.f.compose {
		// Any volume there (review 13, finding B: a model mounted at
		// /root/panns_data for a library that reads ~/panns_data): a
		// named one under /root is as far out of a non-root user's
		// reach as a host folder.
		if ok, _ := rootHomePath(m.target, false); ok {
			return rootHome{where: m.shown(), named: m.target, mount: true}
		}
	}
	if h, ok := p.homeDep(); ok {
		return h
	}
	// A setting that makes the framework write in the home folder (an
	// embedded database at jdbc:h2:~/dbtest, review 27, finding A).
	for _, s := range p.settingWrites() {
		if s.home {
			return rootHome{where: s.where, named: s.named, home: true}
		}
	}
	var h rootHome
	ctx, w := p.f.opt.Context, p.f.preset.Writes
	var calls []presets.HomeCall
	if hd := p.f.preset.HomeDeps; hd != nil {
		calls = hd.Calls
	}
	if ctx == nil || w == nil || w.Sources == nil || len(w.Sources.RootReads) == 0 && len(calls) == 0 {
		return h
	}
	runs := p.runSources()
	walkSources(ctx, p.withStart(w.Sources), w.Sources.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
		// A call in a comment reads nothing (review 10, finding C), nor
		// one spelled in a string literal (restage's own notes name
		// os.UserHomeDir()).
		rs := commentsOut(data, p.blanked(name, data), w.Sources.RootPaths)
		rs = slices.DeleteFunc(rs, func(l presets.Literal) bool { return p.f.preset.InString(data, l.Offset) })
		// A call that writes in the home folder, such as a model's
		// download into ~/.cache/huggingface (review 23, finding B), is
		// as out of a non-root user's reach as a home path the app names.
		var cs []presets.HomeCallUse
		if len(calls) > 0 {
			cs = commentsOut(data, p.blanked(name, data), p.f.preset.HomeDeps.CallsIn)
			cs = slices.DeleteFunc(cs, func(c presets.HomeCallUse) bool { return p.f.preset.InString(data, c.Offset) })
		}
		if len(rs)+len(cs) == 0 || !runs(name) {
			return true
		}
		line := func(off int) string { return fmt.Sprintf("%s:%d", name, bytes.Count(data[:off], []byte("\n"))+1) }
		if len(cs) > 0 && (len(rs) == 0 || cs[0].Offset < rs[0].Offset) {
			c := cs[0].Call
			h = rootHome{where: line(cs[0].Offset), named: c.Name + ", which writes " + c.Path + " when it runs", home: true, call: true}
			return false
		}
		h.where = line(rs[0].Offset)
		h.named, h.home = rs[0].Text, strings.HasPrefix(rs[0].Text, "~")
		return false
	})
	return h
}

// homeDep finds a dependency the preset knows to write in the home folder
// at run time, named by a RUN's words or by a file of the build context:
// the app's own sources need not name the home folder for the program to
// use it (review 16, finding A: Open Interpreter makes
// ~/.config/open-interpreter at every start, and 65532's home is /).
func (p *plan) homeDep() (rootHome, bool) {
	found := p.homeDeps()
	if len(found) == 0 {
		return rootHome{}, false
	}
	h := found[0]
	return rootHome{where: h.where, line: h.line, named: h.dep.Name + ", which " + h.dep.Writes(), home: true, dep: h.dep}, true
}

// homeDepSeen is a home-folder dependency and where the file names it.
type homeDepSeen struct {
	dep   *presets.HomeDep
	where string
	line  int // the RUN's line, when a RUN names it
}

// homeDeps are the home-folder dependencies the file's RUNs, then its
// project files, name, each once, in that order; one whose folder an
// ENV of the file moves elsewhere (unless_env) is none.
func (p *plan) homeDeps() []homeDepSeen {
	hd := p.f.preset.HomeDeps
	if hd == nil {
		return nil
	}
	var env []string
	for _, e := range p.f.env {
		env = append(env, e.key+"="+strings.Trim(e.raw, `"'`))
	}
	var out []homeDepSeen
	add := func(d *presets.HomeDep, where string, line int) {
		if d.Moved(env) || slices.ContainsFunc(out, func(s homeDepSeen) bool { return s.dep == d }) {
			return
		}
		out = append(out, homeDepSeen{d, where, line})
	}
	for _, r := range p.f.runs {
		for _, c := range r.cmds {
			for _, w := range c.args {
				if w.dynamic {
					continue
				}
				if d, ok := hd.Named(w.text); ok {
					add(d, "the RUN", r.in.first)
				}
			}
		}
	}
	ctx := p.f.opt.Context
	if ctx == nil {
		return out
	}
	for _, file := range hd.Files {
		data, err := fs.ReadFile(ctx, file)
		if err != nil {
			continue
		}
		for _, m := range hd.AllInFile(data) {
			add(m.Dep, fmt.Sprintf("%s:%d", file, bytes.Count(data[:m.At], []byte("\n"))+1), 0)
		}
	}
	return out
}

// copyHomeDeps gives a runtime that keeps root the folders that the
// install of a dependency filled in root's home in the builder and that
// the program reads there (review 24, finding A: puppeteer's browser in
// ~/.cache/puppeteer, which the runtime, a new image, would lack). The
// copy may match nothing: an older release keeps it elsewhere.
func (p *plan) copyHomeDeps() {
	if !p.f.ranAsRoot() {
		return // the install's home was not root's
	}
	for _, h := range p.homeDeps() {
		if !h.dep.Built {
			continue
		}
		abs := "/root" + strings.TrimPrefix(h.dep.Path, "~")
		if slices.Contains(p.copies, abs) {
			continue
		}
		p.copies = append(p.copies, abs)
		p.optional[abs], p.optionalDirs[abs] = true, true
		line := h.line
		if line == 0 {
			line = p.prog.holder.first
		}
		p.notes.note(line, infoHomeDepCopied, "%s names %s, whose install fills %s: the runtime, which runs as root, gets the builder's %s (a copy that matches nothing where a release keeps it elsewhere)", h.where, h.dep.Name, h.dep.Path, abs)
	}
}
