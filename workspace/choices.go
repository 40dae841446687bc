package workspace

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/restage/restage/config"
	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/presets"
)

// Choices are a front end's settings as given, before they are checked:
// the command's flags, or a language server's configuration.
type Choices struct {
	Runtime           string   // a runtime flavor the presets define
	Preset            string   // a preset to use instead of detecting one
	PresetDirs        []string // folders of presets added to the built-in ones
	FitHealthcheck    bool
	FitHealthcheckSet bool     // given, so that no config file can change it
	ImageMap          []string // FROM=TO, before the config's
	Config            string   // a config file to use instead of looking for one
	NoConfig          bool     // use no config file
	Context           string   // the build context folder of every file
	MaxSize           string   // the size limit, as ParseSize reads it
	// Builtin are the presets the others come on top of; nil is
	// presets.Builtin.
	Builtin func() ([]*presets.Preset, error)
}

// A ChoiceError is a choice that cannot be used. Choice is the name of
// the Choices field at fault; Err says why without naming it, since each
// front end calls its settings its own way.
type ChoiceError struct {
	Choice string
	Err    error
}

func (e *ChoiceError) Error() string { return e.Choice + ": " + e.Err.Error() }
func (e *ChoiceError) Unwrap() error { return e.Err }

var (
	// ErrNotFolder is the ChoiceError for a Context that is not a folder.
	ErrNotFolder = errors.New("not a folder")
	// ErrConfigConflict is the ChoiceError for Config with NoConfig.
	ErrConfigConflict = errors.New("a config file and no config file")
)

// New checks the choices, in the order the command always has, and
// returns the settings they make. Other errors (a config file or a
// preset folder that cannot be read) are the files' own.
func New(c Choices) (*Settings, error) {
	builtin := c.Builtin
	if builtin == nil {
		builtin = presets.Builtin
	}
	s := &Settings{RuntimeSet: c.Runtime != "", FitHealthcheckSet: c.FitHealthcheckSet}
	s.Options.FitHealthcheck = c.FitHealthcheck
	m, err := config.ParseImageMap(c.ImageMap)
	if err != nil {
		return nil, &ChoiceError{"ImageMap", err}
	}
	s.Options.ImageMap = m
	s.Configs = &config.Finder{Disabled: c.NoConfig}
	if c.Config != "" {
		if c.NoConfig {
			return nil, &ChoiceError{"Config", ErrConfigConflict}
		}
		if s.Configs.Explicit, err = config.Load(c.Config, c.Config); err != nil {
			return nil, err
		}
	}
	if len(c.PresetDirs) > 0 {
		if s.Options.Presets, err = LoadPresets(builtin, c.PresetDirs); err != nil {
			return nil, err
		}
	}
	if c.Runtime != "" {
		// The flavors are the presets' own, the preset folders' included.
		ps, err := EnginePresets(s.Options)
		if err != nil {
			return nil, fmt.Errorf("loading the presets: %w", err)
		}
		if flavors := presets.Flavors(ps); !slices.Contains(flavors, c.Runtime) {
			return nil, &ChoiceError{"Runtime", fmt.Errorf("%q: want one of %s", c.Runtime, strings.Join(flavors, ", "))}
		}
		s.Options.Runtime = c.Runtime
	}
	if c.Preset != "" {
		ps := s.Options.Presets
		if ps == nil {
			if ps, err = builtin(); err != nil {
				return nil, fmt.Errorf("loading the presets: %w", err)
			}
		}
		var names []string
		for _, x := range ps {
			names = append(names, x.Name)
		}
		if !slices.Contains(names, c.Preset) {
			return nil, &ChoiceError{"Preset", fmt.Errorf("unknown preset %q (known: %s)", c.Preset, strings.Join(names, ", "))}
		}
		s.Options.Preset = c.Preset
	}
	if d := c.Context; d != "" {
		fi, err := os.Stat(d)
		if err != nil {
			return nil, &ChoiceError{"Context", err}
		}
		if !fi.IsDir() {
			return nil, &ChoiceError{"Context", fmt.Errorf("%s: %w", textutil.ShowPath(d), ErrNotFolder)}
		}
		s.ContextDir = d
	}
	if s.MaxSize, err = ParseSize(c.MaxSize); err != nil {
		return nil, &ChoiceError{"MaxSize", err}
	}
	return s, nil
}

// LoadPresets returns the built-in presets with those of dirs added; a
// preset named like a built-in one replaces it.
func LoadPresets(builtin func() ([]*presets.Preset, error), dirs []string) ([]*presets.Preset, error) {
	base, err := builtin()
	if err != nil {
		return nil, fmt.Errorf("loading the presets: %w", err)
	}
	for _, d := range dirs {
		extra, err := presets.LoadDir(d)
		if err != nil {
			return nil, err
		}
		base = presets.Merge(base, extra)
	}
	return base, nil
}
