package shell

import "testing"

func TestLoginFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"/bin/sh", "-l"}, "-l"},
		{[]string{"bash", "-lc", "python app.py"}, "-lc"},
		{[]string{"bash", "-e", "-l", "start.sh"}, "-l"},
		{[]string{"bash", "--login", "-c", "x"}, "--login"},
		{[]string{"bash", "-o", "pipefail", "-l", "s.sh"}, "-l"},
		{[]string{"su", "-", "app", "-c", "run"}, "-"},
		{[]string{"su", "app", "-l"}, "-l"},
		// not a login shell
		{[]string{"/bin/sh"}, ""},
		{[]string{"sh", "-e", "start.sh", "-l"}, ""},     // -l is the script's argument
		{[]string{"bash", "-c", "ls -l"}, ""},            // -l is inside the command string
		{[]string{"bash", "-o", "lastpipe", "s.sh"}, ""}, // an -o value is no option group
		{[]string{"su", "app", "-c", "ls -l"}, ""},
		{[]string{"python", "-l"}, ""},
	} {
		if got := LoginFlag(tc.args); got != tc.want {
			t.Errorf("LoginFlag(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}
