package verify

import (
	"slices"
	"testing"
)

// plainLog is the shape of `docker build --progress=plain` output
// (BuildKit), a multi-stage build with a cached step and step output.
const plainLog = `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 250B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/golang:1.26
#2 DONE 0.6s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [build 1/4] FROM docker.io/library/golang:1.26@sha256:0123
#4 DONE 0.0s

#5 [build 2/4] WORKDIR /src
#5 CACHED

#6 [internal] load build context
#6 transferring context: 1.20kB done
#6 DONE 0.0s

#7 [build 3/4] COPY . .
#7 DONE 0.1s

#8 [build 4/4] RUN go build -o /app .
#8 0.312 go: downloading example.com/x v1.0.0
#8 DONE 12.4s

#9 [stage-1 1/2] COPY --from=build /app /app
#9 DONE 0.1s

#10 [2/2] RUN echo [1/2] done
#10 DONE 0.2s

#11 exporting to image
#11 exporting layers 0.1s done
#11 naming to docker.io/restage-verify/app:converted done
#11 DONE 0.2s
`

func TestParseStep(t *testing.T) {
	var got []Step
	w := &stepWriter{fn: func(s Step) { got = append(got, s) }}
	// Written in pieces that cut lines, as a pipe delivers them; CRLF too.
	log := []byte(plainLog + "#8 [build 4/4] RUN go build -o /app .\r\n")
	for len(log) > 0 {
		n := min(7, len(log))
		w.Write(log[:n])
		log = log[n:]
	}
	want := []Step{
		{"build", 1, 4, "FROM docker.io/library/golang:1.26@sha256:0123"},
		{"build", 2, 4, "WORKDIR /src"},
		{"build", 3, 4, "COPY . ."},
		{"build", 4, 4, "RUN go build -o /app ."},
		{"stage-1", 1, 2, "COPY --from=build /app /app"},
		{"", 2, 2, "RUN echo [1/2] done"},
		// A step that comes back after another is news again.
		{"build", 4, 4, "RUN go build -o /app ."},
	}
	if !slices.Equal(got, want) {
		t.Errorf("steps:\n got %+v\nwant %+v", got, want)
	}
	if s := want[5].String(); s != "[2/2] RUN echo [1/2] done" {
		t.Errorf("String: %q", s)
	}
	if s := want[0].String(); s != "[build 1/4] FROM docker.io/library/golang:1.26@sha256:0123" {
		t.Errorf("String: %q", s)
	}
	for _, l := range []string{"#8 DONE 12.4s", "#8 0.312 [1/2] x", "#1 [internal] load build definition from Dockerfile", "[1/2] RUN x", "#5 CACHED"} {
		if s, ok := ParseStep(l); ok {
			t.Errorf("ParseStep(%q) = %+v", l, s)
		}
	}
}
