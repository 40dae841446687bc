package transform

import "testing"

// globsList decides whether an install's folder is a workspace member,
// and so whether the runtime copies the root or the folder alone.
func TestGlobsList(t *testing.T) {
	cases := []struct {
		globs []string
		rel   string
		want  bool
	}{
		{[]string{"apps/*", "packages/*"}, "apps/api", true},
		{[]string{"packages/*"}, "apps/api", false},
		{[]string{"./apps/api/"}, "apps/api", true},
		{[]string{"packages/**"}, "packages/server/api", true},
		{[]string{"**"}, "apps/api", true},
		{[]string{"apps/*"}, "apps/api/src", false},
		{[]string{"apps/*", "!apps/api"}, "apps/api", false},
		{[]string{"!apps/api", "apps/*"}, "apps/api", false},
		{[]string{"apps/[a-z]*"}, "apps/api", true},
	}
	for _, c := range cases {
		if got := globsList(c.globs, c.rel); got != c.want {
			t.Errorf("globsList(%q, %q) = %v, want %v", c.globs, c.rel, got, c.want)
		}
	}
}

// memberGlobs reads both shapes of package.json's workspaces.
func TestMemberGlobs(t *testing.T) {
	if g, ok := memberGlobs(map[string]any{"packages": []any{"a/*"}, "nohoist": []any{"**/x"}}); !ok || len(g) != 1 || g[0] != "a/*" {
		t.Errorf("yarn's {packages} form: %q %v", g, ok)
	}
	if _, ok := memberGlobs("apps/*"); ok {
		t.Errorf("a string is no list of globs")
	}
	if _, ok := memberGlobs(nil); ok {
		t.Errorf("a missing key makes no workspace")
	}
}
