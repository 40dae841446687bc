package transform

import (
	"path"
	"strings"
)

// Compose fills variables in a compose file before it reads an entry,
// from the environment of whoever runs it and, for those the
// environment does not set, from the project folder's .env file
// (https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/).
// The environment is not known here; the .env file and the defaults
// written in the entry are how the repository itself deploys, so they
// are read, and a variable neither gives stays unknown (composeVar).

// composeDotEnv reads the project folder's .env as compose's dotenv
// parser does for the common forms: KEY=VALUE lines, `#` comment lines,
// an `export ` prefix, single quotes (literal), double quotes, and an
// unquoted value's trailing ` #` comment. A line of another form is
// skipped.
func composeDotEnv(data []byte) map[string]string {
	env := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		k, v, ok := strings.Cut(line, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			continue
		}
		v = strings.TrimSpace(v)
		switch {
		case len(v) >= 2 && v[0] == '\'':
			if i := strings.IndexByte(v[1:], '\''); i >= 0 {
				v = v[1 : 1+i]
			}
		case len(v) >= 2 && v[0] == '"':
			if i := strings.IndexByte(v[1:], '"'); i >= 0 {
				v = strings.ReplaceAll(v[1:1+i], `\n`, "\n")
			}
		default:
			if i := strings.Index(v, " #"); i >= 0 {
				v = strings.TrimSpace(v[:i])
			}
		}
		env[k] = v
	}
	return env
}

// composeInterpolate fills compose's variables in s from env: $X and
// ${X}, ${X:-default} (unset or empty), ${X-default} (unset),
// ${X:?message} and ${X?message} (the value, else compose stops),
// ${X:+other} and ${X+other}; a default may hold variables of its own;
// `$$` is a dollar. A variable env does not set and no default gives is
// composeVar. ok is false when a `$` is of no such form.
func composeInterpolate(s string, env map[string]string) (out string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '$' {
			b.WriteByte(c)
			i++
			continue
		}
		switch {
		case i+1 < len(s) && s[i+1] == '$':
			b.WriteByte('$')
			i += 2
		case i+1 < len(s) && s[i+1] == '{':
			end, depth := -1, 0
			for j := i + 1; j < len(s) && end < 0; j++ {
				switch s[j] {
				case '{':
					depth++
				case '}':
					if depth--; depth == 0 {
						end = j
					}
				}
			}
			if end < 0 {
				return "", false
			}
			v, ok := composeExpand(s[i+2:end], env)
			if !ok {
				return "", false
			}
			b.WriteString(v)
			i = end + 1
		default:
			j := i + 1
			for j < len(s) && (s[j] == '_' || 'A' <= s[j] && s[j] <= 'Z' || 'a' <= s[j] && s[j] <= 'z' || j > i+1 && '0' <= s[j] && s[j] <= '9') {
				j++
			}
			if j == i+1 {
				return "", false
			}
			v, set := env[s[i+1:j]]
			if !set {
				v = composeVar
			}
			b.WriteString(v)
			i = j
		}
	}
	return b.String(), true
}

// composeExpand is the value of one braced expression, NAME[op word].
func composeExpand(expr string, env map[string]string) (string, bool) {
	n := 0
	for n < len(expr) && (expr[n] == '_' || 'A' <= expr[n] && expr[n] <= 'Z' || 'a' <= expr[n] && expr[n] <= 'z' || n > 0 && '0' <= expr[n] && expr[n] <= '9') {
		n++
	}
	if n == 0 {
		return "", false
	}
	name, rest := expr[:n], expr[n:]
	val, set := env[name]
	if rest == "" {
		if !set {
			return composeVar, true
		}
		return val, true
	}
	colon := strings.HasPrefix(rest, ":")
	rest = strings.TrimPrefix(rest, ":")
	if rest == "" {
		return "", false
	}
	op, word := rest[0], rest[1:]
	// With a colon, an empty value counts as unset.
	has := set && (!colon || val != "")
	switch op {
	case '-':
		if has {
			return val, true
		}
		return composeInterpolate(word, env)
	case '?':
		if has {
			return val, true
		}
		return composeVar, true // from the environment, or compose stops
	case '+':
		if has {
			return composeInterpolate(word, env)
		}
		if !set {
			return composeVar, true // the environment may set it
		}
		return "", true
	}
	return "", false
}

// composeIsBind tells a volume entry's source from compose's rule: a
// path (., /, ~, or any /, which no volume name holds) is a host folder.
// known is false when a variable compose takes from its environment
// decides it.
func composeIsBind(source string) (bind, known bool) {
	if strings.HasPrefix(source, ".") || strings.HasPrefix(source, "/") || strings.HasPrefix(source, "~") {
		return true, true
	}
	if strings.Contains(source, composeVar) {
		return strings.Contains(source, "/"), strings.Contains(source, "/")
	}
	return strings.Contains(source, "/"), true
}

// cleanTarget is a mount target as the image sees it, false when it is
// not an absolute path restage can read.
func cleanTarget(t string) (string, bool) {
	if strings.Contains(t, composeVar) || !path.IsAbs(t) {
		return "", false
	}
	return path.Clean(t), true
}

// splitOutsideBraces splits s at each sep that is not inside a ${...}.
func splitOutsideBraces(s string, sep byte) []string {
	var out []string
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}' && depth > 0:
			depth--
		case s[i] == sep && depth == 0:
			out = append(out, s[from:i])
			from = i + 1
		}
	}
	return append(out, s[from:])
}
