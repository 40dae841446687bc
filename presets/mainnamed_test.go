package presets

import "testing"

// The gradle run runner's requires_named: a name the build file binds
// once, at its top level, to a string literal counts as the literal;
// one bound inside a block, twice, or to no literal does not (review 28,
// finding D).
func TestGradleMainClassByName(t *testing.T) {
	var kts, groovy *NamedMatch
	for _, r := range builtinPreset(t, "java").Runners {
		if r.Dist == nil {
			continue
		}
		for i := range r.Dist.RequiresNamed {
			switch m := &r.Dist.RequiresNamed[i]; m.File {
			case "build.gradle.kts":
				kts = m
			case "build.gradle":
				groovy = m
			}
		}
	}
	if kts == nil || groovy == nil {
		t.Fatal("java.yaml's gradle run runner has no requires_named for build.gradle.kts and build.gradle")
	}
	cases := []struct {
		name      string
		m         *NamedMatch
		src       string
		wantName  string
		wantBound bool
	}{
		{"kotlin val", kts, "val main = \"a.MainKt\"\napplication {\n    mainClass.set(main)\n}\n", "main", true},
		{"kotlin typed val", kts, "val main: String = \"a.MainKt\"\napplication { mainClass.set(main) }\n", "main", true},
		{"kotlin val in a block", kts, "object C {\n    val main = \"a.MainKt\"\n}\napplication { mainClass.set(main) }\n", "main", false},
		{"kotlin val twice", kts, "val main = \"a.MainKt\"\nval main = \"b.MainKt\"\napplication { mainClass.set(main) }\n", "main", false},
		{"kotlin property delegate", kts, "val main: String by project\napplication { mainClass.set(main) }\n", "main", false},
		{"kotlin other name bound", kts, "val other = \"a.MainKt\"\napplication { mainClass.set(main) }\n", "main", false},
		{"kotlin expression", kts, "application { mainClass.set(providers.gradleProperty(\"m\").get()) }\n", "", false},
		{"groovy def", groovy, "def appMain = 'a.Main'\napplication {\n    mainClassName = appMain\n}\n", "appMain", true},
		{"groovy plain assignment", groovy, "appMain = \"a.Main\"\napplication { mainClass = appMain }\n", "appMain", true},
		{"groovy interpolated", groovy, "def appMain = \"${group}.Main\"\napplication { mainClass = appMain }\n", "appMain", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, name, bound := c.m.Resolve([]byte(c.src))
			if name != c.wantName || bound != c.wantBound {
				t.Errorf("Resolve = name %q bound %v, want %q %v", name, bound, c.wantName, c.wantBound)
			}
		})
	}
}
