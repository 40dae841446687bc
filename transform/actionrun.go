package transform

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/restage/restage/internal/yaml"
	"github.com/restage/restage/shell"
)

// actionPath matches a step's working-directory that is the action's own
// folder, where `docker build .` builds the action's Dockerfile.
var actionPath = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\$\{\{\s*github\.action_path\s*\}\}/?$`) })

// actionMounts reads a composite GitHub action (action.yml or action.yaml
// in the Dockerfile's folder, runs.using: composite) as compose files are
// read (review 25, finding B): a step that builds this Dockerfile (docker
// build of the action's folder) and runs the tag it gave with -v or
// --volume HOST:TARGET is how the repository runs its image, so each such
// host folder is a bind mount like a compose service's. Anything else in
// the steps (another image, a context elsewhere) says nothing.
func (f *facts) actionMounts() []composeMount {
	if f.opt.Context == nil {
		return nil
	}
	dfile := "Dockerfile"
	if d := f.opt.Dockerfile; d != "" && fsValid(path.Clean(d)) {
		dfile = path.Clean(d)
	}
	dir := path.Dir(dfile)
	for _, base := range []string{"action.yml", "action.yaml"} {
		name := path.Join(dir, base)
		data, err := readConfig(f.opt.Context, name)
		if err != nil {
			continue
		}
		var doc struct {
			Runs struct {
				Using string `yaml:"using"`
				Steps []struct {
					Run yaml.Node `yaml:"run"`
					WD  string    `yaml:"working-directory"`
				} `yaml:"steps"`
			} `yaml:"runs"`
		}
		if yaml.Unmarshal(data, &doc) != nil || doc.Runs.Using != "composite" {
			continue
		}
		var out []composeMount
		for i, st := range doc.Runs.Steps {
			if st.Run.Kind != yaml.ScalarNode || st.Run.Value == "" {
				continue
			}
			s, err := shell.Parse(st.Run.Value)
			if err != nil {
				continue
			}
			first := st.Run.Line
			if st.Run.Style == yaml.LiteralStyle || st.Run.Style == yaml.FoldedStyle {
				first++ // a block's text starts below its indicator
			}
			tags := map[string]bool{}
			for _, c := range s.Cmds {
				args := c.Args()
				if len(args) < 2 || args[0].Text != "docker" {
					continue
				}
				switch args[1].Text {
				case "build":
					if t := builtTag(args[2:], dfile, dir, actionPath().MatchString(strings.TrimSpace(st.WD))); t != "" {
						tags[t] = true
					}
				case "run":
					line := first + strings.Count(st.Run.Value[:min(args[0].Pos, len(st.Run.Value))], "\n")
					for _, m := range runVolumes(args[2:], tags) {
						m.at, m.dir, m.via = fmt.Sprintf("%s:%d", name, line), dir, fmt.Sprintf("step %d of the composite action", i+1)
						out = append(out, m)
					}
				}
			}
		}
		return out
	}
	return nil
}

// builtTag is the tag a docker build's words give when they build the
// Dockerfile dfile from its folder dir (".", run in the action's folder,
// or $GITHUB_ACTION_PATH): its -f, when given, must name dfile.
func builtTag(words []shell.Word, dfile, dir string, inAction bool) string {
	tag, file, ctx := "", "", ""
	for i := 0; i < len(words); i++ {
		w := words[i].Text
		val := func() string {
			if k, v, ok := strings.Cut(w, "="); ok && strings.HasPrefix(k, "--") {
				return v
			}
			if i+1 < len(words) {
				i++
				return words[i].Text
			}
			return ""
		}
		switch {
		case w == "-t" || w == "--tag" || strings.HasPrefix(w, "--tag="):
			tag = val()
		case w == "-f" || w == "--file" || strings.HasPrefix(w, "--file="):
			file = val()
		case strings.HasPrefix(w, "--") && !strings.Contains(w, "=") && dockerBuildValued[w], w == "-o":
			i++ // an option's value is no context
		case !strings.HasPrefix(w, "-"):
			ctx = w
		}
	}
	ctx = strings.TrimSuffix(ctx, "/")
	switch {
	case ctx == "." && inAction:
	case ctx == "$GITHUB_ACTION_PATH" || ctx == "${GITHUB_ACTION_PATH}" || actionPath().MatchString(ctx):
	default:
		return ""
	}
	want := path.Join(dir, "Dockerfile")
	if file != "" {
		// -f is read from the working folder, the action's for ".".
		file = strings.TrimPrefix(strings.TrimPrefix(file, "$GITHUB_ACTION_PATH/"), "${GITHUB_ACTION_PATH}/")
		want = path.Join(dir, file)
	}
	if want != dfile {
		return ""
	}
	return tag
}

// dockerBuildValued are docker build's long options that take a value.
var dockerBuildValued = map[string]bool{"--build-arg": true, "--label": true, "--target": true, "--platform": true, "--network": true, "--cache-from": true, "--cache-to": true, "--progress": true, "--output": true, "--secret": true, "--ssh": true, "--build-context": true, "--iidfile": true, "--add-host": true, "--shm-size": true}

// runVolumes are the bind mounts of a docker run's words (-v, --volume)
// when its image is one of tags; the words after the image are the
// program's. A host side that is a path or a variable (which may hold
// one) is a host folder: the side that keeps root.
func runVolumes(words []shell.Word, tags map[string]bool) []composeMount {
	var vols []string
	for i := 0; i < len(words); i++ {
		w := words[i].Text
		switch {
		case w == "-v" || w == "--volume":
			if i+1 < len(words) {
				i++
				vols = append(vols, words[i].Text)
			}
		case strings.HasPrefix(w, "--volume="):
			vols = append(vols, strings.TrimPrefix(w, "--volume="))
		case strings.HasPrefix(w, "-v") && !strings.HasPrefix(w, "--"):
			vols = append(vols, w[2:])
		case tags[w]:
			var out []composeMount
			for _, v := range vols {
				parts := strings.Split(v, ":")
				if len(parts) < 2 || parts[0] == "" || !path.IsAbs(parts[1]) || strings.Contains(parts[1], "$") {
					continue
				}
				if c := parts[0][0]; c != '/' && c != '.' && c != '~' && c != '$' {
					continue // a named volume
				}
				ro := len(parts) > 2 && strings.Contains(","+parts[2]+",", ",ro,")
				out = append(out, composeMount{bind: true, source: parts[0], target: path.Clean(parts[1]), ro: ro})
			}
			return out
		}
	}
	return nil
}
