package transform

import "testing"

func TestHubShort(t *testing.T) {
	for _, c := range []struct{ ref, want string }{
		{"python:3.12-slim", "python:3.12-slim"},
		{"library/python:3.12-slim", "python:3.12-slim"},
		{"docker.io/library/python:3.12-slim", "python:3.12-slim"},
		{"index.docker.io/library/python:3.12-slim", "python:3.12-slim"},
		{"registry-1.docker.io/bitnami/node:20", "bitnami/node:20"},
		{"docker.io/bitnami/node:20", "bitnami/node:20"},
		// Another registry's library/ is its own path, not Hub's.
		{"mirror.gcr.io/library/python:3.12-slim", "mirror.gcr.io/library/python:3.12-slim"},
		{"localhost/library/python:3", "localhost/library/python:3"},
		{"localhost:5000/python:3", "localhost:5000/python:3"},
	} {
		if got := hubShort(c.ref); got != c.want {
			t.Errorf("hubShort(%q) = %q, want %q", c.ref, got, c.want)
		}
	}
}
