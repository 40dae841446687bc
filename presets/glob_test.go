package presets

import (
	"path"
	"testing"
)

// globMatch must say what path.Match says, for the globs the presets
// write and for the ones it hands to path.Match.
func TestGlobMatch(t *testing.T) {
	globs := []string{"", "*", "**", "node_modules", ".*", "_*", "*_test.go", "*.test.*", "*.d.ts",
		"setupTests.*", "a*b*c", "a*b*b", "*ab*ab*", "*a", "a*", "ab*ba", "test_*.py", "*.spec.*",
		"a?c", "[ab]*", `\*x`, "[", "a/*", "*/b", "lib*-dev"}
	names := []string{"", "a", "ab", "abc", "aXbYc", "abba", "aba", "abab", "ababab", "cab",
		"node_modules", ".git", ".", "_x", "x_test.go", "_test.go", "a.test.js", ".test.", "test",
		"foo.d.ts", "d.ts", "setupTests.js", "setupTests", "test_x.py", "test_.py", "a.spec.ts",
		"*x", "a/b", "x/b", "a/c", "libssl-dev", "lib-dev", "abcbc", "aXbXb", "a.b.c"}
	for _, g := range globs {
		for _, n := range names {
			want, _ := path.Match(g, n)
			if got := globMatch(g, n); got != want {
				t.Errorf("globMatch(%q, %q) = %v, path.Match says %v", g, n, got, want)
			}
		}
	}
}
