package transform

import (
	"maps"
	"strings"
	"testing"
)

// compose's interpolation forms, with env standing for the project's
// .env; composeVar marks what only the environment of whoever runs
// compose can give.
func TestComposeInterpolate(t *testing.T) {
	env := map[string]string{"SET": "./data", "EMPTY": ""}
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"./x:/app/x", "./x:/app/x", true},
		{"$SET", "./data", true},
		{"${SET}/sub", "./data/sub", true},
		{"${UNSET}", composeVar, true},
		{"$UNSET/x", composeVar + "/x", true},
		{"${UNSET:-./def}", "./def", true},
		{"${EMPTY:-./def}", "./def", true},
		{"${EMPTY-./def}", "", true},
		{"${UNSET-./def}", "./def", true},
		{"${UNSET:-${SET}/y}", "./data/y", true},
		{"${SET:?need it}", "./data", true},
		{"${UNSET:?need it}", composeVar, true},
		{"${SET:+/other}", "/other", true},
		{"${EMPTY:+/other}", "", true},
		{"${UNSET+/other}", composeVar, true},
		{"cost $$5", "cost $5", true},
		{"${SET", "", false},
		{"${}", "", false},
		{"$1", "", false},
		{"a $ b", "", false},
	} {
		got, ok := composeInterpolate(c.in, env)
		if got != c.want || ok != c.ok {
			t.Errorf("composeInterpolate(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestComposeDotEnv(t *testing.T) {
	got := composeDotEnv([]byte(strings.Join([]string{
		"# a comment",
		"",
		"A=1",
		"export B=two",
		`C="quoted # not a comment"  # a comment`,
		"D='single $X'",
		"E=plain # a comment",
		"F = spaced ",
		"not a line",
		"G=x=y\r",
	}, "\n")))
	want := map[string]string{"A": "1", "B": "two", "C": "quoted # not a comment", "D": "single $X", "E": "plain", "F": "spaced", "G": "x=y"}
	if !maps.Equal(got, want) {
		t.Errorf("composeDotEnv: %v\nwant %v", got, want)
	}
}

func TestSplitOutsideBraces(t *testing.T) {
	got := splitOutsideBraces("${A:-./x}:/app/${B:-d}:ro", ':')
	if want := []string{"${A:-./x}", "/app/${B:-d}", "ro"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
