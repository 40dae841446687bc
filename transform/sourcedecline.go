package transform

import (
	"bytes"
	"path"
	"strings"

	"github.com/restage/restage/presets"
)

// sourceDeclines declines a program that is a development server by the
// way its own code starts it (review 28, finding A: a custom server's
// next({ dev }) with dev true unless NODE_ENV is production, in an image
// that never sets it): the preset's decline rules with a source pattern,
// over the app's sources as the dev dependencies' import scan reads them.
// A rule whose unless_env the start sets is off.
func (p *plan) sourceDeclines() error {
	ctx, f := p.f.opt.Context, p.f
	if ctx == nil || p.prog == nil || f.preset.DevDeps == nil || f.preset.DevDeps.Imports == nil {
		return nil
	}
	var rules []presets.DeclineRule
	// byCompose are the rules that only the compose services building
	// this file turn off, with where they set the variables: the image
	// run without compose still starts what the rule declines.
	byCompose := map[int]string{}
	for _, d := range f.preset.Decline {
		if d.Source == "" {
			continue
		}
		ok, by := p.startSets(d.UnlessEnv)
		if !ok {
			rules = append(rules, d)
		} else if by != "" {
			byCompose[len(rules)] = by
			rules = append(rules, d)
		}
	}
	if len(rules) == 0 {
		return nil
	}
	im := f.preset.DevDeps.Imports
	var err error
	warned := map[int]bool{}
	visit := func(name string, data []byte) bool {
		code := p.blanked(name, data)()
		for i, d := range rules {
			at := d.SourceAt(code)
			if at < 0 {
				continue
			}
			line := 1 + bytes.Count(data[:at], []byte("\n"))
			if by, ok := byCompose[i]; ok {
				if !warned[i] {
					warned[i] = true
					p.notes.note(p.prog.holder.first, warnEnvComposeOnly, "%s, which the image does not: run without it (docker run), %s:%d %s", by, name, line, d.Reason)
				}
				continue
			}
			err = declinef(declPresetCommand, "line %d: %s:%d %s", p.prog.holder.first, name, line, d.Reason)
			return false
		}
		return true
	}
	p.visitAppSources(p.appRoot(), true, im, visit)
	return err
}

// visitAppSources calls visit with each source the start command reaches,
// when reach is asked for and that can be told, or else with every
// source under root, as the dev dependencies' import scan reads them,
// until visit returns false.
func (p *plan) visitAppSources(root string, reach bool, im *presets.DevImports, visit func(name string, data []byte) bool) {
	ctx := p.f.opt.Context
	if reached, ok := p.reachedSources(im); ok && reach {
		for _, name := range reached {
			if !im.Reads(name) {
				continue
			}
			data, _, _ := readHead(ctx, name, libcScanPerFile)
			if !visit(name, data) {
				return
			}
		}
		return
	}
	walkSourcesIn(ctx, root, im, nil, p.f.dockerignore(), visit)
}

// startSets reports whether the container's start sets every variable
// of env to its value: an ENV of the image, or a NAME=value word (an
// assignment, cross-env's argument) in the CMD, the ENTRYPOINT or a
// script of the runner's file, which the start may run; or the
// environment: of every compose service that builds this file, which
// runs it so. by says where compose sets those the image does not
// (compose.yaml:7 (service web) sets NODE_ENV=production), empty when
// the image sets them all. An empty env is never set.
func (p *plan) startSets(env presets.Dict[string]) (ok bool, by string) {
	if env.Len() == 0 {
		return false, ""
	}
	f := p.f
	var texts []string
	for _, in := range []*inst{f.cmd, f.entrypoint} {
		if in != nil {
			texts = append(texts, f.src.text(in.first, in.end))
		}
	}
	for i := range f.preset.Runners {
		r := &f.preset.Runners[i]
		if r.File == "" || r.ScriptsKey == "" {
			continue
		}
		if v, ok, _ := p.readValue(r, r.ScriptsKey); ok {
			if m, ok := v.(map[string]any); ok {
				for _, s := range m {
					if s, ok := s.(string); ok {
						texts = append(texts, s)
					}
				}
			}
		}
	}
	for k, v := range env.All() {
		if f.envNow[k] == v {
			continue
		}
		set := false
		for _, t := range texts {
			for _, w := range strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(" \t\n\"',[]&;|()", r) }) {
				if w == k+"="+v {
					set = true
				}
			}
		}
		if set {
			continue
		}
		at, ok := composeSets(f.composeSvcs, k, v)
		if !ok {
			return false, ""
		}
		if by != "" {
			by += "; "
		}
		by += at + " sets " + k + "=" + v
	}
	return true, by
}

// composeSets reports whether every one of svcs (at least one) sets the
// variable k to v in its environment:, and where, each entry with its
// service (compose.yaml:7 (service web)).
func composeSets(svcs []*composeService, k, v string) (string, bool) {
	var at []string
	for _, s := range svcs {
		e, ok := s.env[k]
		if !ok || e.shell || e.value != v {
			return "", false
		}
		at = append(at, e.at+" (service "+s.name+")")
	}
	return strings.Join(at, ", "), len(at) > 0
}

// appRoot is the folder of the context whose sources are the app's: the
// one holding the runner's file the image gets (COPY app/ . brings
// app/package.json and the sources under app/), else the context's root.
func (p *plan) appRoot() string {
	dir := p.f.workdir
	for _, i := range p.f.installs {
		if !i.prodOnly && i.bc.Prune != "" {
			dir = i.cwd
		}
	}
	for i := range p.f.preset.Runners {
		if r := &p.f.preset.Runners[i]; r.File != "" {
			if from, ok := p.jsonFrom[path.Join(dir, r.File)]; ok {
				return path.Dir(from)
			}
		}
	}
	return "."
}
