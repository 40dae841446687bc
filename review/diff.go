package review

import (
	"math"
	"strconv"
	"strings"
)

// Hunk is the RIGHT-side line range of one hunk of a pull request's
// diff: lines Start..End (1-based, inclusive), added and context lines
// alike. A review comment's lines must all lie in one hunk.
type Hunk struct{ Start, End int }

// Hunks reads the RIGHT-side ranges from a file's patch, as GET
// /pulls/N/files gives it (hunks without the file header). Only the
// "@@ -a,b +c,d @@" headers count: GitHub's own diff decides the context
// lines, so nothing is recomputed here.
func Hunks(patch string) []Hunk {
	var hs []Hunk
	for line := range strings.Lines(patch) {
		rest, ok := strings.CutPrefix(line, "@@ -")
		if !ok {
			continue
		}
		_, rest, ok = strings.Cut(rest, " +")
		if !ok {
			continue
		}
		rng, _, ok := strings.Cut(rest, " @@")
		if !ok {
			continue
		}
		first, count, hasCount := strings.Cut(rng, ",")
		start, err := strconv.Atoi(first)
		if err != nil {
			continue
		}
		n := 1
		if hasCount {
			if n, err = strconv.Atoi(count); err != nil {
				continue
			}
		}
		if start < 0 || start > math.MaxInt-n {
			continue // not a line number GitHub would give
		}
		if n > 0 { // a hunk that only deletes has no RIGHT-side lines
			hs = append(hs, Hunk{start, start + n - 1})
		}
	}
	return hs
}

// InOneHunk says whether lines start..end lie in one of hs.
func InOneHunk(hs []Hunk, start, end int) bool {
	for _, h := range hs {
		if h.Start <= start && end <= h.End {
			return true
		}
	}
	return false
}
