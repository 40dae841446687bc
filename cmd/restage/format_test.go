package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --format sarif and rdjson print the same files --json does, named
// relative to --repo-root; a file outside it gets an absolute file URI.
func TestFormatsNameFilesRelativeToTheRepoRoot(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "svc", "Dockerfile"), goDockerfile)
	writeFile(t, filepath.Join(root, "web", "Dockerfile"), "FROM NODE\n")
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "Dockerfile"), goDockerfile)
	ta := newTestApp()

	code, out, errs := ta.run("--format", "sarif", "--repo-root", root, "--check", root, outside)
	if code != 1 || errs != "" {
		t.Errorf("sarif --check: exit %d, stderr %q; want 1 (files would change) and no notes", code, errs)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var got []string
	for _, r := range log.Runs[0].Results {
		got = append(got, r.RuleID+" "+r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	want := "split svc/Dockerfile|RS305 svc/Dockerfile|RS207 web/Dockerfile|split file://" + filepath.ToSlash(filepath.Join(outside, "Dockerfile")) + "|RS305 file://" + filepath.ToSlash(filepath.Join(outside, "Dockerfile"))
	if strings.Join(got, "|") != want {
		t.Errorf("results\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}

	// The default root is the working directory.
	wd, _ := os.Getwd()
	t.Chdir(root)
	defer os.Chdir(wd)
	code, out, _ = ta.run("--format", "rdjson", "svc")
	var rd struct {
		Diagnostics []struct {
			Location struct{ Path string }
			Code     struct{ Value string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rd); err != nil || code != 0 {
		t.Fatalf("rdjson: exit %d, %v\n%s", code, err, out)
	}
	if len(rd.Diagnostics) != 2 || rd.Diagnostics[0].Location.Path != "svc/Dockerfile" || rd.Diagnostics[0].Code.Value != "split" {
		t.Errorf("rdjson diagnostics %+v", rd.Diagnostics)
	}
}

// --format json is --json, and they may be given together.
func TestFormatJSONIsJSON(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "Dockerfile"), goDockerfile)
	ta := newTestApp()
	_, a, _ := ta.run("--json", dir)
	_, b, _ := ta.run("--format", "json", dir)
	_, c, _ := ta.run("--format", "json", "--json", dir)
	if a != b || a != c || !strings.HasPrefix(a, "[") {
		t.Errorf("--json and --format json differ:\n%s\n%s\n%s", a, b, c)
	}
	_, d, _ := ta.run("--format", "diff", dir)
	_, e, _ := ta.run(dir)
	if d != e {
		t.Errorf("--format diff is not the default diff")
	}
}
