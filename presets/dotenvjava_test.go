package presets

import (
	"slices"
	"testing"
)

// TestJavaDotenvReads: java.yaml reads dotenv-java's Dotenv.load() and
// Dotenv.configure()...load() as reads of .env in the working folder, or
// of the file filename(...) names, whatever else the chain says, except a
// directory(...) naming another folder (review 18, finding A).
func TestJavaDotenvReads(t *testing.T) {
	rf := builtinPreset(t, "java").RunFiles
	for _, c := range []struct {
		name, call string
		want       []string
	}{
		{"load", `Dotenv.load()`, []string{".env"}},
		{"configure load", `Dotenv.configure().load()`, []string{".env"}},
		{"optional, on lines", "Dotenv.configure()\n        .ignoreIfMissing()\n        .ignoreIfMalformed()\n        .load()", []string{".env"}},
		{"the working folder named", `Dotenv.configure().directory("./").systemProperties().load()`, []string{".env"}},
		{"filename", `Dotenv.configure().filename("bot.env").load()`, []string{"bot.env"}},
		{"filename after options", `Dotenv.configure().ignoreIfMissing().directory(".").filename("bot.env").ignoreIfMalformed().load()`, []string{"bot.env"}},
		{"another folder", `Dotenv.configure().directory("/etc/bot").load()`, nil},
		{"another folder and a filename", `Dotenv.configure().directory("config").filename("bot.env").load()`, nil},
		{"a folder by a name", `Dotenv.configure().directory(dir).load()`, nil},
		{"a filename by a name", `Dotenv.configure().filename(name).load()`, nil},
		{"no load", `Dotenv.configure().filename("bot.env")`, nil},
		{"another class", `Config.load()`, nil},
	} {
		src := []byte("class Main {\n    void main() {\n        var env = " + c.call + ";\n    }\n}\n")
		var got []string
		for i := range rf.Reads {
			files, _, ok := rf.Reads[i].ReadFiles(src, rf.Bindings)
			for _, f := range files {
				if ok {
					got = append(got, f.Name)
				}
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %s reads %q, want %q", c.name, c.call, got, c.want)
		}
	}
}
