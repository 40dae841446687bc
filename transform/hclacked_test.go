package transform

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A HEALTHCHECK program the builder image lacks (curl on node:22-slim)
// is not installed in the runtime, and warning RS366 says the original's
// check always failed only when nothing else in the check can pass
// (review 5, finding H).
func TestHealthcheckLackedWording(t *testing.T) {
	ctx := fstest.MapFS{
		"package.json": {Data: []byte(`{"name":"x","version":"1.0.0","dependencies":{}}`)},
		"server.js":    {Data: []byte(`require("http").createServer((q, r) => r.end("ok")).listen(3000);`)},
	}
	cases := []struct {
		check  string
		always bool
	}{
		{`CMD curl -f http://localhost:3000/ || exit 1`, true},
		{`CMD ["curl", "-f", "http://localhost:3000/"]`, true},
		{`CMD curl -f http://localhost:3000/ && echo ok`, true},
		{`CMD curl -f http://localhost:3000/ || false`, true},
		{`CMD curl -f http://localhost:3000/ || exit 0`, false},
		{`CMD curl -f http://localhost:3000/ || node -e "process.exit(0)"`, false},
		{`CMD ! curl -f http://localhost:3000/`, false},
		{`CMD curl -f http://localhost:3000/ | node -e 1`, false},
	}
	for _, c := range cases {
		t.Run(c.check, func(t *testing.T) {
			src := "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm install\nHEALTHCHECK " + c.check + "\nCMD [\"node\", \"server.js\"]\n"
			res, err := Convert([]byte(src), Options{Context: ctx})
			if err != nil || res.Declined != "" {
				t.Fatalf("Convert: %v %s", err, res.Declined)
			}
			if strings.Contains(string(res.Output), "install") && strings.Contains(string(res.Output), "curl &&") {
				t.Errorf("the runtime installs curl:\n%s", res.Output)
			}
			var warn *Note
			for i, n := range res.Notes {
				if n.Code == warnHealthcheckLacked {
					warn = &res.Notes[i]
				}
				if n.Code == infoHealthcheckInstall {
					t.Errorf("RS130 given: %s", n.Message)
				}
			}
			if warn == nil {
				t.Fatalf("no RS366 among %v", res.Notes)
			}
			if got := strings.Contains(warn.Message, "always failed"); got != c.always {
				t.Errorf("says always failed: %v, want %v: %s", got, c.always, warn.Message)
			}
		})
	}
}
