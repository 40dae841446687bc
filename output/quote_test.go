package output

import "testing"

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
