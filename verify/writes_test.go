package verify

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestReduceWrites(t *testing.T) {
	got, err := reduceWrites([]string{
		"C /app", "A /app/internal.db", // the folder changed because the file was added
		"C /tmp", "A /tmp/cache", "A /tmp/cache/ab12", "A /tmp/cache/ab12/x", // one new folder
		"C /etc", "D /etc/motd",
		"C /var/log", // a folder changed with nothing listed in it: its own change
	})
	want := []string{"A /app/internal.db", "D /etc/motd", "A /tmp/cache", "C /var/log"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("reduceWrites = %q, %v; want %q", got, err, want)
	}
	if got, err := reduceWrites(nil); err != nil || got == nil || len(got) != 0 {
		t.Errorf("reduceWrites(nil) = %#v, %v; want []", got, err)
	}
	for _, bad := range []string{"X /app", "A app", "A", "A  /x"} {
		if _, err := reduceWrites([]string{bad}); err == nil || !strings.Contains(err.Error(), "docker diff: unexpected line") {
			t.Errorf("reduceWrites(%q): %v, want an error", bad, err)
		}
	}
}

// TestCompareWrites: which writes one image made alone are compared and
// which are not, and how a difference reads.
func TestCompareWrites(t *testing.T) {
	dirs := func(d ...string) map[string]bool {
		m := map[string]bool{"/": true}
		for _, x := range d {
			m[x] = true
		}
		return m
	}
	o := &ImageReport{User: "", dirs: dirs("/app", "/app/target", "/root", "/home", "/home/node", "/home/node/app", "/tmp")}
	c := &ImageReport{User: "node", dirs: dirs("/app", "/root", "/home", "/home/node", "/home/node/app", "/tmp")}
	o.Writes = []string{
		"A /app/__pycache__",        // a compile cache
		"A /app/data.db",            // written by both (as a new file here, a changed one there)
		"D /app/stale.lock",         // deleted by the original; the converted image changed it
		"C /app/target/x.class",     // in a folder the converted image does not have
		"A /home/node/app/upload",   // the app's folder in a home: compared
		"A /root/.npm",              // a tool's state in a home
		"A /tmp/node-compile-cache", // a compile cache
	}
	c.Writes = []string{"C /app/data.db", "C /app/stale.lock", "A /home/node/.cache", "A /tmp/out"}
	w := compareWrites(o, c)
	if !slices.Equal(w.OnlyOriginal, []string{"D /app/stale.lock", "A /home/node/app/upload"}) ||
		!slices.Equal(w.OnlyConverted, []string{"C /app/stale.lock", "A /tmp/out"}) || w.Same {
		t.Errorf("only original %q, only converted %q", w.OnlyOriginal, w.OnlyConverted)
	}
	wantIgnored := []IgnoredWrite{
		{"original", "A /app/__pycache__", "a cache of compiled code, rebuilt when missing"},
		{"original", "C /app/target/x.class", "the converted image has no folder /app/target"},
		{"original", "A /root/.npm", "a tool's state in a home folder"},
		{"original", "A /tmp/node-compile-cache", "a cache of compiled code, rebuilt when missing"},
		{"converted", "A /home/node/.cache", "a tool's state in a home folder"},
	}
	if !slices.Equal(w.Ignored, wantIgnored) {
		t.Errorf("ignored:\n%q\nwant\n%q", w.Ignored, wantIgnored)
	}
	want := "the original wrote D /app/stale.lock, A /home/node/app/upload, the converted image did not (it runs as node, the original as root: may it write there?); " +
		"the converted image wrote C /app/stale.lock, A /tmp/out, the original did not"
	if w.Difference != want {
		t.Errorf("difference:\n%s\nwant\n%s", w.Difference, want)
	}

	// Same user: no hint about it; more than three writes are counted.
	o.User, c.User = "node", "node"
	o.Writes, c.Writes = []string{"A /tmp/a", "A /tmp/b", "A /tmp/c", "A /tmp/d"}, []string{}
	if w := compareWrites(o, c); w.Difference != "the original wrote A /tmp/a, A /tmp/b, A /tmp/c and 1 more, the converted image did not" {
		t.Errorf("difference: %s", w.Difference)
	}
	// A VOLUME's mount point, which the engine makes in an image that
	// lacks the folder (the converted image prepared it): not compared.
	o.Writes, c.Writes = []string{"A /public"}, []string{}
	o.volumes, c.volumes = []string{"/public"}, []string{"/public"}
	if w := compareWrites(o, c); !w.Same || len(w.Ignored) != 1 || w.Ignored[0].Reason != "a VOLUME's mount point, which the engine makes when the container starts" {
		t.Errorf("volume mount point: %+v", w)
	}
	o.volumes, c.volumes = nil, nil
	// The JVM's per-user performance counters, renamed by a user change.
	o.Writes, c.Writes = []string{"A /tmp/hsperfdata_root", "A /tmp/hsperfdata_root/1"}, []string{"A /tmp/hsperfdata_nonroot"}
	if w := compareWrites(o, c); !w.Same || len(w.Ignored) != 3 {
		t.Errorf("hsperfdata: %+v", w)
	}
	// go run's work folder, where the original linked its program at
	// start; the converted image built it in its builder. A file the
	// program writes in /tmp beside it is still compared.
	o.Writes, c.Writes = []string{"A /tmp/go-build1234", "A /tmp/go-build1234/b001", "A /tmp/go-build1234/b001/exe/main"}, []string{}
	if w := compareWrites(o, c); !w.Same || len(w.Ignored) != 3 {
		t.Errorf("go-build: %+v", w)
	}
	o.Writes = append(o.Writes, "A /tmp/state.json")
	if w := compareWrites(o, c); w.Same || len(w.OnlyOriginal) != 1 || w.OnlyOriginal[0] != "A /tmp/state.json" {
		t.Errorf("go-build beside a write: %+v", w)
	}
	// Not probed: nothing to compare.
	if w := compareWrites(o, &ImageReport{}); w != nil {
		t.Errorf("not probed: %+v", w)
	}
}

// TestRunWritesSame: both images write the same files, in a probe
// container that is diffed before it is removed.
func TestRunWritesSame(t *testing.T) {
	in, opt, eng := newRun(t)
	diff := []string{"C /app", "A /app/internal.db", "C /tmp", "A /tmp/x"}
	eng.diff = map[string][]string{"original": diff, "converted": diff}
	rep := Run(context.Background(), in, opt)
	if rep.Verdict != VerdictSame {
		t.Fatalf("%s: %s", rep.Verdict, rep.Message)
	}
	want := []string{"A /app/internal.db", "A /tmp/x"}
	if !slices.Equal(rep.Original.Writes, want) || !slices.Equal(rep.Converted.Writes, want) ||
		rep.WritesCompared == nil || !rep.WritesCompared.Same || len(rep.WritesCompared.Ignored) != 0 {
		t.Errorf("writes: %q %q %+v", rep.Original.Writes, rep.Converted.Writes, rep.WritesCompared)
	}
	for _, v := range []string{"original", "converted"} {
		name := strings.ReplaceAll(rep.Original.Image[:strings.LastIndexByte(rep.Original.Image, ':')], "/", "-") + "-" + v + "-run"
		d, r := slices.Index(eng.calls, "diff "+name), slices.Index(eng.calls, "rm "+name)
		if d < 0 || r < d {
			t.Errorf("%s: diff at %d, rm at %d: %q", v, d, r, eng.calls)
		}
	}
	table := string(rep.Table())
	if !hasRow(table, "files written 2 paths 2 paths same") {
		t.Errorf("table:\n%s", table)
	}
}

// TestRunWritesMissing: the original writes a database in its working
// folder and the converted image does not: the bug of a non-root
// runtime that may not write its folder, a difference even though the
// probe passes.
func TestRunWritesMissing(t *testing.T) {
	in, opt, eng := newRun(t)
	eng.diff = map[string][]string{"original": {"C /app", "A /app/internal.db"}}
	rep := Run(context.Background(), in, opt)
	want := "the converted image does not behave like the original: files written: the original wrote A /app/internal.db, " +
		"the converted image did not (it runs as 65532, the original as root: may it write there?)"
	if rep.Verdict != VerdictDifferent || rep.ExitStatus != ExitDifferent || rep.Message != want {
		t.Errorf("%s %d: %s", rep.Verdict, rep.ExitStatus, rep.Message)
	}
	if w := rep.WritesCompared; !slices.Equal(w.OnlyOriginal, []string{"A /app/internal.db"}) || len(w.OnlyConverted) != 0 {
		t.Errorf("%+v", w)
	}
	if rep.Converted.Writes == nil || len(rep.Converted.Writes) != 0 {
		t.Errorf("converted writes: %#v", rep.Converted.Writes)
	}
	table := string(rep.Table())
	if !hasRow(table, "files written 1 path none DIFFERENT") {
		t.Errorf("table:\n%s", table)
	}
	for _, s := range []string{"written by the original only: A /app/internal.db\n", "verdict: FAIL: " + want + "\n"} {
		if !strings.Contains(table, s) {
			t.Errorf("table lacks %q:\n%s", s, table)
		}
	}
}

// TestRunWritesNoise: npm's logs in root's home, a compile cache and a
// write in a folder only the original has are listed, not counted.
func TestRunWritesNoise(t *testing.T) {
	in, opt, eng := newRun(t)
	eng.diff = map[string][]string{
		"original": {"C /root", "A /root/.npm", "A /root/.npm/_logs", "A /root/.npm/_logs/debug-0.log",
			"C /tmp", "A /tmp/node-compile-cache", "A /tmp/node-compile-cache/v22/ab12",
			"C /app", "A /app/__pycache__", "A /app/__pycache__/main.cpython-313.pyc",
			"C /app/target/classes/Main.class", "C /app/data.json"},
		"converted": {"C /app/data.json"},
	}
	eng.dirs = map[string][]string{"original": {"/", "/app", "/app/target", "/app/target/classes", "/tmp", "/root"}}
	rep := Run(context.Background(), in, opt)
	if rep.Verdict != VerdictSame {
		t.Fatalf("%s: %s", rep.Verdict, rep.Message)
	}
	w := rep.WritesCompared
	var got []string
	for _, x := range w.Ignored {
		got = append(got, x.Write+": "+x.Reason)
	}
	want := []string{
		"A /app/__pycache__: a cache of compiled code, rebuilt when missing",
		"C /app/target/classes/Main.class: the converted image has no folder /app/target/classes",
		"A /root/.npm: a tool's state in a home folder",
		"A /tmp/node-compile-cache: a cache of compiled code, rebuilt when missing",
	}
	if !w.Same || !slices.Equal(got, want) {
		t.Errorf("same %v, ignored:\n%s", w.Same, strings.Join(got, "\n"))
	}
	table := string(rep.Table())
	if !hasRow(table, "files written 5 paths 1 path same (4 not compared)") {
		t.Errorf("table:\n%s", table)
	}
	for _, s := range []string{"not compared: A /root/.npm by the original: a tool's state in a home folder\n"} {
		if !strings.Contains(table, s) {
			t.Errorf("table lacks %q:\n%s", s, table)
		}
	}
}

// hasRow reports whether a line of table reads row, blanks aside.
func hasRow(table, row string) bool {
	for _, l := range strings.Split(table, "\n") {
		if strings.Join(strings.Fields(l), " ") == row {
			return true
		}
	}
	return false
}
