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

// TestPathGlobMatch holds pathGlobMatch equal to path.Match (a bad
// pattern counting as no match) over the path globs the presets write
// and a few that test its literal-prefix shortcut.
func TestPathGlobMatch(t *testing.T) {
	globs := []string{"/etc/apt/sources.list.d/*", "/etc/apt/sources.list", "/etc/apk/repositories",
		"project/modules", "project/build/*/plugin/configuration/finalName",
		"project/build/pluginManagement/plugins/plugin/executions/execution/configuration/*",
		"/etc/apt/[s]ources.list", `/etc/apt/\*`, "/etc/?pt/x", "[", "a/[b", ""}
	names := []string{"/etc/apt/sources.list.d/nodesource.list", "/etc/apt/sources.list", "/etc/apt/sources.list.d",
		"/etc/apt/sources.list.d/a/b", "/etc/apk/repositories", "/etc/apt/*", "/etc/apt/x", "/app/etc/apt/sources.list",
		"project/modules", "project/build/plugins/plugin/configuration/finalName",
		"project/build/plugins/plugin/configuration", "project/build/pluginManagement/plugins/plugin/executions/execution/configuration/x",
		"[", "a/[b", "", "project"}
	for _, g := range globs {
		for _, n := range names {
			want, _ := path.Match(g, n)
			if got := pathGlobMatch(g, n); got != want {
				t.Errorf("pathGlobMatch(%q, %q) = %v, path.Match says %v", g, n, got, want)
			}
		}
	}
}
