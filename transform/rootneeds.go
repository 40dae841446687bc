package transform

import (
	"bytes"
	"fmt"
	"path"
	"slices"
)

// rootUse is a program that works only as root (the preset's
// programs.root_needs) which something in the container runs.
type rootUse struct {
	prog, where, why string
}

// rootUses lists the root-only programs that the start command, the
// commands after it, the script it runs or a source of the program runs
// (review 21, finding E: chroot in a command string the bot runs through
// create_subprocess_shell). A non-root runtime user would make each of
// them fail where the original's root did not, so each keeps root, as a
// write only root could make does (RS315).
func (p *plan) rootUses() []rootUse {
	pr := p.f.preset.Programs
	if pr == nil || len(pr.RootNeeds) == 0 {
		return nil
	}
	var out []rootUse
	add := func(prog, where string) {
		prog = path.Base(prog)
		n := pr.RootNeed(prog)
		if n == nil || slices.ContainsFunc(out, func(u rootUse) bool { return u.prog == prog }) {
			return
		}
		out = append(out, rootUse{prog: prog, where: where, why: n.Why})
	}
	if p.prog != nil {
		at := fmt.Sprintf("%s on line %d", p.prog.holder.kw, p.prog.holder.first)
		add(p.prog.word, at)
		for _, c := range p.restCmds {
			if args, _ := c.argv(); len(args) > 0 {
				add(args[0].text, at)
			}
		}
		// The script before the tools, which hold its programs too: the
		// note names where the call is.
		for _, c := range p.scriptCmds {
			if args, _ := c.argv(); len(args) > 0 {
				add(args[0].text, "the script "+p.prog.scriptFile)
			}
		}
		for _, t := range p.prog.tools {
			add(t, at)
		}
	}
	for _, u := range p.sourcePrograms() {
		if u.name != "" {
			add(u.name, u.where)
		}
	}
	if ctx := p.f.opt.Context; ctx != nil && pr.CommandStrings != "" {
		runs := p.runSources()
		walkSources(ctx, p.withStart(pr), pr.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
			if progs, _ := pr.CommandStringPrograms(data); len(progs) == 0 || !runs(name) {
				return true
			}
			code := p.blanked(name, data)()
			progs, offsets := pr.CommandStringPrograms(code)
			for i, prog := range progs {
				add(prog, fmt.Sprintf("%s:%d", name, bytes.Count(code[:offsets[i]], []byte("\n"))+1))
			}
			return true
		})
	}
	return out
}
