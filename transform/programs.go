package transform

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/restage/restage/presets"
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
	runs := p.runSources()
	walkSources(ctx, p.withStart(pr), pr.SkipHolding, p.f.dockerignore(), func(name string, data []byte) bool {
		calls := commentsOut(data, p.blanked(name, data), pr.Find)
		if len(calls) == 0 || !runs(name) {
			return true // no call, no image has it, or the start never loads it
		}
		for _, c := range calls {
			where := fmt.Sprintf("%s:%d", name, bytes.Count(data[:c.Offset], []byte("\n"))+1)
			if c.Env != "" {
				c = p.f.envProgram(c)
			}
			if c.Prog != "" {
				prog, ok := p.systemProgram(c.Prog)
				if ok && !seen["p "+prog] {
					seen["p "+prog] = true
					out = append(out, progUse{name: prog, where: where})
				}
				if !ok && p.fileProgram(c.Prog) {
					k := slices.IndexFunc(p.pathProgs, func(u progUse) bool { return u.name == c.Prog })
					switch {
					case k < 0:
						p.pathProgs = append(p.pathProgs, progUse{name: c.Prog, where: where})
					case p.pathProgs[k].where != where && !slices.Contains(p.pathProgs[k].more, where):
						p.pathProgs[k].more = append(p.pathProgs[k].more, where)
					}
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

// runSources says which sources of the build context the program can
// run (review 7, finding B): those the start command reaches when that
// can be told (node FILE followed through its relative loads, as for the
// dev-import check; the sources a go build compiles, review 13, finding
// F), else those the COPY steps put in the image. A file
// the image never gets, or one nothing the start runs loads, makes no
// call of the program. Every source, as before, when the COPYs cannot be
// listed.
//
// It is worked out at its first question: the scans ask it only of a
// source in which they found something, and most conversions find
// nothing, so most never pay for listing what the build compiles.
func (p *plan) runSources() func(name string) bool {
	var runs func(string) bool
	return func(name string) bool {
		if runs == nil {
			in := p.imageSources()
			runs = in
			// A program built from packages (go build) is made of
			// what the build compiles, and nothing else of the context.
			if set, ok := p.compiledSources(); ok {
				runs = func(name string) bool { return set[name] && in(name) }
			}
		}
		return runs(name)
	}
}

// imageSources is runSources without the packages builds: the start's
// reach, else what the COPY steps put in the image.
func (p *plan) imageSources() func(name string) bool {
	if d := p.f.preset.DevDeps; d != nil && d.Imports != nil {
		if reached, ok := p.reachedSources(d.Imports); ok {
			return func(name string) bool { return slices.Contains(reached, name) }
		}
	}
	if p.f.opt.Context == nil {
		return func(string) bool { return true }
	}
	pls, _ := p.f.placements()
	var srcs []string
	for _, pl := range pls {
		if pl.open {
			return func(string) bool { return true }
		}
		if pl.src != "" && !pl.made && pl.from == "" {
			srcs = append(srcs, pl.src)
		}
	}
	// A RUN's bind mount of the context (RUN --mount=type=bind,target=/src
	// cp -r /src/app .) may put its files in the image with no COPY.
	for _, r := range p.f.runs {
		for _, fl := range r.in.node.Flags {
			if spec, ok := strings.CutPrefix(fl, "--mount="); ok {
				if src, ok := contextBind(spec); ok {
					srcs = append(srcs, src)
				}
			}
		}
	}
	return func(name string) bool {
		return slices.ContainsFunc(srcs, func(src string) bool { return under(name, src) })
	}
}

// contextBind returns the context path a RUN's --mount spec binds, when
// it is a bind mount of the build context (the default source is its
// root).
func contextBind(spec string) (string, bool) {
	kv := map[string]string{"type": "bind", "source": "."}
	for _, part := range strings.Split(spec, ",") {
		k, v, _ := strings.Cut(part, "=")
		if k == "src" {
			k = "source"
		}
		kv[k] = v
	}
	if kv["type"] != "bind" || kv["from"] != "" {
		return "", false
	}
	src := path.Clean(strings.TrimPrefix(kv["source"], "/"))
	if strings.Contains(src, "$") {
		return ".", true
	}
	return src, true
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

// fileProgram reports whether a literal names a program by a path that
// is no system program (systemProgram said no) and no artifact of the
// build: a file of the builder the runtime may not have.
func (p *plan) fileProgram(w string) bool {
	if !strings.Contains(w, "/") || strings.ContainsAny(w, "$*?[{") {
		return false
	}
	if path.IsAbs(w) && slices.Contains(binDirs, path.Dir(path.Clean(w))) {
		return false
	}
	_, art := p.resolve(w)
	return art == nil
}

// notePathPrograms warns about each program the sources run by a path
// (relative ones from the working folder) that no copy brings into the
// runtime (review 6, finding A: exec.Command("./venv/bin/yt-dlp") with
// the venv made by a RUN). What the COPY steps brought and the sources
// name is copied already (run files); what is left is made in the
// builder or part of its image (then no warning when the runtime is the
// builder's own image). It is not copied on a guess: a venv, for one,
// needs the Python it was made with.
func (p *plan) notePathPrograms() {
	f := p.f
	for _, u := range p.pathProgs {
		abs := path.Clean(u.name)
		if !path.IsAbs(abs) {
			abs = path.Join(f.workdir, abs)
		}
		if contains(p.copies, abs) || within(abs, p.copies) {
			continue
		}
		line, made := p.madeBy(abs)
		if line == 0 && p.sameImage() {
			continue // a file of the builder's image, which the runtime is too
		}
		how := "that the builder has (from its image or a build step)"
		if line > 0 {
			how = fmt.Sprintf("under %s, which the RUN at line %d makes in the builder", made, line)
		}
		p.notes.note(line, warnProgramFileLeft, "%s %s, a file %s: the runtime does not get it, so those calls fail (no such file); copy it with what it needs to run (what made it: a virtual environment runs only with the Python it was made with), or keep the builder's image", u.places(), u.name, how)
	}
}

// madeBy finds the RUN that makes the folder holding abs: the first one
// whose text names the folder (relative to the folder it runs in, or
// absolute), from the outermost folder below / or the working folder
// in; it returns its line and the folder, or 0.
func (p *plan) madeBy(abs string) (int, string) {
	for _, r := range p.f.runs {
		for d := path.Dir(abs); d != "/" && d != "."; d = path.Dir(d) {
			if d == r.cwd {
				break
			}
			names := []string{d}
			if rel, ok := strings.CutPrefix(d, r.cwd+"/"); ok && r.cwd != "/" {
				names = append(names, rel, "./"+rel)
			} else if r.cwd == "/" {
				names = append(names, strings.TrimPrefix(d, "/"))
			}
			if path.Dir(d) != r.cwd && path.Dir(d) != "/" {
				continue // the outermost folder the RUN can make
			}
			for _, n := range names {
				if wordIn(r.text, n) {
					return r.in.first, d
				}
			}
		}
	}
	return 0, ""
}

// wordIn reports whether text has w as a path word: not inside a longer
// name (venv in ./venv/bin or "venv", not in venvs or my-venv).
func wordIn(text, w string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], w)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(w)
		before := a == 0 || strings.ContainsRune(" \t\n'\"=;&|(", rune(text[a-1]))
		after := b == len(text) || strings.ContainsRune(" \t\n'\"/;&|)", rune(text[b]))
		if before && after {
			return true
		}
		i = a + 1
	}
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
	var lacked []string
	progs, lacked = p.builderLacked(progs)
	defer p.warnLacked(lacked, named)
	progs = p.onCopiedPath(progs)
	miss := p.hcMissing(missingTools(p.runtime, progs))
	from := p.runtime
	// An install a HEALTHCHECK put in the runtime ties it to that image.
	tied := asked || hcInstall
	cands := []*Runtime{p.runtime}
	if !tied {
		cands = nil
		for _, fl := range p.order() {
			if r := pick(fl, nil); r != nil && !slices.Contains(cands, r) {
				cands = append(cands, r)
			}
		}
		if !slices.Contains(cands, p.runtime) {
			cands = append([]*Runtime{p.runtime}, cands...)
		}
	}
	// elsewhere says whether a program the chosen runtime lacks is had
	// or installed by another candidate, for the warning.
	var elsewhere func(prog string) bool
	if len(miss) > 0 {
		fit, err := p.fitOn(cands, progs)
		if err != nil {
			return err
		}
		got := slices.DeleteFunc(slices.Clone(miss), func(prog string) bool {
			return !fit.r.HasTool(prog) && !slices.Contains(fit.inst, prog)
		})
		if len(got) > 0 {
			if fit.r != p.runtime {
				how := "has"
				if len(fit.inst) > 0 {
					how = "has or installs"
				}
				p.notes.note(0, infoProgramRuntime, "runtime %s instead of %s: the sources run %s, which it %s", fit.r.Flavor, from.Flavor, named(got), how)
				p.runtime, p.why = fit.r, fmt.Sprintf("%s: the sources run %s; %s", fit.r.Flavor, strings.Join(got, ", "), fit.r.Why)
			}
			if len(fit.inst) > 0 {
				with := p.useInstall(fit.r, fit.line, fit.inst)
				p.notes.note(0, infoProgramInstall, "the sources run %s, which the original image had and the runtime does not come with: runtime %s installs it", named(fit.inst), fit.r.Flavor)
				p.noteInstallWith(0, fit.r, with)
			}
		}
		if len(got) > 0 {
			miss = slices.DeleteFunc(p.hcMissing(missingTools(p.runtime, progs)), func(prog string) bool { return slices.Contains(fit.inst, prog) })
		}
		elsewhere = func(prog string) bool {
			for _, r := range cands {
				if f, _ := p.fitOn([]*Runtime{r}, []string{prog}); f.covered > 0 {
					return true
				}
			}
			return false
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
		if slices.ContainsFunc(miss, elsewhere) {
			why = fmt.Sprintf("and no runtime of the %s preset has or can install it with the other programs the sources run", p.f.preset.Name)
		}
		if asked {
			why = fmt.Sprintf("(--runtime %s was asked for)", p.f.opt.Runtime)
		}
		p.notes.note(0, warnProgramMissing, "the sources run %s, which runtime %s does not have %s: where the original image had it, those calls fail in the converted image", named(miss), p.runtime.Flavor, why)
	}
	// The warnings wait for the runtime's image (noteUnnamedPrograms):
	// on the builder's own image they say something else.
	p.unnamedAt, p.unnamedWarns = len(p.notes.list), nil
	for _, u := range uses {
		if u.expr == "" {
			continue
		}
		w := unnamedWarn{
			other: fmt.Sprintf("%s a program that %s names, which the source does not spell out: runtime %s has few of the original image's programs%s, so what it runs may be missing%s", u.places(), u.expr, p.runtime.Flavor, p.toolsHad(), p.leftOut()),
		}
		if left := p.leftOut(); left != "" {
			w.same = fmt.Sprintf("%s a program that %s names, which the source does not spell out: the runtime %s is the builder's own image, with the original image's programs, but not what the build steps added and the runtime does not get, so what it runs may be missing%s", u.places(), u.expr, p.f.image, left)
		}
		p.unnamedWarns = append(p.unnamedWarns, w)
	}
	return nil
}

// unnamedWarn is the warning on a program the sources name by an
// expression (RS342): other for a runtime that is not the builder's
// image, same for the builder's own image, empty when it has every
// program the original had.
type unnamedWarn struct{ other, same string }

// noteUnnamedPrograms puts the warnings on programs the sources name by
// an expression where fitPrograms would have: when the runtime is the
// builder's own image it has every program the original image had but
// what the build steps added and it does not get (review 7, finding C),
// so the warning names only that, or is left out when nothing is.
func (p *plan) noteUnnamedPrograms() {
	k := 0
	for _, w := range p.unnamedWarns {
		msg := w.other
		if p.sameImage() {
			msg = w.same
		}
		if msg != "" {
			p.notes.insert(p.unnamedAt+k, 0, warnProgramUnnamed, "%s", msg)
			k++
		}
	}
	p.unnamedWarns = nil
}

// builderLacked splits off the programs the builder image does not have
// (its variant's lacks: curl on node:22-slim) and no package the file
// installs gives: the original's calls of them failed, so the runtime
// need not have them, and no flavor is chosen nor anything installed
// for them (the HEALTHCHECK's rule, review 5, finding H).
func (p *plan) builderLacked(progs []string) (had, lacked []string) {
	f := p.f
	for _, prog := range progs {
		if f.variant.LacksProgram(f.repo, f.tag, prog) && !f.installsPackage(prog) {
			lacked = append(lacked, prog)
		} else {
			had = append(had, prog)
		}
	}
	return had, lacked
}

// warnLacked says, once the runtime is chosen, that the calls of the
// programs the original image lacked behave as they did: they fail, as
// the runtime does not get those programs either; or, for one the
// runtime has anyway, that those calls now run.
func (p *plan) warnLacked(lacked []string, named func([]string) string) {
	if len(lacked) == 0 {
		return
	}
	var same, runs []string
	for _, prog := range lacked {
		if p.runtime.HasTool(prog) || slices.Contains(p.installed, prog) {
			runs = append(runs, prog)
		} else {
			same = append(same, prog)
		}
	}
	img := p.f.image
	if len(same) > 0 {
		names := strings.Join(same, ", ")
		p.notes.note(0, warnProgramLacked, "the sources run %s, which the original image %s does not have and no step of the file installs: those calls failed in the original; the runtime does not get %s either, so they behave as they did (to make them work, have the file install %s: the runtime then gets %s too)", named(same), img, names, names, pronoun(len(same)))
	}
	if len(runs) > 0 {
		p.notes.note(0, warnProgramLacked, "the sources run %s, which the original image %s does not have and no step of the file installs: those calls failed in the original, and runtime %s has %s, so they now run", named(runs), img, p.runtime.Flavor, pronoun(len(runs)))
	}
}

// programFit is how a runtime gets the programs the sources run: covered
// counts those it has or installs, inst those it installs, with line.
type programFit struct {
	r       *Runtime
	covered int
	inst    []string
	line    string
}

// fitOn picks, of cands, the runtime that gets the most of progs: one
// that has them before one that must install some, then the runtime
// already chosen, then the first. A
// program one runtime cannot have does not keep the others from another
// (review round 5, finding F: curl was lost with chmod). A runtime that
// lacks a shell cannot run its package manager.
func (p *plan) fitOn(cands []*Runtime, progs []string) (programFit, error) {
	var best programFit
	for _, r := range cands {
		lack := p.hcMissing(missingTools(r, progs))
		f := programFit{r: r, covered: len(progs) - len(lack)}
		if len(lack) > 0 && !slices.Contains(lack, "sh") && r.HasTool("sh") {
			var can []string
			for _, prog := range lack {
				if slices.Contains(r.Installs, prog) {
					can = append(can, prog)
				}
			}
			if len(can) > 0 {
				line, ok, err := p.installLine(r, can)
				if err != nil {
					return programFit{}, err
				}
				if ok {
					f.inst, f.line, f.covered = can, line, f.covered+len(can)
				}
			}
		}
		same := f.covered == best.covered
		switch {
		case best.r == nil, f.covered > best.covered:
			best = f
		case same && len(f.inst) == 0 && len(best.inst) > 0:
			best = f
		case same && (len(f.inst) == 0) == (len(best.inst) == 0) && r == p.runtime:
			best = f // no gain in leaving the runtime chosen
		}
	}
	return best, nil
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
	var parts []string
	if len(has) > 0 {
		parts = append(parts, strings.Join(has, ", "))
	}
	if b := p.runtime.Base; b != nil {
		parts = append(parts, b.What)
	}
	if len(pkgs) > 0 {
		what := "the packages it installs: "
		if len(parts) == 0 {
			what = "only " + what
		}
		parts = append(parts, what+strings.Join(pkgs, ", "))
	}
	switch len(parts) {
	case 0:
		return " (none: no shell)"
	case 1:
		return " (" + parts[0] + ")"
	}
	last := len(parts) - 1
	return " (" + strings.Join(parts[:last], "; ") + "; and " + parts[last] + ")"
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

// envProgram resolves a call of a name bound to an environment variable
// (review 6, finding I): the program is the value an ENV of the file
// gives it, which the runtime keeps, or the fallback literal when
// neither the file nor the builder image sets it. A value that is no
// literal, one the runtime does not keep, or one the builder image sets
// leaves the call unnamed.
func (f *facts) envProgram(c presets.ProgramCall) presets.ProgramCall {
	fallback := c.Prog
	c.Prog = ""
	var last *envVar
	for i := range f.env {
		if f.env[i].key == c.Env {
			last = &f.env[i]
		}
	}
	_, staticKey := f.preset.Static.Env.Lookup(c.Env)
	switch {
	case last != nil:
		v := strings.Trim(last.raw, `"'`)
		if f.preset.DropsEnv(c.Env) || staticKey || v == "" || strings.ContainsAny(v, "$\\ \t") {
			return c
		}
		c.Prog, c.Expr = v, ""
	case f.preset.Builder.Env.Get(c.Env) != "" || fallback == "":
	default:
		c.Prog, c.Expr = fallback, ""
	}
	return c
}
