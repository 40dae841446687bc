package transform

import (
	"path"
	"strings"
)

// programOffPath declines a command whose program, run by name, only an
// install that puts its dependencies' programs off the image's PATH
// provides (uv sync's project .venv/bin; the preset's off_path): the
// original cannot start, as execve finds no such program, and the
// runtime, with its environment on PATH, would start it (review 15,
// finding C). That is RS298's reason for a script execve refuses: a
// conversion that starts where the original fails behaves differently,
// and which start the file meant is not in it. Nothing is said when
// anything else may put the program on PATH: another kind of install, an
// instruction naming the program, the file's own PATH holding the folder,
// or a variable or argument that sends the install elsewhere.
func (p *plan) programOffPath() error {
	f, pr := p.f, p.prog
	if p.stripped || pr.resolved || len(f.installs) == 0 || strings.Contains(pr.word, "/") || f.opt.Context == nil {
		return nil
	}
	onPath := map[string]bool{}
	for _, d := range strings.Split(f.envNow["PATH"], ":") {
		if d != "" {
			onPath[path.Clean(d)] = true
		}
	}
	for _, in := range f.src.nodes {
		switch in.kw {
		case "CMD", "ENTRYPOINT", "HEALTHCHECK":
			continue
		}
		if wordIn(in.node.Original, pr.word) {
			return nil // it may install or write the program
		}
	}
	var (
		found      bool
		lists, bin string
		line       int
		o          *OffPath
		command    string
	)
	for _, is := range f.installs {
		op := is.bc.OffPath
		if op == nil {
			return nil // an install that may put it on PATH
		}
		text := ""
		for _, st := range f.runs {
			if st.in == is.in {
				text = st.text
			}
		}
		for _, v := range op.UnlessEnv {
			if f.envNow[v] != "" || strings.Contains(text, v) {
				return nil
			}
		}
		for _, a := range op.UnlessArgs {
			if wordIn(text, a) {
				return nil
			}
		}
		dir := path.Join(is.cwd, op.Bin)
		if onPath[dir] {
			return nil
		}
		if found {
			continue
		}
		for _, name := range op.Files {
			data, _, ok := f.contextFileMax(path.Join(is.cwd, name), runScanPerFile)
			if ok && op.Lists([]byte(data), pr.word) {
				found, lists, bin, line, o, command = true, name, dir, is.in.first, op, is.bc.Command
				break
			}
		}
	}
	if !found {
		return nil
	}
	fix := "run it as " + path.Join(bin, pr.word)
	if o.Hint != "" {
		fix += " or " + o.Hint
	}
	return declinef(declProgramOffPath, "line %d: the container runs %s, which %s lists and %s on line %d installs into %s, a folder the image's PATH does not hold, and nothing else in the file installs: the original container cannot start (executable file not found in $PATH), and the runtime, with its environment on PATH, would start it; %s, or put %s on PATH", pr.holder.first, pr.word, lists, command, line, bin, fix, bin)
}
