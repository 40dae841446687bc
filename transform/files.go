package transform

import (
	"bytes"
	"slices"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
)

// kept reports whether a file artifact reaches the runtime: its name is
// known, and a program that counts only when run (a GOPATH-era go get)
// or a released tool (go install ...@latest) is run by the command, its
// script or the HEALTHCHECK. A tool that only a later RUN uses (swag
// init) stays in the builder.
func (a artifact) kept() bool {
	return a.name != "" && !((a.onlyIfRun || a.tool) && !a.used)
}

// noteToolsLeft says which released tools the build installs stay in
// the builder, since nothing the container runs runs them.
func (p *plan) noteToolsLeft() {
	for _, a := range p.artifacts {
		if a.tool && !a.used && !a.onlyIfRun && a.name != "" && !a.folder {
			p.notes.note(a.in.first, infoToolLeft, "%s, the program of %s, is not copied to the runtime: it is a released tool, which neither CMD, ENTRYPOINT nor HEALTHCHECK runs (only the build uses it)", a.path(), a.pkg)
		}
	}
}

// toolOnly reports whether every artifact a RUN builds is a tool that
// stays in the builder: the static switch is for what the runtime runs.
func (p *plan) toolOnly(in *inst) bool {
	n := 0
	for _, a := range p.artifacts {
		if a.in != in {
			continue
		}
		n++
		if a.folder || a.kept() || !a.tool {
			return false
		}
	}
	return n > 0
}

// usedArtifacts lists what the runtime copies of the artifacts.
func (p *plan) usedArtifacts() []string {
	var out []string
	seen := map[string]bool{}
	var folders []string
	for _, a := range p.artifacts {
		if a.folder {
			folders = append(folders, a.dir)
		}
	}
	for _, a := range p.artifacts {
		if a.folder {
			// A folder inside another copied one (poetry's /app/.venv)
			// comes with it.
			if within(a.dir, folders) {
				continue
			}
			if !seen[a.dir] {
				seen[a.dir] = true
				out = append(out, a.dir)
			}
			continue
		}
		if !a.kept() {
			continue
		}
		if !seen[a.path()] {
			seen[a.path()] = true
			out = append(out, a.path())
		}
	}
	return out
}

// dockerignore returns whether .dockerignore keeps a context path out of
// the build, read the way Docker reads it (moby/patternmatcher: globs, `**`,
// `!` exceptions). A folder counts as ignored only when no exception can
// bring part of it back, since a partly sent folder may still hold what the
// program reads.
func (f *facts) dockerignore() func(name string) bool {
	pm := f.ignoreFile(".dockerignore")
	if pm == nil {
		return func(string) bool { return false }
	}
	return func(name string) bool {
		if ok, err := pm.MatchesOrParentMatches(name); err != nil || !ok {
			return false
		}
		if pm.Exclusions() {
			for _, p := range pm.Patterns() {
				if p.Exclusion() && strings.HasPrefix(p.String(), name+"/") {
					return false
				}
			}
		}
		return true
	}
}

// ignoreFile is the matcher of an ignore file at the context's root
// (.dockerignore, .gitignore), read as Docker reads .dockerignore; nil
// when there is no context, no such file, or one that does not parse.
func (f *facts) ignoreFile(name string) *patternmatcher.PatternMatcher {
	if f.opt.Context == nil {
		return nil
	}
	data, err := readConfig(f.opt.Context, name)
	if err != nil {
		return nil
	}
	patterns, err := ignorefile.ReadAll(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	pm, err := patternmatcher.New(patterns)
	if err != nil {
		return nil
	}
	return pm
}

// planBlocks collects the instructions that move, verbatim, with the
// comments above them.
func (p *plan) planBlocks() {
	f := p.f
	dropped := map[*inst]bool{}
	for _, d := range p.dropped {
		dropped[d] = true
	}
	if f.shellIn != nil && (p.prog.needsShell || p.hcShellForm()) {
		// A kept shell-form command ran under this SHELL, and so did a
		// shell-form HEALTHCHECK: the daemon runs CMD-SHELL with the
		// image's Shell (moby daemon/health.go; review 27, finding D).
		p.blocks = append(p.blocks, p.blockText(f.shellIn))
	}
	for _, in := range f.moved {
		if dropped[in] {
			continue
		}
		text := p.blockText(in)
		switch in.kw {
		case "CMD", "ENTRYPOINT":
			if f.src.fromCompose == "" {
				p.command = append(p.command, text)
			}
		default:
			p.blocks = append(p.blocks, text)
		}
		switch in.kw {
		case "LABEL", "EXPOSE", "VOLUME", "STOPSIGNAL":
			for _, name := range varRefNames(in.node.Original) {
				p.uses = append(p.uses, varUse{name, in.first})
			}
		}
	}
}

// hcShellForm reports whether the runtime gets a shell-form HEALTHCHECK.
func (p *plan) hcShellForm() bool {
	hc := p.f.healthcheck
	if hc == nil || slices.Contains(p.dropped, hc) {
		return false
	}
	c := hc.cmd.(*instructions.HealthCheckCommand)
	return c.Health != nil && len(c.Health.Test) > 0 && c.Health.Test[0] == "CMD-SHELL"
}

// blockText is the verbatim text of a moved instruction with the comment
// lines directly above it, the program rewritten when planned.
func (p *plan) blockText(in *inst) string {
	s := p.f.src
	c := commentStart(s, in)
	body := s.text(in.first, in.end)
	if p.prog != nil && p.prog.holder == in && p.prog.newText != "" {
		lead := body[:len(body)-len(strings.TrimLeft(body, " \t"))]
		body = lead + p.prog.newText + s.eol
	}
	if p.prog != nil && p.prog.cmdIn == in && p.prog.cmdText != "" {
		lead := body[:len(body)-len(strings.TrimLeft(body, " \t"))]
		body = lead + p.prog.cmdText + s.eol
	}
	if !strings.HasSuffix(body, "\n") {
		body += s.eol
	}
	if c < in.first {
		return s.text(c, in.first-1) + body
	}
	return body
}

// commentStart is the first of the comment lines directly above in.
func commentStart(s *source, in *inst) int {
	c := in.first
	for c > 1 && s.isComment(c-1) && !isDirectiveLine(s, c-1) {
		c--
	}
	return c
}

// isDirectiveLine reports whether line n is a parser directive: one of
// the lines at the very top before anything else.
func isDirectiveLine(s *source, n int) bool {
	for i := 1; i <= n; i++ {
		if !isDirective(s.lineText(i)) {
			return false
		}
	}
	return true
}

// within reports whether dir is strictly inside one of folders.
func within(dir string, folders []string) bool {
	for _, d := range folders {
		if d != dir && strings.HasPrefix(dir, d+"/") {
			return true
		}
	}
	return false
}
