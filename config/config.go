// Package config reads restage's configuration file, .restage.yaml: it
// finds the file that applies to a Dockerfile, decodes it strictly,
// checks it (errors as file:line: message), and reads the presets of its
// preset_dirs. It also parses the FROM=TO image mappings the file and the
// command line share.
//
// It never decides between a flag and the file (the command does), and
// never converts anything.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/restage/restage/internal/yaml"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/transform"
)

// Name is the file looked for in a Dockerfile's folder and the folders
// above it, up to the one holding .git.
const Name = ".restage.yaml"

// Config is the content of a .restage.yaml. To add a field: add it here
// with its yaml tag, check it in validate, and apply it in the command's
// settings. Unknown fields are errors, and the message lists the fields
// of this struct, so a typo never goes unnoticed.
type Config struct {
	// Runtime is the runtime flavor, as --runtime.
	Runtime string `yaml:"runtime"`
	// ImageMap rewrites image references, as --image-map; the flags'
	// mappings are tried first.
	ImageMap []Mapping `yaml:"image_map"`
	// FitHealthcheck is --fit-healthcheck; nil when not set.
	FitHealthcheck *bool `yaml:"fit_healthcheck"`
	// PresetDirs are folders of more presets, relative to the config
	// file's folder; a preset named like a built-in one replaces it.
	PresetDirs []string `yaml:"preset_dirs"`

	file        string // the file it was read from, as shown in messages
	dir         string // the folder it was read from
	runtimeLine int
	loadPresets sync.Once // Presets may be called from several goroutines
	presets     []*presets.Preset
	loadErr     error
}

// Mapping is one image_map entry.
type Mapping struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// Error is a problem in a config file: FILE:LINE: message. It is a type
// of its own so that the command can tell it from a problem in a preset.
type Error struct{ at presets.Error }

func (e *Error) Error() string { return e.at.Error() }

func errorAt(file string, line int, format string, args ...any) *Error {
	return &Error{presets.Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}}
}

// Load reads and checks a config file. name is shown in messages.
func Load(path, name string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, errorAt(name, 0, "%s", pathErrMsg(err))
	}
	cfg, err := Parse(data, name)
	if cfg != nil {
		cfg.dir = filepath.Dir(path)
	}
	return cfg, err
}

// Parse decodes and checks a config file's content; an empty file is an
// empty config.
func Parse(data []byte, name string) (*Config, error) {
	cfg := &Config{file: name}
	err := presets.DecodeStrict(name, data, cfg)
	if errors.Is(err, io.EOF) {
		return cfg, nil
	}
	var pe *presets.Error
	if errors.As(err, &pe) {
		return nil, &Error{*pe}
	}
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	var root, extra yaml.Node
	if err := dec.Decode(&root); err != nil {
		return nil, &Error{*presets.YAMLError(name, data, err, cfg)}
	}
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, &Error{*presets.YAMLError(name, data, err, cfg)}
		}
		return nil, errorAt(name, extra.Line, "more than one YAML document")
	}
	if err := cfg.validate(&root); err != nil {
		return nil, err
	}
	return cfg, nil
}

// File is the name of the file the config was read from, for messages.
func (c *Config) File() string { return c.file }

// validate checks the values; root is the same document as nodes, for
// the lines of the messages.
func (c *Config) validate(root *yaml.Node) error {
	if n := node(root, "runtime"); n != nil {
		c.runtimeLine = n.Line
	}
	list := node(root, "image_map")
	for i, m := range c.ImageMap {
		line := 0
		if list != nil && i < len(list.Content) {
			line = list.Content[i].Line
		}
		if m.From == "" || m.To == "" {
			return errorAt(c.file, line, "image_map entry %d: want both from and to, not empty", i+1)
		}
	}
	return nil
}

// CheckRuntime checks the runtime against the flavors the presets in use
// define; they are known only once the presets are loaded, and they
// include those of preset_dirs.
func (c *Config) CheckRuntime(flavors []string) error {
	if c.Runtime != "" && !slices.Contains(flavors, c.Runtime) {
		return errorAt(c.file, c.runtimeLine, "runtime %q: want one of %s", c.Runtime, strings.Join(flavors, ", "))
	}
	return nil
}

// node is the value of a top-level key, or nil.
func node(root *yaml.Node, key string) *yaml.Node {
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

// ImageMappings turns the config's image_map into the engine's type.
func (c *Config) ImageMappings() []transform.ImageMapping {
	var out []transform.ImageMapping
	for _, m := range c.ImageMap {
		out = append(out, transform.ImageMapping{From: m.From, To: m.To})
	}
	return out
}

// ParseImageMap reads FROM=TO values, as --image-map takes them.
func ParseImageMap(values []string) ([]transform.ImageMapping, error) {
	var out []transform.ImageMapping
	for _, v := range values {
		from, to, ok := strings.Cut(v, "=")
		if !ok || from == "" || to == "" {
			return nil, fmt.Errorf("%q: want FROM=TO, a prefix and its replacement (gcr.io/distroless/=registry.example.com/distroless/)", v)
		}
		out = append(out, transform.ImageMapping{From: from, To: to})
	}
	return out, nil
}

// Presets reads the presets of preset_dirs, once.
func (c *Config) Presets() ([]*presets.Preset, error) {
	c.loadPresets.Do(func() {
		for _, d := range c.PresetDirs {
			if !filepath.IsAbs(d) {
				d = filepath.Join(c.dir, d)
			}
			ps, err := presets.LoadDir(d)
			if err != nil {
				c.loadErr = fmt.Errorf("%s: preset_dirs: %w", textutil.ShowPath(c.file), err)
				break
			}
			c.presets = append(c.presets, ps...)
		}
	})
	return c.presets, c.loadErr
}

// Finder finds and caches the config file of each folder. It is safe for
// use by several goroutines (the command converts files in parallel).
type Finder struct {
	Explicit *Config // --config: used for every folder
	Disabled bool    // --no-config: none is used

	mu    sync.Mutex
	cache map[string]lookup // by absolute folder, every folder a walk passed
	wd    string            // the working folder, once asked
	// listed is what the search for Dockerfiles saw in the folders it
	// listed (Listed), by absolute folder.
	listed map[string]listing
}

type listing struct{ config, git bool }

// Listed tells f that a listing of folder dir (made by the search for
// Dockerfiles, before the lookups) showed an entry that may be the config
// file (config) or .git (git): ForDir then looks for neither where the
// listing showed none. Over a tree of one-service folders those looks
// were four system calls per Dockerfile. Names are compared without case,
// as a file system that ignores it would find them.
func (f *Finder) Listed(dir string, config, git bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	abs, err := f.abs(dir)
	if err != nil {
		return
	}
	if f.listed == nil {
		f.listed = map[string]listing{}
	}
	f.listed[abs] = listing{config, git}
}

// abs is filepath.Abs(dir) with the working folder asked once per
// Finder: os.Getwd looks at "." and $PWD, two system calls for every
// Dockerfile, as many as the lookup of a new folder makes. The command
// does not change folder during a run. f.mu is held.
func (f *Finder) abs(dir string) (string, error) {
	if filepath.IsAbs(dir) {
		return filepath.Clean(dir), nil
	}
	if f.wd == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		f.wd = wd
	}
	return filepath.Join(f.wd, dir), nil
}

type lookup struct {
	cfg *Config
	err error
}

// ForDir is the config that applies to a Dockerfile in dir (nil when
// none): Explicit, or the first .restage.yaml found in dir and the
// folders above it, stopping after the folder that holds .git.
func (f *Finder) ForDir(dir string) (*Config, error) {
	if f.Disabled {
		return nil, nil
	}
	if f.Explicit != nil {
		return f.Explicit, nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	abs, err := f.abs(dir)
	if err != nil {
		return nil, err
	}
	if f.cache == nil {
		f.cache = map[string]lookup{}
	}
	if l, ok := f.cache[abs]; ok {
		return l.cfg, l.err
	}
	// Every folder passed on the way up gets the same answer: a tree of
	// many Dockerfiles then costs two stats per new folder, not two per
	// folder up to the root for each.
	var l lookup
	var passed []string
	for d := abs; ; {
		if c, ok := f.cache[d]; ok {
			l = c
			break
		}
		passed = append(passed, d)
		ls, listed := f.listed[d]
		p := filepath.Join(d, Name)
		if !listed || ls.config {
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				l.cfg, l.err = Load(p, displayPath(dir, p))
				break
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				l.err = errorAt(displayPath(dir, p), 0, "%s", pathErrMsg(err))
				break
			}
		}
		if !listed || ls.git {
			if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
				break
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range passed {
		f.cache[d] = l
	}
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

// pathErrMsg is an error's text without the path the message shows
// anyway.
func pathErrMsg(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
