package verify

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
)

// What the images wrote while they were probed: each probe container's
// `docker diff`, reduced, merged per image, and compared. The rule is
// the one restage converts by: what the original could write, the
// converted image can write. A write the original made that the
// converted image did not (an SQLite file in the working folder, a
// folder under /etc) is most often a runtime user that may not write
// there, and a difference even when the probes pass.

// Writes not compared, each for a reason that holds whatever the
// language: the list is kept short on purpose, since every entry is a
// write verify cannot see go missing.
var (
	// Caches of compiled code, rebuilt when missing: a runtime that may
	// not write one, or got it precompiled, runs the same. Python's
	// bytecode next to the sources; the one Node.js keeps in $TMPDIR
	// when a launcher (npm) turns it on.
	compileCaches = []string{"__pycache__", "node-compile-cache"}
	// Home folders, whose hidden entries are the per-user state of
	// tools (npm's _logs, pip's cache, ~/.cache, shell history): they
	// move with the user, and go with a launcher the converted image no
	// longer runs (npm start -> node). The app's own folder in a home
	// (/home/node/app) is not hidden and is compared.
	homeFolders = []string{"/root", "/home/*"}
	// Runtime state named after the user it runs as, which a user change
	// renames: the JVM's performance counters in /tmp/hsperfdata_<user>
	// (what jps and jcmd read), not the program's own files.
	perUser = []string{"/tmp/hsperfdata_*"}
	// Work folders of a build run at start: `go run` compiles and links
	// the program in the go command's /tmp/go-build<N> at every start,
	// which a conversion that builds it in the builder (RS149) never
	// does (the real corpus's ww156-go-run, review 28n, finding A).
	startBuilds = []string{"/tmp/go-build*"}
)

// WritesReport compares the files the two images wrote while probed.
type WritesReport struct {
	Same bool `json:"same"`
	// Difference says what differs, "" when nothing does.
	Difference string `json:"difference,omitempty"`
	// Writes that only one image made, compared: each a difference.
	OnlyOriginal  []string `json:"only_original,omitempty"`
	OnlyConverted []string `json:"only_converted,omitempty"`
	// Writes that only one image made and that are not compared.
	Ignored []IgnoredWrite `json:"ignored,omitempty"`
}

// IgnoredWrite is a write one image made that is not compared, and why.
type IgnoredWrite struct {
	Image  string `json:"image"` // "original" or "converted"
	Write  string `json:"write"` // "A /root/.npm"
	Reason string `json:"reason"`
}

// recordWrites adds what the container name changed in its image's
// files to r.Writes.
func (vr *run) recordWrites(ctx context.Context, r *ImageReport, name string) error {
	lines, err := vr.eng.Diff(ctx, name)
	if err != nil {
		if ctx.Err() != nil {
			return errInterrupted
		}
		return err
	}
	w, err := reduceWrites(lines)
	if err != nil {
		return err
	}
	for _, l := range w {
		if !slices.Contains(r.Writes, l) {
			r.Writes = append(r.Writes, l)
		}
	}
	slices.SortFunc(r.Writes, func(a, b string) int { return strings.Compare(a[2:], b[2:]) })
	return nil
}

// reduceWrites turns docker diff's lines into the writes they stand for:
// a folder the run added stands for everything in it (file names in a
// new cache folder are hashes, and one line says it), and a changed
// folder with a change listed under it says no more than that change.
func reduceWrites(lines []string) ([]string, error) {
	kinds := map[string]byte{}
	for _, l := range lines {
		if len(l) < 3 || l[1] != ' ' || !strings.ContainsRune("ACD", rune(l[0])) || l[2] != '/' {
			return nil, fmt.Errorf("docker diff: unexpected line %q", l)
		}
		kinds[path.Clean(l[2:])] = l[0]
	}
	hasChild := map[string]bool{}
	for p := range kinds {
		for d := path.Dir(p); d != "/"; d = path.Dir(d) {
			hasChild[d] = true
		}
	}
	out := []string{}
	for p, k := range kinds {
		if k == 'C' && hasChild[p] || underAdded(p, kinds) {
			continue
		}
		out = append(out, string(k)+" "+p)
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(a[2:], b[2:]) })
	return out, nil
}

func underAdded(p string, kinds map[string]byte) bool {
	for d := path.Dir(p); d != "/"; d = path.Dir(d) {
		if kinds[d] == 'A' {
			return true
		}
	}
	return false
}

// compareWrites compares the two images' writes: a path written (added
// or changed) by one and not by the other, or deleted by one and not by
// the other, is a difference unless a rule above says it cannot be
// compared.
func compareWrites(o, c *ImageReport) *WritesReport {
	if o.Writes == nil || c.Writes == nil {
		return nil
	}
	w := &WritesReport{}
	only := func(a, b *ImageReport, variant string) []string {
		var diff []string
		for _, l := range a.Writes {
			if slices.ContainsFunc(b.Writes, func(x string) bool { return sameWrite(l, x) }) {
				continue
			}
			if reason := notCompared(l[2:], b, otherVariant(variant), a); reason != "" {
				w.Ignored = append(w.Ignored, IgnoredWrite{Image: variant, Write: l, Reason: reason})
				continue
			}
			diff = append(diff, l)
		}
		return diff
	}
	w.OnlyOriginal = only(o, c, "original")
	w.OnlyConverted = only(c, o, "converted")
	var diffs []string
	if len(w.OnlyOriginal) > 0 {
		s := "the original wrote " + listSome(w.OnlyOriginal, 3) + ", the converted image did not"
		if userWord(o.User) != userWord(c.User) {
			s += fmt.Sprintf(" (it runs as %s, the original as %s: may it write there?)", userWord(c.User), userWord(o.User))
		}
		diffs = append(diffs, s)
	}
	if len(w.OnlyConverted) > 0 {
		diffs = append(diffs, "the converted image wrote "+listSome(w.OnlyConverted, 3)+", the original did not")
	}
	w.Difference = strings.Join(diffs, "; ")
	w.Same = w.Difference == ""
	return w
}

// sameWrite: an added and a changed file are the same write (the path
// ends up written either way); a deletion is not.
func sameWrite(a, b string) bool {
	return a[2:] == b[2:] && (a[0] == 'D') == (b[0] == 'D')
}

// notCompared says why a write that only one image made is not compared
// ("" when it is); other is the image that did not make it.
func notCompared(p string, other *ImageReport, variant string, self *ImageReport) string {
	// The engine makes a VOLUME's mount point when a container starts,
	// where the image lacks it: not the program's write, and an image
	// that made the folder itself (a prepared volume) shows none.
	if slices.Contains(self.volumes, p) || slices.Contains(other.volumes, p) {
		return "a VOLUME's mount point, which the engine makes when the container starts"
	}
	if dir := path.Dir(p); other.dirs != nil && !other.dirs[dir] {
		return fmt.Sprintf("the %s image has no folder %s", variant, dir)
	}
	for _, seg := range strings.Split(p, "/") {
		if slices.Contains(compileCaches, seg) {
			return "a cache of compiled code, rebuilt when missing"
		}
	}
	for _, h := range homeFolders {
		if rest, ok := cutHome(p, h); ok && strings.HasPrefix(rest, ".") {
			return "a tool's state in a home folder"
		}
	}
	for _, g := range startBuilds {
		for q := p; q != "/" && q != "."; q = path.Dir(q) {
			if ok, _ := path.Match(g, q); ok {
				return "the work folder of a build the original ran at start (go run), which the converted image ran in its builder"
			}
		}
	}
	for _, g := range perUser {
		for q := p; q != "/" && q != "."; q = path.Dir(q) {
			if ok, _ := path.Match(g, q); ok {
				return "a runtime's state named after its user (the JVM's performance counters)"
			}
		}
	}
	return ""
}

// cutHome returns the part of p below the home folder pattern h
// ("/home/*" is any folder in /home).
func cutHome(p, h string) (string, bool) {
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	hp := strings.Split(strings.TrimPrefix(h, "/"), "/")
	if len(parts) <= len(hp) {
		return "", false
	}
	for i, x := range hp {
		if x != "*" && x != parts[i] {
			return "", false
		}
	}
	return strings.Join(parts[len(hp):], "/"), true
}

func otherVariant(v string) string {
	if v == "original" {
		return "converted"
	}
	return "original"
}

func userWord(u string) string {
	if u == "" {
		return "root"
	}
	return u
}

// listSome lists up to n items and says how many more there are.
func listSome(l []string, n int) string {
	if len(l) <= n {
		return strings.Join(l, ", ")
	}
	return strings.Join(l[:n], ", ") + fmt.Sprintf(" and %d more", len(l)-n)
}
