package diffmatchpatch

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	upstream "github.com/sergi/go-diff/diffmatchpatch"
)

// same fails unless the copy's line diff of a and b is upstream's, as
// output called it before the copy (no time limit, checklines false).
func same(t *testing.T, name, a, b string) {
	t.Helper()
	dmp := upstream.New()
	dmp.DiffTimeout = 0
	ua, ub, ulines := dmp.DiffLinesToRunes(a, b)
	want := dmp.DiffMainRunes(ua, ub, false)
	ra, rb, lines := DiffLinesToRunes(a, b)
	got := DiffMainRunes(ra, rb)
	if !reflect.DeepEqual(ra, ua) || !reflect.DeepEqual(rb, ub) || !reflect.DeepEqual(lines, ulines) {
		t.Fatalf("%s: DiffLinesToRunes differs from upstream", name)
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d diffs, upstream %d", name, len(got), len(want))
	}
	for i := range got {
		if int8(got[i].Type) != int8(want[i].Type) || got[i].Text != want[i].Text {
			t.Fatalf("%s: diff %d is %d %q, upstream %d %q", name, i, got[i].Type, got[i].Text, want[i].Type, want[i].Text)
		}
	}
}

// Every golden's input against its expected output, as restage -d diffs them.
func TestSameAsUpstreamGoldens(t *testing.T) {
	wants, err := filepath.Glob("../../../testdata/*/*/want")
	if err != nil || len(wants) < 100 {
		t.Fatalf("goldens: %d, %v", len(wants), err)
	}
	for _, w := range wants {
		a, err := os.ReadFile(filepath.Join(filepath.Dir(w), "Dockerfile"))
		if err != nil {
			continue
		}
		b, err := os.ReadFile(w)
		if err != nil {
			t.Fatal(err)
		}
		same(t, w, string(a), string(b))
		same(t, w+" reversed", string(b), string(a))
	}
}

// Random texts over a few distinct lines, so that the diffs are long and
// full of moves, repeats and empty or unterminated last lines.
func TestSameAsUpstreamRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	words := []string{"a\n", "b\n", "c\n", "\n", "RUN x\n", "é\n", "a"}
	text := func() string {
		var s strings.Builder
		for range r.Intn(60) {
			s.WriteString(words[r.Intn(len(words))])
		}
		return s.String()
	}
	for i := range 3000 {
		same(t, "random "+string(rune('0'+i%10)), text(), text())
	}
}
