package transform

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	dockerspec "github.com/moby/docker-image-spec/specs-go/v1"
	digest "github.com/opencontainers/go-digest"
	ocispecs "github.com/opencontainers/image-spec/specs-go/v1"
)

// This file runs BuildKit's full Dockerfile linter (the one behind
// `docker build --check`) in-process and offline. dockerfile2llb is heavy
// (~35 s cold build) and is imported by tests only; the restage binary
// never links it.

// TestLintNoNewWarnings fails when a conversion makes the linter report a
// rule that did not fire on the input (counted per rule name), or a
// conversion error that the input did not have. It checks Convert's output
// for every golden case and extraInput, and every golden want file.
func TestLintNoNewWarnings(t *testing.T) {
	run := func(t *testing.T, src []byte, opt Options) {
		res, err := Convert(src, opt)
		if err != nil || res == nil || !res.Changed {
			t.Skip("not converted")
		}
		for _, p := range newLintProblems(t, src, res.Output, expectedLint(res)) {
			t.Error(p)
		}
	}
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) { run(t, c.Input, c.Options) })
		// The hand-written expectation must be lint-clean too, whatever
		// the engine does today.
		if c.HasWant && !bytes.Equal(c.Want, c.Input) {
			t.Run("want/"+c.Name, func(t *testing.T) {
				var allow map[string]int
				if res, err := Convert(c.Input, c.Options); err == nil {
					allow = expectedLint(res)
				}
				for _, p := range newLintProblems(t, c.Input, c.Want, allow) {
					t.Error(p)
				}
			})
		}
	}
	for _, in := range extraInputs {
		t.Run("extra/"+in.Name, func(t *testing.T) { run(t, []byte(in.Src), Options{}) })
	}
}

// TestLintHarness proves that the lint comparison can fail, and that the
// fake resolver keeps image variables like $GOPATH from being reported.
func TestLintHarness(t *testing.T) {
	in := "FROM golang:1.22\nENV APP_HOME=$GOPATH/src/app\nWORKDIR $APP_HOME\nCOPY . .\n" +
		"RUN go build -o /usr/local/bin/app .\nEXPOSE 8080\nCMD [\"app\"]\n"
	good := "FROM golang:1.22 AS build\nENV APP_HOME=$GOPATH/src/app\nWORKDIR $APP_HOME\nCOPY . .\n" +
		"RUN CGO_ENABLED=0 go build -o /usr/local/bin/app .\n\n" +
		"FROM gcr.io/distroless/static-debian13:nonroot\nWORKDIR /go/src/app\nENV APP_HOME=/go/src/app\n" +
		"COPY --from=build /usr/local/bin/app /usr/local/bin/app\nEXPOSE 8080\nCMD [\"/usr/local/bin/app\"]\n"

	ws, errMsg := lintDockerfile(t, []byte(in))
	if errMsg != "" || len(ws) != 0 {
		t.Errorf("lint of a clean input: warnings %v, error %q; want none (is the golang Env table in the fake resolver?)", ws, errMsg)
	}
	if p := newLintProblems(t, []byte(in), []byte(good), nil); len(p) != 0 {
		t.Errorf("a clean conversion was flagged: %q", p)
	}

	// Mixed FROM/as casing: FromAsCasing is new.
	bad := strings.Replace(good, "AS build", "as build", 1)
	p := newLintProblems(t, []byte(in), []byte(bad), nil)
	if len(p) != 1 || !strings.Contains(p[0], "FromAsCasing") || !strings.Contains(p[0], "line 1") {
		t.Errorf("FROM x as y: got problems %q, want one FromAsCasing on line 1", p)
	}

	// A runtime stage that uses a builder-only variable: UndefinedVar is new.
	bad = strings.Replace(good, "ENV APP_HOME=/go/src/app", "ENV APP_HOME=$GOPATH/src/app", 1)
	p = newLintProblems(t, []byte(in), []byte(bad), nil)
	if len(p) != 1 || !strings.Contains(p[0], "UndefinedVar") {
		t.Errorf("$GOPATH in distroless: got problems %q, want one UndefinedVar", p)
	}

	// The same rule firing more often counts too: one JSONArgsRecommended in, two out.
	in2 := "FROM golang:1.22\nRUN go build -o /app .\nCMD /app\n"
	out2 := "FROM golang:1.22 AS build\nRUN go build -o /app .\nCMD /app\n\nFROM alpine:3.20\nCOPY --from=build /app /app\nCMD /app\n"
	p = newLintProblems(t, []byte(in2), []byte(out2), nil)
	if len(p) != 1 || !strings.Contains(p[0], "JSONArgsRecommended") || !strings.Contains(p[0], "1 in the input, 2 in the output") {
		t.Errorf("extra JSONArgsRecommended: got %q", p)
	}

	// A conversion error on the output only.
	bad = good + "FROM ${NOWHERE}\n"
	p = newLintProblems(t, []byte(in), []byte(bad), nil)
	if !containsSub(p, "conversion error") {
		t.Errorf("FROM ${NOWHERE}: got %q, want a conversion error", p)
	}
}

func containsSub(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// lintFinding is one warning of the linter.
type lintFinding struct {
	Rule   string
	Line   int
	Detail string
}

func (f lintFinding) String() string { return fmt.Sprintf("line %d: %s: %s", f.Line, f.Rule, f.Detail) }

// lintDockerfile runs dockerfile2llb.DockerfileLint on dt with the fake
// resolver and returns the warnings (sorted by line) and the conversion
// error message, if any.
func lintDockerfile(t testing.TB, dt []byte) ([]lintFinding, string) {
	t.Helper()
	src := llb.NewSourceMap(nil, "Dockerfile", "Dockerfile", dt)
	src.Definition = &llb.Definition{} // required: AddSource calls Definition.ToPB()
	res, err := dockerfile2llb.DockerfileLint(context.Background(), dt, dockerfile2llb.ConvertOpt{
		MetaResolver: &fakeResolver{},
		SourceMap:    src,
	})
	if err != nil {
		t.Fatalf("DockerfileLint: %v", err)
	}
	var ws []lintFinding
	for _, w := range res.Warnings {
		f := lintFinding{Rule: w.RuleName, Detail: w.Detail}
		if f.Detail == "" {
			f.Detail = w.Description
		}
		if w.Location != nil && len(w.Location.Ranges) > 0 && w.Location.Ranges[0].Start != nil {
			f.Line = int(w.Location.Ranges[0].Start.Line)
		}
		ws = append(ws, f)
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Line < ws[j].Line })
	errMsg := ""
	if res.Error != nil {
		errMsg = res.Error.Message
		if rs := res.Error.Location.Ranges; len(rs) > 0 && rs[0].Start != nil {
			errMsg = fmt.Sprintf("line %d: %s", rs[0].Start.Line, errMsg)
		}
	}
	return ws, errMsg
}

// expectedLint is how many more times a rule may fire on a result than
// on its input because restage says so itself: an ENV carried into the
// runtime with an RS316 warning is one more SecretsUsedInArgOrEnv, for a
// value the original image baked as well.
func expectedLint(res *Result) map[string]int {
	allow := map[string]int{}
	for _, n := range res.Notes {
		if n.Code == warnSecretEnv {
			allow["SecretsUsedInArgOrEnv"]++
		}
	}
	return allow
}

// newLintProblems lints in and out and describes every rule that fires more
// often on out than on in (plus what allow permits), and a conversion error
// that only out has.
func newLintProblems(t testing.TB, in, out []byte, allow map[string]int) []string {
	t.Helper()
	inW, inErr := lintDockerfile(t, in)
	outW, outErr := lintDockerfile(t, out)
	count := map[string]int{}
	for _, w := range inW {
		count[w.Rule]++
	}
	byRule := map[string][]lintFinding{}
	var rules []string
	for _, w := range outW {
		if byRule[w.Rule] == nil {
			rules = append(rules, w.Rule)
		}
		byRule[w.Rule] = append(byRule[w.Rule], w)
	}
	var probs []string
	for _, r := range rules {
		got := byRule[r]
		if len(got) <= count[r]+allow[r] {
			continue
		}
		var sb strings.Builder
		fmt.Fprintf(&sb, "new lint warning %s (%d in the input, %d in the output):", r, count[r], len(got))
		for _, w := range got {
			fmt.Fprintf(&sb, "\n\toutput %s", w)
		}
		fmt.Fprintf(&sb, "\n--- output:\n%s", showText(out))
		probs = append(probs, sb.String())
	}
	if outErr != "" && inErr == "" {
		probs = append(probs, fmt.Sprintf("new lint conversion error on the output: %s\n--- output:\n%s", outErr, showText(out)))
	}
	return probs
}

// fakeResolver answers image config requests offline. It echoes the
// requested platform (else InvalidBaseImagePlatform fires everywhere) and
// gives well-known images their real Env (else $GOPATH etc. are reported as
// UndefinedVar). It is called concurrently.
type fakeResolver struct {
	mu   sync.Mutex
	seen []string
}

const defaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// imageEnv returns the Env of a well-known image, by repository.
func imageEnv(ref string) []string {
	repo := ref
	if i := strings.IndexByte(repo, '@'); i >= 0 {
		repo = repo[:i]
	}
	if i := strings.LastIndexByte(repo, ':'); i > strings.LastIndexByte(repo, '/') {
		repo = repo[:i]
	}
	name := repo[strings.LastIndexByte(repo, '/')+1:]
	switch {
	case name == "golang":
		return []string{
			"PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"GOLANG_VERSION=1.24.0",
			"GOTOOLCHAIN=local",
			"GOPATH=/go",
		}
	case strings.Contains(repo, "distroless"):
		return []string{defaultPath, "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"}
	default: // alpine, debian, ubuntu, busybox, ...
		return []string{defaultPath}
	}
}

func (r *fakeResolver) ResolveImageConfig(ctx context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	r.mu.Lock()
	r.seen = append(r.seen, ref)
	r.mu.Unlock()
	p := ocispecs.Platform{OS: "linux", Architecture: "amd64"}
	if opt.ImageOpt != nil && opt.ImageOpt.Platform != nil {
		p = *opt.ImageOpt.Platform
	}
	img := dockerspec.DockerOCIImage{
		Image: ocispecs.Image{
			Platform: p,
			RootFS:   ocispecs.RootFS{Type: "layers", DiffIDs: []digest.Digest{digest.FromString(ref)}},
		},
		Config: dockerspec.DockerOCIImageConfig{ImageConfig: ocispecs.ImageConfig{Env: imageEnv(ref)}},
	}
	dt, err := json.Marshal(img)
	if err != nil {
		return "", "", nil, err
	}
	return ref, digest.FromBytes(dt), dt, nil
}
