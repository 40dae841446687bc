// Package presets is restage's knowledge about languages: the preset
// schema, its strict YAML decoding and validation (errors as
// file:line: message), loading from an fs.FS or a folder, merging user
// presets over the built-in ones, and the built-in presets as embedded
// YAML.
//
// It must never import the engine (transform) or the command: it says
// what a preset is, not what the engine does with it, and it does no
// I/O beyond reading the files it is asked to load.
package presets

import "embed"

// FS holds the built-in presets, one YAML file per language. Builtin
// returns them from builtin_gen.go, which go generate makes from these.
//
//go:generate go test -run ^TestBuiltinGenerated$ -update .
//go:embed *.yaml
var FS embed.FS
