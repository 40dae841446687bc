package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/restage/restage/output"
)

// maxChartFiles is how many files the Markdown chart shows one by one;
// with more, it shows each preset's totals, since dozens of bars with
// unreadable labels say nothing.
const maxChartFiles = 15

// Markdown writes the report as a pull-request description in GitHub
// Markdown: the counts, a Mermaid xychart-beta bar chart of the estimated
// sizes before and after (GitHub renders ```mermaid blocks), a table of the
// converted files, the declines grouped by code, the warnings and the
// errors.
func Markdown(w io.Writer, files []output.File, opt Options) error {
	s := summarize(files, false)
	var b strings.Builder
	b.WriteString("## Multi-stage Dockerfiles (restage)\n\n")
	fmt.Fprintf(&b, "restage ran over %s:\n\n", plural(len(s.files), "Dockerfile"))
	b.WriteString("| result | files |\n|---|---:|\n")
	for _, st := range []output.Status{output.Changed, output.Unchanged, output.Declined, output.Error} {
		fmt.Fprintf(&b, "| %s | %d |\n", countWord(st), s.counts[st])
	}

	if s.estimated > 0 {
		b.WriteString("\n### Estimated image size\n\n")
		mermaidChart(&b, s)
	}
	if s.counts[output.Changed] > 0 {
		b.WriteString("\n### Converted\n\n")
		b.WriteString("| file | preset | runtime | before | after | saving |\n|---|---|---|---:|---:|---:|\n")
		for _, r := range s.files {
			if r.status != output.Changed {
				continue
			}
			before, after, save := "–", "–", "–"
			if r.size != nil {
				before, after, save = mb(r.size.Before), mb(r.size.After), saving(*r.size)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", mdText(r.path), mdText(r.preset), mdText(r.runtimeText()), before, after, save)
		}
		if s.estimated > 0 {
			fmt.Fprintf(&b, "| **total** (%d of %d with an estimate) | | | **%s** | **%s** | **%s** |\n",
				s.estimated, s.counts[output.Changed], mb(s.total.Before), mb(s.total.After), saving(s.total))
			b.WriteString("\n" + estimateNote + "\n")
		}
	}
	if s.counts[output.Unchanged] > 0 {
		b.WriteString("\n### Unchanged (nothing to split)\n\n")
		for _, r := range s.files {
			if r.status == output.Unchanged {
				b.WriteString("- " + mdText(r.path) + "\n")
			}
		}
	}
	if len(s.declines) > 0 {
		b.WriteString("\n### Left unchanged, by reason\n")
		for _, g := range s.declines {
			fmt.Fprintf(&b, "\n**%s** %s (%s)\n\n", mdText(codeOrDash(string(g.code))), mdText(g.title), plural(len(g.files), "file"))
			for _, r := range g.files {
				fmt.Fprintf(&b, "- %s: %s\n", mdText(r.path), mdText(r.reason))
			}
		}
	}
	if len(s.warnings) > 0 {
		b.WriteString("\n### Warnings\n\n")
		for _, wn := range s.warnings {
			fmt.Fprintf(&b, "- %s: %s\n", mdText(wn.path), mdText(noteText(wn.note)))
		}
	}
	if len(s.errors) > 0 {
		b.WriteString("\n### Errors\n\n")
		for _, r := range s.errors {
			fmt.Fprintf(&b, "- %s: %s\n", mdText(r.path), mdText(r.err))
		}
	}
	if opt.Version != "" {
		fmt.Fprintf(&b, "\n<sub>restage %s</sub>\n", mdText(opt.Version))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mermaidChart writes the size chart: two bar series on one axis, before
// and then after. Mermaid's xychart draws the series of a category over
// each other, the later in front, so the after bar stands in front of the
// before bar it is compared with. Horizontal, so that the files' names
// are a column of labels rather than a row that runs together. The value
// axis starts at 0, or the bars would exaggerate the change.
func mermaidChart(b *strings.Builder, s *summary) {
	var labels []string
	var before, after []float64
	if s.estimated <= maxChartFiles {
		for _, r := range s.files {
			if r.size != nil {
				labels = append(labels, chartLabel(r.path))
				before, after = append(before, r.size.Before), append(after, r.size.After)
			}
		}
		fmt.Fprintf(b, "Each converted file with an estimate, in MB: the longer bar behind is before, the bar in front after.\n\n")
	} else {
		at := map[string]int{}
		for _, r := range s.files {
			if r.size == nil {
				continue
			}
			i, ok := at[r.preset]
			if !ok {
				i = len(labels)
				at[r.preset] = i
				labels = append(labels, mermaidString(r.preset))
				before, after = append(before, 0), append(after, 0)
			}
			before[i] += r.size.Before
			after[i] += r.size.After
		}
		fmt.Fprintf(b, "The %d converted files with an estimate, summed by preset, in MB: the longer bar behind is before, the bar in front after.\n\n", s.estimated)
	}
	labels = unique(labels)
	top := 0.0
	for i := range before {
		top = math.Max(top, math.Max(before[i], after[i]))
	}
	b.WriteString("```mermaid\nxychart-beta horizontal\n")
	b.WriteString("    title \"Estimated image size (MB): before and after\"\n")
	b.WriteString("    x-axis [" + strings.Join(labels, ", ") + "]\n")
	fmt.Fprintf(b, "    y-axis \"MB\" 0 --> %s\n", number(math.Ceil(top*11/10)))
	b.WriteString("    bar " + numbers(before) + "\n")
	b.WriteString("    bar " + numbers(after) + "\n")
	b.WriteString("```\n")
}

// chartLabel is a short name for a file on the chart's axis: its folder's
// name for a file named Dockerfile (most are), else the folder's name and
// the file's, as a Mermaid string of at most 28 characters.
func chartLabel(path string) string {
	parts := strings.Split(strings.TrimSuffix(path, "/Dockerfile"), "/")
	p := parts[len(parts)-1]
	if len(parts) > 1 && !strings.HasSuffix(path, "/Dockerfile") {
		p = parts[len(parts)-2] + "/" + p
	}
	if r := []rune(p); len(r) > 28 {
		p = "…" + string(r[len(r)-27:])
	}
	return mermaidString(p)
}

// mermaidString quotes s for Mermaid. A Mermaid string cannot hold a
// double quote, and a backquote could end the Markdown code fence, so
// both become single quotes; Mermaid drops what looks like an HTML tag
// from a label (a file "<d>" would lose its name), so angle brackets
// become ‹ and ›; control characters are dropped.
func mermaidString(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '"' || r == '`':
			return '\''
		case r == '<':
			return '‹'
		case r == '>':
			return '›'
		case isControl(r):
			return -1
		}
		return r
	}, s)
	if s == "" {
		s = "?"
	}
	return `"` + s + `"`
}

// unique numbers repeated labels ("x", "x (2)"): the chart's axis would
// merge them into one category.
func unique(labels []string) []string {
	seen := map[string]bool{}
	out := make([]string, len(labels))
	for i, l := range labels {
		u := l
		for n := 2; seen[u]; n++ {
			u = strings.TrimSuffix(l, `"`) + fmt.Sprintf(` (%d)"`, n)
		}
		seen[u] = true
		out[i] = u
	}
	return out
}

func numbers(vs []float64) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = number(v)
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// number prints an estimate with at most one decimal.
func number(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// mdText is text as it should read in GitHub Markdown, in a table cell or
// a list item: the characters Markdown would read as markup (emphasis,
// links, HTML tags, table bars, entities) are escaped with a backslash,
// which CommonMark allows before any ASCII punctuation, and a line break
// becomes a space. A file named "<img src=x>" or "a|b" reads as its name.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if strings.ContainsRune("\\`*_[]<>|#!&~$", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
