package transform

import (
	"fmt"
	"slices"
	"strings"
)

// scriptDecline says why the script a runner command runs is declined
// (the preset's run_command declines), or "": args is a runner's own
// command (npm start, whose script is the runner's key, and the hooks
// around it) or one that runs a script by name (npm run x, yarn x,
// pnpm x, and its hooks prex and postx). Every simple command of the script counts, after &&, || and
// ;, and a command of it that runs another script is followed the same
// way, up to startDevDepth scripts deep. seen holds the scripts being
// followed, so that a script that runs itself ends the walk.
func (p *plan) scriptDecline(args []word, seen []string) string {
	if len(args) == 0 || args[0].dynamic || len(seen) >= startDevDepth {
		return ""
	}
	r, runCmd, _, keys := p.scriptKeys(args)
	if r == nil {
		return ""
	}
	f := p.f
	for _, key := range keys {
		id := r.File + "\x00" + key
		if slices.Contains(seen, id) {
			continue
		}
		text, ok, err := p.readKey(r, key)
		if err != nil || !ok {
			continue
		}
		sl, err := readShell(text)
		if err != nil {
			continue // unread: the runner keeps it, as for a script not resolved
		}
		for _, c := range sl.cmds {
			a, _ := c.argv()
			for _, d := range f.preset.Decline {
				if d.RunCommand != "" && p.runsDeclined(a, d.RunCommand) {
					return fmt.Sprintf("%s runs `%s`: %s", runCmd, text, d.Reason)
				}
			}
		}
		for _, c := range sl.cmds {
			a, _ := c.argv()
			if why := p.scriptDecline(a, append(slices.Clip(seen), id)); why != "" {
				return fmt.Sprintf("%s runs `%s`, and %s", runCmd, text, why)
			}
		}
	}
	return ""
}

// scriptKeys finds the runner whose script args run: its own command
// (npm start: its key and hooks) or a script run by name (npm run x:
// the script x, the longest command prefix that matches, so that `yarn
// run x` is not `yarn` run). runCmd is the command as a note shows it,
// main the script's own key among keys.
func (p *plan) scriptKeys(args []word) (r *Runner, runCmd, main string, keys []string) {
	runners := p.f.preset.Runners
	for i := range runners {
		x := &runners[i]
		if x.File == "" || x.Key == "" {
			continue
		}
		for _, c := range x.Commands {
			if hasPrefixWords(args, c) {
				return x, c, x.Key, append([]string{x.Key}, x.Hooks...)
			}
		}
	}
	r, n := scriptRunner(runners, args, func(x *Runner) bool { return x.File != "" && x.ScriptsKey != "" })
	if r == nil {
		return nil, "", "", nil
	}
	name, ok := operand(args[n:])
	if !ok {
		return nil, "", "", nil
	}
	return r, strings.Join(wordTexts(args[:n]), " ") + " " + name, r.ScriptsKey + "." + name, r.NamedKeys(name)
}

// scriptRunner finds the runner among those use accepts whose command
// runs a script by name in args (npm run x, yarn x), and how many words
// that command has: the longest prefix that matches, so that `yarn run
// x` is not `yarn` run.
func scriptRunner(runners []Runner, args []word, use func(*Runner) bool) (*Runner, int) {
	var r *Runner
	n := 0
	for i := range runners {
		x := &runners[i]
		if use != nil && !use(x) {
			continue
		}
		for _, c := range x.Scripts {
			if k := len(strings.Fields(c)); k > n && hasPrefixWords(args, c) {
				r, n = x, k
			}
		}
	}
	return r, n
}

// runsDeclined is facts.runsDeclined for a plan, which can read the
// runner's file: a declined command that runs a script by name (npm run
// dev) stands for what such a script usually runs, so it decides only
// when the script's text cannot be read. When it is read, what it runs
// decides (scriptDecline follows it): `npm run serve` running `node
// dist/index.js` is no development server (review 26, finding C).
func (p *plan) runsDeclined(args []word, command string) bool {
	if !p.f.runsDeclined(args, command) {
		return false
	}
	if r, _ := scriptRunner(p.f.preset.Runners, literalWords(command), nil); r == nil {
		return true
	}
	return !p.scriptRead(args)
}

// scriptRead reports whether the script a command runs by name (npm run
// x, yarn x, npm start) has a text in the runner's file.
func (p *plan) scriptRead(args []word) bool {
	r, _, main, _ := p.scriptKeys(args)
	if r == nil {
		return false
	}
	_, ok, err := p.readKey(r, main)
	return err == nil && ok
}

// literalWords splits a preset's command into words.
func literalWords(s string) []word {
	var out []word
	for _, x := range strings.Fields(s) {
		out = append(out, word{text: x})
	}
	return out
}
