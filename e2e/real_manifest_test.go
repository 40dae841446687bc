//go:build e2e_real

package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReadManifestFlags: the verify-flags column is split as a shell
// would, so that --run-cmd's quoted command is one word; the corpus's own
// manifest reads as it did (every flag a pair); a flag that is not one of
// the harness's, or text a shell would expand, is refused.
func TestReadManifestFlags(t *testing.T) {
	line := func(flags string) string {
		return strings.Join([]string{"app", "go", "o/r", strings.Repeat("a", 40), ".", "Dockerfile", "http 8080 /", "none", "why", flags}, "\t") + "\n"
	}
	file := filepath.Join(t.TempDir(), "manifest.tsv")
	os.WriteFile(file, []byte(line(`--run-cmd './server -port 8080' --env A=b`)), 0o644)
	apps, err := readManifest(file)
	if err != nil || len(apps) != 1 || !slices.Equal(apps[0].extra, []string{"--run-cmd", "./server -port 8080", "--env", "A=b"}) {
		t.Errorf("%v: %q", err, apps)
	}
	for _, bad := range []string{`--probe-cmd x`, `--env A=$HOME`, `--run-cmd`} {
		os.WriteFile(file, []byte(line(bad)), 0o644)
		if apps, err := readManifest(file); err == nil {
			t.Errorf("%s: read as %q, want an error", bad, apps[0].extra)
		}
	}
	apps, err = readManifest("real/manifest.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range apps {
		if len(a.extra)%2 != 0 {
			t.Errorf("%s: %q", a.name, a.extra)
		}
	}
}
