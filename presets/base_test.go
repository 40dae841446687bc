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

// TestInterpreterNamesTogether: the names a preset gives its interpreter
// (python and python3, node and nodejs) are links to one program in the
// images that have it, so a built-in runtime that lists one of them as a
// tool lists them all. Review 8, finding C: the python runtimes listed
// python only, and a HEALTHCHECK running python3 was declined (RS235).
func TestInterpreterNamesTogether(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		for i := range p.Runtimes {
			r := &p.Runtimes[i]
			var has, lacks []string
			for _, name := range p.Interpreters {
				if r.HasTool(name) {
					has = append(has, name)
				} else {
					lacks = append(lacks, name)
				}
			}
			if len(has) > 0 && len(lacks) > 0 {
				t.Errorf("%s runtime %s (%s) has %v but not %v", p.Name, r.Flavor, r.Image, has, lacks)
			}
		}
	}
}
