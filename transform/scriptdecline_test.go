package transform

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A dev-server decline that names a script (npm run dev, yarn serve)
// stands in for what the script runs only when package.json's script
// cannot be read; once it is read, what it runs decides (review 26,
// finding C).
func TestScriptDeclineByNameOnlyUnread(t *testing.T) {
	const df = "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD [\"npm\", \"run\", \"serve\"]\n"
	pkg := func(scripts string) fstest.MapFS {
		return fstest.MapFS{"package.json": {Data: []byte(`{"name": "x", "scripts": {` + scripts + `}, "dependencies": {"express": "^4.21.2"}}`)}}
	}
	for name, c := range map[string]struct {
		ctx     fstest.MapFS
		decline string // "" when the file converts
	}{
		"no context":                    {nil, "runs the script serve, which by its name starts a development server"},
		"no package.json":               {fstest.MapFS{"x.js": {Data: []byte("1")}}, "runs the script serve, which by its name starts a development server"},
		"package.json has no serve":     {pkg(`"start": "node x.js"`), "runs the script serve, which by its name starts a development server"},
		"serve runs node":               {pkg(`"serve": "node x.js"`), ""},
		"serve runs a listed server":    {pkg(`"serve": "vite --host"`), "npm run serve runs `vite --host`: `vite` is a development server"},
		"serve runs a script that does": {pkg(`"serve": "npm run dev", "dev": "nuxt dev"`), "npm run serve runs `npm run dev`, and npm run dev runs `nuxt dev`: `nuxt dev` is a development server"},
	} {
		opt := Options{}
		if c.ctx != nil {
			opt.Context = c.ctx
		}
		res, err := Convert([]byte(df), opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if c.decline == "" {
			if res.Declined != "" {
				t.Errorf("%s: declined %q, want a conversion", name, res.Declined)
			}
			continue
		}
		if !strings.Contains(res.Declined, c.decline) {
			t.Errorf("%s: declined %q, want one with %q", name, res.Declined, c.decline)
		}
	}
}
