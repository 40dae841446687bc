package presets

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/restage/restage/internal/yaml"
)

var libcs = map[string]bool{"none": true, "glibc": true, "musl": true}

type presetErr struct{ key, msg string }

func (p *Preset) compile() *presetErr {
	if p.Name == "" {
		return &presetErr{"name", "name is required"}
	}
	if !regexp.MustCompile(`^[a-z][a-z0-9-]*$`).MatchString(p.Name) {
		return &presetErr{"name", fmt.Sprintf("name %q must be lower case letters, digits and dashes", p.Name)}
	}
	if len(p.Detect.Images) == 0 {
		return &presetErr{"detect", "detect.images needs at least one image pattern"}
	}
	for i, g := range p.Detect.Images {
		if _, err := path.Match(g, ""); err != nil {
			return &presetErr{fmt.Sprintf("detect.images.%d", i), fmt.Sprintf("bad image pattern %q: %v", g, err)}
		}
	}
	for i, d := range p.Decline {
		if d.Reason == "" {
			return &presetErr{fmt.Sprintf("decline.%d", i), "every decline rule needs a reason"}
		}
		n := 0
		for _, k := range []string{d.ImageTag, d.RunCommand, d.Source} {
			if k != "" {
				n++
			}
		}
		if n != 1 {
			return &presetErr{fmt.Sprintf("decline.%d", i), "a decline rule needs exactly one of image_tag, run_command and source"}
		}
		if d.Source != "" {
			if _, err := compileRE(d.Source); err != nil {
				return &presetErr{fmt.Sprintf("decline.%d.source", i), fmt.Sprintf("bad pattern %q: %v", d.Source, err)}
			}
		} else if d.UnlessEnv.Len() > 0 {
			return &presetErr{fmt.Sprintf("decline.%d", i), "unless_env goes with source only"}
		}
	}
	for i, d := range p.DiskEmbeds {
		if d.Reason == "" || len(d.Generated)+len(d.Generators) == 0 {
			return &presetErr{fmt.Sprintf("disk_embeds.%d", i), "a disk embed needs a reason and a generated file or a generator"}
		}
		if _, err := compileRE(d.Import); err != nil || d.Import == "" {
			return &presetErr{fmt.Sprintf("disk_embeds.%d.import", i), fmt.Sprintf("bad pattern %q: %v", d.Import, err)}
		}
	}
	for i := range p.Builder.Variants {
		v := &p.Builder.Variants[i]
		_, err := compileRE(v.Tag)
		if err != nil {
			return &presetErr{fmt.Sprintf("builder.variants.%d.tag", i), fmt.Sprintf("bad tag pattern %q: %v", v.Tag, err)}
		}
		if v.Repository != "" {
			if _, err = compileRE(v.Repository); err != nil {
				return &presetErr{fmt.Sprintf("builder.variants.%d.repository", i), fmt.Sprintf("bad repository pattern %q: %v", v.Repository, err)}
			}
		}
		// A variant that reads its version from the context converts
		// when the context has it, so it needs a C library even with a
		// decline reason for when it does not.
		if (v.Decline == "" || len(v.FromContext) > 0) && (!libcs[v.Libc] || v.Libc == "none") {
			return &presetErr{fmt.Sprintf("builder.variants.%d.libc", i), fmt.Sprintf("variant libc %q must be glibc or musl", v.Libc)}
		}
		if v.Workdir != "" && !path.IsAbs(v.Workdir) {
			return &presetErr{fmt.Sprintf("builder.variants.%d.workdir", i), fmt.Sprintf("variant workdir %q must be an absolute path", v.Workdir)}
		}
		for j, l := range v.Lacks {
			if _, err := compileRE(l.Tag); err != nil {
				return &presetErr{fmt.Sprintf("builder.variants.%d.lacks.%d.tag", i, j), fmt.Sprintf("bad tag pattern %q: %v", l.Tag, err)}
			}
			if len(l.Programs) == 0 && len(l.Packages) == 0 {
				return &presetErr{fmt.Sprintf("builder.variants.%d.lacks.%d", i, j), "lacks needs programs or packages"}
			}
		}
	}
	vms := map[string]bool{}
	for i, vm := range p.VMs {
		if vm.Name == "" || vm.Title == "" {
			return &presetErr{fmt.Sprintf("vms.%d", i), "a vm needs a name and a title"}
		}
		vms[vm.Name] = true
	}
	for i, v := range p.Builder.Variants {
		if v.VM != "" && !vms[v.VM] {
			return &presetErr{fmt.Sprintf("builder.variants.%d.vm", i), fmt.Sprintf("vm %q is not one of vms", v.VM)}
		}
	}
	for i, r := range p.Runtimes {
		if r.VM != "" && !vms[r.VM] {
			return &presetErr{fmt.Sprintf("runtimes.%d.vm", i), fmt.Sprintf("vm %q is not one of vms", r.VM)}
		}
		if _, err := compileRE(r.VMOptions); err != nil {
			return &presetErr{fmt.Sprintf("runtimes.%d.vm_options", i), fmt.Sprintf("bad pattern %q: %v", r.VMOptions, err)}
		}
	}
	for i, sb := range p.ScriptBeside {
		at := fmt.Sprintf("script_beside.%d", i)
		if sb.Match == "" || len(sb.Copy) == 0 || sb.Why == "" {
			return &presetErr{at, "a script_beside entry needs match, copy and why"}
		}
		for _, expr := range []string{sb.Match, sb.UnlessRun} {
			if _, err := compileRE(expr); err != nil {
				return &presetErr{at, fmt.Sprintf("bad pattern %q: %v", expr, err)}
			}
		}
		for _, c := range sb.Copy {
			if path.IsAbs(c) || strings.HasPrefix(path.Clean(c), "..") {
				return &presetErr{at + ".copy", fmt.Sprintf("%q must be a path inside the file's folder", c)}
			}
		}
		for j, u := range sb.Unless {
			if u.File == "" {
				return &presetErr{fmt.Sprintf("%s.unless.%d", at, j), "an unless entry needs a file"}
			}
			if _, err := compileRE(u.Pattern); err != nil || u.Pattern == "" {
				return &presetErr{fmt.Sprintf("%s.unless.%d", at, j), fmt.Sprintf("bad pattern %q", u.Pattern)}
			}
		}
	}
	for i, r := range p.RunsAsRoot {
		at := fmt.Sprintf("runs_as_root.%d", i)
		if len(r.Files) == 0 || len(r.Keys) == 0 || r.What == "" {
			return &presetErr{at, "runs_as_root needs files, keys and what"}
		}
		for j, f := range r.Files {
			if f == "" || strings.Contains(f, "/") {
				return &presetErr{fmt.Sprintf("%s.files.%d", at, j), fmt.Sprintf("file %q must be a name at the top of the build context", f)}
			}
		}
		for j, k := range r.Args {
			if k == "" {
				return &presetErr{fmt.Sprintf("%s.args.%d", at, j), "an args key must not be empty"}
			}
		}
		for j, k := range r.Replaces {
			if k.Key == "" || k.What == "" {
				return &presetErr{fmt.Sprintf("%s.replaces.%d", at, j), "a replaces entry needs key and what"}
			}
		}
		for j, k := range r.Keys {
			if k.Key == "" {
				return &presetErr{fmt.Sprintf("%s.keys.%d.key", at, j), "a key is required"}
			}
			if _, err := compileRE(k.Pattern); err != nil || k.Pattern == "" {
				return &presetErr{fmt.Sprintf("%s.keys.%d.pattern", at, j), fmt.Sprintf("bad pattern %q", k.Pattern)}
			}
		}
	}
	for i := range p.Builder.VersionSources {
		vs := &p.Builder.VersionSources[i]
		at := fmt.Sprintf("builder.version_sources.%d", i)
		if vs.File == "" {
			return &presetErr{at, "a version source needs a file"}
		}
		re, err := compileRE(vs.Pattern)
		if err != nil {
			return &presetErr{at + ".pattern", fmt.Sprintf("bad pattern %q: %v", vs.Pattern, err)}
		}
		named := map[string]bool{}
		for _, n := range re.SubexpNames() {
			if n != "" {
				named[n] = true
			}
		}
		if len(named) == 0 {
			return &presetErr{at + ".pattern", fmt.Sprintf("pattern %q has no named group to give a value", vs.Pattern)}
		}
		if u := vs.Upper; u != nil && (!named[u.Group] || !named[u.Of]) {
			return &presetErr{at + ".upper", fmt.Sprintf("upper needs group and of to name groups of the pattern %q", vs.Pattern)}
		}
	}
	for i, o := range p.CommandOptions {
		if strings.TrimSpace(o.After) == "" || len(o.Flags)+len(o.ValueFlags)+len(o.Moved)+len(o.MovedFlags) == 0 {
			return &presetErr{fmt.Sprintf("command_options.%d", i), "a command_options entry needs after and flags, value_flags, moved or moved_flags"}
		}
	}
	for i, b := range p.Build {
		at := func(k string) string { return fmt.Sprintf("build.%d.%s", i, k) }
		if strings.TrimSpace(b.Command) == "" {
			return &presetErr{at("command"), "a build entry needs a command"}
		}
		for j, u := range b.OutputsUnless {
			for _, re := range []string{u.Match, u.Run} {
				if _, err := regexp.Compile(re); err != nil {
					return &presetErr{at(fmt.Sprintf("outputs_unless.%d", j)), err.Error()}
				}
			}
			if u.Why == "" || (u.File == "") == (u.Run == "") || (u.Key == "") != (u.Match == "") || len(b.Outputs) == 0 {
				return &presetErr{at(fmt.Sprintf("outputs_unless.%d", j)), "an outputs_unless entry needs why and one of file (with key and match, or neither) or run, on a build entry with outputs"}
			}
		}
		if o := b.Output; o != nil {
			if o.File == "" || o.Dir == "" || !strings.HasPrefix(o.Ext, ".") || len(o.Names) == 0 || o.Why == "" {
				return &presetErr{at("output"), fmt.Sprintf("output of %q needs file, dir, ext (.jar), names and why", b.Command)}
			}
			for j, n := range o.Names {
				if strings.Count(n, "{") != strings.Count(n, "}") || !strings.Contains(n, "{") {
					return &presetErr{at(fmt.Sprintf("output.names.%d", j)), fmt.Sprintf("%q is no template of {element/path}", n)}
				}
			}
			for j, g := range o.Unsure {
				if _, err := path.Match(g, ""); err != nil || g == "" {
					return &presetErr{at(fmt.Sprintf("output.unsure.%d", j)), fmt.Sprintf("bad pattern %q", g)}
				}
			}
		}
		if d := b.Dist; d != nil {
			if err := validateDist(d, b, at("dist")); err != nil {
				return err
			}
		}
		if b.Prune != "" && !b.App {
			return &presetErr{at("prune"), fmt.Sprintf("%q has a prune step but is not an app install (app: true)", b.Command)}
		}
		for j, o := range b.PruneOff {
			if b.Prune == "" || (o.File == "") == (o.Run == "") || strings.Contains(o.File, "/") || o.Why == "" || (o.Key == "") != (o.Match == "") || (o.Run != "" && o.Key != "") {
				return &presetErr{at(fmt.Sprintf("prune_off.%d", j)), "a prune_off entry needs a prune to keep out, why, and one of a file name (no folder; with key and match, or neither) or run"}
			}
			for _, re := range []string{o.Match, o.Run} {
				if _, err := regexp.Compile(re); err != nil {
					return &presetErr{at(fmt.Sprintf("prune_off.%d", j)), err.Error()}
				}
			}
		}
		for j, w := range b.Workspace {
			if err := validateWorkspace(w, b, at(fmt.Sprintf("workspace.%d", j))); err != nil {
				return err
			}
		}
		for j, x := range b.ByBuilder {
			for k, w := range x.Workspace {
				if err := validateWorkspace(w, b, at(fmt.Sprintf("by_builder.%d.workspace.%d", j, k))); err != nil {
					return err
				}
			}
			if x.When.Len() == 0 {
				return &presetErr{at(fmt.Sprintf("by_builder.%d.when", j)), "a by_builder entry needs when (else it would replace prune for every builder)"}
			}
			for k, w := range x.When.All() {
				if _, err := compileRE(w); err != nil {
					return &presetErr{at(fmt.Sprintf("by_builder.%d.when.%s", j, k)), err.Error()}
				}
			}
			if x.Prune != "" && !b.App {
				return &presetErr{at(fmt.Sprintf("by_builder.%d.prune", j)), fmt.Sprintf("%q has a prune step but is not an app install (app: true)", b.Command)}
			}
		}
		if pr := b.Prepare; pr != nil {
			if len(pr.Lines) == 0 {
				return &presetErr{at("prepare"), fmt.Sprintf("prepare of %q has no lines", b.Command)}
			}
			for _, u := range pr.Unless {
				_, err := compileRE(u)
				if err != nil {
					return &presetErr{at("prepare.unless"), fmt.Sprintf("bad pattern %q: %v", u, err)}
				}
			}
			for _, kv := range pr.RuntimeEnv {
				if !strings.Contains(kv, "=") {
					return &presetErr{at("prepare.runtime_env"), fmt.Sprintf("%q is not K=V", kv)}
				}
			}
			for j := range pr.Own {
				o := &pr.Own[j]
				n := 0
				for _, set := range []bool{o.Env != "", o.Flag != "", o.Named} {
					if set {
						n++
					}
				}
				if n != 1 {
					return &presetErr{at(fmt.Sprintf("prepare.own.%d", j)), "an own entry needs exactly one of env, flag and named"}
				}
				if o.Named && o.Dir == "" {
					return &presetErr{at(fmt.Sprintf("prepare.own.%d", j)), "an own entry with named needs a dir"}
				}
				if o.When != "" {
					_, err := compileRE(o.When)
					if err != nil {
						return &presetErr{at(fmt.Sprintf("prepare.own.%d.when", j)), fmt.Sprintf("bad pattern %q: %v", o.When, err)}
					}
				}
			}
		}
		if r := b.Requests; r != nil {
			if len(r.Builder) == 0 || len(r.Sources) == 0 || r.Why == "" {
				return &presetErr{at("interpreter_request"), fmt.Sprintf("interpreter_request of %q needs builder, sources and why", b.Command)}
			}
			for j, src := range r.Sources {
				rx, err := compileRE(src.Pattern)
				if err != nil || src.File == "" || !slices.Contains(rx.SubexpNames(), "req") {
					return &presetErr{at(fmt.Sprintf("interpreter_request.sources.%d", j)), fmt.Sprintf("a source needs a file and a pattern with a group req (%q)", src.Pattern)}
				}
			}
			for k, w := range r.UnlessEnv.All() {
				if _, err := compileRE(w); err != nil {
					return &presetErr{at("interpreter_request.unless_env." + k), fmt.Sprintf("bad pattern %q: %v", w, err)}
				}
			}
		}
		if o := b.OffPath; o != nil {
			if o.Bin == "" || len(o.Files) == 0 || !strings.Contains(o.Match, "{name}") {
				return &presetErr{at("off_path"), fmt.Sprintf("off_path of %q needs bin, files and a match with {name}", b.Command)}
			}
			if _, err := compileRE(strings.ReplaceAll(o.Match, "{name}", "x")); err != nil {
				return &presetErr{at("off_path.match"), fmt.Sprintf("bad pattern %q: %v", o.Match, err)}
			}
		}
		for j, d := range b.DropArgs {
			if _, err := compileRE(d.When); err != nil || d.Arg == "" || d.Why == "" || d.Without == "" || (d.Env == "") != (d.When == "") || b.Prepare == nil {
				return &presetErr{at(fmt.Sprintf("drop_args.%d", j)), "a drop arg needs arg, why and without, env and when together, and the command's prepare (the environment it would miss)"}
			}
		}
		if a := b.Artifact; a != nil {
			if a.OutputFlag == "" && a.Dir == "" && len(a.Name) == 0 && !a.FolderArg {
				return &presetErr{at("artifact"), fmt.Sprintf("artifact of %q says nothing about where it is written", b.Command)}
			}
			for _, n := range a.Name {
				switch n {
				case "source_file", "package", "module", "workdir":
				default:
					return &presetErr{at("artifact.name"), fmt.Sprintf("unknown artifact name source %q (want source_file, package, module or workdir)", n)}
				}
			}
		}
	}
	if m := p.ModuleName; m != nil {
		re, err := compileRE(m.Pattern)
		if err != nil || re.NumSubexp() < 1 {
			return &presetErr{"module_name.pattern", "module_name.pattern must be a regexp with one group"}
		}
		if m.Strip != "" {
			if _, err = compileRE(m.Strip); err != nil {
				return &presetErr{"module_name.strip", fmt.Sprintf("bad strip pattern: %v", err)}
			}
		}
	}
	for i := range p.Static.NeedsLibc {
		s := &p.Static.NeedsLibc[i]
		_, err := compileRE(s.Pattern)
		if err != nil {
			return &presetErr{fmt.Sprintf("static.needs_libc.%d.pattern", i), fmt.Sprintf("bad pattern %q: %v", s.Pattern, err)}
		}
		if s.Means && p.Static.Pure == nil && p.Static.MeansUnused == nil {
			return &presetErr{fmt.Sprintf("static.needs_libc.%d.means", i), "a sign marked means needs static.pure or static.means_unused, which say when it does not count"}
		}
	}
	if pu := p.Static.Pure; pu != nil {
		if err := validatePure(pu); err != nil {
			return err
		}
	}
	if mu := p.Static.MeansUnused; mu != nil {
		if err := validateMeansUnused(mu, p.Static); err != nil {
			return err
		}
	}
	if d := p.Static.LibcDeps; d != nil {
		if len(d.Files) == 0 || len(d.Names) == 0 || d.Why == "" {
			return &presetErr{"static.libc_deps", "static.libc_deps needs files, names and why"}
		}
		for i, n := range d.Names {
			// npm scopes start with @ (@prisma/client); a version never does.
			if n == "" || strings.ContainsAny(n, " \t\n") || strings.Contains(n[1:], "@") {
				return &presetErr{fmt.Sprintf("static.libc_deps.names.%d", i), fmt.Sprintf("%q is not a dependency name", n)}
			}
		}
		if d.Match != "" {
			if !strings.Contains(d.Match, "{name}") {
				return &presetErr{"static.libc_deps.match", "static.libc_deps.match needs {name}"}
			}
			_, err := compileRE(d.matchExpr())
			if err != nil {
				return &presetErr{"static.libc_deps.match", fmt.Sprintf("bad pattern %q: %v", d.Match, err)}
			}
		}
		for i := range d.Signs {
			s := &d.Signs[i]
			if s.Pattern == "" || s.Why == "" {
				return &presetErr{fmt.Sprintf("static.libc_deps.signs.%d", i), "a sign needs a pattern and why"}
			}
			_, err := compileRE(s.Pattern)
			if err != nil {
				return &presetErr{fmt.Sprintf("static.libc_deps.signs.%d.pattern", i), fmt.Sprintf("bad pattern %q: %v", s.Pattern, err)}
			}
		}
		for i := range d.Lockfiles {
			l := &d.Lockfiles[i]
			if l.File == "" || l.Why == "" {
				return &presetErr{fmt.Sprintf("static.libc_deps.lockfiles.%d", i), "a lockfile needs file and why"}
			}
			_, err := compileRE(l.Pattern)
			if err != nil {
				return &presetErr{fmt.Sprintf("static.libc_deps.lockfiles.%d.pattern", i), fmt.Sprintf("bad pattern %q: %v", l.Pattern, err)}
			}
			if in := l.Installs; in != nil && (in.Entries == "" || in.Dev == "" || in.Optional == "" || in.OS == "" || in.System == "") {
				return &presetErr{fmt.Sprintf("static.libc_deps.lockfiles.%d.installs", i), "installs needs entries, dev, optional, os and system"}
			}
		}
		if c := d.Complete; c != nil {
			if c.Pattern == "" || len(c.Skip) == 0 || !slices.Contains(d.Files, c.File) {
				return &presetErr{"static.libc_deps.complete", "static.libc_deps.complete needs a file of files, a pattern and skip"}
			}
			if _, err := compileRE(c.Pattern); err != nil {
				return &presetErr{"static.libc_deps.complete.pattern", fmt.Sprintf("bad pattern %q: %v", c.Pattern, err)}
			}
			for i, f := range c.Skip {
				if f == c.File || !slices.Contains(d.Files, f) {
					return &presetErr{fmt.Sprintf("static.libc_deps.complete.skip.%d", i), fmt.Sprintf("%q is not another file of files", f)}
				}
			}
		}
	}
	if ls := p.Static.LibcSources; ls != nil {
		if ls.Ext == "" || ls.Pattern == "" || ls.Why == "" {
			return &presetErr{"static.libc_sources", "static.libc_sources needs ext, pattern and why"}
		}
		_, err := compileRE(ls.Pattern)
		if err != nil {
			return &presetErr{"static.libc_sources.pattern", fmt.Sprintf("bad pattern %q: %v", ls.Pattern, err)}
		}
		for i, g := range ls.Skip {
			if _, err := path.Match(g, ""); err != nil {
				return &presetErr{fmt.Sprintf("static.libc_sources.skip.%d", i), fmt.Sprintf("bad pattern %q", g)}
			}
		}
	}
	if err := p.RunFiles.validate(); err != nil {
		return err
	}
	if p.Comments != "" {
		re, err := compileRE(p.Comments)
		if err != nil {
			return &presetErr{"comments", fmt.Sprintf("bad pattern %q: %v", p.Comments, err)}
		}
		if re.SubexpIndex("comment") < 0 {
			return &presetErr{"comments", fmt.Sprintf("pattern %q has no group named comment", p.Comments)}
		}
	}
	for i, g := range p.TextBOM {
		if _, err := path.Match(g, ""); err != nil || g == "" || strings.HasPrefix(g, "/") {
			return &presetErr{fmt.Sprintf("text_bom.%d", i), fmt.Sprintf("%q is not a glob on a context path's last elements such as *.txt", g)}
		}
	}
	if lt := p.LocalTime; lt != nil {
		if lt.Env == "" || len(lt.Sets) == 0 || lt.Why == "" {
			return &presetErr{"local_time", "local_time needs env, sets and why"}
		}
		for i, x := range lt.Sets {
			re, err := compileRE(x)
			if err != nil {
				return &presetErr{fmt.Sprintf("local_time.sets.%d", i), fmt.Sprintf("bad pattern %q: %v", x, err)}
			}
			if re.SubexpIndex("zone") < 0 {
				return &presetErr{fmt.Sprintf("local_time.sets.%d", i), "the pattern needs a group named zone"}
			}
		}
		if z := lt.ZoneFiles; z != nil {
			if len(z.Packages) == 0 {
				return &presetErr{"local_time.zone_files", "zone_files needs packages"}
			}
			for i, x := range z.Links {
				if _, err := compileRE(x); err != nil {
					return &presetErr{fmt.Sprintf("local_time.zone_files.links.%d", i), fmt.Sprintf("bad pattern %q: %v", x, err)}
				}
			}
			for i, x := range z.Reads {
				if _, err := compileRE(x); err != nil {
					return &presetErr{fmt.Sprintf("local_time.zone_files.reads.%d", i), fmt.Sprintf("bad pattern %q: %v", x, err)}
				}
			}
		}
	}

	if w := p.Writes; w != nil {
		if err := validateWrites(w); err != nil {
			return err
		}
	}
	if h := p.HomeDeps; h != nil {
		if err := validateHomeDeps(h); err != nil {
			return err
		}
	}
	if pr := p.Programs; pr != nil {
		if err := validatePrograms(pr); err != nil {
			return err
		}
	}
	if m := p.Modules; m != nil {
		if err := validateModules(m); err != nil {
			return err
		}
	}
	if d := p.DevDeps; d != nil && d.Imports != nil {
		if err := validateDevImports(d.Imports); err != nil {
			return err
		}
	}
	for i, g := range p.DropEnv {
		if _, err := path.Match(g, ""); err != nil {
			return &presetErr{fmt.Sprintf("drop_env.%d", i), fmt.Sprintf("bad pattern %q", g)}
		}
	}
	for i := range p.RuntimePackages {
		m := &p.RuntimePackages[i]
		if len(strings.Fields(m.Command)) == 0 || m.Install == "" {
			return &presetErr{fmt.Sprintf("runtime_packages.%d", i), "a package map needs a command and an install line"}
		}
		_, err := parseTemplate(tmplKey{name: "install", text: m.Install})
		if err != nil {
			return &presetErr{fmt.Sprintf("runtime_packages.%d.install", i), fmt.Sprintf("bad install template: %v", err)}
		}
		for k, w := range m.When.All() {
			if _, err := compileRE(w); err != nil {
				return &presetErr{fmt.Sprintf("runtime_packages.%d.when.%s", i, k), fmt.Sprintf("bad pattern %q for %s: %v", w, k, err)}
			}
		}
		for _, g := range slices.Concat(m.BuildOnly, m.Alongside, m.FetchTools, m.BuildGroups, m.SourceFiles, m.NativeBuild) {
			if _, err := path.Match(g, ""); err != nil {
				return &presetErr{fmt.Sprintf("runtime_packages.%d", i), fmt.Sprintf("bad pattern %q", g)}
			}
		}
		for _, g := range m.GroupFlags {
			if !slices.Contains(m.ValueFlags, g) {
				return &presetErr{fmt.Sprintf("runtime_packages.%d.group_flags", i), fmt.Sprintf("%q is not one of value_flags", g)}
			}
		}
		for pkg, progs := range m.Programs.All() {
			if pkg == "" || len(progs) == 0 || slices.Contains(progs, "") {
				return &presetErr{fmt.Sprintf("runtime_packages.%d.programs", i), fmt.Sprintf("package %q needs the names of the programs it brings", pkg)}
			}
		}
		for pkg, recs := range m.Recommends.All() {
			if pkg == "" || len(recs) == 0 || slices.Contains(recs, "") {
				return &presetErr{fmt.Sprintf("runtime_packages.%d.recommends", i), fmt.Sprintf("package %q needs the packages it recommends", pkg)}
			}
			if len(m.LeanFlags) == 0 {
				return &presetErr{fmt.Sprintf("runtime_packages.%d.recommends", i), "recommends needs lean_flags, the options that leave recommendations out"}
			}
		}
		for g, with := range m.KeptWith.All() {
			if _, err := path.Match(g, ""); err != nil || len(with) == 0 {
				return &presetErr{fmt.Sprintf("runtime_packages.%d.kept_with", i), fmt.Sprintf("bad pattern %q, or no packages for it", g)}
			}
		}
		if len(m.BuildGroups) > 0 && len(m.GroupFlags) == 0 {
			return &presetErr{fmt.Sprintf("runtime_packages.%d.build_groups", i), "build_groups needs group_flags, the options that name a group"}
		}
		for _, r := range m.Remove {
			if len(strings.Fields(r)) == 0 {
				return &presetErr{fmt.Sprintf("runtime_packages.%d.remove", i), "an empty remove command"}
			}
		}
		if m.Release != nil && (m.Release.Value == "" || m.Release.What == "") {
			return &presetErr{fmt.Sprintf("runtime_packages.%d.release", i), "a release needs a value and what"}
		}
		for j, pat := range m.Sources {
			if _, err := compileRE(pat); err != nil {
				return &presetErr{fmt.Sprintf("runtime_packages.%d.sources.%d", i, j), fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
		}
		for j, k := range m.KnownSources {
			if _, err := compileRE(k.Match); err != nil || k.Match == "" || len(k.Packages) == 0 {
				return &presetErr{fmt.Sprintf("runtime_packages.%d.known_sources.%d", i, j), fmt.Sprintf("a known source needs a match pattern and packages (%q: %v)", k.Match, err)}
			}
		}
		if b := m.BuilderLibs; b != nil {
			if err := validateBuilderLibs(b, fmt.Sprintf("runtime_packages.%d.builder_libs", i)); err != nil {
				return err
			}
		}
	}
	for i, g := range p.GlobalInstalls {
		if len(strings.Fields(g.Command)) == 0 || len(g.Flags) == 0 || !path.IsAbs(g.Dir) || !path.IsAbs(g.Bin) {
			return &presetErr{fmt.Sprintf("global_installs.%d", i), "a global install needs a command, flags, and absolute dir and bin folders"}
		}
		if g.Self != nil && (g.Self.File == "" || g.Self.Name == "" || g.Self.Bin == "") {
			return &presetErr{fmt.Sprintf("global_installs.%d.self", i), "self needs a file, and the keys of the name and the bin"}
		}
	}
	if c := p.ClassPath; c != nil {
		if len(c.Flags) == 0 || c.Separator == "" || c.Default == "" {
			return &presetErr{"class_path", "class_path needs flags, a separator and a default"}
		}
		if len(p.Interpreters) == 0 {
			return &presetErr{"class_path", "class_path is read from an interpreter's command: interpreters is empty"}
		}
	}
	for i, b := range p.Build {
		if b.Classes != nil && b.Classes.DirFlag == "" {
			return &presetErr{fmt.Sprintf("build.%d.classes", i), "classes needs a dir_flag"}
		}
	}
	for i, w := range p.InitWrappers {
		if w.Program == "" || strings.Contains(w.Program, "/") || len(w.Packages) == 0 {
			return &presetErr{fmt.Sprintf("init_wrappers.%d", i), "an init wrapper needs a program (a name, no folder) and the packages that provide it"}
		}
	}
	for i, r := range p.Runners {
		if len(r.Commands) == 0 || (!r.Strip && r.Run == "" && r.Dist == nil && (r.File == "" || r.Key == "")) {
			return &presetErr{fmt.Sprintf("runners.%d", i), "a runner needs commands, and a file and a key unless it strips"}
		}
		if x := r.Executable; x != nil {
			at := fmt.Sprintf("runners.%d.executable", i)
			if r.Run == "" || x.Why == "" || len(x.Any) == 0 {
				return &presetErr{at, "executable needs run, why and at least one way in any"}
			}
			for j, w := range x.Any {
				if len(w.Args) == 0 && len(w.Project) == 0 {
					return &presetErr{fmt.Sprintf("%s.any.%d", at, j), "a way needs args or project"}
				}
				for k, e := range w.Project {
					if e.Element == "" || e.Has.Len() == 0 {
						return &presetErr{fmt.Sprintf("%s.any.%d.project.%d", at, j, k), "a project element needs element and has"}
					}
				}
			}
		}
		if d := r.Dist; d != nil {
			at := fmt.Sprintf("runners.%d.dist", i)
			if d.Why == "" || d.Tool == "" || d.RequiresWhy == "" || len(d.Requires) == 0 {
				return &presetErr{at, "a dist runner needs why, tool, requires and requires_why"}
			}
			if !slices.ContainsFunc(p.Build, func(b BuildCommand) bool { t := b.Dist.TaskOf(d.Task); return t != nil && t.Dir != "" }) {
				return &presetErr{at + ".task", fmt.Sprintf("%q is no folder task of a build command's dist", d.Task)}
			}
			for j, m := range d.Requires {
				if _, err := compileRE(m.Pattern); err != nil || m.Pattern == "" || m.File == "" {
					return &presetErr{fmt.Sprintf("%s.requires.%d", at, j), fmt.Sprintf("bad file or pattern %q", m.Pattern)}
				}
			}
			if len(d.RequiresNamed) > 0 && d.RequiresNamedWhy == "" {
				return &presetErr{at, "requires_named needs requires_named_why"}
			}
			for j, m := range d.RequiresNamed {
				p, err := compileRE(m.Pattern)
				b, errb := compileRE(m.Binding)
				if err != nil || errb != nil || m.File == "" || m.Pattern == "" || m.Binding == "" || p.SubexpIndex("name") < 0 || b.SubexpIndex("name") < 0 {
					return &presetErr{fmt.Sprintf("%s.requires_named.%d", at, j), "a named sign needs a file, and a pattern and a binding that capture a group named name"}
				}
			}
			for j, m := range d.Declines {
				if _, err := compileRE(m.Pattern); err != nil || m.Pattern == "" || m.File == "" || m.Why == "" {
					return &presetErr{fmt.Sprintf("%s.declines.%d", at, j), fmt.Sprintf("bad file, pattern or why %q", m.Pattern)}
				}
			}
		}
		for j, b := range r.BuiltScripts {
			if b.Key == "" {
				return &presetErr{fmt.Sprintf("runners.%d.built_scripts.%d", i, j), "a built script needs a key"}
			}
		}
		if (len(r.BuiltScripts) > 0 || r.DevKey != "") && r.File == "" {
			return &presetErr{fmt.Sprintf("runners.%d", i), "built_scripts and dev_key are read from the runner's file, which is not set"}
		}
		if (len(r.Scripts) > 0 || len(r.Programs) > 0) && r.DevKey == "" {
			return &presetErr{fmt.Sprintf("runners.%d", i), "scripts and programs are followed for programs of development dependencies: dev_key is not set"}
		}
		if (len(r.Flags) > 0 || len(r.ValueFlags) > 0 || r.DeclineFlags.Len() > 0 || r.End != "") && !r.Strip {
			return &presetErr{fmt.Sprintf("runners.%d", i), "flags, value_flags, decline_flags and end are the options of a runner that strips"}
		}
		if (len(r.ScriptEnds) > 0) != (r.ScriptWith != "") || (r.ScriptWith != "" && !r.Strip) {
			return &presetErr{fmt.Sprintf("runners.%d", i), "script_ends and script_with go together, on a runner that strips"}
		}
		for j, d := range r.ScriptDeclines {
			if _, err := compileRE(d.Match); err != nil || d.Match == "" || d.Why == "" || r.ScriptWith == "" {
				return &presetErr{fmt.Sprintf("runners.%d.script_declines.%d", i, j), "a script decline needs match (a regexp) and why, on a runner with script_with"}
			}
		}
		if len(r.Scripts) > 0 && r.ScriptsKey == "" {
			return &presetErr{fmt.Sprintf("runners.%d", i), "scripts needs scripts_key, the key of the runner's file that holds them"}
		}
	}
	if len(p.Runtimes) == 0 {
		return &presetErr{"runtimes", "at least one runtime is required"}
	}
	flavors := map[string]bool{}
	for i := range p.Runtimes {
		r := &p.Runtimes[i]
		if r.Flavor == "" || r.Image == "" {
			return &presetErr{fmt.Sprintf("runtimes.%d", i), "every runtime needs a flavor and an image"}
		}
		if !libcs[r.Libc] {
			return &presetErr{fmt.Sprintf("runtimes.%d.libc", i), fmt.Sprintf("runtime libc %q must be none, glibc or musl", r.Libc)}
		}
		_, err := parseTemplate(tmplKey{name: r.Flavor, text: r.Image, missingZero: true})
		if err != nil {
			return &presetErr{fmt.Sprintf("runtimes.%d.image", i), fmt.Sprintf("bad image template %q: %v", r.Image, err)}
		}
		if r.Install != "" {
			_, err := parseTemplate(tmplKey{name: "install", text: r.Install})
			if err != nil {
				return &presetErr{fmt.Sprintf("runtimes.%d.install", i), fmt.Sprintf("bad install template: %v", err)}
			}
			if !r.Shell {
				return &presetErr{fmt.Sprintf("runtimes.%d.install", i), "an install line needs a runtime with a shell (shell: true)"}
			}
		}
		if r.Base != nil && (r.Base.What == "" || len(r.Base.Programs) == 0) {
			return &presetErr{fmt.Sprintf("runtimes.%d.base", i), "base needs what (its name for people) and programs"}
		}
		if len(r.Installs) > 0 && r.Install == "" {
			return &presetErr{fmt.Sprintf("runtimes.%d.installs", i), "installs needs an install line"}
		}
		for j, w := range r.InstallsWith {
			at := fmt.Sprintf("runtimes.%d.installs_with.%d", i, j)
			if len(w.Programs) == 0 || len(w.Packages) == 0 || w.Why == "" {
				return &presetErr{at, "installs_with needs programs, packages and why"}
			}
			for _, p := range w.Programs {
				if !slices.Contains(r.Installs, p) {
					return &presetErr{at, fmt.Sprintf("program %q is not one of installs", p)}
				}
			}
		}
		for k, w := range r.When.All() {
			_, err := compileRE(w)
			if err != nil {
				return &presetErr{fmt.Sprintf("runtimes.%d.when.%s", i, k), fmt.Sprintf("bad pattern %q for %s: %v", w, k, err)}
			}
		}
		if rr := r.Release; rr != nil {
			at := fmt.Sprintf("runtimes.%d.release", i)
			if rr.Value == "" || rr.Image == "" || rr.What == "" {
				return &presetErr{at, "release needs value, image and what"}
			}
			if _, err := parseTemplate(tmplKey{name: "release", text: rr.Image, missingZero: true}); err != nil {
				return &presetErr{at + ".image", fmt.Sprintf("bad template: %v", err)}
			}
		}
		flavors[r.Flavor] = true
	}
	if p.DefaultFlavor == "" {
		p.DefaultFlavor = p.Runtimes[0].Flavor
	}
	if !flavors[p.DefaultFlavor] {
		return &presetErr{"default_flavor", fmt.Sprintf("default_flavor %q has no runtime", p.DefaultFlavor)}
	}
	for i, f := range p.Fallback {
		if !flavors[f] {
			return &presetErr{fmt.Sprintf("fallback.%d", i), fmt.Sprintf("fallback flavor %q has no runtime", f)}
		}
	}
	for i, v := range p.Builder.Variants {
		for j, f := range v.Flavors {
			if !flavors[f] {
				return &presetErr{fmt.Sprintf("builder.variants.%d.flavors.%d", i, j), fmt.Sprintf("flavor %q has no runtime", f)}
			}
		}
	}
	return nil
}

// locate returns the line of the YAML node at a dotted path such as
// runtimes.2.libc, or of the deepest part of it that exists.
func locate(data []byte, dotted string) int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return 0
	}
	n := doc.Content[0]
	line := n.Line
	for _, part := range strings.Split(dotted, ".") {
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == part {
					next = n.Content[i+1]
					line = n.Content[i].Line
				}
			}
		case yaml.SequenceNode:
			if i, err := strconv.Atoi(part); err == nil && i < len(n.Content) {
				next = n.Content[i]
				line = next.Line
			}
		case yaml.AliasNode:
			next = n.Alias
		}
		if next == nil {
			break
		}
		if next.Kind == yaml.AliasNode {
			next = next.Alias
		}
		n = next
	}
	// yaml.v3 puts an empty document ("---" at the end of the file) on
	// the line after the last one; a message must name a line that exists.
	return min(line, YAMLLines(data))
}

// YAMLLines is the number of lines of data as yaml.v3 counts them: a
// line ends at \n, \r\n, a lone \r, U+0085, U+2028 or U+2029, in a file
// read as UTF-8, or as UTF-16 when it starts with a UTF-16 byte order mark.
func YAMLLines(data []byte) int {
	s := string(data)
	if len(data) >= 2 && (data[0] == 0xfe && data[1] == 0xff || data[0] == 0xff && data[1] == 0xfe) {
		units := make([]uint16, 0, len(data)/2)
		for i := 2; i+1 < len(data); i += 2 {
			if data[0] == 0xfe {
				units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		s = string(utf16.Decode(units))
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

func (r *RunFiles) validate() *presetErr {
	if r == nil {
		return nil
	}
	if len(r.Sources.Ext) == 0 || r.Literal == "" {
		return &presetErr{"run_files", "run_files needs sources.ext and literal"}
	}
	for i, e := range r.Sources.Ext {
		if !strings.HasPrefix(e, ".") || strings.ContainsAny(e, "/*?[") {
			return &presetErr{fmt.Sprintf("run_files.sources.ext.%d", i), fmt.Sprintf("%q is not a file ending such as .go", e)}
		}
	}
	globs := func(field string, gs []string) *presetErr {
		for i, g := range gs {
			if _, err := path.Match(g, ""); err != nil || g == "" || strings.Contains(g, "/") {
				return &presetErr{fmt.Sprintf("run_files.%s.%d", field, i), fmt.Sprintf("bad pattern %q: a glob on one path element", g)}
			}
		}
		return nil
	}
	if err := globs("sources.skip", r.Sources.Skip); err != nil {
		return err
	}
	if j := r.WorkdirJoins; j != nil {
		if _, err := compileRE(j.Dir); err != nil || j.Dir == "" || !strings.Contains(j.Dir, "?P<name>") || len(j.Joins) == 0 || j.Why == "" {
			return &presetErr{"run_files.workdir_joins", "workdir_joins needs dir (a regexp with a group name), joins and why"}
		}
		for i, p := range j.Joins {
			if _, err := compileRE(strings.ReplaceAll(p, "NAME", "x")); err != nil || !strings.Contains(p, "NAME") || (!strings.Contains(p, "?P<value>") && !strings.Contains(p, "?P<const>")) {
				return &presetErr{fmt.Sprintf("run_files.workdir_joins.joins.%d", i), "a join needs NAME and a group value or const"}
			}
		}
		if (j.Funcs != "") != (j.Returns != "") || (j.Funcs != "") != (len(j.Calls) > 0) || (j.Funcs != "") != (j.CallWhy != "") {
			return &presetErr{"run_files.workdir_joins", "funcs, returns, calls and call_why go together"}
		}
		for _, p := range append([]string{j.Funcs, j.Returns}, j.Calls...) {
			if _, err := compileRE(p); err != nil {
				return &presetErr{"run_files.workdir_joins", fmt.Sprintf("bad regexp %q", p)}
			}
		}
	}
	if err := globs("build_inputs", r.BuildInputs); err != nil {
		return err
	}
	for _, b := range r.BuildInputsRead {
		if _, err := compileRE(b.In); err != nil || b.In == "" {
			return &presetErr{"run_files.build_inputs_read", fmt.Sprintf("bad regexp %q in in", b.In)}
		}
		if len(b.Names) == 0 {
			return &presetErr{"run_files.build_inputs_read", "names is empty"}
		}
		if err := globs("build_inputs_read.names", b.Names); err != nil {
			return err
		}
	}
	re, err := compileRE(r.Literal)
	if err != nil {
		return &presetErr{"run_files.literal", fmt.Sprintf("bad pattern %q: %v", r.Literal, err)}
	}
	if re.NumSubexp() == 0 {
		return &presetErr{"run_files.literal", "the literal pattern needs a capturing group for the literal's text"}
	}
	if r.Embed != "" {
		re, err := compileRE(r.Embed)
		if err != nil {
			return &presetErr{"run_files.embed", fmt.Sprintf("bad pattern %q: %v", r.Embed, err)}
		}
		if re.NumSubexp() == 0 {
			return &presetErr{"run_files.embed", "the embed pattern needs a capturing group for the patterns"}
		}
	}
	for i, pat := range r.UnnamedReads {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("run_files.unnamed_reads.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("expr") < 0 {
			return &presetErr{fmt.Sprintf("run_files.unnamed_reads.%d", i), fmt.Sprintf("pattern %q has no group named expr", pat)}
		}
	}
	if err := r.Bindings.validate("run_files.bindings"); err != nil {
		return err
	}
	if u := r.UnnamedFolder; u != nil {
		for _, x := range []struct{ key, pat, group string }{
			{"assign", u.Assign, ""}, {"bind", u.Bind, "dir"}, {"range", u.Range, "list"},
			{"list", u.List, "items"}, {"literal", u.Literal, "value"}, {"scope", u.Scope, ""},
		} {
			where := "run_files.unnamed_folder." + x.key
			if x.pat == "" {
				return &presetErr{where, "unnamed_folder needs assign, bind, range, list, literal and scope"}
			}
			if x.key != "literal" && x.key != "scope" && !strings.Contains(x.pat, "NAME") {
				return &presetErr{where, fmt.Sprintf("pattern %q has no NAME", x.pat)}
			}
			re, err := compileRE(strings.ReplaceAll(x.pat, "NAME", "n"))
			if err != nil {
				return &presetErr{where, fmt.Sprintf("bad pattern %q: %v", x.pat, err)}
			}
			if x.group != "" && re.SubexpIndex(x.group) < 0 {
				return &presetErr{where, fmt.Sprintf("pattern %q has no group named %s", x.pat, x.group)}
			}
			if x.key == "bind" && re.SubexpIndex("rest") < 0 {
				return &presetErr{where, fmt.Sprintf("pattern %q has no group named rest", x.pat)}
			}
		}
	}
	for i, c := range r.ConfigValues {
		where := fmt.Sprintf("run_files.config_values.%d", i)
		if err := validFileGlobs(where, "config_values", c.Files); err != nil {
			return err
		}
		re, err := compileRE(c.Value)
		if err != nil {
			return &presetErr{where + ".value", fmt.Sprintf("bad pattern %q: %v", c.Value, err)}
		}
		if re.SubexpIndex("value") < 0 {
			return &presetErr{where + ".value", fmt.Sprintf("pattern %q has no group named value", c.Value)}
		}
	}
	for i := range r.Reads {
		fr := &r.Reads[i]
		where := fmt.Sprintf("run_files.reads.%d", i)
		if fr.Call == "" || fr.Why == "" {
			return &presetErr{where, "a read needs a call and a why"}
		}
		re, err := compileRE(fr.Call)
		if err != nil {
			return &presetErr{where + ".call", fmt.Sprintf("bad pattern %q: %v", fr.Call, err)}
		}
		if len(fr.Files) == 0 && re.NumSubexp() == 0 {
			return &presetErr{where, "a read needs files, or a call with a group that names the file"}
		}
		if fr.Named != "" {
			re, err := compileRE(fr.Named)
			if err != nil {
				return &presetErr{where + ".named", fmt.Sprintf("bad pattern %q: %v", fr.Named, err)}
			}
			if re.SubexpIndex("name") < 0 {
				return &presetErr{where + ".named", fmt.Sprintf("pattern %q has no group named name", fr.Named)}
			}
			if r.Bindings == nil {
				return &presetErr{where + ".named", "a named read needs run_files.bindings"}
			}
		}
		for k, pat := range map[string]string{"dirs": fr.Dirs, "type": fr.Type} {
			if pat == "" {
				continue
			}
			re, err := compileRE(pat)
			if err != nil || re.NumSubexp() == 0 {
				return &presetErr{where + "." + k, fmt.Sprintf("bad pattern %q: it needs a group that names the %s", pat, strings.TrimSuffix(k, "s"))}
			}
		}
		for j, e := range fr.Exts {
			if !strings.HasPrefix(e, ".") || strings.Contains(e, "/") {
				return &presetErr{fmt.Sprintf("%s.exts.%d", where, j), fmt.Sprintf("%q is not a file ending such as .yaml", e)}
			}
		}
		for j, f := range fr.Files {
			if f == "" || path.IsAbs(f) || path.Clean(f) != f || strings.HasPrefix(f, "..") {
				return &presetErr{fmt.Sprintf("%s.files.%d", where, j), fmt.Sprintf("%q is not a path relative to the working folder", f)}
			}
		}
		for j, g := range fr.Holding {
			if _, err := path.Match(g, ""); err != nil || g == "" || path.IsAbs(g) || path.Clean(g) != g || strings.HasPrefix(g, "..") {
				return &presetErr{fmt.Sprintf("%s.holding.%d", where, j), fmt.Sprintf("%q is not a glob on a path inside the folder, such as */application*.yml", g)}
			}
		}
	}
	return nil
}

func validatePrograms(pr *Programs) *presetErr {
	if len(pr.Ext) == 0 || len(pr.Calls) == 0 {
		return &presetErr{"programs", "programs needs ext and calls"}
	}
	for i, e := range pr.Ext {
		if !strings.HasPrefix(e, ".") || strings.ContainsAny(e, "/ *") {
			return &presetErr{fmt.Sprintf("programs.ext.%d", i), fmt.Sprintf("%q is not a file ending such as .go", e)}
		}
	}
	for i, g := range pr.Skip {
		if _, err := path.Match(g, ""); err != nil {
			return &presetErr{fmt.Sprintf("programs.skip.%d", i), fmt.Sprintf("bad pattern %q", g)}
		}
	}
	for i, n := range pr.SkipHolding {
		if n == "" || n == "." || n == ".." || strings.Contains(n, "/") {
			return &presetErr{fmt.Sprintf("programs.skip_holding.%d", i), fmt.Sprintf("%q is not a file name such as pyvenv.cfg", n)}
		}
	}
	if pr.In != "" {
		if _, err := compileRE(pr.In); err != nil {
			return &presetErr{"programs.in", fmt.Sprintf("bad pattern %q: %v", pr.In, err)}
		}
	}
	if b := pr.Bindings; b != nil {
		for i, pat := range b.Patterns {
			re, err := compileRE(pat)
			if err != nil {
				return &presetErr{fmt.Sprintf("programs.bindings.patterns.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
			if re.SubexpIndex("name") < 0 || re.SubexpIndex("prog") < 0 && re.SubexpIndex("env") < 0 {
				return &presetErr{fmt.Sprintf("programs.bindings.patterns.%d", i), fmt.Sprintf("pattern %q needs the groups name and prog (or env)", pat)}
			}
		}
		if b.Block != "" && len(b.Block) != 2 {
			return &presetErr{"programs.bindings.block", fmt.Sprintf("%q is not two characters that open and close a block, such as {}", b.Block)}
		}
		if b.Shadow != "" {
			if _, err := compileRE(strings.ReplaceAll(b.Shadow, "{name}", "x")); err != nil {
				return &presetErr{"programs.bindings.shadow", fmt.Sprintf("bad pattern %q: %v", b.Shadow, err)}
			}
		}
	}
	for i, pat := range pr.Calls {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("programs.calls.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("prog") < 0 && re.SubexpIndex("expr") < 0 {
			return &presetErr{fmt.Sprintf("programs.calls.%d", i), fmt.Sprintf("pattern %q has no group named prog or expr", pat)}
		}
	}
	for i, l := range pr.Libraries {
		at := fmt.Sprintf("programs.libraries.%d", i)
		for _, pat := range []string{l.In, l.Call} {
			if _, err := compileRE(pat); pat != "" && err != nil {
				return &presetErr{at, fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
		}
		if l.Call == "" || len(l.Programs) == 0 {
			return &presetErr{at, "a library needs call and programs"}
		}
		for _, prog := range l.Programs {
			if prog == "" || strings.ContainsAny(prog, "/ ") {
				return &presetErr{at, fmt.Sprintf("%q is not a program name such as git", prog)}
			}
		}
	}
	if pr.CommandStrings != "" {
		r, err := compileRE(pr.CommandStrings)
		if err != nil {
			return &presetErr{"programs.command_strings", fmt.Sprintf("bad pattern %q: %v", pr.CommandStrings, err)}
		}
		if r.SubexpIndex("prog") < 0 {
			return &presetErr{"programs.command_strings", fmt.Sprintf("pattern %q has no group named prog", pr.CommandStrings)}
		}
	}
	if _, err := compileRE(pr.CommandStringsIn); pr.CommandStringsIn != "" && err != nil {
		return &presetErr{"programs.command_strings_in", fmt.Sprintf("bad pattern %q: %v", pr.CommandStringsIn, err)}
	}
	for i, n := range pr.Needs {
		at := fmt.Sprintf("programs.needs.%d", i)
		for _, pat := range []string{n.In, n.Call} {
			if _, err := compileRE(pat); pat != "" && err != nil {
				return &presetErr{at, fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
		}
		if n.Call == "" || len(n.Tools) == 0 || n.Why == "" {
			return &presetErr{at, "a need needs call, tools and why"}
		}
		for _, t := range n.Tools {
			if t == "" || strings.ContainsAny(t, "/ ") {
				return &presetErr{at, fmt.Sprintf("%q is not a tool name such as javac", t)}
			}
		}
	}
	for i, d := range pr.RootDaemons {
		at := fmt.Sprintf("programs.root_daemons.%d", i)
		if len(d.Names) == 0 || d.Why == "" {
			return &presetErr{at, "a root daemon needs names and why"}
		}
		for _, n := range d.Names {
			if n == "" || strings.ContainsAny(n, "/ ") {
				return &presetErr{at, fmt.Sprintf("%q is not a program name such as cron", n)}
			}
		}
		for j, st := range d.State {
			if st.Run == "" || strings.ContainsAny(st.Run, "/ ") || !path.IsAbs(st.Folder) || path.Clean(st.Folder) != st.Folder || st.Folder == "/" || st.What == "" {
				return &presetErr{fmt.Sprintf("%s.state.%d", at, j), "a state entry needs run (a program name), folder (a clean absolute path below /) and what"}
			}
			if st.Libc != "" && st.Libc != "glibc" && st.Libc != "musl" {
				return &presetErr{fmt.Sprintf("%s.state.%d.libc", at, j), fmt.Sprintf("libc %q must be glibc, musl or empty", st.Libc)}
			}
		}
	}
	for i, s := range pr.DaemonStarters {
		if s == "" || strings.ContainsAny(s, "/ ") {
			return &presetErr{fmt.Sprintf("programs.daemon_starters.%d", i), fmt.Sprintf("%q is not a program name such as service", s)}
		}
	}
	return nil
}

func validateWrites(w *Writes) *presetErr {
	for i, g := range w.Folders {
		if !strings.HasPrefix(g, "/") {
			return &presetErr{fmt.Sprintf("writes.writable.%d", i), fmt.Sprintf("%q is not an absolute path", g)}
		}
		if _, err := path.Match(g, ""); err != nil {
			return &presetErr{fmt.Sprintf("writes.writable.%d", i), fmt.Sprintf("bad pattern %q", g)}
		}
	}
	s := w.Sources
	if s == nil {
		return nil
	}
	if len(s.Ext) == 0 || len(s.Patterns) == 0 {
		return &presetErr{"writes.sources", "writes.sources needs ext and patterns"}
	}
	for i, e := range s.Ext {
		if !strings.HasPrefix(e, ".") || strings.ContainsAny(e, "/ *") {
			return &presetErr{fmt.Sprintf("writes.sources.ext.%d", i), fmt.Sprintf("%q is not a file ending such as .go", e)}
		}
	}
	for i, g := range s.Skip {
		if _, err := path.Match(g, ""); err != nil {
			return &presetErr{fmt.Sprintf("writes.sources.skip.%d", i), fmt.Sprintf("bad pattern %q", g)}
		}
	}
	for i, n := range s.SkipHolding {
		if n == "" || n == "." || n == ".." || strings.Contains(n, "/") {
			return &presetErr{fmt.Sprintf("writes.sources.skip_holding.%d", i), fmt.Sprintf("%q is not a file name such as pyvenv.cfg", n)}
		}
	}
	for key, pats := range map[string][]string{"patterns": s.Patterns, "folders": s.Folders} {
		for i, pat := range pats {
			re, err := compileRE(pat)
			if err != nil {
				return &presetErr{fmt.Sprintf("writes.sources.%s.%d", key, i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
			if re.SubexpIndex("path") < 0 {
				return &presetErr{fmt.Sprintf("writes.sources.%s.%d", key, i), fmt.Sprintf("pattern %q has no group named path", pat)}
			}
		}
	}
	// No group is required of file_dir: os.path.dirname(__file__) alone
	// is the folder; "args" and "up" are read when there.
	for i, pat := range s.FileDir {
		if _, err := compileRE(pat); err != nil {
			return &presetErr{fmt.Sprintf("writes.sources.file_dir.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
	}
	if k := s.Sockets; k != nil {
		if err := validateSockets(k); err != nil {
			return err
		}
	}
	for i, pat := range s.ListenPorts {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("writes.sources.listen_ports.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("port") < 0 {
			return &presetErr{fmt.Sprintf("writes.sources.listen_ports.%d", i), fmt.Sprintf("pattern %q has no group named port", pat)}
		}
	}
	for i, pat := range s.Unnamed {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("writes.sources.unnamed.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("expr") < 0 {
			return &presetErr{fmt.Sprintf("writes.sources.unnamed.%d", i), fmt.Sprintf("pattern %q has no group named expr", pat)}
		}
	}
	for i, pat := range s.UnnamedConfig {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("writes.sources.unnamed_config.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("expr") < 0 {
			return &presetErr{fmt.Sprintf("writes.sources.unnamed_config.%d", i), fmt.Sprintf("pattern %q has no group named expr", pat)}
		}
	}
	for i, pat := range s.RootReads {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("writes.sources.root_reads.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("path") < 0 && re.SubexpIndex("home") < 0 {
			return &presetErr{fmt.Sprintf("writes.sources.root_reads.%d", i), fmt.Sprintf("pattern %q has no group named path or home", pat)}
		}
	}
	for i, pat := range s.Named {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("writes.sources.named.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("name") < 0 {
			return &presetErr{fmt.Sprintf("writes.sources.named.%d", i), fmt.Sprintf("pattern %q has no group named name", pat)}
		}
	}
	if len(s.Named) > 0 && s.Bindings == nil {
		return &presetErr{"writes.sources.named", "named write calls need writes.sources.bindings"}
	}
	for i, pat := range s.NamedFolders {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("writes.sources.named_folders.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("name") < 0 {
			return &presetErr{fmt.Sprintf("writes.sources.named_folders.%d", i), fmt.Sprintf("pattern %q has no group named name", pat)}
		}
	}
	if len(s.NamedFolders) > 0 && s.Bindings == nil {
		return &presetErr{"writes.sources.named_folders", "named folders need writes.sources.bindings"}
	}
	for i, nv := range s.NamedValues {
		where := fmt.Sprintf("writes.sources.named_values.%d", i)
		if len(nv.Calls) == 0 || nv.Bindings == nil || len(nv.Bindings.Patterns) == 0 {
			return &presetErr{where, "a named value needs calls, a value and bindings with patterns"}
		}
		for j, pat := range nv.Calls {
			re, err := compileRE(pat)
			if err != nil {
				return &presetErr{fmt.Sprintf("%s.calls.%d", where, j), fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
			if re.SubexpIndex("name") < 0 {
				return &presetErr{fmt.Sprintf("%s.calls.%d", where, j), fmt.Sprintf("pattern %q has no group named name", pat)}
			}
		}
		re, err := compileRE(nv.Value)
		if err != nil {
			return &presetErr{where + ".value", fmt.Sprintf("bad pattern %q: %v", nv.Value, err)}
		}
		if re.SubexpIndex("path") < 0 {
			return &presetErr{where + ".value", fmt.Sprintf("pattern %q has no group named path", nv.Value)}
		}
		if err := nv.Bindings.validate(where + ".bindings"); err != nil {
			return err
		}
	}
	for i, c := range s.ConfigPaths {
		where := fmt.Sprintf("writes.sources.config_paths.%d", i)
		if err := validSettingsValue(where, "config_paths", c.Files, c.Value, c.Nested); err != nil {
			return err
		}
		if !strings.Contains(c.Used, "{key}") {
			return &presetErr{where + ".used", fmt.Sprintf("pattern %q has no {key}", c.Used)}
		}
		if _, err := compileRE(strings.ReplaceAll(c.Used, "{key}", "k")); err != nil {
			return &presetErr{where + ".used", fmt.Sprintf("bad pattern %q: %v", c.Used, err)}
		}
		if c.UsedPrefix != "" {
			if !strings.Contains(c.UsedPrefix, "{prefix}") {
				return &presetErr{where + ".used_prefix", fmt.Sprintf("pattern %q has no {prefix}", c.UsedPrefix)}
			}
			if _, err := compileRE(strings.ReplaceAll(c.UsedPrefix, "{prefix}", "k")); err != nil {
				return &presetErr{where + ".used_prefix", fmt.Sprintf("bad pattern %q: %v", c.UsedPrefix, err)}
			}
		}
	}
	for i, c := range s.ConfigWrites {
		where := fmt.Sprintf("writes.sources.config_writes.%d", i)
		if err := validSettingsValue(where, "config_writes", c.Files, c.Value, c.Nested); err != nil {
			return err
		}
		if len(c.Keys) == 0 || len(c.Shapes) == 0 || c.What == "" {
			return &presetErr{where, "needs keys, shapes and what"}
		}
		for _, k := range c.Keys {
			if _, err := compileRE(k); err != nil {
				return &presetErr{where + ".keys", fmt.Sprintf("bad pattern %q: %v", k, err)}
			}
		}
		for _, sh := range c.Shapes {
			sr, err := compileRE(sh)
			if err != nil {
				return &presetErr{where + ".shapes", fmt.Sprintf("bad pattern %q: %v", sh, err)}
			}
			if sr.SubexpIndex("path") < 0 {
				return &presetErr{where + ".shapes", fmt.Sprintf("pattern %q has no group named path", sh)}
			}
		}
	}
	if err := s.Imports.validate(s.Bindings); err != nil {
		return err
	}
	if err := s.Aliases.validate(); err != nil {
		return err
	}
	return s.Bindings.validate("writes.sources.bindings")
}

// validate checks writes.sources.aliases.
func (a *SourceAliases) validate() *presetErr {
	const at = "writes.sources.aliases"
	if a == nil {
		return nil
	}
	if len(a.Statements) == 0 {
		return &presetErr{at, "aliases need statements"}
	}
	for i, pat := range a.Statements {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("%s.statements.%d", at, i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("names") < 0 {
			return &presetErr{fmt.Sprintf("%s.statements.%d", at, i), fmt.Sprintf("pattern %q needs a group named names", pat)}
		}
	}
	re, err := compileRE(a.Names)
	if err != nil || re.SubexpIndex("name") < 0 || re.SubexpIndex("alias") < 0 {
		return &presetErr{at + ".names", fmt.Sprintf("names %q must be a pattern with groups named name and alias", a.Names)}
	}
	return nil
}

// validate checks writes.sources.imports, which only bindings read.
func (im *SourceImports) validate(b *PathBindings) *presetErr {
	const at = "writes.sources.imports"
	if im == nil {
		return nil
	}
	if b == nil {
		return &presetErr{at, "imports need writes.sources.bindings"}
	}
	if len(im.Statements) == 0 && !im.Folder {
		return &presetErr{at, "imports need statements or folder"}
	}
	for i, pat := range im.Statements {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("%s.statements.%d", at, i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("modules") >= 0 {
			if im.Modules == "" {
				return &presetErr{fmt.Sprintf("%s.statements.%d", at, i), fmt.Sprintf("pattern %q has a group named modules, which needs imports.modules", pat)}
			}
			continue
		}
		if re.SubexpIndex("module") < 0 || re.SubexpIndex("names") < 0 && re.SubexpIndex("prefix") < 0 {
			return &presetErr{fmt.Sprintf("%s.statements.%d", at, i), fmt.Sprintf("pattern %q needs groups named module and names or prefix, or modules", pat)}
		}
	}
	if im.Modules != "" {
		if re, err := compileRE(im.Modules); err != nil || re.SubexpIndex("module") < 0 {
			return &presetErr{at + ".modules", fmt.Sprintf("modules %q must be a pattern with a group named module", im.Modules)}
		}
	}
	if im.Scope != "" {
		if _, err := compileRE(im.Scope); err != nil {
			return &presetErr{at + ".scope", fmt.Sprintf("bad pattern %q: %v", im.Scope, err)}
		}
	}
	if len(im.Statements) > 0 {
		re, err := compileRE(im.Names)
		if err != nil || re.SubexpIndex("name") < 0 {
			return &presetErr{at + ".names", fmt.Sprintf("names %q must be a pattern with a group named name", im.Names)}
		}
		if len(im.Files) == 0 {
			return &presetErr{at + ".files", "statements need files"}
		}
	}
	for i, pat := range im.Exported {
		if _, err := compileRE(strings.ReplaceAll(pat, "{name}", "x")); err != nil {
			return &presetErr{fmt.Sprintf("%s.exported.%d", at, i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
	}
	for i, f := range im.Files {
		if strings.Count(f, "{}") != 1 || path.IsAbs(f) || strings.Contains(f, "..") {
			return &presetErr{fmt.Sprintf("%s.files.%d", at, i), fmt.Sprintf("%q must be a relative path holding {} once", f)}
		}
	}
	return nil
}

// validate checks bindings found at the YAML path at.
func (b *PathBindings) validate(at string) *presetErr {
	if b == nil {
		return nil
	}
	patterns := func(where string, pats []string) *presetErr {
		for i, pat := range pats {
			re, err := compileRE(pat)
			if err != nil {
				return &presetErr{fmt.Sprintf("%s.%d", where, i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
			if re.SubexpIndex("name") < 0 || re.SubexpIndex("value") < 0 && re.SubexpIndex("list") < 0 {
				return &presetErr{fmt.Sprintf("%s.%d", where, i), fmt.Sprintf("pattern %q needs the groups name and value (or list)", pat)}
			}
		}
		return nil
	}
	if err := patterns(at+".patterns", b.Patterns); err != nil {
		return err
	}
	for i, g := range b.Groups {
		where := fmt.Sprintf("%s.groups.%d", at, i)
		re, err := compileRE(g.Decl)
		if err != nil {
			return &presetErr{where + ".decl", fmt.Sprintf("bad pattern %q: %v", g.Decl, err)}
		}
		if re.SubexpIndex("body") < 0 {
			return &presetErr{where + ".decl", fmt.Sprintf("pattern %q has no group named body", g.Decl)}
		}
		if len(g.Patterns) == 0 {
			return &presetErr{where, "a group needs patterns"}
		}
		if err := patterns(where+".patterns", g.Patterns); err != nil {
			return err
		}
	}
	if b.Block != "" && len(b.Block) != 2 {
		return &presetErr{at + ".block", fmt.Sprintf("%q is not two characters that open and close a block, such as {}", b.Block)}
	}
	if b.Shadow != "" {
		if _, err := compileRE(strings.ReplaceAll(b.Shadow, "{name}", "x")); err != nil {
			return &presetErr{at + ".shadow", fmt.Sprintf("bad pattern %q: %v", b.Shadow, err)}
		}
	}
	return nil
}

// matchExpr is the Match pattern with {name} standing for any of Names.
func (d *LibcDeps) matchExpr() string {
	var alt []string
	for _, n := range d.Names {
		alt = append(alt, regexp.QuoteMeta(n))
	}
	return strings.ReplaceAll(d.Match, "{name}", "(?P<name>"+strings.Join(alt, "|")+")")
}

func validateHomeDeps(h *HomeDeps) *presetErr {
	at := "home_deps"
	if len(h.Deps) == 0 || (h.Word == "" && (h.Match == "" || len(h.Files) == 0)) {
		return &presetErr{at, "home_deps needs deps, and a word pattern or files with a match pattern"}
	}
	for i, c := range h.Calls {
		cat := fmt.Sprintf("%s.calls.%d", at, i)
		if c.Name == "" || c.Call == "" || !strings.HasPrefix(c.Path, "~/") {
			return &presetErr{cat, "a call needs a name, a call pattern and a path in the home folder (~/...)"}
		}
		for _, x := range []string{c.In, c.Call} {
			if x == "" {
				continue
			}
			if _, err := compileRE(x); err != nil {
				return &presetErr{cat, fmt.Sprintf("bad pattern %q: %v", x, err)}
			}
		}
	}
	if h.Same != "" {
		if _, err := compileRE(h.Same); err != nil {
			return &presetErr{at + ".same", fmt.Sprintf("bad pattern %q: %v", h.Same, err)}
		}
	}
	for i, d := range h.Deps {
		if d.Name == "" || strings.ContainsAny(d.Name, " \t\n") || !strings.HasPrefix(d.Path, "~/") {
			return &presetErr{fmt.Sprintf("%s.deps.%d", at, i), "a dependency needs a name and a path in the home folder (~/...)"}
		}
		if d.UnlessEnv != "" {
			if _, err := compileRE(d.UnlessEnv); err != nil {
				return &presetErr{fmt.Sprintf("%s.deps.%d.unless_env", at, i), fmt.Sprintf("bad pattern %q: %v", d.UnlessEnv, err)}
			}
		}
	}
	if err := validateComments(h.Comments, at); err != nil {
		return err
	}
	for _, f := range []struct{ key, pat string }{{"match", h.Match}, {"word", h.Word}} {
		if f.pat == "" {
			continue
		}
		if !strings.Contains(f.pat, "{name}") {
			return &presetErr{at + "." + f.key, f.key + " needs {name}"}
		}
		if _, err := compileRE(h.expr(f.pat)); err != nil {
			return &presetErr{at + "." + f.key, fmt.Sprintf("bad pattern %q: %v", f.pat, err)}
		}
	}
	return nil
}

// validateComments checks a comment pattern of dependency files: it
// compiles, and matches no empty text (which would blank nothing).
func validateComments(pat, at string) *presetErr {
	if pat == "" {
		return nil
	}
	r, err := compileRE(pat)
	if err != nil {
		return &presetErr{at + ".comments", fmt.Sprintf("bad pattern %q: %v", pat, err)}
	}
	if r.MatchString("") {
		return &presetErr{at + ".comments", "comments must not match an empty text"}
	}
	return nil
}

func validateBuilderLibs(b *BuilderLibs, at string) *presetErr {
	if b.Tag == "" || len(b.Deps) == 0 || b.Why == "" || (b.Word == "" && (b.Match == "" || len(b.Files) == 0)) {
		return &presetErr{at, "builder_libs needs a tag, deps, why, and a word pattern or files with a match pattern"}
	}
	if _, err := compileRE(b.Tag); err != nil {
		return &presetErr{at + ".tag", fmt.Sprintf("bad pattern %q: %v", b.Tag, err)}
	}
	for i, d := range b.Deps {
		if d.Name == "" || strings.ContainsAny(d.Name, " \t\n") || len(d.Packages) == 0 {
			return &presetErr{fmt.Sprintf("%s.deps.%d", at, i), "a dependency needs a name and packages"}
		}
	}
	if err := validateComments(b.Comments, at); err != nil {
		return err
	}
	for _, f := range []struct{ key, pat string }{{"match", b.Match}, {"word", b.Word}} {
		if f.pat == "" {
			continue
		}
		if !strings.Contains(f.pat, "{name}") {
			return &presetErr{at + "." + f.key, f.key + " needs {name}"}
		}
		if _, err := compileRE(b.expr(f.pat)); err != nil {
			return &presetErr{at + "." + f.key, fmt.Sprintf("bad pattern %q: %v", f.pat, err)}
		}
	}
	return nil
}

func validateDevImports(d *DevImports) *presetErr {
	if len(d.Ext) == 0 || len(d.Patterns) == 0 || len(d.Keys) == 0 {
		return &presetErr{"dev_deps.imports", "dev_deps.imports needs ext, patterns and keys"}
	}
	for i, e := range d.Ext {
		if !strings.HasPrefix(e, ".") || strings.ContainsAny(e, "/ *") {
			return &presetErr{fmt.Sprintf("dev_deps.imports.ext.%d", i), fmt.Sprintf("%q is not a file ending such as .js", e)}
		}
	}
	for i, g := range append(slices.Clone(d.Skip), d.Ignore...) {
		if _, err := path.Match(g, ""); err != nil {
			return &presetErr{fmt.Sprintf("dev_deps.imports.skip.%d", i), fmt.Sprintf("bad pattern %q", g)}
		}
	}
	for i, pat := range d.Patterns {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("dev_deps.imports.patterns.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("name") < 0 {
			return &presetErr{fmt.Sprintf("dev_deps.imports.patterns.%d", i), fmt.Sprintf("pattern %q has no group named name", pat)}
		}
	}
	for i, pat := range d.Not {
		if _, err := compileRE(pat); err != nil {
			return &presetErr{fmt.Sprintf("dev_deps.imports.not.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
	}
	if r := d.Reach; r != nil {
		if len(r.Relative) == 0 || len(r.Suffixes) == 0 {
			return &presetErr{"dev_deps.imports.reach", "dev_deps.imports.reach needs relative and suffixes"}
		}
		for i, pat := range r.Relative {
			re, err := compileRE(pat)
			if err != nil {
				return &presetErr{fmt.Sprintf("dev_deps.imports.reach.relative.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
			if re.SubexpIndex("path") < 0 {
				return &presetErr{fmt.Sprintf("dev_deps.imports.reach.relative.%d", i), fmt.Sprintf("pattern %q has no group named path", pat)}
			}
		}
		for i, pat := range r.Opaque {
			if _, err := compileRE(pat); err != nil {
				return &presetErr{fmt.Sprintf("dev_deps.imports.reach.opaque.%d", i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
		}
		for i, x := range append(slices.Clone(r.Suffixes), r.Index...) {
			if strings.Contains(x, "/") {
				return &presetErr{fmt.Sprintf("dev_deps.imports.reach.%d", i), fmt.Sprintf("%q: suffixes and index files hold no /", x)}
			}
		}
		for i, c := range r.Compiled {
			if c.Config == "" || strings.Contains(c.Config, "/") || c.OutDir == "" {
				return &presetErr{fmt.Sprintf("dev_deps.imports.reach.compiled.%d", i), "compiled needs config (a file name, no /) and out_dir"}
			}
			if len(c.ExtendsSuffixes) > 0 && c.Extends == "" {
				return &presetErr{fmt.Sprintf("dev_deps.imports.reach.compiled.%d", i), "extends_suffixes needs extends"}
			}
			for _, x := range c.ExtendsSuffixes {
				if x == "" || strings.Contains(x, "/") {
					return &presetErr{fmt.Sprintf("dev_deps.imports.reach.compiled.%d", i), fmt.Sprintf("%q: an extends suffix is a file ending, no /", x)}
				}
			}
		}
	}
	return nil
}

// Matches reports whether path is a file the entry is about.
func (sb *ScriptBeside) Matches(path string) bool { return re(sb.Match).MatchString(path) }

// RunSays reports whether a RUN line's text says the file needs nothing
// beside it.
func (sb *ScriptBeside) RunSays(text string) bool {
	return sb.UnlessRun != "" && re(sb.UnlessRun).MatchString(text)
}

// Says reports whether a build-context file's text matches.
func (m *FileMatch) Says(data []byte) bool { return re(m.Pattern).Match(data) }

// VMTitle is how notes call the vm named name.
func (p *Preset) VMTitle(name string) string {
	for _, vm := range p.VMs {
		if vm.Name == name {
			return vm.Title
		}
	}
	return name
}

// KnowsOption reports whether the runtime's vm knows the option word w;
// a runtime with no vm_options knows every one.
func (r *Runtime) KnowsOption(w string) bool {
	return r.VMOptions == "" || re(r.VMOptions).MatchString(w)
}

func validateMeansUnused(mu *MeansUnused, st Static) *presetErr {
	if st.LibcDeps == nil || len(st.LibcDeps.Lockfiles) == 0 || st.Env.Len() > 0 {
		return &presetErr{"static.means_unused", "static.means_unused needs static.libc_deps.lockfiles and no static.env (a preset with a static switch uses static.pure)"}
	}
	if len(mu.Installs) == 0 || mu.Manifest == "" || mu.Why == "" {
		return &presetErr{"static.means_unused", "static.means_unused needs installs, manifest and why"}
	}
	for k, list := range map[string][]string{"installs": mu.Installs, "commands": mu.Commands} {
		for i, c := range list {
			if strings.TrimSpace(c) == "" {
				return &presetErr{fmt.Sprintf("static.means_unused.%s.%d", k, i), "an empty command"}
			}
		}
	}
	for i, f := range mu.Files {
		if f == "" || strings.Contains(f, "/") {
			return &presetErr{fmt.Sprintf("static.means_unused.files.%d", i), fmt.Sprintf("%q is not a file name", f)}
		}
	}
	return nil
}

func validatePure(pu *Pure) *presetErr {
	if pu.Ext == "" || pu.Decl == "" || len(pu.Imports) == 0 || pu.Std == "" || pu.Why == "" {
		return &presetErr{"static.pure", "static.pure needs ext, decl, imports, std and why"}
	}
	if (pu.Modules == "") != (pu.Module == "" && pu.Requires == "") || pu.Modules != "" && (pu.Module == "" || pu.Requires == "") {
		return &presetErr{"static.pure", "static.pure needs modules, module and requires together"}
	}
	exprs := [][2]string{{"decl", pu.Decl}, {"line", pu.Line}, {"std", pu.Std}, {"links", pu.Links}, {"module", pu.Module}, {"requires", pu.Requires}}
	for i, e := range pu.Imports {
		r, err := compileRE(e)
		if err != nil {
			return &presetErr{fmt.Sprintf("static.pure.imports.%d", i), fmt.Sprintf("bad pattern %q: %v", e, err)}
		}
		if r.SubexpIndex("path") < 0 && r.SubexpIndex("block") < 0 {
			return &presetErr{fmt.Sprintf("static.pure.imports.%d", i), fmt.Sprintf("pattern %q needs a group path or block", e)}
		}
		if r.SubexpIndex("block") >= 0 && pu.Line == "" {
			return &presetErr{"static.pure.line", "an imports pattern with a group block needs line"}
		}
	}
	for _, e := range exprs {
		if e[1] == "" {
			continue
		}
		if _, err := compileRE(e[1]); err != nil {
			return &presetErr{"static.pure." + e[0], fmt.Sprintf("bad pattern %q: %v", e[1], err)}
		}
	}
	for i, g := range pu.Skip {
		if _, err := path.Match(g, ""); err != nil {
			return &presetErr{fmt.Sprintf("static.pure.skip.%d", i), fmt.Sprintf("bad pattern %q", g)}
		}
	}
	return nil
}

func validateModules(m *Modules) *presetErr {
	if m.Separator == "" || len(m.Paths) == 0 || len(m.Loaders) == 0 {
		return &presetErr{"modules", "modules needs a separator, paths and loaders"}
	}
	for _, pa := range m.Paths {
		if !strings.Contains(pa, "{path}") {
			return &presetErr{"modules.paths", fmt.Sprintf("%q needs {path}", pa)}
		}
	}
	if (m.DependencyMatch == "") != (len(m.DependencyFiles) == 0) {
		return &presetErr{"modules", "dependency_files and dependency_match go together"}
	}
	if m.DependencyMatch != "" {
		if !strings.Contains(m.DependencyMatch, "{name}") {
			return &presetErr{"modules.dependency_match", "dependency_match needs {name}"}
		}
		if _, err := compileRE(strings.ReplaceAll(m.DependencyMatch, "{name}", "x")); err != nil {
			return &presetErr{"modules.dependency_match", fmt.Sprintf("bad pattern %q: %v", m.DependencyMatch, err)}
		}
	}
	if err := validateComments(m.DependencyComments, "modules.dependency"); err != nil {
		return err
	}
	if m.Same != "" {
		if _, err := compileRE(m.Same); err != nil {
			return &presetErr{"modules.same", fmt.Sprintf("bad pattern %q: %v", m.Same, err)}
		}
	}
	for i, l := range m.Loaders {
		at := fmt.Sprintf("modules.loaders.%d", i)
		if (l.Flag == "") == (l.Arg == "") {
			return &presetErr{at, "a loader needs exactly one of flag and arg"}
		}
		if l.Arg != "" {
			rx, err := compileRE(l.Arg)
			if err != nil || !slices.Contains(rx.SubexpNames(), "module") || l.Program == "" {
				return &presetErr{at, fmt.Sprintf("a loader with arg needs a program and a pattern with a group module (%q)", l.Arg)}
			}
		}
	}
	return nil
}

func validateSockets(k *Sockets) *presetErr {
	const at = "writes.sources.sockets"
	if k.What == "" || k.Group == "" || len(k.Paths) == 0 {
		return &presetErr{at, "sockets needs what, group and paths"}
	}
	for i, p := range k.Paths {
		if !path.IsAbs(p) || path.Clean(p) != p {
			return &presetErr{fmt.Sprintf("%s.paths.%d", at, i), fmt.Sprintf("%q is not a clean absolute path", p)}
		}
	}
	for i, pat := range k.Literals {
		re, err := compileRE(pat)
		if err != nil {
			return &presetErr{fmt.Sprintf("%s.literals.%d", at, i), fmt.Sprintf("bad pattern %q: %v", pat, err)}
		}
		if re.SubexpIndex("path") < 0 {
			return &presetErr{fmt.Sprintf("%s.literals.%d", at, i), fmt.Sprintf("pattern %q has no group named path", pat)}
		}
	}
	for i, c := range k.Clients {
		where := fmt.Sprintf("%s.clients.%d", at, i)
		if c.Name == "" || c.Call == "" || !slices.Contains(k.Paths, c.Path) {
			return &presetErr{where, "a client needs name, call and a path among paths"}
		}
		for _, pat := range []string{c.In, c.Call} {
			if _, err := compileRE(pat); pat != "" && err != nil {
				return &presetErr{where, fmt.Sprintf("bad pattern %q: %v", pat, err)}
			}
		}
	}
	return nil
}

// validFileGlobs checks a `files` list of globs on a context path's last
// elements (config_values, config_paths): at least one, each relative and
// clean.
func validFileGlobs(where, field string, files []string) *presetErr {
	if len(files) == 0 {
		return &presetErr{where, field + " needs files"}
	}
	for j, g := range files {
		if _, err := path.Match(g, ""); err != nil || g == "" || path.IsAbs(g) || path.Clean(g) != g {
			return &presetErr{fmt.Sprintf("%s.files.%d", where, j), fmt.Sprintf("bad pattern %q: a glob on a relative path's last elements", g)}
		}
	}
	return nil
}

// validateDist checks a build entry's distribution tasks: each writes a
// folder or an archive, has a decline_args reason (the decline when the
// container does not run its start script), and every pattern compiles.
func validateDist(d *Dist, b BuildCommand, at string) *presetErr {
	if len(d.Tasks) == 0 || !strings.Contains(d.Script, "{name}") || len(d.Needs) == 0 || d.Why == "" {
		return &presetErr{at, fmt.Sprintf("dist of %q needs tasks, a script with {name}, needs and why", b.Command)}
	}
	for i, t := range d.Tasks {
		if t.Task == "" || (t.Dir == "") == (t.Archive == "") {
			return &presetErr{fmt.Sprintf("%s.tasks.%d", at, i), "a dist task needs a task and one of dir and archive"}
		}
		if t.Archive != "" && (len(t.Ext) == 0 || len(t.Top) == 0 || len(d.Unpack) == 0) {
			return &presetErr{fmt.Sprintf("%s.tasks.%d", at, i), "an archive task needs ext, top and the dist's unpack commands"}
		}
		if _, ok := b.DeclineArgs.Lookup(t.Task); !ok {
			return &presetErr{fmt.Sprintf("%s.tasks.%d", at, i), fmt.Sprintf("task %q has no decline_args reason, which declines the file when the container does not run its start script", t.Task)}
		}
	}
	for _, list := range []struct {
		k     string
		names []DistName
	}{{"names", d.Names}, {"unsure", d.Unsure}} {
		for i, n := range list.names {
			k := fmt.Sprintf("%s.%s.%d", at, list.k, i)
			if n.File == "" || (n.In != "" && n.In != "root" && n.In != "project") {
				return &presetErr{k, "an entry needs a file, and in is root or project"}
			}
			r, err := compileRE(n.Pattern)
			if err != nil || n.Pattern == "" {
				return &presetErr{k + ".pattern", fmt.Sprintf("bad pattern %q", n.Pattern)}
			}
			if list.k == "names" && r.SubexpIndex("name") < 0 {
				return &presetErr{k + ".pattern", fmt.Sprintf("pattern %q has no group name", n.Pattern)}
			}
		}
	}
	for i, n := range d.Projects {
		k := fmt.Sprintf("%s.projects.%d", at, i)
		if n.File == "" || !strings.Contains(n.Pattern, "{project}") {
			return &presetErr{k, "a projects entry needs a file and a pattern with {project}"}
		}
		if _, err := compileRE(strings.ReplaceAll(n.Pattern, "{project}", "x")); err != nil {
			return &presetErr{k + ".pattern", err.Error()}
		}
	}
	for i, u := range d.Unpack {
		if u.Command == "" {
			return &presetErr{fmt.Sprintf("%s.unpack.%d", at, i), "an unpack entry needs a command"}
		}
		if u.Extract != "" {
			if _, err := compileRE(u.Extract); err != nil {
				return &presetErr{fmt.Sprintf("%s.unpack.%d.extract", at, i), err.Error()}
			}
		}
	}
	return nil
}

// validateWorkspace checks a workspace marker: a file name and the key
// that lists the members, on an app install (the folder it fills is
// what the runtime copies).
func validateWorkspace(w Workspace, b BuildCommand, at string) *presetErr {
	if !b.App || w.File == "" || strings.Contains(w.File, "/") || w.Key == "" {
		return &presetErr{at, "a workspace entry needs an app install (app: true), a file name (no folder) and the key that lists the members"}
	}
	if w.Nearest != (w.Unlisted != "") {
		return &presetErr{at, "a workspace entry has nearest and unlisted together: why a folder the nearest marker does not list is declined"}
	}
	return nil
}

// validSettingsValue checks what the configured paths and the configured
// writes share: the settings files' globs, the value pattern with its key
// and value groups, and the nesting.
func validSettingsValue(where, kind string, files []string, value, nested string) *presetErr {
	if err := validFileGlobs(where, kind, files); err != nil {
		return err
	}
	re, err := compileRE(value)
	if err != nil {
		return &presetErr{where + ".value", fmt.Sprintf("bad pattern %q: %v", value, err)}
	}
	if re.SubexpIndex("value") < 0 || re.SubexpIndex("key") < 0 {
		return &presetErr{where + ".value", fmt.Sprintf("pattern %q needs groups named key and value", value)}
	}
	if nested != "" && nested != "indent" {
		return &presetErr{where + ".nested", fmt.Sprintf("unknown nesting %q (indent)", nested)}
	}
	return nil
}
