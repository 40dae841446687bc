package transform

import "testing"

// A variable set only from "$@" runs the script's arguments; any other
// assignment, or a changed IFS, makes it something restage does not read.
func TestArgsVar(t *testing.T) {
	cases := []struct {
		word, text string
		want       bool
	}{
		{"$cmd", "host=\"$1\"\nshift\ncmd=\"$@\"\nexec $cmd\n", true},
		{"${cmd}", "cmd=$@\nexec ${cmd}\n", true},
		{"$cmd", "cmd=\"$@\"\nif [ -z \"$cmd\" ]; then cmd=./main; fi\nexec $cmd\n", false},
		{"$cmd", "cmd=\"$1\"\nexec $cmd\n", false},
		{"$cmd", "cmd=\"$@\"\nread cmd\nexec $cmd\n", false},
		{"$cmd", "IFS=:\ncmd=\"$@\"\nexec $cmd\n", false},
		{"$other", "cmd=\"$@\"\nexec $other\n", false},
		{"$cmd", "cmd=\"$@ --verbose\"\nexec $cmd\n", false},
	}
	for _, c := range cases {
		if got := argsVar(c.word, c.text); got != c.want {
			t.Errorf("argsVar(%q, %q) = %v, want %v", c.word, c.text, got, c.want)
		}
	}
}
