package transform

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// runsAsRoot finds the first file of the preset's runs_as_root that
// is at the top of the build context and whose keys all match: the
// image is then run as root by something outside the file (GitHub's
// runner for a Docker container action), which a runtime with another
// user would break. A file that is missing or not YAML says nothing.
func (f *facts) runsAsRoot() (file, what string, replaced, args []string) {
	if f.opt.Context == nil {
		return "", "", nil, nil
	}
	for i := range f.preset.RunsAsRoot {
		r := &f.preset.RunsAsRoot[i]
		for _, name := range r.Files {
			data, err := readConfig(f.opt.Context, name)
			if err != nil {
				continue
			}
			var doc any
			if yaml.Unmarshal(data, &doc) != nil {
				continue
			}
			all := true
			for j := range r.Keys {
				k := &r.Keys[j]
				v, _ := jsonAt(doc, k.Key)
				s, ok := v.(string)
				if !ok || !k.Matches(s) {
					all = false
					break
				}
			}
			if !all {
				continue
			}
			for _, k := range r.Replaces {
				v, ok := jsonAt(doc, k.Key)
				if !ok || v == nil {
					continue
				}
				shown := k.Key
				if s, ok := v.(string); ok {
					shown = fmt.Sprintf("%s (%s)", k.Key, s)
				}
				replaced = append(replaced, shown+", "+k.What)
			}
			for _, k := range r.Args {
				if v, ok := jsonAt(doc, k); ok && v != nil {
					args = append(args, k)
				}
			}
			return name, r.What, replaced, args
		}
	}
	return "", "", nil, nil
}
