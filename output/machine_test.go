package output

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/restage/restage/transform"
)

var update = flag.Bool("update", false, "rewrite output/testdata/*.golden")

// machineFiles are fixed results of every kind the machine-readable
// formats render: a change with an info and a warning note, a decline, a
// parse error and an unchanged file (which gives nothing).
func machineFiles() []File {
	return []File{
		changedFile(),
		declinedFile(),
		{Path: "bad/Dockerfile", Input: []byte("FROM\n"), Status: Error, Err: "FROM requires at least one argument", Line: 1},
		{Path: "done/Dockerfile", Input: input, Status: Unchanged, Result: &transform.Result{Output: input}},
	}
}

var testScan = Scan{Version: "v1.2.3"}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./output -run Golden -update):\n%s", name, got)
	}
}

func TestSARIFGolden(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, machineFiles(), testScan); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "sarif.golden", b.Bytes())
}

func TestRDJSONGolden(t *testing.T) {
	var b bytes.Buffer
	if err := RDJSON(&b, machineFiles(), testScan); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "rdjson.golden", b.Bytes())
}

// roundTripInputs are Dockerfiles the real engine converts, with what
// breaks column arithmetic: CRLF line ends, and text before an edit on the
// same line that is not ASCII (two-byte é, three-byte ☕, and 🚀, which is
// four bytes, one code point and two UTF-16 code units).
var roundTripInputs = map[string]string{
	"plain": "FROM golang:1.26\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n",
	"crlf":  "FROM golang:1.26\r\nWORKDIR /src\r\nCOPY . .\r\nRUN go build -o /app .\r\nCMD [\"/app\"]\r\n",
	"non-ascii": "# café ☕ 🚀\nFROM golang:1.26\nWORKDIR /src\nCOPY . .\n" +
		"RUN echo 'é☕🚀' && go build -o /app .\nCMD [\"/app\"]\n",
	// The last edit ends at the end of the file, after non-ASCII text on
	// its line: the end of the one rdjson suggestion counts those bytes.
	"no-final-newline": "FROM golang:1.26\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\", \"--hi=héllo🚀\"]",
}

func convertForTest(t *testing.T, src string) File {
	t.Helper()
	res, err := transform.Convert([]byte(src), transform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := File{Path: "svc/Dockerfile", Input: []byte(src), Status: StatusOf([]byte(src), res), Result: res}
	if f.Status != Changed {
		t.Fatalf("the engine did not convert the input: %s %s", res.Declined, res.DeclineCode)
	}
	return f
}

// An edit inside a line after non-ASCII text must be there: else the
// non-ascii case proves nothing about columns.
func TestRoundTripInputsHaveMidLineEditsAfterNonASCII(t *testing.T) {
	f := convertForTest(t, roundTripInputs["non-ascii"])
	x := newLineIndex(f.Input)
	for _, e := range f.Result.Edits {
		line, _ := x.position(e.Start, byteUnits)
		before := f.Input[x.starts[line-1]:e.Start]
		if utf8.RuneCount(before) != len(before) && utf16Units(before) != utf8.RuneCount(before) {
			return
		}
	}
	t.Fatalf("no edit follows a character outside the BMP on its line; edits: %+v", f.Result.Edits)
}

func TestSARIFFixesApplyToTheOutput(t *testing.T) {
	for name, src := range roundTripInputs {
		t.Run(name, func(t *testing.T) {
			f := convertForTest(t, src)
			var b bytes.Buffer
			if err := SARIF(&b, []File{f}, testScan); err != nil {
				t.Fatal(err)
			}
			var log struct {
				Runs []struct {
					ColumnKind string `json:"columnKind"`
					Results    []struct {
						Fixes []struct {
							ArtifactChanges []struct {
								ArtifactLocation struct{ URI string }
								Replacements     []struct {
									DeletedRegion struct {
										StartLine, StartColumn, EndLine, EndColumn int
									}
									InsertedContent struct{ Text string }
								}
							}
						}
					}
				}
			}
			if err := json.Unmarshal(b.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			run := log.Runs[0]
			if run.ColumnKind != "utf16CodeUnits" {
				t.Fatalf("columnKind %q", run.ColumnKind)
			}
			var reps []replacement
			fixes := 0
			for _, r := range run.Results {
				for _, fix := range r.Fixes {
					fixes++
					for _, ch := range fix.ArtifactChanges {
						if ch.ArtifactLocation.URI != "svc/Dockerfile" {
							t.Errorf("artifact URI %q", ch.ArtifactLocation.URI)
						}
						for _, rep := range ch.Replacements {
							d := rep.DeletedRegion
							reps = append(reps, replacement{
								start: utf16Offset(t, f.Input, d.StartLine, d.StartColumn),
								end:   utf16Offset(t, f.Input, d.EndLine, d.EndColumn),
								text:  rep.InsertedContent.Text,
							})
						}
					}
				}
			}
			if fixes != 1 {
				t.Fatalf("%d fixes, want 1", fixes)
			}
			if got := apply(t, f.Input, reps); !bytes.Equal(got, f.Result.Output) {
				t.Errorf("the SARIF fix gives\n%q\nrestage's output is\n%q", got, f.Result.Output)
			}
		})
	}
}

func TestRDJSONSuggestionsApplyToTheOutput(t *testing.T) {
	for name, src := range roundTripInputs {
		t.Run(name, func(t *testing.T) {
			f := convertForTest(t, src)
			var b bytes.Buffer
			if err := RDJSON(&b, []File{f}, testScan); err != nil {
				t.Fatal(err)
			}
			var res struct {
				Diagnostics []struct {
					Location    struct{ Path string }
					Suggestions []struct {
						Range struct{ Start, End struct{ Line, Column int } }
						Text  string
					}
				}
			}
			if err := json.Unmarshal(b.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			var reps []replacement
			for _, d := range res.Diagnostics {
				for _, s := range d.Suggestions {
					if d.Location.Path != "svc/Dockerfile" {
						t.Errorf("path %q", d.Location.Path)
					}
					reps = append(reps, replacement{
						start: byteOffset(t, f.Input, s.Range.Start.Line, s.Range.Start.Column),
						end:   byteOffset(t, f.Input, s.Range.End.Line, s.Range.End.Column),
						text:  s.Text,
					})
				}
			}
			if len(reps) != 1 {
				t.Fatalf("%d suggestions, want one for the whole change", len(reps))
			}
			if got := apply(t, f.Input, reps); !bytes.Equal(got, f.Result.Output) {
				t.Errorf("the rdjson suggestion gives\n%q\nrestage's output is\n%q", got, f.Result.Output)
			}
		})
	}
}

type replacement struct {
	start, end int
	text       string
}

// apply is an applier independent of the formats' code: replacements by
// byte offsets, from the last one back so earlier offsets hold.
func apply(t *testing.T, src []byte, reps []replacement) []byte {
	t.Helper()
	slices.SortFunc(reps, func(a, b replacement) int { return b.start - a.start })
	out := append([]byte(nil), src...)
	for i, r := range reps {
		if r.start > r.end || (i > 0 && r.end > reps[i-1].start) {
			t.Fatalf("replacements overlap or run backwards: %+v", reps)
		}
		out = slices.Concat(out[:r.start], []byte(r.text), out[r.end:])
	}
	return out
}

// lineStart is the byte offset of 1-based line n, where lines end at
// "\r\n" or "\n" (SARIF's default newline sequences; reviewdog splits at
// "\n").
func lineStart(t *testing.T, src []byte, n int) int {
	t.Helper()
	off := 0
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			t.Fatalf("line %d is past the end", n)
		}
		off += j + 1
	}
	return off
}

// utf16Offset reads a (line, column) in UTF-16 code units by decoding the
// line into UTF-16, as a JavaScript viewer would.
func utf16Offset(t *testing.T, src []byte, line, col int) int {
	t.Helper()
	off := lineStart(t, src, line)
	rest := src[off:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i+1]
	}
	units := 0
	for i, r := range string(rest) {
		if units == col-1 {
			return off + i
		}
		units += len(utf16.Encode([]rune{r}))
	}
	if units == col-1 {
		return off + len(rest)
	}
	t.Fatalf("column %d is past line %d", col, line)
	return 0
}

// byteOffset reads reviewdog's (line, column in UTF-8 bytes).
func byteOffset(t *testing.T, src []byte, line, col int) int {
	t.Helper()
	off := lineStart(t, src, line) + col - 1
	if off > len(src) {
		t.Fatalf("line %d column %d is past the end", line, col)
	}
	return off
}

// The SARIF output must be valid against the official SARIF 2.1.0 schema,
// in every shape it takes: each kind of result, none at all, and the
// engine's real results.
func TestSARIFMatchesTheSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]File{"fixed": machineFiles(), "empty": nil}
	for name, src := range roundTripInputs {
		cases["engine-"+name] = []File{convertForTest(t, src)}
	}
	for name, files := range cases {
		var b bytes.Buffer
		if err := SARIF(&b, files, testScan); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(&b)
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s: not valid SARIF 2.1.0: %v", name, err)
		}
	}
}

// The schema check must be able to fail: a fix placed on the run instead
// of on its result (the mistake code scanning rejects) is invalid.
func TestSARIFSchemaCatchesAMisplacedFix(t *testing.T) {
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	SARIF(&b, machineFiles(), testScan)
	bad := strings.Replace(b.String(), `"columnKind"`, `"fixes": [], "columnKind"`, 1)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(doc) == nil {
		t.Error("a run with fixes passed the schema")
	}
}

// Fingerprints do not depend on line numbers: a comment added above the
// change keeps the change's fingerprint, a different change does not.
func TestSARIFFingerprintsSurviveMovedLines(t *testing.T) {
	fp := func(src string) string {
		f := convertForTest(t, src)
		var b bytes.Buffer
		SARIF(&b, []File{f}, testScan)
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID              string
					PartialFingerprints map[string]string
				}
			}
		}
		json.Unmarshal(b.Bytes(), &log)
		for _, r := range log.Runs[0].Results {
			if r.RuleID == SplitRule {
				return r.PartialFingerprints[fingerprintKey]
			}
		}
		t.Fatal("no split result")
		return ""
	}
	src := roundTripInputs["plain"]
	a, b := fp(src), fp("# a comment\n"+src)
	if a == "" || a != b {
		t.Errorf("fingerprint changed when a line was added above: %q, %q", a, b)
	}
	if c := fp(strings.Replace(src, "/app", "/srv", -1)); c == a {
		t.Errorf("a different change has the same fingerprint %q", c)
	}
}

// reviewdog takes every line from a range's start to its end line as
// touched, whatever the end column, and posts no suggestion when one of
// them is outside the pull request's diff. So a range may end at column 1
// only when it is an insertion at that point, never on the line after the
// change (nor past the last line).
func TestRDJSONRangesEndOnTheirLastChangedLine(t *testing.T) {
	for name, src := range roundTripInputs {
		t.Run(name, func(t *testing.T) {
			f := convertForTest(t, src)
			var b bytes.Buffer
			if err := RDJSON(&b, []File{f}, testScan); err != nil {
				t.Fatal(err)
			}
			var res struct {
				Diagnostics []struct {
					Location struct {
						Range struct{ Start, End struct{ Line, Column int } }
					}
					Suggestions []struct {
						Range struct{ Start, End struct{ Line, Column int } }
					}
				}
			}
			if err := json.Unmarshal(b.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			lines := newLineIndex(f.Input).lines()
			for _, d := range res.Diagnostics {
				rs := []struct{ Start, End struct{ Line, Column int } }{d.Location.Range}
				for _, s := range d.Suggestions {
					rs = append(rs, s.Range)
				}
				for _, r := range rs {
					if r.End.Line > lines || (r.End.Column == 1 && r.End.Line > r.Start.Line) {
						t.Errorf("range %+v ends on a line the change does not touch (the file has %d lines)", r, lines)
					}
				}
			}
		})
	}
}
