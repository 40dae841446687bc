package verify

import "github.com/restage/restage/shell"

// CmdProbeArgs splits the text of a command probe into its arguments, as
// a shell would split one simple command (quotes, backslashes). Anything
// a shell would compute or that is more than one command (expansions,
// globs, operators, redirections) is refused: the probe runs without a
// shell, so such text would not mean what it says.
func CmdProbeArgs(text string) ([]string, error) {
	return shell.Split(text)
}
