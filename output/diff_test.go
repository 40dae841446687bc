package output

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gnuDiffs runs GNU diff once over all pairs (diff -r on two folders,
// file i holding pair i) with the given options, and returns for each
// pair the output without the header lines ("" for equal files).
func gnuDiffs(t *testing.T, pairs [][2]string, opts ...string) []string {
	t.Helper()
	dir := t.TempDir()
	da, db := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Mkdir(da, 0o755)
	os.Mkdir(db, 0o755)
	name := func(i int) string { return fmt.Sprintf("%05d", i) }
	for i, p := range pairs {
		if err := os.WriteFile(filepath.Join(da, name(i)), []byte(p[0]), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(db, name(i)), []byte(p[1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("diff", append(append([]string{"-r"}, opts...), "a", "b")...)
	cmd.Dir = dir
	out, err := cmd.Output()
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		t.Fatalf("diff -r: %v", err)
	}
	// Every file's diff starts with "diff -r ... a/NAME b/NAME", then the
	// --- and +++ lines; no line of a hunk starts with "diff ".
	res := make([]string, len(pairs))
	cur, skip := -1, 0
	for _, l := range splitLines(string(out)) {
		if strings.HasPrefix(l, "diff ") {
			f := strings.Fields(l)
			n, err := strconv.Atoi(filepath.Base(f[len(f)-1]))
			if err != nil {
				t.Fatalf("diff -r header %q", l)
			}
			cur, skip = n, 2
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		res[cur] += l
	}
	return res
}

// gnuAlignment rebuilds the whole line diff GNU diff chose from its
// diff -u output for a (body without headers): the lines outside the
// hunks are equal lines.
func gnuAlignment(t *testing.T, a, body string) []diffLine {
	t.Helper()
	old := splitLines(a)
	var lines []diffLine
	next := 0 // next line of a not yet placed
	for _, l := range splitLines(body) {
		switch {
		case strings.HasPrefix(l, "@@ -"):
			r := strings.Fields(l)[1][1:]
			start, _, _ := strings.Cut(r, ",")
			n, err := strconv.Atoi(start)
			if err != nil {
				t.Fatalf("hunk header %q", l)
			}
			if strings.HasSuffix(r, ",0") {
				n++ // an empty range names the line before
			}
			for ; next < n-1; next++ {
				lines = append(lines, diffLine{' ', old[next]})
			}
		case strings.HasPrefix(l, "\\"):
			last := &lines[len(lines)-1]
			last.text = strings.TrimSuffix(last.text, "\n")
		default:
			lines = append(lines, diffLine{l[0], l[1:]})
			if l[0] != '+' {
				next++
			}
		}
	}
	for ; next < len(old); next++ {
		lines = append(lines, diffLine{' ', old[next]})
	}
	return lines
}

func ourHunks(a, b string) string {
	if a == b {
		return ""
	}
	var buf bytes.Buffer
	writeHunks(&buf, diffLines(a, b), false)
	return buf.String()
}

// applyDiff rebuilds both files from a line diff.
func applyDiff(lines []diffLine) (a, b string) {
	var sa, sb strings.Builder
	for _, l := range lines {
		if l.kind != '+' {
			sa.WriteString(l.text)
		}
		if l.kind != '-' {
			sb.WriteString(l.text)
		}
	}
	return sa.String(), sb.String()
}

func changedLines(lines []diffLine) (n int) {
	for _, l := range lines {
		if l.kind != ' ' {
			n++
		}
	}
	return n
}

// randomText makes a file of short lines from a small alphabet, so that
// equal lines recur, sometimes without a final newline.
func randomText(r *rand.Rand, alphabet int, n int) string {
	var sb strings.Builder
	for range n {
		fmt.Fprintf(&sb, "%c\n", 'a'+r.Intn(alphabet))
	}
	s := sb.String()
	if s != "" && r.Intn(4) == 0 {
		s = strings.TrimSuffix(s, "\n")
	}
	return s
}

// mutate edits lines of s: deletes, inserts and replacements.
func mutate(r *rand.Rand, s string, alphabet int) string {
	lines := splitLines(s)
	edits := r.Intn(6)
	for range edits {
		pos := 0
		if len(lines) > 0 {
			pos = r.Intn(len(lines) + 1)
		}
		switch r.Intn(3) {
		case 0:
			if pos < len(lines) {
				lines = append(lines[:pos], lines[pos+1:]...)
			}
		case 1:
			l := fmt.Sprintf("%c\n", 'A'+r.Intn(alphabet))
			lines = append(lines[:pos], append([]string{l}, lines[pos:]...)...)
		case 2:
			if pos < len(lines) {
				lines[pos] = fmt.Sprintf("%c%c\n", 'a'+r.Intn(alphabet), 'a'+r.Intn(alphabet))
			}
		}
	}
	out := strings.Join(lines, "")
	if out != "" && r.Intn(3) == 0 {
		if strings.HasSuffix(out, "\n") {
			out = strings.TrimSuffix(out, "\n")
		} else {
			out += "\n"
		}
	}
	return out
}

func needDiff(t *testing.T) {
	t.Helper()
	out, err := exec.Command("diff", "--version").Output()
	if err != nil || !strings.Contains(string(out), "GNU diffutils") {
		t.Skip("GNU diff is not on PATH")
	}
}

// TestDiffMatchesGNUDiff runs the whole diff (go-diff, the boundary
// shift, the hunk formatter) against GNU diff -u on random files and
// random edits of them, empty files and files without a final newline
// included.
//
// Where every line is distinct, the shortest diff is unique and the
// output must be byte-identical. Where lines repeat, there are often
// several shortest diffs that pair different equal lines, and go-diff's
// Myers search and GNU's (which also sets aside lines unique to one file
// first) break those ties differently; there the check is that our diff
// rebuilds both files and changes no more lines than GNU's, and that it
// is byte-identical whenever the two tools pair the same lines.
func TestDiffMatchesGNUDiff(t *testing.T) {
	needDiff(t)
	r := rand.New(rand.NewSource(1))
	var pairs [][2]string
	for i := range 400 {
		var a, b string
		switch {
		case i%2 == 0: // distinct lines
			a = distinctText(r, r.Intn(60))
			b = mutate(r, a, 1000)
		case i%4 == 1:
			a = randomText(r, []int{3, 5, 10, 30}[i/4%4], r.Intn(60))
			b = mutate(r, a, 5)
		default:
			a = randomText(r, 1+r.Intn(5), r.Intn(30))
			b = randomText(r, 1+r.Intn(5), r.Intn(30))
		}
		switch i % 50 {
		case 0:
			a = ""
		case 1:
			b = ""
		case 2:
			a, b = "", ""
		}
		pairs = append(pairs, [2]string{a, b})
	}
	wants := gnuDiffs(t, pairs, "-u")
	identical := 0
	for i, p := range pairs {
		a, b := p[0], p[1]
		want, got := wants[i], ourHunks(a, b)
		if got == want {
			identical++
			continue
		}
		ours, gnu := diffLines(a, b), gnuAlignment(t, a, want)
		if ra, rb := applyDiff(ours); ra != a || rb != b {
			t.Fatalf("pair %d: the diff does not rebuild the files\na=%q\nb=%q", i, a, b)
		}
		if i%2 == 0 || changedLines(ours) > changedLines(gnu) || fmt.Sprint(ours) == fmt.Sprint(gnu) {
			t.Fatalf("pair %d differs\na=%q\nb=%q\n--- want (GNU diff -u)\n%s--- got\n%s", i, a, b, want, got)
		}
	}
	t.Logf("%d of %d pairs byte-identical to GNU diff -u; the others are equally short diffs", identical, len(pairs))
}

// distinctText makes n distinct lines, sometimes without a final newline.
func distinctText(r *rand.Rand, n int) string {
	var sb strings.Builder
	for _, k := range r.Perm(1000)[:n] {
		fmt.Fprintf(&sb, "line %d\n", k)
	}
	s := sb.String()
	if s != "" && r.Intn(4) == 0 {
		s = strings.TrimSuffix(s, "\n")
	}
	return s
}

// TestFormatterMatchesGNUDiff checks the hunk formatter alone: fed the
// line alignment GNU diff chose, it must print what diff -u prints, on
// unrelated random files where many equally short diffs exist.
func TestFormatterMatchesGNUDiff(t *testing.T) {
	needDiff(t)
	r := rand.New(rand.NewSource(2))
	var pairs [][2]string
	for i := range 400 {
		a := randomText(r, 1+r.Intn(6), r.Intn(40))
		b := randomText(r, 1+r.Intn(6), r.Intn(40))
		switch {
		case i%3 == 0:
			b = mutate(r, a, 3)
		case i%40 == 1:
			a = ""
		case i%40 == 2:
			b = ""
		}
		pairs = append(pairs, [2]string{a, b})
	}
	wants := gnuDiffs(t, pairs, "-u")
	for i, p := range pairs {
		gnu := gnuAlignment(t, p[0], wants[i])
		if ra, rb := applyDiff(gnu); ra != p[0] || rb != p[1] {
			t.Fatalf("pair %d: alignment read back wrong\na=%q\nb=%q\n%s", i, p[0], p[1], wants[i])
		}
		var buf bytes.Buffer
		writeHunks(&buf, gnu, false)
		if buf.String() != wants[i] {
			t.Fatalf("pair %d differs\na=%q\nb=%q\n--- want (GNU diff -u)\n%s--- got\n%s", i, pairs[i][0], pairs[i][1], wants[i], buf.String())
		}
	}
}

func TestUnifiedDiffExamples(t *testing.T) {
	cases := []struct{ name, a, b, want string }{
		{"one line changed", "a\nb\nc\n", "a\nB\nc\n",
			"@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"from empty", "", "x\n",
			"@@ -0,0 +1 @@\n+x\n"},
		{"to empty", "x\ny\n", "",
			"@@ -1,2 +0,0 @@\n-x\n-y\n"},
		{"final newline added", "a\nb", "a\nb\n",
			"@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"},
		{"append at end", "1\n2\n3\n4\n5\n", "1\n2\n3\n4\n5\n6\n",
			"@@ -3,3 +3,4 @@\n 3\n 4\n 5\n+6\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ny\n",
			"@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+y\n"},
		{"six equal lines join hunks", "1\n2\n3\n4\n5\n6\n7\n8\n", "x\n2\n3\n4\n5\n6\n7\ny\n",
			"@@ -1,8 +1,8 @@\n-1\n+x\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+y\n"},
		{"inserted line slides down like GNU diff", "a\nb\nb\nc\n", "a\nb\nb\nb\nc\n",
			"@@ -1,4 +1,5 @@\n a\n b\n b\n+b\n c\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ourHunks(c.a, c.b)
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
	got := string(UnifiedDiff("./dir/Dockerfile", []byte("a\n"), []byte("b\n"), false))
	want := "--- a/dir/Dockerfile\n+++ b/dir/Dockerfile\n@@ -1 +1 @@\n-a\n+b\n"
	if got != want {
		t.Errorf("headers: got\n%s\nwant\n%s", got, want)
	}
	if d := UnifiedDiff("x", []byte("same\n"), []byte("same\n"), false); d != nil {
		t.Errorf("equal files: got %q, want nothing", d)
	}
	col := string(UnifiedDiff("x", []byte("a\n"), []byte("b\n"), true))
	for _, s := range []string{colorBold + "--- a/x" + colorReset + "\n", colorCyan + "@@ -1 +1 @@" + colorReset, colorRed + "-a" + colorReset, colorGreen + "+b" + colorReset} {
		if !strings.Contains(col, s) {
			t.Errorf("coloured diff %q lacks %q", col, s)
		}
	}
}

// splitLines cuts s after every "\n"; a last line without one is kept.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n') + 1
		if i == 0 {
			i = len(s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}
