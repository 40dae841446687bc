package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/urfave/cli/v2"

	"github.com/restage/restage/transform"
)

// loadPresetDir reads every *.yaml preset in dir. Messages name the file
// as path:line, so that an editor can jump to it.
func loadPresetDir(dir string) ([]*transform.Preset, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("preset folder %s: %s", dir, errMsg(err))
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("preset folder %s: not a folder", dir)
	}
	sort.Strings(names)
	var out []*transform.Preset
	seen := map[string]string{}
	for _, n := range names {
		p, err := readPreset(n)
		if err != nil {
			return nil, err
		}
		if prev, ok := seen[p.Name]; ok {
			return nil, fmt.Errorf("%s: preset %q is also defined in %s", n, p.Name, prev)
		}
		seen[p.Name] = n
		out = append(out, p)
	}
	return out, nil
}

func readPreset(name string) (*transform.Preset, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, errMsg(err))
	}
	return transform.ParsePreset(name, data)
}

// presetsWith returns the built-in presets with those of dirs added; a
// preset named like a built-in one replaces it.
func (a *app) presetsWith(dirs []string) ([]*transform.Preset, error) {
	base, err := a.presets()
	if err != nil {
		return nil, fmt.Errorf("loading the presets: %w", err)
	}
	for _, d := range dirs {
		extra, err := loadPresetDir(d)
		if err != nil {
			return nil, err
		}
		base = transform.MergePresets(base, extra)
	}
	return base, nil
}

func presetDirFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: flagPresetDir, Usage: "read more presets from the *.yaml files in `DIR` (repeatable)"}
}

// withPresetDirs runs f with the presets of --preset-dir added.
func (a *app) withPresetDirs(c *cli.Context, f func() error) error {
	dirs := c.StringSlice(flagPresetDir)
	if len(dirs) == 0 {
		return f()
	}
	ps, err := a.presetsWith(dirs)
	if err != nil {
		return err
	}
	saved := a.presets
	a.presets = func() ([]*transform.Preset, error) { return ps, nil }
	defer func() { a.presets = saved }()
	return f()
}

// presetsValidate checks preset files: FILE: ok, or FILE:LINE: message.
// It exits 1 when a file is not a valid preset.
func (a *app) presetsValidate(files []string) error {
	if len(files) == 0 {
		return usagef("presets validate takes one or more preset files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(a.stderr, "%s: %s\n", f, errMsg(err))
			a.fail(exitError)
			continue
		}
		p, err := transform.ParsePreset(f, data)
		if err != nil {
			fmt.Fprintln(a.stderr, err)
			a.fail(exitChanges)
			continue
		}
		fmt.Fprintf(a.stdout, "%s: ok (preset %s, %d runtimes)\n", f, p.Name, len(p.Runtimes))
	}
	return nil
}
