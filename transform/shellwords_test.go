package transform

import (
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// An environment prefix goes where the shell applies it to the build's
// simple command: before exec or nice (after them it would be run as the
// program), after an env -i's options (before it, env would clear it),
// inside if bodies, { } groups and single-quoted sh -c strings, across
// continued lines with comments. Around time, which has no sure spot, an
// ENV line goes before the RUN instead.
func TestEnvPrefixPlacement(t *testing.T) {
	for run, want := range map[string]string{
		"RUN go vet ./... && exec go build -o server .":          "RUN go vet ./... && CGO_ENABLED=0 exec go build -o server .",
		"RUN nice -n 5 go build -o server .":                     "RUN CGO_ENABLED=0 nice -n 5 go build -o server .",
		"RUN if true; then go build -o server .; fi":             "RUN if true; then CGO_ENABLED=0 go build -o server .; fi",
		"RUN go \\\n  # the build\n  build -o server .":          "RUN CGO_ENABLED=0 go \\\n  # the build\n  build -o server .",
		"RUN echo 'go build' && GOOS=linux go build -o server .": "RUN echo 'go build' && GOOS=linux CGO_ENABLED=0 go build -o server .",
		"RUN { go build -o server .; } > build.log 2>&1":         "RUN { CGO_ENABLED=0 go build -o server .; } > build.log 2>&1",
		"RUN time go build -o server .":                          "ENV CGO_ENABLED=0\nRUN time go build -o server .",
		"RUN env -i PATH=/usr/local/go/bin go build -o server .": "RUN env -i PATH=/usr/local/go/bin CGO_ENABLED=0 go build -o server .",
		"RUN sh -c 'go build -o server .'":                       "RUN sh -c 'CGO_ENABLED=0 go build -o server .'",
	} {
		in := "FROM golang:1.26\nWORKDIR /app\nCOPY . .\n" + run + "\nCMD [\"./server\"]\n"
		res, err := Convert([]byte(in), Options{})
		if err != nil {
			t.Fatalf("%q: %v", run, err)
		}
		if res.Declined != "" {
			t.Errorf("%q: declined: %s", run, res.Declined)
			continue
		}
		if !strings.Contains(string(res.Output), "\n"+want+"\n") {
			t.Errorf("%q: want %q in\n%s", run, want, res.Output)
		}
	}
}

// sudo resets the environment (env_reset), so neither a prefix before it
// nor an ENV line reaches the build, and one after it depends on the
// sudoers policy: the file is declined.
func TestEnvPrefixUnderSudoDeclines(t *testing.T) {
	for _, run := range []string{"RUN sudo go build -o server .", "RUN sudo -u builder go build -o server .", "RUN env -i PATH=/usr/bin nice go build -o server ."} {
		in := "FROM golang:1.26\nWORKDIR /app\nCOPY . .\n" + run + "\nCMD [\"./server\"]\n"
		res, err := Convert([]byte(in), Options{})
		if err != nil {
			t.Fatalf("%q: %v", run, err)
		}
		if res.DeclineCode != declEnvUnreachable || string(res.Output) != in {
			t.Errorf("%q: want declined with %s and the input back, got %q (%s)\n%s", run, declEnvUnreachable, res.Declined, res.DeclineCode, res.Output)
		}
	}
}

// unfold must give BuildKit's shell text for every shell-form RUN of the
// goldens, each byte mapped to the same byte of the file, so that edits
// at the reader's positions land in the original bytes.
func TestUnfoldMatchesBuildKit(t *testing.T) {
	cases := loadCases(t)
	extra := map[string]string{
		"crlf-comment": "FROM golang:1.26\r\nRUN go vet ./... && \\\r\n  # why\r\n\r\n  go build -o x . \\  \r\n  && true\r\n",
		"backtick":     "# escape=`\nFROM golang:1.26\nRUN --mount=type=cache,target=/x `\n    go build `\n    -o x .\n",
	}
	var inputs [][]byte
	for _, c := range cases {
		inputs = append(inputs, c.Input)
	}
	for _, s := range extra {
		inputs = append(inputs, []byte(s))
	}
	for _, e := range extraInputs {
		inputs = append(inputs, []byte(e.Src))
	}
	n := 0
	for _, in := range inputs {
		src, err := parseSource(in)
		if err != nil {
			continue
		}
		for _, node := range src.nodes {
			r, ok := node.cmd.(*instructions.RunCommand)
			if !ok || !r.PrependShell || len(r.Files) > 0 {
				continue
			}
			raw := src.text(node.first, node.end)
			text, at, _ := unfold(raw, src.escape)
			text, skip := skipFlags(text)
			if want := strings.Join(r.CmdLine, " "); text != want {
				t.Errorf("unfold(%q) = %q, BuildKit reads %q", raw, text, want)
				continue
			}
			for i := range len(text) {
				if raw[at[skip+i]] != text[i] {
					t.Errorf("unfold(%q): byte %d (%q) maps to %q", raw, i, text[i], raw[at[skip+i]])
					break
				}
			}
			n++
		}
	}
	if n < 50 {
		t.Errorf("only %d RUN lines checked", n)
	}
}

// TestReadShell: text the shell cannot read is an error whose message
// carries no position (it would count in the joined RUN text, not the
// file), and splitShell still gives no commands for it.
func TestReadShell(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`go build . && echo "x`, "reached EOF without closing quote `\"`"},
		{"echo ok;\nif true; then echo", "`if` statement must end with `fi`"},
	} {
		l, err := readShell(tc.src)
		if err == nil {
			t.Errorf("readShell(%q): no error", tc.src)
			continue
		}
		if got := shellMessage(err); got != tc.want {
			t.Errorf("shellMessage(%q) = %q, want %q (the parser's message, no position)", tc.src, got, tc.want)
		}
		if len(l.cmds) != 0 || len(splitShell(tc.src).cmds) != 0 {
			t.Errorf("%q: commands read from text the shell cannot read", tc.src)
		}
	}
	if _, err := readShell("go build -o /app . && echo done"); err != nil {
		t.Errorf("readShell of a plain line: %v", err)
	}
}

// TestExpandEnvShortcut checks that words expandEnv hands back without
// asking BuildKit's lexer are the ones the lexer would give back as they
// are.
func TestExpandEnvShortcut(t *testing.T) {
	env := envMap{"A": "x"}
	for _, s := range []string{"", "plain", "two words", "tab\tsep", "~/x", "*.go", "a=b", "ünïcode", "-o /app/server", "{a,b}", "a#b", "(x)", "a;b|c&&d"} {
		for _, esc := range []rune{'\\', '`'} {
			got, n, err := expandEnv(esc, s, env)
			want, err2 := shell.NewLex(esc).ProcessWordWithMatches(s, env)
			if err != nil || err2 != nil || got != want.Result || n != len(want.Unmatched) {
				t.Errorf("expandEnv(%q, %q) = %q, %d, %v; the lexer gives %q, %v", esc, s, got, n, err, want.Result, err2)
			}
		}
	}
}
