package transform

import "encoding/json"

// decodeJSONC decodes JSON that may hold // and /* */ comments and
// trailing commas, as TypeScript reads tsconfig.json: both are blanked
// outside strings (so that offsets stay) before a strict decode.
func decodeJSONC(data []byte) (any, error) {
	b := make([]byte, len(data))
	copy(b, data)
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			b[i], b[i+1] = ' ', ' '
			for i += 2; i < len(b) && !(b[i] == '*' && i+1 < len(b) && b[i+1] == '/'); i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			if i < len(b) {
				b[i], b[i+1] = ' ', ' '
				i++
			}
		case c == ',':
			// A comma is trailing when only blanks (or blanked comments,
			// handled as they come) stand before the closing bracket.
			j := i + 1
			for j < len(b) {
				if b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r' {
					j++
					continue
				}
				if b[j] == '/' && j+1 < len(b) && (b[j+1] == '/' || b[j+1] == '*') {
					j = skipComment(b, j)
					continue
				}
				break
			}
			if j < len(b) && (b[j] == '}' || b[j] == ']') {
				b[i] = ' '
			}
		}
	}
	var doc any
	err := json.Unmarshal(b, &doc)
	return doc, err
}

// skipComment returns the offset after the comment at b[i].
func skipComment(b []byte, i int) int {
	if b[i+1] == '/' {
		for i < len(b) && b[i] != '\n' {
			i++
		}
		return i
	}
	for i += 2; i+1 < len(b) && !(b[i] == '*' && b[i+1] == '/'); i++ {
	}
	return min(i+2, len(b))
}
