package transform

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestSourceDeclineNextDev: a custom server's next({ dev }) is a
// development server unless its dev is false at start (review 28,
// finding A); NODE_ENV=production set by the start command or a script,
// as well as by ENV (the goldens), turns the NODE_ENV rule off.
func TestSourceDeclineNextDev(t *testing.T) {
	const envDev = "const next = require('next')\nconst dev = process.env.NODE_ENV !== 'production'\nconst app = next({ dev })\napp.prepare()\n"
	for _, c := range []struct {
		name, start, cmd, server string
		declined                 bool
	}{
		{"dev from NODE_ENV, unset", "node server.js", `["npm", "start"]`, envDev, true},
		{"set by the start script", "NODE_ENV=production node server.js", `["npm", "start"]`, envDev, false},
		{"set by cross-env in the script", "cross-env NODE_ENV=production node server.js", `["npm", "start"]`, envDev, false},
		{"set in the CMD", "node server.js", `["sh", "-c", "NODE_ENV=production node server.js"]`, envDev, false},
		{"set to another value", "NODE_ENV=staging node server.js", `["npm", "start"]`, envDev, true},
		{"inline test", "node server.js", `["node", "server.js"]`, "const next = require('next')\nconst app = next({ dev: process.env.NODE_ENV != \"production\", port: 3000 })\n", true},
		{"typed const", "node server.js", `["node", "server.js"]`, "import next from 'next'\nconst dev: boolean = process.env.NODE_ENV !== 'production'\nconst app = next({ hostname, dev })\n", true},
		{"test for development", "node server.js", `["node", "server.js"]`, "const next = require('next')\nconst dev = process.env.NODE_ENV === 'development'\nconst app = next({ dev })\n", false},
		{"dev false", "node server.js", `["node", "server.js"]`, "const next = require('next')\nconst dev = process.env.NODE_ENV !== 'production'\nconst app = next({ dev: false })\n", false},
		{"in a comment only", "node server.js", `["node", "server.js"]`, "const next = require('next')\n// next({ dev: true }) for local work\nconst app = next({ dev: false })\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := fstest.MapFS{
				"package.json": {Data: []byte(`{"name":"a","version":"1.0.0","scripts":{"start":"` + c.start + `"},"dependencies":{"next":"14.2.0","cross-env":"7.0.3"}}`)},
				"server.js":    {Data: []byte(c.server)},
			}
			src := "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD " + c.cmd + "\n"
			res, err := Convert([]byte(src), Options{Context: ctx})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Contains(res.Declined, "Next.js runs as its development server")
			if got != c.declined {
				t.Errorf("declined as a Next.js development server: %v, want %v (%q)", got, c.declined, res.Declined)
			}
		})
	}
}
