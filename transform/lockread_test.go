package transform

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// RS144's lockfile counts only when the install reads it (issue #8): a
// COPY or a bind mount brings it into the install's folder before an
// install of the preset's lockfiles[].read_by that names no package of
// its own. Otherwise the alpine builder's musl is kept with RS189.
func TestLockfileReadByInstall(t *testing.T) {
	lock, err := os.ReadFile("../testdata/node/alpine-pure-js-lockfile/package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	ctx := fstest.MapFS{
		"package.json":      {Data: []byte(`{"name":"greeter","version":"1.0.0","dependencies":{"express":"^4.21.2"}}`)},
		"package-lock.json": {Data: lock},
		"server.js":         {Data: []byte(`require("http").createServer((q, r) => r.end("ok")).listen(3000);`)},
		"api/package.json":  {Data: []byte(`{"name":"api","version":"1.0.0"}`)},
	}
	cases := []struct {
		name, steps string
		free        bool   // RS144, a glibc runtime
		why         string // in RS189 otherwise
	}{
		{"copied before npm ci", "COPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\n", true, ""},
		{"whole context before npm install", "COPY . .\nRUN npm install --omit=dev\n", true, ""},
		{"bind mount of the folder", "RUN --mount=type=bind,target=/app npm ci --omit=dev\nCOPY . .\n", true, ""},
		{"bind mount elsewhere", "RUN --mount=type=bind,source=package-lock.json,target=/tmp/package-lock.json npm ci --omit=dev\nCOPY . .\n", false, "reaches /app only after"},
		{"copied after", "COPY package.json ./\nRUN npm install --omit=dev\nCOPY . .\n", false, "reaches /app only after"},
		{"a named package too", "COPY . .\nRUN npm ci --omit=dev && npm install left-pad\n", false, "installs packages it names"},
		{"yarn", "COPY . .\nRUN yarn install --production\n", false, "only npm ci, npm install and npm i do"},
		{"second install in a folder without it", "COPY . .\nRUN npm ci --omit=dev\nRUN cd api && npm install --omit=dev\n", false, "no COPY brings it into /app/api"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := "FROM node:22-alpine\nWORKDIR /app\n" + c.steps + "CMD [\"node\", \"server.js\"]\n"
			res, err := Convert([]byte(src), Options{Context: ctx})
			if err != nil || res.Declined != "" {
				t.Fatalf("Convert: %v %s", err, res.Declined)
			}
			var free, unread *Note
			for i, n := range res.Notes {
				switch n.Code {
				case infoLibcFree:
					free = &res.Notes[i]
				case infoLockfileUnread:
					unread = &res.Notes[i]
				}
			}
			alpine := strings.Contains(string(res.Output), "\nFROM node:22-alpine\n")
			if c.free {
				if free == nil || unread != nil || alpine {
					t.Errorf("want RS144 and a glibc runtime, got RS144 %v, RS189 %v, alpine runtime %v:\n%s", free, unread, alpine, res.Output)
				}
				return
			}
			if free != nil || unread == nil || !alpine {
				t.Fatalf("want RS189 and the builder's musl, got RS144 %v, RS189 %v, alpine runtime %v:\n%s", free, unread, alpine, res.Output)
			}
			if !strings.Contains(unread.Message, c.why) {
				t.Errorf("RS189 %q does not say %q", unread.Message, c.why)
			}
		})
	}
}
