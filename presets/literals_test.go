package presets

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	for _, c := range []struct {
		expr string
		want []string
	}{
		{`(?m)^import[ \t]+"C"|^import[ \t]*\([^)]*\n[ \t]*"C"[ \t]*(//[^\n]*)?\n`, []string{"import", `"C"`}},
		{`\bos\.(?:MkdirAll|Mkdir|Create)\(\s*"(?P<path>[^"]+)"`, []string{"os.", "(", `"`}},
		{`(?i)import "C"`, nil},
		{`a*b?`, nil},
		{`(ab){2,}x|ab`, []string{"ab"}},
		{`(ab){2,}x|yab`, nil}, // only texts that every alternative requires as they are
		{`x|y`, nil},
	} {
		r, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := requiredLiterals(r.Simplify())
		slices.Sort(got)
		got = slices.Compact(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", c.expr, got, want)
		}
	}
}

func TestRequiredGroups(t *testing.T) {
	for _, c := range []struct {
		expr string
		want [][]string
	}{
		// Texts every match has stay groups of one; the call's name is
		// one of two.
		{`\bos\.(?:MkdirAll|Create)\(`, [][]string{{"os."}, {"MkdirAll", "Create"}, {"("}}},
		// An alternation of texts: a match has one of them.
		{`[\w@/.-](-musl|linuxmusl)\b`, [][]string{{"-musl", "linuxmusl"}}},
		// The parser factors common prefixes: bcrypt|better-sqlite3
		// becomes b(?:crypt|etter-sqlite3), whose most selective group
		// is crypt or etter-sqlite3, not b.
		{`(?:^|["'])(?P<name>bcrypt|better-sqlite3|sharp)["'@]`, [][]string{{"crypt", "etter-sqlite3", "sharp"}}},
		// A branch that requires no text: no group can be said.
		{`x|y*`, nil},
		{`(?:^|node_modules/)`, nil},
		// Factored as @(?:node-rs/(?:argon2|bcrypt)|prisma/client): @
		// and then one of the branches' most selective texts.
		{`@node-rs/argon2|@node-rs/bcrypt|@prisma/client`, [][]string{{"@"}, {"node-rs/", "prisma/client"}}},
	} {
		r, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := requiredGroups(r.Simplify())
		if !slices.EqualFunc(got, c.want, slices.Equal[[]string]) {
			t.Errorf("requiredGroups(%q) = %q, want %q", c.expr, got, c.want)
		}
	}
	if mayMatch(`(?P<name>bcrypt|sharp)["']`, []byte(`"lodash": "4"`)) {
		t.Error("mayMatch: a text with none of the alternatives may match")
	}
	if !mayMatch(`(?P<name>bcrypt|sharp)["']`, []byte(`"sharp": "0.33"`)) {
		t.Error("mayMatch: a text with one of the alternatives said unable to match")
	}
	if mayMatchString(`\badd-apt-repository\b`, "apt-get install -y curl") {
		t.Error("mayMatchString: a text without the pattern's text may match")
	}
	if !mayMatchString(`\badd-apt-repository\b`, "add-apt-repository ppa:x/y") {
		t.Error("mayMatchString: a text with the pattern's text said unable to match")
	}
}

// TestMayMatchNeverMisses: over every file of the golden cases (their
// Dockerfiles and build contexts), each built-in pattern that mayMatch
// or mayMatchString guards (the package sources over a RUN's text) is
// never said unable to match where it matches.
func TestMayMatchNeverMisses(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var exprs []string
	for _, p := range ps {
		for _, s := range p.Static.NeedsLibc {
			exprs = append(exprs, s.Pattern)
		}
		if d := p.Static.LibcDeps; d != nil {
			for _, s := range d.Signs {
				exprs = append(exprs, s.Pattern)
			}
			if d.Match != "" {
				exprs = append(exprs, d.matchExpr())
			}
			for _, l := range d.Lockfiles {
				exprs = append(exprs, l.Pattern)
			}
		}
		if ls := p.Static.LibcSources; ls != nil {
			exprs = append(exprs, ls.Pattern)
		}
		if w := p.Writes; w != nil && w.Sources != nil {
			exprs = append(exprs, w.Sources.Patterns...)
			exprs = append(exprs, w.Sources.Folders...)
			exprs = append(exprs, w.Sources.Named...)
			if b := w.Sources.Bindings; b != nil {
				exprs = append(exprs, b.Patterns...)
			}
		}
		if pr := p.Programs; pr != nil {
			exprs = append(exprs, pr.Calls...)
			if pr.In != "" {
				exprs = append(exprs, pr.In)
			}
			for _, l := range pr.Libraries {
				exprs = append(exprs, l.Call)
				if l.In != "" {
					exprs = append(exprs, l.In)
				}
			}
		}
		for _, b := range p.Build {
			if b.Prepare != nil {
				exprs = append(exprs, b.Prepare.Unless...)
			}
		}
		for _, m := range p.RuntimePackages {
			exprs = append(exprs, m.Sources...)
			if b := m.BuilderLibs; b != nil && b.Match != "" {
				exprs = append(exprs, b.expr(b.Match))
			}
		}
		if rf := p.RunFiles; rf != nil {
			if rf.Embed != "" {
				exprs = append(exprs, rf.Embed)
			}
			exprs = append(exprs, rf.UnnamedReads...)
			for _, r := range rf.Reads {
				exprs = append(exprs, r.Call)
			}
		}
		if lt := p.LocalTime; lt != nil {
			exprs = append(exprs, lt.Sets...)
		}
	}
	var corpus [][]byte
	filepath.WalkDir("../testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, err := os.ReadFile(p); err == nil {
				corpus = append(corpus, data)
			}
		}
		return nil
	})
	if len(exprs) < 10 || len(corpus) < 500 {
		t.Fatalf("%d patterns, %d files: too few to test", len(exprs), len(corpus))
	}
	matched := 0
	for _, e := range exprs {
		r := regexp.MustCompile(e)
		for _, data := range corpus {
			if r.Match(data) {
				matched++
				if !mayMatch(e, data) {
					t.Errorf("mayMatch(%q) is false on a text the pattern matches", e)
				}
				if !mayMatchString(e, string(data)) {
					t.Errorf("mayMatchString(%q) is false on a text the pattern matches", e)
				}
			}
		}
	}
	if matched == 0 {
		t.Error("no pattern matched any file: the test proves nothing")
	}
}
