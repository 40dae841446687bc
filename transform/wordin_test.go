package transform

import "testing"

// wordIn is also the test writtenBy makes of a RUN's text for a PATH
// folder (review 9, finding C): a path word, and never a pattern compiled
// from the folder's name, which may hold bytes no pattern compiles.
func TestWordInFolder(t *testing.T) {
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
		if got := wordIn(c.text, c.dir); got != c.want {
			t.Errorf("wordIn(%q, %q) = %v, want %v", c.text, c.dir, got, c.want)
		}
	}
}
