package transform

import (
	"slices"
	"strings"
)

// argTag is how the builder's tag depends on the global build arguments
// its FROM names (ARG NODE_VERSION=20 before FROM node:${NODE_VERSION}-slim).
// A --build-arg changes the builder's image, so a runtime image chosen
// for the default alone would leave the runtime behind (review 24, G):
// its FROM must name the same argument, or say that it cannot.
type argTag struct {
	names []string // the arguments the builder's tag takes
	// values are the template values with each one the tag took from an
	// argument put back as the argument (version: ${NODE_VERSION}), or,
	// where it is only a part of the argument's value (major 20 of
	// 20.11.0), as argPart: a runtime that needs it cannot follow.
	values map[string]string
	real   map[string]string
	// defaults are the arguments' default values, by name.
	defaults map[string]string
}

// argPart marks a template value that is a part of a build argument's
// value: no Dockerfile expression of the argument gives it.
const argPart = "\x00"

// argTagOf is the builder tag's dependence on build arguments, or nil
// when its tag takes none.
func (f *facts) argTagOf(values map[string]string) *argTag {
	raw := f.stage.BaseName
	if !strings.Contains(raw, "$") {
		return nil
	}
	a := &argTag{real: values, values: map[string]string{}, defaults: map[string]string{}}
	for k, v := range values {
		a.values[k] = v
	}
	captured := f.variant.TagValues(f.tag)
	for i := 0; i < len(raw); i++ {
		if raw[i] != '$' {
			continue
		}
		end, name, plain := plainRefAt(raw, i)
		if !plain {
			// ${V:-20}, ${V%.*}: what a --build-arg gives is not the
			// argument itself, so no value follows it.
			for _, m := range varRefs(raw[i:]) {
				name = raw[i+m[2] : i+m[3]]
				end = i + m[1]
				break
			}
		}
		def := f.meta[name]
		// The argument gives a part of the tag (20.11.0 of
		// 20.11.0-alpine) or the tag and more (node:20-alpine).
		if name == "" || def == nil || *def == "" || !strings.Contains(f.tag, *def) && !strings.Contains(*def, f.tag) {
			continue
		}
		if !slices.Contains(a.names, name) {
			a.names = append(a.names, name)
			a.defaults[name] = *def
		}
		for k, x := range captured {
			if x == "" || !strings.Contains(*def, x) {
				continue
			}
			if plain && x == *def {
				a.values[k] = "${" + name + "}"
			} else {
				a.values[k] = argPart + name
			}
		}
		if end > i {
			i = end - 1
		}
	}
	if len(a.names) == 0 {
		return nil
	}
	return a
}

// follows reports whether r's image follows the arguments: its When
// holds for them and its image names them where it names their values.
// same is true when its image takes nothing from them (a static
// binary's distroless), which follows them trivially.
func (a *argTag) follows(r *Runtime) (ok, same bool) {
	if !r.Allows(a.values) {
		return false, false
	}
	img, err := r.ImageFor(a.values)
	if err != nil || strings.Contains(img, argPart) {
		return false, false
	}
	real, err := r.ImageFor(a.real)
	if err != nil {
		return false, false
	}
	return true, img == real
}

// text names the arguments with their defaults: NODE_VERSION (default
// 20.11.0).
func (a *argTag) text() string {
	var s []string
	for _, n := range a.names {
		s = append(s, n+" (default "+a.defaults[n]+")")
	}
	return strings.Join(s, ", ")
}

func (a *argTag) list() string { return strings.Join(a.names, ", ") }
