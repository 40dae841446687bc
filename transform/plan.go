package transform

import (
	"regexp"
	"slices"
	"strings"
)

// plan is what the rewrite will do: the runtime chosen, the new stage's
// content and the edits to the builder.
type plan struct {
	f *facts

	stage   string // the builder stage's name for --from
	runtime *Runtime
	image   string
	why     string

	args    []string // ARG declarations for the runtime stage
	workdir string
	env     []string // "K=V" or legacy "K V"
	copies  []string // absolute paths copied from the builder
	blocks  []string // verbatim moved instructions (with their comments)
	runs    []string // RUN commands of the runtime stage

	runtimeFiles int // how many run-time files and folders are copied
	// optionsEnv are interpreter options that go to the preset's
	// OptionsEnv variable in the runtime.
	optionsEnv []string
	optionVars []string // option variables the command expanded
	pkgTools   []string // what the runtime needs to install its packages
	user       string   // USER value, empty for none
	command    []string // ENTRYPOINT / CMD blocks
	uses       []varUse // variables the runtime stage expands
	allowed    map[string]bool

	static bool // set the preset's static env on artifact commands
	prog   *program
	edits  []Edit
}

type varUse struct {
	name string
	line int
}

var varRef = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)

func makePlan(f *facts) (*plan, error) {
	p := &plan{f: f, stage: f.stageName, allowed: map[string]bool{}}
	if p.stage == "" {
		p.stage = "build"
	}
	if err := p.checkDeclines(); err != nil {
		return nil, err
	}
	if err := p.findProgram(); err != nil {
		return nil, err
	}
	p.decideLibc()
	if err := p.planPackages(); err != nil {
		return nil, err
	}
	if err := p.chooseRuntime(); err != nil {
		return nil, err
	}
	p.finishCommand()
	if err := p.planEnv(); err != nil {
		return nil, err
	}
	p.planUser()
	p.planFiles()
	p.planBlocks()
	p.planArgs()
	if p.f.setWD || p.runtimeFiles > 0 || p.prog.needsShell || p.prog.art == nil {
		p.workdir = f.workdir
	}
	return p, nil
}

func (p *plan) checkDeclines() error {
	f := p.f
	for _, d := range f.preset.Decline {
		if d.RunCommand == "" {
			continue
		}
		for _, in := range []*inst{f.cmd, f.entrypoint} {
			if in == nil {
				continue
			}
			for _, c := range commandCmds(in) {
				args, _ := c.argv()
				if hasPrefixWords(args, d.RunCommand) {
					return declinef(declPresetCommand, "line %d: %s", in.first, d.Reason)
				}
			}
		}
	}
	hasBuild := false
	for _, r := range f.runs {
		if len(r.builds) > 0 {
			hasBuild = true
		}
	}
	if !hasBuild {
		return declinef(declPrebuilt, "no %s build step (%s) in the file: the program seems to come prebuilt, so there is nothing to split", f.preset.Title, strings.Join(buildNames(f.preset), ", "))
	}
	return nil
}

// buildNames lists the commands that make what a runtime runs.
func buildNames(p *Preset) []string {
	var out []string
	for _, b := range p.Build {
		name := b.Command
		if len(b.WithArgs) > 0 {
			name += " " + b.WithArgs[0]
		}
		if (b.Artifact != nil || b.App || b.Collect != nil) && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return p.Detect.Commands
	}
	return out
}
