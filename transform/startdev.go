package transform

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/restage/restage/internal/yaml"
)

// startDevDepth bounds how deep the start path is followed through
// scripts that run scripts (npm run a → npm run b → ...).
const startDevDepth = 8

// startDev follows the start path, what the container runs at start-up,
// for a program of a development dependency: the command the runtime
// runs, the shell script it hands to a shell (and the CMD that script
// runs with exec "$@"), and the scripts of the runner's file these run
// by name (npm start, npm run build, yarn build), followed to what they
// run. Such a program keeps the development dependencies: the prune
// would remove it, and the container would fail at start (tsc: not
// found) or fetch another version of it (npx prisma).
func (p *plan) startDev() {
	if p.keepDev != "" {
		return
	}
	pr := p.prog
	w := &devWalk{p: p}
	var cmds []simpleCmd
	if pr.resolved && pr.exec != nil {
		cmds = []simpleCmd{execCmd(pr.exec)}
	} else {
		cmds = commandCmds(pr.holder)
	}
	why := w.cmds(cmds, pr.holder.kw, nil, 0, true)
	if why == "" && pr.scriptFile != "" {
		why = w.cmds(p.scriptCmds, fmt.Sprintf("%s, the %s's script,", pr.scriptFile, pr.holder.kw), nil, 0, false)
	}
	// The CMD a wrapper in the ENTRYPOINT runs (tini --, a script
	// ending in exec "$@": review 23n, finding C) is the command, which
	// the ENTRYPOINT's words alone do not hold.
	if why == "" && (p.scriptRunsCmd || pr.cmdIn != nil && len(pr.wrap) > 0 && !pr.resolved) && p.f.cmd != nil {
		why = w.cmds(commandCmds(p.f.cmd), p.f.cmd.kw, nil, 0, false)
	}
	if why == "" {
		why = p.devImports()
	}
	// A compose command runs in the image too (review 17, found while
	// fixing B: `command: npm run startdev` whose script ends in nodemon,
	// a development dependency a prune would remove under it).
	for i := 0; why == "" && i < len(p.composeUses); i++ {
		u := &p.composeUses[i]
		why = w.cmds(u.cmds, fmt.Sprintf("the `%s:` of %s (service %s)", u.c.key, u.c.at, u.service), nil, 0, false)
		if why == "" && u.script != "" {
			why = w.cmds(u.scriptCmds, fmt.Sprintf("%s, the script of the `%s:` of %s (service %s),", u.script, u.c.key, u.c.at, u.service), nil, 0, false)
		}
	}
	if why == "" {
		if why = p.pruneOff(); why != "" {
			p.keepDevCode, p.keepDevLine = infoPruneUnsupported, p.f.pruneTarget().in.first
		}
	}
	p.keepDev = why
}

// pruneOff says why the prune the install would get is unsafe where it
// runs, or "": a file the preset names (pnpm-workspace.yaml) in the
// install's folder or a folder above it, where the package manager looks
// for it (review 23, finding D: pnpm prune --prod at a pnpm workspace's
// root, which pnpm does not support and 9.5 and later run to empty
// node_modules).
func (p *plan) pruneOff() string {
	i := p.f.pruneTarget()
	if i == nil {
		return ""
	}
	for _, o := range i.bc.PruneOff {
		if o.Run != "" {
			re := regexp.MustCompile(o.Run)
			for _, r := range p.f.runs {
				if r.in.first > i.in.first {
					break
				}
				if re.MatchString(r.text) {
					return o.Why
				}
			}
			continue
		}
		for dir := i.cwd; ; dir = path.Dir(dir) {
			if text, _, ok := p.f.contextFileAt(path.Join(dir, o.File)); ok && (o.Key == "" || keyMatches(text, o.Key, o.Match)) {
				return strings.NewReplacer("{file}", o.File, "{dir}", dir).Replace(o.Why)
			}
			if dir == "/" || dir == "." || dir == "" {
				break
			}
		}
	}
	return ""
}

// keyMatches reports whether the JSON or YAML text has a string at key
// that the regexp match matches; a text that does not decode may hold
// it, and counts.
func keyMatches(text, key, match string) bool {
	var doc map[string]any
	if yaml.Unmarshal([]byte(text), &doc) != nil {
		return true
	}
	v, ok := doc[key].(string)
	return ok && regexp.MustCompile(match).MatchString(v)
}

// devImports says which of the app's own sources in the build context
// loads a package that the runner's file lists only under its dev key
// (import client from 'prom-client' with prom-client in
// devDependencies), or "". The original image had every dependency; a
// prune would remove the module and the program would stop at start.
// The read has the bounds of the search for cgo.
func (p *plan) devImports() string {
	ctx := p.f.opt.Context
	if ctx == nil || p.f.preset.DevDeps == nil || p.f.preset.DevDeps.Imports == nil {
		return ""
	}
	im := p.f.preset.DevDeps.Imports
	// The file that lists the dependencies is in the folder of the
	// install a prune would follow.
	dir := p.f.workdir
	for _, i := range p.f.installs {
		if !i.prodOnly && i.bc.Prune != "" {
			dir = i.cwd
		}
	}
	var r *Runner
	unread := ""
	for i := range p.f.preset.Runners {
		if x := &p.f.preset.Runners[i]; x.DevKey != "" && x.File != "" {
			_, ok, err := p.readValueIn(dir, x, x.DevKey)
			if err == nil {
				if ok {
					r = x
				}
				unread = ""
				break
			}
			unread = x.File
		}
	}
	if r == nil {
		if unread != "" && len(p.f.installs) > 0 {
			// Neither the start script nor the dev key can be read:
			// nothing shows that a prune leaves what the start needs
			// (review 5, finding C).
			p.keepDevCode = infoDevKeptUnread
			return fmt.Sprintf("%s cannot be read from the build context, so what the start runs and what the app loads cannot be told", unread)
		}
		return ""
	}
	dev, _, _ := p.readValueIn(dir, r, r.DevKey)
	devs, _ := dev.(map[string]any)
	if len(devs) == 0 {
		return ""
	}
	kept := func(name string) bool {
		for _, k := range im.Keys {
			if v, ok, _ := p.readValueIn(dir, r, k); ok {
				if m, ok := v.(map[string]any); ok && m[name] != nil {
					return true
				}
			}
		}
		return false
	}
	// A source file a RUN runs (node scripts/copy-assets.js) is a step
	// of the build, not the program: what it loads the build needs.
	built := map[string]bool{}
	for _, run := range p.f.runs {
		for _, w := range strings.Fields(run.text) {
			built[path.Clean(strings.Trim(w, `"'`))] = true
		}
	}
	// The app's sources are those beside the file the image gets: COPY
	// app/ . brings app/package.json and the sources under app/, not the
	// rest of the context (a front end, the repository's tools).
	root := path.Dir(p.jsonFrom[path.Join(dir, r.File)])
	why := ""
	visit := func(name string, data []byte) bool {
		rel := name
		if root != "." {
			rel = strings.TrimPrefix(name, root+"/")
		}
		if built[rel] {
			return true
		}
		for _, l := range commentsOut(data, p.blanked(name, data), im.Loads) {
			if devs[l.Name] == nil || im.Ignored(l.Name) || kept(l.Name) {
				continue
			}
			line := 1 + bytes.Count(data[:l.Offset], []byte("\n"))
			why = fmt.Sprintf("%s:%d loads %s, which %s lists in %s only", name, line, l.Name, r.File, r.DevKey)
			return false
		}
		return true
	}
	// Only what the start command reaches, when that can be told: a
	// release script that imports a development dependency is no reason.
	// The reach is followed from the context's root, so an app copied
	// from a subfolder reads every source beside its file instead.
	p.visitAppSources(root, root == ".", im, visit)
	return why
}

// devWalk follows scripts for programs of development dependencies.
type devWalk struct {
	p    *plan
	path []string // the scripts being followed, for the cycle guard
}

// cmds says why one of the commands needs a development dependency, or
// "". ctx names what runs them ("CMD", "the build script"); in is the
// runner whose script they are, nil outside one: a script's bare
// programs are the dependencies' (npm puts node_modules/.bin on its
// PATH). top is set for the container's own command, whose runner
// command (npm start) the note need not repeat.
func (w *devWalk) cmds(cmds []simpleCmd, ctx string, in *Runner, depth int, top bool) string {
	for _, c := range cmds {
		args, _ := c.argv()
		if why := w.cmd(args, ctx, in, depth, top); why != "" {
			return why
		}
	}
	return ""
}

func (w *devWalk) cmd(args []word, ctx string, in *Runner, depth int, top bool) string {
	if len(args) == 0 || args[0].dynamic {
		return ""
	}
	p := w.p
	text := strings.Join(wordTexts(args), " ")
	runs := func(why string) string {
		if why == "" || top {
			return why
		}
		return fmt.Sprintf("%s runs `%s`, and %s", ctx, text, why)
	}
	found := func(r *Runner, prog, pkg string, named bool) string {
		if named {
			return fmt.Sprintf("%s runs %s, from %s, which %s lists in %s", ctx, prog, pkg, r.File, r.DevKey)
		}
		return fmt.Sprintf("%s runs %s (`%s`), from %s, which %s lists in %s", ctx, prog, text, pkg, r.File, r.DevKey)
	}
	runners := p.f.preset.Runners
	// The runner's own command (npm start): its script and the hooks
	// around it.
	for i := range runners {
		r := &runners[i]
		if r.DevKey == "" || r.File == "" || r.Key == "" {
			continue
		}
		for _, c := range r.Commands {
			if !hasPrefixWords(args, c) {
				continue
			}
			for _, k := range append([]string{r.Key}, r.Hooks...) {
				if why := w.script(r, k, depth); why != "" {
					return runs(why)
				}
			}
			return ""
		}
	}
	// A dependency's program (npx prisma).
	for i := range runners {
		r := &runners[i]
		for _, c := range r.Programs {
			if !hasPrefixWords(args, c) {
				continue
			}
			name, ok := operand(args[len(strings.Fields(c)):])
			if !ok {
				return ""
			}
			if at := strings.LastIndex(name, "@"); at > 0 {
				name = name[:at] // prisma@5: the version follows the last @ that is not the first character
			}
			if pkg, ok := p.devPackage(r, name); ok {
				return found(r, name, pkg, false)
			}
			return ""
		}
	}
	// A script run by name (npm run build, yarn build).
	if sr, n := scriptRunner(runners, args, nil); sr != nil {
		rest := args[n:]
		if len(rest) > 0 && rest[0].dynamic {
			return fmt.Sprintf("%s runs `%s`, a script only known at run time, which may use development dependencies", ctx, text)
		}
		name, ok := operand(rest)
		if !ok {
			return ""
		}
		if _, defined, err := p.readKey(sr, sr.ScriptsKey+"."+name); err == nil && defined {
			// The script and the hooks the runner runs around it.
			for _, k := range sr.NamedKeys(name) {
				if why := w.script(sr, k, depth); why != "" {
					return runs(why)
				}
			}
			return ""
		}
		if pkg, ok := p.devPackage(sr, name); ok {
			return found(sr, name, pkg, false)
		}
		return ""
	}
	// A program run from the dependencies' bin folder
	// (./node_modules/.bin/sequelize), or by name in a script.
	prog := args[0].text
	if d := p.f.preset.DevDeps; d != nil {
		for _, dir := range d.BinDirs {
			if !strings.Contains("/"+prog, "/"+strings.Trim(dir, "/")+"/") {
				continue
			}
			r := in
			if r == nil {
				r = p.devRunner()
			}
			if r == nil {
				return ""
			}
			if pkg, ok := p.devPackage(r, path.Base(prog)); ok {
				return found(r, path.Base(prog), pkg, false)
			}
			return ""
		}
	}
	if in != nil && !strings.Contains(prog, "/") {
		if pkg, ok := p.devPackage(in, prog); ok {
			return found(in, prog, pkg, true)
		}
	}
	// One found through the file's own PATH in the dependencies' folder
	// (ENV PATH /app/node_modules/.bin:$PATH; review 11, finding A).
	if in == nil {
		if r, _, ok := p.depBinOnPath(prog); ok {
			if pkg, ok := p.devPackage(r, prog); ok {
				return found(r, prog, pkg, false)
			}
		}
	}
	return ""
}

// script follows a script of the runner's file: why what it runs needs
// a development dependency, or "".
func (w *devWalk) script(r *Runner, key string, depth int) string {
	name := key
	if r.ScriptsKey != "" {
		name = strings.TrimPrefix(key, r.ScriptsKey+".")
	} else if i := strings.LastIndex(key, "."); i >= 0 {
		name = key[i+1:]
	}
	ctx := fmt.Sprintf("the %s script", name)
	id := r.File + "\x00" + key
	if slices.Contains(w.path, id) {
		return "" // a script that runs itself runs nothing new
	}
	text, ok, err := w.p.readKey(r, key)
	if err != nil || !ok {
		return ""
	}
	if depth >= startDevDepth {
		return fmt.Sprintf("%s runs scripts more than %d deep, which restage does not follow and which may use development dependencies", ctx, startDevDepth)
	}
	sl, perr := readShell(text)
	if perr != nil {
		return fmt.Sprintf("%s, `%s`, is not one the shell reader can read, and may use development dependencies", ctx, text)
	}
	w.path = append(w.path, id)
	defer func() { w.path = w.path[:len(w.path)-1] }()
	return w.cmds(sl.cmds, ctx, r, depth+1, false)
}

// operand is the first word that is not an option (npx --yes prisma):
// false when there is none or it is only known at run time.
func operand(args []word) (string, bool) {
	for _, a := range args {
		if a.text == "--" || strings.HasPrefix(a.text, "-") {
			continue
		}
		if a.dynamic {
			return "", false
		}
		return a.text, true
	}
	return "", false
}

// devRunner is the first runner whose file lists development
// dependencies.
func (p *plan) devRunner() *Runner {
	for i := range p.f.preset.Runners {
		if r := &p.f.preset.Runners[i]; r.DevKey != "" && r.File != "" {
			return r
		}
	}
	return nil
}

// devPackage is the package a program comes from (the runner's packages
// map, else its own name) when the runner's file lists it under DevKey.
func (p *plan) devPackage(r *Runner, program string) (string, bool) {
	if r.DevKey == "" {
		return "", false
	}
	pkg := program
	if x, ok := r.Packages.Lookup(program); ok {
		pkg = x
	}
	deps, _, err := p.readValue(r, r.DevKey)
	if m, ok := deps.(map[string]any); err != nil || !ok || m[pkg] == nil {
		return "", false
	}
	return pkg, true
}
