package transform

import (
	"strings"
	"testing"
)

// TestCutWord holds the three ways a word leaves a RUN's text (review 12,
// finding B): with the blanks after it, with its own continuation line,
// and, last on the RUN's last line, with the escape that led to it.
func TestCutWord(t *testing.T) {
	for _, tc := range []struct{ raw, want string }{
		{"RUN uv pip install --system -r r.txt\n", "RUN uv pip install -r r.txt\n"},
		{"RUN uv pip install -r r.txt --system\n", "RUN uv pip install -r r.txt\n"},
		{"RUN uv pip install \\\n    --system \\\n    -r r.txt\n", "RUN uv pip install \\\n    -r r.txt\n"},
		{"RUN uv pip install -r r.txt \\\n    --system\n", "RUN uv pip install -r r.txt\n"},
		{"RUN uv pip install -r r.txt \\\r\n    --system\r\n", "RUN uv pip install -r r.txt\r\n"},
		{"RUN uv pip install -r r.txt --system \\\n    && echo ok\n", "RUN uv pip install -r r.txt \\\n    && echo ok\n"},
	} {
		ws := strings.Index(tc.raw, "--system")
		a, b := cutWord(tc.raw, ws, ws+len("--system"), '\\')
		if got := tc.raw[:a] + tc.raw[b:]; got != tc.want {
			t.Errorf("cutWord(%q) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}
