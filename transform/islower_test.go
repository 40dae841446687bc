package transform

import (
	"strings"
	"testing"
)

// isLower must say what comparing with strings.ToLower says, non-ASCII
// and invalid UTF-8 included.
func TestIsLower(t *testing.T) {
	for _, s := range []string{"", "run", "RUN", "Run", "rUn", "run1", "ünd", "Ünd", "\xff", "run\xff", "ǅ", "ǆ", "K"} {
		if got, want := isLower(s), s == strings.ToLower(s); got != want {
			t.Errorf("isLower(%q) = %v, want %v", s, got, want)
		}
	}
}
