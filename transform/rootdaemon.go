package transform

import (
	"fmt"
	"path"
	"strings"

	"github.com/restage/restage/presets"
)

// daemonUse is a daemon that runs as root (the preset's
// programs.root_daemons) which the start command or its script starts.
type daemonUse struct {
	name  string // as the preset lists it
	cmd   string // the command that starts it, as written
	where string // the instruction or the script
	line  int
	d     *presets.RootDaemon
}

// daemonStarted finds the first root daemon the start command, the
// commands after it or the start script runs, by its name or a path
// ending in it (cron -f, /etc/init.d/cron start) or through a starter
// (service cron start). Review 29, finding B: a start script that
// starts cron ran as 65532, where cron cannot start.
func (p *plan) daemonStarted() *daemonUse {
	pr := p.f.preset.Programs
	if pr == nil || len(pr.RootDaemons) == 0 || p.prog == nil || p.prog.holder == nil {
		return nil
	}
	find := func(args []word) (string, *presets.RootDaemon) {
		if len(args) == 0 || args[0].dynamic {
			return "", nil
		}
		prog := path.Base(args[0].text)
		if d := pr.RootDaemon(prog); d != nil {
			return prog, d
		}
		for _, s := range pr.DaemonStarters {
			if s != prog {
				continue
			}
			for _, a := range args[1:] {
				if a.dynamic {
					return "", nil
				}
				if strings.HasPrefix(a.text, "-") {
					continue
				}
				if d := pr.RootDaemon(a.text); d != nil {
					return a.text, d
				}
				return "", nil
			}
		}
		return "", nil
	}
	holder := p.prog.holder
	at := fmt.Sprintf("%s on line %d", holder.kw, holder.first)
	var cmds [][]word
	var ws []word
	for _, e := range p.prog.exec {
		ws = append(ws, word{text: e})
	}
	cmds = append(cmds, ws)
	for _, c := range p.restCmds {
		args, _ := c.argv()
		cmds = append(cmds, args)
	}
	for _, args := range cmds {
		if name, d := find(args); d != nil {
			return &daemonUse{name: name, cmd: strings.Join(wordTexts(args), " "), where: at, line: holder.first, d: d}
		}
	}
	for _, c := range p.scriptCmds {
		args, _ := c.argv()
		if name, d := find(args); d != nil {
			return &daemonUse{name: name, cmd: strings.Join(wordTexts(args), " "), where: "the script " + p.prog.scriptFile, line: holder.first, d: d}
		}
	}
	return nil
}

// planDaemon keeps what a root daemon the start runs needs: the folders
// the build's steps wrote for it (crontab FILE's spool folder) are copied
// to the runtime, and planUser keeps the original's root. When the
// install goes into the environment restage makes and the preset says
// the daemon's jobs would not see it, or a step wrote the daemon's state
// where the preset does not know for this builder's C library, the file
// is declined: what the daemon needs could not be carried.
func (p *plan) planDaemon() error {
	f := p.f
	if !f.ranAsRoot() {
		return nil // the original's daemon did not run either
	}
	u := p.daemonStarted()
	if u == nil {
		return nil
	}
	if f.prepared != nil && len(f.prepared.Copy) > 0 && u.d.Prepared != "" {
		return declinef(declDaemonNeeds, "line %d: %s starts %s (%s): %s", u.line, u.where, u.name, u.cmd, strings.ReplaceAll(u.d.Prepared, "{env}", strings.Join(f.prepared.Copy, ", ")))
	}
	copied := map[string]bool{}
	for _, r := range f.runs {
		for _, c := range r.cmds {
			if len(c.args) == 0 || c.args[0].dynamic {
				continue
			}
			prog := path.Base(c.args[0].text)
			known, any := "", false
			for _, st := range u.d.State {
				if st.Run != prog {
					continue
				}
				any = true
				if st.Libc == "" || st.Libc == f.variant.Libc {
					known = st.Folder
					if !copied[known] {
						copied[known] = true
						p.artifacts = append(p.artifacts, artifact{dir: known, folder: true, in: r.in, used: true})
						p.notes.note(r.in.first, infoDaemonState, "%s is where %s writes %s: %s starts %s (%s), so the runtime gets a copy of it at the same place", known, prog, st.What, u.where, u.name, u.cmd)
					}
					break
				}
			}
			if any && known == "" {
				return declinef(declDaemonNeeds, "line %d: %s starts %s (%s), and line %d runs %s, whose output %s reads: where it writes on a %s builder is not known, so the runtime could not be given it", u.line, u.where, u.name, u.cmd, r.in.first, prog, u.name, f.variant.Libc)
			}
		}
	}
	p.daemon = u
	return nil
}

// keepRootForDaemon keeps the original's root user for a root daemon the
// start runs (planDaemon).
func (p *plan) keepRootForDaemon() bool {
	u := p.daemon
	if u == nil {
		return false
	}
	p.user = p.rootUser(p.originalRoot())
	p.notes.note(u.line, warnRootDaemon, "%s starts %s (%s), a daemon that runs as root: %s; the runtime keeps the original user %s, because the non-root user %s could not start it", u.where, u.name, u.cmd, u.d.Why, p.originalRoot(), p.runtime.User)
	return true
}
