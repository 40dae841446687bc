package transform

import (
	"path"
	"slices"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/restage/restage/shell"
)

// planEnv carries the run-time variables into the runtime stage.
func (p *plan) planEnv() error {
	f := p.f
	kept := map[string]bool{}
	dropped := map[string]bool{}
	reads := p.startReads()
	for _, e := range f.env {
		_, staticKey := f.preset.Static.Env.Lookup(e.key)
		if (f.preset.DropsEnv(e.key) && !p.pathOfApp(e) && !slices.Contains(p.distEnv, e.key) && !p.readAtStart(e.key, reads)) || staticKey {
			dropped[e.key] = true
			continue
		}
		raw := e.raw
		for _, m := range varRefs(raw) {
			name := raw[m[2]:m[3]]
			if m[0] > 0 && raw[m[0]-1] == '\\' {
				continue
			}
			switch {
			case kept[name] || p.isStageArg(name):
			case p.runtimeHas(name) && !dropped[name]:
			case dropped[name] || f.preset.Builder.Env.Get(name) != "":
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
		if secretName(e.key) && strings.Trim(raw, `"'`) != "" {
			// The key only: the value is never shown in a note.
			p.notes.note(e.in.first, warnSecretEnv, "ENV %s is carried into the runtime image as it was, and its name looks like a secret (BuildKit's SecretsUsedInArgOrEnv): anyone who can pull the image can read its value; give it at run time instead (docker run -e %s)", e.key, e.key)
		}
		for _, name := range varRefNames(raw) {
			p.uses = append(p.uses, varUse{name, e.in.first})
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
				p.optionsEnv = append(p.optionsEnv, optionWord{text: strings.Trim(e.raw, `"'`)})
			}
		}
	}
	if len(p.optionsEnv) > 0 && f.preset.OptionsEnv != "" {
		k := f.preset.OptionsEnv
		var texts, dollars []string
		for _, o := range p.optionsEnv {
			texts = append(texts, o.text)
			if o.literal && strings.Contains(o.text, "$") {
				dollars = append(dollars, o.text)
			}
		}
		val := strings.Join(texts, " ")
		p.notes.note(p.prog.holder.first, infoOptionsEnv, "the interpreter options %s go to %s, which the runtime's interpreter reads itself", val, k)
		if kept[k] {
			p.notes.note(p.prog.holder.first, warnOptionsEnvSet, "%s is also set by the file; check that it holds %s", k, val)
		} else {
			p.env = append(p.env, k+"="+optionsEnvValue(p.optionsEnv))
			kept[k] = true
			for _, d := range dollars {
				p.notes.note(p.prog.holder.first, infoOptionDollar, "the $ in %s is escaped in %s: the exec-form command passed it to the interpreter as written, and Docker would expand it in an ENV at build time", d, k)
			}
		}
	}
	// Only what a set-up restage inserted needs (the venv it made), or
	// what a runner taken out of the command set (uv run activates the
	// file's own environment): the runtime gets no setting the original
	// did not have.
	var extra []string
	if f.prepared != nil {
		extra = f.prepared.RuntimeEnv
	} else if p.stripped && len(f.ownEnvs) > 0 {
		d := f.ownEnvs[0]
		extra = []string{"VIRTUAL_ENV=" + d, `PATH="` + path.Join(d, "bin") + `:$PATH"`}
	}
	if err := p.loginDropsPath(extra); err != nil {
		return err
	}
	p.composePath(extra)
	for _, kv := range extra {
		k, _, _ := strings.Cut(kv, "=")
		if !kept[k] {
			p.env = append(p.env, kv)
			kept[k] = true
		}
	}
	return nil
}

// readAtStart says whether the runtime's start reads the variable name,
// which drop_env lists as the build's: then its ENV is the run's too,
// and is carried with its value (review 23, finding C: JAVA_OPTS under a
// kept `sh -c "java $JAVA_OPTS -jar ..."`). A variable the runtime
// image sets itself (PATH, JAVA_HOME) is read with the runtime's value,
// which the builder's would break.
func (p *plan) readAtStart(name string, reads map[string]bool) bool {
	return reads[name] && !p.runtimeHas(name)
}

// startReads are the variables that what starts in the runtime expands
// when it runs: the text of a CMD, ENTRYPOINT or HEALTHCHECK that a shell
// runs (shell form, CMD-SHELL, an exec-form `sh -c` string), as the
// runtime has it, and the start script the command runs. An exec-form
// command restage rewrote no longer expands anything, and the option
// variables it took out of a shell-form command (moved to the options
// variable, with RS308) are not read either.
func (p *plan) startReads() map[string]bool {
	f, pr := p.f, p.prog
	reads := map[string]bool{}
	add := func(text string) {
		for _, n := range varRefNames(text) {
			reads[n] = true
		}
	}
	for _, in := range []*inst{f.entrypoint, f.cmd} {
		if in == nil || slices.Contains(p.dropped, in) {
			continue
		}
		switch {
		case pr != nil && in == pr.holder && pr.newText != "":
			if pr.needsShell {
				add(pr.newText)
			}
			continue
		case pr != nil && in == pr.cmdIn && pr.cmdText != "":
			continue
		}
		line := cmdLine(in)
		if line == nil || len(line.CmdLine) == 0 {
			continue
		}
		if line.PrependShell {
			add(strings.Join(line.CmdLine, " "))
		} else if k := shell.CommandArg(line.CmdLine); k > 0 {
			add(line.CmdLine[k])
		}
	}
	if hc := f.healthcheck; hc != nil && !slices.Contains(p.dropped, hc) {
		if c, ok := hc.cmd.(*instructions.HealthCheckCommand); ok && c.Health != nil && len(c.Health.Test) > 1 {
			switch t := c.Health.Test; {
			case t[0] == "CMD-SHELL":
				add(strings.Join(t[1:], " "))
			case t[0] == "CMD":
				if k := shell.CommandArg(t[1:]); k > 0 {
					add(t[1+k])
				}
			}
		}
	}
	for _, v := range p.optionVars {
		delete(reads, v)
	}
	if pr != nil && pr.scriptFile != "" {
		if text, _, ok := f.contextFileAt(pr.scriptFile); ok {
			add(text)
		}
	}
	return reads
}

// pathOfApp says whether an ENV PATH the preset drops as the builder's
// puts on PATH the folder where the install writes the dependencies'
// programs (a runner's bins.dir) inside a folder the runtime gets: that
// PATH is the app's, and the runtime keeps it, so that what the app or its
// command runs by name from there is still found (review 11, finding A).
func (p *plan) pathOfApp(e envVar) bool {
	f := p.f
	if e.key != "PATH" {
		return false
	}
	v := strings.Trim(e.raw, `"`)
	for _, d := range strings.Split(v, ":") {
		if !path.IsAbs(d) || strings.Contains(d, "$") {
			continue
		}
		d = path.Clean(d)
		for i := range f.preset.Runners {
			r := f.preset.Runners[i].Bins
			if r == nil || !strings.HasSuffix(d, "/"+path.Clean(r.Dir)) || !p.inFolder(d) {
				continue
			}
			p.notes.note(e.in.first, infoAppPathKept, "ENV PATH is kept in the runtime: it puts %s, where the install writes the dependencies' programs in the app folder the runtime gets, on PATH", d)
			return true
		}
	}
	return false
}

// substituteBuilderVars replaces references to variables that only the
// builder has (its image's env, dropped ENV) with their values.
func (p *plan) substituteBuilderVars(raw string, dropped map[string]bool) string {
	f := p.f
	return replacePlainRefs(raw, func(ref, name string) string {
		if (!dropped[name] && f.preset.Builder.Env.Get(name) == "") || p.isStageArg(name) || p.runtimeHas(name) {
			return ref
		}
		return f.envNow[name]
	})
}

// optionsEnvValue is the ENV value of the options, quoted as envQuote
// does, with every $ of a literal option escaped so that the variable
// holds the text the interpreter got before.
func optionsEnvValue(opts []optionWord) string {
	var texts []string
	for _, o := range opts {
		texts = append(texts, o.text)
	}
	q := envQuote(strings.Join(texts, " "))
	if !strings.HasPrefix(q, `"`) {
		return q
	}
	esc := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	lit := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`)
	for i, o := range opts {
		if o.literal {
			texts[i] = lit.Replace(o.text)
		} else {
			texts[i] = esc.Replace(o.text)
		}
	}
	return `"` + strings.Join(texts, " ") + `"`
}

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
// A build argument whose name looks like a secret is never declared
// there: its value would be readable in the runtime image (its history,
// and the ENV that takes it). Since dropping it would change what the
// runtime gets, the file is declined instead.
func (p *plan) planArgs() error {
	seen := map[string]bool{}
	for _, u := range p.uses {
		if seen[u.name] {
			continue
		}
		for _, a := range p.f.stageArgs {
			if a.name == u.name && !seen[u.name] {
				if secretName(a.name) {
					// The name only: the default's value is never shown.
					return declinef(declSecretArg, "line %d: the runtime stage would need the build argument %s, whose name looks like a secret (BuildKit's SecretsUsedInArgOrEnv): restage never declares it there; give the value at run time (docker run -e %s) or to the build as a secret (RUN --mount=type=secret)", u.line, a.name, a.name)
				}
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
	return nil
}

// pathDir is one folder of PATH and the line of the ENV that added it
// (0 for one restage adds).
type pathDir struct {
	dir  string
	line int
}

// composePath follows PATH through the stage as the builder sees it: the
// file's ENV lines, and the PATH of extra at the point restage inserts
// it (before the install for a venv it makes, last for what a runner
// set). When restage adds to a PATH the file also sets, the runtime gets
// the builder's final PATH instead of the file's line alone, so that
// every folder keeps its place ahead of the runtime image's PATH. A value
// with another variable leaves the file's lines as they are.
func (p *plan) composePath(extra []string) {
	f := p.f
	var added string
	for _, kv := range extra {
		if k, v, _ := strings.Cut(kv, "="); k == "PATH" {
			added = v
		}
	}
	adds := added != ""
	addAt := 1 << 30 // after every ENV: a runner's activation
	if f.prepared != nil {
		addAt = f.prepareAt.first
	}
	cur := []pathDir{{dir: "$PATH"}}
	apply := func(raw string, line int) bool {
		v := raw
		if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			v = v[1 : len(v)-1]
		}
		if strings.ContainsAny(v, "\"'`") {
			return false
		}
		var next []pathDir
		for _, d := range strings.Split(v, ":") {
			switch {
			case d == "$PATH" || d == "${PATH}":
				next = append(next, cur...)
			case d == "" || strings.Contains(d, "$"):
				return false
			default:
				next = append(next, pathDir{dir: d, line: line})
			}
		}
		cur = next
		return true
	}
	filePath := false
	for _, e := range f.env {
		if e.key != "PATH" {
			continue
		}
		if added != "" && e.in.first > addAt {
			if !apply(added, 0) {
				return
			}
			added = ""
		}
		filePath = true
		if !apply(e.raw, e.in.first) {
			return
		}
	}
	if added != "" && !apply(added, 0) {
		return
	}
	seen := map[string]bool{}
	p.pathDirs = nil
	for _, d := range cur {
		if !seen[d.dir] {
			seen[d.dir] = true
			p.pathDirs = append(p.pathDirs, d)
		}
	}
	if !filePath || !adds {
		return
	}
	// Replace the file's PATH lines with the builder's final PATH, where
	// the last of them was.
	dirs := make([]string, len(p.pathDirs))
	for i, d := range p.pathDirs {
		dirs[i] = d.dir
	}
	composed := `PATH="` + strings.Join(dirs, ":") + `"`
	last := -1
	for i, kv := range p.env {
		if strings.HasPrefix(kv, "PATH=") || strings.HasPrefix(kv, "PATH ") {
			last = i
		}
	}
	var env []string
	for i, kv := range p.env {
		switch {
		case i == last:
			env = append(env, composed)
		case strings.HasPrefix(kv, "PATH=") || strings.HasPrefix(kv, "PATH "):
		default:
			env = append(env, kv)
		}
	}
	p.env = env
}

// notePathAndTools warns about what the runtime's PATH or environment gets
// wrong: a PATH folder nothing copies, and a build tool installed into an
// environment the runtime copies whole.
func (p *plan) notePathAndTools() {
	f := p.f
	system := map[string]bool{}
	for _, d := range strings.Split(f.preset.Builder.Env.Get("PATH"), ":") {
		system[d] = true
	}
	copied := func(dir string) bool {
		for _, c := range p.copies {
			if dir == c || strings.HasPrefix(dir, c+"/") {
				return true
			}
		}
		return false
	}
	for _, d := range p.pathDirs {
		if d.line == 0 || system[d.dir] || copied(d.dir) {
			continue
		}
		p.notes.note(d.line, warnPathNotCopied, "PATH names %s, which the runtime does not get: programs found there in the builder are missing at run time", d.dir)
	}
	for _, t := range f.toolUses {
		env := ""
		if f.prepareAt != nil && f.prepareAt.first <= t.in.first {
			env = f.prepared.Copy[0]
		} else {
			// The first folder on PATH that is some copied folder's
			// bin/, ahead of the image's own: pip there installs into it.
			for _, d := range strings.Split(t.path, ":") {
				if system[d] {
					break
				}
				if path.Base(d) == "bin" && copied(path.Dir(d)) {
					env = path.Dir(d)
					break
				}
			}
		}
		var shipped []string
		for _, n := range t.names {
			if t.prepare == nil || !slices.Contains(t.prepare.Has, n) {
				shipped = append(shipped, n)
			}
		}
		if env == "" || len(shipped) == 0 {
			continue
		}
		p.notes.note(t.in.first, warnToolShipped, "%s is installed into %s, which the runtime copies whole, so the build tool ships with the app; install it before the environment is made to keep it in the builder", strings.Join(shipped, ", "), env)
	}
}

// loginDropsPath declines a command that starts a login shell when the
// runtime needs a folder on PATH the original did not have (review 32,
// finding A): the shell's profile sets PATH anew, so what it runs would
// miss the environment restage inserted, while the original's install
// went into the very programs the profile's PATH finds.
func (p *plan) loginDropsPath(extra []string) error {
	pr := p.prog
	if pr == nil || pr.login == "" {
		return nil
	}
	for _, kv := range extra {
		k, v, _ := strings.Cut(kv, "=")
		if k != "PATH" {
			continue
		}
		dir, _, _ := strings.Cut(strings.Trim(v, `"`), ":")
		return declinef(declLoginShellPath, "%s, a login shell: it reads the image's /etc/profile, which on Debian's and Alpine's images sets PATH anew, so the programs it runs would miss %s, the environment restage puts on PATH for the install, and find the image's own interpreter, without the packages that the original installed into that very interpreter; drop the login option, or make the environment in the file", pr.login, dir)
	}
	return nil
}
