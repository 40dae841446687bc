package verify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

func TestRunCmdArgs(t *testing.T) {
	for in, want := range map[string][]string{
		`./server -port 8080`:            {"./server", "-port", "8080"},
		`./server -name 'a b'`:           {"./server", "-name", "a b"},
		` ["./server", "-port", "8080"]`: {"./server", "-port", "8080"},
		`["sh -c", "$HOME"]`:             {"sh -c", "$HOME"}, // exec form: words as given, nothing expanded
	} {
		got, err := RunCmdArgs(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("RunCmdArgs(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{`["./server", 8080]`, `["./server"`, `./server $PORT`, `a && b`} {
		if got, err := RunCmdArgs(in); err == nil {
			t.Errorf("RunCmdArgs(%q) = %q, want an error", in, got)
		}
	}
}

// TestRunCmdHTTP: with RunCmd, both images' probe containers start with
// it in place of their CMD, the HTTP probe asks them, the files they
// write are compared, and the report says which command ran.
func TestRunCmdHTTP(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	defer srv.Close()
	in, opt, eng := newRun(t)
	eng.running, eng.port = true, strings.TrimPrefix(srv.URL, "http://")
	eng.diff = map[string][]string{"original": {"A /app/data.db"}, "converted": nil}
	opt.HTTPProbes = []HTTPProbe{{Port: 8080, Path: "/"}}
	opt.RunCmd = []string{"./server", "-port", "8080"}
	rep := Run(context.Background(), in, opt)
	var starts []string
	for _, c := range eng.calls {
		if strings.HasPrefix(c, "start ") {
			f := strings.SplitN(c, " ", 4)
			starts = append(starts, variantOf(f[1])+" "+f[3])
		}
	}
	if want := []string{`original ["./server" "-port" "8080"]`, `converted ["./server" "-port" "8080"]`}; !slices.Equal(starts, want) {
		t.Errorf("starts: %q, want %q", starts, want)
	}
	if len(rep.Probes) != 1 || !rep.Probes[0].Same || rep.Probes[0].Original.Outcome != "answered" || rep.Probes[0].Original.Stdout != "ok" {
		t.Fatalf("probes: %+v (%s)", rep.Probes, rep.Message)
	}
	// The writes are the run command's containers': the converted image
	// does not write the database the original does.
	if rep.Verdict != VerdictDifferent || rep.WritesCompared == nil || !slices.Equal(rep.WritesCompared.OnlyOriginal, []string{"A /app/data.db"}) {
		t.Errorf("%s: %s; writes %+v", rep.Verdict, rep.Message, rep.WritesCompared)
	}
	var js bytes.Buffer
	rep.WriteJSON(&js)
	var got struct {
		RunCommand []string `json:"run_command"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil || !slices.Equal(got.RunCommand, opt.RunCmd) {
		t.Errorf("JSON run_command: %q, %v\n%s", got.RunCommand, err, js.String())
	}
	if table := string(rep.Table()); !strings.Contains(table, "\nrun command (both images, in place of CMD): [\"./server\",\"-port\",\"8080\"]\n") {
		t.Errorf("table:\n%s", table)
	}
}

// TestRunCmdDefault: without a run command each image runs its own CMD
// and the report names none; with one, the default probe runs it too.
func TestRunCmdDefault(t *testing.T) {
	for _, cmd := range [][]string{nil, {"./server"}} {
		in, opt, eng := newRun(t)
		opt.RunCmd = cmd
		rep := Run(context.Background(), in, opt)
		if rep.Verdict != VerdictSame {
			t.Fatalf("%s: %s", rep.Verdict, rep.Message)
		}
		n := 0
		for _, c := range eng.calls {
			if strings.HasPrefix(c, "start ") {
				n++
				if !strings.HasSuffix(c, fmt.Sprintf(" %q", cmd)) {
					t.Errorf("run command %q: %s", cmd, c)
				}
			}
		}
		var js bytes.Buffer
		rep.WriteJSON(&js)
		if n != 2 || strings.Contains(js.String(), "run_command") != (cmd != nil) || strings.Contains(string(rep.Table()), "run command") != (cmd != nil) {
			t.Errorf("run command %q: %d starts; %s", cmd, n, js.String())
		}
	}
}
