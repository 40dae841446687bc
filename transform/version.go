package transform

import (
	"encoding/json"
	"io/fs"
	"maps"

	"github.com/restage/restage/presets"
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
			return declinef(declPresetImage, "%s: %s", f.image, v.Decline)
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
		data, err := fs.ReadFile(f.opt.Context, vs.File)
		if err != nil {
			continue
		}
		text := string(data)
		if vs.JSON != "" {
			s, ok := jsonString(data, vs.JSON)
			if !ok {
				continue
			}
			text = s
		}
		if got, ok := vs.Read(text)[name]; ok {
			return versionFact{name: name, value: got, file: vs.File, key: vs.JSON, what: vs.What, caveat: vs.Caveat}, true
		}
	}
	return versionFact{}, false
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
