package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/restage/restage/transform"
)

// configName is the file restage looks for in a Dockerfile's folder and
// the folders above it, up to the one holding .git.
const configName = ".restage.yaml"

// config is the content of a .restage.yaml. To add a field: add it here
// with its yaml tag, check it in validate, and apply it in
// settings.options. Unknown fields are errors (KnownFields), so a typo
// never goes unnoticed.
type config struct {
	// Runtime is the runtime flavor, as --runtime.
	Runtime string `yaml:"runtime"`
	// ImageMap rewrites image references, as --image-map; the flags'
	// mappings are tried first.
	ImageMap []configMapping `yaml:"image_map"`
	// FitHealthcheck is --fit-healthcheck; nil when not set.
	FitHealthcheck *bool `yaml:"fit_healthcheck"`
	// PresetDirs are folders of more presets, relative to the config
	// file's folder; a preset named like a built-in one replaces it.
	PresetDirs []string `yaml:"preset_dirs"`

	file    string // the file it was read from, as shown in messages
	dir     string // the folder it was read from
	presets []*transform.Preset
	loaded  bool
	loadErr error
}

// configMapping is one image_map entry.
type configMapping struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// configError is a problem in a config file: FILE:LINE: message.
type configError struct {
	File string
	Line int // 0 when unknown
	Msg  string
}

func (e *configError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// loadConfig reads and checks a config file. name is shown in messages.
func loadConfig(path, name string) (*config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &configError{File: name, Msg: errMsg(err)}
	}
	cfg, err := parseConfig(data, name)
	if cfg != nil {
		cfg.dir = filepath.Dir(path)
	}
	return cfg, err
}

var (
	yamlLineRE    = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	yamlUnknownRE = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
)

// parseConfig decodes a config file's content.
func parseConfig(data []byte, name string) (*config, error) {
	cfg := &config{file: name}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(cfg)
	if errors.Is(err, io.EOF) {
		return cfg, nil // an empty file
	}
	if err != nil {
		return nil, yamlError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if err != nil {
			return nil, yamlError(name, err)
		}
		return nil, &configError{File: name, Line: line, Msg: "more than one YAML document"}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(name, err)
	}
	if err := cfg.validate(&root); err != nil {
		return nil, err
	}
	return cfg, nil
}

// yamlError turns a yaml.v3 error into FILE:LINE: message, the first
// problem only.
func yamlError(name string, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return &configError{File: name, Msg: msg}
	}
	line, _ := strconv.Atoi(m[1])
	msg = m[2]
	if u := yamlUnknownRE.FindStringSubmatch(msg); u != nil {
		msg = fmt.Sprintf("unknown field %q (known: %s)", u[1], strings.Join(configFields(), ", "))
	} else {
		msg = strings.NewReplacer("main.configMapping", "a mapping", "main.config", "a mapping").Replace(msg)
	}
	return &configError{File: name, Line: line, Msg: msg}
}

// configFields are the yaml names of config's fields.
func configFields() []string {
	return []string{"runtime", "image_map", "fit_healthcheck"}
}

// validate checks the values; root is the same document as nodes, for
// the lines of the messages.
func (c *config) validate(root *yaml.Node) error {
	errAt := func(n *yaml.Node, format string, args ...any) error {
		line := 0
		if n != nil {
			line = n.Line
		}
		return &configError{File: c.file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if c.Runtime != "" && !slices.Contains(runtimeFlavors, c.Runtime) {
		return errAt(configNode(root, "runtime"), "runtime %q: want one of %s", c.Runtime, strings.Join(runtimeFlavors, ", "))
	}
	list := configNode(root, "image_map")
	for i, m := range c.ImageMap {
		var n *yaml.Node
		if list != nil && i < len(list.Content) {
			n = list.Content[i]
		}
		if m.From == "" || m.To == "" {
			return errAt(n, "image_map entry %d: want both from and to, not empty", i+1)
		}
	}
	return nil
}

// configNode is the value of a top-level key, or nil.
func configNode(root *yaml.Node, key string) *yaml.Node {
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == key {
			return doc.Content[i+1]
		}
	}
	return nil
}

// imageMappings turns the config's image_map into the engine's type.
func (c *config) imageMappings() []transform.ImageMapping {
	var out []transform.ImageMapping
	for _, m := range c.ImageMap {
		out = append(out, transform.ImageMapping{From: m.From, To: m.To})
	}
	return out
}

// parseImageMap reads --image-map values, FROM=TO each.
func parseImageMap(values []string) ([]transform.ImageMapping, error) {
	var out []transform.ImageMapping
	for _, v := range values {
		from, to, ok := strings.Cut(v, "=")
		if !ok || from == "" || to == "" {
			return nil, usagef("--image-map %q: want FROM=TO, a prefix and its replacement (gcr.io/distroless/=registry.example.com/distroless/)", v)
		}
		out = append(out, transform.ImageMapping{From: from, To: to})
	}
	return out, nil
}

// mapImageRef rewrites an image reference by the first mapping whose
// From is a prefix of it, as the engine does.
func mapImageRef(ref string, m []transform.ImageMapping) string {
	return transform.MapImage(ref, m)
}

// loadPresets reads the presets of preset_dirs once.
func (c *config) loadPresets() ([]*transform.Preset, error) {
	if !c.loaded {
		c.loaded = true
		for _, d := range c.PresetDirs {
			if !filepath.IsAbs(d) {
				d = filepath.Join(c.dir, d)
			}
			ps, err := loadPresetDir(d)
			if err != nil {
				c.loadErr = fmt.Errorf("%s: preset_dirs: %w", c.file, err)
				break
			}
			c.presets = append(c.presets, ps...)
		}
	}
	return c.presets, c.loadErr
}

// configFinder finds and caches the config file of each folder.
type configFinder struct {
	explicit *config // --config
	disabled bool    // --no-config
	cache    map[string]configLookup
}

type configLookup struct {
	cfg *config
	err error
}

// forDir is the config that applies to a Dockerfile in dir (nil when
// none): --config's, or the first .restage.yaml found in dir and the
// folders above it, stopping after the folder that holds .git.
func (f *configFinder) forDir(dir string) (*config, error) {
	if f.disabled {
		return nil, nil
	}
	if f.explicit != nil {
		return f.explicit, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if f.cache == nil {
		f.cache = map[string]configLookup{}
	}
	if l, ok := f.cache[abs]; ok {
		return l.cfg, l.err
	}
	var l configLookup
	for d := abs; ; {
		p := filepath.Join(d, configName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			l.cfg, l.err = loadConfig(p, displayPath(dir, p))
			break
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			l.err = &configError{File: displayPath(dir, p), Msg: errMsg(err)}
			break
		}
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	f.cache[abs] = l
	return l.cfg, l.err
}

// displayPath shows a found file relative to the current folder when the
// folder it was looked up from was given relative, absolute otherwise.
func displayPath(given, p string) string {
	if filepath.IsAbs(given) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil {
		return p
	}
	return rel
}

// options are the engine's options for one job: the flags, then the
// config file that applies to it.
func (s *settings) options(j job) (transform.Options, error) {
	opt := s.opt
	opt.ImageMap = slices.Clone(s.flagImageMap)
	dir := "."
	if !j.stdin {
		dir = filepath.Dir(j.path)
	}
	cfg, err := s.configs.forDir(dir)
	if err != nil {
		return opt, err
	}
	if cfg == nil {
		return opt, nil
	}
	if !s.runtimeSet && cfg.Runtime != "" {
		opt.Runtime = cfg.Runtime
	}
	if !s.fitHealthcheckSet && cfg.FitHealthcheck != nil {
		opt.FitHealthcheck = *cfg.FitHealthcheck
	}
	opt.ImageMap = append(opt.ImageMap, cfg.imageMappings()...)
	if len(cfg.PresetDirs) > 0 {
		extra, err := cfg.loadPresets()
		if err != nil {
			return opt, err
		}
		base := opt.Presets
		if base == nil {
			if base, err = transform.DefaultPresets(); err != nil {
				return opt, err
			}
		}
		opt.Presets = transform.MergePresets(base, extra)
	}
	return opt, nil
}
