package transform

import (
	"encoding/json"
	"strings"
)

// execWordIsLine declines an exec-form command whose program string is
// a whole command line (CMD ["go run /app/main.go"]: review 26, finding
// F). Exec form runs the first string as the program's name, spaces and
// all, and a name whose first word holds no slash is looked up on PATH,
// where nothing is called that: the container cannot start, whatever
// the words inside would have run, so no preset's reading of them (a
// build step, a runner, a dev server) is the reason. A string whose first
// word is a path ("/opt/my app/run") may name a real file and is left to
// the usual reading.
func (f *facts) execWordIsLine() error {
	in := f.entrypoint
	if in == nil {
		in = f.cmd
	}
	if in == nil {
		return nil
	}
	line := cmdLine(in)
	if line == nil || line.PrependShell || len(line.CmdLine) == 0 {
		return nil
	}
	first := line.CmdLine[0]
	words := strings.Fields(first)
	if len(words) < 2 || strings.Contains(words[0], "/") {
		return nil
	}
	split, err := json.Marshal(append(words, line.CmdLine[1:]...))
	if err != nil {
		return nil
	}
	return declinef(declExecWordIsLine, "line %d: %s's exec form gives the whole command line %q as one string: Docker runs that string as the program's name, spaces and all, and no program is named %q, so the original container cannot start either (write one string per word: %s [%s])", in.first, in.kw, first, first, in.kw, strings.ReplaceAll(strings.Trim(string(split), "[]"), `","`, `", "`))
}
