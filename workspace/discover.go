package workspace

import (
	"errors"
	"github.com/restage/restage/config"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A Job is one Dockerfile to convert, or a path that failed before that.
type Job struct {
	Path  string // as shown in messages and diffs
	Stdin bool   // the input comes from Settings.Stdin; Path is only its name
	// Dir is, for a Stdin job, the folder the file lives in on disk (an
	// editor piping a buffer names it): its build context when
	// Settings.ContextDir is empty, and where the config lookup starts.
	// "" for none: no build context, the lookup starts in the working folder.
	Dir     string
	Failure error // the path could not be used
}

// skipDirs are never searched.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true}

// IsDockerfileName reports whether a file found in a folder is a
// Dockerfile: Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile or
// dockerfile; Dockerfile.dockerignore and x.Dockerfile.dockerignore are
// ignore files, not Dockerfiles.
func IsDockerfileName(name string) bool {
	if strings.HasSuffix(name, ".dockerignore") {
		return false
	}
	return name == "Dockerfile" || name == "dockerfile" ||
		strings.HasPrefix(name, "Dockerfile.") ||
		strings.HasSuffix(name, ".Dockerfile") || strings.HasSuffix(name, ".dockerfile")
}

// ErrNoDockerfile is the failure of a folder without Dockerfiles.
var ErrNoDockerfile = errors.New("no Dockerfile found")

// Discover turns the paths into jobs: files as they are, folders walked
// for Dockerfiles. The jobs are sorted by path and given once each: a
// file named twice (the same path spelled twice, a symlink and its
// target, a symlinked folder and the real one) is one job, under its
// first name in path order (see dropSameFiles).
func Discover(paths []string) []Job { return DiscoverFor(paths, nil) }

// DiscoverFor is Discover, telling configs (when not nil) what the walk
// saw in the folders that hold the Dockerfiles it found and in the
// folders above them up to the path walked (config.Finder.Listed), so
// that its lookups need not ask the system again.
func DiscoverFor(paths []string, configs *config.Finder) []Job {
	return DiscoverEach(paths, configs, nil)
}

// DiscoverEach is DiscoverFor, also handing each (when not nil) every
// Dockerfile the walk finds as it finds it, in the walk's order, so that
// the caller can start converting it before the walk of a large tree
// ends (the walk of 30,000 folders took a fifth of a run's wall time
// with the workers idle). each gets none once a symlink is met, and
// none when several paths are given (the same file may be named twice);
// even so a job it got may be left out of the result, when a symlink met
// later names the same file under a path that sorts first
// (dropSameFiles), so the caller must not write anything for a job
// handed on before the walk ends. The returned jobs are DiscoverFor's.
func DiscoverEach(paths []string, configs *config.Finder, each func(Job)) []Job {
	if len(paths) != 1 {
		each = nil
	}
	var jobs []Job
	// linked: a symlink was met, so two names may be one file.
	linked := false
	seen := map[string]bool{}
	add := func(j Job) {
		key := filepath.Clean(j.Path)
		if seen[key] {
			return
		}
		seen[key] = true
		jobs = append(jobs, j)
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			add(Job{Path: p, Failure: err})
			continue
		}
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			linked = true
		}
		if !fi.IsDir() {
			// A named pipe or a device is refused here, before anything
			// opens it (opening a named pipe waits for a writer).
			add(Job{Path: p, Failure: notRegular(fi)})
			continue
		}
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// A symlink to a folder: walk the folder (WalkDir would not).
			root = p + string(filepath.Separator)
		}
		found := false
		// What the walk saw, for configs: the folders of the Dockerfiles
		// found, the folders holding an entry the lookup looks for, and
		// those a listing failed in (partly listed: nothing is said).
		var jobDirs []string
		holds := map[string]listing{}
		unsure := map[string]bool{}
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				unsure[filepath.Clean(path)] = true
				add(Job{Path: path, Failure: err})
				found = true // the error says enough
				return nil
			}
			if configs != nil && path != root {
				if name := d.Name(); strings.EqualFold(name, config.Name) || strings.EqualFold(name, ".git") {
					dir := filepath.Clean(filepath.Dir(path))
					l := holds[dir]
					l.config = l.config || strings.EqualFold(name, config.Name)
					l.git = l.git || strings.EqualFold(name, ".git")
					holds[dir] = l
				}
			}
			if d.IsDir() {
				if path != root && skipDirs[d.Name()] {
					return fs.SkipDir
				}
				return nil
			}
			if !IsDockerfileName(d.Name()) {
				return nil
			}
			if !d.Type().IsRegular() {
				// A symlink to a regular file counts; others do not.
				fi, err := os.Stat(path)
				if err != nil || !fi.Mode().IsRegular() {
					return nil
				}
				linked = true
			}
			n := len(jobs)
			add(Job{Path: path})
			if each != nil && !linked && len(jobs) > n {
				each(jobs[n])
			}
			jobDirs = append(jobDirs, filepath.Dir(path))
			found = true
			return nil
		})
		if configs != nil {
			tellListed(configs, filepath.Clean(root), jobDirs, holds, unsure)
		}
		if !found {
			add(Job{Path: p, Failure: ErrNoDockerfile})
		}
	}
	slices.SortFunc(jobs, func(x, y Job) int { return strings.Compare(x.Path, y.Path) })
	// One folder walked without symlinks names each file once: nothing
	// more to check (and no file to stat) in the common run over a tree.
	if linked || len(paths) > 1 {
		jobs = dropSameFiles(jobs)
	}
	return jobs
}

// dropSameFiles keeps the first job (in path order) of those that name
// one file: jobs are converted in parallel, and two of one file would
// write it at the same time, the last rename winning, and list and diff
// it twice. One file is one directory entry, the one -w replaces: the
// same file (os.SameFile) at the same path once symlinks are resolved.
// Two hard links are two entries, each replaced by its own write, so
// both stay jobs (and both get converted).
func dropSameFiles(jobs []Job) []Job {
	type file struct {
		path   string
		fi     fs.FileInfo
		target string // the path resolved and absolute; "" until needed
	}
	resolved := func(f *file) string {
		if f.target == "" {
			f.target = f.path
			if t, err := filepath.EvalSymlinks(f.path); err == nil {
				f.target = t
			}
			if abs, err := filepath.Abs(f.target); err == nil {
				f.target = abs
			}
		}
		return f.target
	}
	// One file has one size and one time: only the jobs that share them
	// are compared, so the check costs one stat per job.
	type key struct{ size, mod int64 }
	seen := map[key][]*file{}
	kept := jobs[:0]
	for _, j := range jobs {
		if j.Failure != nil || j.Stdin {
			kept = append(kept, j)
			continue
		}
		fi, err := os.Stat(j.Path)
		if err != nil {
			kept = append(kept, j) // reading it will say why
			continue
		}
		f := &file{path: j.Path, fi: fi}
		k := key{fi.Size(), fi.ModTime().UnixNano()}
		if slices.ContainsFunc(seen[k], func(g *file) bool {
			return os.SameFile(g.fi, fi) && resolved(g) == resolved(f)
		}) {
			continue
		}
		seen[k] = append(seen[k], f)
		kept = append(kept, j)
	}
	return kept
}

// listing is what a folder's listing showed of the names a config
// lookup looks for.
type listing struct{ config, git bool }

// tellListed tells configs what the walk of root saw in each folder of
// dirs and in the folders above them up to root, each once; not in a
// folder whose listing failed.
func tellListed(configs *config.Finder, root string, dirs []string, holds map[string]listing, unsure map[string]bool) {
	told := map[string]bool{}
	for _, d := range dirs {
		for d = filepath.Clean(d); !told[d]; d = filepath.Dir(d) {
			told[d] = true
			if !unsure[d] {
				configs.Listed(d, holds[d].config, holds[d].git)
			}
			if d == root || filepath.Dir(d) == d {
				break
			}
		}
	}
}
