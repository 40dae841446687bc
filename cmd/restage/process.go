package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docker/go-units"
	"github.com/urfave/cli/v2"

	"github.com/restage/restage/config"
	"github.com/restage/restage/output"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/transform"
)

// settings are the parsed flags of one run.
type settings struct {
	write, list, diff, check, json, quiet, verbose bool
	color                                          bool
	stdinName                                      string
	maxSize                                        int64
	contextDir                                     string
	// opt holds the flags' options; options(job) adds the config file's.
	opt                           transform.Options
	flagImageMap                  []transform.ImageMapping
	runtimeSet, fitHealthcheckSet bool // given as flags, so the config cannot change them
	configs                       *config.Finder
}

// conversionSettings reads and checks the flags shared with explain.
func (a *app) conversionSettings(c *cli.Context) (*settings, error) {
	s := &settings{stdinName: "<stdin>"}
	if n := c.String(flagStdinFilename); n != "" {
		s.stdinName = n
	}
	s.json = c.Bool(flagJSON)
	s.opt.FitHealthcheck = c.Bool(flagFitHealthcheck)
	s.fitHealthcheckSet = c.IsSet(flagFitHealthcheck)
	m, err := config.ParseImageMap(c.StringSlice(flagImageMap))
	if err != nil {
		return nil, usagef("--image-map %v", err)
	}
	s.flagImageMap = m
	s.configs = &config.Finder{Disabled: c.Bool(flagNoConfig)}
	if f := c.String(flagConfig); f != "" {
		if s.configs.Disabled {
			return nil, usagef("--config and --no-config cannot be used together")
		}
		cfg, err := config.Load(f, f)
		if err != nil {
			return nil, err
		}
		s.configs.Explicit = cfg
	}
	if dirs := c.StringSlice(flagPresetDir); len(dirs) > 0 {
		ps, err := a.presetsWith(dirs)
		if err != nil {
			return nil, err
		}
		s.opt.Presets = ps
	}
	if r := c.String(flagRuntime); r != "" {
		// The flavors are the presets' own, --preset-dir's included.
		ps, err := enginePresets(s.opt)
		if err != nil {
			return nil, fmt.Errorf("loading the presets: %w", err)
		}
		if flavors := presets.Flavors(ps); !slices.Contains(flavors, r) {
			return nil, usagef("--runtime %q: want one of %s", r, strings.Join(flavors, ", "))
		}
		s.opt.Runtime = r
		s.runtimeSet = true
	}
	if p := c.String(flagPreset); p != "" {
		presets := s.opt.Presets
		if presets == nil {
			var err error
			if presets, err = a.presets(); err != nil {
				return nil, fmt.Errorf("loading the presets: %w", err)
			}
		}
		var names []string
		for _, x := range presets {
			names = append(names, x.Name)
		}
		if !slices.Contains(names, p) {
			return nil, usagef("unknown preset %q (known: %s)", p, strings.Join(names, ", "))
		}
		s.opt.Preset = p
	}
	if d := c.String(flagContext); d != "" {
		fi, err := os.Stat(d)
		if err != nil {
			return nil, usagef("--context: %v", err)
		}
		if !fi.IsDir() {
			return nil, usagef("--context %s: not a folder", d)
		}
		s.contextDir = d
	}
	n, err := parseSize(c.String(flagMaxSize))
	if err != nil {
		return nil, usagef("--max-size: %v", err)
	}
	s.maxSize = n
	return s, nil
}

func (a *app) rootAction(c *cli.Context) error {
	if c.Bool("version") {
		fmt.Fprintln(a.stdout, "restage", version())
		return nil
	}
	s, err := a.conversionSettings(c)
	if err != nil {
		return err
	}
	s.write, s.list, s.diff, s.check = c.Bool("w"), c.Bool("l"), c.Bool("d"), c.Bool("check")
	s.quiet, s.verbose = c.Bool("quiet"), c.Bool("verbose")
	switch col := c.String("color"); col {
	case "auto":
		s.color = a.stdoutIsTerminal && a.env("NO_COLOR") == "" && a.env("TERM") != "dumb"
	case "always":
		s.color = true
	case "never":
	default:
		return usagef("--color %q: want auto, always or never", col)
	}
	switch {
	case s.check && s.write:
		return usagef("--check and -w cannot be used together")
	case s.json && (s.list || s.diff):
		return usagef("--json cannot be used with -l or -d")
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
		if s.write {
			return usagef("-w cannot write stdin in place")
		}
		a.runStdin(s)
		return nil
	}
	var records []*record
	for _, j := range discover(paths) {
		r := a.process(s, j)
		a.report(s, r)
		records = append(records, r)
	}
	if s.json {
		a.writeJSON(records)
	}
	return nil
}

// runStdin is the format-on-save contract: the whole converted file on
// stdout (the input itself when the engine declines), notes on stderr,
// and nothing on stdout with exit 2 when the input is bad.
func (a *app) runStdin(s *settings) {
	r := a.process(s, job{path: s.stdinName, stdin: true})
	switch {
	case s.json:
		a.report(s, r)
		a.writeJSON([]*record{r})
	case s.list || s.check || s.diff:
		a.report(s, r)
	default:
		a.reportMessages(s, r)
		if r.status == statusError {
			a.fail(exitError)
			return
		}
		a.stdout.Write(r.output())
	}
}

// A job is one Dockerfile to convert, or a path that failed before that.
type job struct {
	path    string // as shown in messages and diffs
	stdin   bool
	failure error // the path could not be used
}

// Statuses of a record, as in the JSON output.
const (
	statusChanged   = output.Changed
	statusUnchanged = output.Unchanged
	statusDeclined  = output.Declined
	statusError     = output.Error
)

// record is the outcome for one job.
type record struct {
	job
	status  output.Status
	in      []byte
	result  *transform.Result
	opt     transform.Options // what the engine was given
	err     error
	line    int // line of a parse error
	written bool
}

// file is the record as the output formats take it.
func (r *record) file() output.File {
	f := output.File{Path: r.path, Input: r.in, Status: r.status, Result: r.result, Line: r.line, Written: r.written}
	if r.err != nil {
		f.Err = errMsg(r.err)
	}
	return f
}

// output is the Dockerfile to print: the converted one, or the input.
func (r *record) output() []byte {
	if r.result != nil && r.status == statusChanged {
		return r.result.Output
	}
	return r.in
}

// message is the error as "path:line: msg" or "path: msg".
func (r *record) message() string {
	var ce *config.Error
	if errors.As(r.err, &ce) {
		return ce.Error() // the config file's name and line
	}
	if r.line > 0 {
		return fmt.Sprintf("%s:%d: %s", r.path, r.line, errMsg(r.err))
	}
	return fmt.Sprintf("%s: %s", r.path, errMsg(r.err))
}

// errMsg is an error's text without the path that messages print anyway.
func errMsg(err error) string {
	var te *transform.Error
	if errors.As(err, &te) {
		return te.Msg
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// process reads and converts one job; it prints nothing.
func (a *app) process(s *settings, j job) *record {
	r := &record{job: j}
	fail := func(err error) *record {
		r.status, r.err = statusError, err
		var te *transform.Error
		if errors.As(err, &te) {
			r.line = te.Line
		}
		return r
	}
	if j.failure != nil {
		return fail(j.failure)
	}
	var err error
	if j.stdin {
		r.in, err = readLimited(a.stdin, s.maxSize)
	} else {
		r.in, err = readFile(j.path, s.maxSize)
	}
	if err != nil {
		return fail(err)
	}
	if i := bytes.IndexByte(r.in, 0); i >= 0 {
		return fail(fmt.Errorf("binary data (a NUL byte at offset %d), not a Dockerfile", i))
	}
	opt, err := s.options(j)
	if err != nil {
		return fail(err)
	}
	r.opt = opt
	switch {
	case s.contextDir != "":
		opt.Context = os.DirFS(s.contextDir)
	case !j.stdin:
		opt.Context = os.DirFS(filepath.Dir(j.path))
	}
	res, err := a.safeConvert(r.in, opt)
	if err != nil {
		return fail(err)
	}
	r.result = res
	r.status = output.StatusOf(r.in, res)
	if r.status == statusChanged && s.write {
		if err := writeFileAtomic(j.path, res.Output); err != nil {
			return fail(fmt.Errorf("writing: %v", errMsg(err)))
		}
		r.written = true
	}
	return r
}

// safeConvert calls the converter and turns a panic into an error, so
// that no input can crash the command.
func (a *app) safeConvert(src []byte, opt transform.Options) (res *transform.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("internal error in the converter: %v (please report this with the Dockerfile)", p)
		}
	}()
	res, err = a.convert(src, opt)
	if err == nil && res == nil {
		err = errors.New("internal error: the converter returned no result")
	}
	return res, err
}

// report prints one record the way the flags ask and records its exit
// status.
func (a *app) report(s *settings, r *record) {
	if !s.json {
		a.reportMessages(s, r)
	} else if r.status == statusError {
		fmt.Fprintln(a.stderr, r.message())
	}
	switch r.status {
	case statusError:
		a.fail(exitError)
		return
	case statusChanged:
	default:
		return
	}
	if (s.list || s.check) && !r.written {
		a.fail(exitChanges)
	}
	if s.json {
		return
	}
	if s.list || s.check {
		fmt.Fprintln(a.stdout, r.path)
	}
	if s.diff || (!s.list && !s.check && !s.write) {
		output.Diff(a.stdout, r.file(), s.color)
	}
}

// reportMessages prints the error, or the notes and the decline reason,
// on stderr.
func (a *app) reportMessages(s *settings, r *record) {
	if r.status == statusError {
		fmt.Fprintln(a.stderr, r.message())
		return
	}
	if s.quiet {
		return
	}
	output.Messages(a.stderr, r.file(), s.verbose)
}

func (a *app) writeJSON(records []*record) {
	files := make([]output.File, 0, len(records))
	for _, r := range records {
		files = append(files, r.file())
	}
	if err := output.JSON(a.stdout, files); err != nil {
		fmt.Fprintf(a.stderr, "restage: writing JSON: %v\n", err)
		a.fail(exitError)
	}
}

// skipDirs are never searched.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true}

// isDockerfileName reports whether a file found in a folder is a
// Dockerfile: Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile or
// dockerfile; Dockerfile.dockerignore and x.Dockerfile.dockerignore are
// ignore files, not Dockerfiles.
func isDockerfileName(name string) bool {
	if strings.HasSuffix(name, ".dockerignore") {
		return false
	}
	return name == "Dockerfile" || name == "dockerfile" ||
		strings.HasPrefix(name, "Dockerfile.") ||
		strings.HasSuffix(name, ".Dockerfile") || strings.HasSuffix(name, ".dockerfile")
}

// errNoDockerfile is the error for a folder without Dockerfiles.
var errNoDockerfile = errors.New("no Dockerfile found")

// discover turns the paths into jobs: files as they are, folders walked
// for Dockerfiles. The jobs are sorted by path and given once each.
func discover(paths []string) []job {
	var jobs []job
	seen := map[string]bool{}
	add := func(j job) {
		key := filepath.Clean(j.path)
		if seen[key] {
			return
		}
		seen[key] = true
		jobs = append(jobs, j)
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			add(job{path: p, failure: hintCommand(p, err)})
			continue
		}
		if !fi.IsDir() {
			add(job{path: p})
			continue
		}
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// A symlink to a folder: walk the folder (WalkDir would not).
			root = p + string(filepath.Separator)
		}
		found := false
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				add(job{path: path, failure: err})
				found = true // the error says enough
				return nil
			}
			if d.IsDir() {
				if path != root && skipDirs[d.Name()] {
					return fs.SkipDir
				}
				return nil
			}
			if !isDockerfileName(d.Name()) {
				return nil
			}
			if !d.Type().IsRegular() {
				// A symlink to a regular file counts; others do not.
				fi, err := os.Stat(path)
				if err != nil || !fi.Mode().IsRegular() {
					return nil
				}
			}
			add(job{path: path})
			found = true
			return nil
		})
		if !found {
			add(job{path: p, failure: errNoDockerfile})
		}
	}
	slices.SortFunc(jobs, func(x, y job) int { return strings.Compare(x.path, y.path) })
	return jobs
}

// hintCommand adds a hint to a missing path that looks like a mistyped
// command.
func hintCommand(p string, err error) error {
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(p, `/\.`) {
		return fmt.Errorf("%s (not a file; the commands are explain, verify, presets and version)", errMsg(err))
	}
	return err
}

// errTooLarge is returned for input over --max-size.
type errTooLarge struct{ max int64 }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("larger than %s (--max-size)", formatSize(e.max))
}

// readFile reads a file of at most max bytes; a larger one is refused
// without reading it.
func readFile(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, errors.New("is a folder")
	}
	if fi.Mode().IsRegular() && fi.Size() > max {
		return nil, errTooLarge{max}
	}
	return readLimited(f, max)
}

// readLimited reads r to the end, failing once it passes max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, errTooLarge{max}
	}
	return data, nil
}

// parseSize reads a size: bytes, or a number with a unit. K, KiB, M,
// MiB, G and GiB are powers of 1024; KB, MB and GB powers of 1000.
// go-units does the arithmetic; the units it also knows (T, P) and the
// exponent forms ParseFloat takes are refused here, as they always were.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := t, ""
	if i >= 0 {
		num, unit = t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	}
	parse, ok := map[string]func(string) (int64, error){
		"": units.RAMInBytes, "b": units.RAMInBytes,
		"k": units.RAMInBytes, "kib": units.RAMInBytes, "kb": units.FromHumanSize,
		"m": units.RAMInBytes, "mib": units.RAMInBytes, "mb": units.FromHumanSize,
		"g": units.RAMInBytes, "gib": units.RAMInBytes, "gb": units.FromHumanSize,
	}[unit]
	var n int64
	var err error
	if ok && num != "" && strings.Count(num, ".") <= 1 {
		n, err = parse(num + unit)
	}
	if !ok || err != nil || num == "" || strings.Count(num, ".") > 1 {
		return 0, fmt.Errorf("%q is not a size (try 1048576, 512KiB or 2MiB)", s)
	}
	if n < 1 || n > 1<<40 {
		return 0, fmt.Errorf("%q is out of range", s)
	}
	return n, nil
}

// formatSize prints a byte count the short way: 1 MiB, 512 KiB, 100 bytes.
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
