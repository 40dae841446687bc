package presets

import (
	"strings"
	"testing"
)

// TestJavaLacks: the Java builder images that do not have curl, wget, git
// or bash, by image and tag, as their Dockerfiles show (presets/java.yaml,
// review 5 finding H for Java), and those that have them.
func TestJavaLacks(t *testing.T) {
	java := builtinPreset(t, "java")
	if java == nil {
		t.Fatal("no java preset")
	}
	cases := []struct {
		image, lacks, has string
	}{
		{"eclipse-temurin:17-jdk", "git", "curl wget bash"},
		{"eclipse-temurin:21-jre-noble", "git", "curl wget"},
		{"eclipse-temurin:17.0.9_9-jdk-jammy", "git", "curl wget"},
		{"eclipse-temurin:24-jdk", "curl git", "wget"},
		{"eclipse-temurin:25-jdk", "curl wget git", "bash"},
		{"eclipse-temurin:25.0.1_8-jdk-noble", "curl wget git", ""},
		{"eclipse-temurin:17-jdk-alpine", "curl git bash", "wget"},
		{"eclipse-temurin:25-jdk-alpine-3.22", "curl git bash", "wget"},
		{"eclipse-temurin:17-jdk-ubi9-minimal", "", "curl wget git"},
		{"openjdk:17-jdk-slim", "curl wget git", ""},
		{"openjdk:11-jre-slim-bullseye", "curl wget git", ""},
		{"openjdk:17-jdk", "", "curl wget git"},
		{"amazoncorretto:17-alpine", "curl git bash", "wget"},
		{"amazoncorretto:17", "", "curl"},
		{"maven:3.9-eclipse-temurin-17", "", "curl wget git"},
		{"maven:3-eclipse-temurin-17-alpine", "git", "curl bash wget"},
		{"maven:3.9-eclipse-temurin-25", "wget", "curl git"},
		{"maven:3.9-amazoncorretto-17-alpine", "curl git", "bash wget"},
		{"maven:3.9-amazoncorretto-17-debian", "curl wget git", ""},
		{"gradle:8.10-jdk17-alpine", "", "curl wget git"},
		{"gradle:8-jdk21", "", "curl wget git"},
		{"ibm-semeru-runtimes:open-17-jdk-jammy", "wget git", "curl"},
		{"maven:3-ibm-semeru-17-noble", "wget", "curl git"},
	}
	for _, c := range cases {
		repo, tag, _ := strings.Cut(c.image, ":")
		v := java.VariantFor(repo, tag)
		for _, prog := range strings.Fields(c.lacks) {
			if !v.LacksProgram(repo, tag, prog) {
				t.Errorf("%s: has %s, want it lacked", c.image, prog)
			}
		}
		for _, prog := range strings.Fields(c.has) {
			if v.LacksProgram(repo, tag, prog) {
				t.Errorf("%s: lacks %s, want it had", c.image, prog)
			}
		}
	}
}

// TestLackImage: a lack naming an image holds only for that image's
// name (the last part of the repository), whatever the registry.
func TestLackImage(t *testing.T) {
	v := Variant{Lacks: []Lack{{Image: "openjdk", Tag: "slim", Programs: []string{"curl"}}}}
	for _, c := range []struct {
		repo, tag string
		want      bool
	}{
		{"openjdk", "17-slim", true},
		{"docker.io/library/openjdk", "17-slim", true},
		{"eclipse-temurin", "17-slim", false},
		{"openjdk", "17", false},
	} {
		if got := v.LacksProgram(c.repo, c.tag, "curl"); got != c.want {
			t.Errorf("%s:%s lacks curl = %v, want %v", c.repo, c.tag, got, c.want)
		}
	}
}
