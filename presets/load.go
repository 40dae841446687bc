package presets

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// Parse decodes and validates one preset. Unknown fields are errors.
// Errors read "name:line: message" where the line is known.
func Parse(name string, data []byte) (*Preset, error) {
	var p Preset
	if err := DecodeStrict(name, data, &p); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: name, Msg: "empty preset"}
		}
		return nil, err
	}
	p.Source = name
	p.Raw = data
	if err := p.compile(); err != nil {
		return nil, &Error{File: name, Line: locate(data, err.key), Msg: err.msg}
	}
	return &p, nil
}

// Load reads every *.yaml file at the top of fsys. The files are decoded
// side by side: YAML decoding is most of a short run's start-up.
func Load(fsys fs.FS) ([]*Preset, error) {
	return load(fsys, func(n string) string { return n })
}

// LoadDir reads every *.yaml preset in the folder dir. Messages name the
// files as dir/file:line, so that an editor can jump to them.
func LoadDir(dir string) ([]*Preset, error) {
	if fi, err := os.Stat(dir); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("preset folder %s: %v", dir, err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("preset folder %s: not a folder", dir)
	}
	return load(os.DirFS(dir), func(n string) string { return filepath.Join(dir, n) })
}

// load reads the *.yaml files of fsys; show names a file in messages.
func load(fsys fs.FS, show func(string) string) ([]*Preset, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]*Preset, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Go(func() {
			data, err := fs.ReadFile(fsys, n)
			if err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err
				}
				errs[i] = fmt.Errorf("%s: %v", show(n), err)
				return
			}
			out[i], errs[i] = Parse(show(n), data)
		})
	}
	wg.Wait()
	seen := map[string]string{}
	for i, n := range names {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if prev, ok := seen[out[i].Name]; ok {
			return nil, fmt.Errorf("%s: preset %q is also defined in %s", show(n), out[i].Name, prev)
		}
		seen[out[i].Name] = show(n)
	}
	return out, nil
}

var builtin struct {
	once sync.Once
	p    []*Preset
	err  error
}

// Builtin returns the built-in presets: the YAML files of FS as Go values
// made at build time (builtin_gen.go), since decoding the YAML cost
// about 4 ms at every start, twice the whole of a parse-only run.
// TestBuiltinGenerated keeps the two equal. They are made once, on first
// use, so that a run that needs none pays nothing. Their Raw is nil: Text
// reads the YAML when asked for, rather than every run copying it.
func Builtin() ([]*Preset, error) {
	builtin.once.Do(func() {
		builtin.p = generatedBuiltin()
	})
	return builtin.p, builtin.err
}

// Text is the preset's YAML, for `restage presets show`: Raw when the
// preset was read from a file, else the built-in file of FS it came from.
func (p *Preset) Text() ([]byte, error) {
	if p.Raw != nil {
		return p.Raw, nil
	}
	return fs.ReadFile(FS, p.Source)
}

// Merge returns base with the presets of extra added; an extra preset
// with the name of a base one replaces it.
func Merge(base, extra []*Preset) []*Preset {
	out := append([]*Preset(nil), base...)
	for _, e := range extra {
		replaced := false
		for i, b := range out {
			if b.Name == e.Name {
				out[i], replaced = e, true
			}
		}
		if !replaced {
			out = append(out, e)
		}
	}
	return out
}
