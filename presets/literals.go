package presets

import (
	"bytes"
	"regexp/syntax"
	"sync"
)

// A pattern over a whole source file (import "C", a write call) runs over
// every source of the build context, and most sources cannot match: they
// lack a piece of text that every match has ("C"). Looking for that text
// first is much cheaper than running the pattern, which over a tree of
// many projects was a tenth of the time.
var literals sync.Map // pattern → [][]byte

// mayMatch reports whether the pattern expr can match data: false when
// data lacks a literal every match of expr contains, true otherwise.
func mayMatch(expr string, data []byte) bool {
	v, ok := literals.Load(expr)
	if !ok {
		var lits [][]byte
		if r, err := syntax.Parse(expr, syntax.Perl); err == nil {
			for _, l := range requiredLiterals(r.Simplify()) {
				lits = append(lits, []byte(l))
			}
		}
		v, _ = literals.LoadOrStore(expr, lits)
	}
	for _, l := range v.([][]byte) {
		if !bytes.Contains(data, l) {
			return false
		}
	}
	return true
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
