package transform

import (
	"bytes"
	"errors"
	"testing"
)

// fuzzRuntimes are the runtime flavors the fuzzer picks from with mode&7.
var fuzzRuntimes = []string{"", "distroless", "alpine", "slim", "scratch"}

// fuzzOptions turns the fuzzer's mode byte into Options: bits 0-2 pick a
// runtime, bit 3 sets FitHealthcheck, bit 4 forces the go preset.
func fuzzOptions(mode uint8) Options {
	opt := Options{Runtime: fuzzRuntimes[int(mode&7)%len(fuzzRuntimes)]}
	opt.FitHealthcheck = mode&8 != 0
	if mode&16 != 0 {
		opt.Preset = "go"
	}
	return opt
}

// FuzzConvert: Convert never panics; an error is a *Error; with no error the
// Output parses, Convert(Output) gives Output unchanged and the Edits applied
// to the input give Output. The full invariant set of checkInvariants is
// checked as well.
//
// A plain `go test` runs the seeds only (golden inputs, extraInputs and the
// junk below). To fuzz: go test ./transform -run '^$' -fuzz FuzzConvert -fuzztime 60s
func FuzzConvert(f *testing.F) {
	for _, c := range loadCases(f) {
		f.Add(c.Input, uint8(0))
		if c.Options.Runtime != "" || c.Options.FitHealthcheck {
			f.Add(c.Input, optionsMode(c.Options))
		}
	}
	for i, in := range extraInputs {
		f.Add([]byte(in.Src), uint8(i))
	}
	for _, s := range []string{
		"",
		"\n",
		"\ufeff",
		"\r\n\r\n",
		"FROM golang\r\nRUN go build -o /a\r\nCMD /a",
		"\ufeff# escape=`\r\nFROM golang:1.22\r\nRUN go build `\r\n  -o /a .\r\nCMD [\"/a\"]\r\n",
		"# escape=`\nFROM golang\nRUN echo \\\nCMD [\"/x\"]\n",
		"FROM golang\nRUN <<EOF\ngo build -o /x\nEOF\nCMD [\"/x\"]",
		"FROM golang\nRUN <<EOF\nunterminated\n",
		"FROM golang\nCOPY <<A <<B /dst/\naaa\nA\nbbb\nB\nRUN go build -o /b .\nENTRYPOINT /b\n",
		"FROM golang\nRUN go build -o /x \\",
		"FROM golang\nRUN go build -o /x \\\n\n  .\nCMD [\"/x\"",
		"\x00\x01\x02\xff\xfe FROM\x00golang",
		"\xff\xfe\xfd",
		"FROM\n",
		"from golang AS B\nrun go build -o /x\nCMD x\n",
		"ARG V=1.22\nFROM golang:${V}\nRUN go build -o /x .\nCMD [\"/x\"]\n",
		"FROM golang:1.22\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nRUN go build -o /x .\nCMD [\"/x\"]\n",
		"FROM 0\nCOPY --from=1 0 00", // found by the fuzzer: a bad index in the input
		// found by the fuzzer: a quote left open in a heredoc RUN put a
		// newline into the Declined reason
		"FROM golang:0000 AS a000\nWORKDIR /000\nCOPY <<EOF 000000000000\nEOF\nRUN <<EOT\n000000\n0000000000000000000000000\ngo build \"0000000000\nEOT\nCMD \"\"000000 0",
		"FROM golang:1.22\nUSER root\nRUN go build -o /x .\nSTOPSIGNAL SIGTERM\nVOLUME /data\nMAINTAINER me\nCMD exec /x\n",
	} {
		f.Add([]byte(s), uint8(0))
		f.Add([]byte(s), uint8(3))
	}

	f.Fuzz(func(t *testing.T, src []byte, mode uint8) {
		opt := fuzzOptions(mode)
		res, err := Convert(src, opt)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Convert error is %T (%v), want *Error", err, err)
			}
			if _, perr := bkParse(src); perr == nil {
				t.Fatalf("Convert error %q on an input that BuildKit parses", err)
			}
			return
		}
		if res == nil {
			t.Fatal("nil Result and no error")
		}
		if _, err := bkParse(res.Output); err != nil {
			t.Fatalf("Output does not parse: %v\n%s", err, showText(res.Output))
		}
		res2, err := Convert(res.Output, opt)
		if err != nil {
			t.Fatalf("Convert(Output): %v", err)
		}
		if res2.Changed || !bytes.Equal(res2.Output, res.Output) {
			t.Fatalf("Convert(Output) changed it:\n%s", textDiff("Output", "Convert(Output)", res.Output, res2.Output))
		}
		applied, err := applyEditsStrict(src, res.Edits)
		if err != nil {
			t.Fatalf("bad Edits: %v", err)
		}
		if !bytes.Equal(applied, res.Output) {
			t.Fatalf("Edits applied to the input do not give Output:\n%s", textDiff("edits applied", "Output", applied, res.Output))
		}
		checkInvariants(t, src, opt)
	})
}

// optionsMode is the inverse of fuzzOptions for the runtime and
// FitHealthcheck of a golden case.
func optionsMode(o Options) uint8 {
	var m uint8
	for i, r := range fuzzRuntimes {
		if r == o.Runtime {
			m = uint8(i)
		}
	}
	if o.FitHealthcheck {
		m |= 8
	}
	return m
}
