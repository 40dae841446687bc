package transform

import (
	"strconv"
	"strings"
)

// A version requirement is a comma-separated list of clauses, each an
// operator and a dotted version (PEP 440 specifiers: >=3.11, <4, ==3.12.*,
// ~=3.12.1, !=3.10). excludesVersion reports whether no release of have
// can satisfy spec. have is a dotted version the builder is known by; it
// stands for every release it is a prefix of (3.11 is 3.11.0, 3.11.9...).
// The answer is true only when that is certain: a clause it cannot read
// (a pre-release, ===, a caret) says nothing, and a clause that some of
// have's releases satisfy and others do not (3.11 against >=3.11.4)
// excludes nothing.
func excludesVersion(have, spec string) bool {
	h, ok := parseDotted(have)
	if !ok {
		return false
	}
	for _, clause := range strings.Split(spec, ",") {
		if clauseExcludes(h, strings.TrimSpace(clause)) {
			return true
		}
	}
	return false
}

// clauseExcludes reports whether no release with the prefix h satisfies
// the one clause c.
func clauseExcludes(h []int, c string) bool {
	var op string
	for _, o := range []string{"===", "~=", "==", "!=", ">=", "<=", ">", "<"} {
		if strings.HasPrefix(c, o) {
			op = o
			break
		}
	}
	if op == "" || op == "===" {
		return false
	}
	v := strings.TrimSpace(c[len(op):])
	wild := strings.HasSuffix(v, ".*")
	if wild {
		if op != "==" && op != "!=" {
			return false
		}
		v = strings.TrimSuffix(v, ".*")
	}
	w, ok := parseDotted(v)
	if !ok {
		return false
	}
	switch {
	case wild && op == "==":
		return !prefixesMeet(h, w)
	case wild: // !=V.*: excludes when every release of h starts with V
		return len(h) >= len(w) && prefixesMeet(h, w)
	}
	rel := compareSet(h, w)
	switch op {
	case ">=":
		return rel == setBelow
	case ">":
		return rel == setBelow
	case "<=":
		return rel == setAbove
	case "<":
		return rel == setAbove || rel == setAtOrAbove
	case "==":
		return rel == setBelow || rel == setAbove
	case "~=":
		// ~=V.N is >=V.N together with ==V.*; it needs two parts.
		if len(w) < 2 {
			return false
		}
		return compareSet(h, w) == setBelow || !prefixesMeet(h, w[:len(w)-1])
	}
	return false // !=V: some release of h other than V may satisfy it
}

// How the releases with a prefix h lie against one version w.
const (
	setBelow     = iota // every one is lower than w
	setAbove            // every one is higher
	setAtOrAbove        // the lowest is w itself, the rest are higher
	setAcross           // some are lower, some higher
)

// compareSet places the releases that start with h against w, missing
// parts of w being zero (3.11 is 3.11.0).
func compareSet(h, w []int) int {
	for i := range h {
		x := 0
		if i < len(w) {
			x = w[i]
		}
		switch {
		case h[i] < x:
			return setBelow
		case h[i] > x:
			return setAbove
		}
	}
	// h equals w's first parts: the rest of w decides.
	for _, x := range w[min(len(h), len(w)):] {
		if x != 0 {
			return setAcross
		}
	}
	return setAtOrAbove
}

// prefixesMeet reports whether h and w agree on the parts both have:
// some release starts with both.
func prefixesMeet(h, w []int) bool {
	for i := range min(len(h), len(w)) {
		if h[i] != w[i] {
			return false
		}
	}
	return true
}

// parseDotted reads a version of dot-separated decimal numbers only.
func parseDotted(s string) ([]int, bool) {
	if s == "" {
		return nil, false
	}
	parts := strings.Split(s, ".")
	out := make([]int, 0, len(parts))
	for _, p := range parts {
		if p == "" || strings.TrimLeft(p, "0123456789") != "" || len(p) > 9 {
			return nil, false
		}
		n, _ := strconv.Atoi(p)
		out = append(out, n)
	}
	return out, true
}
