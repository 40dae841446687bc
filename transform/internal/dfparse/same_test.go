package dfparse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// sameAsBuildKit reports how Parse and BuildKit's parser.Parse differ on
// data: the whole result (every node with its lines, Original, Flags,
// Attributes, Heredocs and PrevComment; the warnings with their text and
// location; the escape token), the error's text and its locations.
func sameAsBuildKit(data []byte) error {
	want, wantErr := parser.Parse(bytes.NewReader(data))
	got, gotErr := Parse(bytes.NewReader(data))
	if (wantErr == nil) != (gotErr == nil) {
		return fmt.Errorf("error: got %v, BuildKit %v", gotErr, wantErr)
	}
	if wantErr != nil {
		if wantErr.Error() != gotErr.Error() {
			return fmt.Errorf("error text: got %q, BuildKit %q", gotErr, wantErr)
		}
		var wl, gl *parser.LocationError
		if errors.As(wantErr, &wl) != errors.As(gotErr, &gl) {
			return fmt.Errorf("error: got %#v, BuildKit %#v", gotErr, wantErr)
		}
		if wl != nil && !reflect.DeepEqual(wl.Locations, gl.Locations) {
			return fmt.Errorf("error locations: got %v, BuildKit %v", gl.Locations, wl.Locations)
		}
	}
	if !reflect.DeepEqual(want, got) {
		if want == nil || got == nil {
			return fmt.Errorf("result: got %v, BuildKit %v", got, want)
		}
		return fmt.Errorf("result differs:\ngot      %s\nBuildKit %s", describe(got), describe(want))
	}
	return nil
}

// describe prints a result for a failure message, with what Dump leaves
// out.
func describe(r *parser.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "escape %q, %d warnings %+v\n", r.EscapeToken, len(r.Warnings), r.Warnings)
	for _, n := range r.AST.Children {
		fmt.Fprintf(&b, "  %d-%d %q flags %q attrs %v heredocs %+v comments %q: %s\n",
			n.StartLine, n.EndLine, n.Original, n.Flags, n.Attributes, n.Heredocs, n.PrevComment, n.Dump())
	}
	return b.String()
}

// corpus is every file of the repository's Dockerfile trees (testdata,
// the review repros, e2e: the Dockerfiles, the goldens' wanted outputs and
// the sources beside them, which are hostile input too) and every input
// of the fuzz corpora, by name.
func corpus(t testing.TB) map[string][]byte {
	root := filepath.Join("..", "..", "..")
	files := map[string][]byte{}
	for _, dir := range []string{"testdata", filepath.Join("docs", "reviews"), "e2e"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, e fs.DirEntry, err error) error {
			if err != nil || !e.Type().IsRegular() {
				return err
			}
			data, err := os.ReadFile(p)
			files[p] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	fuzzDirs, err := filepath.Glob(filepath.Join(root, "*", "testdata", "fuzz", "*"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob(filepath.Join(root, "transform", "internal", "*", "testdata", "fuzz", "*"))
	for _, dir := range append(fuzzDirs, more...) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for i, v := range fuzzValues(data) {
				files[fmt.Sprintf("%s#%d", p, i)] = v
			}
		}
	}
	return files
}

// fuzzValues decodes the string and []byte values of a "go test fuzz v1"
// file.
func fuzzValues(data []byte) [][]byte {
	var out [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := sc.Text()
		for _, prefix := range []string{"[]byte(", "string("} {
			if q, ok := strings.CutPrefix(line, prefix); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(q, ")")); err == nil {
					out = append(out, []byte(s))
				}
			}
		}
	}
	return out
}

// edgeCases are written by hand for what each replaced regexp matched and
// for the parser's other corners.
var edgeCases = []string{
	"",
	"\n",
	"\ufeff",
	"\ufeffFROM a\n",
	"\ufeff# escape=`\nFROM a\nRUN b `\n c\n",
	"FROM a\r\nRUN b \\\r\n  c\r\n",
	"FROM a\r\r\nRUN b \\\r\r\n c\r",
	"# escape=`\nFROM a\nRUN echo \\\nCMD [\"/x\"]\n",
	"# escape=`\r\nFROM a\r\nRUN a `\r\n  b ``\r\nRUN c\r\n",
	"# escape=\\\nFROM a\nRUN a \\\n b\n",
	"# escape=x\nFROM a\n",
	"# escape=\nFROM a\n",
	"# escape= \nFROM a\n",
	"# escape=  \t \nFROM a\n",
	"# escape = ` \nFROM a\n",
	"#escape=`\nFROM a\n",
	"#   ESCAPE\t=\t`\t\nFROM a\nRUN a `\nb\n",
	"# escape=`\n# escape=`\nFROM a\n",
	"# escape=`\n# escape=\\\nFROM a\n",
	"# syntax=docker/dockerfile:1\n# check=skip=all\n# escape=`\nFROM a\n",
	"# syntax = docker/dockerfile:1.7 extra words  \nFROM a\n",
	"# syntax=a\n# syntax=b\nFROM a\n",
	"# check=error=true\n# check=skip=x\nFROM a\n",
	"# comment\n# escape=`\nFROM a\nRUN a `\n b\n",
	"# es-cape=`\nFROM a\n",
	"# 1escape=`\nFROM a\n",
	"# escape2=`\n# escape=`\nFROM a\n",
	"#\n# escape=`\nFROM a\n",
	"  # escape=`\nFROM a\nRUN a `\n b\n",
	"# escape=`\r\r\nFROM a\n",
	"# escape=\f`\f\nFROM a\n",
	"# escape=\v`\nFROM a\n",
	"# escape=`\v\nFROM a\n",
	"# escape\v=`\nFROM a\n",
	"# escape=\r`\r\nFROM a\n",
	"# escape=\xff\nFROM a\n",
	"# syntax=\xff\xfe\nFROM a\n",
	"#!/usr/bin/env docker\n# escape=`\nFROM a\n",
	"FROM a\n# escape=`\nRUN a `\n",
	"FROM a\nRUN a \\ \t \n  b\n",
	"FROM a\nRUN a \\\t\n  b \\  \n c\n",
	"FROM a\nRUN a \\\\\nRUN b\n",
	"FROM a\nRUN a \\\\\\\nRUN b\n",
	"FROM a\nRUN \\\nb\n",
	"FROM a\n\\\nRUN b\n",
	"FROM a\n \\ \nRUN b\n",
	"\\\n",
	"\\",
	"FROM a\nRUN a \\\n# comment\n  # indented comment\n b\n",
	"FROM a\nRUN a \\\n\n   \n\t\n b\n",
	"FROM a\nRUN a \\\n\r\n b\nRUN c \\\n\n",
	"FROM a\nRUN a \\",
	"FROM a\nRUN a \\\n",
	"FROM a\nRUN a \\\n# only a comment\n",
	"FROM a\nRUN a\xe2\x82\\\n b\n",
	"FROM a\nRUN a\xe2\x82\xac\\\n b\n",
	"FROM a\nRUN \xff\\\n b\xfe\n",
	"FROM a\nRUN <<EOF\necho hi\nEOF\n",
	"FROM a\nRUN <<-EOF\n\techo hi\n\t\tEOF\n",
	"FROM a\nRUN <<'EOF'\necho $HOME\nEOF\n",
	"FROM a\nRUN <<\"EOF\"\necho $HOME\nEOF\n",
	"FROM a\nRUN <<E\"O\"F\necho\nEOF\n",
	"FROM a\nRUN 3<<EOF cat /dev/fd/3\nx\nEOF\n",
	"FROM a\nRUN 99999999999999999999999<<EOF cat\nx\nEOF\n",
	"FROM a\nRUN <<- EOF\n\tx\n\tEOF\n",
	"FROM a\nRUN <<EOF <<-END\na\nEOF\n\tb\n\tEND\n",
	"FROM a\nCOPY <<A <<B /dst/\naaa\nA\nbbb\nB\n",
	"FROM a\nCOPY <<A\\\n /dst\nx\nA\n",
	"FROM a\nRUN <<EOF\nunterminated\n",
	"FROM a\nRUN <<EOF\r\nx\r\nEOF\r\n",
	"FROM a\nRUN <<\nx\n",
	"FROM a\nRUN <<<EOF\nx\nEOF\n",
	"FROM a\nRUN <<E<F\nx\nE<F\n",
	"FROM a\nRUN cat<<EOF\nx\nEOF\n",
	"FROM a\nRUN a<<EOF\nx\nEOF\n",
	"FROM a\nRUN <<'EOF\nx\nEOF\n",
	"FROM a\nRUN [\"sh\", \"<<EOF\"]\n",
	"FROM a\nONBUILD RUN <<EOF\nx\nEOF\n",
	"FROM a\nONBUILD\nONBUILD ONBUILD RUN x\n",
	"FROM a\nENTRYPOINT <<EOF\nx\nEOF\n",
	"FROM a\nCMD [\"a\", \"b\"]\nRUN [\"a\",1]\n",
	"FROM a\nRUN [\"a\", \"b\"\n",
	"FROM a\nRUN [ ]\nVOLUME [\"/a\", \"/b\"]\nVOLUME /a /b\tc\n",
	"FROM a\nCOPY [\"a\", \"b\"]\nADD [1]\n",
	"FROM a\nSHELL [\"pwsh\", \"-c\"]\nSHELL pwsh\n",
	"FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD [\"a\"]\nHEALTHCHECK CMD a b\nHEALTHCHECK\n",
	"FROM a\nHEALTHCHECK CMD [\"a\", 2]\n",
	"FROM --platform=$BUILDPLATFORM a AS b\nCOPY --from=b --chown=1:1 -- a b\nRUN --mount=type=cache,target=/x \"--quoted\" a\n",
	"FROM a\nRUN --a=\"b c\" --d='e\\ f' -- x\nRUN --x\\\n",
	"FROM a\nRUN --\nRUN -- \nRUN --a\n",
	"FROM a\nENV A B C\nENV A=1 B=\"2 3\" C='4'\nENV A\nENV A=1 B\nENV\n",
	"FROM a\nENV A\v\f B\nLABEL a=b c=\"d e\"\nLABEL x y z\n",
	"FROM a\nARG A\nARG B=1 C\nARG\nARG \"D=x y\"\n",
	"FROM a\nEXPOSE 80 443/tcp\t \v8080\nEXPOSE\n",
	"FROM\ta\r\vb\f c  \n",
	"FROM a\nUSER 1\nWORKDIR /x\nSTOPSIGNAL TERM\nMAINTAINER me <a@b>\n",
	"FROM a\nNOTANINSTRUCTION x y\nrun lower\nRuN mixed\n",
	"FROM a\n\u00a0RUN x\nRUN\u00a0x\nRUN x\u2003y\n",
	"FROM a\n\u0085RUN x\u0085\n",
	"# a comment\n#\n# another\nFROM a\n# c1\n\n# c2\nRUN x\n",
	"# a\n  # b\n#c\nFROM a\n",
	"\t\tFROM a\n    RUN b\n",
	"\x00\x01\x02\xff\xfe FROM\x00golang",
	"\xff\xfe\xfd",
	"FROM a\nRUN " + strings.Repeat("x", 70000) + "\n",
	"FROM a\nRUN " + strings.Repeat("x", 65530) + "\n",
	"FROM a\nRUN " + strings.Repeat("x ", 20000) + "\\\n" + strings.Repeat("y", 30000) + "\n",
	"FROM a\nRUN <<EOF\n" + strings.Repeat("z", 70000) + "\nEOF\n",
	"# " + strings.Repeat("c", 70000) + "\nFROM a\n",
	"FROM a\nENV X=\"a\\\" b\" Y=c\\ d\n",
	"# escape=`\nFROM a\nENV X=\"a`\" b\" Y=c` d\nCOPY --chown=a`:b x y\n",
	"FROM a\nRUN echo \"\\\n\"\n",
	"FROM a \\\n  AS b\n",
}

func TestSameAsBuildKit(t *testing.T) {
	files := corpus(t)
	if len(files) < 1000 {
		t.Fatalf("only %d corpus files found", len(files))
	}
	t.Logf("%d corpus files, %d edge cases", len(files), len(edgeCases))
	for name, data := range files {
		if err := sameAsBuildKit(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for i, src := range edgeCases {
		if err := sameAsBuildKit([]byte(src)); err != nil {
			t.Errorf("edge case %d %q: %v", i, trim(src), err)
		}
	}
}

func trim(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// TestSameAsBuildKitSeesDifferences holds sameAsBuildKit to finding what
// it compares: a result changed in each place must be reported.
func TestSameAsBuildKitSeesDifferences(t *testing.T) {
	src := []byte("# escape=`\n# hi\nFROM a\nRUN <<EOF\nx\nEOF\nRUN a `\n\n b\n")
	base, err := Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(r *parser.Result){
		"start line": func(r *parser.Result) { r.AST.Children[1].StartLine++ },
		"original":   func(r *parser.Result) { r.AST.Children[2].Original += " " },
		"heredoc":    func(r *parser.Result) { r.AST.Children[1].Heredocs[0].Content = "" },
		"comment":    func(r *parser.Result) { r.AST.Children[0].PrevComment = nil },
		"warning":    func(r *parser.Result) { r.Warnings[0].Location.Start.Line++ },
		"escape":     func(r *parser.Result) { r.EscapeToken = '\\' },
	} {
		r, _ := Parse(bytes.NewReader(src))
		change(r)
		if reflect.DeepEqual(base, r) {
			t.Errorf("%s: a changed result compares equal", name)
		}
	}
}

func FuzzSameAsBuildKit(f *testing.F) {
	for _, data := range corpus(f) {
		if bytes.Contains(data, []byte("FROM")) || bytes.Contains(data, []byte("from")) {
			f.Add(data)
		}
	}
	for _, src := range edgeCases {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := sameAsBuildKit(data); err != nil {
			t.Error(err)
		}
	})
}
