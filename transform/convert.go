package transform

import (
	"errors"
	"sort"
	"strings"

	"github.com/restage/restage/internal/textutil"
)

// Convert rewrites a single-stage Dockerfile into a multi-stage one.
// A parse error is returned as *Error; every other outcome is a Result,
// and a Result that is not Declined has passed every check in check.go.
//
// The phases run in order and each one only reads what the earlier ones
// made: analyse returns the facts, which nothing changes afterwards;
// makePlan returns the plan, which decides everything else and makes the
// notes; render writes the plan as edits on the source; check re-reads
// the output.
func Convert(src []byte, opt Options) (*Result, error) {
	s, err := parseInput(src)
	if err != nil {
		return nil, err
	}
	if opt.Context != nil {
		opt.Context = newContextFS(opt.Context)
	}
	presets := opt.Presets
	if presets == nil {
		if presets, err = builtinPresets(); err != nil {
			return nil, err
		}
	}
	res := &Result{Output: src}
	f, err := analyse(s, opt, presets)
	if err != nil {
		return declined(res, err)
	}
	res.Preset = f.preset.Name
	res.Evidence = f.evidence
	res.BuilderImage = f.image
	pre, err := prepassOf(f)
	if err != nil {
		return declined(res, err)
	}
	text := src
	if pre != nil {
		text = applyEdits(src, []Edit{pre.edit})
		if s, err = parseInput(text); err != nil {
			return declined(res, &decline{internalRender, "internal error: the rewritten command does not parse: " + err.Error()})
		}
		s.fromCompose = pre.fromCompose
		if f, err = analyse(s, opt, presets); err != nil {
			return declined(res, err)
		}
	}
	ns := &notes{}
	p, err := makePlan(f, ns)
	if err != nil {
		var d *decline
		if pre != nil && errors.As(err, &d) {
			d.reason = pre.text(d.reason)
		}
		return declined(res, err)
	}
	stage, err := renderStage(s, p)
	if err != nil {
		return declined(res, &decline{internalRender, "internal error: " + err.Error()})
	}
	edits := buildEdits(s, p, stage)
	out := applyEdits(text, edits)
	if err := check(out, p); err != nil {
		return declined(res, &decline{internalCheck, "internal error: the result failed a check (" + err.Error() + "); please report this file"})
	}
	res.Output = out
	res.Changed = true
	res.Notes = ns.result()
	res.Edits = edits
	if pre != nil {
		res.Edits = pre.edits(text, edits)
		res.Notes = append([]Note{pre.note}, res.Notes...)
		for i := range res.Notes {
			res.Notes[i].Line = pre.line(res.Notes[i].Line)
			res.Notes[i].Message = pre.text(res.Notes[i].Message)
		}
		sort.SliceStable(res.Notes, func(i, j int) bool { return res.Notes[i].Line < res.Notes[j].Line })
	}
	res.BuilderStage = p.stage
	res.Runtime = p.image
	res.RuntimeFlavor = p.runtime.Flavor
	res.RuntimeWhy = p.why
	res.Artifacts = p.copies
	res.Moves = p.moves()
	if pre != nil {
		res.Moves = pre.moves(res.Moves)
	}
	res.Size = p.size()
	return res, nil
}

func declined(res *Result, err error) (*Result, error) {
	var d *decline
	if !errors.As(err, &d) {
		return nil, err
	}
	res.Declined = textutil.OneLine(d.reason)
	res.DeclineCode = d.code
	// Notes describe a rewrite; a declined file has none.
	res.Changed = false
	res.Edits = nil
	return res, nil
}

// moves says where each instruction of the input went, for explain.
func (p *plan) moves() []Move {
	f := p.f
	dropped := map[*inst]bool{}
	for _, d := range p.dropped {
		dropped[d] = true
	}
	moved := map[*inst]bool{}
	for _, m := range f.moved {
		moved[m] = true
	}
	var out []Move
	for _, in := range f.src.nodes {
		m := Move{Line: in.first, Instruction: in.kw, To: "builder"}
		switch {
		case dropped[in] && p.dropWhys[in] != "":
			m.To, m.Why = "dropped", p.dropWhys[in]
		case dropped[in]:
			m.To, m.Why = "dropped", "overridden by a later "+in.kw
		case moved[in]:
			m.To, m.Why = "runtime", "run-time setting"
		case in.kw == "FROM":
			m.Why = "the original image becomes the builder stage " + p.stage
		case in.kw == "ENV" && p.envKept(in):
			m.To, m.Why = "both", "build and run-time variables"
		case in.kw == "WORKDIR" && p.workdir != "":
			m.To, m.Why = "both", "the program's working folder"
		case in.kw == "USER":
			m.To, m.Why = "both", "runtime user: "+p.userText()
		case in.kw == "ARG" && p.argKept(in):
			m.To, m.Why = "both", "used by the runtime stage"
		case in.kw == "RUN":
			m.Why = "build step"
		case in.kw == "COPY" || in.kw == "ADD":
			m.Why = "build input"
		}
		out = append(out, m)
	}
	return out
}

func (p *plan) userText() string {
	if p.user == "" && p.keepsRoot {
		return "root (the image's own)"
	}
	if p.user == "" {
		return p.runtime.User + " (the image's own)"
	}
	return p.user
}

func (p *plan) envKept(in *inst) bool {
	for _, e := range p.f.env {
		if e.in == in {
			for _, kv := range p.env {
				if strings.HasPrefix(kv, e.key+"=") || strings.HasPrefix(kv, e.key+" ") {
					return true
				}
			}
		}
	}
	return false
}

func (p *plan) argKept(in *inst) bool {
	for _, a := range p.f.stageArgs {
		if a.in == in {
			for _, d := range p.args {
				if d == a.decl {
					return true
				}
			}
		}
	}
	return false
}

// size estimates the image sizes from the preset's figures.
func (p *plan) size() *Size {
	sz := p.f.preset.Sizes
	before := 0.0
	for _, b := range sz.Builder {
		if b.Tag == "" || strings.Contains(p.f.tag, b.Tag) {
			before = b.MB
			break
		}
	}
	if before == 0 {
		return nil
	}
	if p.sameImage() && p.runtime.SizeMB > 0 {
		// The runtime's own figure is the builder's: the preset's builder
		// figures are for a tag family, the runtime's for this image.
		before = p.runtime.SizeMB
	}
	return &Size{Before: before + sz.ArtifactMB, After: p.runtime.SizeMB + sz.ArtifactMB}
}
