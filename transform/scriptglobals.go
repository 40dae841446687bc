package transform

import (
	"slices"
	"strings"
)

// scriptGlobals carries the global installs whose programs the scripts
// the command runs by name run (npm run serve, whose script is `serve -s
// dist`), as for the command's own program (RS131): the runner puts the
// dependencies' bin folder before the image's PATH, and the original
// found a program no dependency gives in the global install's bin folder,
// which a fresh runtime image lacks (review 30, finding A). Only the
// runtime that keeps the runner needs this: a script resolved to its
// command is checked as the command.
func (p *plan) scriptGlobals() {
	if len(p.f.globals) == 0 {
		return
	}
	w := &globalWalk{p: p}
	w.cmds(commandCmds(p.prog.holder), nil, 0)
}

// globalWalk follows the scripts a command runs by name, as devWalk
// does, for programs of the file's global installs.
type globalWalk struct {
	p       *plan
	path    []string // the scripts being followed, for the cycle guard
	carried []string // the programs carried already
}

func (w *globalWalk) cmds(cmds []simpleCmd, in *Runner, depth int) {
	for _, c := range cmds {
		args, _ := c.argv()
		w.cmd(args, in, depth)
	}
}

func (w *globalWalk) cmd(args []word, in *Runner, depth int) {
	if len(args) == 0 || args[0].dynamic || depth >= startDevDepth {
		return
	}
	p := w.p
	runners := p.f.preset.Runners
	// The runner's own command (npm start): its script and the hooks.
	for i := range runners {
		r := &runners[i]
		if r.File == "" || r.Key == "" {
			continue
		}
		for _, c := range r.Commands {
			if hasPrefixWords(args, c) {
				for _, k := range append([]string{r.Key}, r.Hooks...) {
					w.script(r, k, depth)
				}
				return
			}
		}
	}
	// A script run by name (npm run serve).
	if sr, n := scriptRunner(runners, args, nil); sr != nil {
		if name, ok := operand(args[n:]); ok {
			for _, k := range sr.NamedKeys(name) {
				w.script(sr, k, depth)
			}
		}
		return
	}
	prog := args[0].text
	if in == nil || strings.Contains(prog, "/") || slices.Contains(w.carried, prog) || p.f.preset.IsInterpreter(prog) || p.listsProgram(in, prog) {
		return
	}
	if p.globalPackageProgram(prog) {
		w.carried = append(w.carried, prog)
	}
}

func (w *globalWalk) script(r *Runner, key string, depth int) {
	id := r.File + "\x00" + key
	if slices.Contains(w.path, id) {
		return
	}
	text, ok, err := w.p.readKey(r, key)
	if err != nil || !ok {
		return
	}
	sl, err := readShell(text)
	if err != nil {
		return
	}
	w.path = append(w.path, id)
	defer func() { w.path = w.path[:len(w.path)-1] }()
	w.cmds(sl.cmds, r, depth+1)
}

// listsProgram says whether the runner's file lists a package that gives
// the program in the keys its bins are installed from: the runner then
// finds it in the dependencies' bin folder before PATH.
func (p *plan) listsProgram(r *Runner, prog string) bool {
	if r.Bins == nil {
		return false
	}
	pkg := prog
	if x, ok := r.Packages.Lookup(prog); ok {
		pkg = x
	}
	for _, k := range r.Bins.Keys {
		if v, ok, err := p.readValue(r, k); ok && err == nil {
			if m, ok := v.(map[string]any); ok && m[pkg] != nil {
				return true
			}
		}
	}
	return false
}
