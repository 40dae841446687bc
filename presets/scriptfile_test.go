package presets

import (
	"strings"
	"testing"
)

// TestScriptFile reads the file after java's -jar as the launcher does
// (review round 5, finding E): options after -jar are options, one that
// takes a value takes the next word unless that word is an option, and
// the first other word is the jar. A class path option there runs a class
// instead (OpenJDK 17: java -jar -cp lib app.jar says "Could not find or
// load main class app.jar"), as -m runs a module: the file is unknown.
func TestScriptFile(t *testing.T) {
	java := builtinPreset(t, "java")
	if java == nil {
		t.Fatal("no java preset")
	}
	cases := []struct {
		cmd, file, decline string
	}{
		{"java -jar app.jar --server.port=8081", "app.jar", ""},
		{"java -jar -Dx=y app.jar", "app.jar", ""},
		{"java -Xmx1g -jar -Dx=y -Xss1m app.jar -Dnot=an-option", "app.jar", ""},
		{"java -jar --add-opens java.base/java.lang=ALL-UNNAMED app.jar", "app.jar", ""},
		{"java -jar -Dx=y --add-modules java.sql app.jar", "app.jar", ""},
		{"java -jar -cp lib app.jar", "", "-cp"},
		{"java -jar --class-path=lib app.jar", "", "--class-path=lib"},
		{"java -jar -m mod/com.example.Main app.jar", "", "-m"},
		{"java -jar -Dx=y", "", ""},
	}
	for _, c := range cases {
		words := strings.Fields(c.cmd)
		i := 0
		for words[i] != java.ScriptFlag {
			i++
		}
		at, decl := java.ScriptFile(words, i)
		got := ""
		if at >= 0 {
			got = words[at]
		}
		if got != c.file || decl != c.decline {
			t.Errorf("%s: file %q, decline %q; want %q, %q", c.cmd, got, decl, c.file, c.decline)
		}
	}
	// A preset whose interpreter takes the file right after the flag.
	plain := &Preset{ScriptFlag: "-f"}
	if at, _ := plain.ScriptFile([]string{"x", "-f", "-odd", "y"}, 1); at != 2 {
		t.Errorf("without script_options the file is the next word; got index %d", at)
	}
}
