// Package workspace converts Dockerfiles on disk the way the restage
// command does, for every front end that works on files: the command,
// and next a review bot and a language server. It finds Dockerfiles
// under paths, reads them under a size limit, works out each file's
// engine options (the caller's, then the .restage.yaml that applies,
// then its preset folders), converts with the engine's panics caught,
// writes a result atomically, and gives back one Record per file that
// package output renders.
//
// It must never print, read flags or look at a terminal: a front end
// owns those, and gets values and errors back. That is why it imports
// neither cmd/..., urfave/cli nor golang.org/x/term.
package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/restage/restage/config"
	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/output"
	"github.com/restage/restage/presets"
	"github.com/restage/restage/transform"
)

// Settings are what every file of a run is converted with.
type Settings struct {
	// Options are the caller's options; FileOptions adds those of the
	// config file that applies. Its ImageMap comes before the config's.
	Options transform.Options
	// RuntimeSet and FitHealthcheckSet say the caller chose Runtime and
	// FitHealthcheck, so that no config file can change them.
	RuntimeSet, FitHealthcheckSet bool
	Configs                       *config.Finder // nil: no config file applies
	ContextDir                    string         // the build context of every file; "": each file's folder (a stdin Job's Dir)
	MaxSize                       int64          // larger inputs are refused with a TooLargeError
	Write                         bool           // write a changed file back in place
	Stdin                         io.Reader      // the input of a Job with Stdin set
	// Convert is the engine; nil is transform.Convert.
	Convert func([]byte, transform.Options) (*transform.Result, error)
	// Memo, when set, reuses the conversion of an input already converted
	// with the same options and a context that reads the same (Memo).
	Memo *Memo
}

// Statuses of a record, as in the JSON output.
const (
	Changed   = output.Changed
	Unchanged = output.Unchanged
	Declined  = output.Declined
	Error     = output.Error
)

// Record is the outcome for one job.
type Record struct {
	Job
	Status  output.Status
	In      []byte
	Result  *transform.Result
	Opt     transform.Options // what the engine was given
	Err     error
	Line    int // line of a parse error
	Written bool
}

// File is the record as the output formats take it.
func (r *Record) File() output.File {
	f := output.File{Path: r.Path, Input: r.In, Status: r.Status, Result: r.Result, Line: r.Line, Written: r.Written}
	if r.Err != nil {
		f.Err = ErrText(r.Err)
	}
	return f
}

// Output is the Dockerfile to print: the converted one, or the input.
func (r *Record) Output() []byte {
	if r.Result != nil && r.Status == Changed {
		return r.Result.Output
	}
	return r.In
}

// Message is the error as "path:line: msg" or "path: msg", an odd path
// quoted (textutil.ShowPath) so that the message stays one line.
func (r *Record) Message() string {
	var ce *config.Error
	if errors.As(r.Err, &ce) {
		return ce.Error() // the config file's name and line
	}
	if r.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", textutil.ShowPath(r.Path), r.Line, ErrText(r.Err))
	}
	return fmt.Sprintf("%s: %s", textutil.ShowPath(r.Path), ErrText(r.Err))
}

// ErrText is an error's text without the path that messages print anyway.
func ErrText(err error) string {
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

// Process reads, converts and (with Write) writes one job.
func (s *Settings) Process(j Job) *Record {
	r := &Record{Job: j}
	fail := r.failed
	if j.Failure != nil {
		return fail(j.Failure)
	}
	var err error
	if j.Stdin {
		r.In, err = ReadLimited(s.Stdin, s.MaxSize)
	} else {
		r.In, err = ReadFile(j.Path, s.MaxSize)
	}
	if err != nil {
		return fail(err)
	}
	return s.convert(r, fail)
}

// ProcessBytes converts in as the Dockerfile of j, which is not read: a
// language server's document, whose text is the editor's and not the
// file's. j.Path still places it: its folder is the build context (unless
// the settings name one) and where its config file is looked for.
// Settings.Write is ignored: an editor applies the edits itself.
func (s *Settings) ProcessBytes(j Job, in []byte) *Record {
	r := &Record{Job: j}
	fail := r.failed
	if j.Failure != nil {
		return fail(j.Failure)
	}
	if s.MaxSize > 0 && int64(len(in)) > s.MaxSize {
		return fail(TooLargeError{s.MaxSize})
	}
	r.In = in
	w := *s
	w.Write = false
	return w.convert(r, fail)
}

// failed records err as the outcome, with the line of a parse error.
func (r *Record) failed(err error) *Record {
	r.Status, r.Err = Error, err
	var te *transform.Error
	if errors.As(err, &te) {
		r.Line = te.Line
	}
	return r
}

// convert is Process after the read: r.In holds the input.
func (s *Settings) convert(r *Record, fail func(error) *Record) *Record {
	j := r.Job
	if i := bytes.IndexByte(r.In, 0); i >= 0 {
		return fail(fmt.Errorf("binary data (a NUL byte at offset %d), not a Dockerfile", i))
	}
	opt, err := s.FileOptions(j)
	if err != nil {
		return fail(err)
	}
	r.Opt = opt
	// Where the file is on disk, for its path in the context: a named
	// stdin buffer (an editor's) lives in j.Dir.
	file := j.Path
	if j.Stdin {
		file = ""
		if j.Dir != "" {
			file = filepath.Join(j.Dir, filepath.Base(j.Path))
		}
	}
	switch {
	case s.ContextDir != "":
		opt.Context = contextDir(s.ContextDir)
		if file != "" {
			opt.Dockerfile = dockerfileIn(s.ContextDir, file)
		}
	case !j.Stdin:
		opt.Context = contextDir(filepath.Dir(j.Path))
		opt.Dockerfile = filepath.Base(j.Path)
	case j.Dir != "":
		opt.Context = contextDir(j.Dir)
		opt.Dockerfile = filepath.Base(j.Path)
	}
	res, err := s.safeConvert(r.In, opt)
	if err != nil {
		return fail(err)
	}
	r.Result = res
	r.Status = output.StatusOf(r.In, res)
	if r.Status == Changed && s.Write {
		if err := WriteFileAtomic(j.Path, res.Output); err != nil {
			return fail(fmt.Errorf("writing: %v", ErrText(err)))
		}
		r.Written = true
	}
	return r
}

// safeConvert calls the engine and turns a panic into an error, so that
// no input can crash the caller.
func (s *Settings) safeConvert(src []byte, opt transform.Options) (res *transform.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("internal error in the converter: %v (please report this with the Dockerfile)", p)
		}
	}()
	convert := s.Convert
	if convert == nil {
		convert = transform.Convert
	}
	if s.Memo != nil {
		res, err = s.Memo.convert(convert, src, opt)
	} else {
		res, err = convert(src, opt)
	}
	if err == nil && res == nil {
		err = errors.New("internal error: the converter returned no result")
	}
	return res, err
}

// FileOptions are the engine's options for one job: the caller's, then
// the config file that applies to it.
func (s *Settings) FileOptions(j Job) (transform.Options, error) {
	opt := s.Options
	opt.ImageMap = slices.Clone(s.Options.ImageMap)
	dir := "."
	switch {
	case !j.Stdin:
		dir = filepath.Dir(j.Path)
	case j.Dir != "":
		dir = j.Dir
	}
	if s.Configs == nil {
		return opt, nil
	}
	cfg, err := s.Configs.ForDir(dir)
	if err != nil || cfg == nil {
		return opt, err
	}
	if len(cfg.PresetDirs) > 0 {
		extra, err := cfg.Presets()
		if err != nil {
			return opt, err
		}
		base, err := EnginePresets(opt)
		if err != nil {
			return opt, err
		}
		opt.Presets = presets.Merge(base, extra)
	}
	if !s.RuntimeSet && cfg.Runtime != "" {
		ps, err := EnginePresets(opt)
		if err != nil {
			return opt, err
		}
		if err := cfg.CheckRuntime(presets.Flavors(ps)); err != nil {
			return opt, err
		}
		opt.Runtime = cfg.Runtime
	}
	if !s.FitHealthcheckSet && cfg.FitHealthcheck != nil {
		opt.FitHealthcheck = *cfg.FitHealthcheck
	}
	opt.ImageMap = append(opt.ImageMap, cfg.ImageMappings()...)
	return opt, nil
}

// EnginePresets are the presets the engine converts with under opt.
func EnginePresets(opt transform.Options) ([]*presets.Preset, error) {
	if opt.Presets != nil {
		return opt.Presets, nil
	}
	return presets.Builtin()
}

// dockerfileIn is the Dockerfile file's path inside the context folder
// dir, slash-separated, or "" when it is not inside it (the engine then
// takes a context file naming a Dockerfile to name this one).
func dockerfileIn(dir, file string) string {
	d, err1 := filepath.Abs(dir)
	f, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return ""
	}
	rel, err := filepath.Rel(d, f)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}
