package transform

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// The start path is followed through the package.json scripts it runs:
// a program of a devDependency anywhere on it keeps the dev dependencies
// (no prune, RS124 naming it); the walk ends on a script that runs itself
// again, and stops past its depth bound or at a script name only known at
// run time, keeping them with the reason.
func TestStartDevScripts(t *testing.T) {
	const df = "FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"npm\", \"start\"]\n"
	pkg := func(scripts string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`{"name": "x", "scripts": {` + scripts + `},
  "dependencies": {"express": "^4.21.2", "knex": "^3.1.0"},
  "devDependencies": {"typescript": "^5.7.2", "prisma": "^6.1.0"}}`)}
	}
	// start → s0 → s1 → ... → s11, which runs tsc: 13 scripts.
	deep := `"start": "npm run s0 && node x.js", "s11": "tsc"`
	for i := 0; i < 11; i++ {
		deep += fmt.Sprintf(`, "s%d": "npm run s%d"`, i, i+1)
	}
	for name, c := range map[string]struct {
		scripts string
		note    string // "" when the prune must stay
	}{
		"script chain": {`"start": "npm run a && node x.js", "a": "npm run b", "b": "tsc"`,
			"the start script runs `npm run a`, and the a script runs `npm run b`, and the b script runs tsc, from typescript, which package.json lists in devDependencies"},
		"cycle, no dev program": {`"start": "npm run a && node x.js", "a": "npm run b", "b": "npm run a"`, ""},
		"cycle, then a dev program": {`"start": "npm run a && node x.js", "a": "npm run a; tsc"`,
			"the a script runs tsc, from typescript"},
		"deeper than the bound":    {deep, "runs scripts more than 8 deep"},
		"name known at run time":   {`"start": "npm run $TASK && node x.js"`, "the start script runs `npm run $TASK`, a script only known at run time"},
		"yarn run, longest prefix": {`"start": "yarn run build && node x.js", "build": "tsc -p ."`, "the build script runs tsc, from typescript"},
		"npx with option and version": {`"start": "npx --yes prisma@6.1.0 migrate deploy && node x.js"`,
			"the start script runs prisma (`npx --yes prisma@6.1.0 migrate deploy`), from prisma, which package.json lists in devDependencies"},
		"a later command of the script": {`"start": "rm -rf build && tsc && node build/x.js"`, "the start script runs tsc, from typescript"},
		"yarn name that is no script":   {`"start": "yarn prisma migrate deploy && node x.js"`, "the start script runs prisma (`yarn prisma migrate deploy`), from prisma"},
		"dependency, not dev":           {`"start": "npm run migrate && node x.js", "migrate": "knex migrate:latest"`, ""},
		"node script":                   {`"start": "npm run migrate && node x.js", "migrate": "node migrate.js"`, ""},
		"unreadable script":             {`"start": "npm run build && node x.js", "build": "tsc && (("`, "the build script, `tsc && ((`, is not one the shell reader can read"},
	} {
		res, err := Convert([]byte(df), Options{Context: fstest.MapFS{"package.json": pkg(c.scripts)}})
		if err != nil || res.Declined != "" {
			t.Fatalf("%s: %v %s", name, err, res.Declined)
		}
		var notes []string
		for _, n := range res.Notes {
			notes = append(notes, n.String())
		}
		all := strings.Join(notes, "\n")
		pruned := strings.Contains(string(res.Output), "npm prune --omit=dev")
		kept := strings.Contains(all, "development dependencies are not pruned: ")
		if c.note == "" {
			if !pruned || kept {
				t.Errorf("%s: want the prune, got\n%s\n%s", name, res.Output, all)
			}
			continue
		}
		if pruned || !kept || !strings.Contains(all, c.note) {
			t.Errorf("%s: want no prune and a note with %q, got\n%s\n%s", name, c.note, res.Output, all)
		}
	}
}

// The shell script the ENTRYPOINT runs is on the start path, and so is
// the CMD it runs with exec "$@".
func TestStartDevEntrypointScript(t *testing.T) {
	const df = "FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n"
	pkg := &fstest.MapFile{Data: []byte(`{"name": "x", "scripts": {"start": "node x.js", "migrate": "prisma migrate deploy"},
  "dependencies": {"express": "^4.21.2"}, "devDependencies": {"prisma": "^6.1.0"}}`)}
	for name, c := range map[string]struct {
		script, cmd string
		note        string
	}{
		"npx in the script":        {"npx prisma migrate deploy\nexec node x.js\n", "", "/entrypoint.sh, the ENTRYPOINT's script, runs prisma (`npx prisma migrate deploy`), from prisma"},
		"npm run in the script":    {"npm run migrate\nexec npm start\n", "", "/entrypoint.sh, the ENTRYPOINT's script, runs `npm run migrate`, and the migrate script runs prisma, from prisma"},
		"the CMD of exec \"$@\"":   {"set -e\nexec \"$@\"\n", `CMD ["npx", "prisma", "migrate", "deploy"]`, "CMD runs prisma (`npx prisma migrate deploy`), from prisma"},
		"nothing from dev":         {"exec npm start\n", "", ""},
		"a CMD the script ignores": {"exec node x.js\n", `CMD ["npx", "prisma", "migrate", "deploy"]`, ""},
	} {
		ctx := fstest.MapFS{"package.json": pkg, "entrypoint.sh": {Data: []byte("#!/bin/sh\n" + c.script), Mode: 0o755}, "x.js": {Data: []byte("1\n")}}
		d := df
		if c.cmd != "" {
			d += c.cmd + "\n"
		}
		res, err := Convert([]byte(d), Options{Context: ctx})
		if err != nil || res.Declined != "" {
			t.Fatalf("%s: %v %s", name, err, res.Declined)
		}
		var notes []string
		for _, n := range res.Notes {
			notes = append(notes, n.String())
		}
		all := strings.Join(notes, "\n")
		pruned := strings.Contains(string(res.Output), "npm prune --omit=dev")
		kept := strings.Contains(all, "development dependencies are not pruned: ")
		if c.note == "" {
			if !pruned || kept {
				t.Errorf("%s: want the prune, got\n%s\n%s", name, res.Output, all)
			}
			continue
		}
		if pruned || !kept || !strings.Contains(all, c.note) {
			t.Errorf("%s: want no prune and a note with %q, got\n%s\n%s", name, c.note, res.Output, all)
		}
	}
}
