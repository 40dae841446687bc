package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/output"
)

// Text writes the report for a terminal or a log: the counts, the
// converted files with their runtime and size estimates, the unchanged
// files, the declines grouped by code, the warnings and the errors.
func Text(w io.Writer, files []output.File, opt Options) error {
	s := summarize(files, false)
	var b strings.Builder
	fmt.Fprintf(&b, "restage migration report: %s\n", plural(len(s.files), "Dockerfile"))
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, st := range []output.Status{output.Changed, output.Unchanged, output.Declined, output.Error} {
		fmt.Fprintf(tw, "  %s\t%d\n", countWord(st), s.counts[st])
	}
	tw.Flush()

	if s.counts[output.Changed] > 0 {
		b.WriteString("\nConverted\n")
		tw = tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  file\tpreset\truntime\tbefore\tafter\tsaving")
		for _, r := range s.files {
			if r.status != output.Changed {
				continue
			}
			before, after, save := "-", "-", "-"
			if r.size != nil {
				before, after, save = mb(r.size.Before), mb(r.size.After), saving(*r.size)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", textPath(r.path), oneLine(r.preset), oneLine(r.runtimeText()), before, after, save)
		}
		if s.estimated > 0 {
			fmt.Fprintf(tw, "  total\t\t\t%s\t%s\t%s\n", mb(s.total.Before), mb(s.total.After), saving(s.total))
		}
		tw.Flush()
		if n := s.counts[output.Changed] - s.estimated; s.estimated > 0 && n > 0 {
			fmt.Fprintf(&b, "  The total leaves out %s without an estimate.\n", plural(n, "file"))
		}
		if s.estimated > 0 {
			b.WriteString("  " + estimateNote + "\n")
		}
	}
	if s.counts[output.Unchanged] > 0 {
		b.WriteString("\nUnchanged (nothing to split)\n")
		for _, r := range s.files {
			if r.status == output.Unchanged {
				b.WriteString("  " + textPath(r.path) + "\n")
			}
		}
	}
	if len(s.declines) > 0 {
		b.WriteString("\nDeclined, by reason\n")
		for _, g := range s.declines {
			fmt.Fprintf(&b, "  %s %s (%s)\n", codeOrDash(string(g.code)), oneLine(g.title), plural(len(g.files), "file"))
			for _, r := range g.files {
				fmt.Fprintf(&b, "    %s: %s\n", textPath(r.path), oneLine(r.reason))
			}
		}
	}
	if len(s.warnings) > 0 {
		b.WriteString("\nWarnings\n")
		for _, wn := range s.warnings {
			fmt.Fprintf(&b, "  %s: %s\n", textPath(wn.path), oneLine(noteText(wn.note)))
		}
	}
	if len(s.errors) > 0 {
		b.WriteString("\nErrors\n")
		for _, r := range s.errors {
			fmt.Fprintf(&b, "  %s: %s\n", textPath(r.path), oneLine(r.err))
		}
	}
	if opt.Version != "" {
		fmt.Fprintf(&b, "\nrestage %s\n", opt.Version)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// plural is "1 file" or "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func codeOrDash(c string) string {
	if c == "" {
		return "-"
	}
	return c
}

// textPath is a path as one line of plain text, quoted as restage quotes
// names everywhere (git's way) when it holds a control character: a
// newline would start a line of its own, an escape sequence would drive
// the terminal.
func textPath(p string) string { return textutil.ShowPath(p) }

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

// oneLine folds a message onto one line and drops control characters: a
// message may quote the Dockerfile.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		if isControl(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
