package presets

import "testing"

// TestGradleImageUser: the gradle images up to 5.4 run as user gradle, the
// later ones and the floating JDK tags as root (java.yaml's variant user),
// and the old tags still give the Java version and the image's WORKDIR.
func TestGradleImageUser(t *testing.T) {
	java := builtinPreset(t, "java")
	if java == nil {
		t.Fatal("no java preset")
	}
	cases := []struct{ tag, user, java string }{
		{"4.10.3-jdk8", "gradle", "8"},
		{"4-jdk8-alpine", "gradle", "8"},
		{"5.0-jdk11", "gradle", "11"},
		{"5.4.1-jre11-slim", "gradle", "11"},
		{"4.10", "gradle", ""},
		{"5.4-alpine", "gradle", ""},
		{"5.5-jdk11", "", "11"},
		{"5.6.4-jdk8", "", "8"},
		{"6.9-jdk11", "", "11"},
		{"8.10-jdk21", "", "21"},
		{"jdk8", "", "8"},
		{"5.5", "", ""},
		{"45.1-jdk21", "", "21"},
	}
	for _, c := range cases {
		v := java.VariantFor("gradle", c.tag)
		if v.User != c.user {
			t.Errorf("gradle:%s: user %q, want %q", c.tag, v.User, c.user)
		}
		if got := v.TagValues(c.tag)["java"]; got != c.java {
			t.Errorf("gradle:%s: java %q, want %q", c.tag, got, c.java)
		}
		if v.Workdir != "/home/gradle" {
			t.Errorf("gradle:%s: workdir %q", c.tag, v.Workdir)
		}
	}
}
