package shell

import (
	"slices"
	"testing"
)

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

func TestWrittenPaths(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"cp", "-r", "$T/app.py", "$T/templates", "/code/"}, []string{"/code/"}},
		{[]string{"mv", "-t", "/data", "a", "b"}, []string{"/data"}},
		{[]string{"mkdir", "-p", "/data/a", "/data/b"}, []string{"/data/a", "/data/b"}},
		{[]string{"tee", "-a", "/var/log/x.log"}, []string{"/var/log/x.log"}},
		{[]string{"cp", "only-source"}, nil},
		{[]string{"cat", "/etc/hosts"}, nil},
	} {
		if got := WrittenPaths(tc.args); !slices.Equal(got, tc.want) {
			t.Errorf("WrittenPaths(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

func TestOutRedirections(t *testing.T) {
	sc, err := Parse("echo ok > /data/ready\nls >> \"$LOG\" 2>/dev/null\ncat < /etc/hosts\n")
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, c := range sc.Cmds {
		var o []string
		for _, w := range c.Out {
			o = append(o, w.Text)
		}
		got = append(got, o)
	}
	want := [][]string{{"/data/ready"}, {"$LOG", "/dev/null"}, nil}
	if len(got) != 3 || !slices.Equal(got[0], want[0]) || !slices.Equal(got[1], want[1]) || got[2] != nil {
		t.Errorf("Out = %q, want %q", got, want)
	}
}
