package presets

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/restage/restage/presets/internal/xml"
)

// BaseName reads the output's base name from the project file's text:
// the first template of Names whose elements are all present. ok is
// false when the name cannot be told: the file is no well-formed XML, an
// Unsure element is present, no template's elements are, or a value
// holds a property (${...}).
func (o *OutputNames) BaseName(data []byte) (name string, ok bool) {
	texts := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	// No template or Unsure path names an element deeper than depth (a
	// glob's * does not cross a /), so deeper elements' paths are not
	// joined: joining every element's whole path made a file of deeply
	// nested elements cost the square of its size (a 1 MiB pom.xml of
	// unclosed <a> took most of an hour).
	depth := 0
	for _, p := range append(slices.Clone(o.Names), o.Unsure...) {
		depth = max(depth, strings.Count(p, "/")+1)
	}
	var stack []string
	var buf []*strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return "", false
			}
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			buf = append(buf, &strings.Builder{})
			if len(stack) > depth {
				continue
			}
			at := strings.Join(stack, "/")
			for _, g := range o.Unsure {
				if pathGlobMatch(g, at) {
					return "", false
				}
			}
		case xml.CharData:
			if len(buf) > 0 && len(buf) <= depth {
				buf[len(buf)-1].Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return "", false
			}
			if len(stack) <= depth {
				at := strings.Join(stack, "/")
				if _, seen := texts[at]; !seen {
					texts[at] = strings.TrimSpace(buf[len(buf)-1].String())
				}
			}
			stack, buf = stack[:len(stack)-1], buf[:len(buf)-1]
		}
	}
	for _, tmpl := range o.Names {
		out, all := "", true
		for rest := tmpl; rest != ""; {
			i := strings.IndexByte(rest, '{')
			if i < 0 {
				out += rest
				break
			}
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				all = false
				break
			}
			out += rest[:i]
			v, found := "", false
			for _, alt := range strings.Split(rest[i+1:i+j], "|") {
				if x, ok := texts[alt]; ok && x != "" {
					v, found = x, true
					break
				}
			}
			if !found {
				all = false
				break
			}
			out += v
			rest = rest[i+j+1:]
		}
		if !all {
			continue
		}
		if strings.Contains(out, "${") || strings.ContainsAny(out, "/\\") {
			return "", false
		}
		return out, true
	}
	return "", false
}

// Writes reports whether a file named file is one the build writes in
// its output folder, given the base name: NAME+Ext, or NAME-CLASSIFIER+Ext
// (an attached artifact: -sources, -jar-with-dependencies, a Spring Boot
// classifier).
func (o *OutputNames) Writes(base, file string) bool {
	if !strings.HasSuffix(file, o.Ext) {
		return true // not an output file of this kind: not judged
	}
	stem := strings.TrimSuffix(file, o.Ext)
	return stem == base || strings.HasPrefix(stem, base+"-")
}

// Holds reports whether the project file's text has the element: one
// element at its path whose descendants, at the paths Has names, hold
// every value Has gives (trimmed, as Maven trims them). ok is false when
// the text is no well-formed XML.
func (e *ProjectElement) Holds(data []byte) (holds, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	depth := strings.Count(e.Element, "/") + 1
	for _, n := range e.Has.Names() {
		depth = max(depth, strings.Count(e.Element, "/")+1+strings.Count(n, "/")+1)
	}
	var stack []string
	var buf []*strings.Builder
	// seen holds the values found below the element being read, by
	// their paths from it; nil outside one.
	var seen map[string]bool
	base := len(strings.Split(e.Element, "/"))
	for {
		tok, err := d.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return false, false
			}
			return holds, true
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			buf = append(buf, &strings.Builder{})
			if len(stack) == base && strings.Join(stack, "/") == e.Element {
				seen = map[string]bool{}
			}
		case xml.CharData:
			if len(buf) > 0 && len(buf) <= depth {
				buf[len(buf)-1].Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return false, false
			}
			if seen != nil && len(stack) > base && len(stack) <= depth {
				rel := strings.Join(stack[base:], "/")
				seen[rel+"\x00"+strings.TrimSpace(buf[len(buf)-1].String())] = true
			}
			if seen != nil && len(stack) == base {
				all := true
				for n, v := range e.Has.All() {
					all = all && seen[n+"\x00"+v]
				}
				holds = holds || all
				seen = nil
			}
			stack, buf = stack[:len(stack)-1], buf[:len(buf)-1]
		}
	}
}

// Read tells whether the project file's text moves the classes (an Unsure
// element), and the names of the dependencies a class path of them
// lacks. ok is false when the text is no well-formed XML.
func (c *ProjectClasses) Read(data []byte) (moved bool, deps []string, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	base := strings.Count(c.Deps, "/") + 1
	var stack []string
	var buf []*strings.Builder
	var name, scope string
	for {
		tok, err := d.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return false, nil, false
			}
			return moved, deps, true
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			buf = append(buf, &strings.Builder{})
			at := strings.Join(stack, "/")
			if slices.Contains(c.Unsure, at) {
				moved = true
			}
			if at == c.Deps {
				name, scope = "", ""
			}
		case xml.CharData:
			if len(buf) > 0 && len(buf) <= base+1 {
				buf[len(buf)-1].Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return false, nil, false
			}
			if len(stack) == base+1 && strings.Join(stack[:base], "/") == c.Deps {
				v := strings.TrimSpace(buf[len(buf)-1].String())
				switch stack[base] {
				case c.Name:
					name = v
				case c.Scope:
					scope = v
				}
			}
			if len(stack) == base && strings.Join(stack, "/") == c.Deps && !slices.Contains(c.Off, scope) {
				deps = append(deps, name)
			}
			stack, buf = stack[:len(stack)-1], buf[:len(buf)-1]
		}
	}
}
