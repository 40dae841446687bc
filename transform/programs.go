package transform

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/restage/restage/shell"
)

// progUse is a program the sources run: its name when a literal names
// it, else the expression that does, and where.
type progUse struct {
	name, expr, where string
	// more are the other places that run the same expression: one
	// warning names them all.
	more []string
}

// binDirs are the folders of the system's programs: a program named by
// its path there (/bin/sh) is that program of the image.
var binDirs = []string{"/bin", "/usr/bin", "/usr/local/bin", "/sbin", "/usr/sbin"}

// sourcePrograms reads the calls of the build context's sources that run
// a program (the preset's programs), within the bounds of the search
// for cgo: each program named once, each unnamed call once per source.
func (p *plan) sourcePrograms() []progUse {
	if p.progsRead {
		return p.progs
	}
	p.progsRead = true
	p.progs = p.readPrograms()
	return p.progs
}

func (p *plan) readPrograms() []progUse {
	ctx, pr := p.f.opt.Context, p.f.preset.Programs
	if ctx == nil || pr == nil {
		return nil
	}
	var out []progUse
	seen := map[string]bool{}
	walkSources(ctx, pr, pr.SkipHolding, func(name string, data []byte) bool {
		for _, c := range pr.Find(data) {
			where := fmt.Sprintf("%s:%d", name, bytes.Count(data[:c.Offset], []byte("\n"))+1)
			if c.Prog != "" {
				prog, ok := p.systemProgram(c.Prog)
				if ok && !seen["p "+prog] {
					seen["p "+prog] = true
					out = append(out, progUse{name: prog, where: where})
				}
			}
			if c.Expr != "" {
				// One use per expression, with every place it runs.
				k := slices.IndexFunc(out, func(u progUse) bool { return u.expr == c.Expr })
				switch {
				case k < 0:
					out = append(out, progUse{expr: c.Expr, where: where})
				case out[k].where != where && !slices.Contains(out[k].more, where):
					out[k].more = append(out[k].more, where)
				}
			}
		}
		return true
	})
	return out
}

// sourceGlobals makes a program the sources run by name that a global
// install put on PATH (npm install -g ts-node) reach the runtime, as for
// the command's (RS131): it is then no program the runtime must have.
func (p *plan) sourceGlobals() {
	if len(p.f.globals) == 0 {
		return
	}
	p.progs = slices.DeleteFunc(p.progs, func(u progUse) bool {
		return u.name != "" && p.globalPackageProgram(u.name)
	})
}

// systemProgram is the program of the image a literal names: a bare
// name looked up on PATH, or a path in a system folder (/bin/sh). A
// path elsewhere is a file of the app, and a program the build writes
// is the app's own: neither is one.
func (p *plan) systemProgram(w string) (string, bool) {
	if w == "" || strings.ContainsAny(w, "$*?[{") {
		return "", false
	}
	if strings.Contains(w, "/") {
		if !path.IsAbs(w) || !slices.Contains(binDirs, path.Dir(path.Clean(w))) {
			return "", false
		}
	}
	if _, art := p.resolve(w); art != nil && art.name != "" {
		art.used = true // the app runs it: the runtime gets it
		return "", false
	}
	b := path.Base(w)
	if shell.Builtin(b) {
		return "", false
	}
	return b, true
}

// fitPrograms makes the programs the sources run by name reach the
// runtime, as fitHealthcheck does for the HEALTHCHECK's tools: the
// chosen runtime has them, or the first flavor that has them, or the
// first that can install them (which the original image had); else a
// warning names them, since only those calls fail. A runtime asked for
// with --runtime is kept. A program the sources name by no literal gets
// a warning on a runtime without a shell's fellow programs.
func (p *plan) fitPrograms(asked, hcInstall bool, pick func(flavor string, extra []string) *Runtime) error {
	uses := p.sourcePrograms()
	if len(uses) == 0 {
		return nil
	}
	var progs []string
	where := map[string]string{}
	for _, u := range uses {
		if u.name != "" && !slices.Contains(progs, u.name) {
			progs = append(progs, u.name)
			where[u.name] = u.where
		}
	}
	named := func(ps []string) string {
		var s []string
		for _, x := range ps {
			s = append(s, fmt.Sprintf("%s (%s)", x, where[x]))
		}
		return strings.Join(s, " and ")
	}
	progs = p.onCopiedPath(progs)
	miss := p.hcMissing(missingTools(p.runtime, progs))
	from := p.runtime
	// An install a HEALTHCHECK put in the runtime ties it to that image.
	tied := asked || hcInstall
	if len(miss) > 0 && !tied {
		for _, fl := range p.order() {
			if r := pick(fl, miss); r != nil {
				if r != p.runtime {
					p.notes.note(0, infoProgramRuntime, "runtime %s instead of %s: the sources run %s, which it has", r.Flavor, from.Flavor, named(miss))
					p.runtime, p.why = r, fmt.Sprintf("%s: the sources run %s; %s", r.Flavor, strings.Join(miss, ", "), r.Why)
				}
				miss = nil
				break
			}
		}
	}
	if len(miss) > 0 {
		try := []*Runtime{p.runtime}
		if !tied {
			try = nil
			for _, fl := range p.order() {
				if r := pick(fl, nil); r != nil && !slices.Contains(try, r) {
					try = append(try, r)
				}
			}
		}
		r, line, m, err := p.installOn(try, func(r *Runtime) []string { return p.hcMissing(missingTools(r, progs)) })
		if err != nil {
			return err
		}
		if r != nil {
			if r != p.runtime {
				p.notes.note(0, infoProgramRuntime, "runtime %s instead of %s: the sources run %s, which it has or installs", r.Flavor, from.Flavor, named(miss))
				p.why = fmt.Sprintf("%s: the sources run %s; %s", r.Flavor, strings.Join(miss, ", "), r.Why)
			}
			p.useInstall(r, line, m)
			p.notes.note(0, infoProgramInstall, "the sources run %s, which the original image had and the runtime does not come with: runtime %s installs it", named(m), r.Flavor)
			miss = nil
		}
	}
	// A program the builder installed from a source the runtime cannot
	// reach has its warning already (RS321): one warning is enough.
	miss = slices.DeleteFunc(miss, func(prog string) bool {
		for _, us := range p.f.unreached {
			if slices.ContainsFunc(us, func(u unreached) bool { return u.pkg == prog }) {
				return true
			}
		}
		return false
	})
	if len(miss) > 0 {
		why := fmt.Sprintf("and no runtime of the %s preset has or can install it", p.f.preset.Name)
		if asked {
			why = fmt.Sprintf("(--runtime %s was asked for)", p.f.opt.Runtime)
		}
		p.notes.note(0, warnProgramMissing, "the sources run %s, which runtime %s does not have %s: where the original image had it, those calls fail in the converted image", named(miss), p.runtime.Flavor, why)
	}
	for _, u := range uses {
		if u.expr != "" {
			p.notes.note(0, warnProgramUnnamed, "%s a program that %s names, which the source does not spell out: runtime %s has few of the original image's programs%s, so what it runs may be missing%s", u.places(), u.expr, p.runtime.Flavor, p.toolsHad(), p.leftOut())
		}
	}
	return nil
}

// maxPlaces bounds the places one warning lists.
const maxPlaces = 6

// places says where the use runs its program, with the verb: "a.js:3
// runs", "a.js:3 and a.js:9 run", "a.js:3, ... and 4 more places run".
func (u progUse) places() string {
	all := append([]string{u.where}, u.more...)
	if len(all) == 1 {
		return all[0] + " runs"
	}
	if len(all) > maxPlaces {
		return fmt.Sprintf("%s and %d more places run", strings.Join(all[:maxPlaces-1], ", "), len(all)-maxPlaces+1)
	}
	return strings.Join(all[:len(all)-1], ", ") + " and " + all[len(all)-1] + " run"
}

// toolsHad says which programs the runtime has and which packages it
// installs, each named once, for a note.
func (p *plan) toolsHad() string {
	var has, pkgs []string
	if p.runtime.Shell {
		has = appendNew(has, "sh")
	}
	for _, t := range p.runtime.Tools {
		has = appendNew(has, t)
	}
	for _, t := range p.installed {
		if slices.Contains(p.pkgInstalled, t) {
			pkgs = appendNew(pkgs, t)
		} else {
			has = appendNew(has, t) // a program installed from the package of its name
		}
	}
	pkgs = slices.DeleteFunc(pkgs, func(t string) bool { return slices.Contains(has, t) })
	switch {
	case len(has) == 0 && len(pkgs) == 0:
		return " (none: no shell)"
	case len(pkgs) == 0:
		return " (" + strings.Join(has, ", ") + ")"
	case len(has) == 0:
		return " (only the packages it installs: " + strings.Join(pkgs, ", ") + ")"
	}
	return " (" + strings.Join(has, ", ") + "; and the packages it installs: " + strings.Join(pkgs, ", ") + ")"
}

// leftOut names, for the warning on a program the sources name by an
// expression, what the builder has that the runtime does not get: the
// build-only packages it installs and the packages it installs
// globally whose folders are not copied.
func (p *plan) leftOut() string {
	var globals []string
	for _, g := range p.f.globals {
		if g.self != "" {
			continue
		}
		dir := path.Join(g.gi.Dir, g.name)
		if !slices.ContainsFunc(p.artifacts, func(a artifact) bool { return a.folder && a.dir == dir }) {
			globals = appendNew(globals, g.name)
		}
	}
	var parts []string
	if len(p.buildOnlyLeft) > 0 {
		parts = append(parts, "the build-only packages "+strings.Join(p.buildOnlyLeft, ", "))
	}
	if len(globals) > 0 {
		parts = append(parts, "the global installs "+strings.Join(globals, ", "))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; left in the builder: " + strings.Join(parts, " and ")
}

// onCopiedPath leaves out the programs no runtime has or can install
// when the runtime gets the folders the file puts on PATH (for the
// command, which needs such a program): the builder found its programs
// there, and so does the runtime.
func (p *plan) onCopiedPath(progs []string) []string {
	if !p.pathCopied {
		return progs
	}
	var out []string
	for _, t := range progs {
		has := false
		for i := range p.f.preset.Runtimes {
			r := &p.f.preset.Runtimes[i]
			has = has || r.HasTool(t) || slices.Contains(r.Installs, t)
		}
		if has {
			out = append(out, t)
		}
	}
	return out
}
