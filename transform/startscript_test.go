package transform

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// javaWebContext is a Maven project whose package step writes
// target/web-1.0.0.jar, with start scripts under the names the cases use.
func javaWebContext(scripts map[string]string) fstest.MapFS {
	ctx := fstest.MapFS{
		"pom.xml":                            {Data: []byte(`<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>web</artifactId><version>1.0.0</version><packaging>jar</packaging></project>`)},
		"src/main/java/com/example/App.java": {Data: []byte("package com.example;\npublic class App { public static void main(String[] a) {} }\n")},
	}
	for name, text := range scripts {
		ctx[name] = &fstest.MapFile{Data: []byte(text), Mode: 0o755}
	}
	return ctx
}

const javaWebBuild = "FROM maven:3.9.9-eclipse-temurin-17\nWORKDIR /app\nCOPY pom.xml .\nCOPY src ./src\nRUN mvn -B -DskipTests package\n"

// runtimeStage converts src and returns its last stage, failing the test
// on an error or a decline.
func runtimeStage(t *testing.T, src string, ctx fstest.MapFS) string {
	t.Helper()
	res, err := Convert([]byte(src), Options{Context: ctx})
	if err != nil || res.Declined != "" {
		t.Fatalf("Convert: %v %s", err, res.Declined)
	}
	i := bytes.LastIndex(res.Output, []byte("\nFROM "))
	if i < 0 {
		t.Fatalf("no runtime stage:\n%s", res.Output)
	}
	return string(res.Output[i+1:])
}

// A start script's java -jar FILE is read from the folder the script's
// commands run in (review 23, finding A): the working folder, then
// where a plain cd or cd "$(dirname "$0")" goes; a relative FILE after a
// cd the text cannot follow, or a FILE the script's shell expands, is
// declined with RS220.
func TestStartScriptJarFolder(t *testing.T) {
	cases := []struct {
		name, tail, script string
		copied             string // the jar's COPY source, or "" for a decline
	}{
		{"working folder", "COPY start.sh .\nENTRYPOINT [\"./start.sh\"]\n", "#!/bin/sh\njava -Xmx1g -jar target/web-1.0.0.jar\n", "/app/target/web-1.0.0.jar"},
		{"absolute", "COPY start.sh /usr/local/bin/\nENTRYPOINT [\"/usr/local/bin/start.sh\"]\n", "#!/bin/sh\nexec java -jar /app/target/web-1.0.0.jar \"$@\"\n", "/app/target/web-1.0.0.jar"},
		{"cd to its own folder", "COPY start.sh target/\nENTRYPOINT [\"sh\", \"target/start.sh\"]\n", "cd \"$(dirname \"$0\")\"\nexec java -jar web-1.0.0.jar\n", "/app/target/web-1.0.0.jar"},
		{"plain cd", "COPY start.sh .\nCMD [\"sh\", \"start.sh\"]\n", "cd target\nexec java -jar web-1.0.0.jar\n", "/app/target/web-1.0.0.jar"},
		{"cd in a branch", "COPY start.sh .\nCMD [\"sh\", \"start.sh\"]\n", "if [ -d target ]; then cd target; fi\nexec java -jar web-1.0.0.jar\n", ""},
		{"cd to a variable", "COPY start.sh .\nCMD [\"sh\", \"start.sh\"]\n", "cd \"$APP_DIR\"\nexec java -jar web-1.0.0.jar\n", ""},
		{"jar in a variable", "COPY start.sh .\nCMD [\"sh\", \"start.sh\"]\n", "exec java -jar \"$JAR\"\n", ""},
		{"no jar after -jar", "COPY start.sh .\nCMD [\"sh\", \"start.sh\"]\n", "exec java -jar\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := javaWebContext(map[string]string{"start.sh": c.script})
			res, err := Convert([]byte(javaWebBuild+c.tail), Options{Context: ctx})
			if err != nil {
				t.Fatal(err)
			}
			if c.copied == "" {
				if res.DeclineCode != declFileUnknown {
					t.Fatalf("got code %q (%s), want a decline %s", res.DeclineCode, res.Declined, declFileUnknown)
				}
				return
			}
			if res.Declined != "" {
				t.Fatalf("declined: %s", res.Declined)
			}
			if want := " " + c.copied + " " + c.copied + "\n"; !bytes.Contains(res.Output, []byte(want)) {
				t.Errorf("no COPY of %s:\n%s", c.copied, res.Output)
			}
		})
	}
}

// A start script's java -cp CLASS_PATH CLASS brings each class path
// entry's folder (h-left26, beside review 23, finding A): relative to
// the folder the script's command runs in, DIR/* being DIR; an entry
// the script's shell expands, or one relative to a cd the text cannot
// follow, is declined with RS220.
func TestStartScriptClassPath(t *testing.T) {
	const build = "FROM maven:3.9.9-eclipse-temurin-17\nWORKDIR /app\nCOPY pom.xml .\nCOPY src ./src\nRUN mvn -B -DskipTests package dependency:copy-dependencies\n"
	cases := []struct {
		name, tail, script string
		copied             []string // the folders' COPY sources, or nil for a decline
	}{
		{"working folder", "COPY start.sh .\nENTRYPOINT [\"./start.sh\"]\n", "#!/bin/sh\nexec java -cp 'target/classes:target/dependency/*' com.example.App\n", []string{"/app/target/classes", "/app/target/dependency"}},
		{"class-path=", "COPY start.sh .\nENTRYPOINT [\"./start.sh\"]\n", "#!/bin/sh\nexec java -Xmx1g --class-path=target/classes com.example.App\n", []string{"/app/target/classes"}},
		{"absolute", "COPY start.sh /usr/local/bin/\nENTRYPOINT [\"/usr/local/bin/start.sh\"]\n", "#!/bin/sh\nexec java -classpath /app/target/classes com.example.App \"$@\"\n", []string{"/app/target/classes"}},
		{"plain cd", "COPY start.sh .\nCMD [\"sh\", \"start.sh\"]\n", "cd target\nexec java -cp 'classes:dependency/*' com.example.App\n", []string{"/app/target/classes", "/app/target/dependency"}},
		{"cd in a branch", "COPY start.sh .\nCMD [\"sh\", \"start.sh\"]\n", "if [ -d target ]; then cd target; fi\nexec java -cp classes com.example.App\n", nil},
		{"class path in a variable", "COPY start.sh .\nCMD [\"sh\", \"start.sh\"]\n", "exec java -cp \"$CP\" com.example.App\n", nil},
		{"unquoted glob", "COPY start.sh .\nCMD [\"sh\", \"start.sh\"]\n", "exec java -cp target/dependency/* com.example.App\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := javaWebContext(map[string]string{"start.sh": c.script})
			res, err := Convert([]byte(build+c.tail), Options{Context: ctx})
			if err != nil {
				t.Fatal(err)
			}
			if c.copied == nil {
				if res.DeclineCode != declFileUnknown {
					t.Fatalf("got code %q (%s), want a decline %s", res.DeclineCode, res.Declined, declFileUnknown)
				}
				return
			}
			if res.Declined != "" {
				t.Fatalf("declined: %s", res.Declined)
			}
			for _, d := range c.copied {
				if want := " " + d + " " + d + "\n"; !bytes.Contains(res.Output, []byte(want)) {
					t.Errorf("no COPY of %s:\n%s", d, res.Output)
				}
			}
		})
	}
}
