package verify

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/restage/restage/shell"
)

// CmdProbeArgs splits the text of a command probe into its arguments, as
// a shell would split one simple command (quotes, backslashes). Anything
// a shell would compute or that is more than one command (expansions,
// globs, operators, redirections) is refused: the probe runs without a
// shell, so such text would not mean what it says.
func CmdProbeArgs(text string) ([]string, error) {
	return shell.Split(text)
}

// RunCmdArgs reads a run command: a JSON array of strings (the exec form
// of a Dockerfile's CMD, a compose command: list), or else words split as
// compose splits a command: string, which CmdProbeArgs does (no shell
// runs them either way).
func RunCmdArgs(text string) ([]string, error) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "[") {
		return CmdProbeArgs(text)
	}
	var words []string
	if err := json.Unmarshal([]byte(t), &words); err != nil {
		return nil, errors.New("a text that starts with [ is a JSON array of strings: " + err.Error())
	}
	return words, nil
}
