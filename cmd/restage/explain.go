package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/restage/restage/internal/textutil"
	"github.com/restage/restage/output"
	"github.com/restage/restage/workspace"
)

func (a *app) explainAction(c *cli.Context) error {
	s, err := a.conversionSettings(c)
	if err != nil {
		return err
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		if !a.stdinIsPipe {
			return usagef("explain needs a path (or - for stdin)")
		}
		paths = []string{"-"}
	}
	var jobs []workspace.Job
	if slices.Contains(paths, "-") {
		if len(paths) > 1 {
			return usagef("- (stdin) cannot be combined with other paths")
		}
		jobs = []workspace.Job{s.stdinJob()}
	} else {
		jobs = discover(paths, s.Configs)
	}
	titles := map[string]string{}
	if ps, err := a.presets(); err == nil {
		for _, p := range ps {
			titles[p.Name] = p.Title
		}
	}
	var records []*workspace.Record
	var out bytes.Buffer
	for i, j := range jobs {
		r := a.process(s, j)
		records = append(records, r)
		if r.Status == workspace.Error {
			a.fail(exitError)
		}
		if s.json {
			if r.Status == workspace.Error {
				fmt.Fprintln(a.stderr, r.Message())
			}
			continue
		}
		if i > 0 {
			out.WriteString("\n")
		}
		if err := output.Explain(&out, r.File(), output.ExplainOptions{PresetTitles: titles, AskedRuntime: s.Options.Runtime}); err != nil {
			return err
		}
		a.stdout.Write(out.Bytes())
		out.Reset()
	}
	if s.json {
		a.writeFormat(s, records)
	}
	return nil
}

func (a *app) presetsList() error {
	ps, err := a.presets()
	if err != nil {
		return fmt.Errorf("loading the presets: %w", err)
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	for _, p := range ps {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Name, textutil.OneLine(p.Title), textutil.OneLine(p.Description))
	}
	return tw.Flush()
}

func (a *app) presetsShow(name string) error {
	ps, err := a.presets()
	if err != nil {
		return fmt.Errorf("loading the presets: %w", err)
	}
	var names []string
	for _, p := range ps {
		if p.Name == name {
			raw, err := p.Text()
			if err != nil {
				return fmt.Errorf("preset %s: %w", p.Name, err)
			}
			a.stdout.Write(raw)
			if len(raw) > 0 && raw[len(raw)-1] != '\n' {
				fmt.Fprintln(a.stdout)
			}
			return nil
		}
		names = append(names, p.Name)
	}
	return usagef("unknown preset %q (known: %s)", name, strings.Join(names, ", "))
}
