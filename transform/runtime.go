package transform

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/restage/restage/shell"
)

// planPackages writes the runtime's installs of the run-time libraries
// that the builder's build packages imply.
func (p *plan) planPackages() error {
	f := p.f
	for i, libs := range f.pkgs {
		if len(libs) == 0 {
			continue
		}
		m := &f.preset.RuntimePackages[i]
		line, err := m.InstallLine(strings.Join(libs, " "))
		if err != nil {
			return declinef(internalRender, "internal error: install template: %v", err)
		}
		p.runs = append(p.runs, line)
		if m.Tool != "" {
			p.pkgTools = append(p.pkgTools, m.Tool)
		}
		p.notes.note(0, infoRuntimePackages, "the runtime installs the system packages the app needs at run time (build-only ones stay in the builder): %s", strings.Join(libs, ", "))
	}
	return nil
}

// decideLibc decides whether the artifacts link a C library, and whether
// the static switch must be set on the build commands.
func (p *plan) decideLibc() {
	f := p.f
	for _, e := range f.env {
		if _, ok := f.preset.Static.Env[e.key]; ok {
			p.staticSet = true
		}
		for _, sig := range f.preset.Static.NeedsLibc {
			if sig.Matches(e.key + "=" + strings.Trim(e.raw, `"'`)) {
				p.libcWhy = append(p.libcWhy, Evidence{Line: e.in.first, What: sig.Why})
			}
		}
	}
	if len(p.libcWhy) == 0 && !p.staticSet {
		// Only now is the build context worth reading: it can only keep
		// the static switch off.
		p.libcWhy = f.contextLibc()
	}
	if len(p.libcWhy) > 0 {
		w := p.libcWhy[0]
		p.notes.note(w.Line, infoLibcKept, "the program links %s (%s): the runtime needs the same C library", f.variant.Libc, w.What)
	}
	if len(p.libcWhy) == 0 && !p.staticSet {
		p.static = true
		line := 0
		for _, a := range p.artifacts {
			line = a.in.first
			break
		}
		for _, k := range sortedKeys(f.preset.Static.Env) {
			p.notes.note(line, infoStaticEnv, "%s=%s is set on the build so the program needs no C library", k, f.preset.Static.Env[k])
		}
	}
}

// checkStaticReach declines a file where the static switch would not
// reach a build command: one run under sudo, which resets the
// environment that a prefix or an ENV line sets, or under an `env -i`
// that other wrappers follow.
func (p *plan) checkStaticReach() error {
	if !p.static {
		return nil
	}
	f := p.f
	for _, r := range f.runs {
		if r.script == nil {
			continue
		}
		var cmds []string
		for _, b := range r.builds {
			if b.bc.Artifact != nil {
				cmds = append(cmds, b.bc.Command)
			}
		}
		for _, cmd := range cmds {
			for _, c := range buildCmds(r.script, []string{cmd}) {
				for i, wi := range c.Wrappers {
					w := c.Words[wi].Text
					if w == "sudo" || w == "env" && i != len(c.Wrappers)-1 && clearsEnv(c, wi) {
						return declinef(declEnvUnreachable, "line %d: `%s` runs under %s, which does not pass the environment on: restage cannot set %s for it (set it after %s on the command yourself, or build without %s)", r.in.first, cmd, w, staticText(f.preset.Static.Env), w, w)
					}
				}
			}
		}
	}
	return nil
}

func staticText(env map[string]string) string {
	var kv []string
	for _, k := range sortedKeys(env) {
		kv = append(kv, k+"="+env[k])
	}
	return strings.Join(kv, " ")
}

// libc is the C library the program needs: none, glibc or musl.
func (p *plan) libc() string {
	if len(p.libcWhy) > 0 || len(p.f.preset.Static.Env) == 0 {
		// Without a way to build static artifacts (the preset has none),
		// what the build made links the builder's C library.
		return p.f.variant.Libc
	}
	// The file sets the switch itself: trust a static value only.
	for k, v := range p.f.preset.Static.Env {
		if got, ok := p.f.envNow[k]; ok && got != v {
			return p.f.variant.Libc
		}
	}
	return "none"
}

func fits(r *Runtime, libc string) bool {
	switch libc {
	case "none":
		return true
	default:
		return r.Libc == libc
	}
}

// chooseRuntime picks the runtime image for the needs the file shows.
func (p *plan) chooseRuntime() error {
	f := p.f
	libc := p.libc()
	need := append(append([]string(nil), p.prog.tools...), p.pkgTools...)
	tools := p.healthcheckTools()
	values := p.values()
	pick := func(flavor string, withTools bool) *Runtime {
		for i := range f.preset.Runtimes {
			r := &f.preset.Runtimes[i]
			if r.Flavor != flavor || !fits(r, libc) || !r.Allows(values) {
				continue
			}
			if len(missingTools(r, need)) > 0 {
				continue
			}
			if withTools && len(missingTools(r, tools)) > 0 {
				continue
			}
			return r
		}
		return nil
	}
	needs := p.needsText(libc, need)
	asked := f.opt.Runtime
	if asked != "" {
		known := false
		for _, r := range f.preset.Runtimes {
			known = known || r.Flavor == asked
		}
		if !known {
			return declinef(declNoSuchRuntime, "the %s preset has no %q runtime", f.preset.Name, asked)
		}
		r := pick(asked, false)
		if r == nil {
			return declinef(declRuntimeCannotRun, "--runtime %s cannot run this program: %s", asked, p.unmet(asked, libc, need, values))
		}
		p.runtime, p.why = r, "asked for with --runtime "+asked+"; "+r.Why
	} else {
		order := append([]string{f.preset.DefaultFlavor}, f.preset.Fallback...)
		for _, fl := range order {
			if r := pick(fl, false); r != nil {
				p.runtime = r
				break
			}
		}
		if p.runtime == nil {
			return declinef(declNoRuntime, "no runtime of the %s preset can run this program: %s", f.preset.Name, needs)
		}
		p.why = p.runtime.Why
		if p.runtime.Flavor != f.preset.DefaultFlavor {
			why := p.unmet(f.preset.DefaultFlavor, libc, need, values)
			p.why = fmt.Sprintf("%s instead of %s: %s; %s", p.runtime.Flavor, f.preset.DefaultFlavor, why, p.runtime.Why)
			p.notes.note(p.prog.holder.first, infoFlavorFallback, "runtime %s instead of %s: %s", p.runtime.Flavor, f.preset.DefaultFlavor, why)
		}
	}
	if miss := missingTools(p.runtime, tools); len(miss) > 0 {
		if f.opt.FitHealthcheck && asked == "" {
			for _, fl := range append([]string{f.preset.DefaultFlavor}, f.preset.Fallback...) {
				if r := pick(fl, true); r != nil {
					if r != p.runtime {
						p.notes.note(f.healthcheck.first, infoFlavorHealth, "runtime %s chosen because HEALTHCHECK runs %s", r.Flavor, strings.Join(miss, ", "))
						p.runtime, p.why = r, fmt.Sprintf("%s: HEALTHCHECK runs %s; %s", r.Flavor, strings.Join(miss, ", "), r.Why)
					}
					break
				}
			}
		}
	}
	img, err := p.runtime.ImageFor(values)
	if err != nil {
		return declinef(internalRender, "internal error: runtime image template: %v", err)
	}
	p.image = mapImage(img, f.opt.ImageMap)
	if miss := missingTools(p.runtime, tools); len(miss) > 0 {
		p.notes.note(f.healthcheck.first, warnHealthcheckTools, "HEALTHCHECK runs %s, which %s does not have: the check will fail (use a check built into the program, or --fit-healthcheck)", strings.Join(miss, ", "), img)
	}
	return nil
}

func (p *plan) needsText(libc string, tools []string) string {
	var parts []string
	switch libc {
	case "none":
		parts = append(parts, "the program is static")
	default:
		parts = append(parts, fmt.Sprintf("the program links %s (%s)", libc, p.libcReason(libc)))
	}
	if len(tools) > 0 {
		parts = append(parts, p.toolsText(tools))
	}
	return strings.Join(parts, ", and ")
}

// toolsText says who needs which tools.
func (p *plan) toolsText(tools []string) string {
	var cmd, pkg []string
	for _, t := range tools {
		if slices.Contains(p.pkgTools, t) && !slices.Contains(p.prog.tools, t) {
			pkg = append(pkg, t)
		} else {
			cmd = append(cmd, t)
		}
	}
	var parts []string
	if len(cmd) > 0 {
		parts = append(parts, fmt.Sprintf("%s on line %d needs %s", p.prog.holder.kw, p.prog.holder.first, strings.Join(cmd, " and ")))
	}
	if len(pkg) > 0 {
		parts = append(parts, fmt.Sprintf("installing the run-time packages needs %s", strings.Join(pkg, " and ")))
	}
	return strings.Join(parts, ", and ")
}

// libcReason says why the program links the C library it does.
func (p *plan) libcReason(libc string) string {
	if len(p.libcWhy) > 0 {
		w := p.libcWhy[0]
		return fmt.Sprintf("%s, line %d", w.What, w.Line)
	}
	return fmt.Sprintf("it was built on a %s builder, %s", libc, p.f.image)
}

// unmet says which need no runtime of a flavor meets.
func (p *plan) unmet(flavor, libc string, tools []string, values map[string]string) string {
	libcOK, whenOK := false, false
	for i := range p.f.preset.Runtimes {
		r := &p.f.preset.Runtimes[i]
		if r.Flavor == flavor && fits(r, libc) {
			libcOK = true
			whenOK = whenOK || r.Allows(values)
		}
	}
	if libcOK && !whenOK {
		return fmt.Sprintf("%s has no image for %s", flavor, p.f.image)
	}
	if !libcOK {
		return fmt.Sprintf("the program links %s (%s)", libc, p.libcReason(libc))
	}
	return p.toolsText(tools) + ", which " + flavor + " does not have"
}

func (p *plan) values() map[string]string {
	v := map[string]string{}
	for k, x := range p.f.variant.Values {
		v[k] = x
	}
	for k, x := range p.f.variant.TagValues(p.f.tag) {
		v[k] = x
	}
	return v
}

func mapImage(img string, m []ImageMapping) string {
	return MapImage(img, m)
}

// healthcheckTools lists the programs the HEALTHCHECK runs that the
// build does not write.
func (p *plan) healthcheckTools() []string {
	hc := p.f.healthcheck
	if hc == nil {
		return nil
	}
	c := hc.cmd.(*instructions.HealthCheckCommand)
	if c.Health == nil || len(c.Health.Test) == 0 || c.Health.Test[0] == "NONE" {
		return nil
	}
	var tools []string
	add := func(w string) {
		if w == "" {
			return
		}
		if _, art := p.resolve(w); art != nil && art.name != "" {
			return
		}
		b := path.Base(w)
		for _, t := range tools {
			if t == b {
				return
			}
		}
		tools = append(tools, b)
	}
	switch c.Health.Test[0] {
	case "CMD-SHELL":
		add("sh")
		for _, sc := range splitShell(strings.Join(c.Health.Test[1:], " ")).cmds {
			if args, _ := sc.argv(); len(args) > 0 && !shell.Builtin(args[0].text) {
				add(args[0].text)
			}
		}
	case "CMD":
		if len(c.Health.Test) > 1 {
			add(c.Health.Test[1])
		}
	}
	return tools
}

func missingTools(r *Runtime, tools []string) []string {
	var miss []string
	for _, t := range tools {
		if !r.HasTool(t) {
			miss = append(miss, t)
		}
	}
	return miss
}
