package transform

import (
	"reflect"
	"testing"
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
