package transform

import (
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// kubeMount is a volume a Kubernetes manifest of the build context mounts
// in a container: a Deployment's volumeMounts entry, as written.
type kubeMount struct {
	file       string
	line       int
	name, path string
	kind       string // the volume's source key (persistentVolumeClaim), or ""
}

// kubeWritable are the volume sources whose folder a non-root user can
// write, or that nobody writes: the kubelet makes an emptyDir mode 777;
// configMap, secret, projected and downwardAPI volumes are read-only.
var kubeWritable = map[string]bool{"emptyDir": true, "configMap": true, "secret": true, "projected": true, "downwardAPI": true}

// kubeVolumeKinds are the keys of a pod's volumes[] entry that name its
// source.
var kubeVolumeKinds = []string{"persistentVolumeClaim", "hostPath", "nfs", "emptyDir", "configMap", "secret", "projected", "downwardAPI", "csi", "ephemeral"}

// kubeMounts reads the Kubernetes manifests and Helm templates of the
// build context (YAML files down to three folders deep) for volumes
// mounted at a path written out. A file whose pod runs as a user of its
// own (runAsUser) or gives its volumes a group (fsGroup) says who may
// write them, so its mounts are left out. The text is read by lines: a
// Helm template is no YAML until rendered, and its templated values
// ({{ }}) are not read. skipDir names the folders the preset does not
// read sources in (its writes.sources.skip: node_modules, vendor), which
// hold other projects' files, not this one's manifests.
func kubeMounts(ctx fs.FS, skipDir func(name string) bool) []kubeMount {
	if ctx == nil {
		return nil
	}
	var out []kubeMount
	walkContext(ctx, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if name != "." && (strings.Count(name, "/") >= 3 || strings.HasPrefix(d.Name(), ".") || skipDir(d.Name())) {
				return fs.SkipDir
			}
			return nil
		}
		if ext := path.Ext(name); ext != ".yaml" && ext != ".yml" {
			return nil
		}
		data, err := readLimited(ctx, name, 1<<20)
		if err != nil || !strings.Contains(string(data), "mountPath:") {
			return nil
		}
		out = append(out, kubeFileMounts(name, string(data))...)
		return nil
	})
	return out
}

func kubeFileMounts(name, text string) []kubeMount {
	if strings.Contains(text, "fsGroup:") || strings.Contains(text, "runAsUser:") {
		return nil
	}
	lines := strings.Split(text, "\n")
	value := func(l, key string) (string, bool) {
		t := strings.TrimSpace(l)
		t = strings.TrimPrefix(t, "- ")
		v, ok := strings.CutPrefix(t, key+":")
		if !ok {
			return "", false
		}
		v = strings.TrimSpace(v)
		if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		if u, err := strconv.Unquote(v); err == nil {
			v = u
		} else {
			v = strings.Trim(v, "'")
		}
		return v, true
	}
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " -")) }
	// The name of the list item a line is in: a name: at its indentation
	// between the item's "- " and the next.
	itemName := func(i int) string {
		in := indent(lines[i])
		for j := i; j >= 0 && j > i-8; j-- {
			if indent(lines[j]) != in {
				break
			}
			if v, ok := value(lines[j], "name"); ok {
				return v
			}
			if strings.HasPrefix(strings.TrimSpace(lines[j]), "- ") {
				break
			}
		}
		for j := i + 1; j < len(lines) && j < i+8; j++ {
			if indent(lines[j]) != in || strings.HasPrefix(strings.TrimSpace(lines[j]), "- ") {
				break
			}
			if v, ok := value(lines[j], "name"); ok {
				return v
			}
		}
		return ""
	}
	// The source of the volume of a name: the first key of kubeVolumeKinds
	// in the lines after its "- name: NAME".
	kindOf := func(vol string) string {
		for i, l := range lines {
			if v, ok := value(l, "name"); !ok || v != vol || !strings.Contains(l, "-") {
				continue
			}
			for j := i + 1; j < len(lines) && j < i+4; j++ {
				t := strings.TrimSpace(lines[j])
				for _, k := range kubeVolumeKinds {
					if strings.HasPrefix(t, k+":") {
						return k
					}
				}
			}
		}
		return ""
	}
	var out []kubeMount
	for i, l := range lines {
		p, ok := value(l, "mountPath")
		if !ok || !path.IsAbs(p) || strings.Contains(p, "{{") {
			continue
		}
		m := kubeMount{file: name, line: i + 1, name: itemName(i), path: path.Clean(p)}
		if m.name != "" {
			m.kind = kindOf(m.name)
		}
		if kubeWritable[m.kind] {
			continue
		}
		out = append(out, m)
	}
	return out
}

// warnKubeMounts warns when a Kubernetes manifest of the build context
// mounts a volume where the runtime's non-root user is to write (review
// 24, E): on Kubernetes a volume's folder is its own, not the image's
// (a PVC is not filled from the image, unlike a Docker named volume),
// and a new one's owner is the storage driver's, root on a formatted
// block volume; the original's root could write it. Only the pod's
// securityContext.fsGroup (or a root user) makes it writable, which
// restage cannot set from the Dockerfile.
func (p *plan) warnKubeMounts(writes []writeSeen, at string) {
	if !p.fromRoot || p.keepsRoot {
		return
	}
	skipDir := func(string) bool { return false }
	if w := p.f.preset.Writes; w != nil && w.Sources != nil {
		skipDir = w.Sources.Skipped
	}
	mounts := kubeMounts(p.f.opt.Context, skipDir)
	under := func(x, dir string) bool { return x == dir || strings.HasPrefix(x, dir+"/") || dir == "/" }
	group := p.runtime.User
	if _, g, ok := strings.Cut(group, ":"); ok {
		group = g
	}
	fsGroup := "fsGroup: " + group
	if _, err := strconv.Atoi(group); err != nil {
		fsGroup = "fsGroup to the group id of " + group
	}
	for _, m := range mounts {
		where := ""
		for _, w := range writes {
			abs := w.path
			if !path.IsAbs(abs) {
				abs = path.Join(at, abs)
			}
			if under(abs, m.path) || w.tree && under(m.path, abs) {
				where = fmt.Sprintf("where the program writes %s (%s)", w.shown(), w.file)
				break
			}
		}
		if where == "" {
			for _, o := range p.owned {
				if o != "/" && under(m.path, o) {
					where = "inside the folder " + o + " that the runtime user owns"
					break
				}
			}
		}
		if where == "" {
			continue
		}
		vol := "the volume " + m.name
		if m.name == "" {
			vol = "a volume"
		}
		if m.kind != "" {
			vol += ", a " + m.kind + ","
		}
		p.notes.note(0, warnKubeMountWritten, "%s:%d (a Kubernetes manifest of the build context) mounts %s at %s, %s: on Kubernetes that folder is the volume's own, which is not filled from the image and whose owner the storage driver chooses (root, mode 755, on a new block volume), and the original's root could write it; the runtime user %s can only if the pod's securityContext sets %s (restage does not read a manifest's templated values, {{ }})", m.file, m.line, vol, m.path, where, p.runtime.User, fsGroup)
		return
	}
}
