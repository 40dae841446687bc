package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/workspace"
)

func presetDirFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: flagPresetDir, Usage: "read more presets from the *.yaml files in `DIR` (repeatable)"}
}

// withPresetDirs runs f with the presets of --preset-dir added.
func (a *app) withPresetDirs(c *cli.Context, f func() error) error {
	dirs := c.StringSlice(flagPresetDir)
	if len(dirs) == 0 {
		return f()
	}
	ps, err := workspace.LoadPresets(a.presets, dirs)
	if err != nil {
		return err
	}
	saved := a.presets
	a.presets = func() ([]*presets.Preset, error) { return ps, nil }
	defer func() { a.presets = saved }()
	return f()
}

// presetsValidate checks preset files: FILE: ok, or FILE:LINE: message.
// A file that is not a valid preset is an error in the input: exit 2, as
// every other such error (1 means "files to change").
func (a *app) presetsValidate(files []string) error {
	if len(files) == 0 {
		return usagef("presets validate takes one or more preset files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(a.stderr, "%s: %s\n", textutil.ShowPath(f), workspace.ErrText(err))
			a.fail(exitError)
			continue
		}
		p, err := presets.Parse(f, data)
		if err != nil {
			fmt.Fprintln(a.stderr, err)
			a.fail(exitError)
			continue
		}
		fmt.Fprintf(a.stdout, "%s: ok (preset %s, %d runtimes)\n", textutil.ShowPath(f), p.Name, len(p.Runtimes))
	}
	return nil
}
