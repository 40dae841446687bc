package transform

import (
	"strings"
	"testing"
)

// TestCheckVars runs the check on hand-made outputs, so that it is tested
// apart from the planner that normally keeps it from failing.
func TestCheckVars(t *testing.T) {
	const build = "WORKDIR /app\nCOPY . .\nRUN go build -o server .\n"
	const runtime = "\nFROM gcr.io/distroless/static-debian13:nonroot\nWORKDIR /app\nCOPY --from=build /app/server /app/server\n"
	cases := []struct {
		name     string
		in       string // the original's lines after FROM and the build
		runtime  string // the runtime stage's lines after its COPY
		wantFail string // a part of the error, or "" for none
	}{{
		name:     "stage ARG not declared again",
		in:       "ARG VERSION=dev\n" + build + "LABEL version=$VERSION\nCMD [\"./server\"]\n",
		runtime:  "LABEL version=$VERSION\nCMD [\"/app/server\"]\n",
		wantFail: "$VERSION is used",
	}, {
		name:    "stage ARG declared again",
		in:      "ARG VERSION=dev\n" + build + "LABEL version=$VERSION\nCMD [\"./server\"]\n",
		runtime: "ARG VERSION=dev\nLABEL version=$VERSION\nCMD [\"/app/server\"]\n",
	}, {
		name:     "ENV of the original not carried",
		in:       "ENV PORT=8080\n" + build + "EXPOSE $PORT\nCMD [\"./server\"]\n",
		runtime:  "EXPOSE $PORT\nCMD [\"/app/server\"]\n",
		wantFail: "$PORT is used",
	}, {
		name:     "builder image variable",
		in:       build + "LABEL gopath=${GOPATH}\nCMD [\"./server\"]\n",
		runtime:  "LABEL gopath=${GOPATH}\nCMD [\"/app/server\"]\n",
		wantFail: "$GOPATH is used",
	}, {
		name:    "undeclared in the original too",
		in:      build + "LABEL created=${BUILD_DATE}\nEXPOSE $PORT\nCMD [\"./server\"]\n",
		runtime: "LABEL created=${BUILD_DATE}\nEXPOSE $PORT\nCMD [\"/app/server\"]\n",
	}, {
		// A shell expanded it in the original; BuildKit would in the output.
		name:     "only a shell expanded it in the original",
		in:       build + "CMD ./server --port $PORT\n",
		runtime:  "EXPOSE $PORT\nCMD ./server --port $PORT\n",
		wantFail: "$PORT is used",
	}, {
		name:    "shell-form CMD and HEALTHCHECK are not expanded by BuildKit",
		in:      build + "HEALTHCHECK CMD wget -qO- localhost:$PORT\nCMD ./server --port $PORT\n",
		runtime: "HEALTHCHECK CMD wget -qO- localhost:$PORT\nCMD ./server --port $PORT\n",
	}}
	presets, err := builtinPresets()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := "FROM golang:1.26\n" + c.in
			s, err := parseSource([]byte(in))
			if err != nil {
				t.Fatal(err)
			}
			f, err := analyse(s, Options{}, presets)
			if err != nil {
				t.Fatal(err)
			}
			p, err := makePlan(f, &notes{})
			if err != nil {
				t.Fatal(err)
			}
			out := "FROM golang:1.26 AS build\n" + c.in + runtime + c.runtime
			err = check([]byte(out), p)
			switch {
			case c.wantFail == "" && err != nil:
				t.Errorf("check failed: %v\noutput:\n%s", err, out)
			case c.wantFail != "" && err == nil:
				t.Errorf("check passed, want a failure with %q\noutput:\n%s", c.wantFail, out)
			case c.wantFail != "" && !strings.Contains(err.Error(), c.wantFail):
				t.Errorf("check failed with %q, want %q", err, c.wantFail)
			}
		})
	}
}
