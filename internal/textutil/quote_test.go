package textutil

import (
	"runtime"
	"testing"
)

// TestQuotePath: the names as `git -c core.quotePath=false ls-files`
// prints them (checked by hand against git 2.x), except a byte that is not
// UTF-8, which git's default quoting escapes too.
func TestQuotePath(t *testing.T) {
	for in, want := range map[string]string{
		"Dockerfile":           "Dockerfile",
		"svc/a b/Dockerfile":   "svc/a b/Dockerfile",
		"café/Dockerfile":      "café/Dockerfile",
		"new\nline":            `"new\nline"`,
		"tab\tx":               `"tab\tx"`,
		`quo"te`:               `"quo\"te"`,
		`back\slash`:           `"back\\slash"`,
		"ctl\x01x":             `"ctl\001x"`,
		"del\x7f":              `"del\177"`,
		"bell\a\b\v\f\r":       `"bell\a\b\v\f\r"`,
		"bad\xffbyte":          `"bad\377byte"`,
		"csi\u009b31m":         `"csi\302\23331m"`,
		"nel\u0085 nbsp\u00a0": `"nel\302\205 nbsp` + "\u00a0" + `"`, // NBSP is a letter
	} {
		if got := QuotePath(in); got != want {
			t.Errorf("QuotePath(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestShowPath: a plain name prints as it is; an odd one is quoted as
// QuotePath quotes it, except on Windows, whose names hold no control
// character and whose separator is a backslash.
func TestShowPath(t *testing.T) {
	odd := "new\nline\tDockerfile"
	want := `"new\nline\tDockerfile"`
	if runtime.GOOS == "windows" {
		want = odd
	}
	if got := ShowPath(odd); got != want {
		t.Errorf("ShowPath(%q) = %s, want %s", odd, got, want)
	}
	if got := ShowPath("svc/api/Dockerfile"); got != "svc/api/Dockerfile" {
		t.Errorf("ShowPath of a plain name = %s", got)
	}
}
