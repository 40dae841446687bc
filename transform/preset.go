package transform

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"gopkg.in/yaml.v3"

	"github.com/restage/restage/presets"
)

// Preset is the knowledge about one language's build lifecycle, decoded
// from YAML. The engine reads only these fields; see presets/README.md.
type Preset struct {
	Name        string `yaml:"name"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`

	Detect        Detect         `yaml:"detect"`
	Decline       []DeclineRule  `yaml:"decline"`
	Builder       Builder        `yaml:"builder"`
	Build         []BuildCommand `yaml:"build"`
	ModuleName    *NameSource    `yaml:"module_name"`
	Static        Static         `yaml:"static"`
	DropEnv       []string       `yaml:"drop_env"`
	RuntimeFiles  []string       `yaml:"runtime_files"`
	DefaultFlavor string         `yaml:"default_flavor"`
	Fallback      []string       `yaml:"fallback"`
	Runtimes      []Runtime      `yaml:"runtimes"`
	Sizes         Sizes          `yaml:"sizes"`

	// Interpreters are programs the runtime image provides that run the
	// app's code (node): a command that starts one needs no built binary.
	Interpreters []string `yaml:"interpreters"`
	// ScriptExt lists file endings of scripts a builder image's entrypoint
	// hands to the interpreter (CMD ["index.js"]).
	ScriptExt []string `yaml:"script_ext"`
	// ScriptFlag is the interpreter flag whose value is a file the build
	// writes and the runtime must get (java -jar FILE).
	ScriptFlag string `yaml:"script_flag"`
	// OptionsEnv is the variable the interpreter reads its options from
	// (JAVA_TOOL_OPTIONS): options that cannot stay on a command line that
	// the runtime's entrypoint starts go there.
	OptionsEnv string `yaml:"options_env"`
	// OptionsVars are variables a shell expands into the interpreter's
	// options (JAVA_OPTS); their value goes to OptionsEnv instead.
	OptionsVars []string `yaml:"options_vars"`
	// Runners are commands that run a script defined in a project file
	// (npm start), resolved so the runtime need not have the runner.
	Runners []Runner `yaml:"runners"`
	// RuntimeEnv ("K=V") is set in the runtime stage unless the file
	// sets K itself.
	RuntimeEnv []string `yaml:"runtime_env"`
	// PathPrograms means a bare program name in CMD may be one the
	// install put on PATH (console scripts such as gunicorn).
	PathPrograms bool `yaml:"path_programs"`
	// RuntimePackages maps system packages the builder installs for
	// building to the run-time libraries the runtime must install.
	RuntimePackages []PackageMap `yaml:"runtime_packages"`
	// Shared holds YAML anchors that other fields refer to; the engine
	// does not read it.
	Shared any `yaml:"shared"`

	// Source is where the preset was read from, for messages.
	Source string `yaml:"-"`
	// Raw is the YAML text, for `restage presets show`.
	Raw []byte `yaml:"-"`
}

// Detect says which Dockerfiles a preset is for.
type Detect struct {
	Images       []string `yaml:"images"`
	Commands     []string `yaml:"commands"`
	ContextFiles []string `yaml:"context_files"`
}

// DeclineRule names a pattern that makes the engine leave a file alone.
type DeclineRule struct {
	ImageTag   string `yaml:"image_tag"`   // glob on the base image's tag
	RunCommand string `yaml:"run_command"` // command prefix in CMD or ENTRYPOINT
	Reason     string `yaml:"reason"`
}

// Builder describes the builder image's own configuration.
type Builder struct {
	Workdir  string            `yaml:"workdir"`
	Env      map[string]string `yaml:"env"`
	Variants []Variant         `yaml:"variants"`
}

// Variant maps an image tag pattern to the C library it ships and values
// for the runtime image templates. A variant with Decline makes the
// engine leave the file alone with that reason.
type Variant struct {
	// Image, when set, is a glob the repository's last path element must
	// match for this variant (maven, gradle).
	Image   string            `yaml:"image"`
	Tag     string            `yaml:"tag"`
	Libc    string            `yaml:"libc"`
	Values  map[string]string `yaml:"values"`
	Decline string            `yaml:"decline"`

	re *regexp.Regexp
}

// BuildCommand is a command that belongs to the build. With an Artifact it
// produces a file the runtime needs.
type BuildCommand struct {
	Command  string    `yaml:"command"`
	Artifact *Artifact `yaml:"artifact"`
	// Bare means the command matches only without a sub-command: `yarn`
	// and `yarn --frozen-lockfile`, not `yarn build`.
	Bare bool `yaml:"bare"`
	// WithArgs, when set, requires one of these words among the
	// command's arguments (mvn ... package).
	WithArgs []string `yaml:"with_args"`
	// Collect, when set, is how the build's output is gathered into one
	// file when the command line does not name it.
	Collect *Collect `yaml:"collect"`
	// App means the folder the command runs in is the application: the
	// runtime copies that whole folder.
	App bool `yaml:"app"`
	// Prune is run after the last build step when the command installed
	// more than the production dependencies (no ProdFlags given).
	Prune     string   `yaml:"prune"`
	ProdFlags []string `yaml:"prod_flags"`
	// ProdEnv are variables that, set for the command, also keep it to
	// production dependencies.
	ProdEnv map[string]string `yaml:"prod_env"`
	// Prepare is inserted before the first such command, unless the file
	// already does it.
	Prepare *Prepare `yaml:"prepare"`
	// DeclineArgs maps arguments to reasons: the command with such an
	// argument makes the engine leave the file alone (pip install --user).
	DeclineArgs map[string]string `yaml:"decline_args"`
}

// Prepare is a set-up the builder needs before a build command: a virtual
// environment, say.
type Prepare struct {
	Lines      []string `yaml:"lines"`       // instructions to insert
	Unless     []string `yaml:"unless"`      // regexps over RUN text: the file does it itself
	Copy       []string `yaml:"copy"`        // folders the runtime then copies
	RuntimeEnv []string `yaml:"runtime_env"` // "K=V" the runtime then sets

	unless []*regexp.Regexp
}

// PackageMap says which run-time packages a build package implies.
type PackageMap struct {
	Command string            `yaml:"command"` // the install command: "apt-get install"
	Map     map[string]string `yaml:"map"`
	Install string            `yaml:"install"` // the runtime's RUN, with {{.}} for the packages
	Tool    string            `yaml:"tool"`    // what the runtime needs to run Install
	// Keep means packages that are neither mapped nor build-only are
	// installed in the runtime as they are (run-time libraries and tools).
	Keep      bool     `yaml:"keep"`
	BuildOnly []string `yaml:"build_only"` // globs of packages only the build needs

	tmpl *template.Template
}

// Collect gathers a build's output into one fixed path with a RUN step
// inserted after the last build step.
type Collect struct {
	Run  string `yaml:"run"`  // the shell command, run in the build's folder
	Path string `yaml:"path"` // the file it writes
}

// Runner is a command that runs a script named in a project file.
type Runner struct {
	Commands []string `yaml:"commands"`
	File     string   `yaml:"file"` // JSON file in the build context
	Key      string   `yaml:"key"`  // dotted path to the script
	Default  string   `yaml:"default"`
	Tool     string   `yaml:"tool"` // what the runtime needs to keep the runner
	// Hooks are keys of scripts the runner also runs around the script
	// (scripts.prestart): when the file defines one, the runner is kept.
	Hooks []string `yaml:"hooks"`
	// Strip means the runner only runs the rest of the command in the
	// project's environment (poetry run X): the runtime runs X itself.
	Strip bool `yaml:"strip"`
	// Run replaces a command that runs from source (mvn spring-boot:run)
	// with one that runs the collected artifact; {artifact} stands for it.
	Run string `yaml:"run"`
}

// Artifact says where a build command writes its output.
type Artifact struct {
	OutputFlag string   `yaml:"output_flag"`
	ChdirFlag  string   `yaml:"chdir_flag"`
	Dir        string   `yaml:"dir"`
	ValueFlags []string `yaml:"value_flags"`
	// Name lists, in order, where the output's name may come from:
	// source_file, package, module, workdir.
	Name      []string `yaml:"name"`
	SourceExt string   `yaml:"source_ext"`
	OnlyIfRun bool     `yaml:"only_if_run"`
	// FolderArg means the first argument is a folder the command makes
	// (python -m venv /venv): the runtime copies it whole.
	FolderArg bool `yaml:"folder_arg"`
}

// NameSource reads a name from a file of the build context.
type NameSource struct {
	File    string `yaml:"file"`
	Pattern string `yaml:"pattern"`
	Strip   string `yaml:"strip"`

	re, strip *regexp.Regexp
}

// Static describes how to make artifacts that need no C library, and the
// signs that an artifact does need one.
type Static struct {
	Env       map[string]string `yaml:"env"`
	NeedsLibc []Signal          `yaml:"needs_libc"`
}

// Signal is a pattern over instruction text and what it means.
type Signal struct {
	Pattern string `yaml:"pattern"`
	Why     string `yaml:"why"`

	re *regexp.Regexp
}

// Runtime is one image the final stage may start from.
type Runtime struct {
	Flavor string   `yaml:"flavor"`
	Libc   string   `yaml:"libc"` // none, glibc or musl
	Image  string   `yaml:"image"`
	Shell  bool     `yaml:"shell"`
	Tools  []string `yaml:"tools"`
	Users  []string `yaml:"users"`
	// User is written as USER when the image does not already run as a
	// non-root user.
	User string `yaml:"user"`
	// ImageUser means the image already runs as User, so no USER line is
	// needed when the input had none.
	ImageUser bool     `yaml:"image_user"`
	Env       []string `yaml:"env"`
	// Entrypoint is the image's own ENTRYPOINT when it is an interpreter:
	// a CMD then holds the script, never the interpreter.
	Entrypoint []string `yaml:"entrypoint"`
	// When holds regexps that template values must match for this
	// runtime to be used (major: '^(22|24|26)$').
	When   map[string]string `yaml:"when"`
	Copy   []string          `yaml:"copy"`
	SizeMB float64           `yaml:"size_mb"`
	Why    string            `yaml:"why"`

	tmpl *template.Template
	when map[string]*regexp.Regexp
}

// Sizes are the figures behind the size estimate.
type Sizes struct {
	Builder []struct {
		Tag string  `yaml:"tag"`
		MB  float64 `yaml:"mb"`
	} `yaml:"builder"`
	ArtifactMB float64 `yaml:"artifact_mb"`
}

var libcs = map[string]bool{"none": true, "glibc": true, "musl": true}

// ParsePreset decodes and validates one preset. Unknown fields are errors.
// Errors read "name:line: message" where the line is known.
func ParsePreset(name string, data []byte) (*Preset, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var p Preset
	if err := dec.Decode(&p); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty preset", name)
		}
		return nil, fmt.Errorf("%s:%s", name, yamlErr(err))
	}
	p.Source = name
	p.Raw = data
	if err := p.compile(); err != nil {
		line := locate(data, err.key)
		if line > 0 {
			return nil, fmt.Errorf("%s:%d: %s", name, line, err.msg)
		}
		return nil, fmt.Errorf("%s: %s", name, err.msg)
	}
	return &p, nil
}

var yamlLine = regexp.MustCompile(`^yaml: (?:unmarshal errors:\n\s*)?line (\d+): (.*)$`)

// yamlErr turns yaml.v3's "yaml: line N: msg" into "N: msg".
func yamlErr(err error) string {
	s := err.Error()
	if m := yamlLine.FindStringSubmatch(strings.SplitN(s, "\n  line", 2)[0]); m != nil {
		return m[1] + ": " + m[2]
	}
	if strings.HasPrefix(s, "yaml: unmarshal errors:\n  line ") {
		rest := strings.TrimPrefix(s, "yaml: unmarshal errors:\n  line ")
		rest = strings.SplitN(rest, "\n", 2)[0]
		return rest
	}
	return " " + strings.TrimPrefix(s, "yaml: ")
}

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
		if (d.ImageTag == "") == (d.RunCommand == "") {
			return &presetErr{fmt.Sprintf("decline.%d", i), "a decline rule needs exactly one of image_tag and run_command"}
		}
	}
	for i := range p.Builder.Variants {
		v := &p.Builder.Variants[i]
		re, err := regexp.Compile(v.Tag)
		if err != nil {
			return &presetErr{fmt.Sprintf("builder.variants.%d.tag", i), fmt.Sprintf("bad tag pattern %q: %v", v.Tag, err)}
		}
		v.re = re
		if v.Decline == "" && (!libcs[v.Libc] || v.Libc == "none") {
			return &presetErr{fmt.Sprintf("builder.variants.%d.libc", i), fmt.Sprintf("variant libc %q must be glibc or musl", v.Libc)}
		}
	}
	for i, b := range p.Build {
		at := func(k string) string { return fmt.Sprintf("build.%d.%s", i, k) }
		if strings.TrimSpace(b.Command) == "" {
			return &presetErr{at("command"), "a build entry needs a command"}
		}
		if b.Prune != "" && !b.App {
			return &presetErr{at("prune"), fmt.Sprintf("%q has a prune step but is not an app install (app: true)", b.Command)}
		}
		if pr := b.Prepare; pr != nil {
			if len(pr.Lines) == 0 {
				return &presetErr{at("prepare"), fmt.Sprintf("prepare of %q has no lines", b.Command)}
			}
			for _, u := range pr.Unless {
				re, err := regexp.Compile(u)
				if err != nil {
					return &presetErr{at("prepare.unless"), fmt.Sprintf("bad pattern %q: %v", u, err)}
				}
				pr.unless = append(pr.unless, re)
			}
			for _, kv := range pr.RuntimeEnv {
				if !strings.Contains(kv, "=") {
					return &presetErr{at("prepare.runtime_env"), fmt.Sprintf("%q is not K=V", kv)}
				}
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
		re, err := regexp.Compile(m.Pattern)
		if err != nil || re.NumSubexp() < 1 {
			return &presetErr{"module_name.pattern", "module_name.pattern must be a regexp with one group"}
		}
		m.re = re
		if m.Strip != "" {
			if m.strip, err = regexp.Compile(m.Strip); err != nil {
				return &presetErr{"module_name.strip", fmt.Sprintf("bad strip pattern: %v", err)}
			}
		}
	}
	for i := range p.Static.NeedsLibc {
		s := &p.Static.NeedsLibc[i]
		re, err := regexp.Compile(s.Pattern)
		if err != nil {
			return &presetErr{fmt.Sprintf("static.needs_libc.%d.pattern", i), fmt.Sprintf("bad pattern %q: %v", s.Pattern, err)}
		}
		s.re = re
	}
	for i, g := range p.DropEnv {
		if _, err := path.Match(g, ""); err != nil {
			return &presetErr{fmt.Sprintf("drop_env.%d", i), fmt.Sprintf("bad pattern %q", g)}
		}
	}
	for i, kv := range p.RuntimeEnv {
		if !strings.Contains(kv, "=") {
			return &presetErr{fmt.Sprintf("runtime_env.%d", i), fmt.Sprintf("%q is not K=V", kv)}
		}
	}
	for i := range p.RuntimePackages {
		m := &p.RuntimePackages[i]
		if len(strings.Fields(m.Command)) == 0 || m.Install == "" {
			return &presetErr{fmt.Sprintf("runtime_packages.%d", i), "a package map needs a command and an install line"}
		}
		t, err := template.New("install").Parse(m.Install)
		if err != nil {
			return &presetErr{fmt.Sprintf("runtime_packages.%d.install", i), fmt.Sprintf("bad install template: %v", err)}
		}
		m.tmpl = t
	}
	for i, r := range p.Runners {
		if len(r.Commands) == 0 || (!r.Strip && r.Run == "" && (r.File == "" || r.Key == "")) {
			return &presetErr{fmt.Sprintf("runners.%d", i), "a runner needs commands, and a file and a key unless it strips"}
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
		t, err := template.New(r.Flavor).Option("missingkey=zero").Parse(r.Image)
		if err != nil {
			return &presetErr{fmt.Sprintf("runtimes.%d.image", i), fmt.Sprintf("bad image template %q: %v", r.Image, err)}
		}
		r.tmpl = t
		r.when = map[string]*regexp.Regexp{}
		for k, w := range r.When {
			re, err := regexp.Compile(w)
			if err != nil {
				return &presetErr{fmt.Sprintf("runtimes.%d.when.%s", i, k), fmt.Sprintf("bad pattern %q for %s: %v", w, k, err)}
			}
			r.when[k] = re
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
	return line
}

// LoadPresets reads every *.yaml file at the top of fsys. The files are
// decoded side by side: YAML decoding is most of a short run's start-up.
func LoadPresets(fsys fs.FS) ([]*Preset, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]*Preset, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := fs.ReadFile(fsys, n)
			if err != nil {
				errs[i] = err
				return
			}
			out[i], errs[i] = ParsePreset(n, data)
		}()
	}
	wg.Wait()
	seen := map[string]string{}
	for i, n := range names {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if prev, ok := seen[out[i].Name]; ok {
			return nil, fmt.Errorf("%s: preset %q is also defined in %s", n, out[i].Name, prev)
		}
		seen[out[i].Name] = n
	}
	return out, nil
}

var builtin struct {
	once sync.Once
	p    []*Preset
	err  error
}

// DefaultPresets returns the built-in presets. They are decoded once.
func DefaultPresets() ([]*Preset, error) {
	builtin.once.Do(func() { builtin.p, builtin.err = LoadPresets(presets.FS) })
	return builtin.p, builtin.err
}

// MergePresets returns base with the presets of extra added; an extra
// preset with the name of a base one replaces it.
func MergePresets(base, extra []*Preset) []*Preset {
	out := append([]*Preset(nil), base...)
	for _, e := range extra {
		replaced := false
		for i, b := range out {
			if b.Name == e.Name {
				out[i], replaced = e, true
			}
		}
		if !replaced {
			out = append(out, e)
		}
	}
	return out
}

// variant returns the first variant whose pattern matches tag.
func (p *Preset) variant(repo, tag string) Variant {
	last := repo[strings.LastIndex(repo, "/")+1:]
	for _, v := range p.Builder.Variants {
		if v.Image != "" {
			if ok, _ := path.Match(v.Image, last); !ok {
				continue
			}
		}
		if v.re.MatchString(tag) {
			return v
		}
	}
	return Variant{Libc: "glibc"}
}

// imageMatches reports whether the repository's last path element
// matches one of the preset's image globs.
func (p *Preset) imageMatches(repo string) bool {
	last := repo[strings.LastIndex(repo, "/")+1:]
	for _, g := range p.Detect.Images {
		if ok, _ := path.Match(g, last); ok {
			return true
		}
	}
	return false
}

func (p *Preset) dropsEnv(name string) bool {
	for _, g := range p.DropEnv {
		if ok, _ := path.Match(g, name); ok {
			return true
		}
	}
	return false
}

func (r *Runtime) image(values map[string]string) (string, error) {
	var b strings.Builder
	if values == nil {
		values = map[string]string{}
	}
	if err := r.tmpl.Execute(&b, values); err != nil {
		return "", err
	}
	return b.String(), nil
}

// allows reports whether the template values meet the runtime's When.
func (r *Runtime) allows(values map[string]string) bool {
	for k, re := range r.when {
		if !re.MatchString(values[k]) {
			return false
		}
	}
	return true
}

func (p *Preset) isInterpreter(w string) bool {
	for _, i := range p.Interpreters {
		if path.Base(w) == i {
			return true
		}
	}
	return false
}

func (p *Preset) isScript(w string) bool {
	for _, e := range p.ScriptExt {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

func (r *Runtime) hasUser(u string) bool {
	for _, x := range r.Users {
		if x == u {
			return true
		}
	}
	return false
}

func (r *Runtime) hasTool(t string) bool {
	if t == "sh" && r.Shell {
		return true
	}
	for _, x := range r.Tools {
		if x == t {
			return true
		}
	}
	return false
}
