package transform

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// Only a mountPath written out is read, with the source of its volume;
// a templated one is not, and a pod that sets fsGroup or runAsUser says
// itself who writes its volumes.
func TestKubeFileMounts(t *testing.T) {
	tmpl := `      containers:
      - name: app
        volumeMounts:
          - mountPath: "/srv/data"
            name: data
          - name: conf
            mountPath: {{ .Values.confPath }}
          - name: host
            mountPath: '/var/lib/app' # the host's
      volumes:
        - name: data
          hostPath:
            path: /mnt/data
        - name: host
          persistentVolumeClaim:
            claimName: app
`
	got := kubeFileMounts("t.yaml", tmpl)
	want := []kubeMount{
		{file: "t.yaml", line: 4, name: "data", path: "/srv/data", kind: "hostPath"},
		{file: "t.yaml", line: 9, name: "host", path: "/var/lib/app", kind: "persistentVolumeClaim"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	for _, sc := range []string{"      securityContext:\n        fsGroup: 2000\n", "      securityContext:\n        runAsUser: 1000\n"} {
		if got := kubeFileMounts("t.yaml", sc+tmpl); len(got) != 0 {
			t.Errorf("with %q: got %+v, want none", sc, got)
		}
	}
}

// Manifests are looked for down to three folders deep, outside hidden
// folders and the folders the preset skips (a dependency's own chart under
// node_modules is not this app's deployment).
func TestKubeMountsFolders(t *testing.T) {
	pod := "spec:\n  containers:\n  - volumeMounts:\n    - mountPath: /data\n      name: d\n  volumes:\n  - name: d\n    persistentVolumeClaim: {claimName: x}\n"
	ctx := fstest.MapFS{
		"k8s/deploy.yaml":                 {Data: []byte(pod)},
		"node_modules/lib/chart/pod.yaml": {Data: []byte(pod)},
		".github/k8s.yml":                 {Data: []byte(pod)},
		"a/b/c/third.yaml":                {Data: []byte(pod)},
		"a/b/c/d/fourth.yaml":             {Data: []byte(pod)},
		"deploy/notes.txt":                {Data: []byte(pod)},
	}
	files := func(skip func(string) bool) []string {
		var out []string
		for _, m := range kubeMounts(ctx, skip) {
			out = append(out, m.file)
		}
		return out
	}
	if got, want := files(func(name string) bool { return name == "node_modules" }), []string{"a/b/c/third.yaml", "k8s/deploy.yaml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := files(func(string) bool { return false }), []string{"a/b/c/third.yaml", "k8s/deploy.yaml", "node_modules/lib/chart/pod.yaml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("without a skip: got %q, want %q", got, want)
	}
}
