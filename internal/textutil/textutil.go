// Package textutil holds small text helpers shared by the engine and the
// command. It must stay free of I/O and of restage's own packages.
package textutil

import "strings"

// OneLine folds s onto one line with single spaces: messages carry file
// names and preset texts, which may hold newlines, and every output
// format prints a message as one line.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
