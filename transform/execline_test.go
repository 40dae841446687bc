package transform

import (
	"strings"
	"testing"
)

// Only an exec-form program string whose first word is no path is read
// as a whole command line (review 26, finding F): the CMD's strings are
// arguments when an ENTRYPOINT is set, a shell-form command is split by
// the shell, and a path with a space may name a real file.
func TestExecWordIsLine(t *testing.T) {
	for df, want := range map[string]bool{
		"FROM golang:1.22\nWORKDIR /app\nCOPY . .\nCMD [\"go run /app/main.go\"]\n":                              true,
		"FROM golang:1.22\nWORKDIR /app\nCOPY . .\nENTRYPOINT [\"go build -o x . && ./x\"]\n":                    true,
		"FROM golang:1.22\nWORKDIR /app\nCOPY . .\nCMD [\"go\", \"run\", \"/app/main.go\"]\n":                    false,
		"FROM golang:1.22\nWORKDIR /app\nCOPY . .\nCMD go run /app/main.go\n":                                    false,
		"FROM golang:1.22\nWORKDIR /app\nCOPY . .\nENTRYPOINT [\"/bin/sh\", \"-c\"]\nCMD [\"go run main.go\"]\n": false,
		"FROM golang:1.22\nWORKDIR /app\nCOPY . .\nCMD [\"/app/my server\"]\n":                                   false,
	} {
		res, err := Convert([]byte(df), Options{})
		if err != nil {
			t.Fatalf("%q: %v", df, err)
		}
		got := strings.Contains(res.Declined, "as one string: Docker runs that string as the program's name")
		if got != want {
			t.Errorf("%q: declined %q, want RS248's reason: %v", df, res.Declined, want)
		}
	}
}
