package transform

import (
	"strings"
	"testing"
)

// An ENV that drop_env lists is carried when what starts in the runtime
// expands the variable: a CMD or ENTRYPOINT a shell runs, its start
// script, a HEALTHCHECK a shell runs (review 23, finding C). It is not
// when nothing there reads it, when the command was rewritten without it
// (the options moved to JAVA_TOOL_OPTIONS), or when the runtime image sets
// the variable itself.
func TestStartReadsCarryDroppedEnv(t *testing.T) {
	cases := []struct {
		name    string
		tail    string
		scripts map[string]string
		carried []string // ENV lines the runtime stage must have
		absent  []string // and must not
	}{
		{"sh -c ENTRYPOINT reads it", "ENV JAVA_OPTS=\"-Xmx512m\"\nENTRYPOINT [\"/bin/sh\", \"-c\", \"exec java $JAVA_OPTS -jar /app/target/web-1.0.0.jar\"]\n", nil,
			[]string{`ENV JAVA_OPTS="-Xmx512m"`}, nil},
		{"HEALTHCHECK reads it", "ENV JAVA_OPTS=\"-Xmx512m\"\nHEALTHCHECK CMD echo \"$JAVA_OPTS\" | grep -q Xmx\nCMD [\"java\", \"-jar\", \"target/web-1.0.0.jar\"]\n", nil,
			[]string{`ENV JAVA_OPTS="-Xmx512m"`}, nil},
		{"exec-form command: not read", "ENV JAVA_OPTS=\"-Xmx512m\"\nCMD [\"java\", \"-jar\", \"target/web-1.0.0.jar\"]\n", nil,
			nil, []string{"JAVA_OPTS"}},
		{"rewritten shell form: moved", "ENV JAVA_OPTS=\"-Xmx512m\"\nCMD java $JAVA_OPTS -jar target/web-1.0.0.jar\n", nil,
			[]string{`ENV JAVA_TOOL_OPTIONS=-Xmx512m`}, []string{"JAVA_OPTS="}},
		{"sh -c reads another variable", "ENV MAVEN_OPTS=\"-Xmx1g\"\nCMD [\"sh\", \"-c\", \"java -Dport=$PORT -jar target/web-1.0.0.jar\"]\n", nil,
			nil, []string{"MAVEN_OPTS"}},
		{"the runtime sets it itself", "ENV JAVA_HOME=/opt/java/openjdk\nCMD [\"sh\", \"-c\", \"echo $JAVA_HOME && exec java -jar target/web-1.0.0.jar\"]\n", nil,
			nil, []string{"ENV JAVA_HOME"}},
		{"start script reads it", "COPY start.sh .\nENV JAVA_OPTS=\"-Xmx512m\"\nENTRYPOINT [\"./start.sh\"]\n", map[string]string{"start.sh": "#!/bin/sh\nexec java ${JAVA_OPTS} -jar target/web-1.0.0.jar\n"},
			[]string{`ENV JAVA_OPTS="-Xmx512m"`}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			final := runtimeStage(t, javaWebBuild+c.tail, javaWebContext(c.scripts))
			for _, s := range c.carried {
				if !strings.Contains(final, s+"\n") {
					t.Errorf("runtime stage lacks %q:\n%s", s, final)
				}
			}
			for _, s := range c.absent {
				if strings.Contains(final, s) {
					t.Errorf("runtime stage has %q:\n%s", s, final)
				}
			}
		})
	}
}
