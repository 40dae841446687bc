package transform

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/restage/restage/shell"
)

// A compose service that builds this Dockerfile and sets command: or
// entrypoint: runs that instead of the image's CMD (or ENTRYPOINT) when
// the app is deployed with compose (review 14, finding E: `command: sh -c
// "sleep 5 && ./bot"` on a runtime with no shell; review 15, finding A:
// `command: uv run uvicorn ...` on a runtime with no uv). restage does
// not edit the compose file, so the runtime must run that command as it
// is: its programs count for the runtime choice as the CMD's do, and a
// runner the conversion leaves out of the CMD declines the file.

// composeUse is one such command and what it needs of the runtime.
type composeUse struct {
	c       *composeCmd
	service string
	tools   []string // programs the runtime must have: the shell of sh -c, a system program
	// runner is the program of a runner's command it starts (uv of uv
	// run), runCmd that command.
	runner, runCmd string
	// cmds are the simple commands it runs: the words, and those of the
	// string sh -c runs.
	cmds []simpleCmd
	// script is the shell script of the build context that cmds run
	// (command: ./wait-for), scriptCmds its simple commands.
	script     string
	scriptCmds []simpleCmd
	// scriptTools are the tools the script's commands that surely run
	// need (in tools too); lacked those of them no runtime has beside
	// the rest, which warn instead of declining (composeLacks).
	scriptTools, lacked []string
}

// shown names the command and what it replaces, for notes and declines.
func (u *composeUse) shown() string {
	what := "the image's CMD"
	if u.c.key == "entrypoint" {
		what = "the image's ENTRYPOINT and CMD"
	}
	return fmt.Sprintf("%s (service %s) sets `%s: %s`, which compose runs instead of %s", u.c.at, u.service, u.c.key, u.c.shown, what)
}

// composeCommands reads the commands compose runs instead of the image's.
// A service's entrypoint: replaces the image's ENTRYPOINT and drops its
// CMD (its own command: then follows it); a command: alone replaces the
// CMD, and is only arguments when the image has an ENTRYPOINT, which is
// not read here. A service is read only when it names this Dockerfile:
// with the Dockerfile's name unknown (stdin), a service building another
// file of the context's root could decline this one.
func (p *plan) composeCommands() {
	f := p.f
	imageEntry := f.entrypoint != nil && len(cmdLine(f.entrypoint).CmdLine) > 0
	for _, s := range f.composeSvcs {
		if !s.known {
			continue
		}
		var c *composeCmd
		var words []string
		switch {
		case s.entrypoint != nil:
			c, words = s.entrypoint, s.entrypoint.words
			if s.command != nil {
				if !s.command.ok {
					continue
				}
				words = slices.Concat(words, s.command.words)
				if s.entrypoint.ok && len(s.entrypoint.words) == 0 {
					c = s.command // `entrypoint: []`: the command runs alone
				}
			}
		case s.command != nil && !imageEntry:
			c, words = s.command, s.command.words
		default:
			continue
		}
		if !c.ok || len(words) == 0 {
			continue // unknown, or the image's own command runs
		}
		u := composeUse{c: c, service: s.name, cmds: []simpleCmd{execCmd(words)}}
		if k := shell.CommandArg(words); k > 0 && shell.IsShell(path.Base(words[0])) && !strings.Contains(words[0], composeVar) {
			// sh -c "...": the shell, then each simple command's program.
			u.tools = append(u.tools, path.Base(words[0]))
			u.cmds = splitShell(words[k]).cmds
			for _, sc := range u.cmds {
				if args, _ := sc.argv(); len(args) > 0 && !args[0].dynamic {
					p.composeProgram(&u, args)
				}
			}
		} else {
			ws := make([]word, len(words))
			for i, w := range words {
				ws[i] = word{text: w}
			}
			p.composeProgram(&u, ws)
		}
		p.composeScript(&u)
		p.composeUses = append(p.composeUses, u)
	}
}

// composeScript reads the shell script of the build context that a
// compose command runs (command: ./wait-for, sh start.sh) as a CMD's
// script is read (review 19, finding F: the script's npm run start-dev
// ran nodemon, which the prune removed): the shell that runs it and
// what its commands outside a condition or loop run count for the
// runtime as the command's own words do, and all its commands are
// followed by the development-dependency walk (startDev).
func (p *plan) composeScript(u *composeUse) {
	f := p.f
	for _, c := range u.cmds {
		args, _ := c.argv()
		if len(args) == 0 || strings.Contains(args[0].text, composeVar) {
			continue
		}
		abs, sc := f.scriptRun(args)
		if sc == nil {
			continue
		}
		if sh := scriptShell(args, f); sh != "" {
			u.tools = appendNew(u.tools, sh)
		}
		u.script = abs
		for _, sub := range sc.Cmds {
			a, _ := (simpleCmd{sub}).argv()
			if len(a) == 0 {
				continue
			}
			u.scriptCmds = append(u.scriptCmds, simpleCmd{sub})
			// A command under an if, a loop or a case may not run
			// (hades's `shutdown -h now` only for `./wait-for test`): it
			// is followed for development dependencies, whose keeping
			// costs size only, but what it needs does not decline the
			// file, whose own start converts.
			// The condition of a top-level loop or if runs as surely as
			// a command outside one (until nc -z db 5432; do ...).
			if sub.Nested && !sub.Cond || a[0].dynamic || shell.Builtin(a[0].text) || slices.Contains(sc.Funcs, a[0].text) {
				continue
			}
			before := len(u.tools)
			p.composeProgram(u, a)
			u.scriptTools = append(u.scriptTools, u.tools[before:]...)
		}
		return // a command runs one script; the first is read
	}
}

// scriptShell is the shell that runs the script args run: the #! line's
// (#!/bin/sh, #!/usr/bin/env bash) for a script run by its path; none
// when a shell is the command's own program (sh start.sh), which the
// command's words count already.
func scriptShell(args []word, f *facts) string {
	if shell.ScriptArg(wordTexts(args)) > 0 {
		return ""
	}
	text, _, ok := f.contextFileAt(f.abs(args[0].text))
	if !ok {
		return ""
	}
	fields := shebangFields(text)
	if len(fields) == 0 {
		return ""
	}
	return path.Base(fields[0])
}

// composeProgram records what running args needs of the runtime: the
// runner it starts, the preset's interpreters (every runtime has them),
// a shell, or what a CMD's later command needs (toolNeed).
func (p *plan) composeProgram(u *composeUse, args []word) {
	f := p.f
	if strings.Contains(args[0].text, composeVar) {
		return // named by a variable compose fills
	}
	if r, runCmd, _ := f.runnerOf(args, f.workdir); r != nil {
		if u.runner == "" {
			u.runner, u.runCmd = path.Base(strings.Fields(runCmd)[0]), runCmd
		}
		return
	}
	prog := args[0].text
	switch {
	case f.preset.IsInterpreter(path.Base(prog)):
	case shell.IsShell(path.Base(prog)):
		u.tools = appendNew(u.tools, path.Base(prog))
	default:
		if t := p.toolNeed(prog, nil); t != "" {
			u.tools = appendNew(u.tools, t)
		}
	}
}

// composeTools are the programs the compose commands need, each once.
func (p *plan) composeTools() []string {
	var out []string
	for _, u := range p.composeUses {
		for _, t := range u.tools {
			out = appendNew(out, t)
		}
	}
	return out
}

// composeNeedsTool is the first compose command that needs t, or nil.
func (p *plan) composeNeedsTool(t string) *composeUse {
	for i := range p.composeUses {
		if slices.Contains(p.composeUses[i].tools, t) {
			return &p.composeUses[i]
		}
	}
	return nil
}

// composeLacks declines when the compose commands need programs that no
// runtime the conversion may use has, though the image's own command
// would run on one: fits says whether a runtime fits the programs need.
func (p *plan) composeLacks(asked string, plain []string, fits func(need []string) bool) error {
	if len(p.composeUses) == 0 || !fits(plain) {
		return nil // the file's own needs decide, as before
	}
	for i := range p.composeUses {
		u := &p.composeUses[i]
		if len(u.tools) == 0 || fits(slices.Concat(plain, p.hcMissing(u.tools))) {
			continue
		}
		// A program of the script's own lines that no runtime has beside
		// the rest (nc in a wait-for script) leaves the image's start
		// convertible: the runtime is chosen for the rest, and a warning
		// names the program the compose deployment needs (warnComposeLacked).
		if len(u.scriptTools) > 0 {
			base := slices.DeleteFunc(slices.Clone(u.tools), func(t string) bool { return slices.Contains(u.scriptTools, t) })
			if fits(slices.Concat(plain, p.hcMissing(base))) {
				for _, t := range u.scriptTools {
					if fits(slices.Concat(plain, p.hcMissing(append(slices.Clone(base), t)))) {
						base = append(base, t)
					} else {
						u.lacked = append(u.lacked, t)
					}
				}
				u.tools = base
				continue
			}
		}
		needs := "needs " + strings.Join(u.tools, " and ")
		if asked != "" {
			return declinef(declComposeNeeds, "line %d: %s and which %s, which --runtime %s does not have: the container would not start under compose, and restage does not edit the compose file (give the service a command the runtime can run, or ask for a runtime that has %s)", p.prog.holder.first, u.shown(), needs, asked, strings.Join(u.tools, " and "))
		}
		all := ""
		if len(u.tools) > 1 {
			all = " together"
		}
		return declinef(declComposeNeeds, "line %d: %s and which %s, which no runtime of the %s preset has%s: the container would not start under compose, and restage does not edit the compose file (give the service a command the runtime can run)", p.prog.holder.first, u.shown(), needs, p.f.preset.Name, all)
	}
	return nil
}

// checkComposeRunners declines a compose command that starts a runner
// (uv run, npm start) whose program the chosen runtime does not have: the
// conversion left it out of the CMD (or resolved its script), and the
// compose file still runs it.
func (p *plan) checkComposeRunners() error {
	for i := range p.composeUses {
		u := &p.composeUses[i]
		if u.runner == "" || p.runtime.HasTool(u.runner) || slices.Contains(p.installed, u.runner) {
			continue
		}
		if _, art := p.resolve(u.runner); art != nil && art.name != "" {
			continue
		}
		// Say what the conversion did with the same runner in the CMD.
		cmdText := strings.Join(cmdLine(p.prog.holder).CmdLine, " ")
		how := "the builder's copy of it stays in the builder"
		switch {
		case p.stripped && strings.Contains(cmdText, u.runCmd):
			how = fmt.Sprintf("the conversion leaves `%s` out of the CMD", u.runCmd)
		case p.prog.resolved && strings.Contains(cmdText, u.runCmd):
			how = fmt.Sprintf("the converted CMD runs the script of `%s` directly", u.runCmd)
		}
		return declinef(declComposeRunner, "line %d: %s: it runs %s, which the runtime %s does not have (%s), so the container would not start under compose, and restage does not edit the compose file (change the service's command to what the converted CMD runs, or remove it)", p.prog.holder.first, u.shown(), u.runner, p.image, how)
	}
	return nil
}

// warnComposeLacked warns of the programs a compose command's script runs
// that no runtime has beside the rest (composeLacks): the conversion is
// kept, and under compose the script fails where it runs them.
func (p *plan) warnComposeLacked() {
	for i := range p.composeUses {
		if u := &p.composeUses[i]; len(u.lacked) > 0 {
			progs := strings.Join(u.lacked, " and ")
			p.notes.note(p.prog.holder.first, warnComposeLacked, "%s; its script %s runs %s, which no runtime of the %s preset has beside what the rest of the command needs, and the runtime %s does not: under compose the script fails where it runs %s, and restage does not edit the compose file (install %s in the runtime stage, or give the service a command the runtime can run)", u.shown(), u.script, progs, p.f.preset.Name, p.image, progs, progs)
		}
	}
}
