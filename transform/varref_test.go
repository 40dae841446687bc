package transform

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// The hand-written scanners of varref.go must find what the regular
// expressions they replaced found, on any text.
var (
	varRefRE      = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)
	plainRefRE    = regexp.MustCompile(`\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))`)
	plainBracesRE = regexp.MustCompile(`^(?:[^$]|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})*$`)
	directiveRE   = regexp.MustCompile(`^\s*#\s*(syntax|escape|check)\s*=`)
)

func checkVarRefs(t *testing.T, s string) {
	t.Helper()
	var want [][4]int
	for _, m := range varRefRE.FindAllStringSubmatchIndex(s, -1) {
		want = append(want, [4]int{m[0], m[1], m[2], m[3]})
	}
	if got := varRefs(s); !slices.Equal(got, want) {
		t.Errorf("varRefs(%q) = %v, want %v", s, got, want)
	}
	wantRepl := plainRefRE.ReplaceAllStringFunc(s, func(ref string) string {
		m := plainRefRE.FindStringSubmatch(ref)
		return "<" + m[1] + m[2] + ">"
	})
	if got := replacePlainRefs(s, func(_, name string) string { return "<" + name + ">" }); got != wantRepl {
		t.Errorf("replacePlainRefs(%q) = %q, want %q", s, got, wantRepl)
	}
	if got, want := onlyPlainRefs(s), plainBracesRE.MatchString(s); got != want {
		t.Errorf("onlyPlainRefs(%q) = %v, want %v", s, got, want)
	}
	if got, want := isDirective(s), directiveRE.MatchString(s); got != want {
		t.Errorf("isDirective(%q) = %v, want %v", s, got, want)
	}
}

func TestVarRefsAsRegexps(t *testing.T) {
	for _, s := range []string{
		"", "$", "$$", "${", "${}", "${a", "${a}", "$a", "$_1x", "$1", "${1}", "a$b-c", "$${x}y", `\$x`,
		"${a:-b}", "${a}${b}$c", "$a}", "{$a}", "$ {a}", "\xff$a\xfe", "é$é", "\n$x\n",
		"# syntax=docker/dockerfile:1", "  #\tescape =`", "#check=skip", "# syntaxx=1", "#syntax", "x# syntax=1",
		"\f# check\r=", "# Syntax=1",
	} {
		checkVarRefs(t, s)
	}
	// Random strings over the bytes that matter.
	const alphabet = "${}aZ_09 #=\t\n\\-:\xffsyntaxecheckp"
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		checkVarRefs(t, string(b))
	}
}
