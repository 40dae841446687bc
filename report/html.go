package report

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/restage/restage/output"
	"github.com/restage/restage/transform"
)

// HTML writes the report as one self-contained page: inline SVG bar
// charts of the estimated sizes (in total and per file), a table that
// sorts on a click of its headers (a small inline script; #sort=after or
// #sort=-before in the address sorts on load), each file's diff and notes
// collapsed under its row, then the declines by code, the warnings and
// the errors.
//
// The page fetches nothing: no external style sheet, script, font or
// image, so it opens the same offline, from a CI artifact or an e-mail.
// Its Content-Security-Policy says so to the browser too (default-src
// 'none', and the inline style and script allowed by their hashes), so
// that even markup slipped in by a bug could neither load anything nor
// run. Every text that comes from the run (file names, notes, reasons,
// diffs) is escaped.
func HTML(w io.Writer, files []output.File, opt Options) error {
	s := summarize(files, true)
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '%s'; script-src '%s'\">\n", cspHash(pageStyle), cspHash(pageScript))
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>restage migration report</title>\n")
	b.WriteString("<style>" + pageStyle + "</style>\n</head>\n<body>\n")
	b.WriteString("<h1>Migration report</h1>\n")
	fmt.Fprintf(&b, "<p id=\"counts\">%s: ", plural(len(s.files), "Dockerfile"))
	for i, st := range []output.Status{output.Changed, output.Unchanged, output.Declined, output.Error} {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "<span class=\"%s\">%d %s</span>", st, s.counts[st], countWord(st))
	}
	b.WriteString(".</p>\n")

	if s.estimated > 0 {
		b.WriteString("<section id=\"total\">\n<h2>Estimated image size, in total</h2>\n")
		totalChart(&b, s)
		fmt.Fprintf(&b, "<p class=\"note\">Over the %d of %d converted files with an estimate. %s</p>\n</section>\n",
			s.estimated, s.counts[output.Changed], esc(estimateNote))
	}

	if len(s.files) > 0 {
		b.WriteString("<section>\n<h2>Files</h2>\n")
		fmt.Fprintf(&b, "<p class=\"note\">Click a heading to sort; open a row's details for its diff and notes. Bars: %s before, %s after (estimates, on one scale for every file).</p>\n",
			legendKey(colorBefore), legendKey(colorAfter))
		b.WriteString("<table id=\"files\">\n<thead><tr>")
		for _, c := range []struct{ key, title string }{
			{"path", "File"}, {"status", "Result"}, {"preset", "Preset"}, {"runtime", "Runtime"},
			{"before", "Before"}, {"after", "After"}, {"saving", "Saving"},
		} {
			num := ""
			if c.key == "before" || c.key == "after" || c.key == "saving" {
				num = " data-num"
			}
			fmt.Fprintf(&b, "<th><button type=\"button\" data-key=\"%s\"%s>%s</button></th>", c.key, num, c.title)
		}
		b.WriteString("<th>Size (estimate)</th></tr></thead>\n")
		for _, r := range s.files {
			fileRow(&b, s, r)
		}
		b.WriteString("</table>\n</section>\n")
	}

	if len(s.declines) > 0 {
		b.WriteString("<section id=\"declines\">\n<h2>Left unchanged, by reason</h2>\n")
		for _, g := range s.declines {
			fmt.Fprintf(&b, "<h3><code>%s</code> %s (%s)</h3>\n<ul>\n", esc(codeOrDash(string(g.code))), esc(g.title), plural(len(g.files), "file"))
			for _, r := range g.files {
				fmt.Fprintf(&b, "<li><code>%s</code>: %s</li>\n", esc(r.path), esc(r.reason))
			}
			b.WriteString("</ul>\n")
		}
		b.WriteString("</section>\n")
	}
	if len(s.warnings) > 0 {
		b.WriteString("<section id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n")
		for _, wn := range s.warnings {
			fmt.Fprintf(&b, "<li><code>%s</code>: %s</li>\n", esc(wn.path), esc(noteText(wn.note)))
		}
		b.WriteString("</ul>\n</section>\n")
	}
	if len(s.errors) > 0 {
		b.WriteString("<section id=\"errors\">\n<h2>Errors</h2>\n<ul>\n")
		for _, r := range s.errors {
			fmt.Fprintf(&b, "<li><code>%s</code>: %s</li>\n", esc(r.path), esc(r.err))
		}
		b.WriteString("</ul>\n</section>\n")
	}
	if opt.Version != "" {
		fmt.Fprintf(&b, "<footer>restage %s</footer>\n", esc(opt.Version))
	}
	b.WriteString("<script>" + pageScript + "</script>\n</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// fileRow writes one file as a tbody of two rows, its summary and its
// details, so that sorting moves them together.
func fileRow(b *strings.Builder, s *summary, r row) {
	before, after, save := "", "", ""
	beforeText, afterText := "–", "–"
	if r.size != nil {
		before, after = number(r.size.Before), number(r.size.After)
		save = strings.TrimSuffix(saving(*r.size), "%")
		beforeText, afterText = mb(r.size.Before), mb(r.size.After)
	}
	fmt.Fprintf(b, "<tbody data-index=\"%d\" data-path=\"%s\" data-status=\"%s\" data-preset=\"%s\" data-runtime=\"%s\" data-before=\"%s\" data-after=\"%s\" data-saving=\"%s\">\n",
		r.index, esc(r.path), esc(statusWord(r.status)), esc(r.preset), esc(r.runtimeText()), before, after, save)
	fmt.Fprintf(b, "<tr><td><code>%s</code></td><td class=\"%s\">%s</td><td>%s</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td>",
		esc(r.path), r.status, esc(statusWord(r.status)), esc(r.preset), esc(r.runtimeText()), beforeText, afterText, esc(orDash(saving0(r.size))))
	if r.size != nil {
		fileChart(b, s, r)
	}
	b.WriteString("</td></tr>\n")
	b.WriteString("<tr class=\"more\"><td colspan=\"8\"><details><summary>")
	switch r.status {
	case output.Changed:
		b.WriteString("diff and notes")
	case output.Declined:
		b.WriteString("why it was left unchanged")
	case output.Error:
		b.WriteString("the error")
	default:
		b.WriteString("notes")
	}
	b.WriteString("</summary>\n")
	if r.reason != "" {
		fmt.Fprintf(b, "<p>Left unchanged: %s <code>%s</code></p>\n", esc(r.reason), esc(string(r.code)))
	}
	if r.err != "" {
		fmt.Fprintf(b, "<p class=\"error\">%s</p>\n", esc(r.err))
	}
	if len(r.notes) > 0 {
		b.WriteString("<ul class=\"notes\">\n")
		for _, n := range r.notes {
			fmt.Fprintf(b, "<li class=\"%s\">%s: %s</li>\n", esc(string(n.Level)), esc(string(n.Level)), esc(noteText(n)))
		}
		b.WriteString("</ul>\n")
	}
	if r.diff != "" {
		b.WriteString("<pre class=\"diff\">")
		for _, line := range strings.SplitAfter(r.diff, "\n") {
			if line == "" {
				continue
			}
			class := ""
			switch {
			case strings.HasPrefix(line, "+++"), strings.HasPrefix(line, "---"):
				class = "head"
			case strings.HasPrefix(line, "@@"):
				class = "hunk"
			case line[0] == '+':
				class = "add"
			case line[0] == '-':
				class = "del"
			}
			if class == "" {
				b.WriteString(esc(line))
			} else {
				fmt.Fprintf(b, "<span class=\"%s\">%s</span>", class, esc(line))
			}
		}
		b.WriteString("</pre>\n")
	} else if r.reason == "" && r.err == "" && len(r.notes) == 0 {
		b.WriteString("<p>Nothing to change.</p>\n")
	}
	b.WriteString("</details></td></tr>\n</tbody>\n")
}

func saving0(sz *transform.Size) string {
	if sz == nil {
		return ""
	}
	return saving(*sz)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// Bar colours: fill attributes rather than CSS, so that the bars are
// drawn even where the style is not applied (a mail client, a viewer
// without CSS). The browser test looks for these exact colours in a
// screenshot.
const (
	colorBefore = "#c8553d"
	colorAfter  = "#2e86ab"
)

// fileChart is a file's two bars, on the scale of the largest estimate
// of the run, so that rows compare with each other.
func fileChart(b *strings.Builder, s *summary, r row) {
	const width, bar = 150.0, 10
	fmt.Fprintf(b, "<svg class=\"chart\" width=\"%d\" height=\"28\" viewBox=\"0 0 %d 28\" role=\"img\" aria-label=\"before %s, after %s\"><title>before %s, after %s</title>",
		int(width)+4, int(width)+4, mb(r.size.Before), mb(r.size.After), mb(r.size.Before), mb(r.size.After))
	fmt.Fprintf(b, "<rect class=\"bar before\" x=\"0\" y=\"3\" width=\"%s\" height=\"%d\" fill=\"%s\"/>", barWidth(r.size.Before, s.maxMB, width), bar, colorBefore)
	fmt.Fprintf(b, "<rect class=\"bar after\" x=\"0\" y=\"15\" width=\"%s\" height=\"%d\" fill=\"%s\"/>", barWidth(r.size.After, s.maxMB, width), bar, colorAfter)
	b.WriteString("</svg>")
}

// legendKey is a small square of a bar's colour, for the legend.
func legendKey(color string) string {
	return fmt.Sprintf("<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"%s\"/></svg>", color)
}

// totalChart is the run's total before and after, as two labelled bars.
func totalChart(b *strings.Builder, s *summary) {
	const left, width = 70.0, 420.0
	top := s.total.Before
	if s.total.After > top {
		top = s.total.After
	}
	fmt.Fprintf(b, "<svg id=\"total-chart\" class=\"chart\" width=\"680\" height=\"96\" viewBox=\"0 0 680 96\" role=\"img\" aria-label=\"estimated size in total: before %s, after %s\">\n<title>Estimated size in total: before %s, after %s</title>\n",
		mb(s.total.Before), mb(s.total.After), mb(s.total.Before), mb(s.total.After))
	for i, bar := range []struct {
		label, class, color string
		v                   float64
	}{
		{"before", "before", colorBefore, s.total.Before},
		{"after", "after", colorAfter, s.total.After},
	} {
		y := 10 + i*44
		w := barWidth(bar.v, top, width)
		fmt.Fprintf(b, "<text x=\"0\" y=\"%d\" class=\"label\">%s</text>\n", y+21, bar.label)
		fmt.Fprintf(b, "<rect class=\"bar %s\" x=\"%s\" y=\"%d\" width=\"%s\" height=\"32\" fill=\"%s\"/>\n", bar.class, number(left), y, w, bar.color)
		value := mb(bar.v)
		if i == 1 {
			if sv := saving(s.total); sv != "" {
				value += " (" + sv + " smaller)"
			}
		}
		wf, _ := strconv.ParseFloat(w, 64)
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%d\" class=\"value\">%s</text>\n", number(left+wf+8), y+21, esc(value))
	}
	b.WriteString("</svg>\n")
}

// barWidth is v on a scale where top is width; a bar of a size above 0
// is at least a pixel wide, so that it shows.
func barWidth(v, top, width float64) string {
	if top <= 0 || v <= 0 {
		return "0"
	}
	w := v / top * width
	if w < 1 {
		w = 1
	}
	return number(w)
}

// esc escapes text for HTML, in an element or in a quoted attribute.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cspHash is the Content-Security-Policy source that allows exactly one
// inline style or script: its SHA-256, base64.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

const pageStyle = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 2em auto; max-width: 72em; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .3em; }
h2 { font-size: 1.25em; margin-top: 1.6em; }
h3 { font-size: 1.05em; }
code, pre { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.note { color: #555; font-size: .9em; }
.changed { color: #1b6e3a; } .declined { color: #8a5a00; } .error { color: #b3261e; } .unchanged { color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3em .5em; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort=ascending] button::after { content: " \25B2"; }
th[aria-sort=descending] button::after { content: " \25BC"; }
tr.more td { border-bottom: 2px solid #d0d0d0; padding-top: 0; }
summary { cursor: pointer; color: #555; font-size: .9em; }
pre.diff { background: #f6f8fa; padding: .6em; overflow-x: auto; }
pre.diff .add { color: #1b6e3a; background: #e6ffec; display: block; }
pre.diff .del { color: #b3261e; background: #ffebe9; display: block; }
pre.diff .hunk { color: #6f42c1; display: block; }
pre.diff .head { font-weight: 600; display: block; }
ul.notes li.warning { color: #8a5a00; }
svg.chart text { font: 13px system-ui, sans-serif; fill: #222; }
footer { margin-top: 2em; color: #777; font-size: .85em; }
`

// pageScript sorts the table: each file is a tbody (its row and its
// details), moved as a whole; numbers sort as numbers, a file without an
// estimate below every one that has one. It marks the page with
// data-script="ready" and data-bars (how many chart bars have a size
// the browser laid out), which the browser test reads.
const pageScript = `
(function () {
  var html = document.documentElement;
  var bars = 0;
  document.querySelectorAll("svg rect.bar").forEach(function (r) {
    if (r.getBBox().width > 0) bars++;
  });
  html.setAttribute("data-bars", String(bars));
  var table = document.getElementById("files");
  if (table) {
    var buttons = table.querySelectorAll("thead button");
    var current = "", desc = false;
    var sortBy = function (key, down) {
      var num = false;
      buttons.forEach(function (b) {
        if (b.getAttribute("data-key") === key) {
          num = b.hasAttribute("data-num");
          b.parentNode.setAttribute("aria-sort", down ? "descending" : "ascending");
        } else {
          b.parentNode.removeAttribute("aria-sort");
        }
      });
      var bodies = Array.prototype.slice.call(table.tBodies);
      bodies.sort(function (a, b) {
        var x = a.getAttribute("data-" + key) || "", y = b.getAttribute("data-" + key) || "", c;
        if (num) {
          c = (x === "" ? -1 : parseFloat(x)) - (y === "" ? -1 : parseFloat(y));
        } else {
          c = x < y ? -1 : x > y ? 1 : 0;
        }
        if (down) c = -c;
        return c || a.getAttribute("data-index") - b.getAttribute("data-index");
      });
      bodies.forEach(function (b) { table.appendChild(b); });
      current = key;
      desc = down;
      html.setAttribute("data-sorted", (down ? "-" : "") + key);
    };
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var key = b.getAttribute("data-key");
        sortBy(key, key === current ? !desc : b.hasAttribute("data-num"));
      });
    });
    var m = /^#sort=(-?)([a-z]+)$/.exec(location.hash);
    if (m && table.querySelector("thead button[data-key=" + m[2] + "]")) sortBy(m[2], m[1] === "-");
  }
  html.setAttribute("data-script", "ready");
})();
`
