package transform

import (
	"strings"
	"testing"
)

// A runtime asked for with --runtime is kept even when its image cannot
// follow the builder's build argument, with RS378; the default choice
// passes it over for one that can, with RS195.
func TestArgFollowRuntimeAsked(t *testing.T) {
	in := "ARG NODE_VERSION=22.12.0\nFROM node:${NODE_VERSION}-slim\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD [\"node\", \"server.js\"]\n"
	for _, c := range []struct {
		runtime, from string
		code          Code
	}{
		{"", "FROM node:${NODE_VERSION}-slim\n", infoArgFollowed},
		{"distroless", "FROM gcr.io/distroless/nodejs22-debian13:nonroot\n", warnArgNotFollowed},
	} {
		res, err := Convert([]byte(in), Options{Runtime: c.runtime})
		if err != nil {
			t.Fatalf("--runtime %q: %v", c.runtime, err)
		}
		if !strings.Contains(string(res.Output), "\n"+c.from) {
			t.Errorf("--runtime %q: no %q in\n%s\n%v", c.runtime, c.from, res.Output, res.Declined)
		}
		got := 0
		for _, n := range res.Notes {
			if n.Code == infoArgFollowed || n.Code == warnArgNotFollowed {
				got++
				if n.Code != c.code {
					t.Errorf("--runtime %q: note %s, want %s: %s", c.runtime, n.Code, c.code, n.Message)
				}
			}
		}
		if got != 1 {
			t.Errorf("--runtime %q: %d notes of the build argument, want 1", c.runtime, got)
		}
	}
}

// An argument that gives the whole image reference gives the tag's
// values only in part: no runtime follows it, and RS378 says so.
func TestArgFollowWholeImage(t *testing.T) {
	in := "ARG BASE_IMAGE=node:22-slim\nFROM ${BASE_IMAGE}\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD [\"node\", \"server.js\"]\n"
	res, err := Convert([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range res.Notes {
		found = found || n.Code == warnArgNotFollowed
		if n.Code == infoArgFollowed {
			t.Errorf("RS195 for a whole image argument: %s", n.Message)
		}
	}
	if !found {
		t.Errorf("no RS378 in %v\n%s", res.Notes, res.Output)
	}
}
