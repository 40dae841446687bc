package transform

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestPackageVariables: a system install's package words are expanded
// with the values the file gives their variables at that RUN (review 19,
// finding C), and a word whose value cannot be told gets RS336 with the
// reason, never a silent drop.
func TestPackageVariables(t *testing.T) {
	ctx := fstest.MapFS{
		"requirements.txt": {Data: []byte("requests\n")},
		"app.py":           {Data: []byte("print('hi')\n")},
	}
	for _, c := range []struct {
		name, pre, words string
		install          string // the runtime's packages, "" for no install, "?" unchecked
		why              string // in RS336's message, "" for no RS336
		run, prefix      string // shell text before the RUN's apt-get update, and before its install
	}{
		{"env", "ENV P=ffmpeg\n", "$P", "ffmpeg", "", "", ""},
		{"braced, several", "ENV P=\"ffmpeg libpq-dev gcc\"\n", "${P}", "ffmpeg libpq5", "", "", ""},
		{"arg default", "ARG P=ffmpeg\n", "$P", "ffmpeg", "", "", ""},
		{"global arg default", "ARG P\n", "$P", "ffmpeg", "", "", ""},
		{"joined to a literal", "ENV V=6\n", "libopus-dev libsndfile$V", "libopus0 libsndfile6", "", "", ""},
		{"empty value", "ENV P=\"\"\n", "ffmpeg $P", "ffmpeg", "", "", ""},
		{"arg without default", "ARG Q\n", "ffmpeg $Q", "ffmpeg", "a build argument with no default", "", ""},
		{"arg default unknown", "ARG Q=$NOPE\n", "$Q", "", "a build argument whose default restage cannot expand", "", ""},
		{"unset", "", "ffmpeg $NOPE", "ffmpeg", "a variable the file does not set before this RUN", "", ""},
		{"command substitution", "", "$(cat apt.txt)", "", "an expansion the shell makes", "", ""},
		// A glob is apt's (a version pattern), not a variable: no RS336.
		{"apt's own glob is no variable", "", "ffmpeg=7:5.*", "?", "", "", ""},
		// Variables the RUN's own shell sets before the install (review
		// 19 C's left item).
		{"set in the RUN", "", "$P", "ffmpeg libpq5", "", `P="ffmpeg libpq-dev" && `, ""},
		{"exported in the RUN", "", "$P", "ffmpeg", "", "export P=ffmpeg; ", ""},
		{"the RUN's value over ENV's", "ENV P=curl\n", "$P", "ffmpeg", "", "P=ffmpeg && ", ""},
		{"set from ENV's value", "ENV A=ffmpeg\n", "$P", "ffmpeg libpq5", "", `P="$A libpq-dev" && `, ""},
		{"unset in the RUN", "ENV P=ffmpeg\n", "libpq-dev $P", "libpq5", "", "unset P; ", ""},
		{"set in a branch", "", "ffmpeg $P", "ffmpeg", "a variable the RUN sets where it may not run", "if [ -f x ]; then P=libpq-dev; fi && ", ""},
		{"set after ||", "", "$P", "", "a variable the RUN sets where it may not run", "test -f x || P=ffmpeg; ", ""},
		{"set by a command substitution", "", "$P", "", "an expansion the shell makes", "P=$(cat apt.txt) && ", ""},
		// The shell expands the words before it applies a prefix
		// assignment: $P is not the prefix's value.
		{"a prefix assignment is not its words'", "", "ffmpeg $P", "ffmpeg", "a variable the file does not set before this RUN", "", "P=libpq-dev "},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "ARG P=ffmpeg\nFROM python:3.12-slim\n" + c.pre + "WORKDIR /app\nCOPY . .\n" +
				"RUN " + c.run + "apt-get update && " + c.prefix + "apt-get install -y --no-install-recommends " + c.words + " && rm -rf /var/lib/apt/lists/*\n" +
				"RUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n"
			res, err := Convert([]byte(src), Options{Context: ctx})
			if err != nil || res.Declined != "" {
				t.Fatalf("Convert: %v %s", err, res.Declined)
			}
			out := string(res.Output)
			runtime := out[strings.LastIndex(out, "\nFROM "):]
			want := ""
			if c.install != "" {
				want = "apt-get install -y --no-install-recommends " + c.install + " &&"
			}
			if got := strings.Contains(runtime, "apt-get install"); c.install != "?" && (got != (want != "") || want != "" && !strings.Contains(runtime, want)) {
				t.Errorf("runtime install: want %q in\n%s", want, runtime)
			}
			var why []string
			for _, n := range res.Notes {
				if n.Code == warnPackagesUnknown {
					why = append(why, n.Message)
				}
			}
			switch {
			case c.why == "" && len(why) > 0:
				t.Errorf("unexpected RS336: %q", why)
			case c.why != "" && (len(why) != 1 || !strings.Contains(why[0], c.why)):
				t.Errorf("RS336 = %q, want one with %q", why, c.why)
			}
		})
	}
}
