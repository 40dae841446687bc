package transform

import (
	"maps"
	"slices"
	"strings"

	"github.com/restage/restage/shell"
)

// shellVar is a variable a RUN's shell sets before the command being
// read (PKGS="ffmpeg libpq-dev" && apt-get install $PKGS): its value, or
// why the value cannot be told.
type shellVar struct {
	val, why string
	exported bool
}

// shellVars are the variables one shell of a RUN has set so far.
type shellVars map[string]shellVar

// set records what the simple command c sets for the commands after it:
// plain assignments (P=x), export/readonly NAME=value, and unset. An
// assignment in a branch, a loop, a subshell or after || may not run, so
// its variable is known to be set but not to what.
func (v shellVars) set(c shell.Cmd, expand func(string, shellVars) (string, bool)) {
	maybe := c.Nested || c.Op == "||" || c.Op == "|" || c.Op == "&"
	assign := func(w shell.Word, exported bool) {
		k, val, ok := strings.Cut(w.Text, "=")
		if !ok || k == "" {
			return
		}
		sv := shellVar{val: val, exported: exported || v[k].exported}
		switch {
		case maybe:
			sv.why = "a variable the RUN sets where it may not run (in a branch, a loop or after ||)"
		case w.Dynamic:
			if !onlyPlainRefs(val) {
				sv.why = "an expansion the shell makes when the RUN runs"
			} else if x, ok := expand(val, v); ok {
				sv.val = x
			} else {
				sv.why = "a variable the RUN sets from one restage cannot expand"
			}
		}
		v[k] = sv
	}
	if len(c.Words) == 0 {
		for _, a := range c.Assigns {
			assign(a, false)
		}
		return
	}
	args := c.Args()
	if len(args) == 0 {
		return
	}
	switch args[0].Text {
	case "export", "readonly", "declare", "typeset", "local":
		exp := args[0].Text == "export" || slices.ContainsFunc(args[1:], func(a shell.Word) bool {
			return strings.HasPrefix(a.Text, "-") && strings.Contains(a.Text, "x")
		})
		for _, a := range args[1:] {
			if shell.IsAssignment(a.Text) {
				assign(a, exp)
			} else if sv, ok := v[a.Text]; ok && exp {
				sv.exported = true
				v[a.Text] = sv
			}
		}
	case "unset":
		for _, a := range args[1:] {
			if strings.HasPrefix(a.Text, "-") {
				continue
			}
			if maybe {
				v[a.Text] = shellVar{why: "a variable the RUN unsets where it may not run (in a branch, a loop or after ||)"}
			} else {
				v[a.Text] = shellVar{} // unset expands to nothing
			}
		}
	}
}

// inOrder is the script's simple commands and declarations (export
// P=x, which runs no program and so is not in Cmds) in the order they
// appear; decl marks the declarations.
func inOrder(sc *shell.Script) (cmds []shell.Cmd, decl []bool) {
	if len(sc.Decls) == 0 {
		return sc.Cmds, make([]bool, len(sc.Cmds))
	}
	ds := sc.Decls
	for _, c := range sc.Cmds {
		for len(ds) > 0 && ds[0].Pos < c.Pos {
			cmds, decl = append(cmds, ds[0]), append(decl, true)
			ds = ds[1:]
		}
		cmds, decl = append(cmds, c), append(decl, false)
	}
	for _, d := range ds {
		cmds, decl = append(cmds, d), append(decl, true)
	}
	return cmds, decl
}

// exported is what a shell the RUN starts (sh -c '...') sees of v.
func (v shellVars) exported() shellVars {
	out := shellVars{}
	for k, sv := range v {
		if sv.exported {
			out[k] = sv
		}
	}
	return out
}

// expandIn expands s with the values the file gives at this RUN,
// overridden by what the RUN's shell set before (vars).
func (f *facts) expandIn(s string, vars shellVars) (string, bool) {
	if len(vars) == 0 {
		return f.expand(s)
	}
	env := maps.Clone(f.envNow)
	for _, n := range varRefNames(s) {
		if sv, ok := vars[n]; ok {
			if sv.why != "" {
				return s, false
			}
			env[n] = sv.val
		}
	}
	out, unknown, err := expandEnv(f.src.escape, s, env)
	if err != nil || unknown > 0 {
		return s, false
	}
	return out, true
}
