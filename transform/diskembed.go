package transform

import (
	"bytes"
	"fmt"
	"path"
	"strings"
)

// diskEmbeds declines a program that imports a library embedding the
// app's files only through its generator, when the context holds none of
// the files the generator writes and no build step runs it (review 30n,
// finding A: pkger with no pkged.go finds its files with the go command
// at run time, and the converted program panicked at start). Converting
// would need the toolchain and the sources in the runtime, which saves
// nothing.
func (p *plan) diskEmbeds() error {
	f := p.f
	ctx := f.opt.Context
	if ctx == nil || p.prog == nil || len(f.preset.DiskEmbeds) == 0 || f.preset.Programs == nil {
		return nil
	}
	embeds := f.preset.DiskEmbeds
	generated := make([]bool, len(embeds))
	at := make([]string, len(embeds))
	for i, d := range embeds {
		generated[i] = p.runsGenerator(d.Generators)
	}
	pr := f.preset.Programs
	walkSources(ctx, pr, pr.SkipHolding, f.dockerignore(), func(name string, data []byte) bool {
		for i, d := range embeds {
			for _, g := range d.Generated {
				if ok, _ := path.Match(g, path.Base(name)); ok {
					generated[i] = true
				}
			}
			if at[i] != "" || generated[i] {
				continue
			}
			code := p.blanked(name, data)()
			if off := d.ImportAt(code); off >= 0 {
				at[i] = fmt.Sprintf("%s:%d", name, 1+bytes.Count(data[:off], []byte("\n")))
			}
		}
		return true
	})
	for i, d := range embeds {
		if at[i] != "" && !generated[i] {
			return declinef(declDiskEmbed, "line %d: %s %s", p.prog.holder.first, at[i], d.Reason)
		}
	}
	return nil
}

// runsGenerator reports whether a build step runs a command one of the
// prefixes names.
func (p *plan) runsGenerator(prefixes []string) bool {
	for _, rs := range p.f.runs {
		for _, c := range splitShell(rs.text).cmds {
			args, _ := c.argv()
			for _, g := range prefixes {
				if hasPrefixWords(args, g) || len(args) > 0 && strings.Contains(args[0].text, "/") && hasPrefixWords(append([]word{{text: path.Base(args[0].text)}}, args[1:]...), g) {
					return true
				}
			}
		}
	}
	return false
}
