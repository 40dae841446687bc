package transform

import (
	"strings"
	"testing"
)

// The runtime's FROM keeps the builder's --platform unless the build uses
// the target platform's arguments, or the flag names the target itself.
func TestRuntimePlatform(t *testing.T) {
	body := "WORKDIR /app\nCOPY . .\n%sRUN npm install\nCMD [\"node\", \"index.js\"]\n"
	cases := []struct {
		from, extra, want string
	}{
		{"FROM --platform=$BUILDPLATFORM node:22-slim", "", "\nFROM --platform=$BUILDPLATFORM gcr.io/"},
		{"FROM --platform=linux/amd64 node:22-slim", "", "\nFROM --platform=linux/amd64 gcr.io/"},
		{"FROM --platform=$BUILDPLATFORM node:22-slim", "ARG TARGETARCH\nRUN npm install --cpu=$TARGETARCH sharp\n", "\nFROM gcr.io/"},
		{"FROM --platform=$TARGETPLATFORM node:22-slim", "", "\nFROM gcr.io/"},
		{"FROM node:22-slim", "", "\nFROM gcr.io/"},
	}
	for _, c := range cases {
		in := c.from + "\n" + strings.Replace(body, "%s", c.extra, 1)
		res, err := Convert([]byte(in), Options{})
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if !strings.Contains(string(res.Output), c.want) {
			t.Errorf("%q: no %q in\n%s\n%v", in, c.want, res.Output, res.Declined)
		}
	}
}
