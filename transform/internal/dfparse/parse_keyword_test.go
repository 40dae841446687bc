package dfparse

import (
	"strings"
	"testing"
)

// lowerKeyword must be strings.ToLower, whatever the casing.
func TestLowerKeyword(t *testing.T) {
	for k := range dispatch {
		for _, s := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:], "x" + k, strings.ToUpper(k) + "İ"} {
			if got, want := lowerKeyword(s), strings.ToLower(s); got != want {
				t.Errorf("lowerKeyword(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// Every keyword of dispatch written in capitals is answered without a copy.
func TestLowerKeywordNoCopy(t *testing.T) {
	for k := range dispatch {
		up := strings.ToUpper(k)
		if n := testing.AllocsPerRun(10, func() { sink = lowerKeyword(up) }); n != 0 {
			t.Errorf("lowerKeyword(%q) allocates %v times", up, n)
		}
	}
}

var sink string
