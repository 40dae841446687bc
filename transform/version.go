package transform

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/shell"
)

// versionFact is a template value that the image tag did not pin and a
// file of the build context did.
type versionFact struct {
	name, value string
	file, key   string // where it was read; key for a JSON file
	what        string // for people: "Node.js version"
	caveat      string // the source's caveat, for warning RS344
}

// resolveVariant fills the variant's values: its own, the groups of its
// repository pattern and, for the values its tag does not pin
// (from_context), the preset's version sources. The tag always wins:
// what it pins is what builds. A variant with a decline reason declines
// when the context does not give what it lacks; one without keeps its
// floating family, which planning warns about.
func (f *facts) resolveVariant() error {
	v := &f.variant
	if len(v.FromContext) == 0 && v.Decline != "" {
		return declinef(declPresetImage, "%s: %s", f.image, v.Decline)
	}
	values := v.Values.Map()
	if values == nil {
		values = map[string]string{}
	}
	maps.Copy(values, v.RepoValues(f.repo))
	tagValues := v.TagValues(f.tag)
	for _, name := range v.FromContext {
		if _, ok := tagValues[name]; ok {
			continue
		}
		if _, ok := values[name]; ok {
			continue
		}
		if vf, ok := f.versionFromContext(name); ok {
			values[name] = vf.value
			f.versions = append(f.versions, vf)
			continue
		}
		if v.Decline != "" {
			return declinef(declPresetImage, "%s: %s%s", f.image, v.Decline, f.versionUnread(name))
		}
		f.floating = append(f.floating, name)
	}
	v.Values = presets.DictOf(values)
	if len(v.Flavors) > 0 {
		// The variant's flavors replace the preset's choice for this
		// builder only; the preset itself is shared and stays as it is.
		p := *f.preset
		p.DefaultFlavor, p.Fallback = v.Flavors[0], v.Flavors
		f.preset = &p
	}
	return nil
}

// versionFromContext reads the value name from the first version source
// that gives it. A file that is missing or unreadable says nothing.
func (f *facts) versionFromContext(name string) (versionFact, bool) {
	if f.opt.Context == nil {
		return versionFact{}, false
	}
	for i := range f.preset.Builder.VersionSources {
		vs := &f.preset.Builder.VersionSources[i]
		if len(vs.ReadBy) > 0 && !f.runRunsAny(vs.ReadBy) {
			continue
		}
		if got, ok := f.versionIn(vs, name); ok {
			return versionFact{name: name, value: got, file: vs.File, key: vs.JSON, what: vs.What, caveat: vs.Caveat}, true
		}
	}
	return versionFact{}, false
}

// versionUnread says, for a decline, which version source gives the value
// name but was not taken because no RUN runs the tools that read it
// (review 31, finding C: pom.xml's java.version with mvn only in the CMD
// was "cannot be told from the build files"); "" when none does.
func (f *facts) versionUnread(name string) string {
	if f.opt.Context == nil {
		return ""
	}
	// A RUN that builds with another tool (gradle beside a pom.xml) is
	// the build: the unread file is then no part of it.
	var tools []string
	for _, b := range f.preset.Build {
		if w := strings.Fields(b.Command); len(w) > 0 {
			tools = append(tools, path.Base(w[0]))
		}
	}
	if f.runRunsAny(tools) {
		return ""
	}
	for i := range f.preset.Builder.VersionSources {
		vs := &f.preset.Builder.VersionSources[i]
		if len(vs.ReadBy) == 0 || f.runRunsAny(vs.ReadBy) {
			continue
		}
		if got, ok := f.versionIn(vs, name); ok {
			return fmt.Sprintf(" (%s gives the %s %s, but no RUN runs %s, which read it)", vs.File, vs.What, got, strings.Join(vs.ReadBy, " or "))
		}
	}
	return ""
}

// runRunsAny reports whether a RUN of the stage runs one of the programs
// progs, named bare or by a path (./mvnw), in its commands or a sh -c
// string the shell reader reads. It reads the instructions themselves:
// the version is resolved at the FROM, before the RUNs are analysed.
func (f *facts) runRunsAny(progs []string) bool {
	for _, in := range f.src.nodes {
		r, ok := in.cmd.(*instructions.RunCommand)
		if !ok {
			continue
		}
		var cmds []shell.Cmd
		switch {
		case !r.PrependShell:
			cmds = []shell.Cmd{shell.Literal(r.CmdLine)}
		case len(r.Files) > 0:
			for _, file := range r.Files {
				if l := splitShell(file.Data); l.script != nil {
					cmds = append(cmds, l.script.Cmds...)
				}
			}
		default:
			if l := splitShell(strings.Join(r.CmdLine, " ")); l.script != nil {
				cmds = l.script.Cmds
			}
		}
		for _, c := range cmds {
			if a := c.Args(); len(a) > 0 && slices.Contains(progs, path.Base(a[0].Text)) {
				return true
			}
		}
	}
	return false
}

// jsonString returns the string at a dotted key of a JSON document.
func jsonString(data []byte, key string) (string, bool) {
	var doc any
	if json.Unmarshal(data, &doc) != nil {
		return "", false
	}
	v, _ := jsonAt(doc, key)
	s, ok := v.(string)
	return s, ok
}

// noteVersions says where each value the tag did not pin came from, and
// warns when the runtime keeps a floating family.
func (p *plan) noteVersions() {
	f := p.f
	for _, v := range f.versions {
		from := v.file
		if v.key != "" {
			from += " (" + v.key + ")"
		}
		p.notes.note(f.from.first, infoVersionContext, "%s does not pin the %s: the runtime's %s %s comes from %s", f.image, v.label(), v.label(), v.value, from)
		if v.caveat != "" {
			p.notes.note(f.from.first, warnVersionCaveat, "the %s %s comes from %s's %s", v.label(), v.value, from, v.caveat)
		}
	}
	for _, name := range f.floating {
		what := "version"
		for _, vs := range f.preset.Builder.VersionSources {
			if vs.What != "" && vs.Gives(name) {
				what = vs.What
				break
			}
		}
		p.notes.note(f.from.first, warnFloatingTag, "%s does not pin the %s: the runtime keeps the same floating family, so the two stages may get different versions when the tag moves; pin one in the tag", f.image, what)
	}
}

func (v versionFact) label() string {
	if v.what != "" {
		return v.what
	}
	return v.name
}

// versionIn is the value name that the version source vs gives, read from
// the build context (its JSON key's string, when it names one).
func (f *facts) versionIn(vs *presets.VersionSource, name string) (string, bool) {
	data, err := fs.ReadFile(f.opt.Context, vs.File)
	if err != nil {
		return "", false
	}
	text := string(data)
	if vs.JSON != "" {
		s, ok := jsonString(data, vs.JSON)
		if !ok {
			return "", false
		}
		text = s
	}
	got, ok := vs.Read(text)[name]
	return got, ok
}
