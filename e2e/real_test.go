//go:build e2e_real

package e2e

// TestRealApps is the real-application corpus (issue #8): public
// single-stage Dockerfiles with their build contexts, each built as it is
// and as restage converts it, both run and compared by `restage verify`.
// The apps are listed in real/manifest.tsv and restored by
// real/restore.sh; their dependencies come from depserver (real/depserver)
// through the builder replicas of real/images. `make e2e-real` does it all
// and writes real/RESULTS.md.
//
// Environment: DOCKER (default /usr/bin/docker), REAL_APPS=a,b (a subset),
// REAL_NO_CACHE=1 (cold builds; the default lets the converted build reuse
// the original's layers, since the builder stage is the original file).

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/restage/restage/shell"
)

// realApp is one line of real/manifest.tsv.
type realApp struct {
	name, lang, repo, commit, context, dockerfile, probe, license, why string
	args                                                               []string // verify's probe flags
	extra                                                              []string // more verify flags: --env, --build-arg, --probe-stdin, --run-cmd
}

// realRow is one app's result: a line of the table, and an entry of
// real/results.json, which keeps each app's last run (with the restage
// commit and date of that run), so that a run of a few apps (REAL_APPS)
// updates their lines and leaves the others as they were.
type realRow struct {
	app        realApp
	Name       string  `json:"name"`
	Verdict    string  `json:"verdict"` // same, different, declined, error, not restored, not run
	Detail     string  `json:"detail"`  // the decline reason, the difference, the error
	Code       string  `json:"code,omitempty"`
	Runtime    string  `json:"runtime,omitempty"`
	UserBefore string  `json:"user_before,omitempty"`
	UserAfter  string  `json:"user_after,omitempty"`
	Before     int64   `json:"size_before,omitempty"`
	After      int64   `json:"size_after,omitempty"`
	Seconds    float64 `json:"seconds"`
	Commit     string  `json:"restage_commit,omitempty"`
	Date       string  `json:"date,omitempty"`
	// Conversion identifies what was verified: the diff restage made,
	// the image map, the probe and the extra flags. A later run whose
	// conversion is the same keeps the result (verify's answer depends on
	// nothing else) and records its commit in SameAt; REAL_FORCE=1 runs
	// it again.
	Conversion string `json:"conversion_sha256,omitempty"`
	SameAt     string `json:"conversion_same_at,omitempty"`
}

func readManifest(file string) ([]realApp, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var apps []realApp
	seen := map[string]bool{}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 9 && len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 9 or 10 (name lang repo commit context dockerfile probe license why [verify flags])", file, i+1, len(f))
		}
		a := realApp{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], nil, nil}
		if len(f) == 10 {
			// Split as a shell would, so that --run-cmd's command can be
			// quoted ('./server -port 8080'); the other flags' words have no
			// quotes, and split as they did with strings.Fields.
			if a.extra, err = shell.Split(f[9]); err != nil {
				return nil, fmt.Errorf("%s:%d: verify flags %q: %v", file, i+1, f[9], err)
			}
			for j := 0; j < len(a.extra); j += 2 {
				if j+1 >= len(a.extra) || !slices.Contains([]string{"--env", "--build-arg", "--probe-stdin", "--run-cmd"}, a.extra[j]) {
					return nil, fmt.Errorf("%s:%d: verify flags %q: want --env KEY=VALUE, --build-arg KEY=VALUE, --probe-stdin FILE or --run-cmd 'ARGS' pairs", file, i+1, f[9])
				}
				if a.extra[j] == "--probe-stdin" {
					// FILE is in e2e/real (stdin/), beside the manifest.
					in, err := filepath.Abs(filepath.Join(filepath.Dir(file), a.extra[j+1]))
					if err == nil {
						_, err = os.Stat(in)
					}
					if err != nil {
						return nil, fmt.Errorf("%s:%d: --probe-stdin: %v", file, i+1, err)
					}
					a.extra[j+1] = in
				}
			}
		}
		if seen[a.name] {
			return nil, fmt.Errorf("%s:%d: %s listed twice", file, i+1, a.name)
		}
		seen[a.name] = true
		if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(a.commit) {
			return nil, fmt.Errorf("%s:%d: commit %q is not 40 hex digits", file, i+1, a.commit)
		}
		if _, a.args, err = parseProbe(a.probe); err != nil {
			return nil, fmt.Errorf("%s:%d: probe: %v", file, i+1, err)
		}
		apps = append(apps, a)
	}
	return apps, nil
}

// replicas maps the images real Dockerfiles and restage's output name to
// the local replicas. Versions collapse onto the one replica of each
// language (Go 1.26, Node.js 22, Python 3.13, Java 21): the original and
// the conversion run on the same one, so the comparison stays fair.
var replicas = []struct {
	re *regexp.Regexp
	to string
}{
	{regexp.MustCompile(`^(docker\.io/)?(library/)?golang(:.*)?$`), "restage.local/real/golang:1.26"},
	// There is no Alpine here. node:*-alpine gets the full replica: real
	// Alpine builds of native addons fetch prebuilt musl binaries from
	// GitHub, which builds here cannot reach, so they compile instead.
	{regexp.MustCompile(`^(docker\.io/)?(library/)?node:.*slim.*$`), "restage.local/real/node:22-slim"},
	{regexp.MustCompile(`^(docker\.io/)?(library/)?node(:.*)?$`), "restage.local/real/node:22"},
	{regexp.MustCompile(`^(docker\.io/)?(library/)?python:.*(slim|alpine).*$`), "restage.local/real/python:3.13-slim"},
	{regexp.MustCompile(`^(docker\.io/)?(library/)?python(:.*)?$`), "restage.local/real/python:3.13"},
	{regexp.MustCompile(`^(docker\.io/)?(library/)?maven(:.*)?$`), "restage.local/real/maven:3.9-eclipse-temurin-21"},
	// Every gradle tag gets Debian's Gradle 4.4.1 on the JDK 21 replica
	// (there is no gradle image here); a build needing newer Gradle fails alike
	// before and after, and such apps are not in the corpus.
	{regexp.MustCompile(`^(docker\.io/)?(library/)?gradle(:.*)?$`), "restage.local/real/gradle:jdk21"},
	// A JRE tag (the runtime restage gives Java 8 and 11) gets the JRE
	// replica, so that its size is a JRE's.
	{regexp.MustCompile(`^(docker\.io/)?(library/)?eclipse-temurin:[^@]*jre[^@]*$`), "restage.local/real/eclipse-temurin:21-jre"},
	{regexp.MustCompile(`^(docker\.io/)?(library/)?(eclipse-temurin|openjdk|amazoncorretto)(:.*)?$`), "restage.local/real/eclipse-temurin:21-jdk"},
	{regexp.MustCompile(`^(docker\.io/)?(library/)?debian:.*$`), "restage.local/library/debian:trixie-slim"},
	// No Alpine here: an alpine runtime becomes the Debian replica, which
	// runs what alpine would (a static binary; a shell; not musl builds).
	{regexp.MustCompile(`^(docker\.io/)?(library/)?alpine(:.*)?$`), "restage.local/library/debian:trixie-slim"},
	{regexp.MustCompile(`^gcr\.io/distroless/(static|base|cc)-debian\d+(:(nonroot|latest))?$`), ""},
	{regexp.MustCompile(`^gcr\.io/distroless/nodejs\d+-debian\d+(:nonroot)?$`), "restage.local/distroless/nodejs22-debian13:nonroot"},
	{regexp.MustCompile(`^gcr\.io/distroless/java\d+-debian\d+(:nonroot)?$`), "restage.local/distroless/java21-debian13:nonroot"},
}

var distrolessRe = regexp.MustCompile(`^gcr\.io/distroless/(static|base|cc)-debian\d+(?::(nonroot|latest))?$`)

func replicaFor(ref string) string {
	if m := distrolessRe.FindStringSubmatch(ref); m != nil {
		tag := m[2]
		if tag == "" {
			tag = "latest"
		}
		return "restage.local/distroless/" + m[1] + "-debian13:" + tag
	}
	for _, r := range replicas {
		if r.to != "" && r.re.MatchString(ref) {
			return r.to
		}
	}
	return ""
}

var fromRe = regexp.MustCompile(`(?im)^\s*FROM\s+(?:--\S+\s+)*(\S+)`)

// imageMap gives verify one exact FROM=TO per image, longest first, so
// that no reference is taken for a prefix of another.
func imageMap(refs []string) []string {
	sort.Slice(refs, func(i, j int) bool { return len(refs[i]) > len(refs[j]) })
	var m []string
	for _, r := range slices.Compact(refs) {
		if to := replicaFor(r); to != "" && to != r {
			m = append(m, r+"="+to)
		}
	}
	return m
}

func TestRealApps(t *testing.T) {
	docker := os.Getenv("DOCKER")
	if docker == "" {
		docker = defaultDocker
	}
	apps, err := readManifest("real/manifest.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if only := os.Getenv("REAL_APPS"); only != "" {
		want := strings.Split(only, ",")
		apps = slices.DeleteFunc(apps, func(a realApp) bool { return !slices.Contains(want, a.name) })
	}
	checkDocker(t, docker)
	bin := buildRestage(t)
	cache, _ := filepath.Abs(".cache/real")
	if err := os.MkdirAll(filepath.Join(cache, "logs"), 0o755); err != nil {
		t.Fatal(err)
	}
	all, err := readManifest("real/manifest.tsv")
	if err != nil {
		t.Fatal(err)
	}
	prev := map[string]realRow{}
	if b, err := os.ReadFile(resultsFile); err == nil {
		var rs []realRow
		if err := json.Unmarshal(b, &rs); err != nil {
			t.Fatalf("%s: %v", resultsFile, err)
		}
		for _, r := range rs {
			prev[r.Name] = r
		}
	}
	commit := restageCommit()
	ran := map[string]realRow{}
	for _, a := range apps {
		r := realRow{app: a, Name: a.name, Verdict: "error", Detail: "not run", Commit: commit, Date: time.Now().UTC().Format("2006-01-02")}
		old, had := prev[a.name]
		t.Run(a.name, func(t *testing.T) { runReal(t, bin, docker, cache, a, &r, old, had) })
		prev[a.name], ran[a.name] = r, r
		// Saved after each app: a long run that stops keeps what it did.
		if err := saveResults(all, ran, docker); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := os.ReadFile("real/RESULTS.md")
	fmt.Printf("\n%s\n", b)
}

const resultsFile = "real/results.json"

// verifyCode identifies the verify package's code: a result is kept only
// for the same conversion checked by the same verify.
var verifyCode = func() string {
	h := sha256.New()
	files, _ := filepath.Glob("../verify/*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, _ := os.ReadFile(f)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}()

// saveResults writes results.json and RESULTS.md, in manifest order; an
// app of the manifest with no result yet is "not run". The file is read
// again first, so that two runs on different apps (REAL_APPS) side by
// side keep each other's results: byName holds this run's own.
func saveResults(all []realApp, byName map[string]realRow, docker string) error {
	merged := map[string]realRow{}
	if b, err := os.ReadFile(resultsFile); err == nil {
		var rs []realRow
		if json.Unmarshal(b, &rs) == nil {
			for _, r := range rs {
				merged[r.Name] = r
			}
		}
	}
	for k, v := range byName {
		merged[k] = v
	}
	byName = merged
	var rows []realRow
	for _, a := range all {
		r, ok := byName[a.name]
		if !ok {
			r = realRow{Name: a.name, Verdict: "not run"}
		}
		r.app = a
		rows = append(rows, r)
	}
	b, err := json.MarshalIndent(rows, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(resultsFile, append(b, '\n'), 0o644); err != nil {
		return err
	}
	table := realResults(rows, docker)
	if err := os.WriteFile("real/RESULTS.md", []byte(table), 0o644); err != nil {
		return err
	}
	return updateReadme("../README.md", table)
}

// The README's copy of the results sits between these markers.
const (
	readmeStart = "<!-- real-results:start (written by e2e/real_test.go) -->\n"
	readmeEnd   = "<!-- real-results:end -->\n"
)

// updateReadme puts the results, without their title, between the
// README's markers.
func updateReadme(file, table string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	s := string(b)
	i, j := strings.Index(s, readmeStart), strings.Index(s, readmeEnd)
	if i < 0 || j < i {
		return fmt.Errorf("%s: no %q ... %q markers", file, strings.TrimSpace(readmeStart), strings.TrimSpace(readmeEnd))
	}
	_, body, _ := strings.Cut(table, "\n\n")
	s = s[:i+len(readmeStart)] + "\n" + body + "\n" + s[j:]
	return os.WriteFile(file, []byte(s), 0o644)
}

// restageCommit is the checkout's commit, marked when it has changes.
func restageCommit() string {
	commit, _ := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	c := strings.TrimSpace(string(commit))
	if out, _ := exec.Command("git", "status", "--porcelain", "--untracked-files=no", "--", "..").Output(); len(bytes.TrimSpace(out)) > 0 {
		c += "+changes"
	}
	return c
}

func runReal(t *testing.T, bin, docker, cache string, a realApp, r *realRow, prev realRow, hadPrev bool) {
	src := filepath.Join(cache, "src", a.name)
	ctxDir := filepath.Join(src, a.context)
	df := filepath.Join(src, a.dockerfile)
	if _, err := os.Stat(df); err != nil {
		r.Verdict, r.Detail = "not restored", "run e2e/real/restore.sh"
		t.Skipf("%s: not restored (%v): run e2e/real/restore.sh", a.name, err)
	}
	orig, err := os.ReadFile(df)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, m := range fromRe.FindAllStringSubmatch(string(orig), -1) {
		refs = append(refs, m[1])
	}
	// What restage writes, to map its images too.
	conv := exec.Command(bin, "--json", "--context", ctxDir, df)
	var cout bytes.Buffer
	conv.Stdout = &cout
	conv.Run()
	var results []struct {
		Status      string `json:"status"`
		Declined    string `json:"declined"`
		DeclineCode string `json:"decline_code"`
		Runtime     string `json:"runtime"`
		Error       string `json:"error"`
		Diff        string `json:"diff"`
	}
	if err := json.Unmarshal(cout.Bytes(), &results); err != nil || len(results) != 1 {
		r.Detail = fmt.Sprintf("restage --json: %v: %s", err, tail(cout.String(), 5))
		t.Fatal(r.Detail)
	}
	res := results[0]
	switch res.Status {
	case "declined", "unchanged":
		r.Verdict, r.Detail, r.Code = "declined", res.Declined, res.DeclineCode
		t.Logf("declined: %s [%s]", res.Declined, res.DeclineCode)
		return
	case "error":
		r.Detail = res.Error
		t.Fatalf("restage: %s", res.Error)
	}
	r.Runtime = res.Runtime
	refs = append(refs, res.Runtime)

	args := []string{"verify", "--json", "--docker", docker, "--probe-timeout", "90s", "--build-timeout", "30m", "--context", ctxDir}
	if os.Getenv("REAL_NO_CACHE") == "1" {
		args = append(args, "--no-cache")
	}
	for _, m := range imageMap(refs) {
		args = append(args, "--image-map", m)
	}
	args = append(args, a.extra...)
	args = append(args, a.args...)
	// The cache's absolute path (in the context folder, the diff's
	// headers) depends on the checkout: left out, the same conversion
	// has the same identity in every worktree.
	// So does e2e/real's (a --probe-stdin FILE is made absolute there).
	realDir, _ := filepath.Abs("real")
	id := strings.ReplaceAll(res.Diff+"\x00"+strings.Join(args, "\x00"), cache, "<cache>")
	id = strings.ReplaceAll(id, realDir+string(filepath.Separator), "<real>/")
	sum := sha256.Sum256([]byte(id + "\x00" + verifyCode))
	r.Conversion = hex.EncodeToString(sum[:])
	if hadPrev && prev.Conversion == r.Conversion && (prev.Verdict == "same" || prev.Verdict == "different") && os.Getenv("REAL_FORCE") != "1" {
		commit := r.Commit
		*r = prev
		r.app, r.SameAt = a, commit
		t.Logf("the conversion is the one verified at %s: %s (REAL_FORCE=1 runs it again)", prev.Commit, prev.Verdict)
		if prev.Verdict != "same" {
			t.Errorf("%s: %s", prev.Verdict, prev.Detail)
		}
		return
	}
	args = append(args, df)
	t.Logf("restage %s", strings.Join(args, " "))
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "DOCKER_BUILDKIT=1")
	t0 := time.Now()
	cmd.Run()
	r.Seconds = time.Since(t0).Seconds()
	os.WriteFile(filepath.Join(cache, "logs", a.name+".log"), append(append(stderr.Bytes(), "\n--- stdout\n"...), stdout.Bytes()...), 0o644)
	var rep report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		r.Detail = "no JSON report from verify: " + tail(stderr.String(), 3)
		t.Fatal(r.Detail)
	}
	r.Verdict, r.Detail = rep.Verdict, rep.Message
	// An original that fails its own probes (a server that stops at
	// start) makes "same" say only that both fail alike: the app proves
	// nothing until its original works (cloudcmd at its commit lacks the
	// dist/ its start reads).
	for _, w := range rep.Warnings {
		if rep.Verdict == "same" && strings.HasPrefix(w, "the original itself ") {
			r.Verdict, r.Detail = "error", w+": nothing to compare with"
			break
		}
	}
	if o := rep.Original; o != nil {
		r.Before, r.UserBefore = o.SizeBytes, o.User
	}
	if c := rep.Converted; c != nil {
		r.After, r.UserAfter = c.SizeBytes, c.User
	}
	switch r.Verdict {
	case "same":
		t.Logf("same: %s", rep.Message)
	case "declined":
		t.Logf("declined: %s", rep.Message)
	default:
		// A conversion that builds but behaves differently, or does not
		// build, is a bug to fix or a reason to decline.
		t.Errorf("%s: %s", r.Verdict, r.Detail)
	}
}

func userCell(u string) string {
	if u == "" {
		return "root"
	}
	return u
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sort.Float64s(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// realResults is real/RESULTS.md: the table and the targets of issue #8.
func realResults(rows []realRow, docker string) string {
	var b strings.Builder
	server, _ := exec.Command(docker, "version", "--format", "{{.Server.Version}}").Output()
	fmt.Fprintf(&b, "# Real applications: results\n\n")
	fmt.Fprintf(&b, "Written by `make e2e-real` (e2e/real_test.go) on Docker engine %s; the apps are in e2e/real/manifest.tsv, ", strings.TrimSpace(string(server)))
	b.WriteString("each line's last run in results.json. *restage* is the commit each app was last run with.\n\n")
	b.WriteString("| app | lang | before | after | after/before | user before → after | runtime | same behaviour | note | restage, date |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	ratios := map[string][]float64{}
	counts := map[string]int{}
	for _, r := range rows {
		cells := []string{fmt.Sprintf("[%s](https://github.com/%s/tree/%s/%s)", r.app.name, r.app.repo, r.app.commit[:12], strings.TrimPrefix(r.app.context, ".")), r.app.lang, "", "", "", "", "", "", "", ""}
		if r.Before > 0 {
			cells[2] = mb(r.Before)
		}
		if r.After > 0 {
			cells[3] = mb(r.After)
		}
		if r.Before > 0 && r.After > 0 {
			x := float64(r.After) / float64(r.Before)
			cells[4] = fmt.Sprintf("%.1f%%", 100*x)
			if r.Verdict == "same" {
				ratios[r.app.lang] = append(ratios[r.app.lang], x)
			}
		}
		if r.Verdict == "same" || r.Verdict == "different" {
			cells[5] = userCell(r.UserBefore) + " → " + userCell(r.UserAfter)
			cells[6] = "`" + r.Runtime + "`"
		}
		if r.Commit != "" {
			cells[9] = r.Commit + ", " + r.Date
			if r.SameAt != "" && r.SameAt != r.Commit {
				cells[9] += " (same conversion at " + r.SameAt + ")"
			}
		}
		counts[r.Verdict]++
		switch r.Verdict {
		case "same":
			cells[7] = "yes"
		case "different":
			cells[7] = "**no**"
			cells[8] = r.Detail
		case "declined":
			cells[7] = "declined"
			cells[8] = r.Detail
			if r.Code != "" {
				cells[8] += " [" + r.Code + "]"
			}
		default:
			cells[7] = r.Verdict
			cells[8] = r.Detail
		}
		for i := range cells {
			cells[i] = strings.ReplaceAll(strings.ReplaceAll(cells[i], "|", `\|`), "\n", " ")
			if len(cells[i]) > 400 {
				cells[i] = cells[i][:400] + "…"
			}
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	n := len(rows)
	built := n - counts["error"] - counts["not restored"] - counts["not run"]
	fmt.Fprintf(&b, "\n%d apps: %d same behaviour, %d different, %d declined, %d not run or could not be run (error, not restored).\n",
		n, counts["same"], counts["different"], counts["declined"], n-built)
	if built > 0 {
		fmt.Fprintf(&b, "Converted and the same: %d of %d runnable apps (%.0f%%; target ≥ 90%%).\n", counts["same"], built, 100*float64(counts["same"])/float64(built))
	}
	langs := []string{"go", "node", "python", "java"}
	for _, l := range langs {
		if xs := ratios[l]; len(xs) > 0 {
			target := 40.0
			if l == "go" {
				target = 10
			}
			fmt.Fprintf(&b, "Median size after/before, %s: %.1f%% over %d apps (target ≤ %.0f%%).\n", l, 100*median(xs), len(xs), target)
		}
	}
	b.WriteString("\nSizes are `docker image inspect .Size` on the replicas (e2e/README.md): the builders here are smaller than the real images, so the ratios are on the pessimistic side.\n")
	return b.String()
}
