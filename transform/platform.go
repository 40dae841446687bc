package transform

// targetArgs are BuildKit's automatic build arguments of the target
// platform: a build that uses them is shown to make what it makes for the
// target (GOARCH=$TARGETARCH), whatever platform it runs on.
var targetArgs = map[string]bool{"TARGETPLATFORM": true, "TARGETOS": true, "TARGETARCH": true, "TARGETVARIANT": true}

// runtimePlatform is the --platform value the runtime's FROM takes: the
// builder's, unless the file shows that the build makes its output for
// the target platform (review 24, H). The original's one stage was the
// builder's platform throughout (FROM --platform=$BUILDPLATFORM: the
// build machine's), so what the build made (a native module, a venv's
// compiled wheels, a Go binary built without GOARCH) is that platform's,
// and a runtime of the target platform could not run it.
func (f *facts) runtimePlatform() string {
	switch f.stage.Platform {
	case "", "$TARGETPLATFORM", "${TARGETPLATFORM}":
		// The target platform is what a FROM without the flag takes
		// (BuildKit's RedundantTargetPlatform lint): nothing to keep.
		return ""
	}
	for _, in := range f.src.nodes {
		if in.kw == "FROM" || in.kw == "ARG" {
			continue
		}
		text := in.node.Original
		for _, m := range varRefs(text) {
			if m[0] > 0 && text[m[0]-1] == '\\' {
				continue
			}
			if targetArgs[text[m[2]:m[3]]] {
				return ""
			}
		}
	}
	return f.stage.Platform
}
