package presets

import (
	"strings"
	"testing"
)

// TestRuntimeBase: a runtime's base programs count as programs it has
// (review round 5, finding F), and a base must name its programs and say
// what they are.
func TestRuntimeBase(t *testing.T) {
	head := "name: x\ndetect:\n  images: [x]\nruntimes:\n  - flavor: a\n    libc: none\n    image: a\n    shell: true\n"
	p, err := Parse("p.yaml", []byte(head+"    base:\n      what: the base's programs\n      programs: [chmod, halt]\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := &p.Runtimes[0]
	if !r.HasTool("chmod") || !r.HasTool("sh") || r.HasTool("curl") {
		t.Errorf("HasTool: chmod %v, sh %v, curl %v; want true, true, false", r.HasTool("chmod"), r.HasTool("sh"), r.HasTool("curl"))
	}
	for _, bad := range []string{"    base:\n      programs: [chmod]\n", "    base:\n      what: x\n"} {
		_, err := Parse("p.yaml", []byte(head+bad))
		if err == nil || !strings.Contains(err.Error(), "base needs what") {
			t.Errorf("%q: error %v, want one saying base needs what and programs", bad, err)
		}
	}
}
