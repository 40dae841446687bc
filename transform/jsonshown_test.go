package transform

import "testing"

// The character a JSON error names is the file's whole character (review
// 31, finding F), escaped when an editor would not show it plainly.
func TestNotJSONArrayNamesWholeCharacter(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{`["node", "server.js"]` + "\uFFFCEnter", `invalid character '\ufffc' after top-level value`},
		{`["node", "server.js"]é`, `invalid character 'é' after top-level value`},
		{`["node", "server.js"]` + "\xef", `invalid character '\xef' after top-level value`},
		{`["npm", "start"];`, `invalid character ';' after top-level value`},
	} {
		got, ok := notJSONArray(c.text)
		if !ok || got != c.want {
			t.Errorf("notJSONArray(%q) = %q, %v; want %q", c.text, got, ok, c.want)
		}
	}
}
