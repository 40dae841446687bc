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
