package version

import (
	"runtime/debug"
	"testing"
)

func TestFormatVersion(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	cases := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "devel"},
		{"go build, no VCS", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{"go install module@version", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{"a clean checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "false")}, "devel-0123456789ab"},
		{"a modified checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "true")}, "devel-0123456789ab+dirty"},
		{"a version and a revision", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}, Settings: vcs(rev, "true")}, "v1.2.0 (0123456789ab+dirty)"},
		{"a pseudo-version names its revision", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201000000-0123456789ab+dirty"}, Settings: vcs(rev, "true")},
			"v0.0.0-20261201000000-0123456789ab+dirty"},
		{"a short revision", &debug.BuildInfo{Settings: vcs("abc", "false")}, "devel-abc"},
	}
	for _, c := range cases {
		if got := Format(c.bi); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
