package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/restage/restage/output"
)

// manyFiles is sample() repeated under n/7 folders: a monorepo's run.
func manyFiles(n int) []output.File {
	var files []output.File
	for i := 0; len(files) < n; i++ {
		for _, f := range sample() {
			f.Path = fmt.Sprintf("svc%04d/%s", i, f.Path)
			files = append(files, f)
		}
	}
	return files[:n]
}

// The report of 1,000 files, in each format: the cost restage report adds
// to the conversions (the diffs are made here, as for --json).
func BenchmarkText(b *testing.B)     { benchReport(b, Text) }
func BenchmarkMarkdown(b *testing.B) { benchReport(b, Markdown) }
func BenchmarkHTML(b *testing.B)     { benchReport(b, HTML) }

func benchReport(b *testing.B, render func(io.Writer, []output.File, Options) error) {
	files := manyFiles(1000)
	b.ReportAllocs()
	for b.Loop() {
		if err := render(io.Discard, files, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
