package workspace

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/restage/restage/transform"
)

// copyCase copies the golden case folder src to dst.
func copyCase(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMemoReusesOnlyWhatReadsTheSame converts copies of a golden case
// through one memo: a copy whose context reads the same (a file's time
// changed) takes the recorded conversion's result, a copy with a file the
// engine reads changed, or other options, is converted again; every
// result is the one the engine gives without the memo.
func TestMemoReusesOnlyWhatReadsTheSame(t *testing.T) {
	root := t.TempDir()
	dirs := map[string]string{}
	for _, name := range []string{"a", "same", "touched", "gomod", "extra"} {
		dirs[name] = filepath.Join(root, name)
		copyCase(t, "../testdata/go/go-mod-download-layering", dirs[name])
	}
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dirs["touched"], "main.go"), old, old); err != nil {
		t.Fatal(err)
	}
	put(t, filepath.Join(dirs["gomod"], "go.mod"), "module example.com/other\n\ngo 1.21\n")
	put(t, filepath.Join(dirs["extra"], "notes.txt"), "a file the top folder's listing shows\n")

	calls := 0
	s := &Settings{MaxSize: 1 << 20, Memo: NewMemo(), Convert: func(src []byte, opt transform.Options) (*transform.Result, error) {
		calls++
		return transform.Convert(src, opt)
	}}
	plain := &Settings{MaxSize: 1 << 20}
	for _, step := range []struct {
		dir     string
		runtime string
		calls   int // after this step
	}{
		{"a", "", 1},    // converted, not recorded: an input seen once
		{"same", "", 2}, // converted and recorded
		{"touched", "", 2},
		{"gomod", "", 3},
		{"extra", "", 4},
		{"same", "distroless", 5},
		{"touched", "distroless", 6},
		{"a", "distroless", 6},
		{"touched", "", 6},
	} {
		s.Options.Runtime, plain.Options.Runtime = step.runtime, step.runtime
		job := Job{Path: filepath.Join(dirs[step.dir], "Dockerfile")}
		got, want := s.Process(job), plain.Process(job)
		if calls != step.calls {
			t.Errorf("%s %q: %d conversions, want %d", step.dir, step.runtime, calls, step.calls)
		}
		if got.Err != nil || want.Err != nil {
			t.Fatalf("%s: %v, %v", step.dir, got.Err, want.Err)
		}
		g, _ := json.Marshal(got.Result)
		w, _ := json.Marshal(want.Result)
		if string(got.Result.Output) != string(want.Result.Output) || string(g) != string(w) {
			t.Errorf("%s %q: the memo's result differs from the engine's:\n%s\n%s", step.dir, step.runtime, g, w)
		}
	}
}

// TestMemoHidesWhatItDoesNotCompare: the recorded conversion sees no
// file time and no system data, which replays do not compare.
func TestMemoHidesWhatItDoesNotCompare(t *testing.T) {
	fsys := fstest.MapFS{"go.mod": {Data: []byte("module m\n"), ModTime: time.Unix(1e9, 0), Sys: 7}}
	var seen []any
	convert := func(src []byte, opt transform.Options) (*transform.Result, error) {
		fi, err := fs.Stat(opt.Context, "go.mod")
		if err != nil {
			return nil, err
		}
		ents, err := fs.ReadDir(opt.Context, ".")
		if err != nil {
			return nil, err
		}
		ei, err := ents[0].Info()
		if err != nil {
			return nil, err
		}
		seen = append(seen, fi.ModTime(), fi.Sys(), ei.ModTime(), ei.Sys(), fi.Size(), ei.Name())
		return &transform.Result{Output: src}, nil
	}
	m := NewMemo()
	// The first conversion of an input is not recorded; the second is.
	m.convert(convert, []byte("FROM x\n"), transform.Options{Context: fsys})
	seen = nil
	if _, err := m.convert(convert, []byte("FROM x\n"), transform.Options{Context: fsys}); err != nil {
		t.Fatal(err)
	}
	want := []any{time.Time{}, nil, time.Time{}, nil, int64(9), "go.mod"}
	if len(seen) != len(want) {
		t.Fatalf("seen %v", seen)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Errorf("seen[%d] = %v, want %v", i, seen[i], want[i])
		}
	}
	// A context whose go.mod differs only in its time and system data
	// takes the result; one whose size differs does not.
	other := fstest.MapFS{"go.mod": {Data: []byte("module m\n"), ModTime: time.Unix(2e9, 0), Sys: 8}}
	m.convert(convert, []byte("FROM x\n"), transform.Options{Context: other})
	if len(seen) != len(want) {
		t.Errorf("converted again for a context that reads the same")
	}
	other["go.mod"] = &fstest.MapFile{Data: []byte("module mm\n")}
	m.convert(convert, []byte("FROM x\n"), transform.Options{Context: other})
	if len(seen) != 2*len(want) {
		t.Errorf("a context that reads differently took the recorded result")
	}
}
