package transform

import (
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// A rewrite of the input that the conversion then runs on, for two
// commands whose program the file does not say in a way the analysis
// reads: a file with no CMD whose compose service gives the command
// (review 26, finding A), and a CMD that builds the program at every
// start (`go run main.go`, review 26, finding E). The rewrite is one span
// edit of the input; the conversion's edits, notes and moves, made on the
// rewritten text, are mapped back to the input's bytes and lines, so the
// result is still edits on the input.
type prepass struct {
	edit Edit // on the input
	// first..last are the input's lines the edit replaces (last = first-1
	// when it only inserts), lines how many lines its text has.
	first, last, lines int
	// inserted: the rewritten lines are not the input's (an appended
	// CMD), so what is said of them is tied to no line.
	inserted bool
	// fromCompose is the compose command the appended CMD holds.
	fromCompose string
	note        Note // on the rewritten text's lines
}

// prepassOf returns the rewrite the file needs, nil when it needs none, or
// a decline that says why the command cannot be taken over.
func prepassOf(f *facts) (*prepass, error) {
	ep, cmd := f.entrypoint, f.cmd
	if ep != nil && len(cmdLine(ep).CmdLine) == 0 {
		ep = nil
	}
	if ep == nil && cmd == nil {
		return composePrepass(f)
	}
	if len(f.preset.RunBuilds) == 0 {
		return nil, nil
	}
	holder := cmd
	if ep != nil {
		if cmd != nil {
			return nil, nil // the CMD's words go after the ENTRYPOINT's
		}
		holder = ep
	}
	return runBuildPrepass(f, holder)
}

// composePrepass takes the command: of the compose services that build
// this Dockerfile as its CMD when the file has none: the services are how
// the repository runs the image, and say what it runs. Every service that
// builds the file must run one and the same command, since the runtime is
// chosen for one; a service with none runs the base image's own command,
// which the runtime does not keep.
func composePrepass(f *facts) (*prepass, error) {
	var used *composeService
	var seen []string
	for _, s := range f.composeSvcs {
		if !s.known {
			continue
		}
		switch {
		case s.entrypoint != nil:
			return nil, declinef(declComposeCmdUnused, "no CMD or ENTRYPOINT in the file; %s (service %s) sets `entrypoint: %s`, which restage does not take as the file's command: cannot tell what the container runs", s.entrypoint.at, s.name, s.entrypoint.shown)
		case s.command == nil:
			if len(seen) > 0 || slices.ContainsFunc(f.composeSvcs, func(o *composeService) bool { return o.known && o.command != nil }) {
				return nil, declinef(declComposeCmdUnused, "no CMD or ENTRYPOINT in the file, and service %s of the compose file builds it with no command:, so it runs the base image's default command, which the runtime would not have: cannot tell what the container runs", s.name)
			}
			continue
		case !s.command.ok || len(s.command.words) == 0 || slices.ContainsFunc(s.command.words, func(w string) bool { return strings.Contains(w, composeVar) }):
			return nil, declinef(declComposeCmdUnused, "no CMD or ENTRYPOINT in the file; %s (service %s) sets `command: %s`, whose words cannot be read (a variable compose expands, or none): cannot tell what the container runs", s.command.at, s.name, s.command.shown)
		}
		if used != nil && !slices.Equal(used.command.words, s.command.words) {
			return nil, declinef(declComposeCmdUnused, "no CMD or ENTRYPOINT in the file, and the compose services that build it run different commands (%s: `%s`; %s: `%s`): the runtime is chosen for one command, so cannot tell which to convert for", used.name, used.command.shown, s.name, s.command.shown)
		}
		if used == nil {
			used = s
		}
		seen = append(seen, s.name)
	}
	if used == nil {
		return nil, nil
	}
	js, err := json.Marshal(used.command.words)
	if err != nil {
		return nil, nil
	}
	src := f.src
	data := src.data
	at := len(data)
	text := ""
	if at > 0 && data[at-1] != '\n' {
		text = src.eol
	}
	kw := "CMD"
	if src.lower {
		kw = "cmd"
	}
	text += kw + " " + string(js) + src.eol
	n := len(src.lines)
	pre := &prepass{edit: Edit{Start: at, End: at, NewText: text}, first: n + 1, last: n, lines: 1, inserted: true}
	pre.fromCompose = fmt.Sprintf("`command: %s` of service %s (%s)", used.command.shown, strings.Join(seen, ", "), used.command.at)
	if len(seen) > 1 {
		pre.fromCompose = fmt.Sprintf("`command: %s` of services %s (%s)", used.command.shown, strings.Join(seen, ", "), used.command.at)
	}
	pre.note = Note{Code: warnComposeCmdOnly, Level: warnComposeCmdOnly.level(), Message: fmt.Sprintf("the file has no CMD or ENTRYPOINT, so what the container runs is read from %s, which builds this Dockerfile; the runtime stage writes no CMD either, so compose runs that command as before, but the image's default command, which the original inherited from %s, is not kept: `docker run` without a command runs nothing usable", pre.fromCompose, f.image)}
	return pre, nil
}

// runBuildPrepass rewrites a command that builds its program at every
// start (the preset's run_builds: `go run main.go`) into the build step
// that makes the same program, in the builder, and a command that runs
// its output with the same arguments, from the same working folder. A
// command whose build cannot be told, or not carried into a build step,
// is left to the preset's decline rules.
func runBuildPrepass(f *facts, holder *inst) (*prepass, error) {
	line := cmdLine(holder)
	var words []string
	if line.PrependShell {
		sl := splitShell(line.CmdLine[0])
		if !sl.plain || len(sl.cmds) != 1 {
			return nil, nil
		}
		args, env := sl.cmds[0].argv()
		if len(env) > 0 {
			return nil, nil
		}
		for _, a := range args {
			if a.dynamic {
				return nil, nil
			}
		}
		words = wordTexts(args)
	} else {
		words = line.CmdLine
	}
	for i := range f.preset.RunBuilds {
		rb := &f.preset.RunBuilds[i]
		cw := strings.Fields(rb.Command)
		if len(words) < len(cw) || !slices.Equal(words[:len(cw)], cw) {
			continue
		}
		return runBuildRewrite(f, holder, rb, words, len(cw))
	}
	return nil, nil
}

func runBuildRewrite(f *facts, holder *inst, rb *RunBuild, words []string, k int) (*prepass, error) {
	shown := strings.Join(words, " ")
	refuse := func(why string) error {
		return declinef(declPresetCommand, "line %d: the container runs `%s`, which builds the program at every start: %s, so there is no build step to split off", holder.first, shown, why)
	}
	// The build step goes where the command is: an instruction after it
	// that sets what the go tool sees (its environment, working folder,
	// shell or files) would reach the command at start-up but not the step.
	for _, in := range f.src.nodes {
		if in.first > holder.end && slices.Contains([]string{"ENV", "ARG", "WORKDIR", "SHELL", "COPY", "ADD", "RUN"}, in.kw) {
			return nil, refuse(fmt.Sprintf("the %s on line %d, after it, changes what that build sees, which a build step in the command's place would not", in.kw, in.first))
		}
	}
	var flags []string
	i := k
	for ; i < len(words) && strings.HasPrefix(words[i], "-"); i++ {
		name, _, hasValue := strings.Cut(words[i], "=")
		if slices.Contains(rb.Refuse, name) {
			return nil, refuse(fmt.Sprintf("its option %s cannot be carried into `%s`", name, rb.Build))
		}
		flags = append(flags, words[i])
		if !hasValue && slices.Contains(rb.ValueFlags, name) {
			if i+1 >= len(words) {
				return nil, refuse(fmt.Sprintf("its option %s has no value", name))
			}
			i++
			flags = append(flags, words[i])
		}
	}
	if i >= len(words) {
		return nil, refuse("it names no package or files")
	}
	var pkgs []string
	if rb.FileExt != "" && strings.HasSuffix(words[i], rb.FileExt) {
		for ; i < len(words) && strings.HasSuffix(words[i], rb.FileExt); i++ {
			pkgs = append(pkgs, words[i])
		}
	} else {
		pkgs = []string{words[i]}
		i++
	}
	progArgs := words[i:]
	for _, p := range pkgs {
		if rb.Remote != "" && strings.Contains(p, rb.Remote) {
			return nil, refuse(fmt.Sprintf("`%s` names a version of a module, which it downloads at start-up, not the build's files", p))
		}
	}
	for _, w := range slices.Concat(flags, pkgs) {
		if strings.ContainsAny(w, "$`") {
			return nil, refuse(fmt.Sprintf("`%s` is only known at run time", w))
		}
	}
	// The program is named after its file, or the preset's name for a
	// package; a name a folder of the package's path already takes in
	// the working folder would make the build step fail.
	name := rb.Name
	if strings.HasSuffix(pkgs[0], rb.FileExt) && rb.FileExt != "" {
		name = strings.TrimSuffix(path.Base(pkgs[0]), rb.FileExt)
	}
	for _, p := range pkgs {
		if el, _, _ := strings.Cut(strings.TrimPrefix(path.Clean(p), "./"), "/"); el == name {
			return nil, refuse(fmt.Sprintf("the program it builds would be named %s, as a folder it reads is", name))
		}
	}
	if name == "" || strings.HasPrefix(name, "-") {
		return nil, refuse("the program it builds cannot be named")
	}
	build := slices.Concat(strings.Fields(rb.Build), flags, []string{rb.OutputFlag, name}, pkgs)
	run := slices.Concat([]string{"./" + name}, progArgs)
	js, err := json.Marshal(run)
	if err != nil {
		return nil, nil
	}
	src := f.src
	runKw, cmdKw := "RUN", holder.kw
	if src.lower {
		runKw, cmdKw = "run", strings.ToLower(cmdKw)
	}
	lead := src.lineText(holder.first)
	lead = lead[:len(lead)-len(strings.TrimLeft(lead, " \t"))]
	text := lead + runKw + " " + shellQuoteAll(build) + src.eol + lead + cmdKw + " " + string(js) + src.eol
	start, end := src.lines[holder.first-1].start, src.lines[holder.end-1].end
	if end == len(src.data) && (end == 0 || src.data[end-1] != '\n') {
		text = strings.TrimSuffix(text, src.eol)
	}
	pre := &prepass{edit: Edit{Start: start, End: end, NewText: text}, first: holder.first, last: holder.end, lines: 2}
	pre.note = Note{Line: holder.first, Code: infoRunBuildSplit, Level: infoRunBuildSplit.level(), Message: fmt.Sprintf("%s runs `%s`, which builds the program at every start: the builder builds it with `%s` and the runtime runs the built ./%s from the same working folder%s", holder.kw, shown, strings.Join(build, " "), name, argsShown(progArgs))}
	return pre, nil
}

func argsShown(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return " with the arguments " + strings.Join(args, " ")
}

// shellQuoteAll joins words for a RUN line, quoting those the shell would
// split or expand.
func shellQuoteAll(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		if w != "" && !strings.ContainsAny(w, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
			out[i] = w
			continue
		}
		out[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	return strings.Join(out, " ")
}

// line maps a line of the rewritten text to the input's: the rewritten
// lines to the first one they replace, or to none when they are new.
func (pre *prepass) line(l int) int {
	switch {
	case l < pre.first:
		return l
	case l < pre.first+pre.lines:
		if pre.inserted {
			return 0
		}
		return pre.first
	default:
		return l - pre.lines + (pre.last - pre.first + 1)
	}
}

// edits maps edits of the rewritten text onto the input: those that touch
// the rewritten span are merged with it into one edit.
func (pre *prepass) edits(rewritten []byte, edits []Edit) []Edit {
	lo, hi := pre.edit.Start, pre.edit.Start+len(pre.edit.NewText)
	delta := len(pre.edit.NewText) - (pre.edit.End - pre.edit.Start)
	var before, merged, after []Edit
	for _, e := range edits {
		if e.End < lo {
			before = append(before, e)
		} else if e.Start > hi {
			after = append(after, Edit{Start: e.Start - delta, End: e.End - delta, NewText: e.NewText})
		} else {
			merged = append(merged, e)
			lo, hi = min(lo, e.Start), max(hi, e.End)
		}
	}
	var b strings.Builder
	pos := lo
	for _, e := range merged {
		b.Write(rewritten[pos:e.Start])
		b.WriteString(e.NewText)
		pos = e.End
	}
	b.Write(rewritten[pos:hi])
	out := append(before, Edit{Start: lo, End: hi - delta, NewText: b.String()})
	return append(out, after...)
}

// moves maps the moves of the rewritten text onto the input's lines: a
// replaced instruction is one move, its later line's (the command's);
// an inserted one has none.
func (pre *prepass) moves(ms []Move) []Move {
	var out []Move
	for _, m := range ms {
		if m.Line >= pre.first && m.Line < pre.first+pre.lines && (pre.inserted || m.Line != pre.first+pre.lines-1) {
			continue
		}
		m.Line = pre.line(m.Line)
		out = append(out, m)
	}
	return out
}

var lineRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:\b(?:CMD|ENTRYPOINT) on )?\bline (\d+)(: )?`)
})

// text maps the line numbers a message names from the rewritten text to
// the input; one of an appended command, which the input does not have,
// becomes the compose command it stands for.
func (pre *prepass) text(msg string) string {
	return lineRef().ReplaceAllStringFunc(msg, func(m string) string {
		sub := lineRef().FindStringSubmatch(m)
		n, err := strconv.Atoi(sub[1])
		if err != nil {
			return m
		}
		if l := pre.line(n); l > 0 || !pre.inserted || n < pre.first {
			return strings.Replace(m, sub[1], strconv.Itoa(l), 1)
		}
		if sub[2] != "" && !strings.Contains(m, " on ") {
			return "" // the message's own line prefix
		}
		return "the compose command" + sub[2]
	})
}
