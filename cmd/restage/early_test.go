package main

import (
	"errors"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/restage/restage/transform"
	"github.com/restage/restage/workspace"
)

// TestProcessAllEarly: records converted while the search ran are handed
// on in their turn, in path order among the others, and not converted
// again; one whose job differs (the same path failed later) is not used.
func TestProcessAllEarly(t *testing.T) {
	dir := t.TempDir()
	var jobs []workspace.Job
	for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
		p := filepath.Join(dir, n, "Dockerfile")
		writeFile(t, p, goDockerfile)
		jobs = append(jobs, workspace.Job{Path: p})
	}
	jobs[4].Failure = errors.New("gone")
	early := map[string]*workspace.Record{}
	for _, i := range []int{1, 3, 4} {
		early[jobs[i].Path] = &workspace.Record{Job: workspace.Job{Path: jobs[i].Path}}
	}
	for _, workers := range []int{1, 2, 4} {
		ta := newTestApp()
		ta.workers = workers
		var calls atomic.Int32
		ta.convert = func(src []byte, opt transform.Options) (*transform.Result, error) {
			calls.Add(1)
			return fakeConvert(src, opt)
		}
		var got []*workspace.Record
		s := &settings{}
		s.Convert, s.MaxSize = ta.convert, 1<<20
		ta.processAll(s, jobs, early, func(r *workspace.Record) { got = append(got, r) })
		if len(got) != len(jobs) {
			t.Fatalf("%d workers: %d records, want %d", workers, len(got), len(jobs))
		}
		for i, r := range got {
			if r.Job != jobs[i] {
				t.Errorf("%d workers: record %d is %v, want %v", workers, i, r.Job, jobs[i])
			}
			if isEarly := i == 1 || i == 3; (r == early[jobs[i].Path]) != isEarly {
				t.Errorf("%d workers: record %d from the early ones: %v, want %v", workers, i, !isEarly, isEarly)
			}
		}
		if n := calls.Load(); n != 3 {
			t.Errorf("%d workers: %d conversions, want 3 (a, c, f)", workers, n)
		}
	}
}

// TestDiscoverConverting: a run whose search hands Dockerfiles on early
// prints what a run on one worker prints, and with -w (where nothing is
// converted early) converts a file named twice once.
func TestDiscoverConverting(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i := range 40 {
		names = append(names, filepath.Join(dir, string(rune('a'+i%26))+"-"+string(rune('a'+i/26)), "Dockerfile"))
	}
	for _, n := range names {
		writeFile(t, n, goDockerfile)
	}
	slices.Sort(names)
	ta := newTestApp()
	ta.workers = 4
	var calls atomic.Int32
	ta.convert = func(src []byte, opt transform.Options) (*transform.Result, error) {
		calls.Add(1)
		return fakeConvert(src, opt)
	}
	s := &settings{}
	s.Convert, s.MaxSize = ta.convert, 1<<20
	jobs, early := ta.discoverConverting(s, []string{dir})
	var paths []string
	for _, j := range jobs {
		paths = append(paths, j.Path)
	}
	if !slices.Equal(paths, names) {
		t.Fatalf("jobs %q, want %q", paths, names)
	}
	for p, r := range early {
		if !slices.Contains(names, p) || r.Path != p {
			t.Errorf("early record %q for %q", r.Path, p)
		}
	}
	if int(calls.Load()) != len(early) {
		t.Errorf("%d conversions, %d early records", calls.Load(), len(early))
	}
	s.Write = true
	jobs, early = ta.discoverConverting(s, []string{dir})
	if early != nil || len(jobs) != len(names) {
		t.Errorf("-w: %d early records, want none; %d jobs", len(early), len(jobs))
	}
}
