package review

import (
	"regexp"
	"strings"
	"testing"
)

// The secrets of TestSecretsNeverInComments: the default of a build ARG
// that looks like a secret, and the value of an ENV that does.
const (
	argSecret = "ghp-default-build-token"
	envSecret = "s3cr3t-literal-value"

	secretDockerfile = "FROM golang:1.26\nARG GITHUB_TOKEN=" + argSecret + "\nENV API_KEY=" + envSecret + "\nWORKDIR /app\nCOPY . .\n" +
		"RUN git config --global url.\"https://${GITHUB_TOKEN}@github.com/\".insteadOf \"https://github.com/\"\n" +
		"RUN go build -o server .\nEXPOSE 8080\nCMD [\"./server\"]\n"
	secretDeclined = "FROM golang:1.26\nARG API_TOKEN=" + argSecret + "\nENV API_TOKEN=$API_TOKEN\nWORKDIR /app\nCOPY . .\n" +
		"RUN go build -o server .\nCMD [\"./server\"]\n"
)

// fenced matches a fenced block (the suggestion, the collapsed diff):
// the file's own text, which the prose around it never repeats.
var fenced = regexp.MustCompile("(?s)(```+)(suggestion|diff)\n.*?\n```+\n")

// TestSecretsNeverInComments: the bot's review comment, summary comment,
// step summary and annotations name the secret-looking variables
// (RS316, RS239) and never hold their values outside the file's own
// text; the suggestion and the diff never add the ARG's value to the
// runtime stage.
func TestSecretsNeverInComments(t *testing.T) {
	e := newEnv(t, map[string]string{"Dockerfile": secretDockerfile, "old/Dockerfile": secretDockerfile, "api/Dockerfile": secretDeclined},
		fakeFile{Filename: "Dockerfile", Status: "added", Patch: addedPatch(secretDockerfile)},
		fakeFile{Filename: "old/Dockerfile", Status: "modified", Patch: editedPatch(secretDockerfile, 9)},
		fakeFile{Filename: "api/Dockerfile", Status: "added", Patch: addedPatch(secretDeclined)})
	if s := e.run(t); s != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", s, e.stderr)
	}
	if len(e.fake.reviewComments) != 1 || len(e.fake.issueComments) != 1 {
		t.Fatalf("want a suggestion and a summary, got %d and %d", len(e.fake.reviewComments), len(e.fake.issueComments))
	}
	texts := map[string]string{
		"suggestion":   e.fake.reviewComments[0].Body,
		"summary":      e.fake.issueComments[0].Body,
		"step summary": e.stepSummary(),
		"stdout":       e.stdout.String(),
		"stderr":       e.stderr.String(),
	}
	all := strings.Join([]string{texts["suggestion"], texts["summary"], texts["step summary"]}, "\n")
	for _, want := range []string{"RS316", "API_KEY"} {
		if !strings.Contains(all, want) {
			t.Errorf("the comments do not name %q:\n%s", want, all)
		}
	}
	if !strings.Contains(texts["step summary"], "build argument API_TOKEN") {
		t.Errorf("the step summary does not give the decline:\n%s", texts["step summary"])
	}
	for what, s := range texts {
		prose := fenced.ReplaceAllString(s, "")
		for _, v := range []string{argSecret, envSecret} {
			if strings.Contains(prose, v) {
				t.Errorf("%s holds %q outside the file's text:\n%s", what, v, prose)
			}
		}
		for _, block := range fenced.FindAllString(s, -1) {
			if strings.Count(block, argSecret) > 1 {
				t.Errorf("%s: a block has the ARG's value twice (once in the runtime stage):\n%s", what, block)
			}
			for _, l := range strings.Split(block, "\n") {
				if strings.HasPrefix(l, "+") && strings.Contains(l, argSecret) {
					t.Errorf("%s: the diff adds the ARG's value: %q", what, l)
				}
			}
		}
	}
}
