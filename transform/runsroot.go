package transform

import (
	"fmt"

	"github.com/restage/restage/internal/yaml"
)

// rootRunner is what runs the image as root, as a context file says.
type rootRunner struct {
	file string // the context file
	what string // what it makes of the image, for the note
	// replaced are the file's keys that make the runner run another
	// command than the file's, each with what it does.
	replaced []string
	// args are the file's keys that pass arguments to the ENTRYPOINT.
	args []string
}

// runsAsRoot finds the first file of the preset's runs_as_root that
// is at the top of the build context and whose keys all match: the
// image is then run as root by something outside the file (GitHub's
// runner for a Docker container action), which a runtime with another
// user would break. A file that is missing or not YAML says nothing.
func (f *facts) runsAsRoot() *rootRunner {
	if f.opt.Context == nil {
		return nil
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
			rr := &rootRunner{file: name, what: r.What}
			for _, k := range r.Replaces {
				v, ok := jsonAt(doc, k.Key)
				if !ok || v == nil {
					continue
				}
				shown := k.Key
				if s, ok := v.(string); ok {
					shown = fmt.Sprintf("%s (%s)", k.Key, s)
				}
				rr.replaced = append(rr.replaced, shown+", "+k.What)
			}
			for _, k := range r.Args {
				if v, ok := jsonAt(doc, k); ok && v != nil {
					rr.args = append(rr.args, k)
				}
			}
			return rr
		}
	}
	return nil
}
