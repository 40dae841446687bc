package transform

import "github.com/restage/restage/presets"

// The preset schema, its decoding and its lookups live in package
// presets. These aliases keep the engine's code reading as it did
// (*Preset, *Runtime), so that moving the schema out did not touch every
// file of the engine.
type (
	Preset       = presets.Preset
	Variant      = presets.Variant
	BuildCommand = presets.BuildCommand
	Prepare      = presets.Prepare
	OffPath      = presets.OffPath
	Collect      = presets.Collect
	Runner       = presets.Runner
	Runtime      = presets.Runtime
	RunBuild     = presets.RunBuild
)

// builtinPresets are the presets of a conversion whose Options have none.
func builtinPresets() ([]*Preset, error) { return presets.Builtin() }
