package review

import (
	"strings"
	"testing"
)

// FuzzParseEvent: any event file gives a pull request or an error that
// names the file, never a panic, and a pull request always has its head.
//
// A plain `go test` runs the seeds. To fuzz: make fuzz, or
// go test ./review -run '^$' -fuzz FuzzParseEvent.
func FuzzParseEvent(f *testing.F) {
	for _, s := range []string{
		"", "{}", "null", "[]", `{"pull_request":null}`,
		`{"number":7,"pull_request":{"head":{"sha":"abc","repo":{"full_name":"o/r"}},"base":{"sha":"def","repo":{"full_name":"o/r"}}}}`,
		`{"pull_request":{"number":3,"head":{"sha":"abc"}}}`,
		`{"pull_request":{"head":{"sha":1}}}`, `{"pull_request":{"head":"x"}}`, "\xff\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pr, err := parseEvent("event.json", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "event.json: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if pr.HeadSHA == "" {
			t.Fatalf("a pull request without a head: %+v", pr)
		}
	})
}

// FuzzHunks: any patch gives hunks whose ranges are well formed, and
// each range counts as inside one hunk.
func FuzzHunks(f *testing.F) {
	for _, s := range []string{
		"", "@@ -1,3 +1,4 @@\n a\n+b\n c\n d\n", "@@ -1 +1 @@\n-a\n+b\n",
		"@@ -5,2 +0,0 @@\n-a\n-b\n", "@@ -1,2 +3,4 @@ func x() {\n", "@@ -a +b @@\n",
		"@@ -1,1 +9223372036854775807,2 @@\n", "@@ -1,1 +1,-5 @@\n", "@@ -1 +",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, patch string) {
		for _, h := range Hunks(patch) {
			if h.End < h.Start {
				t.Fatalf("hunk %+v ends before it starts", h)
			}
			if !InOneHunk([]Hunk{h}, h.Start, h.End) {
				t.Fatalf("hunk %+v does not hold its own lines", h)
			}
		}
	})
}

// FuzzParseMarker: a comment body from GitHub (anyone's) never makes
// ParseMarker panic, and a marker restage wrote reads back whatever the
// text around it.
func FuzzParseMarker(f *testing.F) {
	f.Add("", "suggestion", "Dockerfile", "0123abcd")
	f.Add("text\n", "summary", "", "")
	f.Add("<!-- restage:v1 kind= -->", "x", "a b/c d", "ff")
	f.Fuzz(func(t *testing.T, before, kind, path, fp string) {
		ParseMarker(before)
		if kind == "" || strings.ContainsFunc(kind, func(r rune) bool { return !isWord(r) }) ||
			strings.ContainsFunc(fp, func(r rune) bool { return !strings.ContainsRune("0123456789abcdef", r) }) ||
			strings.Contains(before, "<!-- restage:v1") {
			return // restage writes markers with word kinds and hex fingerprints only
		}
		k, p, ok := ParseMarker(before + Marker(kind, path, fp) + "\n")
		if !ok || k != kind || p != fp {
			t.Fatalf("marker of (%q, %q, %q) read back as (%q, %q, %v)", kind, path, fp, k, p, ok)
		}
	})
}

func isWord(r rune) bool {
	return r == '_' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
}
