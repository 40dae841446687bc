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
	}{
		{"env", "ENV P=ffmpeg\n", "$P", "ffmpeg", ""},
		{"braced, several", "ENV P=\"ffmpeg libpq-dev gcc\"\n", "${P}", "ffmpeg libpq5", ""},
		{"arg default", "ARG P=ffmpeg\n", "$P", "ffmpeg", ""},
		{"global arg default", "ARG P\n", "$P", "ffmpeg", ""},
		{"joined to a literal", "ENV V=6\n", "libopus-dev libsndfile$V", "libopus0 libsndfile6", ""},
		{"empty value", "ENV P=\"\"\n", "ffmpeg $P", "ffmpeg", ""},
		{"arg without default", "ARG Q\n", "ffmpeg $Q", "ffmpeg", "a build argument with no default"},
		{"arg default unknown", "ARG Q=$NOPE\n", "$Q", "", "a build argument whose default restage cannot expand"},
		{"unset", "", "ffmpeg $NOPE", "ffmpeg", "a variable the file does not set before this RUN"},
		{"command substitution", "", "$(cat apt.txt)", "", "an expansion the shell makes"},
		// A glob is apt's (a version pattern), not a variable: no RS336.
		{"apt's own glob is no variable", "", "ffmpeg=7:5.*", "?", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "ARG P=ffmpeg\nFROM python:3.12-slim\n" + c.pre + "WORKDIR /app\nCOPY . .\n" +
				"RUN apt-get update && apt-get install -y --no-install-recommends " + c.words + " && rm -rf /var/lib/apt/lists/*\n" +
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
