package output

import "testing"

// TestQuotePath: the names as `git -c core.quotePath=false ls-files`
// prints them (checked by hand against git 2.x), except a byte that is not
// UTF-8, which git's default quoting escapes too.
func TestQuotePath(t *testing.T) {
	for in, want := range map[string]string{
		"Dockerfile":         "Dockerfile",
		"svc/a b/Dockerfile": "svc/a b/Dockerfile",
		"café/Dockerfile":    "café/Dockerfile",
		"new\nline":          `"new\nline"`,
		"tab\tx":             `"tab\tx"`,
		`quo"te`:             `"quo\"te"`,
		`back\slash`:         `"back\\slash"`,
		"ctl\x01x":           `"ctl\001x"`,
		"del\x7f":            `"del\177"`,
		"bell\a\b\v\f\r":     `"bell\a\b\v\f\r"`,
		"bad\xffbyte":        `"bad\377byte"`,
	} {
		if got := QuotePath(in); got != want {
			t.Errorf("QuotePath(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestDiffHeadersQuoteNames: a name with a newline stays on its header
// line, quoted whole with its a/ or b/ as git prints it, and a name with a
// space gets git's trailing tab.
func TestDiffHeadersQuoteNames(t *testing.T) {
	for name, want := range map[string]string{
		"new\nline/Dockerfile": "--- \"a/new\\nline/Dockerfile\"\n+++ \"b/new\\nline/Dockerfile\"\n@@ -1 +1 @@\n-a\n+b\n",
		"my app/Dockerfile":    "--- a/my app/Dockerfile\t\n+++ b/my app/Dockerfile\t\n@@ -1 +1 @@\n-a\n+b\n",
	} {
		if got := string(UnifiedDiff(name, []byte("a\n"), []byte("b\n"), false)); got != want {
			t.Errorf("%q: got\n%q\nwant\n%q", name, got, want)
		}
	}
}
