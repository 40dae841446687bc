package presets

import "testing"

// TestRootDaemonsValidate: a root_daemons entry needs names and why, and
// a state entry a program name, a clean absolute folder and a known C
// library, since the engine copies that folder as it is (review 29, B).
func TestRootDaemonsValidate(t *testing.T) {
	good := RootDaemon{Names: []string{"cron"}, Why: "w", State: []DaemonState{{Run: "crontab", Folder: "/var/spool/cron/crontabs", Libc: "glibc", What: "x"}}}
	base := func(pr Programs) *Programs {
		pr.Ext, pr.Calls = []string{".py"}, []string{`\bos\.system\(\s*["'](?P<prog>[^"'\s]+)`}
		return &pr
	}
	if err := validatePrograms(base(Programs{RootDaemons: []RootDaemon{good}, DaemonStarters: []string{"service"}})); err != nil {
		t.Fatalf("valid entry refused: %v", err)
	}
	bad := map[string]Programs{
		"no why":         {RootDaemons: []RootDaemon{{Names: []string{"cron"}}}},
		"path name":      {RootDaemons: []RootDaemon{{Names: []string{"/usr/sbin/cron"}, Why: "w"}}},
		"relative state": {RootDaemons: []RootDaemon{{Names: []string{"cron"}, Why: "w", State: []DaemonState{{Run: "crontab", Folder: "var/spool", What: "x"}}}}},
		"root state":     {RootDaemons: []RootDaemon{{Names: []string{"cron"}, Why: "w", State: []DaemonState{{Run: "crontab", Folder: "/", What: "x"}}}}},
		"libc":           {RootDaemons: []RootDaemon{{Names: []string{"cron"}, Why: "w", State: []DaemonState{{Run: "crontab", Folder: "/x", Libc: "bionic", What: "x"}}}}},
		"starter path":   {DaemonStarters: []string{"/usr/sbin/service"}},
	}
	for name, pr := range bad {
		if err := validatePrograms(base(pr)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	py := builtinPreset(t, "python")
	if py == nil || py.Programs.RootDaemon("cron") == nil || py.Programs.RootDaemon("crond") == nil {
		t.Fatal("python preset lists no cron daemon")
	}
}
