package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/internal/version"
	"github.com/restage/restage/output"
	"github.com/restage/restage/report"
	"github.com/restage/restage/workspace"
)

const reportHelp = `Converts the Dockerfiles under the paths as the root command would, writes
nothing back, and prints a summary of the whole run: how many files were
converted, left unchanged, declined (the reasons grouped by code) or failed;
the runtime chosen for each file; the image size before and after as the
presets estimate it (estimates, not measurements), per file and in total;
and the warnings.

--format text (the default) is for a terminal or a log; markdown is a
pull-request description (a table and a Mermaid chart GitHub renders); html
is one self-contained page (no network fetches) with SVG bar charts, a
sortable table and each file's diff under its row.

Exit status: 0 done, 2 when a file could not be read or parsed (the report
is still written, with the error in it).`

// reportFlags are the conversion flags (without --json: the report has
// its own formats) and the report's own.
func reportFlags() []cli.Flag {
	var flags []cli.Flag
	for _, f := range wrapNames(conversionFlags()) { // wrapped: Names without a regular expression
		if !slices.Contains(f.Names(), flagJSON) {
			flags = append(flags, f)
		}
	}
	return append(flags,
		&cli.StringFlag{Name: flagFormat, Value: "text", Usage: "`FORMAT` of the report: text, markdown (a pull-request description) or html (one self-contained page)"},
		&cli.StringFlag{Name: "o", Usage: "write the report to `FILE` instead of stdout"},
	)
}

func (a *app) reportAction(c *cli.Context) error {
	render := map[string]func(*bytes.Buffer, []output.File, report.Options) error{
		"text":     func(b *bytes.Buffer, f []output.File, o report.Options) error { return report.Text(b, f, o) },
		"markdown": func(b *bytes.Buffer, f []output.File, o report.Options) error { return report.Markdown(b, f, o) },
		"html":     func(b *bytes.Buffer, f []output.File, o report.Options) error { return report.HTML(b, f, o) },
	}[c.String(flagFormat)]
	if render == nil {
		return usagef("--format %q: want text, markdown or html", c.String(flagFormat))
	}
	s, err := a.conversionSettings(c)
	if err != nil {
		return err
	}
	s.Write = false // a report never writes a Dockerfile
	paths := c.Args().Slice()
	if len(paths) == 0 {
		if !a.stdinIsPipe {
			return usagef("report needs a path (or - for stdin)")
		}
		paths = []string{"-"}
	}
	var jobs []workspace.Job
	if slices.Contains(paths, "-") {
		if len(paths) > 1 {
			return usagef("- (stdin) cannot be combined with other paths")
		}
		jobs = []workspace.Job{{Path: s.stdinName, Stdin: true}}
	} else {
		jobs = discover(paths, s.Configs)
	}
	out := c.String("o")
	if out != "" {
		if err := checkReportFile(out, jobs); err != nil {
			return err
		}
	}
	files := make([]output.File, 0, len(jobs))
	s.Memo = workspace.NewMemo() // as a plain run over a tree
	a.processAll(s, jobs, nil, func(r *workspace.Record) {
		if r.Status == workspace.Error {
			fmt.Fprintln(a.stderr, r.Message())
			a.fail(exitError)
		}
		files = append(files, r.File())
	})
	var buf bytes.Buffer
	if err := render(&buf, files, report.Options{Version: version.String()}); err != nil {
		return err
	}
	if out == "" {
		_, err = a.stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the report: %v", err)
	}
	return nil
}

// checkReportFile refuses an -o that would overwrite a Dockerfile: the
// report never writes one, not even by a slip of the command line.
func checkReportFile(out string, jobs []workspace.Job) error {
	if workspace.IsDockerfileName(filepath.Base(out)) {
		return usagef("-o %s: the report is not written over a Dockerfile (name it report.html, report.md, ...)", textutil.ShowPath(out))
	}
	abs, _ := filepath.Abs(out)
	for _, j := range jobs {
		if ja, _ := filepath.Abs(j.Path); !j.Stdin && ja == abs {
			return usagef("-o %s: that is one of the Dockerfiles being reported on", textutil.ShowPath(out))
		}
	}
	return nil
}
