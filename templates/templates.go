// Package templates holds the text/template files that render generated
// Dockerfile stages and reports. It only carries the files.
package templates

import "embed"

// FS holds the templates.
//
//go:embed *.tmpl
var FS embed.FS
