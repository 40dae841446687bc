// Copyright The BuildKit Authors.
// Copyright restage authors.
// Licensed under the Apache License, Version 2.0; see parse.go.

package dfparse

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/pkg/errors"
)

const (
	keySyntax = "syntax"
	keyCheck  = "check"
	keyEscape = "escape"
)

type directive struct {
	name  string
	value string
}

// directiveParser is upstream's DirectiveParser as Parse uses it: the
// comment prefix is always "#", and the location, which Parse never reads,
// is left out.
type directiveParser struct {
	seen map[string]struct{}
	done bool
}

func (d *directiveParser) parseLine(line []byte) (*directive, error) {
	if d.done {
		return nil, nil
	}
	line, ok := bytes.CutPrefix(line, []byte("#"))
	if !ok {
		d.done = true
		return nil, nil
	}
	line = bytes.TrimLeftFunc(line, unicode.IsSpace)

	name, value, ok := matchDirective(line)
	if !ok {
		d.done = true
		return nil, nil
	}

	k := strings.ToLower(string(name))
	if k != keySyntax && k != keyEscape && k != keyCheck {
		d.done = true
		return nil, nil
	}
	if d.seen == nil {
		d.seen = map[string]struct{}{}
	}
	if _, ok := d.seen[k]; ok {
		return nil, errors.Errorf("only one %s parser directive can be used", k)
	}
	d.seen[k] = struct{}{}
	return &directive{name: k, value: string(value)}, nil
}

// matchDirective is upstream's ^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$
// (\s is [\t\n\f\r ], . is anything but \n), returning its two groups.
// After the '=', the greedy \s* takes the leading spaces when anything
// else follows, and the lazy value then ends at the last non-space; when
// only spaces follow, \s* gives one back and the value is the last of
// them that is not a newline.
func matchDirective(line []byte) (name, value []byte, ok bool) {
	if len(line) == 0 || !isASCIILetter(line[0]) {
		return nil, nil, false
	}
	i := 1
	for i < len(line) && (isASCIILetter(line[i]) || '0' <= line[i] && line[i] <= '9') {
		i++
	}
	name = line[:i]
	for i < len(line) && isPerlSpace(line[i]) {
		i++
	}
	if i == len(line) || line[i] != '=' {
		return nil, nil, false
	}
	rest := line[i+1:]
	k := 0
	for k < len(rest) && isPerlSpace(rest[k]) {
		k++
	}
	if k == len(rest) {
		for p := len(rest) - 1; p >= 0; p-- {
			if rest[p] != '\n' {
				return name, rest[p : p+1], true
			}
		}
		return nil, nil, false
	}
	e := len(rest)
	for isPerlSpace(rest[e-1]) {
		e--
	}
	if bytes.IndexByte(rest[k:e], '\n') >= 0 {
		return nil, nil, false
	}
	return name, rest[k:e], true
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
