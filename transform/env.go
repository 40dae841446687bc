package transform

import (
	"regexp"
	"strings"
)

// planEnv carries the run-time variables into the runtime stage.
func (p *plan) planEnv() error {
	f := p.f
	kept := map[string]bool{}
	dropped := map[string]bool{}
	for _, e := range f.env {
		_, staticKey := f.preset.Static.Env[e.key]
		if f.preset.DropsEnv(e.key) || staticKey {
			dropped[e.key] = true
			continue
		}
		raw := e.raw
		for _, m := range varRef.FindAllStringSubmatchIndex(raw, -1) {
			name := raw[m[2]:m[3]]
			if m[0] > 0 && raw[m[0]-1] == '\\' {
				continue
			}
			switch {
			case kept[name] || p.isStageArg(name):
			case p.runtimeHas(name) && !dropped[name]:
			case dropped[name] || f.preset.Builder.Env[name] != "":
				if strings.HasPrefix(raw[m[0]:], "${"+name+":") {
					return declinef(declEnvModifier, "line %d: cannot carry %s to the runtime: it uses %s with a modifier", e.in.first, e.key, name)
				}
			default:
				p.allowed[name] = true
			}
		}
		raw = p.substituteBuilderVars(raw, dropped)
		if e.legacy {
			p.env = append(p.env, legacyEnv(e.key, raw))
		} else {
			p.env = append(p.env, e.key+"="+raw)
		}
		kept[e.key] = true
		for _, m := range varRef.FindAllStringSubmatch(raw, -1) {
			p.uses = append(p.uses, varUse{m[1], e.in.first})
		}
	}
	warned := map[string]bool{}
	for _, v := range p.optionVars {
		if !warned[v] {
			// The command no longer expands it, so a value set at run time
			// (docker run -e) is lost: the one change here a user sees.
			warned[v] = true
			p.notes.note(p.prog.holder.first, warnOptionsVarUnread, "%s is no longer read: the runtime's command does not expand it, so a value given at run time (docker run -e %s=...) is ignored; give such options as %s instead", v, v, f.preset.OptionsEnv)
		}
		for _, e := range f.env {
			if e.key == v {
				p.optionsEnv = append(p.optionsEnv, strings.Trim(e.raw, `"'`))
			}
		}
	}
	if len(p.optionsEnv) > 0 && f.preset.OptionsEnv != "" {
		k := f.preset.OptionsEnv
		val := strings.Join(p.optionsEnv, " ")
		p.notes.note(p.prog.holder.first, infoOptionsEnv, "the interpreter options %s go to %s, which the runtime's interpreter reads itself", val, k)
		if kept[k] {
			p.notes.note(p.prog.holder.first, warnOptionsEnvSet, "%s is also set by the file; check that it holds %s", k, val)
		} else {
			p.env = append(p.env, k+"="+envQuote(val))
			kept[k] = true
		}
	}
	// Only what a set-up restage inserted needs (the venv it made): the
	// runtime gets no setting the original did not have.
	var extra []string
	if f.prepared != nil {
		extra = f.prepared.RuntimeEnv
	}
	for _, kv := range extra {
		k, _, _ := strings.Cut(kv, "=")
		if !kept[k] {
			p.env = append(p.env, kv)
			kept[k] = true
		}
	}
	return nil
}

// substituteBuilderVars replaces references to variables that only the
// builder has (its image's env, dropped ENV) with their values.
func (p *plan) substituteBuilderVars(raw string, dropped map[string]bool) string {
	f := p.f
	return plainRef.ReplaceAllStringFunc(raw, func(ref string) string {
		m := plainRef.FindStringSubmatch(ref)
		name := m[1] + m[2]
		if (!dropped[name] && f.preset.Builder.Env[name] == "") || p.isStageArg(name) || p.runtimeHas(name) {
			return ref
		}
		return f.envNow[name]
	})
}

var plainRef = regexp.MustCompile(`\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))`)

// envQuote quotes an ENV value when it has blanks.
func envQuote(v string) string {
	if !strings.ContainsAny(v, " \t\"'\\$") {
		return v
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

// legacyEnv writes a legacy `ENV K value words` in the key=value form
// when quoting keeps the value the same; otherwise in the legacy form.
func legacyEnv(key, raw string) string {
	switch {
	case strings.ContainsAny(raw, "\"'`\\"):
		return key + " " + raw
	case strings.ContainsAny(raw, " \t"):
		return key + "=\"" + raw + "\""
	default:
		return key + "=" + raw
	}
}

// runtimeHas reports whether the runtime image sets the variable itself.
func (p *plan) runtimeHas(name string) bool {
	for _, e := range p.runtime.Env {
		if e == name {
			return true
		}
	}
	return false
}

func (p *plan) isStageArg(name string) bool {
	for _, a := range p.f.stageArgs {
		if a.name == name {
			return true
		}
	}
	return false
}

// planArgs re-declares the stage ARGs the runtime stage uses.
func (p *plan) planArgs() {
	seen := map[string]bool{}
	for _, u := range p.uses {
		if seen[u.name] {
			continue
		}
		for _, a := range p.f.stageArgs {
			if a.name == u.name && !seen[u.name] {
				seen[u.name] = true
			}
		}
	}
	for _, a := range p.f.stageArgs {
		if seen[a.name] {
			p.args = append(p.args, a.decl)
			delete(seen, a.name)
		}
	}
}
