package transform

import "testing"

// mentionsFolder is the word-bounded test writtenBy makes of a RUN's
// text (review 9, finding C), without a pattern compiled from the folder.
func TestMentionsFolder(t *testing.T) {
	cases := []struct {
		text, dir string
		want      bool
	}{
		{"tar -C /usr/local/bin -xzf d.tgz", "/usr/local/bin", true},
		{"mv dockerize /usr/local/bin/", "/usr/local/bin", true},
		{"cp x '/usr/local/bin'", "/usr/local/bin", true},
		{"install -D x --target=/usr/local/bin;", "/usr/local/bin", true},
		{"cp x /usr/local/bin", "/usr/local/bin", true},
		{"cp x /usr/local/binaries", "/usr/local/bin", false},
		{"cp x /opt/usr/local/bin", "/usr/local/bin", false},
		{"cp x /usr/local/binx /usr/local/bin/y", "/usr/local/bin", true},
		{"echo none", "/usr/local/bin", false},
		{"cp x \x80/a", "\x80", true},
		{"cp x a\x80", "\x80", false},
		{"cp x \x80", "\x80", true},
	}
	for _, c := range cases {
		if got := mentionsFolder(c.text, c.dir); got != c.want {
			t.Errorf("mentionsFolder(%q, %q) = %v, want %v", c.text, c.dir, got, c.want)
		}
	}
}
