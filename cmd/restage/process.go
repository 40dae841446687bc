package main

import (
	"errors"
	"fmt"
	"github.com/restage/restage/config"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/internal/version"
	"github.com/restage/restage/output"
	"github.com/restage/restage/workspace"
)

// settings are the parsed flags of one run: what each file is converted
// with, and how the results are shown.
type settings struct {
	workspace.Settings
	list, diff, check, json, quiet, verbose bool
	nul                                     bool // -z: list paths as they are, each ended by a NUL byte
	color                                   bool
	stdinName                               string
	stdinDir                                string // the folder --stdin-filename names, when it exists
	// format is a machine-readable format that replaces the diff and the
	// list on stdout: "json", "sarif" or "rdjson"; empty for none.
	format   string
	repoRoot string // the folder sarif and rdjson URIs are relative to
}

// choices are the conversion flags as given, for workspace.New (or a
// language server, which checks them again with its client's settings).
func (a *app) choices(c *cli.Context) workspace.Choices {
	return workspace.Choices{
		Runtime: c.String(flagRuntime), Preset: c.String(flagPreset), PresetDirs: c.StringSlice(flagPresetDir),
		FitHealthcheck: c.Bool(flagFitHealthcheck), FitHealthcheckSet: c.IsSet(flagFitHealthcheck),
		ImageMap: c.StringSlice(flagImageMap), Config: c.String(flagConfig), NoConfig: c.Bool(flagNoConfig),
		Context: c.String(flagContext), MaxSize: c.String(flagMaxSize), Builtin: a.presets,
	}
}

// conversionSettings reads and checks the flags shared with explain.
func (a *app) conversionSettings(c *cli.Context) (*settings, error) {
	ws, err := workspace.New(a.choices(c))
	var ce *workspace.ChoiceError
	switch {
	case errors.As(err, &ce):
		return nil, choiceUsage(ce)
	case err != nil:
		return nil, err
	}
	s := &settings{Settings: *ws, stdinName: "<stdin>", json: c.Bool(flagJSON)}
	if n := c.String(flagStdinFilename); n != "" {
		s.stdinName = n
		// An editor piping a buffer names its file: the file's folder is
		// what restage reads for that file on disk (build context,
		// .restage.yaml). A folder that does not exist (a buffer not yet
		// saved anywhere) gives no context, as plain stdin.
		if fi, err := os.Stat(filepath.Dir(n)); err == nil && fi.IsDir() {
			s.stdinDir = filepath.Dir(n)
		}
	}
	s.Convert, s.Stdin = a.convert, a.stdin
	return s, nil
}

// choiceUsage is a bad choice as a usage error that names its flag.
func choiceUsage(ce *workspace.ChoiceError) error {
	flag := map[string]string{"ImageMap": flagImageMap, "Runtime": flagRuntime, "Context": flagContext, "MaxSize": flagMaxSize}[ce.Choice]
	switch {
	case ce.Choice == "Config":
		return usagef("--config and --no-config cannot be used together")
	case ce.Choice == "Preset":
		return usagef("%v", ce.Err)
	case (ce.Choice == "Context" && !errors.Is(ce.Err, workspace.ErrNotFolder)) || ce.Choice == "MaxSize":
		return usagef("--%s: %v", flag, ce.Err)
	}
	return usagef("--%s %v", flag, ce.Err)
}

func (a *app) rootAction(c *cli.Context) error {
	if c.Bool("version") {
		fmt.Fprintln(a.stdout, "restage", version.String())
		return nil
	}
	s, err := a.conversionSettings(c)
	if err != nil {
		return err
	}
	s.Write, s.list, s.diff, s.check = c.Bool("w"), c.Bool("l"), c.Bool("d"), c.Bool("check")
	s.quiet, s.verbose, s.nul = c.Bool("quiet"), c.Bool("verbose"), c.Bool("z")
	switch col := c.String("color"); col {
	case "auto":
		s.color = a.stdoutIsTerminal && a.env("NO_COLOR") == "" && a.env("TERM") != "dumb"
	case "always":
		s.color = true
	case "never":
	default:
		return usagef("--color %q: want auto, always or never", col)
	}
	if err := a.formatSettings(c, s); err != nil {
		return err
	}
	switch {
	case s.check && s.Write:
		return usagef("--check and -w cannot be used together")
	case s.nul && (!(s.list || s.check) || s.json):
		return usagef("-z goes with -l or --check")
	case s.json && (s.list || s.diff) && c.Bool(flagJSON):
		return usagef("--json cannot be used with -l or -d")
	case s.json && (s.list || s.diff):
		return usagef("--format %s cannot be used with -l or -d", s.format)
	case s.json && s.format != "json" && s.Write:
		// A fix describes the file as it is; after -w it would not apply.
		return usagef("--format %s cannot be used with -w", s.format)
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		if !a.stdinIsPipe {
			fmt.Fprint(a.stderr, "usage: restage [flags] [path ...]\n"+
				"Give Dockerfiles or folders, or pipe a Dockerfile to stdin.\n"+
				"Run 'restage --help' for the flags.\n")
			a.fail(exitError)
			return nil
		}
		paths = []string{"-"}
	}
	if slices.Contains(paths, "-") {
		if len(paths) > 1 {
			return usagef("- (stdin) cannot be combined with other paths")
		}
		if s.Write {
			return usagef("-w cannot write stdin in place")
		}
		a.runStdin(s)
		return nil
	}
	if s.Write {
		defer removeTempsOnSignal()()
	}
	// Files of one run often repeat (services copied from one template):
	// each input is converted once per context that reads differently.
	s.Memo = workspace.NewMemo()
	var records []*workspace.Record
	jobs, early := a.discoverConverting(s, paths)
	var prog *progress
	if a.stderrIsTerminal && !s.quiet && !s.json && len(jobs) >= progressMin {
		prog = &progress{line: textutil.StatusLine{W: a.stderr, Width: a.stderrWidth}, total: len(jobs), now: time.Now}
		// Whatever else is printed on the terminal clears the line first.
		stdout, stderr := a.stdout, a.stderr
		a.stderr = clearing{stderr, prog}
		if a.stdoutIsTerminal {
			a.stdout = clearing{stdout, prog}
		}
		defer func() { prog.clear(); a.stdout, a.stderr = stdout, stderr }()
	}
	done := 0
	a.processAll(s, jobs, early, func(r *workspace.Record) {
		a.report(s, r)
		if s.json {
			// The formats print every file at the end; the others
			// print each one as it comes and keep nothing.
			records = append(records, r)
		}
		done++
		if prog != nil && done < len(jobs) {
			prog.update(done, r.Path)
		}
	})
	if s.json {
		a.writeFormat(s, records)
	}
	return nil
}

// processAll processes the jobs on one worker per CPU (a.workers when
// set) and hands each record to done in the jobs' order, which is sorted
// by path, so the output is the same as one file after another. At most
// a few records per worker wait for their turn: memory stays bounded
// however many files there are.
//
// early holds the records of jobs converted while the search for
// Dockerfiles still ran (discoverConverting), by path; processAll hands
// those on instead of converting them again.
func (a *app) processAll(s *settings, jobs []workspace.Job, early map[string]*workspace.Record, done func(*workspace.Record)) {
	workers := a.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(jobs))
	if workers <= 1 {
		for _, j := range jobs {
			if r := earlyRecord(early, j); r != nil {
				done(r)
				continue
			}
			done(a.process(s, j))
		}
		return
	}
	// The k-th job left to convert goes to slot k%window once the one
	// before it in that slot is done with: the tokens keep the workers
	// at most window jobs ahead of done.
	window := 4 * workers
	slots := make([]chan *workspace.Record, window)
	for i := range slots {
		slots[i] = make(chan *workspace.Record, 1)
	}
	tokens := make(chan struct{}, window)
	type job struct{ i, k int }
	next := make(chan job)
	go func() {
		defer close(next)
		k := 0
		for i, j := range jobs {
			if earlyRecord(early, j) != nil {
				continue
			}
			tokens <- struct{}{}
			next <- job{i, k}
			k++
		}
	}()
	for range workers {
		go func() {
			for j := range next {
				slots[j.k%window] <- a.process(s, jobs[j.i])
			}
		}()
	}
	k := 0
	for _, j := range jobs {
		if r := earlyRecord(early, j); r != nil {
			done(r)
			continue
		}
		done(<-slots[k%window])
		k++
		<-tokens
	}
}

// earlyRecord is j's record converted early, if any: that of the same
// path and job (a failure found for the path later is not that job).
func earlyRecord(early map[string]*workspace.Record, j workspace.Job) *workspace.Record {
	if r := early[j.Path]; r != nil && r.Job == j {
		return r
	}
	return nil
}

// discoverConverting is discover with the Dockerfiles converted on the
// workers as the search finds them, instead of only once it has walked
// every folder: over a tree of 30,000 folders the search took a fifth
// of the run's wall time on one core while the others waited. The
// records wait, by path, for their turn in path order (processAll); the
// search's order is not path order, so nothing is printed before it
// ends. Not with -w: a job the search hands on early may be left out
// of the result (workspace.DiscoverEach), and must not be written.
// maxEarly bounds the records converted while the search runs.
const maxEarly = 1024

func (a *app) discoverConverting(s *settings, paths []string) ([]workspace.Job, map[string]*workspace.Record) {
	workers := a.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if s.Write || workers <= 1 {
		return discover(paths, s.Configs), nil
	}
	found := make(chan workspace.Job, 4*workers)
	converted := make(chan *workspace.Record, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range found {
				converted <- a.process(s, j)
			}
		}()
	}
	early := map[string]*workspace.Record{}
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for r := range converted {
			early[r.Path] = r
		}
	}()
	// The search never waits for a worker: a job the workers have no
	// room for is converted later, in its turn, so the search keeps its
	// pace. At most maxEarly records wait (about 3 KB each with -l), so
	// that memory stays bounded when a loaded machine slows the search.
	sent := 0
	jobs := discoverEach(paths, s.Configs, func(j workspace.Job) {
		if sent < maxEarly {
			select {
			case found <- j:
				sent++
			default:
			}
		}
	})
	close(found)
	wg.Wait()
	close(converted)
	<-collected
	return jobs, early
}

// runStdin is the format-on-save contract: the whole converted file on
// stdout (the input itself when the engine declines), notes on stderr,
// and nothing on stdout with exit 2 when the input is bad.
func (a *app) runStdin(s *settings) {
	r := a.process(s, s.stdinJob())
	switch {
	case s.json:
		a.report(s, r)
		a.writeFormat(s, []*workspace.Record{r})
	case s.list || s.check || s.diff:
		a.report(s, r)
	default:
		a.reportMessages(s, r)
		if r.Status == workspace.Error {
			a.fail(exitError)
			return
		}
		a.stdout.Write(r.Output())
	}
}

// stdinJob is the job of the Dockerfile on stdin.
func (s *settings) stdinJob() workspace.Job {
	return workspace.Job{Path: s.stdinName, Stdin: true, Dir: s.stdinDir}
}

// process reads and converts one job; it prints nothing. The limit's
// error names the flag that sets it.
func (a *app) process(s *settings, j workspace.Job) *workspace.Record {
	r := s.Process(j)
	var tl workspace.TooLargeError
	if errors.As(r.Err, &tl) {
		r.Err = fmt.Errorf("%w (--%s)", r.Err, flagMaxSize)
	}
	return r
}

// report prints one record the way the flags ask and records its exit
// status.
func (a *app) report(s *settings, r *workspace.Record) {
	if !s.json {
		a.reportMessages(s, r)
	} else if r.Status == workspace.Error {
		fmt.Fprintln(a.stderr, r.Message())
	}
	switch r.Status {
	case workspace.Error:
		a.fail(exitError)
		return
	case workspace.Changed:
	default:
		return
	}
	if (s.list || s.check) && !r.Written {
		a.fail(exitChanges)
	}
	if s.json {
		return
	}
	if s.list || s.check {
		// A name with a newline would read as two: quoted as git quotes
		// names (as on stderr), or with -z as it is and ended by a NUL
		// byte.
		if s.nul {
			fmt.Fprintf(a.stdout, "%s\x00", r.Path)
		} else {
			fmt.Fprintln(a.stdout, textutil.ShowPath(r.Path))
		}
	}
	if s.diff || (!s.list && !s.check && !s.Write) {
		output.Diff(a.stdout, r.File(), s.color)
	}
}

// reportMessages prints the error, or the notes and the decline reason,
// on stderr.
func (a *app) reportMessages(s *settings, r *workspace.Record) {
	if r.Status == workspace.Error {
		fmt.Fprintln(a.stderr, r.Message())
		return
	}
	if s.quiet {
		return
	}
	output.Messages(a.stderr, r.File(), s.verbose)
}

// writeFormat prints records in the machine-readable format asked for.
func (a *app) writeFormat(s *settings, records []*workspace.Record) {
	files := make([]output.File, 0, len(records))
	for _, r := range records {
		files = append(files, r.File())
	}
	scan := output.Scan{Version: version.String(), URI: func(p string) string { return artifactURI(s.repoRoot, p) }}
	var err error
	switch s.format {
	case "sarif":
		err = output.SARIF(a.stdout, files, scan)
	case "rdjson":
		err = output.RDJSON(a.stdout, files, scan)
	default:
		err = output.JSON(a.stdout, files)
	}
	if err != nil {
		fmt.Fprintf(a.stderr, "restage: writing %s: %v\n", strings.ToUpper(s.format), err)
		a.fail(exitError)
	}
}

// formatSettings reads --format and --repo-root. --json is --format json;
// both may be given when they agree. Every machine-readable format takes
// the place of --json in the flow: its output replaces the diff and the
// list, errors still go to stderr.
func (a *app) formatSettings(c *cli.Context, s *settings) error {
	f := c.String(flagFormat)
	switch f {
	case "", "diff":
		f = ""
	case "json", "sarif", "rdjson":
	default:
		return usagef("--format %q: want diff, json, sarif or rdjson", f)
	}
	if s.json {
		if f != "" && f != "json" {
			return usagef("--json cannot be used with --format %s", f)
		}
		f = "json"
	}
	s.format, s.json = f, f != ""
	root := c.String(flagRepoRoot)
	if root == "" {
		root = "."
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return usagef("--%s: %v", flagRepoRoot, err)
	}
	s.repoRoot = abs
	return nil
}

// artifactURI is path as a URI relative to root, slash-separated and
// escaped; a path outside root gets an absolute file URI, since a relative
// one would climb out of the repository.
func artifactURI(root, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	}
	return (&url.URL{Path: filepath.ToSlash(rel)}).String()
}

// discover is workspace.DiscoverFor with a hint on a missing path that
// looks like a mistyped command.
func discover(paths []string, configs *config.Finder) []workspace.Job {
	return discoverEach(paths, configs, nil)
}

// discoverEach is discover through workspace.DiscoverEach.
func discoverEach(paths []string, configs *config.Finder, found func(workspace.Job)) []workspace.Job {
	jobs := workspace.DiscoverEach(paths, configs, found)
	for i, j := range jobs {
		if errors.Is(j.Failure, fs.ErrNotExist) && !strings.ContainsAny(j.Path, `/\.`) {
			jobs[i].Failure = fmt.Errorf("%s (not a file; the commands are explain, verify, lsp, report, presets, review and version)", workspace.ErrText(j.Failure))
		}
	}
	return jobs
}
