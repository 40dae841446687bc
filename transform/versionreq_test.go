package transform

import "testing"

func TestExcludesVersion(t *testing.T) {
	cases := []struct {
		have, spec string
		want       bool
	}{
		// Lower bounds.
		{"3.11", ">=3.13", true},
		{"3.11", ">=3.14", true},
		{"3.13", ">=3.13", false},
		{"3.14", ">=3.13", false},
		{"3.11", ">=3.11.4", false}, // 3.11.9 may satisfy it: not certain
		{"3.11.3", ">=3.11.4", true},
		{"3.11.4", ">=3.11.4", false},
		{"3.11", ">3.11", false}, // 3.11.1 > 3.11
		{"3.10", ">3.11", true},
		{"3.12", ">3.11", false},
		// Upper bounds.
		{"3.13", "<3.13", true},
		{"3.13", "<3.13.2", false},
		{"3.12", "<3.13", false},
		{"3.13", "<=3.12", true},
		{"3.12", "<=3.12", false},
		{"3.12", "<=3.12.4", false},
		{"3", "<3", true},
		{"3.11", "<4", false},
		// Several clauses: one that excludes is enough.
		{"3.11", ">=3.10, <3.13", false},
		{"3.13", ">=3.10,<3.13", true},
		{"3.9", ">=3.10 , <3.13", true},
		{"3.11", " >= 3.13 ", true},
		// Equality and wildcards.
		{"3.11", "==3.11.*", false},
		{"3.12", "==3.11.*", true},
		{"3.11", "==3.*", false},
		{"3.11", "==4.*", true},
		{"3.11", "==3.11.4.*", false},
		{"3.11.5", "==3.11.4.*", true},
		{"3.11", "==3.11", false},
		{"3.11", "==3.11.4", false},
		{"3.12", "==3.11.4", true},
		{"3.11", "!=3.11.*", true},
		{"3.11", "!=3.12.*", false},
		{"3", "!=3.11.*", false},
		{"3.11", "!=3.11", false},
		{"3.11", "!=3.11.4", false},
		// Compatible release: ~=X.Y is >=X.Y, ==X.*; ~=X.Y.Z is >=X.Y.Z, ==X.Y.*.
		{"3.11", "~=3.12", true},
		{"3.13", "~=3.12", false},
		{"4.0", "~=3.12", true},
		{"3.12", "~=3.12.1", false},
		{"3.13", "~=3.12.1", true},
		{"3.11", "~=3.12.1", true},
		{"3.11", "~=3", false}, // one part: not a valid compatible release, nothing said
		// Unreadable: never an exclusion.
		{"3.11", ">=3.14.0a1", false},
		{"3.11", "===3.14", false},
		{"3.11", "^3.14", false},
		{"3.11", "", false},
		{"3.11", ">=", false},
		{"3.13rc1", ">=3.14", false},
		{"", ">=3.14", false},
		{"3.x", ">=3.14", false},
		{"3.11", ">=3.1x, <3.11", true}, // the readable clause still excludes
	}
	for _, c := range cases {
		if got := excludesVersion(c.have, c.spec); got != c.want {
			t.Errorf("excludesVersion(%q, %q) = %v, want %v", c.have, c.spec, got, c.want)
		}
	}
}
