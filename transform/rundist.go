package transform

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/restage/restage/presets"
)

// distRunner replaces a runner that runs the app through the build tool
// (gradle run) by the start script of the distribution task the preset
// names (installDist), which the builder runs after the build: the same
// main class, default JVM arguments and working folder, when the
// project's files say so (runners[].dist). Anything that may make the
// two differ, or leaves what runs unknown, declines.
func (p *plan) distRunner(r *Runner, runCmd string, extra []word) error {
	f, pr := p.f, p.prog
	holder := pr.holder
	rd := r.Dist
	cwd := p.progDir()
	decline := func(why string) error {
		return declinef(declRunnerDist, "line %d: %s runs `%s`, the app through %s, which restage replaces by the start script of %s only when that runs the same: %s", holder.first, holder.kw, runCmd, rd.Tool, rd.Task, why)
	}
	if pr.needsShell {
		return decline("the command is part of a longer shell command line")
	}
	// The build tool's options go to the task; --args are the app's.
	var opts, args []string
	for i := 0; i < len(extra); i++ {
		w := extra[i]
		if w.dynamic {
			return decline(fmt.Sprintf("`%s` is expanded at run time", w.text))
		}
		name, value, eq := strings.Cut(w.text, "=")
		if why, ok := rd.DeclineFlags.Lookup(name); ok {
			return decline(fmt.Sprintf("%s %s", name, why))
		}
		switch {
		case name == rd.Args && rd.Args != "":
			if !eq {
				if i+1 >= len(extra) || extra[i+1].dynamic {
					return decline(fmt.Sprintf("the value of %s cannot be read", rd.Args))
				}
				i++
				value = extra[i].text
			}
			if strings.ContainsAny(value, `'"\`) {
				return decline(fmt.Sprintf("the value of %s has quotes, which the build tool splits by its own rules", rd.Args))
			}
			args = append(args, strings.Fields(value)...)
		case strings.HasPrefix(w.text, "-"):
			opts = append(opts, w.text)
			if slices.Contains(rd.ValueFlags, w.text) && i+1 < len(extra) {
				i++
				opts = append(opts, extra[i].text)
			}
		default:
			return decline(fmt.Sprintf("`%s` follows the task, another task or a value restage does not read", w.text))
		}
	}
	dist, task, sep := p.runnerDistLayout(rd.Task)
	if dist == nil {
		return decline("the preset has no build command with that task")
	}
	var step *runStep
	for i := range f.runs {
		for _, b := range f.runs[i].builds {
			if b.cwd == cwd && b.bc.Dist.TaskOf(rd.Task) != nil {
				step = &f.runs[i]
			}
		}
	}
	if step == nil {
		return decline(fmt.Sprintf("no build step runs the build tool in %s, the project's folder", cwd))
	}
	if f.opt.Context == nil {
		return decline("there is no build context to read the project's build files from")
	}
	required := false
	for _, m := range rd.Requires {
		if text, _, ok := f.contextFileAt(path.Join(cwd, m.File)); ok && m.Says([]byte(text)) {
			required = true
			break
		}
	}
	unresolved := ""
	for i := 0; i < len(rd.RequiresNamed) && !required; i++ {
		m := &rd.RequiresNamed[i]
		text, from, ok := f.contextFileAt(path.Join(cwd, m.File))
		if !ok {
			continue
		}
		found, name, bound := m.Resolve([]byte(text))
		switch {
		case bound:
			required = true
		case found != "" && unresolved == "":
			r := strings.NewReplacer("{file}", from, "{found}", strings.TrimSpace(found), "{name}", name)
			unresolved = r.Replace(rd.RequiresNamedWhy)
		}
	}
	if !required {
		if unresolved != "" {
			return decline(unresolved)
		}
		return decline(rd.RequiresWhy)
	}
	for _, m := range rd.Declines {
		if text, from, ok := f.contextFileAt(path.Join(cwd, m.File)); ok && (&presets.FileMatch{File: m.File, Pattern: m.Pattern}).Says([]byte(text)) {
			return decline(from + ": " + m.Why)
		}
	}
	for _, e := range f.env {
		if slices.Contains(dist.Env, e.key) {
			return decline(fmt.Sprintf("ENV %s (line %d) went to %s's own JVM, and the start script passes it to the app's", e.key, e.in.first, rd.Tool))
		}
	}
	tool := strings.Fields(runCmd)
	added := strings.Join(append(append(tool[:len(tool)-1:len(tool)-1], rd.Task), opts...), " ")
	d := distUse{in: step.in, shown: strings.Join(append(tool[:len(tool)-1:len(tool)-1], rd.Task), " "), dist: dist, task: task, root: cwd, project: cwd, rootProject: true, sep: sep}
	name, err := p.distName(&d)
	if err != nil {
		return err
	}
	dir := path.Join(cwd, strings.ReplaceAll(task.Dir, "{name}", name))
	abs := path.Join(dir, strings.ReplaceAll(dist.Script, "{name}", name))
	pr.exec = append([]string{abs}, args...)
	pr.word, pr.resolved, pr.needsShell, pr.tools = abs, true, false, nil
	if len(pr.wrap) > 0 {
		// The init wrapper stays in front of the new command.
		pr.tools = []string{path.Base(pr.wrap[0])}
	}
	if ok, err := p.distRuns(&d, -1, abs); err != nil || !ok {
		if err == nil {
			err = decline("the start script's folder cannot be told")
		}
		return err
	}
	p.distRun, p.distRunCwd = added, cwd
	p.notes.note(holder.first, infoRunnerDist, "`%s` runs the app through %s: the builder runs `%s` after the build, and the runtime runs its start script %s instead; %s", runCmd, rd.Tool, added, abs, rd.Why)
	return nil
}

// runnerDistLayout finds the distribution layout of the build command
// that has the task as a folder task.
func (p *plan) runnerDistLayout(task string) (*presets.Dist, *presets.DistTask, string) {
	for i := range p.f.preset.Build {
		b := &p.f.preset.Build[i]
		if t := b.Dist.TaskOf(task); t != nil && t.Dir != "" {
			return b.Dist, t, b.TaskSep
		}
	}
	return nil, nil, ""
}
