package verify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/restage/restage/internal/textutil"
)

// Verdicts, with the exit status a command gives each.
const (
	VerdictSame      = "same"      // exit 0
	VerdictDifferent = "different" // exit 1
	VerdictDeclined  = "declined"  // exit 1: restage leaves the file as it is
	VerdictError     = "error"     // exit 2
)

// Exit statuses of a Report.
const (
	ExitSame      = 0
	ExitDifferent = 1
	ExitError     = 2
)

// Report is what a verification found, as a table or as JSON; the JSON
// field names are a contract.
type Report struct {
	Path       string `json:"path"`
	Verdict    string `json:"verdict"`
	Message    string `json:"message"`
	ExitStatus int    `json:"exit_status"`
	Docker     string `json:"docker_server,omitempty"` // the engine's version
	// RunCommand is the command both images' probe containers ran in
	// place of their CMD (Options.RunCmd); absent: each its own.
	RunCommand []string      `json:"run_command,omitempty"`
	Original   *ImageReport  `json:"original,omitempty"`
	Converted  *ImageReport  `json:"converted,omitempty"`
	Probes     []ProbeReport `json:"probes,omitempty"`
	// WritesCompared compares the files the images wrote while probed;
	// absent when they were not probed.
	WritesCompared *WritesReport `json:"writes_compared,omitempty"`
	// ImageMap lists the image references verify rewrote in the files it
	// built (the converted file's runtime image is mapped by the engine).
	ImageMap []ImageRewrite `json:"image_map,omitempty"`
	Warnings []string       `json:"warnings,omitempty"`
	Kept     []string       `json:"kept,omitempty"` // images, containers and files left with Keep
}

// ImageReport is one image: its build and what is in it.
type ImageReport struct {
	Image        string  `json:"image"`
	From         string  `json:"from,omitempty"` // the final stage's base image
	Dockerfile   string  `json:"dockerfile,omitempty"`
	Built        bool    `json:"built"`
	BuildSeconds float64 `json:"build_seconds"`
	BuildError   string  `json:"build_error,omitempty"`
	SizeBytes    int64   `json:"size_bytes,omitempty"`
	Layers       int     `json:"layers,omitempty"`
	// User is the image's configured user; empty means root.
	User            string   `json:"user"`
	Shells          []string `json:"shells"`
	PackageManagers []string `json:"package_managers"`
	FilesChecked    bool     `json:"files_checked"` // Shells and PackageManagers are known
	// Writes are the files the image's containers wrote while probed,
	// from docker diff: "A /path" added, "C /path" changed, "D /path"
	// deleted, sorted by path; a folder the run added stands for what is
	// in it. [] when none, null when not probed.
	Writes []string `json:"writes"`

	baseImageMissing bool            // the build failed on resolving a base image
	dirs             map[string]bool // the image's folders, from ExportScan
	volumes          []string        // the image's VOLUME mount points, from Inspect
}

// ProbeReport is one probe on both images.
type ProbeReport struct {
	Probe      string      `json:"probe"` // "default", "GET 8080/", "cmd ARGS"
	Same       bool        `json:"same"`
	Difference string      `json:"difference,omitempty"`
	Original   ProbeResult `json:"original"`
	Converted  ProbeResult `json:"converted"`
}

// ProbeResult is what one image did under one probe.
type ProbeResult struct {
	// Outcome is "running" (still up after UpFor), "exited",
	// "answered" (HTTP), "no answer", "not started" or "timed out".
	Outcome    string `json:"outcome"`
	ExitCode   *int   `json:"exit_code,omitempty"`
	HTTPStatus int    `json:"http_status,omitempty"`
	Stdout     string `json:"stdout,omitempty"` // or the HTTP body
	Stderr     string `json:"stderr,omitempty"` // its last lines, for the reader
	Error      string `json:"error,omitempty"`
}

// ImageRewrite is one image reference rewritten by the image map.
type ImageRewrite struct {
	File string `json:"file"` // "original" or "converted"
	Line int    `json:"line"`
	From string `json:"from"`
	To   string `json:"to"`
}

// WriteJSON writes the report as one indented JSON object.
func (rep *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// Table is the report for people: a before/after table and the verdict.
func (rep *Report) Table() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "restage verify %s\n\n", textutil.ShowPath(rep.Path))
	o, c := rep.Original, rep.Converted
	if o != nil && c != nil {
		var t bytes.Buffer
		tw := tabwriter.NewWriter(&t, 0, 4, 3, ' ', 0)
		fmt.Fprintf(tw, "\toriginal\tconverted\t\n")
		row := func(name, a, b, note string) { fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, a, b, note) }
		row("image", o.Image, c.Image, "")
		row("from", o.From, c.From, "")
		row("build", buildCell(o), buildCell(c), "")
		if o.SizeBytes > 0 || c.SizeBytes > 0 {
			note := ""
			if o.SizeBytes > 0 && c.SizeBytes > 0 {
				note = ratio(c.SizeBytes, o.SizeBytes) + " of the original"
			}
			row("size", sizeCell(o), sizeCell(c), note)
			row("layers", strconv.Itoa(o.Layers), strconv.Itoa(c.Layers), "")
			row("user", userCell(o.User), userCell(c.User), "")
		}
		if o.FilesChecked || c.FilesChecked {
			row("shell", listCell(o.Shells, o.FilesChecked), listCell(c.Shells, c.FilesChecked), "")
			row("package manager", listCell(o.PackageManagers, o.FilesChecked), listCell(c.PackageManagers, c.FilesChecked), "")
		}
		for _, p := range rep.Probes {
			same := "same"
			if !p.Same {
				same = "DIFFERENT"
			}
			row("probe "+p.Probe, p.Original.cell(), p.Converted.cell(), same)
		}
		if w := rep.WritesCompared; w != nil {
			same := "same"
			if !w.Same {
				same = "DIFFERENT"
			}
			if len(w.Ignored) > 0 {
				same += fmt.Sprintf(" (%d not compared)", len(w.Ignored))
			}
			row("files written", writesCell(o.Writes), writesCell(c.Writes), same)
		}
		tw.Flush()
		for _, l := range strings.SplitAfter(t.String(), "\n") {
			b.WriteString(strings.TrimRight(l, " \n"))
			if strings.HasSuffix(l, "\n") {
				b.WriteString("\n")
			}
		}
		b.WriteString("\n")
	}
	if w := rep.WritesCompared; w != nil {
		for _, l := range w.OnlyOriginal {
			fmt.Fprintf(&b, "written by the original only: %s\n", l)
		}
		for _, l := range w.OnlyConverted {
			fmt.Fprintf(&b, "written by the converted image only: %s\n", l)
		}
		for _, x := range w.Ignored {
			fmt.Fprintf(&b, "not compared: %s by the %s: %s\n", x.Write, x.Image, x.Reason)
		}
	}
	if len(rep.RunCommand) > 0 {
		// The exec form: what each word is, whatever spaces or quotes it holds.
		cmd, _ := json.Marshal(rep.RunCommand)
		fmt.Fprintf(&b, "run command (both images, in place of CMD): %s\n", cmd)
	}
	for _, x := range rep.ImageMap {
		fmt.Fprintf(&b, "image map: %s line %d: %s -> %s\n", x.File, x.Line, x.From, x.To)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	if len(rep.Kept) > 0 {
		fmt.Fprintf(&b, "kept: %s\n", strings.Join(rep.Kept, " "))
	}
	verdict := map[string]string{VerdictSame: "ok", VerdictDifferent: "FAIL", VerdictDeclined: "not verified", VerdictError: "error"}[rep.Verdict]
	fmt.Fprintf(&b, "verdict: %s: %s\n", verdict, rep.Message)
	return b.Bytes()
}

func buildCell(r *ImageReport) string {
	switch {
	case r.Built:
		return fmt.Sprintf("ok, %.1f s", r.BuildSeconds)
	case r.BuildError != "":
		return fmt.Sprintf("FAILED, %.1f s", r.BuildSeconds)
	}
	return "-"
}

func sizeCell(r *ImageReport) string {
	if r.SizeBytes <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f MB", float64(r.SizeBytes)/1e6)
}

func userCell(u string) string {
	if u == "" {
		return "root (none set)"
	}
	return u
}

func listCell(l []string, known bool) string {
	switch {
	case !known:
		return "-"
	case len(l) == 0:
		return "none"
	}
	return strings.Join(l, ", ")
}

func writesCell(w []string) string {
	if len(w) == 0 {
		return "none"
	}
	return plural(len(w), "path")
}

// cell is a probe result in a few words for the table.
func (r ProbeResult) cell() string {
	switch r.Outcome {
	case "running":
		return "running"
	case "exited":
		s := "exit " + strconv.Itoa(*r.ExitCode)
		if r.Stdout != "" {
			s += fmt.Sprintf(", %d bytes out", len(r.Stdout))
		}
		return s
	case "answered":
		return fmt.Sprintf("%d, %d bytes", r.HTTPStatus, len(r.Stdout))
	}
	return r.Outcome
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func ratio(a, b int64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", 100*float64(a)/float64(b)), ".0") + "%"
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
