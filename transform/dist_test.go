package transform

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/restage/restage/presets"
)

// TestCopiedTo: where a cp or mv of a RUN puts a distribution's folder.
func TestCopiedTo(t *testing.T) {
	const dir = "/src/build/install/app"
	for _, c := range []struct {
		line string
		want []string
	}{
		{"cp -r build/install/app/* /app/", []string{"/app"}},
		{"cp -a build/install/app/. /app", []string{"/app"}},
		{"cp -r build/install/app /opt/", []string{"/opt/app"}},
		{"cp -r build/install/app build/install/other /opt", []string{"/opt/app"}},
		{"mv /src/build/install/app /srv/app", []string{"/srv/app", "/srv/app/app"}},
		{"cp -r build/install/app/lib /app/", nil},
		{"cp -r -t /app build/install/app", nil},
		{"cp -r build/install/*/* /app/", nil},
		{"cp -r build/install/app $DEST", nil},
		{"rm -rf build/install/app /app", nil},
	} {
		cmds := splitShell(c.line).cmds
		args, _ := cmds[0].argv()
		got := copiedTo(cmdAt{args: args, cwd: "/src"}, dir)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.line, got, c.want)
		}
	}
}

// TestArchiveCopied: where a cp or mv of a RUN puts a distribution's
// archive (review 21, finding A).
func TestArchiveCopied(t *testing.T) {
	exts := []string{".tar", ".zip"}
	inDir := archiveAt{dir: "/src/build/distributions"}
	renamed := archiveAt{file: "/app.tar"}
	for _, c := range []struct {
		line string
		from *archiveAt
		want []string // dir/ for a folder, else a file
	}{
		{"mv build/distributions/app-1.0.tar .", &inDir, []string{"/src/app-1.0.tar"}},
		{"cp build/distributions/app-1.0.zip /tmp/dist/", &inDir, []string{"/tmp/dist/app-1.0.zip"}},
		{"mv build/distributions/app-1.0.tar /app.tar", &inDir, []string{"/app.tar", "/app.tar/app-1.0.tar"}},
		{"cp build/distributions/*.tar /opt/", &inDir, []string{"/opt/"}},
		{"mv build/distributions/*.tar /app.tar", &inDir, []string{"/app.tar/", "/app.tar"}},
		{"cp build/distributions/app-1.0.jar /opt/", &inDir, nil},
		{"cp build/libs/app-1.0.tar /opt/", &inDir, nil},
		{"mv build/distributions/app-1.0.tar $DEST", &inDir, nil},
		{"mv /app.tar /opt/", &renamed, []string{"/opt/app.tar"}},
		{"mv app.tar /opt/", &renamed, nil},
		{"rm build/distributions/app-1.0.tar", &inDir, nil},
	} {
		cmds := splitShell(c.line).cmds
		args, _ := cmds[0].argv()
		var got []string
		for _, a := range archiveCopied(cmdAt{args: args, cwd: "/src"}, c.from, exts) {
			if a.dir != "" {
				got = append(got, a.dir+"/")
			} else {
				got = append(got, a.file)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.line, got, c.want)
		}
	}
}

// TestReadUnpack: the folder an unpack command writes into and how many
// leading folders it drops, by java.yaml's unpack entries.
func TestReadUnpack(t *testing.T) {
	all, err := presets.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var d *presets.Dist
	for _, pre := range all {
		for i := range pre.Build {
			if pre.Build[i].Dist != nil && d == nil {
				d = pre.Build[i].Dist
			}
		}
	}
	if d == nil {
		t.Fatal("java.yaml has no build[].dist")
	}
	const dir = "/src/build/distributions"
	for _, c := range []struct {
		line   string
		dest   string
		strip  int
		unpack bool // whether it unpacks an archive of dir
	}{
		{"tar -xf build/distributions/app-1.0.tar -C /opt", "/opt", 0, true},
		{"tar xvf /src/build/distributions/app.tar --directory=/opt/app --strip-components 1", "/opt/app", 1, true},
		{"tar -x -f build/distributions/app.tar --strip-components=1", "/src", 1, true},
		{"unzip -q build/distributions/app.zip -d /opt", "/opt", 0, true},
		{"tar -cf build/distributions/app.tar build/install/app", "", 0, false},
		{"tar -xf other/app.tar -C /opt", "", 0, false},
		{"tar -xf build/distributions/app.tar -C $DIR", "", 0, false},
	} {
		cmds := splitShell(c.line).cmds
		args, _ := cmds[0].argv()
		u := unpackOf(d, args)
		if u == nil {
			if c.unpack {
				t.Errorf("%s: not read as an unpack", c.line)
			}
			continue
		}
		a := archiveAt{dir: dir}
		dest, strip, ok := readUnpack(u, cmdAt{args: args, cwd: "/src"}, func(abs string) bool { return a.holds(abs, []string{".tar", ".zip"}) })
		if ok != c.unpack || ok && (dest != c.dest || strip != c.strip) {
			t.Errorf("%s: got %s, strip %d, %v; want %s, strip %d, %v", c.line, dest, strip, ok, c.dest, c.strip, c.unpack)
		}
	}
}

// TestDistConvert: what a Dockerfile that runs a distribution's start
// script becomes, for the shapes the goldens do not hold.
func TestDistConvert(t *testing.T) {
	mainJava := &fstest.MapFile{Data: []byte("package example;\npublic class Main { public static void main(String[] a) {} }\n")}
	app := `plugins { java; application }` + "\napplication { mainClass.set(\"example.Main\") }\n"
	for _, c := range []struct {
		name, dockerfile string
		ctx              fstest.MapFS
		code             Code   // the decline's, or "" when converted
		has              string // in the output or the decline
	}{{
		name:       "distZip unzipped, version in the folder",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN gradle distZip && unzip -q build/distributions/ledger-2.0.zip -d /opt\nCMD [\"/opt/ledger-2.0/bin/ledger\"]\n",
		ctx:        fstest.MapFS{"settings.gradle.kts": {Data: []byte(`rootProject.name = "ledger"` + "\n")}, "build.gradle.kts": {Data: []byte(app + "version = \"2.0\"\n")}, "src/main/java/example/Main.java": mainJava},
		has:        "COPY --from=build /opt/ledger-2.0 /opt/ledger-2.0",
	}, {
		name:       "root project named by its folder",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /srv/ledger\nCOPY . .\nRUN gradle installDist\nCMD [\"build/install/ledger/bin/ledger\"]\n",
		ctx:        fstest.MapFS{"build.gradle.kts": {Data: []byte(app)}, "src/main/java/example/Main.java": mainJava},
		has:        `CMD ["/srv/ledger/build/install/ledger/bin/ledger"]`,
	}, {
		name:       "applicationName wins over rootProject.name",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN gradle installDist\nCMD [\"build/install/ledger/bin/ledger\"]\n",
		ctx:        fstest.MapFS{"settings.gradle.kts": {Data: []byte(`rootProject.name = "ledger"` + "\n")}, "build.gradle.kts": {Data: []byte(app + "application { applicationName = \"ledger-server\" }\n")}, "src/main/java/example/Main.java": mainJava},
		code:       declPresetArg,
		has:        "restage converts it only when the container runs that start script",
	}, {
		name:       "subproject moved by the settings",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN ./gradlew :server:installDist\nCMD [\"/src/server/build/install/server/bin/server\"]\n",
		ctx:        fstest.MapFS{"gradlew": {Data: []byte("#!/bin/sh\n"), Mode: 0o755}, "settings.gradle.kts": {Data: []byte("include(\":server\")\nproject(\":server\").projectDir = file(\"apps/server\")\n")}, "server/build.gradle.kts": {Data: []byte(app)}},
		code:       declDistName,
		has:        "settings.gradle.kts has `project(\":server\").projectDir = file(\"apps/server\")`",
	}, {
		name:       "installDist, the command runs a jar",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN gradle installDist\nCMD [\"java\", \"-jar\", \"build/libs/src.jar\"]\n",
		ctx:        fstest.MapFS{"build.gradle.kts": {Data: []byte(app)}, "src/main/java/example/Main.java": mainJava},
		code:       declPresetArg,
		has:        "Gradle's installDist task",
	}, {
		name:       "distTar unpacked, a copy made by tar's create",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN gradle distTar && tar -cf /tmp/x.tar build/distributions/ledger.tar\nCMD [\"/src/build/install/ledger/bin/ledger\"]\n",
		ctx:        fstest.MapFS{"settings.gradle": {Data: []byte("rootProject.name = 'ledger'\n")}, "build.gradle.kts": {Data: []byte(app)}, "src/main/java/example/Main.java": mainJava},
		code:       declPresetArg,
		has:        "Gradle's distTar task",
	}, {
		name:       "JAVA_OPTS, which the script reads, kept",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nENV JAVA_OPTS=-Xmx256m\nCOPY . .\nRUN gradle installDist\nCMD [\"build/install/ledger/bin/ledger\"]\n",
		ctx:        fstest.MapFS{"settings.gradle": {Data: []byte("rootProject.name = 'ledger'\n")}, "build.gradle.kts": {Data: []byte(app)}, "src/main/java/example/Main.java": mainJava},
		has:        "FROM eclipse-temurin:21-jre\nUSER 65532:65532\nWORKDIR /src\nENV JAVA_OPTS=-Xmx256m\n",
	}, {
		name:       "task with no project path, a subproject's script copied",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN gradle installDist && cp -r apps/server/build/install/server /opt/\nCMD [\"/opt/server/bin/server\"]\n",
		ctx:        fstest.MapFS{"settings.gradle.kts": {Data: []byte("rootProject.name = \"chat\"\ninclude(\":client\", \":apps:server\")\n")}, "apps/server/build.gradle.kts": {Data: []byte(app)}},
		has:        "COPY --from=build /opt/server /opt/server",
	}, {
		name:       "task with no project path, a folder no setting includes",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN gradle installDist\nCMD [\"/src/server/build/install/server/bin/server\"]\n",
		ctx:        fstest.MapFS{"settings.gradle.kts": {Data: []byte("rootProject.name = \"chat\"\ninclude(\":client\")\n")}, "server/build.gradle.kts": {Data: []byte(app)}},
		code:       declPresetArg,
		has:        "Gradle's installDist task",
	}, {
		name:       "installDist and distTar, the command runs the installed script",
		dockerfile: "FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN gradle installDist distTar\nCMD [\"build/install/ledger/bin/ledger\"]\n",
		ctx:        fstest.MapFS{"settings.gradle": {Data: []byte("rootProject.name = 'ledger'\n")}, "build.gradle.kts": {Data: []byte(app)}},
		has:        "COPY --from=build --chown=65532:65532 /src/build/install/ledger /src/build/install/ledger",
	}} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert([]byte(c.dockerfile), Options{Context: c.ctx})
			if err != nil {
				t.Fatal(err)
			}
			if res.DeclineCode != c.code {
				t.Fatalf("got %s %q, want %q", res.DeclineCode, res.Declined, c.code)
			}
			text := res.Declined
			if c.code == "" {
				text = string(res.Output)
			}
			if !strings.Contains(text, c.has) {
				t.Errorf("got\n%s\nwant it to hold %q", text, c.has)
			}
		})
	}
}
