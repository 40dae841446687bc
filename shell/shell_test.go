package shell

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	// The cases verify's --probe-cmd has always accepted.
	for in, want := range map[string][]string{
		`a b  c`:              {"a", "b", "c"},
		`--upper 'x y' "z w"`: {"--upper", "x y", "z w"},
		`a\ b "q\"x" ''`:      {"a b", `q"x`, ""},
		``:                    nil,
		"a\tb\n":              {"a", "b"},
		`"a\$b" 'c\d'`:        {"a$b", `c\d`},
	} {
		got, err := Split(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("Split(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{`'unterminated`, `"unterminated`, `echo $HOME`, `a && b`, `a | b`, `a; b`, `a > f`, `ls *.go`, `echo $(id)`, `(a)`, `FOO=1 a`, `a # c`, "a\nb"} {
		if got, err := Split(in); err == nil {
			t.Errorf("Split(%q) = %q, no error", in, got)
		}
	}
}

func TestParseCommands(t *testing.T) {
	src := `cd /src && CGO_ENABLED=0 exec nice -n 5 go build -o "$OUT/bin" . || { echo x; } ; if true; then time go vet; fi`
	sc, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		op, at string
		args   []string
	}
	var got []row
	for _, c := range sc.Cmds {
		var args []string
		for _, w := range c.Args() {
			args = append(args, w.Text)
		}
		got = append(got, row{c.Op, src[c.Pos:c.End], args})
	}
	want := []row{
		{"", "cd /src", []string{"cd", "/src"}},
		{"&&", `CGO_ENABLED=0 exec nice -n 5 go build -o "$OUT/bin" .`, []string{"go", "build", "-o", "$OUT/bin", "."}},
		{"||", "echo x", []string{"echo", "x"}},
		{";", "true", []string{"true"}},
		{"", "time go vet", []string{"go", "vet"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i].op != want[i].op || got[i].at != want[i].at || !slices.Equal(got[i].args, want[i].args) {
			t.Errorf("command %d = %q, want %q", i, got[i], want[i])
		}
	}
	c := sc.Cmds[1]
	if w := c.Args()[3]; !w.Dynamic || src[w.Pos:w.End] != `"$OUT/bin"` {
		t.Errorf("output word %+v", w)
	}
	if !sc.Cmds[2].Nested || sc.Cmds[1].Nested {
		t.Errorf("nesting: %+v", sc.Cmds)
	}
	if env := c.Env(); env["CGO_ENABLED"] != "0" || len(env) != 1 {
		t.Errorf("env %v", env)
	}
	if names := []string{c.Words[c.Wrappers[0]].Text, c.Words[c.Wrappers[1]].Text}; !slices.Equal(names, []string{"exec", "nice"}) {
		t.Errorf("wrappers %q", names)
	}
	// time is a bash keyword; it still counts as a wrapper.
	if v := sc.Cmds[4]; len(v.Wrappers) != 1 || src[v.Words[0].Pos:v.Words[0].End] != "time" {
		t.Errorf("time: %+v", v)
	}
	if sc.Plain {
		t.Error("plain")
	}
}

func TestInline(t *testing.T) {
	src := `sh -c 'cd x && go build .' && bash -c "go $X"`
	sc, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var inline []string
	for _, c := range sc.Cmds {
		if c.Inline {
			inline = append(inline, src[c.Pos:c.End])
		}
	}
	if !slices.Equal(inline, []string{"cd x", "go build ."}) || !sc.Opaque {
		t.Errorf("inline %q, opaque %v", inline, sc.Opaque)
	}
}

func TestPlain(t *testing.T) {
	for in, want := range map[string]bool{
		"java -jar app.jar":          true,
		"a b\nc d":                   true,
		"'a b' c":                    true,
		"java -jar target/*.jar":     false,
		"a && b":                     false,
		`a\ b`:                       false,
		`echo "$X"`:                  false,
		"A=1 a":                      false,
		"a > f":                      false,
		"a # c":                      false,
		"~/bin/x":                    false,
		"(a)":                        false,
		"exec java -jar app.jar":     true,
		"if a; then b; fi":           false,
		"echo {a,b}":                 false,
		strings.Repeat("x ", 3) + "": true,
	} {
		sc, err := Parse(in)
		if err != nil || sc.Plain != want {
			t.Errorf("Parse(%q).Plain = %v (%v), want %v", in, sc != nil && sc.Plain, err, want)
		}
	}
}

func TestLiteral(t *testing.T) {
	c := Literal([]string{"env", "-i", "A=1", "sudo", "-u", "app", "./server", "-x"})
	var args []string
	for _, w := range c.Args() {
		args = append(args, w.Text)
	}
	if !slices.Equal(args, []string{"./server", "-x"}) || c.Env()["A"] != "1" {
		t.Errorf("args %q env %v", args, c.Env())
	}
}

func TestCommandArg(t *testing.T) {
	for _, tc := range []struct {
		args string
		want int
		c    bool
	}{
		{"sh -c x", 2, true},
		{"sh -lc x", 2, true},
		{"sh -ec x", 2, true},
		{"sh -xc x", 2, true},
		{"sh -euc x", 2, true},
		{"bash -lc x", 2, true},
		{"/bin/bash -cl x", 2, true},
		{"sh -e -c x", 3, true},
		{"sh -c -e x", 3, true},
		{"bash -o pipefail -c x", 4, true},
		{"bash -euo pipefail -c x", 4, true},
		{"bash --login -c x", 3, true},
		{"sh -c -- x", 3, true},
		{"sh -c", -1, true},
		{"sh -ec", -1, true},
		{"sh x.sh", -1, false},
		{"sh -e x.sh", -1, false},
		{"sh -x x.sh -c", -1, false},
		{"bash -o c x.sh", -1, false},
		{"sh +c x", -1, false},
		{"node -c x", -1, false},
	} {
		args := strings.Fields(tc.args)
		if got := CommandArg(args); got != tc.want {
			t.Errorf("CommandArg(%q) = %d, want %d", tc.args, got, tc.want)
		}
		if got := GivesCommand(args); got != tc.c {
			t.Errorf("GivesCommand(%q) = %v, want %v", tc.args, got, tc.c)
		}
	}
}

func TestScriptArg(t *testing.T) {
	for _, tc := range []struct {
		args string
		want int
	}{
		{"sh mvnw package", 1},
		{"bash ./gradlew build", 1},
		{"/bin/sh -e gradlew build", 2},
		{"bash -o pipefail x.sh", 3},
		{"bash --rcfile rc x.sh a", 3},
		{"sh -- x.sh", 2},
		{"sh -c x", -1},
		{"sh -ec x", -1},
		{"sh -s a b", -1},
		{"sh -", -1},
		{"sh -e", -1},
		{"sh", -1},
		{"gradle build", -1},
	} {
		args := strings.Fields(tc.args)
		if got := ScriptArg(args); got != tc.want {
			t.Errorf("ScriptArg(%q) = %d, want %d", tc.args, got, tc.want)
		}
	}
}

func TestInlineOptionGroup(t *testing.T) {
	src := `sh -ec 'cd x && go build .' && bash -o pipefail -c 'go vet'`
	sc, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var inline []string
	for _, c := range sc.Cmds {
		if c.Inline {
			inline = append(inline, src[c.Pos:c.End])
		}
	}
	if !slices.Equal(inline, []string{"cd x", "go build .", "go vet"}) || sc.Opaque {
		t.Errorf("inline %q, opaque %v", inline, sc.Opaque)
	}
}

// TestParseKept: a text read again gives the script read the first time
// (errors too), and the texts kept stay within parsedMax bytes however
// many are read.
func TestParseKept(t *testing.T) {
	a, err := Parse("go build -o /app ./cmd/server")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := Parse("go build -o /app ./cmd/server"); b != a {
		t.Error("the same text was read twice")
	}
	if _, err := Parse("echo 'unclosed"); err == nil {
		t.Fatal("an unclosed quote parsed")
	} else if _, err2 := Parse("echo 'unclosed"); err2 != err {
		t.Errorf("the error was not kept: %v, then %v", err, err2)
	}
	long := strings.Repeat("x", parsedMax/16+1)
	if _, err := Parse(long); err != nil {
		t.Fatal(err)
	}
	for i := range 2 * parsedMax / 1000 {
		if _, err := Parse(fmt.Sprintf("echo %d %s", i, strings.Repeat("y", 990))); err != nil {
			t.Fatal(err)
		}
	}
	parsed.Lock()
	defer parsed.Unlock()
	if _, ok := parsed.m[long]; ok {
		t.Errorf("a text over parsedMax/16 bytes was kept")
	}
	n := 0
	for k := range parsed.m {
		n += len(k)
	}
	if n != parsed.bytes || n > parsedMax {
		t.Errorf("kept %d bytes of text (counted %d), want at most %d", n, parsed.bytes, parsedMax)
	}
}

// TestInlinePositionsShared: the scripts Parse keeps are shared, so an
// sh -c string read in two texts (or first on its own) must give each
// its own positions: the inline reader once shifted the kept script's
// words in place, moving them again at every later read.
func TestInlinePositionsShared(t *testing.T) {
	inner := "go build -o app ."
	if _, err := Parse(inner); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{"sh -c '" + inner + "'", "true && sh -c '" + inner + "'", "sh -c '" + inner + "'"} {
		s, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		at := strings.Index(src, "'") + 1
		var seen bool
		for _, c := range s.Cmds {
			if !c.Inline {
				continue
			}
			seen = true
			for _, w := range c.Words {
				if got := src[w.Pos:w.End]; got != w.Text {
					t.Errorf("%q: word %q at %d:%d reads %q", src, w.Text, w.Pos, w.End, got)
				}
			}
			if c.Pos != at {
				t.Errorf("%q: inline command at %d, want %d", src, c.Pos, at)
			}
		}
		if !seen {
			t.Errorf("%q: no inline command", src)
		}
	}
	s, _ := Parse(inner)
	if w := s.Cmds[0].Words[0]; w.Pos != 0 || w.End != 2 {
		t.Errorf("the kept %q moved: first word at %d:%d", inner, w.Pos, w.End)
	}
}

// TestDecls: declarations run no program, so they are not in Cmds, but
// a reader of what a script sets finds them in Decls, in order, with
// their options, bare names and NAME=value words.
func TestDecls(t *testing.T) {
	src := `export P="a b" Q; readonly R=$X && sh -c 'export S=1; y' && declare -x T=2`
	s, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range s.Decls {
		var ws []string
		for _, w := range d.Words {
			ws = append(ws, fmt.Sprintf("%s/%v", w.Text, w.Dynamic))
		}
		got = append(got, fmt.Sprintf("%s %s inline=%v", d.Op, strings.Join(ws, " "), d.Inline))
		if d.Words[0].Text != src[d.Words[0].Pos:d.Words[0].End] {
			t.Errorf("%q at %d:%d reads %q", d.Words[0].Text, d.Words[0].Pos, d.Words[0].End, src[d.Words[0].Pos:d.Words[0].End])
		}
	}
	want := []string{
		" export/false P=a b/false Q/false inline=false",
		"; readonly/false R=$X/true inline=false",
		" export/false S=1/false inline=true",
		"&& declare/false -x/false T=2/false inline=false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Decls:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, c := range s.Cmds {
		if a := c.Args(); len(a) > 0 && (a[0].Text == "export" || a[0].Text == "readonly") {
			t.Errorf("a declaration in Cmds: %+v", c)
		}
	}
}
