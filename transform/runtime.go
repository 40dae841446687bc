package transform

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// planPackages writes the runtime's installs of the run-time libraries
// that the builder's build packages imply.
func (p *plan) planPackages() error {
	f := p.f
	values := p.values()
	for i := range f.preset.RuntimePackages {
		m := &f.preset.RuntimePackages[i]
		if !m.Allows(values) {
			continue // a map for another release (when) is not used at all, builder_libs included
		}
		var libs []string
		if i < len(f.pkgs) {
			libs = slices.Clone(f.pkgs[i])
			if p.static && f.preset.Static.Env.Len() > 0 {
				// Built with the static switch, the program loads no C
				// library: the run-time libraries the map gives for the
				// development packages are of no use (review 6, finding
				// G, contrast: libopus-dev beside sources that cannot use
				// cgo). What is kept as it is (a program) stays.
				libs = slices.DeleteFunc(libs, func(l string) bool { return !slices.Contains(f.pkgAsIs[i], l) })
			}
			libs = p.leaveFetchTools(m, f.pkgAsIs[i], libs)
			bo := p.nativeBuildKept(m, f.pkgBuildOnly[i], f.pkgOrder[i], &libs)
			libs = p.keepRunBuildOnly(m, bo, libs)
			libs = p.addRecommended(m, f.pkgRecs[i], libs)
		}
		libs = p.builderLibs(i, m, libs)
		if i < len(f.unreached) {
			p.warnUnreached(m, f.unreached[i])
		}
		if i < len(f.pkgUnknown) {
			for _, u := range f.pkgUnknown[i] {
				p.notes.note(u.line, warnPackagesUnknown, "%s installs packages from %s, %s: restage cannot tell which, and the runtime installs none of them (if the app needs one at run time, install it in the runtime stage)", m.Command, u.word, u.why)
			}
		}
		if i < len(f.unmapped) && len(f.unmapped[i]) > 0 {
			var names []string
			for _, u := range f.unmapped[i] {
				names = append(names, u.pkg)
			}
			stays := "stays"
			if len(names) > 1 {
				stays = "stay"
			}
			p.notes.note(f.unmapped[i][0].line, warnDevUnmapped, "%s %s in the builder, and the preset knows no run-time library for %s: the runtime installs none (if the app loads or links such a library at run time, install it in the runtime stage)", strings.Join(names, ", "), stays, pronoun(len(names)))
		}
		if len(libs) == 0 {
			continue
		}
		if allMatch(m.Alongside, libs) {
			// Alone they need no package manager where the runtime has
			// them; which runtime that is, is not known yet.
			p.alongside = append(p.alongside, alongsideOnly{m: m, libs: libs, at: len(p.runs)})
			continue
		}
		for _, b := range p.hadBase(m) {
			if !slices.Contains(libs, b) {
				libs = append(libs, b)
			}
		}
		if m.Release != nil {
			p.releases = append(p.releases, pkgRelease{m.Release, libs})
		}
		line, err := m.InstallLine(strings.Join(libs, " "))
		if err != nil {
			return declinef(internalRender, "internal error: install template: %v", err)
		}
		p.runs = append(p.runs, line)
		p.installed = append(p.installed, libs...)
		p.pkgInstalled = append(p.pkgInstalled, libs...)
		// A meta-package installed gives the programs it brings
		// (build-essential: gcc, g++, make), which the runtime then has.
		for _, l := range libs {
			name, _, _ := strings.Cut(l, "=")
			for _, pr := range m.RunsAs(name)[1:] {
				p.installed = appendNew(p.installed, pr)
			}
		}
		if m.Tool != "" {
			p.pkgTools = append(p.pkgTools, m.Tool)
		}
		p.notes.note(0, infoRuntimePackages, "the runtime installs the system packages the app needs at run time (build-only ones stay in the builder): %s", strings.Join(libs, ", "))
	}
	return nil
}

// addRecommended adds to libs what the packages kept as they are
// recommend, where the file's install took recommendations and the map
// says such a package holds what the package gave in the builder (Debian
// 13's docker.io and docker-cli, review 19, finding D): the runtime's
// install line leaves recommendations out.
func (p *plan) addRecommended(m *presets.PackageMap, recs []pkgAt, libs []string) []string {
	for _, r := range recs {
		if !slices.Contains(libs, r.name) {
			continue // left in the builder (a fetch tool) or removed
		}
		var adds []string
		for _, w := range m.Recommends.Get(r.name) {
			if !slices.Contains(libs, w) {
				libs = append(libs, w)
				adds = append(adds, w)
			}
		}
		if len(adds) > 0 {
			p.notes.note(r.line, infoRecommendsKept, "%s come%s with %s in the runtime: the original's install of %s took what it recommends, which the runtime's install line leaves out, and %s hold%s what %s gave in the builder", strings.Join(adds, ", "), plural1(len(adds)), r.name, r.name, strings.Join(adds, ", "), plural1(len(adds)), r.name)
		}
	}
	return libs
}

// hadBase are the map's base packages the builder had when the program
// ran: a package its image lacks (ca-certificates on node:22-slim) and no
// install of the file gives is not added (review 6, finding K).
func (p *plan) hadBase(m *presets.PackageMap) []string {
	var out []string
	for _, b := range m.Base {
		if p.f.hasPackage([]string{b}, 0, -1) {
			out = append(out, b)
		}
	}
	return out
}

// alongsideOnly is a package map's install of packages that the default
// runtime has already (alongside: CA certificates, zone data) and nothing
// else: the runtime installs them only when it lacks them.
type alongsideOnly struct {
	m    *presets.PackageMap
	libs []string
	at   int // where in the runtime's RUN lines the map's install goes
	// deps are set when the packages are libraries of the builder image
	// that dependencies need (presets.BuilderLibs.Alongside), not
	// packages the builder installs: the notes say why by them.
	deps []libNeed
}

// libNeed is a dependency's need of builder libraries: the reason
// (presets.BuilderLibs.Reason), its line (0 for a file) and the packages.
type libNeed struct {
	line int
	why  string
	pkgs []string
}

// lacks are the packages of a that the runtime r does not list as its
// own (runtimes[].packages).
func (a alongsideOnly) lacks(r *Runtime) []string {
	var out []string
	for _, l := range a.libs {
		name, _, _ := strings.Cut(l, "=")
		if !allMatch(r.Packages, []string{name}) {
			out = append(out, l)
		}
	}
	return out
}

// canInstall reports whether the runtime r can run the map's install
// line: it has the map's tool (apk, apt-get), or a shell when the map
// names none.
func canInstall(r *Runtime, m *presets.PackageMap) bool {
	if m.Tool != "" {
		return r.HasTool(m.Tool)
	}
	return r.Shell
}

// alongsideFits reports whether the runtime r has, or can install, the
// alongside packages the builder installs on their own: a runtime
// chosen on its own (not asked for) must not lose the zone data the
// builder installed (review 5, finding A).
func (p *plan) alongsideFits(r *Runtime) bool {
	for _, a := range p.alongside {
		if len(a.lacks(r)) > 0 && !canInstall(r, a.m) {
			return false
		}
	}
	return true
}

// installAlongside installs in the chosen runtime the alongside packages
// the builder installed on their own that it lacks (tzdata on alpine),
// with the map's base packages it lacks too, at the place of the map's
// install. A runtime asked for that cannot install them gets a warning.
func (p *plan) installAlongside() error {
	r := p.runtime
	for k := len(p.alongside) - 1; k >= 0; k-- {
		a := p.alongside[k]
		miss := a.lacks(r)
		if len(miss) == 0 {
			continue
		}
		if !canInstall(r, a.m) && len(a.deps) > 0 {
			for _, n := range a.deps {
				if pk := intersect(n.pkgs, miss); len(pk) > 0 {
					p.notes.note(n.line, warnBuilderLibMissing, "%s: the runtime %s has no %s and cannot install %s; use a runtime that has %s", n.why, r.Flavor, strings.Join(pk, ", "), pronoun(len(pk)), pronoun(len(pk)))
				}
			}
			continue
		}
		if !canInstall(r, a.m) {
			p.notes.note(0, warnAlongsideMissing, "the builder installs %s, which the runtime %s does not have and cannot install: what the program reads from %s at run time is missing; install %s in the runtime stage, or use a runtime that has %s", strings.Join(miss, ", "), r.Flavor, pronoun(len(miss)), pronoun(len(miss)), pronoun(len(miss)))
			continue
		}
		base := alongsideOnly{libs: p.hadBase(a.m)}.lacks(r)
		libs := slices.Clone(miss)
		for _, b := range base {
			if !slices.Contains(libs, b) {
				libs = append(libs, b)
			}
		}
		line, err := a.m.InstallLine(strings.Join(libs, " "))
		if err != nil {
			return declinef(internalRender, "internal error: install template: %v", err)
		}
		p.runs = slices.Insert(p.runs, min(a.at, len(p.runs)), line)
		p.installed = append(p.installed, libs...)
		p.pkgInstalled = append(p.pkgInstalled, libs...)
		if len(a.deps) > 0 {
			for _, n := range a.deps {
				if pk := intersect(n.pkgs, miss); len(pk) > 0 {
					p.notes.note(n.line, infoBuilderLibs, "%s: the runtime installs %s", n.why, strings.Join(pk, ", "))
				}
			}
			p.notes.note(0, infoRuntimePackages, "the runtime installs the system packages the app needs at run time (build-only ones stay in the builder): %s", strings.Join(libs, ", "))
			continue
		}
		p.notes.note(0, infoAlongsideInstalled, "the runtime installs %s: the builder installs %s, which the default runtime has and runtime %s does not", strings.Join(libs, ", "), strings.Join(miss, ", "), r.Flavor)
	}
	return nil
}

// leaveFetchTools drops from libs the packages kept as they are that
// the map calls build-time download tools (fetch_tools) when nothing
// that runs in the container names their program, with a note.
func (p *plan) leaveFetchTools(m *presets.PackageMap, asIs, libs []string) []string {
	if len(m.FetchTools) == 0 {
		return libs
	}
	run, unnamed := p.runProgramNames()
	if unnamed {
		return libs // the program a source runs may be one of them
	}
	var left []string
	out := libs[:0]
	for _, l := range libs {
		name, _, _ := strings.Cut(l, "=")
		if slices.Contains(asIs, l) && buildOnly(m.FetchTools, name) && !run[name] {
			left = append(left, name)
			continue
		}
		out = append(out, l)
	}
	if len(left) > 0 {
		p.notes.note(0, infoFetchToolLeft, "%s stay%s in the builder: the runtime gets a build-time download tool only when something that runs in the container (CMD, ENTRYPOINT, their script, HEALTHCHECK, the sources' program calls) names its program, and nothing names %s", strings.Join(left, ", "), plural1(len(left)), pronoun(len(left)))
	}
	return out
}

// nativeBuildKept moves into libs, in the order the file installs them,
// the build-only packages that only a native build needs (the map's
// native_build: node-gyp's python3) when nothing in the file or the
// build context shows such a build: they were installed for run time
// (review 5, finding G). A C toolchain set aside as building nothing
// (dropMeans) still shows what they were installed for: node-gyp's
// python3 beside its compiler. It returns the build-only packages left.
func (p *plan) nativeBuildKept(m *presets.PackageMap, bo, order []string, libs *[]string) []string {
	if len(m.NativeBuild) == 0 || len(p.libcWhy) > 0 || len(p.meansSet) > 0 {
		return bo
	}
	var kept, left []string
	for _, b := range bo {
		name, _, _ := strings.Cut(b, "=")
		if buildOnly(m.NativeBuild, name) {
			kept = append(kept, b)
		} else {
			left = append(left, b)
		}
	}
	if len(kept) == 0 {
		return bo
	}
	*libs = append(*libs, kept...)
	slices.SortStableFunc(*libs, func(a, b string) int {
		return cmpIndex(order, a) - cmpIndex(order, b)
	})
	p.notes.note(0, infoNativeToolKept, "%s, build-only when the build compiles native code, %s installed in the runtime: nothing in the file or the build context shows a native build, so %s installed for run time", strings.Join(kept, ", "), isAre(len(kept)), wasWere(len(kept)))
	return left
}

// cmpIndex is where x first is in order, or past its end.
func cmpIndex(order []string, x string) int {
	if k := slices.Index(order, x); k >= 0 {
		return k
	}
	return len(order)
}

// wasWere is "it was" or "they were" for n subjects.
func wasWere(n int) string {
	if n == 1 {
		return "it was"
	}
	return "they were"
}

// keepRunBuildOnly adds to libs the build-only packages whose program
// (the package's name) something that runs in the container names: a
// code runner whose sources run gcc or python3 needs them at run time.
// The others are remembered for the warning on programs the sources
// name by an expression.
func (p *plan) keepRunBuildOnly(m *presets.PackageMap, bo, libs []string) []string {
	if len(bo) == 0 {
		return libs
	}
	run, _ := p.runProgramNames()
	var kept, with, progs, brings []string
	for _, b := range bo {
		name, _, _ := strings.Cut(b, "=")
		// The program run: the package's own name, or one a
		// meta-package brings (build-essential's gcc).
		ran := ""
		for _, pr := range m.RunsAs(name) {
			if run[pr] {
				ran = pr
				break
			}
		}
		if ran != "" {
			kept = append(kept, b)
			progs = append(progs, ran)
			if ran != name {
				brings = append(brings, fmt.Sprintf("%s brings %s", name, ran))
			}
			if !slices.Contains(libs, b) {
				libs = append(libs, b)
			}
			// What the program needs to work as it did in the builder
			// (gcc: the C library's headers and start files).
			var adds []string
			for _, w := range m.KeptWithOf(name) {
				if !slices.Contains(libs, w) {
					libs = append(libs, w)
					adds = append(adds, w)
				}
			}
			if len(adds) > 0 {
				with = append(with, fmt.Sprintf("%s come%s with %s, which needs %s to work as in the builder", strings.Join(adds, ", "), plural1(len(adds)), name, pronoun(len(adds))))
			}
			continue
		}
		p.buildOnlyLeft = appendNew(p.buildOnlyLeft, name)
	}
	if len(kept) > 0 {
		withText := ""
		if len(with) > 0 {
			withText = "; " + strings.Join(with, "; ")
		}
		runs := pronoun(len(kept))
		if len(brings) > 0 {
			runs = strings.Join(progs, ", ") + " (" + strings.Join(brings, "; ") + ")"
		}
		p.notes.note(0, infoBuildOnlyRun, "%s, build-only by default, %s installed in the runtime: something that runs in the container (CMD, ENTRYPOINT, their script, HEALTHCHECK, the sources' program calls) runs %s%s", strings.Join(kept, ", "), isAre(len(kept)), runs, withText)
	}
	return libs
}

// isAre is the verb for n subjects.
func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// plural1 is the verb ending of a present-tense verb for n subjects.
func plural1(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

// runProgramNames are the programs something that runs in the container
// names: the start command and the commands after it, the script it
// runs, the HEALTHCHECK, the sources' program calls. unnamed says a
// source call names its program by an expression, which may be any.
func (p *plan) runProgramNames() (run map[string]bool, unnamed bool) {
	run = map[string]bool{}
	add := func(w string) {
		if w != "" {
			run[path.Base(w)] = true
		}
	}
	if p.prog != nil {
		add(p.prog.word)
		for _, t := range p.prog.tools {
			add(t)
		}
		if len(p.prog.exec) > 0 {
			add(p.prog.exec[0])
		}
	}
	for _, cs := range [][]simpleCmd{p.restCmds, p.scriptCmds} {
		for _, c := range cs {
			if args, _ := c.argv(); len(args) > 0 {
				add(args[0].text)
			}
		}
	}
	for _, t := range p.healthcheckTools() {
		add(t)
	}
	for _, u := range p.sourcePrograms() {
		add(u.name)
		unnamed = unnamed || u.expr != ""
	}
	return run, unnamed
}

// pkgRelease is a runtime install whose packages come from a system
// release the builder's values may not name.
type pkgRelease struct {
	rel  *presets.Release
	libs []string
}

// noteRelease warns when the program links libraries that the runtime
// installs from its own system release, and the builder's tag names none:
// the two stages may be on different releases. It also warns when the
// builder is on a release the runtime is not on, and the runtime installs
// packages the builder installed (noteReleaseDrift).
func (p *plan) noteRelease() {
	p.noteReleaseDrift()
	if p.libc() == "none" {
		return
	}
	values := p.values()
	for _, r := range p.releases {
		if values[r.rel.Value] != "" {
			continue
		}
		p.notes.note(p.f.from.first, warnPackagesRelease, "%s does not name its %s: the runtime %s installs %s from its own release, and the program links libraries of the builder's, whose names (sonames) may differ; name the %s in the builder's tag so that both stages use the same one", p.f.image, r.rel.What, p.image, strings.Join(r.libs, ", "), r.rel.What)
	}
}

// noteReleaseDrift warns when the runtime installs packages the builder
// installed and the runtime says it is on another system release than
// the one the builder's values name (runtimes[].release): the names the
// builder installed may not exist there, or be other versions (issue 8,
// left: Debian release drift). A runtime that follows the builder's
// release, or a builder whose release is not told, gets nothing.
func (p *plan) noteReleaseDrift() {
	r := p.runtime
	if r == nil || r.Release == nil || len(p.pkgInstalled) == 0 {
		return
	}
	values := p.values()
	b := values[r.Release.Value]
	if b == "" {
		return
	}
	img, err := r.ReleaseFor(values)
	if err != nil || img == "" || img == b {
		return
	}
	var pkgs []string
	for _, x := range p.pkgInstalled {
		pkgs = appendNew(pkgs, x)
	}
	p.notes.note(p.f.from.first, warnReleaseDrift, "%s is on %s, but the runtime %s is on %s, and no image of its family is on %s: it installs %s by the builder's names, which may not exist there or may be other versions with other libraries; check them, or base the runtime stage on an image of %s", p.f.image, b, p.image, r.Release.What, b, strings.Join(pkgs, ", "), b)
}

// allMatch reports whether every package matches one of the globs.
func allMatch(globs, pkgs []string) bool {
	for _, p := range pkgs {
		if !buildOnly(globs, p) {
			return false
		}
	}
	return true
}

// warnUnreached says which packages the builder installs that the
// runtime's install line cannot reach by name: one warning for those
// from a package source the file adds, one for those named by a path
// (./x.deb) or with a release (pkg/bookworm-backports).
func (p *plan) warnUnreached(m *presets.PackageMap, us []unreached) {
	var fromSrc, fromFile []string
	srcLine, srcAt, fileAt := 0, 0, 0
	untold := false
	for _, u := range us {
		switch {
		case u.srcLine != 0 && !slices.Contains(fromSrc, u.pkg):
			untold = untold || u.untold
			if len(fromSrc) == 0 {
				srcLine, srcAt = u.line, u.srcLine
			}
			fromSrc = append(fromSrc, u.pkg)
		case u.srcLine == 0 && !slices.Contains(fromFile, u.pkg):
			if len(fromFile) == 0 {
				fileAt = u.line
			}
			fromFile = append(fromFile, u.pkg)
		}
	}
	// The runtime installs with its tool (apt-get), whichever front end
	// the builder used (apt install).
	tool := m.Tool
	if tool == "" {
		tool = strings.Fields(m.Command)[0]
	}
	if len(fromSrc) > 0 {
		where := fmt.Sprintf("line %d", srcAt)
		if srcAt == srcLine {
			where = "this RUN"
		}
		if untold {
			// Review 25, finding E: what a source gives is known only for
			// the presets' known_sources; after another, a package may as
			// well be one the image's own sources have.
			which := "which of them come from that source"
			if len(fromSrc) == 1 {
				which = "whether it comes from that source"
			}
			p.notes.note(srcLine, warnUnreachedPackages, "the runtime lacks %s, which the builder installs after a package source %s adds: restage cannot tell %s, and the runtime's %s reaches only its image's own sources (install %s in the runtime stage as the builder does)", strings.Join(fromSrc, ", "), where, which, tool, pronoun(len(fromSrc)))
		} else {
			p.notes.note(srcLine, warnUnreachedPackages, "the runtime lacks %s, which the builder installs from a package source %s adds: the runtime's %s reaches only its image's own sources (install %s in the runtime stage as the builder does)", strings.Join(fromSrc, ", "), where, tool, pronoun(len(fromSrc)))
		}
	}
	if len(fromFile) > 0 {
		p.notes.note(fileAt, warnUnreachedPackages, "the runtime lacks %s, which the builder installs by a path (a package file) or from a named release: the runtime's %s cannot install that by name (install %s in the runtime stage as the builder does)", strings.Join(fromFile, ", "), tool, pronoun(len(fromFile)))
	}
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// builderLibs adds to a package map's run-time packages those that
// dependencies named in a RUN or a file of the build context need from
// the builder image, when its tag is one b lists, with a note for each
// dependency that adds one.
func (p *plan) builderLibs(pm int, m *presets.PackageMap, libs []string) []string {
	f := p.f
	b := m.BuilderLibs
	if b == nil || !b.Builds(f.tag) {
		return libs
	}
	var found []libDep
	for _, d := range f.libDeps {
		if d.pm == pm {
			found = append(found, d)
		}
	}
	found = append(found, f.contextLibDeps(pm, b)...)
	var seen []*presets.LibDep
	var needs []libNeed
	var all []string
	for _, d := range found {
		if slices.Contains(seen, d.dep) {
			continue
		}
		seen = append(seen, d.dep)
		var add []string
		for _, pkg := range d.dep.Packages {
			if !slices.Contains(libs, pkg) && !slices.Contains(all, pkg) {
				add = append(add, pkg)
			}
		}
		if len(add) == 0 {
			continue
		}
		all = append(all, add...)
		needs = append(needs, libNeed{line: d.line, why: b.Reason(d.dep.Name, d.where), pkgs: add})
	}
	if len(needs) == 0 {
		return libs
	}
	if b.Alongside && len(libs) == 0 {
		// Nothing else to install: which runtime lacks them is not
		// known yet, and one that has them (distroless) needs none.
		p.alongside = append(p.alongside, alongsideOnly{m: m, libs: all, at: len(p.runs), deps: needs})
		return libs
	}
	for _, n := range needs {
		p.notes.note(n.line, infoBuilderLibs, "%s: the runtime installs %s", n.why, strings.Join(n.pkgs, ", "))
	}
	return append(libs, all...)
}

// intersect returns the elements of a that b holds, in a's order.
func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// allDeferred reports whether every sign is one that says little of
// why (presets.Signal.Defer).
func allDeferred(es []Evidence) bool {
	for _, e := range es {
		if !e.deferred {
			return false
		}
	}
	return len(es) > 0
}

// decideLibc decides whether the artifacts link a C library, and whether
// the static switch must be set on the build commands.
func (p *plan) decideLibc() {
	f := p.f
	for _, e := range f.env {
		if _, ok := f.preset.Static.Env.Lookup(e.key); ok {
			p.staticSet = true
		}
		for _, sig := range f.preset.Static.NeedsLibc {
			if sig.Matches(e.key + "=" + strings.Trim(e.raw, `"'`)) {
				p.libcWhy = append(p.libcWhy, Evidence{Line: e.in.first, What: sig.Why, means: sig.Means, deferred: sig.Defer})
			}
		}
	}
	p.dropMeans()
	if len(p.libcWhy) == 0 && !p.staticSet {
		// Only now is the build context worth reading: it can only keep
		// the static switch off.
		p.libcWhy, p.libcFree, p.lockUnread = f.contextLibc(f.devOmitted(p.keepDev))
	} else if allDeferred(p.libcWhy) && !p.staticSet {
		// Signs that say little of why (a library's development package
		// installed): a dependency the context names says better (review
		// 6, finding G: libvips-dev beside go.mod's bimg).
		if ctx, _, _ := f.contextLibc(f.devOmitted(p.keepDev)); len(ctx) > 0 {
			p.libcWhy = append(ctx, p.libcWhy...)
		}
	}
	// Said only where it explains a static switch not set: a preset with
	// none says it in the runtime's note, when the C library matters there.
	if len(p.libcWhy) > 0 && f.preset.Static.Env.Len() > 0 {
		w := p.libcWhy[0]
		p.notes.note(w.Line, infoLibcKept, "the program links %s (%s): the runtime needs the same C library", f.variant.Libc, w.What)
	}
	if len(p.libcWhy) == 0 && !p.staticSet {
		p.static = true
		line := 0
		for _, a := range p.artifacts {
			if a.folder || a.kept() {
				line = a.in.first
				break
			}
		}
		for _, k := range f.preset.Static.Env.Names() {
			p.notes.note(line, infoStaticEnv, "%s=%s is set on the build so the program needs no C library", k, f.preset.Static.Env.Get(k))
		}
	}
}

// checkStaticReach declines a file where the static switch would not
// reach a build command: one run under sudo, which resets the
// environment that a prefix or an ENV line sets, or under an `env -i`
// that other wrappers follow.
func (p *plan) checkStaticReach() error {
	if !p.static {
		return nil
	}
	f := p.f
	for _, r := range f.runs {
		if r.script == nil {
			continue
		}
		// Each command once: a script of many builds would otherwise
		// be scanned once per build, in quadratic time.
		var cmds []string
		for _, b := range r.builds {
			if b.bc.Artifact != nil && !slices.Contains(cmds, b.bc.Command) {
				cmds = append(cmds, b.bc.Command)
			}
		}
		for _, cmd := range cmds {
			for _, c := range buildCmds(r.script, []string{cmd}) {
				for i, wi := range c.Wrappers {
					w := c.Words[wi].Text
					if w == "sudo" || w == "env" && i != len(c.Wrappers)-1 && clearsEnv(c, wi) {
						return declinef(declEnvUnreachable, "line %d: `%s` runs under %s, which does not pass the environment on: restage cannot set %s for it (set it after %s on the command yourself, or build without %s)", r.in.first, cmd, w, staticText(f.preset.Static.Env), w, w)
					}
				}
			}
		}
	}
	return nil
}

func staticText(env presets.Dict[string]) string {
	var kv []string
	for k, v := range env.All() {
		kv = append(kv, k+"="+v)
	}
	return strings.Join(kv, " ")
}

// libc is the C library the program needs: none, glibc or musl.
func (p *plan) libc() string {
	if len(p.libcWhy) > 0 {
		return p.f.variant.Libc
	}
	if p.f.preset.Static.Env.Len() == 0 {
		// Without a way to build static artifacts (the preset has none),
		// what the build made links the builder's C library, unless a
		// lockfile shows that nothing in it does.
		if p.libcFree != "" {
			return "none"
		}
		return p.f.variant.Libc
	}
	// The file sets the switch itself: trust a static value only.
	for k, v := range p.f.preset.Static.Env.All() {
		if got, ok := p.f.envNow[k]; ok && got != v {
			return p.f.variant.Libc
		}
	}
	return "none"
}

func fits(r *Runtime, libc string) bool {
	switch libc {
	case "none":
		return true
	default:
		return r.Libc == libc
	}
}

// chooseRuntime picks the runtime image for the needs the file shows.
func (p *plan) chooseRuntime() error {
	f := p.f
	libc := p.libc()
	// A program of the command that the runtime installs as a package of
	// its name (bash, a build-only package the command runs: RS187) needs
	// the package tool instead.
	need := append(append([]string(nil), p.hcMissing(p.prog.tools)...), p.pkgTools...)
	p.srcNeeds = p.sourceNeeds()
	for _, n := range p.srcNeeds {
		for _, t := range n.tools {
			if !slices.Contains(need, t) {
				need = append(need, t)
			}
		}
	}
	tools := p.builderLacks(p.hcMissing(p.healthcheckTools()))
	values := p.values()
	asked := f.opt.Runtime
	// strict: a runtime must have, or be able to install, the alongside
	// packages the builder installs on their own; dropped when no runtime
	// of the preset's order can (a hardened family), which then warns.
	strict := asked == "" && len(p.alongside) > 0
	// A runtime whose image cannot follow the builder's build arguments
	// is passed over while another can (p.argPrefer).
	p.argTag = f.argTagOf(values)
	p.argPrefer = p.argTag != nil && asked == ""
	argOK := func(r *Runtime) bool {
		if !p.argPrefer {
			return true
		}
		ok, _ := p.argTag.follows(r)
		return ok
	}
	pick := func(flavor string, withTools bool) *Runtime {
		for i := range f.preset.Runtimes {
			r := &f.preset.Runtimes[i]
			if r.Flavor != flavor || !fits(r, libc) || !r.Allows(values) || !argOK(r) {
				continue
			}
			if len(missingTools(r, need)) > 0 || (strict && !p.alongsideFits(r)) {
				continue
			}
			if withTools && len(missingTools(r, tools)) > 0 {
				continue
			}
			return r
		}
		return nil
	}
	need = p.fromPathFolders(need, p.prog.holder)
	tools = p.fromPathFolders(tools, f.healthcheck)
	// The compose commands' programs count as the CMD's, once it is
	// known that they are why no runtime fits (composeLacks).
	plain := need
	fitsNeed := func(n []string) bool {
		saved := need
		need = n
		defer func() { need = saved }()
		if asked != "" {
			return pick(asked, false) != nil
		}
		return slices.ContainsFunc(p.order(), func(fl string) bool { return pick(fl, false) != nil })
	}
	if err := p.composeLacks(asked, plain, fitsNeed); err != nil {
		return err
	}
	for _, t := range p.hcMissing(p.composeTools()) {
		need = appendNew(slices.Clone(need), t)
	}
	if strict && !slices.ContainsFunc(p.order(), func(fl string) bool { return pick(fl, false) != nil }) {
		strict = false
	}
	if p.argPrefer && !slices.ContainsFunc(p.order(), func(fl string) bool { return pick(fl, false) != nil }) {
		p.argPrefer = false
	}
	freeWhy := ""
	if p.libcFree != "" && asked == "" && pick(f.preset.DefaultFlavor, true) == nil {
		// A program free of the C library leaves the builder's family
		// only for the default flavor: any other would be no smaller than
		// the builder's own (node:slim for node:alpine).
		if pick(f.preset.DefaultFlavor, false) == nil {
			freeWhy = p.unmet(f.preset.DefaultFlavor, libc, need, values)
		} else {
			freeWhy = fmt.Sprintf("HEALTHCHECK runs %s, which %s does not have", strings.Join(tools, ", "), f.preset.DefaultFlavor)
		}
		libc = f.variant.Libc
	}
	needs := p.needsText(libc, need)
	if asked != "" {
		known := false
		for _, r := range f.preset.Runtimes {
			known = known || r.Flavor == asked
		}
		if !known {
			return declinef(declNoSuchRuntime, "the %s preset has no %q runtime", f.preset.Name, asked)
		}
		r := pick(asked, false)
		if r == nil {
			if err := p.installForScript([]string{asked}, &need, pick); err != nil {
				return err
			}
			r = p.runtime
		}
		if r == nil {
			return declinef(declRuntimeCannotRun, "--runtime %s cannot run this program: %s", asked, p.unmet(asked, libc, need, values))
		}
		p.runtime, p.why = r, "asked for with --runtime "+asked+"; "+r.Why
	} else {
		order := append([]string{f.preset.DefaultFlavor}, f.preset.Fallback...)
		for _, fl := range order {
			if r := pick(fl, false); r != nil {
				p.runtime = r
				break
			}
		}
		if p.runtime == nil {
			if err := p.installForScript(order, &need, pick); err != nil {
				return err
			}
		}
		if p.runtime == nil {
			if why := p.noImageFor(order, values); why != "" {
				return declinef(declNoRuntime, "no runtime of the %s preset can run this program: %s", f.preset.Name, why)
			}
			return declinef(declNoRuntime, "no runtime of the %s preset can run this program: %s", f.preset.Name, needs)
		}
		p.why = p.runtime.Why
		if p.runtime.Flavor != f.preset.DefaultFlavor {
			why := p.unmet(f.preset.DefaultFlavor, libc, need, values)
			if freeWhy != "" {
				why = freeWhy
			}
			p.why = fmt.Sprintf("%s instead of %s: %s; %s", p.runtime.Flavor, f.preset.DefaultFlavor, why, p.runtime.Why)
			// RS157 says it when the sources' calls are the whole reason,
			// RS172 when the compose commands' programs are.
			switch {
			case p.onlyForNeeds(func() bool { return pick(f.preset.DefaultFlavor, false) != nil }, &need):
			case len(need) > len(plain) && fitsNeed(plain) && func() bool {
				saved := need
				need = plain
				defer func() { need = saved }()
				return pick(f.preset.DefaultFlavor, false) != nil
			}():
				p.notes.note(p.prog.holder.first, infoFlavorCompose, "runtime %s instead of %s: %s", p.runtime.Flavor, f.preset.DefaultFlavor, why)
			default:
				p.notes.note(p.prog.holder.first, infoFlavorFallback, "runtime %s instead of %s: %s", p.runtime.Flavor, f.preset.DefaultFlavor, why)
			}
		}
	}
	p.noteScriptInstall()
	hcRuns := len(p.runs)
	if err := p.fitHealthcheck(tools, asked != "", len(p.scriptInstall) > 0, pick); err != nil {
		return err
	}
	pickWith := func(flavor string, extra []string) *Runtime {
		for i := range f.preset.Runtimes {
			r := &f.preset.Runtimes[i]
			if r.Flavor != flavor || !fits(r, libc) || !r.Allows(values) || !argOK(r) {
				continue
			}
			if len(missingTools(r, need)) > 0 || len(missingTools(r, p.hcMissing(tools))) > 0 || len(missingTools(r, extra)) > 0 {
				continue
			}
			if strict && !p.alongsideFits(r) {
				continue
			}
			return r
		}
		return nil
	}
	if err := p.fitPrograms(asked != "", len(p.runs) > hcRuns || len(p.scriptInstall) > 0, pickWith); err != nil {
		return err
	}
	if err := p.installAlongside(); err != nil {
		return err
	}
	// The runtime's FROM names the builder's build arguments where its
	// image takes their values, so that a --build-arg changes both
	// stages as it changed the original's one.
	imgValues, followed := values, false
	if a := p.argTag; a != nil {
		if ok, same := a.follows(p.runtime); ok && !same {
			imgValues, followed = a.values, true
		} else if !ok {
			real, _ := p.runtime.ImageFor(values)
			p.notes.note(f.from.first, warnArgNotFollowed, "the builder's FROM names its image with the build argument %s, but the runtime %s cannot follow it: it is the image for the default, so a --build-arg %s changes the builder only and the runtime may not run what the builder made; pass the same value to the runtime's FROM by hand", a.text(), real, a.list())
		}
	}
	img, err := p.runtime.ImageFor(imgValues)
	if err != nil {
		return declinef(internalRender, "internal error: runtime image template: %v", err)
	}
	img = p.carryRegistry(img)
	p.image = mapImage(p.carryPins(img, imgValues), f.opt.ImageMap)
	if followed {
		p.notes.note(f.from.first, infoArgFollowed, "the runtime's FROM %s takes its tag from the build argument %s as the builder's does, so that a --build-arg %s changes both stages", p.image, p.argTag.text(), p.argTag.list())
	}
	p.noteRegistry(img)
	p.noteUnnamedPrograms()
	if p.libcFree != "" && p.runtime.Libc != f.variant.Libc {
		if p.idle != nil {
			p.notes.note(p.idle.Line, infoToolchainIdle, "%s", p.idle.What)
		}
		p.notes.note(f.from.first, infoLibcFree, "%s, so the runtime need not share the builder's %s: %s", p.libcFree, f.variant.Libc, p.image)
	}
	if p.lockUnread != "" && p.libcFree == "" && len(p.libcWhy) == 0 && f.preset.Static.Env.Len() == 0 && p.runtime.Libc == f.variant.Libc && p.defaultServes() && !p.defaultHasLibc(f.variant.Libc) {
		p.notes.note(f.from.first, infoLockfileUnread, "%s; what the install chose may differ from what it lists, so the runtime keeps the builder's %s", p.lockUnread, f.variant.Libc)
	}
	p.noteSourceNeeds()
	p.warnComposeLacked()
	p.warnHealthcheckLacked()
	if miss := missingTools(p.runtime, p.hcMissing(tools)); len(miss) > 0 {
		p.notes.note(f.healthcheck.first, warnHealthcheckTools, "HEALTHCHECK runs %s, which %s does not have: the check will fail (--runtime %s was asked for; without it a runtime that has them is chosen)", strings.Join(miss, ", "), img, asked)
	}
	return nil
}

// builderLacks leaves out of the HEALTHCHECK's tools those the builder
// image does not have (its variant's lacks: curl on node:22-slim) and no
// package the file installs gives: the original's check could not run
// them, so the runtime does not get them either and the check behaves as
// it did (review 5, finding H). Once the runtime is chosen,
// warnHealthcheckLacked says so, and whether the original's check
// therefore always failed.
func (p *plan) builderLacks(tools []string) []string {
	f := p.f
	var out []string
	for _, t := range tools {
		if f.variant.LacksProgram(f.repo, f.tag, t) && !f.installsPackage(t) {
			p.hcLacked = append(p.hcLacked, t)
		} else {
			out = append(out, t)
		}
	}
	p.hcLackedAt = len(p.notes.list)
	return out
}

// warnHealthcheckLacked gives, at the place builderLacks was called, the
// warning for the HEALTHCHECK programs the builder image lacked: the check
// behaves as it did when the runtime lacks them too; a runtime that has
// one anyway (eclipse-temurin:17-jre has curl) runs it, so the health
// status can change, and the warning says that instead.
func (p *plan) warnHealthcheckLacked() {
	if len(p.hcLacked) == 0 {
		return
	}
	f := p.f
	var same, runs []string
	for _, t := range p.hcLacked {
		if p.runtime.HasTool(t) || slices.Contains(p.installed, t) {
			runs = append(runs, t)
		} else {
			same = append(same, t)
		}
	}
	always := p.hcAlwaysFails(p.hcLacked)
	var msgs []string
	if len(same) > 0 {
		names := strings.Join(same, ", ")
		if always && len(runs) == 0 {
			msgs = append(msgs, fmt.Sprintf("HEALTHCHECK runs %s, which the original image %s does not have and no step of the file installs: the original's check always failed, so its container was never healthy; the runtime does not install %s either, so the health status stays the same (to make the check work, install %s in the runtime stage)", names, f.image, names, names))
		} else {
			msgs = append(msgs, fmt.Sprintf("HEALTHCHECK runs %s, which the original image %s does not have and no step of the file installs: where the check runs it, it failed in the original; the runtime does not install %s either, so the check behaves as it did (to make that part work, install %s in the runtime stage)", names, f.image, names, names))
		}
	}
	if len(runs) > 0 {
		names := strings.Join(runs, ", ")
		if always {
			msgs = append(msgs, fmt.Sprintf("HEALTHCHECK runs %s, which the original image %s does not have and no step of the file installs: the original's check always failed, so its container was never healthy; runtime %s has %s, so the check now runs and the health status can change (to keep it as it was, remove the HEALTHCHECK)", names, f.image, p.runtime.Flavor, names))
		} else {
			msgs = append(msgs, fmt.Sprintf("HEALTHCHECK runs %s, which the original image %s does not have and no step of the file installs: where the check runs it, it failed in the original; runtime %s has %s, so that part now runs and the health status can change", names, f.image, p.runtime.Flavor, names))
		}
	}
	for i, m := range msgs {
		p.notes.insert(p.hcLackedAt+i, f.healthcheck.first, warnHealthcheckLacked, "%s", m)
	}
}

// installsPackage reports whether an install of the file gives the
// package name (curl), whether or not the runtime gets it.
func (f *facts) installsPackage(name string) bool {
	for i := range f.pkgs {
		if slices.Contains(f.pkgs[i], name) || slices.Contains(f.pkgBuildOnly[i], name) {
			return true
		}
	}
	for _, us := range f.unreached {
		if slices.ContainsFunc(us, func(u unreached) bool { return u.pkg == name }) {
			return true
		}
	}
	return false
}

// hcAlwaysFails reports whether the HEALTHCHECK certainly fails when the
// programs lacked are not found: its program is one of them (exec form),
// or every command of its shell line that runs fails (a lacked program,
// `exit N` with N not 0, false), following && and ||.
func (p *plan) hcAlwaysFails(lacked []string) bool {
	c := p.f.healthcheck.cmd.(*instructions.HealthCheckCommand)
	test := c.Health.Test
	switch test[0] {
	case "CMD":
		return len(test) > 1 && slices.Contains(lacked, path.Base(test[1]))
	case "CMD-SHELL":
	default:
		return false
	}
	text := strings.Join(test[1:], " ")
	if strings.Contains(text, "!") {
		return false // a negation turns a failure into success
	}
	failed, ran := false, false
	for _, sc := range splitShell(text).cmds {
		switch op := sc.c.Op; {
		case sc.c.Nested, op == "|", op == "&":
			return false
		case op == "&&" && failed, op == "||" && ran && !failed:
			continue // not run
		}
		args, _ := sc.argv()
		if len(args) == 0 {
			return false
		}
		ran = true
		switch prog := args[0].text; {
		case slices.Contains(lacked, path.Base(prog)), prog == "false":
			failed = true
		case prog == "exit" && len(args) == 2 && args[1].text != "0":
			return true
		default:
			return false // may succeed
		}
	}
	return ran && failed
}

// hcMissing leaves out of the HEALTHCHECK's or the command's tools those
// the runtime stage installs anyway (curl, kept from the builder's
// apt-get install).
func (p *plan) hcMissing(tools []string) []string {
	var out []string
	for _, t := range tools {
		if !slices.Contains(p.installed, t) {
			out = append(out, t)
		}
	}
	return out
}

// fitHealthcheck makes what the HEALTHCHECK runs reach the runtime: the
// chosen runtime has it, or the first flavor (in the preset's order)
// that has it, or the first that can install it (the tool the original
// image had); otherwise the file is declined, since the check would fail.
// A runtime asked for with --runtime is kept: it gets the install when it
// can, else a warning.
func (p *plan) fitHealthcheck(tools []string, asked, tied bool, pick func(string, bool) *Runtime) error {
	f := p.f
	miss := p.hcMissing(missingTools(p.runtime, tools))
	if len(miss) == 0 {
		return nil
	}
	if !asked && !tied {
		for _, fl := range p.order() {
			if r := pick(fl, true); r != nil {
				p.notes.note(f.healthcheck.first, infoFlavorHealth, "runtime %s chosen because HEALTHCHECK runs %s", r.Flavor, strings.Join(miss, ", "))
				p.runtime, p.why = r, fmt.Sprintf("%s: HEALTHCHECK runs %s; %s", r.Flavor, strings.Join(miss, ", "), r.Why)
				return nil
			}
		}
	}
	try := []*Runtime{p.runtime}
	if !asked && !tied {
		try = nil
		for _, fl := range p.order() {
			if r := pick(fl, false); r != nil && !slices.Contains(try, r) {
				try = append(try, r)
			}
		}
	}
	r, line, m, err := p.installOn(try, func(r *Runtime) []string { return missingTools(r, tools) })
	if err != nil {
		return err
	}
	if r != nil {
		if r != p.runtime {
			p.why = fmt.Sprintf("%s: HEALTHCHECK runs %s, which it installs; %s", r.Flavor, strings.Join(m, ", "), r.Why)
		}
		with := p.useInstall(r, line, m)
		p.notes.note(f.healthcheck.first, infoHealthcheckInstall, "HEALTHCHECK runs %s, which the original image had and no runtime comes with: runtime %s installs it", strings.Join(m, ", "), r.Flavor)
		p.noteInstallWith(f.healthcheck.first, r, with)
		return nil
	}
	if asked {
		return nil // the warning says it
	}
	return declinef(declHealthcheckTools, "line %d: HEALTHCHECK runs %s, which no runtime of the %s preset has or can install: the check would fail in the converted image (check with a program the build writes, or drop the HEALTHCHECK)", f.healthcheck.first, strings.Join(miss, ", "), f.preset.Name)
}

// installForScript chooses the runtime when none of flavors has what
// the command needs: the first that has all of it but programs a start
// script runs (scriptInstallable) and can install those, as
// fitHealthcheck installs a HEALTHCHECK's (review 21, finding G: a
// wait-for script's wget on the full node image, which slim lacks).
// need then leaves them out, for the notes on the flavor; without such
// a runtime, nothing changes and the caller declines as before.
func (p *plan) installForScript(flavors []string, need *[]string, pick func(string, bool) *Runtime) error {
	inst := p.scriptInstallable(*need)
	if len(inst) == 0 {
		return nil
	}
	saved := *need
	*need = slices.DeleteFunc(slices.Clone(saved), func(t string) bool { return slices.Contains(inst, t) })
	var try []*Runtime
	for _, fl := range flavors {
		if r := pick(fl, false); r != nil && !slices.Contains(try, r) {
			try = append(try, r)
		}
	}
	r, line, m, err := p.installOn(try, func(r *Runtime) []string { return missingTools(r, inst) })
	if err != nil {
		return err
	}
	if r == nil {
		*need = saved
		return nil
	}
	p.scriptWith = p.useInstall(r, line, m)
	p.scriptInstall = m
	return nil
}

// scriptInstallable are the programs of need that a start script runs
// and the original image had: its variant does not lack them, or a
// package the file installs gives them. One the original lacked never
// ran there, and a runtime that installs it would run what the original
// could not.
func (p *plan) scriptInstallable(need []string) []string {
	f := p.f
	var out []string
	for _, t := range p.prog.scriptTools {
		if !slices.Contains(need, t) || !slices.Contains(p.prog.tools, t) || slices.Contains(p.pkgTools, t) {
			continue
		}
		if f.variant.LacksProgram(f.repo, f.tag, t) && !f.installsPackage(t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// noteScriptInstall says which programs of the start script the runtime
// installs, after the note on its flavor.
func (p *plan) noteScriptInstall() {
	if len(p.scriptInstall) == 0 {
		return
	}
	pr := p.prog
	p.notes.note(pr.holder.first, infoScriptInstall, "the script %s that %s runs runs %s, which the original image had and no runtime that can run the command comes with: runtime %s installs it", pr.scriptFile, pr.holder.kw, strings.Join(p.scriptInstall, ", "), p.runtime.Flavor)
	p.noteInstallWith(pr.holder.first, p.runtime, p.scriptWith)
}

// installOn returns the first runtime of try that can install what
// missing says it lacks, with its install line and those programs; nil when none can. A
// runtime that lacks a shell cannot run its package manager.
func (p *plan) installOn(try []*Runtime, missing func(*Runtime) []string) (*Runtime, string, []string, error) {
	for _, r := range try {
		m := missing(r)
		if slices.Contains(m, "sh") {
			continue
		}
		line, ok, err := p.installLine(r, m)
		if err != nil {
			return nil, "", nil, err
		}
		if ok {
			return r, line, m, nil
		}
	}
	return nil, "", nil, nil
}

// installLine is r's RUN line that installs the programs progs, with the
// packages its installs_with adds beside them (ca-certificates for
// Debian's curl) that the stage has not got already.
func (p *plan) installLine(r *Runtime, progs []string) (string, bool, error) {
	var with []string
	for _, w := range r.InstallWithFor(progs, p.withHave(r)) {
		with = append(with, w.Packages...)
	}
	line, ok, err := r.InstallLine(progs, with...)
	if err != nil {
		return "", false, declinef(internalRender, "internal error: install template: %v", err)
	}
	return line, ok, nil
}

// withHave is what installs_with need not add: the packages the stage
// installs, and those the builder did not have when the program ran (its
// image lacks them and no install gives them), so that a program runs as
// it did there (review 6, finding K).
func (p *plan) withHave(r *Runtime) []string {
	have := slices.Clone(p.installed)
	for _, w := range r.InstallsWith {
		for _, pkg := range w.Packages {
			if !p.f.hasPackage([]string{pkg}, 0, -1) {
				have = append(have, pkg)
			}
		}
	}
	return have
}

// useInstall makes r the runtime, whose RUN line (from installLine)
// installs the programs m and the packages installs_with adds beside
// them, which it returns for the note.
func (p *plan) useInstall(r *Runtime, line string, m []string) []presets.InstallWith {
	with := r.InstallWithFor(m, p.withHave(r))
	p.runtime = r
	p.runs = append(p.runs, line)
	p.installed = append(p.installed, m...)
	for _, w := range with {
		p.installed = append(p.installed, w.Packages...)
		p.pkgInstalled = append(p.pkgInstalled, w.Packages...)
	}
	return with
}

// noteInstallWith says which packages the runtime installs beside the
// programs it installs, and why.
func (p *plan) noteInstallWith(at int, r *Runtime, with []presets.InstallWith) {
	for _, w := range with {
		p.notes.note(at, infoInstalledWith, "runtime %s installs %s with %s: %s", r.Flavor, strings.Join(w.Packages, ", "), strings.Join(w.Programs, ", "), w.Why)
	}
}

// order is the flavors the engine may pick on its own, in order.
func (p *plan) order() []string {
	return append([]string{p.f.preset.DefaultFlavor}, p.f.preset.Fallback...)
}

func (p *plan) needsText(libc string, tools []string) string {
	var parts []string
	switch libc {
	case "none":
		parts = append(parts, "the program is static")
	default:
		parts = append(parts, fmt.Sprintf("the program links %s (%s)", libc, p.libcReason(libc)))
	}
	if len(tools) > 0 {
		parts = append(parts, p.toolsText(tools))
	}
	return strings.Join(parts, ", and ")
}

// toolsText says who needs which tools.
func (p *plan) toolsText(tools []string) string {
	var cmd, pkg []string
	compose := map[*composeUse][]string{}
	var uses []*composeUse
	for _, t := range tools {
		switch {
		case slices.Contains(p.pkgTools, t) && !slices.Contains(p.prog.tools, t):
			pkg = append(pkg, t)
		case !slices.Contains(p.prog.tools, t) && p.composeNeedsTool(t) != nil:
			u := p.composeNeedsTool(t)
			compose[u] = append(compose[u], t)
			if !slices.Contains(uses, u) {
				uses = append(uses, u)
			}
		case slices.Contains(p.prog.tools, t) || !p.srcNeedsTool(t):
			cmd = append(cmd, t)
		}
	}
	var parts []string
	if len(cmd) > 0 {
		parts = append(parts, fmt.Sprintf("%s on line %d needs %s", p.prog.holder.kw, p.prog.holder.first, strings.Join(cmd, " and ")))
	}
	if len(pkg) > 0 {
		parts = append(parts, fmt.Sprintf("installing the run-time packages needs %s", strings.Join(pkg, " and ")))
	}
	for _, u := range uses {
		parts = append(parts, fmt.Sprintf("%s and which needs %s", u.shown(), strings.Join(compose[u], " and ")))
	}
	for _, n := range p.srcNeeds {
		if slices.ContainsFunc(n.tools, func(t string) bool { return slices.Contains(tools, t) }) {
			parts = append(parts, fmt.Sprintf("%s needs %s (%s)", n.where, strings.Join(n.tools, " and "), n.why))
		}
	}
	return strings.Join(parts, ", and ")
}

// libcReason says why the program links the C library it does.
func (p *plan) libcReason(libc string) string {
	if len(p.libcWhy) > 0 {
		w := p.libcWhy[0]
		if w.Line == 0 {
			return w.What // from the build context
		}
		return fmt.Sprintf("%s, line %d", w.What, w.Line)
	}
	why := fmt.Sprintf("it was built on a %s builder, %s", libc, p.f.image)
	if d := p.f.preset.Static.LibcDeps; d != nil && len(d.Lockfiles) > 0 && p.f.preset.Static.Env.Len() == 0 && p.libcFree == "" && p.defaultServes() && !p.defaultHasLibc(libc) {
		var names []string
		for _, l := range d.Lockfiles {
			names = append(names, l.File)
		}
		if p.lockUnread != "" {
			why += fmt.Sprintf(", and the install reads no %s that shows what its dependencies link", strings.Join(names, " or "))
		} else {
			why += fmt.Sprintf(", and no %s in the build context shows what its dependencies link", strings.Join(names, " or "))
		}
	}
	return why
}

// defaultHasLibc reports whether the default flavor has an image for the
// builder with the C library libc: a lockfile then changes nothing (a
// glibc builder's program runs on glibc distroless anyway), and the
// reason need not name it.
func (p *plan) defaultHasLibc(libc string) bool {
	values := p.values()
	for i := range p.f.preset.Runtimes {
		r := &p.f.preset.Runtimes[i]
		if r.Flavor == p.f.preset.DefaultFlavor && r.Libc == libc && r.Allows(values) {
			return true
		}
	}
	return false
}

// defaultServes reports whether the default flavor has an image for
// the builder at all: only then can a lockfile make it the runtime.
func (p *plan) defaultServes() bool {
	values := p.values()
	for i := range p.f.preset.Runtimes {
		r := &p.f.preset.Runtimes[i]
		if r.Flavor == p.f.preset.DefaultFlavor && r.Allows(values) {
			return true
		}
	}
	return false
}

// noImageFor says, when no runtime of the flavors allows the builder's
// template values (a Java version no image is published for: review
// 21, finding B), that none has an image for the builder, and by which
// values; what the program needs is then beside the point.
func (p *plan) noImageFor(flavors []string, values map[string]string) string {
	var keys []string
	for i := range p.f.preset.Runtimes {
		r := &p.f.preset.Runtimes[i]
		if !slices.Contains(flavors, r.Flavor) {
			continue
		}
		if r.Allows(values) {
			return ""
		}
		for k := range r.When.All() {
			keys = appendNew(keys, k)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	slices.Sort(keys)
	var names []string
	for _, fl := range flavors {
		names = appendNew(names, fl)
	}
	var by []string
	for _, k := range keys {
		by = append(by, fmt.Sprintf("%s is %s", k, values[k]))
	}
	return fmt.Sprintf("none of its flavors (%s) has an image for %s, whose %s", strings.Join(names, ", "), p.f.image, strings.Join(by, " and "))
}

// unmet says which need no runtime of a flavor meets.
func (p *plan) unmet(flavor, libc string, tools []string, values map[string]string) string {
	libcOK, whenOK := false, false
	for i := range p.f.preset.Runtimes {
		r := &p.f.preset.Runtimes[i]
		if r.Flavor == flavor && fits(r, libc) {
			libcOK = true
			whenOK = whenOK || r.Allows(values)
		}
	}
	if libcOK && !whenOK {
		return fmt.Sprintf("%s has no image for %s", flavor, p.f.image)
	}
	if libcOK && p.argPrefer {
		follows := false
		for i := range p.f.preset.Runtimes {
			r := &p.f.preset.Runtimes[i]
			if r.Flavor == flavor && fits(r, libc) && r.Allows(values) {
				ok, _ := p.argTag.follows(r)
				follows = follows || ok
			}
		}
		if !follows {
			return fmt.Sprintf("the image of %s cannot follow the build argument %s that the builder's FROM names (it takes a part of its value, or allows only some values), so a --build-arg would change the builder only", flavor, p.argTag.text())
		}
	}
	if !libcOK {
		return fmt.Sprintf("the program links %s (%s)", libc, p.libcReason(libc))
	}
	return p.toolsText(tools) + ", which " + flavor + " does not have"
}

func (p *plan) values() map[string]string { return p.f.values() }

// values are the builder variant's template values: its own, then
// those its tag pattern captures.
func (f *facts) values() map[string]string {
	v := map[string]string{}
	for k, x := range f.variant.Values.All() {
		v[k] = x
	}
	for k, x := range f.variant.TagValues(f.tag) {
		v[k] = x
	}
	return v
}

func mapImage(img string, m []ImageMapping) string {
	return MapImage(img, m)
}

// healthcheckTools lists the programs the HEALTHCHECK runs that the
// build does not write.
func (p *plan) healthcheckTools() []string {
	hc := p.f.healthcheck
	if hc == nil {
		return nil
	}
	c := hc.cmd.(*instructions.HealthCheckCommand)
	if c.Health == nil || len(c.Health.Test) == 0 || c.Health.Test[0] == "NONE" {
		return nil
	}
	var tools []string
	add := func(w string) {
		if w == "" {
			return
		}
		if _, art := p.resolve(w); art != nil && art.name != "" {
			art.used = true // the check runs it: the runtime gets it
			return
		}
		b := path.Base(w)
		for _, t := range tools {
			if t == b {
				return
			}
		}
		tools = append(tools, b)
	}
	switch c.Health.Test[0] {
	case "CMD-SHELL":
		// The daemon runs the line with the image's SHELL, which the
		// runtime is given when one is set (planBlocks).
		sh := "sh"
		if len(p.f.shellCmd) > 0 {
			sh = p.f.shellCmd[0]
		}
		add(sh)
		for _, sc := range splitShell(strings.Join(c.Health.Test[1:], " ")).cmds {
			if args, _ := sc.argv(); len(args) > 0 && !shell.Builtin(args[0].text) {
				add(args[0].text)
			}
		}
	case "CMD":
		if len(c.Health.Test) > 1 {
			add(c.Health.Test[1])
		}
	}
	return tools
}

func missingTools(r *Runtime, tools []string) []string {
	var miss []string
	for _, t := range tools {
		if !r.HasTool(t) {
			miss = append(miss, t)
		}
	}
	return miss
}

// carryPins keeps the builder's pins in the runtime where they apply. A
// runtime that is the builder's own image (its template carried the
// tag's whole version) gets the builder's digest as well; a pin the
// runtime does not carry (a digest on another image, a version the
// runtime's tag does not name) is warned about, since the image that
// ships then follows its own tag.
func (p *plan) carryPins(img string, values map[string]string) string {
	f := p.f
	ref, digest, pinned := strings.Cut(f.image, "@")
	if pinned && hubShort(ref) == hubShort(img) {
		img += "@" + digest
		p.notes.note(f.from.first, infoDigestKept, "the runtime %s is the builder's image, so it keeps the builder's digest", img)
		return img
	}
	var lost []string
	if v := values["version"]; v != "" && !namesVersion(img, v) {
		lost = append(lost, "the version "+v)
	}
	if pinned {
		lost = append(lost, "a digest")
	}
	if len(lost) > 0 {
		p.notes.note(f.from.first, warnPinNotCarried, "%s pins %s, which the runtime %s does not carry: it follows its own tag, so the two stages may run different releases", f.image, strings.Join(lost, " and "), img)
	}
	return img
}

// namesVersion reports whether an image reference names the version v
// as a whole (node:20.11-slim names 20.11, nodejs24 does not name 24.1).
func namesVersion(img, v string) bool {
	isPart := func(c byte) bool { return c == '.' || c >= '0' && c <= '9' }
	for i := 0; ; {
		k := strings.Index(img[i:], v)
		if k < 0 {
			return false
		}
		at, end := i+k, i+k+len(v)
		if (at == 0 || !isPart(img[at-1])) && (end == len(img) || !isPart(img[end])) {
			return true
		}
		i = at + 1
	}
}

// checkVM compares the virtual machine the builder runs with the
// runtime's (the preset's vms): the same one gets a note; another one a
// warning, or a decline when the command passes an option the runtime's
// does not know.
func (p *plan) checkVM() error {
	f, r := p.f, p.runtime
	vm := f.variant.VM
	if vm == "" || r.VM == "" {
		return nil
	}
	title, other := f.preset.VMTitle(vm), f.preset.VMTitle(r.VM)
	if r.VM == vm {
		if vm == f.preset.VMs[0].Name {
			return nil // the preset's usual one
		}
		p.notes.note(f.from.first, infoVMKept, "the builder runs %s: the runtime %s keeps it (its %s)", title, p.image, f.preset.VMTraits)
		return nil
	}
	var unknown []string
	for _, w := range p.vmOptions() {
		if strings.HasPrefix(w, "-X") && !strings.HasPrefix(w, "-XX:") && !r.KnowsOption(w) {
			unknown = appendNew(unknown, w)
		}
	}
	if len(unknown) > 0 {
		return declinef(declVMOptions, "line %d: the builder runs %s and the runtime %s runs %s, which does not know the option %s: it would not start", p.prog.holder.first, title, p.image, other, strings.Join(unknown, ", "))
	}
	p.notes.note(f.from.first, warnVMChanged, "the builder runs %s and the runtime %s runs %s: %s differ", title, p.image, other, f.preset.VMTraits)
	return nil
}

// vmOptions are the interpreter options the container passes: the
// command's words before the file or name it runs, and the words of the
// options variables the file sets.
func (p *plan) vmOptions() []string {
	f, pr := p.f, p.prog
	var out []string
	if pr.interp {
		// The options before the file: with script_options, also those
		// after the script flag (java -jar -Xshareclasses app.jar).
		words := pr.orig
		if pr.exec == nil {
			// A command that keeps its shell: its words as the shell
			// reads them.
			words = wordTexts(pr.words)
		}
		for i := 1; i < len(words); i++ {
			w := words[i]
			if w == f.preset.ScriptFlag && f.preset.ScriptOptions {
				continue
			}
			if w == f.preset.ScriptFlag || !strings.HasPrefix(w, "-") {
				break
			}
			out = append(out, w)
			if f.preset.TakesValue(w) && i+1 < len(words) && !strings.HasPrefix(words[i+1], "-") {
				i++
			}
		}
	}
	for _, v := range append([]string{f.preset.OptionsEnv}, f.preset.OptionsVars...) {
		if v != "" {
			out = append(out, strings.Fields(f.envNow[v])...)
		}
	}
	return out
}

// splitRegistry splits an image reference into its registry host, empty
// for Docker Hub's short form (python, library/python, user/app), and
// the rest: the first element is a host when it holds a dot or a colon
// or is localhost, as Docker reads it.
func splitRegistry(ref string) (host, rest string) {
	first, after, ok := strings.Cut(ref, "/")
	if ok && (strings.ContainsAny(first, ".:") || first == "localhost") {
		return first, after
	}
	return "", ref
}

// hubShort drops Docker Hub's registry, under any of its names, and
// its library/ path from ref, so that the spellings of one Hub image
// compare equal; a reference to another registry stays whole.
func hubShort(ref string) string {
	host, rest := splitRegistry(ref)
	if !dockerHub(host) {
		return ref
	}
	return strings.TrimPrefix(rest, "library/")
}

// dockerHub reports whether host is Docker Hub under one of its names.
func dockerHub(host string) bool {
	switch host {
	case "", "docker.io", "index.docker.io", "registry-1.docker.io":
		return true
	}
	return false
}

// carryRegistry writes a runtime that is the builder's own repository
// (python:3.11-slim for mirror.gcr.io/library/python:3.11-slim) with the
// builder's registry and path: the registry that served the builder has
// that repository, and the converted file must not pull from one the
// original never used, which a mirror-only network refuses (review 8,
// finding F). A builder whose repository comes from a build argument
// keeps the preset's reference: its default is not what every build
// passes.
func (p *plan) carryRegistry(img string) string {
	f := p.f
	bRepo := f.repo
	rRepo, _ := splitImage(img)
	if bRepo == rRepo || strings.Contains(f.stage.BaseName, "$") {
		return img
	}
	bHost, bRest := splitRegistry(bRepo)
	rHost, rRest := splitRegistry(rRepo)
	short := func(s string) string { return strings.TrimPrefix(s, "library/") }
	if !dockerHub(rHost) || short(bRest) != short(rRest) {
		return img
	}
	out := bRepo + strings.TrimPrefix(img, rRepo)
	if _, tag := splitImage(out); !dockerHub(bHost) && tag != f.tag && MapImage(out, f.opt.ImageMap) == out {
		p.notes.note(f.from.first, infoRuntimeRegistry, "the runtime %s comes from the builder's registry %s, as it is the builder's repository: if that registry lacks the tag %s, map the runtime with --image-map", out, bHost, tag)
	}
	return out
}

// noteRegistry warns when the builder comes from a registry other than
// Docker Hub (a mirror, a private one) and the runtime, another
// repository, from elsewhere: the converted file pulls from a registry
// the original never used. An image map that rewrites the runtime says
// where it comes from, so it silences the warning.
func (p *plan) noteRegistry(img string) {
	f := p.f
	bHost, _ := splitRegistry(f.repo)
	if dockerHub(bHost) || MapImage(img, f.opt.ImageMap) != img {
		return
	}
	rRepo, _ := splitImage(img)
	rHost, _ := splitRegistry(rRepo)
	if rHost == bHost {
		return
	}
	where := rHost
	if dockerHub(rHost) {
		where = "Docker Hub"
	}
	p.notes.note(f.from.first, warnRuntimeRegistry, "the builder %s comes from the registry %s, but the runtime %s from %s, which the original never pulled from: if the build can reach only %s, map the runtime there with --image-map", f.image, bHost, img, where, bHost)
}
