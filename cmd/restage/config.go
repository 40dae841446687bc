package main

import (
	"path/filepath"
	"slices"

	"github.com/restage/restage/config"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/transform"
)

// configName is the config file's name, for the flags' help and tests.
const configName = config.Name

// options are the engine's options for one job: the flags, then the
// config file that applies to it.
func (s *settings) options(j job) (transform.Options, error) {
	opt := s.opt
	opt.ImageMap = slices.Clone(s.flagImageMap)
	dir := "."
	if !j.stdin {
		dir = filepath.Dir(j.path)
	}
	cfg, err := s.configs.ForDir(dir)
	if err != nil {
		return opt, err
	}
	if cfg == nil {
		return opt, nil
	}
	if len(cfg.PresetDirs) > 0 {
		extra, err := cfg.Presets()
		if err != nil {
			return opt, err
		}
		base, err := enginePresets(opt)
		if err != nil {
			return opt, err
		}
		opt.Presets = presets.Merge(base, extra)
	}
	if !s.runtimeSet && cfg.Runtime != "" {
		ps, err := enginePresets(opt)
		if err != nil {
			return opt, err
		}
		if err := cfg.CheckRuntime(presets.Flavors(ps)); err != nil {
			return opt, err
		}
		opt.Runtime = cfg.Runtime
	}
	if !s.fitHealthcheckSet && cfg.FitHealthcheck != nil {
		opt.FitHealthcheck = *cfg.FitHealthcheck
	}
	opt.ImageMap = append(opt.ImageMap, cfg.ImageMappings()...)
	return opt, nil
}

// enginePresets are the presets the engine converts with under opt.
func enginePresets(opt transform.Options) ([]*presets.Preset, error) {
	if opt.Presets != nil {
		return opt.Presets, nil
	}
	return presets.Builtin()
}
