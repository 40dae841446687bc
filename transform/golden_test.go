package transform

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden want/declined/notes files from the program's output")

// TestGolden runs every testdata/<preset>/<case> through Convert and
// compares the output with want (byte for byte), or for a declined case the
// reason with declined, and the notes with notes.
//
//	go test ./transform -run Golden                 # compare
//	go test ./transform -run Golden/go/basic        # one case
//	go test ./transform -run Golden -update         # rewrite; then read git diff testdata
func TestGolden(t *testing.T) {
	cases := loadCases(t)
	if len(cases) == 0 {
		t.Skip("no golden cases under testdata/*/*")
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			res, err := Convert(c.Input, c.Options)
			if err != nil {
				t.Fatalf("Convert: %v (golden inputs must parse)", err)
			}
			if res == nil {
				t.Fatal("Convert returned a nil Result and no error")
			}
			if *updateGolden {
				updateCase(t, c, res)
				return
			}
			checkGolden(t, c, res)
		})
	}
}

func checkGolden(t *testing.T, c goldenCase, res *Result) {
	switch {
	case c.HasWant && c.HasDeclined:
		t.Errorf("both want and declined exist; keep one")
	case !c.HasWant && !c.HasDeclined:
		t.Errorf("neither want nor declined exists; write one or run with -update")
	case c.HasDeclined:
		wantReason := strings.TrimSpace(string(c.Declined))
		if res.Declined == "" {
			t.Errorf("Declined is empty, want %q; the file was converted:\n%s",
				wantReason, textDiff("input", "output", c.Input, res.Output))
		} else if res.Declined != wantReason {
			t.Errorf("Declined reason:\n got: %q\nwant: %q", res.Declined, wantReason)
		}
		if res.Changed {
			t.Errorf("Changed = true for a declined case")
		}
		if !bytes.Equal(res.Output, c.Input) {
			t.Errorf("a declined case must give the input back; diff input -> output:\n%s",
				textDiff("input", "output", c.Input, res.Output))
		}
	default: // want
		if res.Declined != "" {
			t.Errorf("declined (%q), want a conversion", res.Declined)
		}
		if d := textDiff(filepath.Join(c.Name, "want"), "output", c.Want, res.Output); d != "" {
			t.Errorf("output differs from want (- want, + got; columns: want line, got line):\n%s", d)
		}
		if !res.Changed && !bytes.Equal(c.Want, c.Input) {
			t.Errorf("Changed = false but want differs from the input")
		}
	}

	gotNotes := notesText(res.Notes)
	wantNotes := ""
	if c.HasNotes {
		wantNotes = normalizeNotes(string(c.Notes))
	}
	if gotNotes != wantNotes {
		t.Errorf("notes differ (- want, + got):\n%s",
			textDiff(filepath.Join(c.Name, "notes"), "notes", []byte(wantNotes), []byte(gotNotes)))
	}
}

// notesText is the notes file content for notes: one Note.String() a line.
func notesText(notes []Note) string {
	var sb strings.Builder
	for _, n := range notes {
		sb.WriteString(n.String())
		sb.WriteByte('\n')
	}
	return sb.String()
}

// normalizeNotes makes a hand-written notes file comparable: CRLF to LF,
// trailing blank lines dropped, and a final newline.
func normalizeNotes(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimRight(s, "\n \t")
	if s == "" {
		return ""
	}
	return s + "\n"
}

// updateCase rewrites want/declined/notes of c from res.
func updateCase(t *testing.T, c goldenCase, res *Result) {
	t.Helper()
	write := func(name string, data []byte) {
		p := filepath.Join(c.Dir, name)
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, data) {
			return
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", p)
	}
	remove := func(name string) {
		p := filepath.Join(c.Dir, name)
		err := os.Remove(p)
		switch {
		case err == nil:
			t.Logf("removed %s", p)
		case !errors.Is(err, os.ErrNotExist):
			t.Fatal(err)
		}
	}
	if res.Declined != "" {
		write("declined", []byte(res.Declined+"\n"))
		remove("want")
	} else {
		write("want", res.Output)
		remove("declined")
	}
	if len(res.Notes) > 0 {
		write("notes", []byte(notesText(res.Notes)))
	} else {
		remove("notes")
	}
}
