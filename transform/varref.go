package transform

// The variable references below are found by hand rather than with
// regular expressions: compiling those at start-up cost every run about
// 0.1 ms, and running them was a large part of a conversion.

func isNameStart(c byte) bool {
	return c == '_' || ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z')
}

func isNameChar(c byte) bool { return isNameStart(c) || ('0' <= c && c <= '9') }

// nameEnd returns the end of the variable name that starts at i, or i
// when none does.
func nameEnd(s string, i int) int {
	if i >= len(s) || !isNameStart(s[i]) {
		return i
	}
	j := i + 1
	for j < len(s) && isNameChar(s[j]) {
		j++
	}
	return j
}

// varRefs returns the references $NAME and ${NAME (the opening of
// ${NAME...}) in s, left to right, as {start, end, name start, name end}:
// what the pattern \$\{?([A-Za-z_][A-Za-z0-9_]*) finds. A $ escaped with
// a backslash is included; callers look at the byte before start.
func varRefs(s string) [][4]int {
	var out [][4]int
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		n := i + 1
		if n < len(s) && s[n] == '{' && nameEnd(s, n+1) > n+1 {
			n++
		}
		if e := nameEnd(s, n); e > n {
			out = append(out, [4]int{i, e, n, e})
			i = e - 1
		}
	}
	return out
}

// varRefNames returns the names of varRefs(s).
func varRefNames(s string) []string {
	var out []string
	for _, m := range varRefs(s) {
		out = append(out, s[m[2]:m[3]])
	}
	return out
}

// plainRefAt returns the end and the name of a plain reference ($NAME or
// ${NAME}) at s[i] == '$', or ok false.
func plainRefAt(s string, i int) (end int, name string, ok bool) {
	n := i + 1
	if n < len(s) && s[n] == '{' {
		if e := nameEnd(s, n+1); e > n+1 && e < len(s) && s[e] == '}' {
			return e + 1, s[n+1 : e], true
		}
		return 0, "", false
	}
	if e := nameEnd(s, n); e > n {
		return e, s[n:e], true
	}
	return 0, "", false
}

// replacePlainRefs replaces each plain reference ($NAME or ${NAME}) in s
// with repl(the reference, its name), left to right.
func replacePlainRefs(s string, repl func(ref, name string) string) string {
	var b []byte
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		end, name, ok := plainRefAt(s, i)
		if !ok {
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, repl(s[i:end], name)...)
		last, i = end, end-1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// onlyPlainRefs reports whether every $ in s starts a plain reference
// ($NAME or ${NAME}).
func onlyPlainRefs(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		end, _, ok := plainRefAt(s, i)
		if !ok {
			return false
		}
		i = end - 1
	}
	return true
}

// isDirective reports whether line is a parser directive the way
// ^\s*#\s*(syntax|escape|check)\s*= matches it.
func isDirective(line string) bool {
	const space = "\t\n\f\r "
	i := skip(line, 0, space)
	if i >= len(line) || line[i] != '#' {
		return false
	}
	i = skip(line, i+1, space)
	for _, w := range []string{"syntax", "escape", "check"} {
		if len(line)-i >= len(w) && line[i:i+len(w)] == w {
			j := skip(line, i+len(w), space)
			return j < len(line) && line[j] == '='
		}
	}
	return false
}

func skip(s string, i int, set string) int {
	for i < len(s) && containsByte(set, s[i]) {
		i++
	}
	return i
}

func containsByte(set string, c byte) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}
