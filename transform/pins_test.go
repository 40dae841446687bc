package transform

import "testing"

func TestNamesVersion(t *testing.T) {
	for _, tc := range []struct {
		img, v string
		want   bool
	}{
		{"node:20.11-alpine", "20.11", true},
		{"node:24.19.0-alpine3.20", "24.19.0", true},
		{"node:22-slim", "22", true},
		{"gcr.io/distroless/nodejs22-debian13:nonroot", "22", true},
		{"gcr.io/distroless/nodejs24-debian13:nonroot", "24.19.0", false},
		{"gcr.io/distroless/nodejs24-debian13:nonroot", "2", false},
		{"node:20.11.1-slim", "20.11", false},
		{"node:120-slim", "20", false},
		{"node:20-slim", "20.1", false},
	} {
		if got := namesVersion(tc.img, tc.v); got != tc.want {
			t.Errorf("namesVersion(%q, %q) = %v, want %v", tc.img, tc.v, got, tc.want)
		}
	}
}
