package textutil

import "testing"

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"":                            "",
		"plain":                       "plain",
		"  lead and trail  ":          "lead and trail",
		"a\nfile\r\nname\twith  gaps": "a file name with gaps",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
