package report

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/restage/restage/output"
	"github.com/restage/restage/transform"
)

// hostileName is a file name that is markup: the page must show it as
// text and run nothing.
const hostileName = `<script>alert(1)</script>"'&amp;/Dockerfile`

// hostile is sample() and a converted file whose name, note and diff are
// markup.
func hostile() []output.File {
	in := "FROM golang:1.26\nRUN echo '</pre><script>alert(2)</script>'\nCMD [\"/app\"]\n"
	return append(sample(), output.File{Path: hostileName, Input: []byte(in), Status: output.Changed, Result: &transform.Result{
		Output: []byte(strings.Replace(in, "FROM golang:1.26", "FROM golang:1.26 AS build", 1)), Preset: "go",
		Runtime: "<b>img</b>", Size: &transform.Size{Before: 443, After: 7},
		Notes: []transform.Note{{Code: "RS304", Level: transform.Warning, Message: `see <img src="http://example.com/x.png">`}},
	}})
}

func renderHTML(t *testing.T, files []output.File) (string, *html.Node) {
	t.Helper()
	var b strings.Builder
	if err := HTML(&b, files, Options{Version: "v9.9.9"}); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return b.String(), doc
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

func elements(doc *html.Node, tag string) []*html.Node {
	var out []*html.Node
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
	})
	return out
}

// TestHTMLFetchesNothing: no element or attribute of the page can make a
// browser fetch anything, and its Content-Security-Policy allows nothing
// but its own inline style and script, by their hashes.
func TestHTMLFetchesNothing(t *testing.T) {
	page, doc := renderHTML(t, hostile())
	fetching := map[string]bool{"src": true, "href": true, "srcset": true, "xlink:href": true, "action": true,
		"formaction": true, "poster": true, "background": true, "data": true, "manifest": true, "ping": true}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "link", "img", "iframe", "object", "embed", "image", "use", "audio", "video", "source", "base", "form":
			t.Errorf("the page has a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if fetching[a.Key] || (a.Namespace != "" && a.Key == "href") {
				t.Errorf("<%s> has the attribute %s=%q", n.Data, a.Key, a.Val)
			}
			if v := strings.ToLower(a.Val); strings.Contains(v, "http:") || strings.Contains(v, "https:") || strings.Contains(v, "url(") {
				t.Errorf("<%s %s=%q> names a URL", n.Data, a.Key, a.Val)
			}
		}
	})
	styles, scripts := elements(doc, "style"), elements(doc, "script")
	if len(styles) != 1 || len(scripts) != 1 {
		t.Fatalf("the page has %d <style> and %d <script> elements, want one of each", len(styles), len(scripts))
	}
	style, script := text(styles[0]), text(scripts[0])
	for _, bad := range []string{"url(", "@import", "http:", "https:"} {
		if strings.Contains(style, bad) {
			t.Errorf("the style has %q", bad)
		}
	}
	for _, bad := range []string{"fetch(", "XMLHttpRequest", "import(", "http:", "https:", ".src", "WebSocket", "sendBeacon"} {
		if strings.Contains(script, bad) {
			t.Errorf("the script has %q", bad)
		}
	}
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	var csp string
	for _, m := range elements(doc, "meta") {
		if v, _ := attr(m, "http-equiv"); v == "Content-Security-Policy" {
			csp, _ = attr(m, "content")
		}
	}
	want := "default-src 'none'; style-src " + hash(style) + "; script-src " + hash(script)
	if csp != want {
		t.Errorf("Content-Security-Policy = %q, want %q", csp, want)
	}
	if !strings.HasPrefix(page, "<!DOCTYPE html>\n") {
		t.Errorf("the page does not start with a doctype: %.40q", page)
	}
}

// TestHTMLEscapes: the hostile name, runtime, note and diff are text in
// the parsed page, where they were written, and no markup of theirs
// became an element.
func TestHTMLEscapes(t *testing.T) {
	page, doc := renderHTML(t, hostile())
	if n := len(elements(doc, "script")); n != 1 {
		t.Errorf("the page has %d <script> elements, want only its own", n)
	}
	if n := len(elements(doc, "b")); n != 0 {
		t.Errorf("the runtime's <b> became an element")
	}
	var body *html.Node
	for _, tb := range elements(doc, "tbody") {
		if p, _ := attr(tb, "data-path"); p == hostileName {
			body = tb
		}
	}
	if body == nil {
		t.Fatalf("no tbody has data-path %q", hostileName)
	}
	if got := text(elements(body, "code")[0]); got != hostileName {
		t.Errorf("the row shows the name as %q, want %q", got, hostileName)
	}
	pre := elements(body, "pre")
	if len(pre) != 1 || !strings.Contains(text(pre[0]), "+FROM golang:1.26 AS build\n") ||
		!strings.Contains(text(pre[0]), " RUN echo '</pre><script>alert(2)</script>'\n") {
		t.Errorf("the diff is not kept as text under the row: %q", text(body))
	}
	if !strings.Contains(text(body), `see <img src="http://example.com/x.png"> [RS304]`) {
		t.Errorf("the note is not kept as text: %q", text(body))
	}
	// The raw page never holds the name unescaped.
	if strings.Contains(page, "<script>alert") {
		t.Errorf("the page holds the hostile markup unescaped")
	}
}

// TestHTMLStructure: one tbody per file, in order, each with its row and
// a details element under it; the charts' bars and their widths.
func TestHTMLStructure(t *testing.T) {
	files := sample()
	_, doc := renderHTML(t, files)
	bodies := elements(doc, "tbody")
	if len(bodies) != len(files) {
		t.Fatalf("%d tbody elements, want one per file (%d)", len(bodies), len(files))
	}
	for i, tb := range bodies {
		if p, _ := attr(tb, "data-path"); p != files[i].Path {
			t.Errorf("tbody %d is %q, want %q", i, p, files[i].Path)
		}
		rows := elements(tb, "tr")
		if len(rows) != 2 || len(elements(rows[1], "details")) != 1 || len(elements(rows[1], "summary")) != 1 {
			t.Errorf("tbody %q is not a row and a row with a details element", files[i].Path)
		}
	}
	// Sort keys: the estimate as a number, empty without one.
	a, f := bodies[0], bodies[5]
	for _, c := range []struct {
		n         *html.Node
		key, want string
	}{
		{a, "data-before", "886"}, {a, "data-after", "14"}, {a, "data-saving", "98"}, {a, "data-status", "converted"},
		{a, "data-runtime", "gcr.io/distroless/static-debian13:nonroot (distroless)"},
		{f, "data-before", ""}, {f, "data-saving", ""},
	} {
		if got, _ := attr(c.n, c.key); got != c.want {
			t.Errorf("%s=%q, want %q", c.key, got, c.want)
		}
	}
	if got := text(elements(a, "pre")[0]); !strings.HasPrefix(got, "--- a/a/Dockerfile\n+++ b/a/Dockerfile\n@@ -1,3 +1,6 @@\n") {
		t.Errorf("a's diff starts %q", got)
	}

	// The total chart: before is the full 420 px, after 14/886 of it.
	var total *html.Node
	walk(doc, func(n *html.Node) {
		if v, _ := attr(n, "id"); v == "total-chart" {
			total = n
		}
	})
	if total == nil || total.Data != "svg" {
		t.Fatal("no svg#total-chart")
	}
	var widths []string
	walk(total, func(n *html.Node) {
		if n.Data == "rect" && hasClass(n, "bar") {
			w, _ := attr(n, "width")
			widths = append(widths, w)
		}
	})
	if strings.Join(widths, " ") != "420 6.6" {
		t.Errorf("total bars %v, want [420 6.6]", widths)
	}
	if !strings.Contains(text(total), "~14 MB (98% smaller)") {
		t.Errorf("the total chart reads %q", text(total))
	}
	// Per file: two bars for a, none for f (no estimate), on the scale
	// of the largest estimate (886 → 150 px).
	var bars []string
	walk(a, func(n *html.Node) {
		if n.Data == "rect" && hasClass(n, "bar") {
			w, _ := attr(n, "width")
			bars = append(bars, w)
		}
	})
	if strings.Join(bars, " ") != "150 2.4" {
		t.Errorf("a's bars %v, want [150 2.4]", bars)
	}
	if n := len(elements(f, "svg")); n != 0 {
		t.Errorf("f has %d charts, want none (no estimate)", n)
	}
	// The declines, by code.
	var h3 []string
	for _, h := range elements(doc, "h3") {
		h3 = append(h3, text(h))
	}
	if strings.Join(h3, "|") != "RS202 already multi-stage (2 files)|RS214 no CMD or ENTRYPOINT (1 file)" {
		t.Errorf("decline headings %q", h3)
	}
}
