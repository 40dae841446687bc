package transform

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

// check verifies a result before Convert returns it: it parses, it has
// exactly two stages, every COPY --from names a stage, and every variable
// the runtime stage expands is declared there or comes from the runtime
// image.
//
// It does not convert the output again: with two stages, that always
// declines in analysis (already multi-stage) before anything else is
// looked at, so such a check could never fail. That restage -w twice
// leaves the file alone is tested in invariants_test.go instead.
func check(out []byte, p *plan) error {
	s, err := parseSource(out)
	if err != nil {
		return fmt.Errorf("the output does not parse: %v", err)
	}
	if len(s.stages) != 2 {
		return fmt.Errorf("the output has %d stages, want 2", len(s.stages))
	}
	for i, st := range s.stages {
		for _, c := range st.Commands {
			cp, ok := c.(*instructions.CopyCommand)
			if !ok || cp.From == "" {
				continue
			}
			if n, err := strconv.Atoi(cp.From); err == nil {
				if n < 0 || n >= i {
					return fmt.Errorf("COPY --from=%s names no earlier stage", cp.From)
				}
				continue
			}
			if j, ok := instructions.HasStage(s.stages, cp.From); ok {
				if j >= i {
					return fmt.Errorf("COPY --from=%s names a later stage", cp.From)
				}
				continue
			}
			if i == 1 || !strings.ContainsAny(cp.From, ":/@") {
				return fmt.Errorf("COPY --from=%s names no stage", cp.From)
			}
		}
	}
	return checkVars(s, p)
}

// checkVars looks at the variables BuildKit expands in the runtime stage.
// A variable must be declared there, come from the runtime image, or be
// one the original stage also expanded without declaring it: BuildKit
// gave that one the empty value in the original, and gives it the same in
// the runtime stage (undefined in, undefined out). A variable the original
// declared (ARG, ENV, its image) and the runtime stage does not is a real
// difference, and fails.
func checkVars(s *source, p *plan) error {
	declared := map[string]bool{}
	for _, e := range p.runtime.Env {
		declared[e] = true
	}
	allowed := undeclaredInOriginal(p.f)
	for k := range p.allowed {
		allowed[k] = true
	}
	inRuntime := false
	for _, in := range s.nodes {
		if in.kw == "FROM" {
			inRuntime = in.cmd == &s.stages[1]
			continue
		}
		if !inRuntime {
			continue
		}
		switch c := in.cmd.(type) {
		case *instructions.ArgCommand:
			for _, kv := range c.Args {
				declared[kv.Key] = true
			}
			continue
		case *instructions.EnvCommand:
			for _, kv := range c.Env {
				if err := uses(kv.Value, declared, allowed, in); err != nil {
					return err
				}
				declared[kv.Key] = true
			}
			continue
		}
		if shellExpanded(in) {
			continue
		}
		if err := uses(in.node.Original, declared, allowed, in); err != nil {
			return err
		}
	}
	return nil
}

// shellExpanded reports whether BuildKit leaves the instruction's
// variables alone: a shell expands them when the command runs, if at all.
func shellExpanded(in *inst) bool {
	switch in.cmd.(type) {
	case *instructions.CmdCommand, *instructions.EntrypointCommand, *instructions.HealthCheckCommand, *instructions.RunCommand:
		return true
	}
	return false
}

// undeclaredInOriginal returns the variables that the original stage
// expands at build time and declares nowhere: no stage ARG, no ENV, not
// set by the builder image.
func undeclaredInOriginal(f *facts) map[string]bool {
	declared := map[string]bool{}
	for _, a := range f.stageArgs {
		declared[a.name] = true
	}
	for _, e := range f.env {
		declared[e.key] = true
	}
	for k := range f.preset.Builder.Env.All() {
		declared[k] = true
	}
	out := map[string]bool{}
	for _, in := range f.src.nodes {
		if in.kw == "FROM" || shellExpanded(in) {
			continue
		}
		text := in.node.Original
		for _, m := range varRefs(text) {
			if m[0] > 0 && text[m[0]-1] == '\\' {
				continue
			}
			if name := text[m[2]:m[3]]; !declared[name] {
				out[name] = true
			}
		}
	}
	return out
}

func uses(text string, declared, allowed map[string]bool, in *inst) error {
	for _, m := range varRefs(text) {
		if m[0] > 0 && text[m[0]-1] == '\\' {
			continue
		}
		name := text[m[2]:m[3]]
		if !declared[name] && !allowed[name] {
			return fmt.Errorf("line %d: $%s is used in the runtime stage but not declared there", in.first, name)
		}
	}
	return nil
}
