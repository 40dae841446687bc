package transform

import (
	"slices"
	"testing"
)

func TestListenPorts(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  []int
	}{
		{[]string{"gunicorn", "-b", "0.0.0.0:80", "app:app"}, []int{80}},
		{[]string{"uvicorn", "main:app", "--host", "0.0.0.0", "--port", "443"}, []int{443}},
		{[]string{"serve", "--port=8080"}, []int{8080}},
		{[]string{"app", "-p", "21"}, []int{21}},
		{[]string{"app", "--bind=[::]:80"}, []int{80}},
		{[]string{"app", "--listen", "localhost:25"}, []int{25}},
		{[]string{"app", "*:53"}, []int{53}},
		// Not addresses: a module:callable, a host name, a URL, a time, a word after -p that is no number.
		{[]string{"gunicorn", "app:app", "example.com:80", "http://x:80", "node", "-p", "1+1"}, nil},
		{[]string{"app", "--port", "$PORT"}, nil},
	} {
		if got := listenPorts(c.words); !slices.Equal(got, c.want) {
			t.Errorf("listenPorts(%q) = %v, want %v", c.words, got, c.want)
		}
	}
}
