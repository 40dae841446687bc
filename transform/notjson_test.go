package transform

import (
	"strings"
	"testing"
)

// TestNotJSONCommand: a CMD that starts as a JSON array but is not valid
// JSON is declined as one (RS297, review round 5, finding K), while a
// shell command that starts with the shell's test command `[` is not.
func TestNotJSONCommand(t *testing.T) {
	const head = "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"
	cases := []struct {
		cmd, why string // why: a part of the reason, "" when not RS297
	}{
		{`CMD ["npm", "run", "start"];`, "invalid character ';' after top-level value"},
		{`CMD ['node', 'server.js']`, "looking for beginning of value"},
		{`CMD [ 'node', 'server.js' ]`, "looking for beginning of value"},
		{`CMD ["node" "server.js"]`, "after array element"},
		{`ENTRYPOINT ["node", "server.js",]`, "looking for beginning of value"},
		{`CMD [ -f /app/server.js ] && exec node server.js`, ""},
		{`CMD [ "$MODE" = prod ] && exec node server.js`, ""},
		{`CMD [ "node", "server.js" ]`, ""},
	}
	for _, c := range cases {
		res, err := Convert([]byte(head+c.cmd+"\n"), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.cmd, err)
		}
		got := res.DeclineCode == declNotJSON
		if got != (c.why != "") {
			t.Errorf("%s: decline %s %q; want RS297: %v", c.cmd, res.DeclineCode, res.Declined, c.why != "")
			continue
		}
		if got && !strings.Contains(res.Declined, c.why) {
			t.Errorf("%s: reason %q does not say %q", c.cmd, res.Declined, c.why)
		}
	}
}
