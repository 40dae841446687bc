package presets

import (
	"bytes"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// A pattern over a whole source file (import "C", a write call) runs over
// every source of the build context, and most sources cannot match: they
// lack a piece of text that every match has ("C"). Looking for that text
// first is much cheaper than running the pattern, which over a tree of
// many projects was a tenth of the time.
var literals sync.Map // pattern → [][]string

// literalGroups returns the groups of texts of expr, one of each group
// being in every match. The built-in presets' patterns have theirs
// worked out when builtin_gen.go is made (builtinLiterals): parsing a
// pattern to find them was a fifth of what a one-file run allocates.
func literalGroups(expr string) [][]string {
	if g, ok := literalMemo.get(expr); ok {
		return g
	}
	v, ok := literals.Load(expr)
	if !ok {
		var groups [][]string
		if i, found := slices.BinarySearchFunc(builtinLiterals, expr, func(p patternLiterals, e string) int {
			return strings.Compare(p.expr, e)
		}); found {
			groups = builtinLiterals[i].groups
		} else {
			groups = findLiteralGroups(expr)
		}
		v, _ = literals.LoadOrStore(expr, groups)
	}
	literalMemo.put(expr, v.([][]string))
	return v.([][]string)
}

var literalMemo textMemo[[][]string]

// patternLiterals is a pattern with its literal groups.
type patternLiterals struct {
	expr   string
	groups [][]string
}

// findLiteralGroups works out literalGroups of expr.
func findLiteralGroups(expr string) [][]string {
	r, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	return requiredGroups(r.Simplify())
}

// mayMatch reports whether the pattern expr can match data: false when
// data lacks every alternative of a group of texts, one of which each
// match of expr contains; true otherwise.
func mayMatch(expr string, data []byte) bool {
	for _, g := range literalGroups(expr) {
		// A view of the text as bytes, read only, so that looking for
		// it allocates nothing.
		if !slices.ContainsFunc(g, func(l string) bool { return bytes.Contains(data, unsafe.Slice(unsafe.StringData(l), len(l))) }) {
			return false
		}
	}
	return true
}

// mayMatchString is mayMatch over a string (a RUN's text).
func mayMatchString(expr string, text string) bool {
	for _, g := range literalGroups(expr) {
		if !slices.ContainsFunc(g, func(l string) bool { return strings.Contains(text, l) }) {
			return false
		}
	}
	return true
}

// matchString reports whether expr matches s, compiling expr only when
// s has the texts every match needs: a run compiles few of the patterns
// it tries (an image tag against each Debian release's name).
func matchString(expr, s string) bool {
	return mayMatchString(expr, s) && re(expr).MatchString(s)
}

// requiredGroups returns groups of texts such that every match of r
// contains at least one text of each group: the texts every match
// contains (a group of one each, requiredLiterals), and for an
// alternation whose every branch requires some text, one text of each
// branch (bcrypt|sharp: a match contains bcrypt or sharp). Like
// requiredLiterals, it may miss groups, never adds a wrong one.
func requiredGroups(r *syntax.Regexp) [][]string {
	switch r.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return requiredGroups(r.Sub[0])
	case syntax.OpRepeat:
		if r.Min >= 1 {
			return requiredGroups(r.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var out [][]string
		for _, s := range r.Sub {
			out = append(out, requiredGroups(s)...)
		}
		return out
	case syntax.OpAlternate:
		var out [][]string
		for _, l := range requiredLiterals(r) {
			out = append(out, []string{l})
		}
		if len(out) > 0 {
			return out
		}
		var any []string
		for _, s := range r.Sub {
			g := selective(requiredGroups(s))
			if g == nil {
				return nil
			}
			any = append(any, g...)
		}
		return [][]string{any}
	}
	var out [][]string
	for _, l := range requiredLiterals(r) {
		out = append(out, []string{l})
	}
	return out
}

// selective picks the group whose shortest text is longest: the one
// least likely to be found by chance.
func selective(groups [][]string) []string {
	var best []string
	bestLen := 0
	for _, g := range groups {
		short := len(g[0])
		for _, l := range g[1:] {
			short = min(short, len(l))
		}
		if short > bestLen {
			best, bestLen = g, short
		}
	}
	return best
}

// requiredLiterals returns texts that every match of r contains. It may
// miss some (it returns nothing for what it does not know), never adds
// one that a match could lack.
func requiredLiterals(r *syntax.Regexp) []string {
	switch r.Op {
	case syntax.OpLiteral:
		if r.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(r.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiterals(r.Sub[0])
	case syntax.OpRepeat:
		if r.Min >= 1 {
			return requiredLiterals(r.Sub[0])
		}
	case syntax.OpConcat:
		var out []string
		for _, s := range r.Sub {
			out = append(out, requiredLiterals(s)...)
		}
		return out
	case syntax.OpAlternate:
		// Only what every alternative requires.
		common := requiredLiterals(r.Sub[0])
		for _, s := range r.Sub[1:] {
			have := map[string]bool{}
			for _, l := range requiredLiterals(s) {
				have[l] = true
			}
			var keep []string
			for _, l := range common {
				if have[l] {
					keep = append(keep, l)
				}
			}
			common = keep
		}
		return common
	}
	return nil
}
