package transform

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
	"text/template"
	"unicode"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
	"github.com/restage/restage/templates"
)

// stageTmpl is the runtime stage's template, parsed on first use (not by
// an initialiser, so a run that converts nothing pays nothing), once for
// each casing kw writes (source.kw): the keywords as the template has
// them, and in lower case. Binding kw per file used to clone the
// template at every conversion.
var stageTmpl [2]struct {
	once sync.Once
	t    *template.Template
	err  error
}

func loadStageTemplate(lower bool) (*template.Template, error) {
	i, kw := 0, func(k string) string { return k }
	if lower {
		i, kw = 1, strings.ToLower
	}
	st := &stageTmpl[i]
	st.once.Do(func() {
		st.t, st.err = template.New("stage.tmpl").Funcs(template.FuncMap{
			"kw": kw,
		}).ParseFS(templates.FS, "stage.tmpl")
	})
	return st.t, st.err
}

type stageData struct {
	Platform                    string // the runtime FROM's --platform value, or ""
	Image, Stage, Workdir, User string
	Args, Env, Runs, Copies     []string
	Blocks, Commands            []string
}

// renderStage renders the runtime stage in the file's casing and line
// ending; moved blocks come back byte for byte.
func renderStage(s *source, p *plan) (string, error) {
	t, err := loadStageTemplate(s.lower)
	if err != nil {
		return "", err
	}
	var verbatim []string
	hold := func(blocks []string) []string {
		out := make([]string, len(blocks))
		for i, b := range blocks {
			out[i] = fmt.Sprintf("\x00%d\x00", len(verbatim))
			verbatim = append(verbatim, b)
		}
		return out
	}
	d := stageData{Platform: p.f.runtimePlatform(), Image: p.image, Stage: p.stage, Workdir: p.workdir, User: p.user, Args: p.args, Env: p.env, Runs: p.runs}
	for _, c := range p.copies {
		a := copyArgs(c)
		if p.optionalAny[c] {
			a = optionalAnyArgs(c)
		} else if p.optionalDirs[c] {
			a = optionalFolderArgs(c)
		} else if p.optional[c] {
			a = optionalCopyArgs(c)
		}
		if p.chown != "" && p.ownedBy(c) {
			a = "--chown=" + p.chown + " " + a
		}
		d.Copies = append(d.Copies, a)
	}
	for _, c := range p.linkCopies {
		d.Copies = append(d.Copies, c[0]+" "+c[1])
	}
	d.Blocks = hold(p.blocks)
	d.Commands = hold(p.command)
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "stage.tmpl", d); err != nil {
		return "", err
	}
	var out strings.Builder
	for _, l := range strings.SplitAfter(b.String(), "\n") {
		body := strings.TrimSuffix(l, "\n")
		if body == "" {
			continue
		}
		if strings.HasPrefix(body, "\x00") {
			var i int
			if _, err := fmt.Sscanf(body, "\x00%d\x00", &i); err == nil {
				out.WriteString(verbatim[i])
				continue
			}
		}
		out.WriteString(body + s.eol)
	}
	return out.String(), nil
}

// copyArgs writes the source and destination of a COPY --from.
func copyArgs(p string) string {
	if strings.ContainsAny(p, " \t\"'$") {
		return jsonArgs([]string{p, p})
	}
	return p + " " + p
}

// optionalCopyArgs copies a file that may be absent from the builder:
// one character of its name becomes a one-character class, a wildcard
// that BuildKit lets match nothing (checked on engine 20.10: with no
// such file the COPY copies nothing and succeeds; the plain form fails
// with "not found"; the legacy builder rejects an empty match). The
// destination is the folder, so one match lands under its own name.
func optionalCopyArgs(p string) string {
	dir, _ := path.Split(p)
	return optionalArgs(p, dir)
}

// optionalAnyArgs copies a path that may be absent from the builder and
// may be a file or a folder: the last element gets a one-character
// class and the destination is the path itself, with no /, so that a
// file lands as itself and a folder's contents land in the folder of
// its name (engine 20.10 with BuildKit, checked for a file, a folder and
// no match, which copies nothing and succeeds).
func optionalAnyArgs(p string) string { return optionalArgs(p, p) }

// optionalArgs is the COPY arguments of path p, its last letter or digit
// made a one-character class, to the destination dst; a name with none
// is copied plainly.
func optionalArgs(p, dst string) string {
	dir, name := path.Split(p)
	for i := len(name) - 1; i >= 0; i-- {
		c := name[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			src := dir + name[:i] + "[" + string(c) + "]" + name[i+1:]
			if strings.ContainsAny(p, " \t\"'$") {
				return jsonArgs([]string{src, dst})
			}
			return src + " " + dst
		}
	}
	return copyArgs(p)
}

// optionalFolderArgs copies a folder that may be absent from the
// builder. The wildcard goes in the element below the top folder
// (/root/.cach[e]/puppeteer), since BuildKit fails a COPY whose
// wildcard's own folder is absent ("lstat /root/.cache: no such file")
// and lets one match nothing only below a folder that exists (engine
// 20.10, checked with the folder, without it and without /root/.cache).
// A match that is a folder has its contents copied into the
// destination, so the destination is the folder itself, with the /
// that a wildcard source asks for.
func optionalFolderArgs(p string) string {
	parts := strings.Split(p, "/") // "", top, element, ...
	if len(parts) < 4 || strings.ContainsAny(p, " \t\"'$") {
		return copyArgs(p)
	}
	el := parts[2]
	for i := len(el) - 1; i >= 0; i-- {
		c := el[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			parts[2] = el[:i] + "[" + string(c) + "]" + el[i+1:]
			return strings.Join(parts, "/") + " " + p + "/"
		}
	}
	return copyArgs(p)
}

// buildEdits turns the plan into span edits on the original bytes. It
// decides nothing: the plan says what goes where.
func buildEdits(s *source, p *plan, stage string) []Edit {
	f := p.f
	var edits []Edit

	// The FROM gets a stage name.
	if f.stageName == "" {
		last := s.lineText(f.from.end)
		content := strings.TrimRight(last, " \t\r\n")
		off := s.lines[f.from.end-1].start + len(content)
		as := "AS"
		if f.from.node.Value == strings.ToLower(f.from.node.Value) {
			as = "as"
		}
		edits = append(edits, Edit{Start: off, End: off, NewText: " " + as + " " + p.stage})
	}

	// Artifact commands get the static switch.
	if p.static {
		prefix := ""
		for _, k := range f.preset.Static.Env.Names() {
			prefix += k + "=" + f.preset.Static.Env.Get(k) + " "
		}
		for _, r := range f.runs {
			var cmds []string
			seen := map[string]bool{}
			for _, b := range r.builds {
				if b.bc.Artifact != nil && !seen[b.bc.Command] {
					seen[b.bc.Command] = true
					cmds = append(cmds, b.bc.Command)
				}
			}
			if len(cmds) == 0 || p.toolOnly(r.in) {
				continue
			}
			if !r.run.PrependShell && len(r.run.Files) == 0 {
				edits = append(edits, envLine(s, r.in, f.preset.Static.Env))
				continue
			}
			offs, ok := commandOffsets(s, r, cmds)
			if !ok || r.quoted {
				edits = append(edits, envLine(s, r.in, f.preset.Static.Env))
				continue
			}
			for _, off := range offs {
				edits = append(edits, Edit{Start: off, End: off, NewText: prefix})
			}
		}
	}

	// The set-up a build command needs (a virtual environment).
	if f.prepared != nil {
		first := s.lineText(f.prepareAt.first)
		lead := first[:len(first)-len(strings.TrimLeft(first, " \t"))]
		var b strings.Builder
		for _, l := range f.prepared.Lines {
			kw, rest, _ := strings.Cut(l, " ")
			b.WriteString(lead + s.kw(kw) + " " + rest + s.eol)
		}
		off := s.lines[f.prepareAt.first-1].start
		edits = append(edits, Edit{Start: off, End: off, NewText: b.String()})
	}
	for _, d := range f.argDrops {
		edits = append(edits, d.edits...)
	}

	// After the build: dev dependencies leave the application folder, and
	// the output is collected into one file.
	for _, ins := range []struct {
		cmds  []string
		after *inst
	}{{p.afterCmds, p.after}, {p.afterCmds2, p.after2}, {p.linkCmds, p.linkAt}} {
		cmds, after := ins.cmds, ins.after
		if len(cmds) == 0 {
			continue
		}
		if after == p.linkAt && len(p.linkCmds) > 0 && (after == p.after && len(p.afterCmds) > 0 || after == p.after2 && len(p.afterCmds2) > 0) {
			// Lines after the same RUN go in one insertion, the links
			// last: two edits at one offset would not apply in order.
			if &cmds[0] == &p.linkCmds[0] {
				continue
			}
			cmds = append(append([]string(nil), cmds...), p.linkCmds...)
		}
		first := s.lineText(after.first)
		lead := first[:len(first)-len(strings.TrimLeft(first, " \t"))]
		last := s.lineText(after.end)
		off := s.lines[after.end-1].end
		var lines []string
		for _, c := range cmds {
			lines = append(lines, lead+s.kw("RUN")+" "+c)
		}
		text := strings.Join(lines, s.eol)
		if strings.HasSuffix(last, "\n") {
			text += s.eol
		} else {
			text = s.eol + text
		}
		edits = append(edits, Edit{Start: off, End: off, NewText: text})
	}

	// Moved and dropped instructions leave the builder.
	del := map[int]bool{}
	for _, in := range append(append([]*inst{}, f.moved...), p.dropped...) {
		for l := commentStart(s, in); l <= in.end; l++ {
			del[l] = true
		}
	}
	n := len(s.lines)
	// Blank lines between two deleted lines go too. Each run of kept
	// blank lines is looked at once, from its first line: a file of many
	// blank lines must not take quadratic time.
	for l := 1; l <= n; l++ {
		if del[l] || !s.isBlank(l) {
			continue
		}
		a, b := l, l
		for b < n && s.isBlank(b+1) && !del[b+1] {
			b++
		}
		if a > 1 && del[a-1] && b < n && del[b+1] {
			for x := a; x <= b; x++ {
				del[x] = true
			}
		}
		l = b
	}
	// Removing a block between two blank lines would leave two in a row.
	for l := 1; l <= n; l++ {
		if del[l] && (l == 1 || !del[l-1]) {
			e := l
			for e < n && del[e+1] {
				e++
			}
			if l > 1 && s.isBlank(l-1) && e < n && s.isBlank(e+1) {
				del[e+1] = true
			}
		}
	}
	// Comments and blank lines after the last instruction (a docs region
	// marker, an editor modeline) stay at the end of the file: the runtime
	// stage goes in before them, and their bytes are never edited.
	lastInst := s.nodes[len(s.nodes)-1].end
	tailEnd := len(s.data)
	if lastInst < n {
		tailEnd = s.lines[lastInst].start
	}
	// The tail: from the last kept, non-blank line up to that block.
	lastKept := 0
	for l := 1; l <= lastInst; l++ {
		if !del[l] && !s.isBlank(l) {
			lastKept = l
		}
	}
	tailStart := s.lines[lastKept-1].end
	for l := 1; l <= lastKept; l++ {
		if del[l] && (l == 1 || !del[l-1]) {
			e := l
			for e < lastKept && del[e+1] {
				e++
			}
			edits = append(edits, Edit{Start: s.lines[l-1].start, End: s.lines[e-1].end})
		}
	}
	var tail strings.Builder
	if !strings.HasSuffix(s.lineText(lastKept), "\n") {
		tail.WriteString(s.eol)
	}
	if len(p.prepare) > 0 {
		// Volume folders the runtime copies with --chown, itself or in a
		// copy that holds it, must exist in the builder.
		tail.WriteString(s.kw("RUN") + " mkdir -p " + strings.Join(p.prepare, " ") + s.eol)
	}
	tail.WriteString(s.eol)
	if s.endsWithNewline() || tailEnd < len(s.data) {
		tail.WriteString(stage)
	} else {
		tail.WriteString(strings.TrimSuffix(stage, s.eol))
	}
	edits = append(edits, Edit{Start: tailStart, End: tailEnd, NewText: tail.String()})
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	return mergeEdits(edits)
}

// envLine inserts an ENV line that sets vars before the instruction in,
// in its indentation: a form that reaches every command of a RUN,
// whatever its shell text does.
func envLine(s *source, in *inst, vars presets.Dict[string]) Edit {
	first := s.lineText(in.first)
	lead := first[:len(first)-len(strings.TrimLeft(first, " \t"))]
	var env []string
	for k, v := range vars.All() {
		env = append(env, k+"="+v)
	}
	off := s.lines[in.first-1].start
	return Edit{Start: off, End: off, NewText: lead + s.kw("ENV") + " " + strings.Join(env, " ") + s.eol}
}

// mergeEdits joins edits that touch the same spot so that the list stays
// sorted and non-overlapping.
func mergeEdits(edits []Edit) []Edit {
	var out []Edit
	for _, e := range edits {
		if n := len(out); n > 0 && e.Start < out[n-1].End {
			// Overlap: keep the wider edit (only deletions can overlap).
			if e.End > out[n-1].End {
				out[n-1].End = e.End
			}
			out[n-1].NewText += e.NewText
			continue
		}
		out = append(out, e)
	}
	return out
}

// applyEdits applies sorted, non-overlapping edits.
func applyEdits(src []byte, edits []Edit) []byte {
	var b bytes.Buffer
	pos := 0
	for _, e := range edits {
		b.Write(src[pos:e.Start])
		b.WriteString(e.NewText)
		pos = e.End
	}
	b.Write(src[pos:])
	return b.Bytes()
}

// commandOffsets finds where the environment prefix goes for each simple
// command of a RUN that runs one of cmds, as offsets in the file. It
// returns false when one of them has no spot where a prefix is sure to
// reach the program: the caller then sets the variables with ENV instead.
func commandOffsets(s *source, step runStep, cmds []string) ([]int, bool) {
	in, heredoc := step.in, step.heredoc
	start := s.lines[in.first-1].start
	raw := s.text(in.first, in.end)
	text, at, end := unfold(raw, s.escape)
	var offs []int
	ok := true
	read := func(text string, at func(int) int) {
		sc := step.script
		if sc == nil || text != step.text {
			var err error
			if sc, err = shell.Parse(text); err != nil {
				ok = false
				return
			}
		}
		for _, c := range buildCmds(sc, cmds) {
			spot, safe := envSpot(sc, c, text)
			if !safe {
				ok = false
				return
			}
			offs = append(offs, start+at(spot))
		}
	}
	if !heredoc {
		text, n := skipFlags(text)
		read(text, func(i int) int { return at[n+i] })
		sort.Ints(offs)
		return offs, ok
	}
	// A heredoc's body follows the instruction's line; its bytes are
	// the file's bytes.
	r, _ := in.cmd.(*instructions.RunCommand)
	if r == nil {
		return nil, false
	}
	for _, f := range r.Files {
		i := strings.Index(raw[end:], f.Data)
		if i < 0 {
			ok = false
			continue
		}
		base := end + i
		read(f.Data, func(j int) int { return base + j })
		end = base + len(f.Data)
	}
	sort.Ints(offs)
	return offs, ok
}

// buildCmds are the simple commands of sc that run one of cmds, those in
// readable sh -c strings included.
func buildCmds(sc *shell.Script, cmds []string) []shell.Cmd {
	var out []shell.Cmd
	for _, c := range sc.Cmds {
		args, _ := simpleCmd{c}.argv()
		for _, want := range cmds {
			if hasPrefixWords(args, want) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// envSpot is where an assignment for c's program goes, and whether that
// spot is sure to work. It goes before the wrappers that pass their
// environment on (exec, env, nice, nohup, command), where the shell
// applies it; right before the program after an `env -i`, which clears
// the environment but applies its own assignments. There is no sure spot
// around time (a bash keyword that an assignment before it would turn
// into a program, and a program in sh that an assignment after it would
// run) or sudo (which resets the environment unless its policy says
// otherwise), nor in a sh -c string that is not single-quoted, where a
// blank would end the string.
func envSpot(sc *shell.Script, c shell.Cmd, text string) (int, bool) {
	spot := c.Words[c.Prog].Pos
	for i := len(c.Wrappers) - 1; i >= 0; i-- {
		w := c.Words[c.Wrappers[i]]
		switch w.Text {
		case "sudo", "time":
			return 0, false
		case "env":
			if clearsEnv(c, c.Wrappers[i]) {
				if i != len(c.Wrappers)-1 {
					return 0, false
				}
				return spot, true
			}
		}
		spot = w.Pos
	}
	if c.Inline && !singleQuoted(sc, spot, text) {
		return 0, false
	}
	return spot, true
}

// clearsEnv reports whether the env wrapper at index i of c's words
// starts the program with an empty environment.
func clearsEnv(c shell.Cmd, i int) bool {
	for _, w := range c.Words[i+1 : c.Prog] {
		switch w.Text {
		case "-i", "-", "--ignore-environment":
			return true
		}
		if len(w.Text) > 1 && w.Text[0] == '-' && w.Text[1] != '-' && strings.Contains(w.Text, "i") {
			return true
		}
	}
	return false
}

// singleQuoted reports whether off lies in the single-quoted string of a
// sh -c in sc.
func singleQuoted(sc *shell.Script, off int, text string) bool {
	for _, o := range sc.Cmds {
		if o.Inline {
			continue
		}
		k := o.CommandArg()
		if k < 0 {
			continue
		}
		w := o.Args()[k]
		if w.Pos < off && off < w.End && text[w.Pos] == '\'' {
			return true
		}
	}
	return false
}

// unfold joins an instruction's continued lines the way BuildKit does:
// the escape character ending a line goes with the blanks after it, and
// comment and empty lines inside go. It returns the joined text, the
// offset in raw of each of its bytes, and where in raw the instruction's
// line ends.
func unfold(raw string, escape rune) (string, []int, int) {
	var b []byte
	var at []int
	pos := 0
	for first := true; pos < len(raw); first = false {
		end := len(raw)
		if i := strings.IndexByte(raw[pos:], '\n'); i >= 0 {
			end = pos + i + 1
		}
		line := strings.TrimRight(raw[pos:end], "\r\n")
		ls := pos
		pos = end
		if first {
			t := strings.TrimLeftFunc(line, unicode.IsSpace)
			ls += len(line) - len(t)
			line = t
		} else if t := strings.TrimLeftFunc(line, unicode.IsSpace); t == "" || t[0] == '#' {
			continue
		}
		t := strings.TrimRight(line, " \t")
		more := strings.HasSuffix(t, string(escape)) && (len(t) == 1 || rune(t[len(t)-2]) != escape)
		if more {
			line = t[:len(t)-1]
		}
		for i := range len(line) {
			b = append(b, line[i])
			at = append(at, ls+i)
		}
		if !more {
			break
		}
	}
	at = append(at, pos) // the end of the text
	return string(b), at, pos
}

// skipFlags drops the keyword and the flags (--mount=...) before an
// instruction's command, and says how many bytes went.
func skipFlags(text string) (string, int) {
	n := 0
	word := func() {
		for n < len(text) && text[n] != ' ' && text[n] != '\t' {
			n++
		}
		for n < len(text) && (text[n] == ' ' || text[n] == '\t') {
			n++
		}
	}
	word()
	for strings.HasPrefix(text[n:], "--") {
		word()
	}
	return text[n:], n
}

// argEdits are the edits that take the word arg out of each simple
// command of a RUN that runs cmd, or false when one cannot be cut
// for sure: an exec-form RUN, a heredoc, a word inside a sh -c string or
// written with quotes. The word goes with the blanks after it; alone on
// a continuation line, with its line; last on the RUN's last line, with
// the blanks before it (and the escape that led to its line).
func argEdits(s *source, step *runStep, cmd, arg string) ([]Edit, bool) {
	if step.heredoc || step.quoted || step.run == nil || !step.run.PrependShell || len(step.run.Files) > 0 {
		return nil, false
	}
	start := s.lines[step.in.first-1].start
	raw := s.text(step.in.first, step.in.end)
	text, at, _ := unfold(raw, s.escape)
	text, n := skipFlags(text)
	sc := step.script
	if sc == nil || text != step.text {
		var err error
		if sc, err = shell.Parse(text); err != nil {
			return nil, false
		}
	}
	var out []Edit
	for _, c := range buildCmds(sc, []string{cmd}) {
		for _, w := range c.Words {
			if w.Text != arg {
				continue
			}
			if c.Inline || w.Dynamic || text[w.Pos:w.End] != arg {
				return nil, false
			}
			ws, we := at[n+w.Pos], at[n+w.End-1]+1
			a, b := cutWord(raw, ws, we, s.escape)
			out = append(out, Edit{Start: start + a, End: start + b})
		}
	}
	return out, len(out) > 0
}

// cutWord is the span of raw to delete to take out the word at ws..we.
func cutWord(raw string, ws, we int, escape rune) (int, int) {
	blank := func(c byte) bool { return c == ' ' || c == '\t' }
	j := we
	for j < len(raw) && blank(raw[j]) {
		j++
	}
	// The rest of the line after the blanks: an escape and the line's end
	// (the word is last on a continued line), the line's end, or more.
	rest := raw[j:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = strings.TrimRight(raw[j:j+i], "\r")
	}
	continued := strings.TrimRight(rest, " \t") == string(escape)
	if j > we && rest != "" && !continued {
		return ws, j
	}
	ls := strings.LastIndexByte(raw[:ws], '\n') + 1
	alone := ls > 0 && strings.TrimLeft(raw[ls:ws], " \t") == ""
	if alone && continued {
		end := j + len(rest)
		if end < len(raw) && raw[end] == '\r' {
			end++
		}
		if end < len(raw) && raw[end] == '\n' {
			end++
		}
		return ls, end
	}
	i := ws
	for i > 0 && blank(raw[i-1]) {
		i--
	}
	if alone && rest == "" {
		// The RUN's last line: the escape that continued the line before
		// goes too, with the blanks before it.
		i = ls - 1 // the newline
		if i > 0 && raw[i-1] == '\r' {
			i--
		}
		if i > 0 && rune(raw[i-1]) == escape {
			i--
		}
		for i > 0 && blank(raw[i-1]) {
			i--
		}
	}
	return i, we
}
