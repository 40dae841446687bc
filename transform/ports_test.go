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
		if got := listenPorts(c.words, nil); !slices.Equal(got, c.want) {
			t.Errorf("listenPorts(%q) = %v, want %v", c.words, got, c.want)
		}
	}
}

// The preset's listen_options add spellings (Go's flag package takes one
// dash or two, spaced or with =); without them a single dash is no port.
func TestListenPortsOptions(t *testing.T) {
	opts := []string{"-port", "-addr"}
	for _, c := range []struct {
		words []string
		opts  []string
		want  []int
	}{
		{[]string{"app", "-host", "0.0.0.0", "-port", "80"}, opts, []int{80}},
		{[]string{"app", "-port=80"}, opts, []int{80}},
		{[]string{"app", "-addr=:443"}, opts, []int{443}},
		{[]string{"app", "-addr", "0.0.0.0:25"}, opts, []int{25}},
		{[]string{"app", "-port", "80"}, nil, nil},
		{[]string{"app", "-port=80"}, nil, nil},
		{[]string{"app", "-portal", "80", "-addr=example.com:80"}, opts, nil},
	} {
		if got := listenPorts(c.words, c.opts); !slices.Equal(got, c.want) {
			t.Errorf("listenPorts(%q, %q) = %v, want %v", c.words, c.opts, got, c.want)
		}
	}
}
