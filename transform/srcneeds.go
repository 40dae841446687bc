package transform

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// srcNeed is a call of the sources that needs tools of the runtime in
// the program's own process, and where the first such call is.
type srcNeed struct {
	tools      []string
	where, why string
}

// sourceNeeds reads the sources the program can run (as for the programs
// it starts) for the preset's programs.needs: each need once, at its
// first call. A JRE runs the jar of an app that compiles Java at run time
// and fails only when the compiler is asked for (review 8, finding B), so
// the runtime must be chosen for it up front.
func (p *plan) sourceNeeds() []srcNeed {
	ctx, pr := p.f.opt.Context, p.f.preset.Programs
	if ctx == nil || pr == nil || len(pr.Needs) == 0 {
		return nil
	}
	runs := p.runSources()
	found := make([]*srcNeed, len(pr.Needs))
	walkSources(ctx, p.withStart(pr), pr.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
		for i := range pr.Needs {
			if found[i] != nil {
				continue
			}
			at := pr.Needs[i].Find(data)
			if at >= 0 {
				// Not in a comment (commentsOut).
				at = pr.Needs[i].Find(p.blanked(name, data)())
			}
			if at >= 0 && runs(name) { // an image has it, and the start loads it
				found[i] = &srcNeed{tools: pr.Needs[i].Tools, where: fmt.Sprintf("%s:%d", name, bytes.Count(data[:at], []byte("\n"))+1), why: pr.Needs[i].Why}
			}
		}
		return !slices.ContainsFunc(found, func(n *srcNeed) bool { return n == nil })
	})
	var out []srcNeed
	for _, n := range found {
		if n != nil {
			out = append(out, *n)
		}
	}
	return out
}

// srcNeedsTool reports whether a call of the sources needs tool t.
func (p *plan) srcNeedsTool(t string) bool {
	return slices.ContainsFunc(p.srcNeeds, func(n srcNeed) bool { return slices.Contains(n.tools, t) })
}

// onlyForNeeds reports whether fits, false with the tools in *need, holds
// once the tools only the sources' calls need are left out of it: those
// calls alone moved the runtime off the default flavor, and RS157 says so.
func (p *plan) onlyForNeeds(fits func() bool, need *[]string) bool {
	if len(p.srcNeeds) == 0 {
		return false
	}
	saved := *need
	*need = slices.DeleteFunc(slices.Clone(saved), func(t string) bool {
		return p.srcNeedsTool(t) && !slices.Contains(p.prog.tools, t) && !slices.Contains(p.pkgTools, t)
	})
	ok := fits()
	*need = saved
	return ok
}

// noteSourceNeeds says, for each call of the sources that needs tools in
// the program's own process, that the runtime has them and why.
func (p *plan) noteSourceNeeds() {
	for _, n := range p.srcNeeds {
		if len(missingTools(p.runtime, n.tools)) > 0 {
			continue
		}
		p.notes.note(p.prog.holder.first, infoRuntimeNeeds, "the runtime %s has %s, which the program uses in its own process: %s: %s", p.image, strings.Join(n.tools, " and "), n.where, n.why)
	}
}
