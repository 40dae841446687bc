package transform

import (
	"strings"
	"testing"
)

// TestJarOptionsVM: an option after -jar is an option the JVM gets (review
// round 5, finding E), so an OpenJ9-only -X option there declines a HotSpot
// runtime as one before -jar does (RS284).
func TestJarOptionsVM(t *testing.T) {
	in := "FROM maven:3-ibmjava-8\nWORKDIR /app\nCOPY pom.xml .\nCOPY src ./src\nRUN mvn -e -B package\n" +
		`ENTRYPOINT ["java", "-jar", "-Xshareclasses", "/app/target/hello-0.0.1.jar"]` + "\n"
	res, err := Convert([]byte(in), Options{Runtime: "temurin"})
	if err != nil {
		t.Fatal(err)
	}
	if res.DeclineCode != declVMOptions || !strings.Contains(res.Declined, "-Xshareclasses") {
		t.Errorf("got %s %q, want RS284 naming -Xshareclasses", res.DeclineCode, res.Declined)
	}
}

// TestJarClassPathAfter: a class path option after -jar makes the launcher
// run a class named like the jar (OpenJDK 17), so the file is unknown.
func TestJarClassPathAfter(t *testing.T) {
	in := "FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY src src\nRUN javac -d out src/Main.java && jar cfe app.jar Main -C out .\n" +
		`ENTRYPOINT ["java", "-jar", "-cp", "lib", "app.jar"]` + "\n"
	res, err := Convert([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "line 5: java -jar is followed by -cp, with which the launcher runs something other than the -jar file: cannot tell what to copy"
	if res.DeclineCode != declFileUnknown || res.Declined != want {
		t.Errorf("got %s %q, want RS220 %q", res.DeclineCode, res.Declined, want)
	}
}
