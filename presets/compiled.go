package presets

import (
	"regexp"
	"sync"
	"text/template"
)

// The patterns and templates of presets are compiled when first used,
// and kept here by their text, so that a run pays only for those it
// uses: compiling all of the built-in presets' patterns and templates at
// start-up cost about 1 ms (6,000 allocations) of a 2 ms floor, and a
// typical file uses a few of one preset's. Parse checks every pattern
// and template of a preset it reads (keeping what it compiled), and the
// tests check the built-in ones (builtin_gen.go) the same way, so the
// compilations here cannot fail on a preset that came through either.
// The cache only grows with distinct pattern texts, which the presets
// bound.
var (
	regexps   sync.Map // string → *regexp.Regexp
	templates sync.Map // tmplKey → *template.Template
)

// patternSeen, when set (by the generator of builtin_gen.go, which
// collects the built-in presets' patterns as Load checks them), is told
// of every pattern compileRE is given.
var patternSeen func(expr string)

// compileRE compiles expr and keeps it for re.
func compileRE(expr string) (*regexp.Regexp, error) {
	if patternSeen != nil {
		patternSeen(expr)
	}
	if r, ok := regexpMemo.get(expr); ok {
		return r, nil
	}
	if v, ok := regexps.Load(expr); ok {
		r := v.(*regexp.Regexp)
		regexpMemo.put(expr, r)
		return r, nil
	}
	r, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	v, _ := regexps.LoadOrStore(expr, r)
	r = v.(*regexp.Regexp)
	regexpMemo.put(expr, r)
	return r, nil
}

var regexpMemo textMemo[*regexp.Regexp]

// re is the compiled pattern expr of a checked preset.
func re(expr string) *regexp.Regexp {
	r, err := compileRE(expr)
	if err != nil {
		panic("presets: pattern " + expr + " was not checked: " + err.Error())
	}
	return r
}

type tmplKey struct {
	name, text  string
	missingZero bool // Option("missingkey=zero")
}

// parseTemplate parses text as a template named name and keeps it for
// tmpl.
func parseTemplate(k tmplKey) (*template.Template, error) {
	if v, ok := templates.Load(k); ok {
		return v.(*template.Template), nil
	}
	t := template.New(k.name)
	if k.missingZero {
		t = t.Option("missingkey=zero")
	}
	t, err := t.Parse(k.text)
	if err != nil {
		return nil, err
	}
	v, _ := templates.LoadOrStore(k, t)
	return v.(*template.Template), nil
}

// tmpl is the parsed template of a checked preset.
func tmpl(k tmplKey) *template.Template {
	t, err := parseTemplate(k)
	if err != nil {
		panic("presets: template " + k.text + " was not checked: " + err.Error())
	}
	return t
}
