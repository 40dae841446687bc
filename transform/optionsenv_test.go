package transform

import (
	"bytes"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// TestOptionsEnvValueBuildKit: the ENV line written for interpreter
// options gives, through BuildKit's parser, instructions and the
// expansion it applies to ENV, the very text the original passed: a
// literal option's $ is not expanded (even with the variable set), an
// ENV value's reference still is, as it was in the original.
func TestOptionsEnvValueBuildKit(t *testing.T) {
	for _, c := range []struct {
		opts []optionWord
		want string
	}{
		{[]optionWord{{"-Dserver.port=${PORT}", true}}, "-Dserver.port=${PORT}"},
		{[]optionWord{{"-Dserver.port=$PORT", true}}, "-Dserver.port=$PORT"},
		{[]optionWord{{"-Xmx512m", true}, {`-Da="$x\y"`, true}}, `-Xmx512m -Da="$x\y"`},
		{[]optionWord{{"-Dport=$PORT", false}, {"-Dhost=$HOST", true}}, "-Dport=9999 -Dhost=$HOST"},
		{[]optionWord{{"-Dserver.port=8080", true}}, "-Dserver.port=8080"},
	} {
		line := "FROM scratch\nENV JAVA_TOOL_OPTIONS=" + optionsEnvValue(c.opts) + "\n"
		res, err := parser.Parse(bytes.NewReader([]byte(line)))
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		stages, _, err := instructions.Parse(res.AST, nil)
		if err != nil || len(stages) != 1 || len(stages[0].Commands) != 1 {
			t.Fatalf("%q: %v", line, err)
		}
		env := envMap{"PORT": "9999", "HOST": "h", "x": "X"}
		lex := shell.NewLex('\\')
		cmd := stages[0].Commands[0].(*instructions.EnvCommand)
		err = cmd.Expand(func(w string) (string, error) {
			s, _, err := lex.ProcessWord(w, env)
			return s, err
		})
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if got := cmd.Env[0].Value; got != c.want {
			t.Errorf("%q gives %q; want %q", line, got, c.want)
		}
	}
}
