package textutil

import (
	"runtime"
	"strings"
	"unicode/utf8"
)

// QuotePath writes a file name the way git does in its diff headers and
// file lists (quote_c_style): unchanged when it is plain, otherwise in
// double quotes with C escapes: \n, \t, \", \\ and the like, and \ooo
// octal for the other control bytes. A name with a newline would
// otherwise read as two names. Unlike git's default (core.quotePath),
// letters outside ASCII stay as they are when they are valid UTF-8;
// bytes that are not are escaped, and so are the C1 control characters
// (U+0080 to U+009F, such as U+009B, a one-character escape sequence to
// some terminals), whose bytes git's default quoting escapes too: a
// terminal never gets raw junk or a command.
func QuotePath(name string) string {
	if !needsQuote(name) {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(name); {
		c := name[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(name[i:])
			if r == utf8.RuneError && size == 1 {
				writeOctal(&b, c)
			} else if isC1(r) {
				for j := range size {
					writeOctal(&b, name[i+j])
				}
			} else {
				b.WriteString(name[i : i+size])
			}
			i += size
			continue
		}
		switch c {
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			if c < 0x20 || c == 0x7f {
				writeOctal(&b, c)
			} else {
				b.WriteByte(c)
			}
		}
		i++
	}
	b.WriteByte('"')
	return b.String()
}

// ShowPath is a file name as restage prints it in a line of text: the
// list of -l, and every `path:line: message` on stderr. It is QuotePath,
// so that a script reading those lines sees one name per line, quoted
// the same way everywhere. On Windows it is the name as it is: Windows
// names hold no control character and no double quote, and their
// separator is a backslash, which must not be escaped.
func ShowPath(name string) string {
	if runtime.GOOS == "windows" {
		return name
	}
	return QuotePath(name)
}

func needsQuote(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 0x20 || c == 0x7f || c == '"' || c == '\\' {
			return true
		}
	}
	if !utf8.ValidString(name) {
		return true
	}
	return strings.IndexFunc(name, isC1) >= 0
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

func writeOctal(b *strings.Builder, c byte) {
	b.WriteByte('\\')
	b.WriteByte('0' + c>>6)
	b.WriteByte('0' + c>>3&7)
	b.WriteByte('0' + c&7)
}
