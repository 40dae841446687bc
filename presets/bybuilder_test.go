package presets

import (
	"slices"
	"testing"
)

// node.yaml's build[].by_builder (review 16, finding D): npm 6, bundled
// with node 14 and older, has no --omit, so the prune and the production
// flags follow the builder's major.
func TestNodeNpmByBuilder(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var ci *BuildCommand
	for _, p := range ps {
		for i := range p.Build {
			if p.Name == "node" && p.Build[i].Command == "npm ci" {
				ci = &p.Build[i]
			}
		}
	}
	if ci == nil {
		t.Fatal("the node preset has no npm ci build entry")
	}
	for _, c := range []struct {
		values map[string]string
		prune  string
		omit   bool
	}{
		{map[string]string{"major": "10"}, "npm prune --production", false},
		{map[string]string{"major": "14"}, "npm prune --production", false},
		{map[string]string{"major": "15"}, "npm prune --omit=dev", true},
		{map[string]string{"major": "22"}, "npm prune --omit=dev", true},
		{map[string]string{"major": "140"}, "npm prune --omit=dev", true},
		{map[string]string{"float": "lts"}, "npm prune --omit=dev", true},
	} {
		b := ci.ForBuilder(c.values)
		if b.Prune != c.prune || slices.Contains(b.ProdFlags, "--omit=dev") != c.omit || !slices.Contains(b.ProdFlags, "--production") {
			t.Errorf("%v: prune %q, prod flags %q", c.values, b.Prune, b.ProdFlags)
		}
	}
}
