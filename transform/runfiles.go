package transform

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// placement is one path a COPY from the build context wrote in the
// builder, and the context path it came from.
type placement struct {
	dest string // absolute, in the builder
	src  string // relative to the build context; "" when not known
	line int    // the COPY's line
	// open: the COPY wrote into dest entries the engine cannot list
	// (COPY . or a folder's contents, with no build context).
	open bool
	// made: a folder a RUN made with mkdir (line is the RUN's), not
	// something the build context brought in.
	made bool
	// from: the placement a RUN's cp or mv put here (line is the
	// RUN's); src is then that placement's context path.
	from string
}

// folderCopy is a COPY of a context folder's contents into a builder
// folder: a file of that folder missing from the context now (a
// git-ignored .env) would land there on another machine.
type folderCopy struct {
	dest, src string
	line      int
}

// madeDir records that a builder folder, and so every folder above it,
// exists from here on.
func (f *facts) madeDir(d string) {
	if f.dirsNow == nil {
		f.dirsNow = map[string]bool{}
	}
	for d = path.Clean(d); path.IsAbs(d); d = path.Dir(d) {
		if f.dirsNow[d] {
			return
		}
		f.dirsNow[d] = true
		if d == "/" {
			return
		}
	}
}

// copyDest is where a COPY writes in the builder, absolute, and whether
// that destination is a folder its sources go into: spelled as one (a
// trailing slash, ".", several sources) or one that exists already
// (BuildKit copies a file onto an existing folder into it, and onto any
// other name as that name).
func (f *facts) copyDest(c copyStep) (string, bool) {
	dest := c.cp.DestPath
	if d, ok := f.expand(dest); ok {
		dest = d
	}
	abs := path.Join(c.cwd, dest)
	if path.IsAbs(dest) {
		abs = path.Clean(dest)
	}
	dir := strings.HasSuffix(dest, "/") || dest == "." || strings.HasSuffix(dest, "/.") || len(c.cp.SourcePaths) > 1 || c.dirs[abs]
	return abs, dir
}

// copyDirs records the folders a COPY makes: its destination when that
// is a folder, or it takes a folder, else the one above it.
func (f *facts) copyDirs(cp *instructions.CopyCommand) {
	c := f.copies[len(f.copies)-1]
	abs, dir := f.copyDest(c)
	for _, raw := range cp.SourcePaths {
		s := path.Clean(strings.TrimPrefix(raw, "/"))
		if s == "." || strings.HasSuffix(raw, "/") || f.isDir(s) {
			dir = true
		}
	}
	if dir {
		f.madeDir(abs)
	} else {
		f.madeDir(path.Dir(abs))
	}
}

// placements lists what the COPY steps from the build context wrote, one
// entry per top-level file or folder, later COPYs over earlier ones.
func (f *facts) placements() ([]placement, []folderCopy) {
	ctx := f.opt.Context
	ignored := f.dockerignore()
	var out []placement
	var folders []folderCopy
	add := func(pl placement) {
		for i := range out {
			if out[i].dest == pl.dest {
				out[i] = pl
				return
			}
		}
		out = append(out, pl)
	}
	list := func(dir, destDir string, line int) bool {
		if ctx == nil {
			add(placement{dest: destDir, line: line, open: true})
			return false
		}
		entries, err := fs.ReadDir(ctx, dir)
		if err != nil {
			return false
		}
		for _, e := range entries {
			src := path.Join(dir, e.Name())
			if !ignored(src) {
				add(placement{dest: path.Join(destDir, e.Name()), src: src, line: line})
			}
		}
		folders = append(folders, folderCopy{dest: destDir, src: dir, line: line})
		return true
	}
	for _, c := range f.copies {
		line := c.in.first
		absDest, destDir := f.copyDest(c)
		for _, raw := range c.cp.SourcePaths {
			s := path.Clean(strings.TrimPrefix(raw, "/"))
			if s == "." {
				list(".", absDest, line)
				continue
			}
			base := path.Base(s)
			if strings.ContainsAny(s, "*?[") {
				if ctx == nil {
					if rf := f.preset.RunFiles; rf == nil || !rf.BuildInput(base) {
						add(placement{dest: absDest, line: line, open: true})
					}
					continue
				}
				matches, _ := fs.Glob(ctx, s)
				for _, m := range matches {
					if !ignored(m) {
						add(placement{dest: path.Join(absDest, path.Base(m)), src: m, line: line})
					}
				}
				continue
			}
			isDir := strings.HasSuffix(raw, "/")
			if ctx != nil {
				st, err := fs.Stat(ctx, s)
				if err != nil || ignored(s) {
					continue // the original build fails the same way (RS330)
				}
				isDir = st.IsDir()
			}
			switch {
			case isDir && absDest == f.workdir:
				// A folder's contents copied into the working folder
				// itself (COPY app/ . in /app, whatever the names): its
				// entries are the placements, as for COPY . .; a
				// literal naming the working folder names none of them.
				list(s, absDest, line)
			case !destDir:
				add(placement{dest: absDest, src: s, line: line})
			case isDir && path.Base(absDest) == base:
				add(placement{dest: absDest, src: s, line: line})
			case isDir:
				// A folder's contents, not the folder, land in dest.
				list(s, absDest, line)
			default:
				add(placement{dest: path.Join(absDest, base), src: s, line: line})
			}
		}
	}
	return out, folders
}

// Bounds of the read of the sources for evidence, as for the C library.
const (
	runScanFiles   = 2000
	runScanBytes   = 8 << 20
	runScanPerFile = 256 << 10
)

// sourceRef is something a source names: a literal, or a file a known
// call reads.
type sourceRef struct {
	text  string // as written, relative to the working folder or absolute
	where string // file:line
	why   string // for a known call: what it reads
	// ifPresent: the known call reads the file only when it exists.
	ifPresent bool
	// holding: a folder the known call names is read only when it holds
	// a file one of these globs (on paths inside it) matches.
	holding []string
	// base is the folder a relative text is read in, when not the
	// working folder: the program's own (`cd server && ./main`).
	base string
	// dir, for an unnamed read, is the folder its path cannot leave,
	// as the source spells it, when that can be told.
	dir string
}

// sourceFacts is what the app's sources say about the files it reads.
type sourceFacts struct {
	read     bool   // the sources were found and read whole
	unread   string // why not
	refs     []sourceRef
	embedded []string // context paths compiled into the program
	// unnamed are the read calls whose path is no literal (text: the
	// expression).
	unnamed []sourceRef
	// inputsRead are globs of build inputs that the program reads at run
	// time (run_files.build_inputs_read).
	inputsRead []string
}

// readSources reads the app's sources in the build context for the
// paths they name.
func (f *facts) readSources(rf *presets.RunFiles, blanking func(name string, data []byte) func() []byte) sourceFacts {
	ctx := f.opt.Context
	if ctx == nil {
		return sourceFacts{unread: "the build context was not available"}
	}
	var sf sourceFacts
	// A call of a function that returns the working folder may be in
	// another source than the function: both are known after the walk.
	type calledRef struct {
		fn  string
		ref sourceRef
	}
	wdFuncs := map[string]bool{}
	var wdCalls []calledRef
	files, total := 0, 0
	failed := ""
	walkContext(ctx, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			failed = fmt.Sprintf("%s could not be read", p)
			return fs.SkipAll
		}
		if p != "." && rf.Skipped(e.Name()) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if c := rf.IsConfig(p); c != nil && !e.IsDir() && e.Type().IsRegular() {
			// The app's own configuration: a value may name a run-time
			// file as a literal would (directory.path.ffmpeg: FFmpeg).
			data, err := readLimited(ctx, p, runScanPerFile)
			if err != nil {
				failed = fmt.Sprintf("%s could not be read", p)
				return fs.SkipAll
			}
			for _, v := range c.Values(data) {
				sf.refs = append(sf.refs, sourceRef{text: v.Text, where: fmt.Sprintf("%s:%d", p, bytes.Count(data[:v.Offset], []byte("\n"))+1)})
			}
			return nil
		}
		if e.IsDir() || !rf.IsSource(p) || !e.Type().IsRegular() {
			return nil
		}
		files++
		if files > runScanFiles || total >= runScanBytes {
			failed = fmt.Sprintf("the build context has more sources than restage reads (%d files, %d MiB)", runScanFiles, runScanBytes>>20)
			return fs.SkipAll
		}
		data, err := readLimited(ctx, p, runScanPerFile)
		if err != nil {
			failed = fmt.Sprintf("%s could not be read", p)
			return fs.SkipAll
		}
		total += len(data)
		lineAt := func(off int) string { return fmt.Sprintf("%s:%d", p, bytes.Count(data[:off], []byte("\n"))+1) }
		for _, l := range rf.Literals(data) {
			sf.refs = append(sf.refs, sourceRef{text: l.Text, where: lineAt(l.Offset)})
		}
		for _, j := range rf.WorkdirFiles(data) {
			sf.refs = append(sf.refs, sourceRef{text: j.Text, where: lineAt(j.Offset), why: j.Why})
		}
		// The calls are read with the comments blanked (commentsOut);
		// the literal scan skips comments itself, and //go:embed is one.
		blanked := blanking(p, data)
		sf.inputsRead = append(sf.inputsRead, rf.InputsRead(blanked())...)
		for _, fn := range rf.WorkdirFuncs(blanked()) {
			wdFuncs[fn] = true
		}
		for _, c := range rf.WorkdirCalls(blanked()) {
			wdCalls = append(wdCalls, calledRef{c.Func, sourceRef{text: c.Text, where: lineAt(c.Offset), why: c.Why}})
		}
		var unnamed []presets.Literal
		if rf.ReadsUnnamed(data) {
			unnamed = rf.Unnamed(blanked())
		}
		for _, u := range unnamed {
			dir, _ := rf.ReadFolder(blanked(), u.Text, u.Offset)
			sf.unnamed = append(sf.unnamed, sourceRef{text: u.Text, where: lineAt(u.Offset), dir: dir})
		}
		for _, e := range rf.Embedded(data) {
			sf.embedded = append(sf.embedded, globPrefix(path.Join(path.Dir(p), e)))
		}
		for i := range rf.Reads {
			files, at, ok := rf.Reads[i].ReadFiles(data, rf.Bindings)
			if ok {
				files, at, ok = rf.Reads[i].ReadFiles(blanked(), rf.Bindings)
			}
			if ok {
				for _, n := range files {
					sf.refs = append(sf.refs, sourceRef{text: n.Name, where: lineAt(at), why: rf.Reads[i].Why, ifPresent: n.IfPresent, holding: n.Holding})
				}
			}
		}
		return nil
	})
	switch {
	case failed != "":
		return sourceFacts{unread: failed}
	case files == 0:
		return sourceFacts{unread: fmt.Sprintf("the build context has no source files (%s)", strings.Join(rf.Sources.Ext, ", "))}
	}
	for _, c := range wdCalls {
		if wdFuncs[c.fn] {
			sf.refs = append(sf.refs, c.ref)
		}
	}
	sf.read = true
	return sf
}

func readLimited(ctx fs.FS, p string, n int64) ([]byte, error) {
	data, _, err := readHead(ctx, p, n)
	return data, err
}

// globPrefix is the part of a path before its first element with a
// wildcard.
func globPrefix(p string) string {
	p = path.Clean(p)
	parts := strings.Split(p, "/")
	for i, e := range parts {
		if strings.ContainsAny(e, "*?[") {
			return path.Join(parts[:i]...)
		}
	}
	return p
}

// under reports whether p is base or inside it.
func under(p, base string) bool {
	return p == base || base == "." || strings.HasPrefix(p, base+"/") || base == "/"
}

// buildInputsOnly reports whether a context path is a build input by its
// name or a folder holding nothing else (a config/ of Go sources). An
// unreadable or very large folder is not.
func (f *facts) buildInputsOnly(rf *presets.RunFiles, src string, read []string) bool {
	if rf.BuildInputFor(path.Base(src), read) {
		return true
	}
	ctx := f.opt.Context
	if ctx == nil {
		return false
	}
	st, err := fs.Stat(ctx, src)
	if err != nil || !st.IsDir() {
		return false
	}
	only, n := true, 0
	walkContext(ctx, src, func(p string, e fs.DirEntry, err error) error {
		n++
		if err != nil || n > runScanFiles {
			only = false
			return fs.SkipAll
		}
		if p == src {
			return nil
		}
		if rf.BuildInputFor(e.Name(), read) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !e.IsDir() {
			only = false
			return fs.SkipAll
		}
		return nil
	})
	return only
}

// runMade finds a RUN of the builder that writes the file at the builder
// path b: a command whose words give it as the value of one of the
// preset's output options (openssl's -out server.pem, relative to the
// folder the command runs in), or a script of the build context it runs
// whose words do (then script is the script's name, and the script may
// leave the file out on some path).
func (f *facts) runMade(rf *presets.RunFiles, b string) (line int, script string, ok bool) {
	if len(rf.OutputFlags) == 0 {
		return 0, "", false
	}
	at := func(cwd, w string) bool {
		if w == "" || strings.HasPrefix(w, "-") || strings.ContainsAny(w, "$*?[") {
			return false
		}
		if !path.IsAbs(w) {
			w = path.Join(cwd, w)
		}
		return path.Clean(w) == b && b != path.Clean(cwd)
	}
	// outputs are the words an output option gives: -out X, --output=X.
	outputs := func(ws []string) []string {
		var out []string
		for i, w := range ws {
			for _, o := range rf.OutputFlags {
				if w == o && i+1 < len(ws) {
					out = append(out, ws[i+1])
				} else if v, found := strings.CutPrefix(w, o+"="); found {
					out = append(out, v)
				}
			}
		}
		return out
	}
	for _, st := range f.runs {
		for _, c := range st.cmds {
			if len(c.args) == 0 || c.args[0].dynamic {
				continue
			}
			var plain []string
			for _, a := range c.args {
				if a.dynamic {
					plain = append(plain, "$")
				} else {
					plain = append(plain, a.text)
				}
			}
			for _, w := range outputs(plain[1:]) {
				if at(c.cwd, w) {
					return st.in.first, "", true
				}
			}
			name := c.args[0]
			if k := shell.ScriptArg(wordTexts(c.args)); k > 0 {
				name = c.args[k]
			} else if !strings.Contains(name.text, "/") {
				continue // a bare name is looked up on PATH
			}
			if name.dynamic {
				continue
			}
			text, _, found := f.contextFileBefore(path.Join(c.cwd, name.text), scriptMaxBytes, st.in.first)
			if !found {
				continue
			}
			words := strings.FieldsFunc(text, func(r rune) bool {
				return strings.ContainsRune(" \t\r\n\"';&|()<>", r)
			})
			for _, w := range outputs(words) {
				if at(c.cwd, w) {
					return st.in.first, path.Base(name.text), true
				}
			}
		}
	}
	return 0, "", false
}

// expectedFile says why the context file src, which the context lacks, is
// one the deployer makes before the build: an example of it beside it
// (rf.ExampleSuffixes), or a .gitignore on the way to it naming it (the
// root's, or config/.gitignore for config/local.json, its lines relative
// to its folder), not by a glob. "" when neither shows it.
func (f *facts) expectedFile(rf *presets.RunFiles, src string) string {
	if len(rf.ExampleSuffixes) == 0 || f.opt.Context == nil {
		return ""
	}
	for _, dir := range gitDirs(path.Dir(src)) {
		ign := path.Join(dir, ".gitignore")
		data, _ := readConfig(f.opt.Context, ign)
		rel := src
		if dir != "." {
			rel = strings.TrimPrefix(src, dir+"/")
		}
		for _, l := range strings.Split(string(data), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "!") || strings.ContainsAny(l, "*?[\\") {
				continue
			}
			l = strings.TrimSuffix(l, "/")
			if strings.TrimPrefix(l, "/") == rel || !strings.Contains(l, "/") && l == path.Base(src) {
				return ign + " lists it"
			}
		}
	}
	for _, s := range rf.ExampleSuffixes {
		if st, err := fs.Stat(f.opt.Context, src+s); err == nil && !st.IsDir() {
			return fmt.Sprintf("%s is beside it", path.Base(src)+s)
		}
	}
	return ""
}

// planFiles finds what the runtime copies from the builder: the
// runtime image's own needs, the artifacts and the run-time files.
func (p *plan) planFiles() {
	p.copies = append(p.copies, p.runtime.Copy...)
	arts := p.usedArtifacts()
	files := p.runFiles()
	if p.f.preset.RunFiles == nil {
		var beside []string
		arts, beside = p.appReach(arts)
		files = append(files, beside...)
	}
	sort.Strings(files)
	// An artifact inside a folder copied whole comes with it.
	var kept []string
	for _, a := range arts {
		if !within(a, files) {
			kept = append(kept, a)
		}
	}
	p.copies = append(p.copies, kept...)
	p.copies = append(p.copies, files...)
	p.runtimeFiles = len(files)
}

// runFiles decides which of the files the COPY steps wrote the runtime
// gets, from the sources' evidence, or, when the sources cannot be read,
// all of them but the build inputs.
func (p *plan) runFiles() []string {
	f := p.f
	rf := f.preset.RunFiles
	if rf == nil || len(f.copies) == 0 {
		return nil
	}
	pls, folders := f.placements()
	if len(pls) == 0 {
		return nil
	}
	sf := f.readSources(rf, p.blanked)
	if !sf.read {
		return p.runFilesUnread(rf, pls, sf.unread)
	}
	// The program reads relative paths in the folder it runs in; the
	// command's own words may be relative to either folder.
	if dir := p.progDir(); dir != f.workdir {
		for i := range sf.refs {
			sf.refs[i].base = dir
		}
		for _, r := range f.commandRefs() {
			sf.refs = append(sf.refs, r)
			r.base = dir
			sf.refs = append(sf.refs, r)
		}
	} else {
		sf.refs = append(sf.refs, f.commandRefs()...)
	}
	pls = append(pls, f.runPlacements(pls)...)
	pls = append(pls, f.madePlacements(pls)...)
	placedBy := map[string]string{} // a RUN's copy: dest -> the words of the note
	copied := map[string]bool{}     // its origin
	for _, pl := range pls {
		if pl.from != "" {
			placedBy[pl.dest] = fmt.Sprintf(" (line %d puts %s there)", pl.line, pl.from)
			copied[pl.from] = true
		}
	}
	gitIgnored := f.gitignored()
	ignored := f.dockerignore()
	type pick struct {
		why      string
		optional bool
		line     int
	}
	picked := map[string]pick{}
	var order []string
	choose := func(dest, why string, optional bool, line int) {
		if _, ok := picked[dest]; !ok {
			order = append(order, dest)
			picked[dest] = pick{why + placedBy[dest], optional, line}
		}
	}
	embedded := func(ctxPath string) bool {
		for _, e := range sf.embedded {
			if under(ctxPath, e) || under(e, ctxPath) {
				return true
			}
		}
		return false
	}
	var leftEmbed, leftInputs []placement
	noted := map[string]bool{}
	// expected are the files a plain literal names that the deployer
	// makes before the build: chosen after the loop, so that a known
	// read of the same file gives its reason.
	type expectedCopy struct {
		dest, why string
		line      int
		optional  bool
		made      bool // a RUN makes it: copied even where the program writes it
	}
	var expected []expectedCopy
	built := p.usedArtifacts()
	for _, r := range sf.refs {
		t := r.text
		if t == "" || strings.ContainsAny(t, "\n\\") || strings.Contains(t, "://") {
			continue
		}
		b := path.Clean(t)
		if !path.IsAbs(b) {
			dir := f.workdir
			if r.base != "" {
				dir = r.base
			}
			b = path.Join(dir, b)
		}
		if contains(built, b) || within(b, built) {
			// What the build writes (the jar the command runs, inside
			// a copied project folder) is copied as that, not as the
			// folder a COPY brought.
			continue
		}
		var hit *placement
		var rest string
		for i := range pls {
			pl := &pls[i]
			if pl.open {
				continue
			}
			if x, ok := names(b, pl.dest); ok {
				hit, rest = pl, x
			}
		}
		// A folder inside the working folder that holds entries
		// (http.Dir("static") for what a COPY put in /app/static/css)
		// names each of them; the working folder itself names none.
		var inside []*placement
		if hit == nil && f.workdir != "/" && strings.HasPrefix(b, f.workdir+"/") && !strings.ContainsAny(t, "*?[") {
			for i := range pls {
				if pl := &pls[i]; !pl.open && strings.HasPrefix(pl.dest, b+"/") {
					inside = append(inside, pl)
				}
			}
		}
		if len(r.holding) > 0 {
			// Only the entries that hold what the call reads (a
			// config/application.yml, not config/checkstyle/).
			inside = slices.DeleteFunc(inside, func(pl *placement) bool {
				return !f.holds(pl.src, strings.TrimPrefix(pl.dest, b+"/"), r.holding)
			})
		}
		if hit == nil && len(inside) > 0 {
			why := fmt.Sprintf("%s names %q", r.where, t)
			if r.why != "" {
				why = fmt.Sprintf("%s: %s", r.where, r.why)
			}
			for _, pl := range inside {
				if pl.made {
					choose(pl.dest, why, false, pl.line)
					continue
				}
				if embedded(pl.src) {
					if !noted[pl.dest] {
						noted[pl.dest] = true
						leftEmbed = append(leftEmbed, *pl)
					}
					continue
				}
				if f.buildInputsOnly(rf, pl.src, sf.inputsRead) {
					continue
				}
				choose(pl.dest, why, gitIgnored(pl.src), pl.line)
			}
			continue
		}
		if hit != nil && hit.made {
			choose(hit.dest, fmt.Sprintf("%s names %q", r.where, t), false, hit.line)
			continue
		}
		if hit == nil {
			if r.why == "" && !strings.ContainsAny(t, "*?[") {
				// A plain literal naming a file a RUN of the builder
				// writes where the program reads it (review 19,
				// finding A: openssl's -out server.pem).
				if line, script, ok := f.runMade(rf, b); ok && strings.HasPrefix(b, f.workdir+"/") {
					why := fmt.Sprintf("%s names %q, which line %d writes", r.where, t, line)
					if script != "" {
						why = fmt.Sprintf("%s names %q, which line %d runs %s to write", r.where, t, line, script)
					}
					expected = append(expected, expectedCopy{b, why, line, script != "", true})
					continue
				}
				// A plain literal naming a file the deployer makes
				// before the build (review 19, finding E).
				for _, fc := range folders {
					if path.Dir(b) != fc.dest {
						continue
					}
					src := path.Join(fc.src, path.Base(b))
					if ignored(src) {
						continue
					}
					if how := f.expectedFile(rf, src); how != "" {
						expected = append(expected, expectedCopy{b, fmt.Sprintf("%s names %q, which the build context does not have here; %s", r.where, t, how), fc.line, true, false})
					}
				}
			}
			if r.why != "" && !r.ifPresent && !strings.ContainsAny(t, "*?[") {
				// A file a known call reads that the context lacks: a
				// folder copy would bring it on a machine that has it.
				for _, fc := range folders {
					if path.Dir(b) == fc.dest {
						src := path.Join(fc.src, path.Base(b))
						if !ignored(src) {
							choose(b, fmt.Sprintf("%s: %s, which the build context does not have here", r.where, r.why), true, fc.line)
						}
					}
				}
			}
			continue
		}
		ctxPath := path.Join(hit.src, rest)
		if len(r.holding) > 0 && f.isDir(ctxPath) && !f.holds(ctxPath, "", r.holding) {
			continue
		}
		if embedded(ctxPath) {
			if !noted[hit.dest] {
				noted[hit.dest] = true
				leftEmbed = append(leftEmbed, *hit)
			}
			continue
		}
		if f.buildInputsOnly(rf, hit.src, sf.inputsRead) {
			if !noted[hit.dest] && !rf.BuildInputFor(path.Base(hit.src), sf.inputsRead) {
				noted[hit.dest] = true
				leftInputs = append(leftInputs, *hit)
			}
			continue
		}
		if rest != "" && r.why == "" && !strings.ContainsAny(t, "*?[") && !f.namesEntry(hit.src, rest) && !gitIgnored(ctxPath) {
			// A plain literal is a path only where the folder holds
			// what it names (its first element, since a build step
			// may write below that): a word the program uses as a
			// key or a message (gin.H{"message": ...}) in a folder
			// copied whole is no reason to copy it (review 30,
			// finding B).
			if _, _, made := f.runMade(rf, b); !made {
				continue
			}
		}
		why := fmt.Sprintf("%s names %q", r.where, t)
		if r.why != "" {
			why = fmt.Sprintf("%s: %s", r.where, r.why)
		}
		choose(hit.dest, why, gitIgnored(hit.src), hit.line)
	}
	if len(expected) > 0 {
		// What the program itself writes (badger's .db folder, which
		// .gitignore lists too) is made at run time, not before the build.
		writes, _ := p.sourceWrites()
		dir := p.progDir()
		for _, e := range expected {
			if e.made || !slices.ContainsFunc(writes, func(w writeSeen) bool {
				wp := w.path
				if !path.IsAbs(wp) {
					wp = path.Join(dir, wp)
				}
				return path.Clean(wp) == e.dest
			}) {
				choose(e.dest, e.why, e.optional, e.line)
			}
		}
	}
	sort.Strings(order)
	// A file the command runs (an entrypoint script) is an artifact
	// already: it is copied once, as that.
	arts := p.usedArtifacts()
	var out []string
	for _, d := range order {
		pk := picked[d]
		if contains(arts, d) {
			continue
		}
		out = append(out, d)
		if pk.optional {
			p.optional[d] = true
			p.notes.note(pk.line, infoRunFileOptional, "%s is copied only when the builder has it (%s); it may be absent at build time, and the wildcard form needs BuildKit", d, pk.why)
			p.namedCopies = append(p.namedCopies, madeCopy{dir: d, note: len(p.notes.list) - 1})
			continue
		}
		p.notes.note(pk.line, infoRunFile, "%s is copied to the runtime: %s", d, pk.why)
		p.namedCopies = append(p.namedCopies, madeCopy{dir: d, note: len(p.notes.list) - 1})
	}
	// Say what stays behind, unless it is plainly a build input.
	var left []string
	line := 0
	for _, pl := range pls {
		if _, ok := picked[pl.dest]; ok || pl.made || copied[pl.dest] || noted[pl.dest] || rf.BuildInputFor(path.Base(pl.src), sf.inputsRead) || within(pl.dest, out) || contains(arts, pl.dest) || within(pl.dest, arts) {
			continue
		}
		if f.buildInputsOnly(rf, pl.src, sf.inputsRead) {
			continue // a folder of sources (cmd/, internal/) is no news
		}
		if embedded(pl.src) {
			leftEmbed = append(leftEmbed, pl)
			continue
		}
		if !pl.made && pl.from == "" && f.outsideBuild(pl) {
			out = append(out, pl.dest)
			p.notes.note(pl.line, infoOutsideBuild, "%s is copied to the runtime: the COPY puts it outside the app folder and every folder the build runs in, and no RUN names it, so it is there for the program at run time", pl.dest)
			continue
		}
		left = append(left, p.shown(pl))
		if line == 0 {
			line = pl.line
		}
	}
	if len(left) > 0 {
		p.notes.note(line, infoRunFilesLeft, "not copied to the runtime, since no source names them: %s", strings.Join(left, ", "))
		// A read whose path stays in a folder the runtime gets cannot
		// reach what is left out (review 7, finding D).
		base := p.progDir()
		unnamed := slices.DeleteFunc(slices.Clone(sf.unnamed), func(u sourceRef) bool {
			if u.dir == "" {
				return false
			}
			d := path.Clean(u.dir)
			if !path.IsAbs(d) {
				d = path.Join(base, d)
			}
			have := append(slices.Clone(out), arts...)
			return contains(have, d) || within(d, have)
		})
		if len(unnamed) > 0 {
			u := unnamed[0]
			more := moreCalls(len(unnamed) - 1)
			p.notes.note(line, warnReadUnnamed, "%s reads a file by a path that %s gives, which the source does not spell out%s; the runtime does not get %s, which no source names: if the program reads one of them, copy it with a COPY --from=%s line", u.where, u.text, more, strings.Join(left, ", "), p.stage)
		}
	}
	if len(leftInputs) > 0 {
		p.notes.note(leftInputs[0].line, infoRunFilesLeft, "not copied to the runtime, since they hold only build inputs: %s", p.shownAll(leftInputs))
	}
	if len(leftEmbed) > 0 {
		p.notes.note(leftEmbed[0].line, infoRunFilesLeft, "not copied to the runtime, since the program embeds them: %s", p.shownAll(leftEmbed))
	}
	return out
}

// outsideBuild reports whether a COPY's destination is no input of the
// build (review 25, finding D: COPY public /var/www beside a Go build in
// /go/src/...): neither it nor the COPY's own destination holds or lies
// in the working folder or any folder a build step runs in, no RUN's
// text names it or a path in it, it is not in a folder of the system's
// own (/etc, /usr: what apt or the loader read, a keyring), and it adds
// no package source. Such a file can only be there for run time, even
// when no source spells its path.
func (f *facts) outsideBuild(pl placement) bool {
	dest := path.Clean(pl.dest)
	dests := []string{dest}
	for _, c := range f.copies {
		if c.in.first == pl.line {
			d, _ := f.copyDest(c)
			dests = append(dests, d)
		}
	}
	for _, sys := range []string{"/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/root", "/tmp", "/run", "/dev", "/proc", "/sys", "/var/lib", "/var/cache"} {
		if dest == sys || under(dest, sys) {
			return false
		}
	}
	near := func(d string) bool {
		d = path.Clean(d)
		for _, x := range dests {
			if x == "/" || d == x || under(d, x) || under(x, d) {
				return true
			}
		}
		return false
	}
	if near(f.workdir) {
		return false
	}
	for _, r := range f.runs {
		if strings.Contains(r.text, dest) {
			return false
		}
		for _, b := range r.builds {
			if b.cwd != "" && near(b.cwd) {
				return false
			}
		}
	}
	for i := range f.preset.RuntimePackages {
		if f.preset.RuntimePackages[i].SourceFile(dest) {
			return false
		}
	}
	return true
}

// isDir reports whether a context path is a folder.
// namesEntry reports whether the context folder src holds the first
// element of rest, the path a literal names inside it. Without a context
// nothing can be told, and every name counts.
func (f *facts) namesEntry(src, rest string) bool {
	if f.opt.Context == nil {
		return true
	}
	first, _, _ := strings.Cut(rest, "/")
	_, err := fs.Stat(f.opt.Context, path.Join(src, first))
	return err == nil
}

func (f *facts) isDir(p string) bool {
	if f.opt.Context == nil {
		return false
	}
	st, err := fs.Stat(f.opt.Context, p)
	return err == nil && st.IsDir()
}

// holds reports whether the context path src, placed at prefix inside a
// folder (the folder itself when prefix is empty), puts there a file whose
// path inside the folder one of globs matches. What .dockerignore keeps
// out of the build does not count; neither does a folder too large to
// read whole, which then holds nothing the read could name.
func (f *facts) holds(src, prefix string, globs []string) bool {
	ctx := f.opt.Context
	if ctx == nil {
		return false
	}
	ignored := f.dockerignore()
	found, n := false, 0
	walkContext(ctx, src, func(p string, e fs.DirEntry, err error) error {
		n++
		if err != nil || n > runScanFiles {
			return fs.SkipAll
		}
		if ignored(p) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() || !e.Type().IsRegular() {
			return nil
		}
		rel := prefix
		if p != src {
			rel = path.Join(prefix, strings.TrimPrefix(p, src+"/"))
		}
		for _, g := range globs {
			if ok, _ := path.Match(g, rel); ok {
				found = true
				return fs.SkipAll
			}
		}
		return nil
	})
	return found
}

// madePlacements are the folders a RUN makes with mkdir strictly inside
// the working folder where no COPY put anything (RUN mkdir uploads): the
// program may write into one, so a source that names it gets it copied as
// it would a COPY's entry.
func (f *facts) madePlacements(pls []placement) []placement {
	if f.workdir == "/" {
		return nil
	}
	var out []placement
next:
	for _, m := range f.made {
		if !strings.HasPrefix(m.dir, f.workdir+"/") {
			continue
		}
		for _, pl := range pls {
			if under(m.dir, pl.dest) || under(pl.dest, m.dir) {
				continue next
			}
		}
		for _, o := range out {
			if o.dest == m.dir {
				continue next
			}
		}
		out = append(out, placement{dest: m.dir, line: m.in.first, made: true})
	}
	return out
}

// runPlacements are what a RUN's cp or mv put strictly inside the final
// working folder from what a COPY brought in (`cp -R templates /app`
// after `COPY . /src/`): the program reads it there, as it would an entry
// a COPY put there. The final working folder is a folder, so a copy onto
// it lands inside it.
func (f *facts) runPlacements(pls []placement) []placement {
	if f.workdir == "/" {
		return nil
	}
	var out []placement
	for _, m := range append(append([]move(nil), f.cps...), f.moves...) {
		for _, src := range m.srcs {
			to := m.dest
			if m.into || m.dest == f.workdir {
				to = path.Join(m.dest, path.Base(src))
			}
			if !strings.HasPrefix(to, f.workdir+"/") {
				continue
			}
			for _, pl := range pls {
				rest, ok := names(src, pl.dest)
				if !ok || pl.open || pl.made || pl.src == "" || strings.ContainsAny(src, "*?[") {
					continue
				}
				out = append(out, placement{dest: to, src: path.Join(pl.src, rest), line: m.in.first, from: src})
				break
			}
		}
	}
	return out
}

// commandRefs are the words of the commands the runtime runs: an
// argument such as -config config.yaml names a file as a source would.
func (f *facts) commandRefs() []sourceRef {
	var out []sourceRef
	for _, in := range []*inst{f.entrypoint, f.cmd, f.healthcheck} {
		if in == nil {
			continue
		}
		words := strings.FieldsFunc(in.node.Original, func(r rune) bool {
			return strings.ContainsRune(" \t\r\n\"',[]=;&|()", r)
		})
		for _, w := range words[1:] {
			out = append(out, sourceRef{text: w, where: fmt.Sprintf("line %d", in.first)})
		}
	}
	return out
}

// names reports whether the builder path b (perhaps a glob) is dest or
// inside it, and the rest of b below dest. A wildcard may stand for
// dest's last element, but not alone (a bare * names nothing).
func names(b, dest string) (string, bool) {
	if b == dest || strings.HasPrefix(b, dest+"/") {
		return strings.TrimPrefix(strings.TrimPrefix(b, dest), "/"), true
	}
	be, de := strings.Split(b, "/"), strings.Split(dest, "/")
	if len(be) < len(de) {
		return "", false
	}
	for i, e := range de {
		if be[i] == e {
			continue
		}
		if strings.Trim(be[i], "*?") == "" {
			return "", false
		}
		if ok, _ := path.Match(be[i], e); !ok {
			return "", false
		}
	}
	return path.Join(be[len(de):]...), true
}

// shown names a placement for a note: the builder path, a folder with a
// slash.
func (p *plan) shown(pl placement) string {
	if ctx := p.f.opt.Context; ctx != nil && pl.src != "" {
		if st, err := fs.Stat(ctx, pl.src); err == nil && st.IsDir() {
			return pl.dest + "/"
		}
	}
	return pl.dest
}

func (p *plan) shownAll(pls []placement) string {
	var s []string
	for _, pl := range pls {
		s = append(s, p.shown(pl))
	}
	return strings.Join(s, ", ")
}

// runFilesUnread keeps what the COPY steps wrote, less the build inputs,
// when the sources cannot say what the program reads: never less than
// the files the program could need.
func (p *plan) runFilesUnread(rf *presets.RunFiles, pls []placement, why string) []string {
	f := p.f
	var out, skipped []string
	// Unread sources may be those of a program that reads some build
	// inputs (a .proto parser): those are copied.
	var maybeRead []string
	for _, b := range rf.BuildInputsRead {
		maybeRead = append(maybeRead, b.Names...)
	}
	for _, pl := range pls {
		if pl.open {
			// Without a listing, the folder is copied whole, unless it
			// is not the app's own: / or the builder image's folder
			// (/go holds the module cache).
			if pl.dest == "/" || (!f.setWD && pl.dest == path.Clean(f.imageWD)) {
				p.notes.note(pl.line, warnRunFilesUnknown, "%s; the COPY writes into %s, which is not the app's own folder, so none of what it wrote is copied to the runtime", why, pl.dest)
				continue
			}
			out = append(out, pl.dest)
			continue
		}
		if f.buildInputsOnly(rf, pl.src, maybeRead) {
			if !rf.BuildInputFor(path.Base(pl.src), maybeRead) {
				skipped = append(skipped, p.shown(pl))
			}
			continue
		}
		out = append(out, pl.dest)
	}
	// A folder copied whole brings what is inside it.
	var kept []string
	for _, o := range out {
		if !within(o, out) && !contains(kept, o) {
			kept = append(kept, o)
		}
	}
	sort.Strings(kept)
	if len(kept) > 0 {
		msg := fmt.Sprintf("%s: what the Dockerfile copied is carried to the runtime less its build inputs: %s", why, strings.Join(kept, ", "))
		if open := openCopies(pls, kept); open != "" {
			msg += fmt.Sprintf(" (%s copied whole: its build inputs cannot be told apart without the context)", open)
		}
		p.notes.note(0, infoRunFilesUnread, "%s", msg)
	}
	if len(skipped) > 0 {
		p.notes.note(0, infoRunFilesLeft, "not copied to the runtime, since they hold only build inputs: %s", strings.Join(skipped, ", "))
	}
	return kept
}

func openCopies(pls []placement, kept []string) string {
	var s []string
	for _, pl := range pls {
		if pl.open && contains(kept, pl.dest) {
			s = append(s, pl.dest)
		}
	}
	return strings.Join(s, ", ")
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// appReach keeps what the build put beside an app folder, for a preset
// that does not read the sources for the files they name: an app may
// reach any of it (require('../shared/util.js')). When the dependencies
// are installed in a sub-folder of the working folder and a COPY put
// files in the working folder outside it, the app folder becomes the
// working folder; what a COPY put outside every copied folder is copied
// at the same place. It returns the artifacts to copy, and those files.
func (p *plan) appReach(arts []string) ([]string, []string) {
	f := p.f
	var apps []string
	for _, a := range p.artifacts {
		if a.folder && a.app && contains(arts, a.dir) {
			apps = append(apps, a.dir)
		}
	}
	if len(apps) == 0 || len(f.copies) == 0 {
		return arts, nil
	}
	pls, _ := f.placements()
	wd := f.workdir
	for _, app := range apps {
		if wd == "/" || app == wd || !under(app, wd) || contains(arts, wd) {
			continue
		}
		var beside []string
		for _, pl := range pls {
			switch {
			case !under(pl.dest, wd) || under(pl.dest, app):
			case !under(app, pl.dest):
				beside = append(beside, pl.dest)
			case pl.open:
				// COPY . . with no build context: what it wrote beside
				// the install folder cannot be listed.
				beside = append(beside, fmt.Sprintf("what the COPY on line %d wrote", pl.line))
			}
		}
		if len(beside) == 0 {
			continue
		}
		sort.Strings(beside)
		var in *inst
		for _, a := range p.artifacts {
			if a.app && a.dir == app {
				in = a.in
				break
			}
		}
		p.notes.note(in.first, infoAppIsWorkdir, "the app folder is the working folder %s, not %s where the dependencies are installed: the build also puts %s there, which the app may reach", wd, app, strings.Join(beside, ", "))
		var out []string
		for _, a := range arts {
			if a != app && !within(a, []string{wd}) {
				out = append(out, a)
			}
		}
		arts = append(out, wd)
	}
	var files []string
	for _, pl := range pls {
		covered := pl.dest == "/"
		for _, a := range arts {
			covered = covered || under(pl.dest, a) || under(a, pl.dest)
		}
		for _, d := range files {
			covered = covered || under(pl.dest, d)
		}
		if covered || under(wd, pl.dest) || f.runRemoves(pl.dest) {
			continue
		}
		files = append(files, pl.dest)
		p.notes.note(pl.line, infoBesideApp, "%s is copied to the runtime: the build puts it outside the app folder %s, and the app may reach it", pl.dest, strings.Join(apps, ", "))
	}
	return arts, files
}

// runRemoves reports whether a RUN removes or moves dest or a folder
// holding it (rm /tmp/requirements.txt, mv /tmp/x /app): the builder no
// longer has it there, and a COPY --from of it would fail.
func (f *facts) runRemoves(dest string) bool {
	for _, st := range f.runs {
		for _, c := range st.cmds {
			if len(c.args) < 2 || (c.args[0].text != "rm" && c.args[0].text != "mv") {
				continue
			}
			for _, a := range c.args[1:] {
				if a.dynamic || strings.HasPrefix(a.text, "-") {
					continue
				}
				abs := path.Join(c.cwd, a.text)
				if path.IsAbs(a.text) {
					abs = path.Clean(a.text)
				}
				for x := dest; ; x = path.Dir(x) {
					if ok, _ := path.Match(abs, x); ok || abs == x {
						return true
					}
					if x == "/" || x == "." {
						break
					}
				}
			}
		}
	}
	return false
}

// moreCalls says how many more such calls a note leaves unnamed after the
// one it names: "" for none.
func moreCalls(n int) string {
	switch {
	case n == 1:
		return " (and 1 more such call)"
	case n > 1:
		return fmt.Sprintf(" (and %d more such calls)", n)
	}
	return ""
}
