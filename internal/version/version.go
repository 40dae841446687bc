// Package version tells which restage this is: the module version a
// `go install module@version` stamps, and the VCS revision of the build.
// The CLI prints it, and results that must name the restage that made
// them (fingerprints of posted suggestions, reports) use the same text.
package version

import (
	"runtime/debug"
	"strings"
)

// String is the module version the binary was built from (go install
// module@version stamps it), with the VCS revision it was built from
// when the build knows one, or "devel".
func String() string {
	bi, _ := debug.ReadBuildInfo()
	return Format(bi)
}

// Format is String's text for a build's info: "v1.2.0",
// "devel-0123456789ab+dirty", "v1.2.0 (0123456789ab)". A pseudo-version
// names its revision already and gets none added.
func Format(bi *debug.BuildInfo) string {
	v := "devel"
	if bi != nil && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	var rev, dirty string
	if bi != nil {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value[:min(12, len(s.Value))]
			case "vcs.modified":
				if s.Value == "true" {
					dirty = "+dirty"
				}
			}
		}
	}
	switch {
	case rev == "" || strings.Contains(v, rev):
		return v
	case v == "devel":
		return v + "-" + rev + dirty
	}
	return v + " (" + rev + dirty + ")"
}
