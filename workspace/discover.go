package workspace

import (
	"errors"
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
// for Dockerfiles. The jobs are sorted by path and given once each.
func Discover(paths []string) []Job {
	var jobs []Job
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
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				add(Job{Path: path, Failure: err})
				found = true // the error says enough
				return nil
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
			}
			add(Job{Path: path})
			found = true
			return nil
		})
		if !found {
			add(Job{Path: p, Failure: ErrNoDockerfile})
		}
	}
	slices.SortFunc(jobs, func(x, y Job) int { return strings.Compare(x.Path, y.Path) })
	return jobs
}
