package main

import (
	"strings"
	"testing"
)

func TestEnvironment(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{nil, map[string]string{}, "no token in $GITHUB_TOKEN"},
		{[]string{"--token-env", "BOT_TOKEN"}, map[string]string{"GITHUB_TOKEN": "ghs_x"}, "no token in $BOT_TOKEN"},
		{[]string{"--token-env", "BOT_TOKEN"}, map[string]string{"BOT_TOKEN": "ghs_secret", "GITHUB_REPOSITORY": "o/r"}, "GITHUB_EVENT_PATH is not set"},
		{nil, map[string]string{"GITHUB_TOKEN": "ghs_secret", "GITHUB_REPOSITORY": "nope"}, `GITHUB_REPOSITORY "nope" is not owner/name`},
		{[]string{"--runtime", "no-such-flavor"}, map[string]string{"GITHUB_TOKEN": "ghs_secret"}, "no-such-flavor"},
	} {
		var out, errb strings.Builder
		code := run(c.args, func(k string) string { return c.env[k] }, &out, &errb)
		if code != 2 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v %v: exit %d, stderr %q, want 2 and %q", c.args, c.env, code, errb.String(), c.want)
		}
		if strings.Contains(out.String()+errb.String(), "ghs_secret") {
			t.Errorf("the token was printed: %q", errb.String())
		}
	}
}
