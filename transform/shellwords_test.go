package transform

import (
	"strings"
	"testing"
)

// An environment prefix goes where the shell applies it to the build's
// simple command: before exec or nice (after them it would be run as the
// program), inside if bodies and across continued lines with comments.
func TestEnvPrefixPlacement(t *testing.T) {
	for run, want := range map[string]string{
		"RUN go vet ./... && exec go build -o server .":          "RUN go vet ./... && CGO_ENABLED=0 exec go build -o server .",
		"RUN nice -n 5 go build -o server .":                     "RUN CGO_ENABLED=0 nice -n 5 go build -o server .",
		"RUN if true; then go build -o server .; fi":             "RUN if true; then CGO_ENABLED=0 go build -o server .; fi",
		"RUN go \\\n  # the build\n  build -o server .":          "RUN CGO_ENABLED=0 go \\\n  # the build\n  build -o server .",
		"RUN echo 'go build' && GOOS=linux go build -o server .": "RUN echo 'go build' && GOOS=linux CGO_ENABLED=0 go build -o server .",
	} {
		in := "FROM golang:1.26\nWORKDIR /app\nCOPY . .\n" + run + "\nCMD [\"./server\"]\n"
		res, err := Convert([]byte(in), Options{})
		if err != nil {
			t.Fatalf("%q: %v", run, err)
		}
		if res.Declined != "" {
			t.Errorf("%q: declined: %s", run, res.Declined)
			continue
		}
		if !strings.Contains(string(res.Output), "\n"+want+"\n") {
			t.Errorf("%q: want %q in\n%s", run, want, res.Output)
		}
	}
}
