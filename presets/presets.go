// Package presets holds the built-in language presets as embedded YAML.
// It only carries the files; decoding and validation live in transform.
package presets

import "embed"

// FS holds the built-in presets, one YAML file per language.
//
//go:embed *.yaml
var FS embed.FS
