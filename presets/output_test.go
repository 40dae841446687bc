package presets

import (
	"strings"
	"testing"
)

// The jar Maven's build writes, read from pom.xml by the java preset's
// build output (review 6, finding H).
func TestMavenOutputName(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var o *OutputNames
	for _, p := range all {
		for _, b := range p.Build {
			if p.Name == "java" && b.Command == "mvn" && b.Output != nil {
				o = b.Output
			}
		}
	}
	if o == nil {
		t.Fatal("the java preset's mvn build has no output")
	}
	parent := "<parent><groupId>g</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.0</version></parent>"
	dep := "<dependencies><dependency><artifactId>lib</artifactId><version>9</version></dependency></dependencies>"
	cases := []struct {
		name, pom, want string // want "": cannot be told
	}{
		{"artifactId and version", "<project>" + parent + "<artifactId>web</artifactId><version>1.0</version>" + dep + "</project>", "web-1.0"},
		{"trimmed", "<project><artifactId>\n  web\n</artifactId><version>\n  1.0\n</version></project>", "web-1.0"},
		{"version from the parent", "<project>" + parent + "<artifactId>web</artifactId>" + dep + "</project>", "web-3.2.0"},
		{"finalName", "<project><artifactId>web</artifactId><version>1</version><build><finalName> app </finalName></build></project>", "app"},
		{"a property", "<project><artifactId>web</artifactId><version>${revision}</version></project>", ""},
		{"modules", "<project><artifactId>web</artifactId><version>1</version><modules><module>a</module></modules></project>", ""},
		{"a plugin's finalName", "<project><artifactId>web</artifactId><version>1</version><build><plugins><plugin><configuration><finalName>x</finalName></configuration></plugin></plugins></build></project>", ""},
		{"no artifactId", "<project><version>1</version></project>", ""},
		{"not XML", "<project><artifactId>web</artifactId", ""},
		// 1 MiB of nested elements, which once cost the square of the
		// file's size: the name above them is still read.
		{"deeply nested", "<project><artifactId>web</artifactId><version>1</version><properties>" + strings.Repeat("<a>", 75000) + strings.Repeat("</a>", 75000) + "</properties></project>", "web-1"},
		{"deeply nested, unclosed", "<project><artifactId>web</artifactId><version>1</version>" + strings.Repeat("<a>", 1<<20/3), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := o.BaseName([]byte(c.pom))
			if !ok {
				got = ""
			}
			if got != c.want {
				t.Errorf("BaseName = %q, want %q", got, c.want)
			}
		})
	}
	for file, want := range map[string]bool{"web-1.0.jar": true, "web-1.0-jar-with-dependencies.jar": true, "demo-1.0.jar": false, "web-1.0x.jar": false, "web-1.0.war": true} {
		if got := o.Writes("web-1.0", file); got != want {
			t.Errorf("Writes(web-1.0, %s) = %v, want %v", file, got, want)
		}
	}
}
