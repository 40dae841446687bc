package verify

import (
	"archive/tar"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTar writes a tar with the given files; "->target" makes a
// symlink, "<dir>" a folder.
func writeTar(t *testing.T, name string, files map[string]string) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tw := tar.NewWriter(f)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		c := files[n]
		h := &tar.Header{Name: n, Mode: 0o755, Typeflag: tar.TypeReg, Size: int64(len(c))}
		if target, ok := strings.CutPrefix(c, "->"); ok {
			h.Typeflag, h.Linkname, h.Size = tar.TypeSymlink, target, 0
		} else if c == "<dir>" {
			h.Typeflag, h.Name, h.Size = tar.TypeDir, n+"/", 0
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write([]byte(c))
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestScanTar(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "fs.tar")
	writeTar(t, p, map[string]string{
		"bin": "->usr/bin", "usr/bin/sh": "->dash", "usr/bin/dash": "", "sbin/apk": "", "bin/busybox": "",
		"usr/share/doc/bash/README": "", "app/sh": "", "usr/bin/apt-get": "<dir>",
	})
	f, _ := os.Open(p)
	defer f.Close()
	scan, err := scanTar(f)
	if err != nil || !slices.Equal(scan.Shells, []string{"sh", "dash", "busybox"}) || !slices.Equal(scan.PackageManagers, []string{"apk"}) {
		t.Errorf("%q %q %v", scan.Shells, scan.PackageManagers, err)
	}
	// Folders: listed ones, symbolic links, and those only implied by
	// what is in them.
	var dirs []string
	for d := range scan.Dirs {
		dirs = append(dirs, d)
	}
	slices.Sort(dirs)
	want := []string{"/", "/app", "/bin", "/sbin", "/usr", "/usr/bin", "/usr/bin/apt-get", "/usr/bin/sh", "/usr/share", "/usr/share/doc", "/usr/share/doc/bash"}
	if !slices.Equal(dirs, want) {
		t.Errorf("dirs: %q", dirs)
	}
}

func TestCmdProbeArgs(t *testing.T) {
	for in, want := range map[string][]string{
		`a b  c`:              {"a", "b", "c"},
		`--upper 'x y' "z w"`: {"--upper", "x y", "z w"},
		`a\ b "q\"x" ''`:      {"a b", `q"x`, ""},
		``:                    nil,
	} {
		got, err := CmdProbeArgs(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("CmdProbeArgs(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	// The probe runs without a shell: text a shell would expand is refused.
	for _, in := range []string{`echo $HOME`, `a && b`, `ls *.go`, `'open`} {
		if got, err := CmdProbeArgs(in); err == nil {
			t.Errorf("CmdProbeArgs(%q) = %q, want an error", in, got)
		}
	}
}

// An original that fails a probe is warned about: "same" then says only
// that both images fail alike.
func TestOriginalFailed(t *testing.T) {
	one := 1
	for _, c := range []struct {
		name string
		http bool
		o    ProbeResult
		want string
	}{
		{"default", false, ProbeResult{Outcome: "running"}, ""},
		{"default", false, ProbeResult{Outcome: "exited", ExitCode: &one}, "the original itself exits 1: the default probe shows only that both behave alike"},
		{"GET :8000/", true, ProbeResult{Outcome: "answered", HTTPStatus: 500}, ""},
		{"GET :8000/", true, ProbeResult{Outcome: "exited", ExitCode: &one}, "the original itself exits 1 at GET :8000/: the probe shows only that both behave alike"},
		{"GET :8000/", true, ProbeResult{Outcome: "no answer"}, "the original itself does not answer at GET :8000/: the probe shows only that both behave alike"},
		{"cmd --bad", false, ProbeResult{Outcome: "exited", ExitCode: &one}, ""},
	} {
		if got := originalFailed(c.name, c.http, c.o); got != c.want {
			t.Errorf("%s %+v: %q, want %q", c.name, c.o, got, c.want)
		}
	}
}
