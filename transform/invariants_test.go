package transform

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// TestInvariants checks the properties every conversion must have, whatever
// the golden files say: over every golden input, every golden want file
// (converting a want must be a no-op) and the hand-made extraInputs.
func TestInvariants(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run("input/"+c.Name, func(t *testing.T) {
			checkInvariants(t, c.Input, c.Options)
		})
		if c.HasWant {
			t.Run("want/"+c.Name, func(t *testing.T) {
				res := checkInvariants(t, c.Want, c.Options)
				if res != nil && res.Changed {
					t.Errorf("converting a want file changed it; a converted file must be left alone")
				}
			})
		}
	}
	for _, in := range extraInputs {
		t.Run("extra/"+in.Name, func(t *testing.T) {
			checkInvariants(t, []byte(in.Src), Options{})
		})
	}
}

// bkParsed is a Dockerfile as BuildKit reads it.
type bkParsed struct {
	res    *parser.Result
	stages []instructions.Stage
}

// bkParse parses dt with BuildKit's parser and instructions.Parse.
func bkParse(dt []byte) (*bkParsed, error) {
	res, err := parser.Parse(bytes.NewReader(dt))
	if err != nil {
		return nil, err
	}
	stages, _, err := instructions.Parse(res.AST, nil)
	if err != nil {
		return nil, err
	}
	return &bkParsed{res: res, stages: stages}, nil
}

// checkInvariants converts src with opt and checks:
//
//   - an error is a *Error, and only when BuildKit cannot parse src
//     (and an unparsable src must give an error);
//   - src is not modified; a second Convert gives the same Result;
//   - Declined ⇒ !Changed; !Changed ⇒ Output == src; Changed ⇒ Output != src;
//   - (a) Edits are sorted, non-overlapping, in range, and applied to src give
//     Output exactly (so bytes outside the edits are identical);
//   - (b) Output parses (parser + instructions.Parse);
//   - (c) every COPY --from / RUN --mount from= in Output names a stage (by
//     name, case-insensitively, or a valid index) or looks like an image,
//     unless the input had the same bad reference;
//   - (d) Convert(Output) succeeds and leaves Output unchanged: for a
//     converted file, because it declines as already multi-stage;
//   - (e) when Changed: Output has exactly one more stage than src, and the
//     last stage does not start FROM the builder (stage or image);
//   - (f) CRLF in ⇒ CRLF out, LF in ⇒ no CR out, final newline kept or not kept.
//
// It returns the Result (nil on error).
func checkInvariants(t testing.TB, src []byte, opt Options) *Result {
	t.Helper()
	orig := bytes.Clone(src)
	in, parseErr := bkParse(src)

	res, err := Convert(src, opt)
	if !bytes.Equal(src, orig) {
		t.Fatalf("Convert modified its input")
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Convert error is %T (%v), want *Error", err, err)
		}
		if e.Msg == "" || e.Line < 0 {
			t.Errorf("malformed *Error: %+v", *e)
		}
		if parseErr == nil {
			t.Fatalf("Convert returned error %q for an input that BuildKit parses", err)
		}
		return nil
	}
	if parseErr != nil {
		t.Fatalf("Convert returned no error for an input that BuildKit rejects (%v)", parseErr)
	}
	if res == nil {
		t.Fatalf("Convert returned a nil Result and no error")
	}

	if again, err := Convert(src, opt); err != nil || !reflect.DeepEqual(again, res) {
		t.Errorf("Convert is not deterministic: second call gave err=%v, equal=%v", err, reflect.DeepEqual(again, res))
	}

	// Result consistency.
	if res.Declined != "" {
		if res.Changed {
			t.Errorf("Declined (%q) but Changed", res.Declined)
		}
		if strings.ContainsAny(res.Declined, "\r\n") {
			t.Errorf("Declined reason is not one line: %q", res.Declined)
		}
	}
	if !res.Changed && !bytes.Equal(res.Output, src) {
		t.Errorf("Changed = false but Output differs from the input:\n%s", textDiff("input", "output", src, res.Output))
	}
	if res.Changed && bytes.Equal(res.Output, src) {
		t.Errorf("Changed = true but Output equals the input")
	}

	// (a) The edits reproduce the output.
	applied, err := applyEditsStrict(src, res.Edits)
	if err != nil {
		t.Errorf("bad Edits: %v", err)
	} else if !bytes.Equal(applied, res.Output) {
		t.Errorf("applying Edits to the input does not give Output (- edits applied, + Output):\n%s",
			textDiff("edits applied", "Output", applied, res.Output))
	}

	// (b) The output parses.
	out, err := bkParse(res.Output)
	if err != nil {
		t.Fatalf("Output does not parse: %v\n%s", err, showText(res.Output))
	}

	// (c) Stage references name something that exists (those the input
	// already got wrong aside).
	for _, p := range newBadStageRefs(in, out) {
		t.Errorf("Output: %s", p)
	}

	// (d) Idempotence: restage -w twice leaves the file as the first run
	// wrote it. That holds because every converted output has exactly two
	// stages (check.go refuses any other) and analyse declines a file with
	// more than one stage (RS202) before it looks at anything else. So the
	// second run must decline for that reason: any other outcome, even
	// another decline, means the property now rests on something else.
	res2, err := Convert(res.Output, opt)
	if err != nil {
		t.Errorf("Convert(Output) failed: %v", err)
	} else {
		if res2.Changed {
			t.Errorf("Convert(Output) changed it again (Declined=%q)", res2.Declined)
		}
		switch {
		case res.Changed && res2.DeclineCode != declMultiStage:
			t.Errorf("Convert(Output) gave decline code %q (%q), want %s (already multi-stage)", res2.DeclineCode, res2.Declined, declMultiStage)
		case !res.Changed && res2.DeclineCode != res.DeclineCode:
			t.Errorf("Convert(Output) of an unchanged file gave decline code %q, want the first run's %q", res2.DeclineCode, res.DeclineCode)
		}
		if !bytes.Equal(res2.Output, res.Output) {
			t.Errorf("Convert(Output) did not give Output back:\n%s", textDiff("Output", "Convert(Output)", res.Output, res2.Output))
		}
	}

	// (e) Exactly one new stage, not built on the builder.
	if res.Changed {
		if got, want := len(out.stages), len(in.stages)+1; got != want {
			t.Errorf("Output has %d stages, want %d (input stages + 1)", got, want)
		} else {
			last := out.stages[len(out.stages)-1]
			base := strings.TrimSpace(last.BaseName)
			for i, s := range out.stages[:len(out.stages)-1] {
				if s.Name != "" && strings.EqualFold(base, s.Name) {
					t.Errorf("the final stage starts FROM stage %d (%q); it must start from a runtime image", i, s.Name)
				}
			}
			// The same image is fine only where the preset's runtime for
			// that builder is that image (node:22-alpine runs what
			// node:22-alpine built); the runtime chosen is in the Result.
			if !strings.EqualFold(base, res.Runtime) {
				t.Errorf("the final stage starts FROM %q, but the Result says the runtime is %q", base, res.Runtime)
			}
			builder := in.stages[len(in.stages)-1]
			if strings.EqualFold(base, strings.TrimSpace(builder.BaseName)) && !strings.EqualFold(base, res.Runtime) {
				t.Errorf("the final stage starts FROM the builder image %q", base)
			}
			if res.BuilderStage != "" && strings.EqualFold(base, res.BuilderStage) {
				t.Errorf("the final stage starts FROM the builder stage %q", base)
			}
		}
	}

	// (f) Line endings and the final newline.
	switch {
	case bytes.IndexByte(src, '\r') < 0:
		if i := bytes.IndexByte(res.Output, '\r'); i >= 0 {
			t.Errorf("LF input but the output has a CR (output line %d)", bytes.Count(res.Output[:i], []byte("\n"))+1)
		}
	case isCRLFOnly(src):
		if i := loneLF(res.Output); i >= 0 {
			t.Errorf("CRLF input but the output has a bare LF (output line %d)", bytes.Count(res.Output[:i], []byte("\n"))+1)
		}
	}
	if len(src) > 0 {
		inNL := src[len(src)-1] == '\n'
		outNL := len(res.Output) > 0 && res.Output[len(res.Output)-1] == '\n'
		if inNL != outNL {
			t.Errorf("input ends with a newline: %v; output: %v", inNL, outNL)
		}
	}
	return res
}

// isCRLFOnly reports whether b has line endings and all of them are CRLF.
func isCRLFOnly(b []byte) bool {
	return bytes.IndexByte(b, '\n') >= 0 && loneLF(b) < 0
}

// loneLF returns the offset of the first "\n" not preceded by "\r", or -1.
func loneLF(b []byte) int {
	for i, c := range b {
		if c == '\n' && (i == 0 || b[i-1] != '\r') {
			return i
		}
	}
	return -1
}

// stageRef is one COPY --from / RUN --mount from= value that is neither a
// stage (name, case-insensitive, or index) nor looks like an image
// reference (":", "/" or "@").
type stageRef struct {
	Line      int
	What, Ref string
	Why       string
}

func (r stageRef) String() string {
	return fmt.Sprintf("line %d: %s=%s: %s", r.Line, r.What, r.Ref, r.Why)
}

// badStageRefs lists the bad stage references of p. Values with variables
// are skipped.
func badStageRefs(p *bkParsed) []stageRef {
	var probs []stageRef
	check := func(what string, line int, ref string) {
		if ref == "" || strings.Contains(ref, "$") {
			return
		}
		if n, err := strconv.Atoi(ref); err == nil {
			if n < 0 || n >= len(p.stages) {
				probs = append(probs, stageRef{line, what, ref, fmt.Sprintf("stage index out of range (0..%d)", len(p.stages)-1)})
			}
			return
		}
		if _, ok := instructions.HasStage(p.stages, ref); ok {
			return
		}
		if strings.ContainsAny(ref, ":/@") {
			return // an image reference
		}
		probs = append(probs, stageRef{line, what, ref, fmt.Sprintf("names no stage (BuildKit would pull image %q)", ref)})
	}
	for _, s := range p.stages {
		for _, cmd := range s.Commands {
			line := 0
			if loc := cmd.Location(); len(loc) > 0 {
				line = loc[0].Start.Line
			}
			switch c := cmd.(type) {
			case *instructions.CopyCommand:
				check("COPY --from", line, c.From)
			case *instructions.RunCommand:
				// Mounts are parsed lazily; Expand (identity) fills them in.
				if err := c.Expand(func(w string) (string, error) { return w, nil }); err != nil {
					continue // an invalid mount is the linter's business
				}
				for _, m := range instructions.GetMounts(c) {
					check("RUN --mount from", line, m.From)
				}
			}
		}
	}
	return probs
}

// newBadStageRefs returns the bad references of out that in does not have
// already (matched by kind and value, as lines move): a broken input that is
// given back as is, or whose broken reference is kept verbatim, is not the
// converter's fault.
func newBadStageRefs(in, out *bkParsed) []stageRef {
	had := map[[2]string]int{}
	for _, r := range badStageRefs(in) {
		had[[2]string{r.What, r.Ref}]++
	}
	var fresh []stageRef
	for _, r := range badStageRefs(out) {
		k := [2]string{r.What, r.Ref}
		if had[k] > 0 {
			had[k]--
			continue
		}
		fresh = append(fresh, r)
	}
	return fresh
}

// TestInvariantHelpers makes sure the checking tools themselves work.
func TestInvariantHelpers(t *testing.T) {
	src := []byte("0123456789")
	for _, tc := range []struct {
		edits []Edit
		want  string // "" = error expected
	}{
		{nil, "0123456789"},
		{[]Edit{{2, 4, "ab"}, {4, 4, "+"}, {9, 10, ""}}, "01ab+45678"},
		{[]Edit{{0, 0, "<"}, {0, 0, "<"}, {10, 10, ">"}}, "<<0123456789>"},
		{[]Edit{{4, 6, "x"}, {2, 3, "y"}}, ""}, // unsorted
		{[]Edit{{2, 5, "x"}, {4, 6, "y"}}, ""}, // overlapping
		{[]Edit{{8, 11, "x"}}, ""},             // out of range
		{[]Edit{{-1, 0, "x"}}, ""},             // negative
		{[]Edit{{5, 4, "x"}}, ""},              // inverted
		{[]Edit{{2, 5, "x"}, {3, 3, "y"}}, ""}, // insertion inside a replacement
	} {
		got, err := applyEditsStrict(src, tc.edits)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("applyEditsStrict(%v) = %q, want an error", tc.edits, got)
		case tc.want != "" && (err != nil || string(got) != tc.want):
			t.Errorf("applyEditsStrict(%v) = %q, %v; want %q", tc.edits, got, err, tc.want)
		}
	}

	p, err := bkParse([]byte("FROM golang AS Build\nRUN true\nFROM alpine\n" +
		"COPY --from=build /a /a\nCOPY --from=0 /a /a\nCOPY --from=2 /a /a\nCOPY --from=biuld /a /a\n" +
		"COPY --from=alpine:3 /a /a\nRUN --mount=type=bind,from=BUILD,target=/x true\n" +
		"RUN --mount=type=cache,from=nope,target=/y true\n"))
	if err != nil {
		t.Fatal(err)
	}
	probs := badStageRefs(p)
	want := []string{"line 6: COPY --from=2", "line 7: COPY --from=biuld", "line 10: RUN --mount from=nope"}
	if len(probs) != len(want) {
		t.Fatalf("badStageRefs = %v, want %d problems starting with %q", probs, len(want), want)
	}
	for i := range want {
		if !strings.HasPrefix(probs[i].String(), want[i]) {
			t.Errorf("problem %d = %q, want prefix %q", i, probs[i], want[i])
		}
	}
	in, err := bkParse([]byte("FROM golang\nCOPY --from=biuld /a /a\nCOPY --from=1 /a /a\n"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := bkParse([]byte("FROM golang AS build\nCOPY --from=biuld /a /a\nCOPY --from=1 /a /a\n" +
		"FROM alpine\nCOPY --from=buidl /a /a\n"))
	if err != nil {
		t.Fatal(err)
	}
	if fresh := newBadStageRefs(in, out); len(fresh) != 1 || fresh[0].Ref != "buidl" {
		t.Errorf("newBadStageRefs = %v, want only the new buidl", fresh)
	}

	if !isCRLFOnly([]byte("a\r\nb\r\n")) || isCRLFOnly([]byte("a\r\nb\n")) || isCRLFOnly([]byte("a")) {
		t.Errorf("isCRLFOnly is wrong")
	}
	if d := textDiff("a", "b", []byte("x\ny\nz"), []byte("x\nY\nz\n")); !strings.Contains(d, "-    2      | y") ||
		!strings.Contains(d, "+         2 | Y") || !strings.Contains(d, "No newline") {
		t.Errorf("textDiff output unexpected:\n%s", d)
	}
}
