package transform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// fuzzContextNames are the names a fuzzed context file is placed under:
// those the readers of the build context look for (the presets' files,
// version sources, lockfiles, ignore files, action metadata, Spring's
// configuration), at the context's root and in the sub-folders the
// goldens copy from, plus sources and scripts of each language. A name
// byte of the fuzzer picks one, modulo the length, so one target reaches
// every reader. Append only: the kept corpus names files by index.
var fuzzContextNames = []string{
	// Go
	"go.mod", "go.sum", "go.work", "go.work.sum", "main.go", "cmd/server/main.go", "server/main.go",
	// Node.js
	"package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
	".nvmrc", ".node-version", "index.js", "server.js", "server/index.js", "server/package.json",
	"app/package.json", "src/main.ts", "tsconfig.json", "binding.gyp", "prisma/schema.prisma",
	// Python
	"requirements.txt", "requirements-prod.txt", "requirements/base.txt", "requirements/prod.txt",
	"requirements/production.txt", "pyproject.toml", "setup.py", "setup.cfg", "Pipfile",
	"Pipfile.lock", "poetry.lock", "uv.lock", "runtime.txt", ".python-version", "app.py",
	"main.py", "manage.py", "app/main.py", "pyvenv.cfg",
	// Java
	"pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts",
	"gradle.properties", "gradle/wrapper/gradle-wrapper.properties", ".mvn/wrapper/maven-wrapper.properties",
	"src/main/resources/application.properties", "src/main/resources/application.yml",
	"src/main/resources/application.yaml", "config/application.properties", "application.yml",
	"src/main/java/x/App.java", "Main.java",
	// any language: the context's own files, scripts, configuration
	".dockerignore", ".gitignore", "action.yml", "action.yaml", "entrypoint.sh",
	"docker-entrypoint.sh", "start.sh", ".env", "config.yaml", "config.yml", "conf/app.conf",
	"templates/index.html", "docker-compose.yml",
	// compose files (review 13, findings B and C)
	"compose.yaml", "compose.yml", "docker-compose.yaml", "compose.override.yaml",
	// sources that bind names other sources import, configuration values
	// (reviews 17 and 18); appended, so that earlier inputs keep their names
	"config.py", "src/config.py", "src/app.py", "config/config.yml", "config.js",
	// files the eighth session's rules read: compose include/extends targets,
	// Python packages and modules, Node re-exports, a Gradle subproject, an
	// example file beside a git-ignored one, a script a RUN runs
	"deploy/web.yaml", "common.yml", "app/__init__.py", "app/config.py", "paths.js",
	"server/build.gradle", "messages.json.example", "gen-cert.sh",
	// the ninth session's: a compiled start's source and a config under
	// outDir's parent, a wrapper script, a JSON config with SQLite URLs
	"src/app.ts", "src/index.ts", "dist/tsconfig.json", "wait-for-it.sh", "config.json",
	// the tenth session's: workspaces and their members, a tsconfig another
	// extends, Django settings, Kubernetes manifests and a Helm chart, a
	// composite action's script, a module a database path goes through
	"pnpm-workspace.yaml", "apps/api/package.json", "tsconfig.base.json", "settings.py",
	"Chart.yaml", "templates/deployment.yaml", "k8s/deployment.yaml", "db.js", "Makefile",
	// the eleventh session's: Spring profile files (embedded JDBC URLs), a
	// start script with a class path, a Go file run by go run in a folder
	"src/main/resources/application-prod.properties", "src/main/resources/application-dev.yml",
	"bin/start.sh", "cmd/main.go",
}

// fuzzContextFiles is how many context files one fuzz input holds.
const fuzzContextFiles = 4

// fuzzContext builds the build context of one fuzz input: file i, for i
// below len(names), is contents[i] under the name names[i] picks; a name
// picked twice keeps the first.
func fuzzContext(names []byte, contents ...[]byte) fstest.MapFS {
	m := fstest.MapFS{}
	for i, c := range contents {
		if i >= len(names) {
			break
		}
		name := fuzzContextNames[int(names[i])%len(fuzzContextNames)]
		if _, ok := m[name]; !ok {
			m[name] = &fstest.MapFile{Data: c, Mode: 0o644}
		}
	}
	return m
}

// FuzzConvertContext: what a repository's files say never makes the
// engine panic, hang or break its invariants (checkInvariants: an error
// only for a Dockerfile BuildKit rejects, an Output that parses, Edits
// that give it, idempotence, determinism). The inputs are a Dockerfile,
// the runtime mode of FuzzConvert, a name byte per context file and the
// files' bytes. The seeds are the golden cases with their own context
// files (up to fuzzContextFiles of them whose names the list has), so
// the engine starts where the readers parse real files.
//
// To fuzz: go test ./transform -run '^$' -fuzz '^FuzzConvertContext$' -fuzztime 10m -parallel 1
func FuzzConvertContext(f *testing.F) {
	index := map[string]byte{}
	for i, n := range fuzzContextNames {
		index[n] = byte(i)
	}
	for _, c := range loadCases(f) {
		var names []byte
		var contents [fuzzContextFiles][]byte
		for _, n := range fuzzContextNames {
			if len(names) == fuzzContextFiles {
				break
			}
			data, err := os.ReadFile(filepath.Join(c.Dir, filepath.FromSlash(n)))
			if err != nil {
				continue
			}
			contents[len(names)] = data
			names = append(names, index[n])
		}
		if len(names) == 0 {
			continue
		}
		f.Add(c.Input, optionsMode(c.Options), names, contents[0], contents[1], contents[2], contents[3])
	}
	// Hostile shapes of the files the readers parse.
	js := []byte("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n")
	gosrc := []byte("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n")
	py := []byte("FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n")
	tsc := []byte("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"node\", \"dist/app.js\"]\n")
	java := []byte("FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn -q package\nCMD [\"java\", \"-jar\", \"target/app.jar\"]\n")
	for _, s := range []struct {
		src   []byte
		name  string
		bytes string
	}{
		{js, "package.json", "[1, 2, 3]"},
		{js, "package.json", `{"scripts": [], "dependencies": "x", "engines": {"node": 22}}`},
		{js, "package-lock.json", `{"packages": {"": null, "node_modules/a": [1]}}`},
		{js, "pnpm-lock.yaml", "a: &a [*a, *a]\n"},
		{gosrc, "go.mod", "module " + string(make([]byte, 70000)) + "\ngo 1.22\n"},
		{gosrc, "go.mod", "module x\ngo 1.22\nrequire (\n"},
		{py, "requirements.txt", "\x00\xff\xfe-r requirements.txt\n-c \x00\n"},
		{py, "pyproject.toml", "[project\nrequires-python = \">=3.\n"},
		{java, "pom.xml", `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><project><artifactId>&c;</artifactId><properties><java.version>&c;</java.version></properties></project>`},
		{java, "action.yml", "runs: " + nestedYAML(5000) + "\n"},
		// found by hand: nested elements cost OutputNames.BaseName the
		// square of the file's size
		{java, "pom.xml", "<project><artifactId>app</artifactId><version>1</version>" + strings.Repeat("<a>", 5000)},
		{gosrc, ".dockerignore", "[\n!\x00\n**/../..\n"},
		// a compiled start (node dist/app.js) read through tsconfig.json
		{tsc, "tsconfig.json", `{"compilerOptions": {"outDir": "../..", "rootDir": "/etc"}}`},
		{tsc, "tsconfig.json", `{"compilerOptions": {"outDir": ".", "rootDir": ".."}, /* open`},
		{tsc, "tsconfig.json", "{\"compilerOptions\": {\"outDir\": \"dist\", \"rootDir\": [\"src\"],},} // x"},
		{tsc, "tsconfig.json", strings.Repeat("[", 20000) + strings.Repeat(",", 20000)},
		// the tenth session's readers: tsconfig extends (a file that extends
		// itself, a path out of the context), workspace markers, a
		// requirements file with a byte-order mark and an odd length, a
		// Kubernetes manifest's mounts
		{tsc, "tsconfig.json", `{"extends": ["./tsconfig.json", "../../x.json", ""], "compilerOptions": {"outDir": "dist"}}`},
		{tsc, "tsconfig.base.json", `{"extends": "./tsconfig.base.json"}`},
		{js, "pnpm-workspace.yaml", "packages:\n  - '**'\n  - '!**'\n  - [a]\n"},
		{js, "package.json", `{"workspaces": {"packages": [null, 1, "**/../*", "["]}}`},
		{py, "requirements.txt", "\xff\xfef\x00l\x00a\x00s\x00k\x00\n"},
		{py, "requirements.txt", "\xfe\xff\x00"},
		{py, "k8s/deployment.yaml", "spec:\n  volumes:\n  - name: d\n    persistentVolumeClaim: {claimName: x}\n  containers:\n  - volumeMounts:\n    - {name: d, mountPath: /app/../..}\n"},
	} {
		f.Add(s.src, uint8(0), []byte{index[s.name]}, []byte(s.bytes), []byte(nil), []byte(nil), []byte(nil))
	}

	f.Fuzz(func(t *testing.T, src []byte, mode uint8, names, a, b, c, d []byte) {
		// The command reads Dockerfiles of at most 1 MiB by default.
		if len(src) > 1<<20 {
			return
		}
		opt := fuzzOptions(mode)
		opt.Context = fuzzContext(names, a, b, c, d)
		checkInvariants(t, src, opt)
	})
}

// nestedYAML is a flow sequence nested depth deep.
func nestedYAML(depth int) string {
	b := make([]byte, 0, 2*depth)
	for range depth {
		b = append(b, '[')
	}
	for range depth {
		b = append(b, ']')
	}
	return string(b)
}
