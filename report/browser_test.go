//go:build browser

// The reports in a real browser: Debian's chromium, headless (install it
// with report/chromium.sh, and Mermaid with report/mermaid.sh; .ci/run and
// make browser do). Run with
//
//	go test -tags browser -run '^TestBrowser' ./report/
//
// What it proves, and how each check could fail:
//   - the page's script ran: it marks <html data-script="ready">, and a
//     #sort=-before in the address sorted the table's files by their
//     estimate, largest first (the order is read back from the DOM);
//   - the charts rendered: the script counts the SVG bars the browser laid
//     out with a width (data-bars), and a screenshot has the bars' exact
//     colours over an area the size of the total chart's bars;
//   - the page loaded nothing from the network: chromium runs behind a
//     proxy on a closed port (nothing can leave the machine) and writes its
//     network log (--log-net-log), in which every request made for the page
//     carries the page's file:// origin as its initiator; the test fails
//     on any such request. TestBrowserDetectsFetch shows that this check
//     sees a page that does fetch (an <img> with an http URL), so that it
//     cannot pass by seeing nothing;
//   - the Markdown report's chart is one Mermaid draws: TestBrowserMermaid
//     renders the block with Mermaid's own bundle (report/mermaid.sh fetches
//     it) and reads back the bars and labels.
package report

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/restage/restage/output"
	"github.com/restage/restage/transform"
)

// chromium runs the browser headless on page with args, a fresh profile
// and the network log, and returns stdout and the URLs the page asked
// for from the network.
func chromium(t *testing.T, page string, args ...string) (stdout []byte, fetched []string) {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium is not installed (bash report/chromium.sh installs it): %v", err)
	}
	dir := t.TempDir()
	netlog := filepath.Join(dir, "net.json")
	base := []string{
		"--headless", "--disable-gpu", "--no-first-run", "--disable-extensions",
		"--user-data-dir=" + filepath.Join(dir, "profile"),
		"--proxy-server=127.0.0.1:9", // the discard port: closed, so nothing leaves
		"--log-net-log=" + netlog,
		"--window-size=1200,1000",
	}
	if os.Geteuid() == 0 {
		base = append(base, "--no-sandbox") // chromium refuses to run as root with its sandbox
	}
	cmd := exec.Command(bin, append(append(base, args...), page)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Dir = dir
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("chromium did not finish in 60 s; stderr:\n%s", tail(errb.String()))
	}
	if err != nil {
		t.Fatalf("chromium: %v; stderr:\n%s", err, tail(errb.String()))
	}
	return out.Bytes(), pageRequests(t, netlog)
}

func tail(s string) string {
	if len(s) > 3000 {
		return "…" + s[len(s)-3000:]
	}
	return s
}

// pageRequests reads chromium's network log and returns the URL of every
// request made for a page: its initiator is the page's origin ("null" for
// a file:// page) or its network isolation key names the file:// site.
// Requests the browser makes for itself (component updates, time) have
// the initiator "not an origin" and are not the page's doing.
func pageRequests(t *testing.T, file string) []string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("reading the network log: %v", err)
	}
	var log struct {
		Constants struct {
			LogEventTypes map[string]int `json:"logEventTypes"`
		} `json:"constants"`
		Events []struct {
			Type   int `json:"type"`
			Params struct {
				URL       string `json:"url"`
				Initiator string `json:"initiator"`
				NIK       string `json:"network_isolation_key"`
			} `json:"params"`
		} `json:"events"`
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatalf("the network log is not JSON (%v): %.200s", err, raw)
	}
	start, ok := log.Constants.LogEventTypes["URL_REQUEST_START_JOB"]
	if !ok || len(log.Events) == 0 {
		t.Fatalf("the network log has no URL_REQUEST_START_JOB type or no events: the check would see nothing")
	}
	var urls []string
	for _, e := range log.Events {
		p := e.Params
		if e.Type != start || p.URL == "" || strings.HasPrefix(p.URL, "file:") || strings.HasPrefix(p.URL, "data:") {
			continue
		}
		if (p.Initiator != "" && p.Initiator != "not an origin") || strings.Contains(p.NIK, "file://") {
			urls = append(urls, p.URL)
		}
	}
	return urls
}

func writePage(t *testing.T, page string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + p
}

// hostileScript is a file name that would mark the page if it ran.
const hostileScript = `<script>document.documentElement.setAttribute("data-pwned","1")</script>/Dockerfile`

func TestBrowserReport(t *testing.T) {
	files := hostile()
	files[len(files)-1].Path = hostileScript
	var b strings.Builder
	if err := HTML(&b, files, Options{Version: "v9.9.9"}); err != nil {
		t.Fatal(err)
	}
	url := writePage(t, b.String())
	out, fetched := chromium(t, url+"#sort=-before", "--dump-dom")
	if len(fetched) > 0 {
		t.Errorf("the page asked the network for %q", fetched)
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	root := elements(doc, "html")[0]
	// Every estimate has two bars (a's and the hostile file's), and the
	// total chart two: six bars with a width laid out.
	for key, want := range map[string]string{"data-script": "ready", "data-bars": "6", "data-sorted": "-before"} {
		if got, _ := attr(root, key); got != want {
			t.Errorf("<html %s=%q>, want %q (the page's script did not run, or saw no bars)", key, got, want)
		}
	}
	if v, ok := attr(root, "data-pwned"); ok {
		t.Errorf("a script from a file name ran: data-pwned=%q", v)
	}
	var order []string
	for _, tb := range elements(doc, "tbody") {
		p, _ := attr(tb, "data-path")
		order = append(order, p)
	}
	// By estimate, largest first: a (886 MB), the hostile file (443 MB);
	// then the files without one, in their order.
	want := []string{"a/Dockerfile", hostileScript, "b/Dockerfile", "c/Dockerfile", "d/Dockerfile", "e/Dockerfile", "f/api.Dockerfile", "g/Dockerfile"}
	if strings.Join(order, "\n") != strings.Join(want, "\n") {
		t.Errorf("sorted by -before, the files are\n%q\nwant\n%q", order, want)
	}
	for _, th := range elements(doc, "th") {
		if s, ok := attr(th, "aria-sort"); ok && text(th) != "Before" {
			t.Errorf("aria-sort=%q on %q", s, text(th))
		}
	}

	// The screenshot: the total chart's bars in their colours. The before
	// bar is 420×32 px, the after bar 14/886 of it (6.6×32), so about
	// 13,000 and 200 pixels; anti-aliased edges are not counted.
	shot := filepath.Join(t.TempDir(), "shot.png")
	chromium(t, url, "--screenshot="+shot, "--hide-scrollbars")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			count[rgbHex(r>>8, g>>8, b>>8)]++
		}
	}
	if n := count[colorBefore]; n < 12000 {
		t.Errorf("%d pixels of the before colour %s, want the total chart's bar (about 13,000) and more", n, colorBefore)
	}
	if n := count[colorAfter]; n < 150 {
		t.Errorf("%d pixels of the after colour %s, want at least the total chart's bar (about 200)", n, colorAfter)
	}
}

func rgbHex(r, g, b uint32) string {
	const digits = "0123456789abcdef"
	out := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint32{r, g, b} {
		out[1+2*i], out[2+2*i] = digits[v>>4], digits[v&15]
	}
	return string(out)
}

// TestBrowserDetectsFetch: the network check sees a page that asks for an
// external image, so TestBrowserReport's empty list means something; and
// the report's Content-Security-Policy stops that same request.
func TestBrowserDetectsFetch(t *testing.T) {
	var b strings.Builder
	if err := HTML(&b, sample(), Options{}); err != nil {
		t.Fatal(err)
	}
	const probe = "http://restage-probe.invalid/pixel.png"
	inject := func(page string) string {
		return strings.Replace(page, "<h1>", `<img src="`+probe+`" alt=""><h1>`, 1)
	}
	// Without the policy the browser asks for the image.
	noCSP := inject(b.String())
	i := strings.Index(noCSP, "<meta http-equiv=\"Content-Security-Policy\"")
	j := i + strings.Index(noCSP[i:], ">\n") + 2
	noCSP = noCSP[:i] + noCSP[j:]
	_, fetched := chromium(t, writePage(t, noCSP), "--dump-dom")
	if strings.Join(fetched, " ") != probe {
		t.Errorf("with an injected <img>, the check saw %q, want exactly %q", fetched, probe)
	}
	// With it, the same image is never asked for.
	_, fetched = chromium(t, writePage(t, inject(b.String())), "--dump-dom")
	if len(fetched) > 0 {
		t.Errorf("the report's Content-Security-Policy let %q through", fetched)
	}
}

// TestBrowserMermaid draws the Markdown report's chart with Mermaid
// itself (the bundle report/mermaid.sh fetches), as GitHub would: the
// block parses, both bar series have a bar per file, and the labels,
// hostile ones included, read as the report wrote them.
func TestBrowserMermaid(t *testing.T) {
	bundles, _ := filepath.Glob(".cache/mermaid-*.min.js")
	if len(bundles) == 0 {
		t.Fatal("no Mermaid bundle in report/.cache (bash report/mermaid.sh fetches it)")
	}
	bundle, err := filepath.Abs(bundles[len(bundles)-1])
	if err != nil {
		t.Fatal(err)
	}
	files := append(sample(), output.File{Path: `x "q" [b], c; <d> %% e/Dockerfile`, Input: []byte("a"), Status: output.Changed,
		Result: &transform.Result{Output: []byte("b"), Preset: "go", Size: &transform.Size{Before: 300, After: 20}}})
	var b strings.Builder
	if err := Markdown(&b, files, Options{}); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	i := strings.Index(md, "```mermaid\n")
	j := strings.Index(md[i+len("```mermaid\n"):], "```\n")
	if i < 0 || j < 0 {
		t.Fatalf("no mermaid block in:\n%s", md)
	}
	chart := md[i+len("```mermaid\n") : i+len("```mermaid\n")+j]
	src, _ := json.Marshal(chart)
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="file://` + bundle + `"></script></head><body><div id="out"></div><script>
mermaid.initialize({startOnLoad: false});
mermaid.render("chart", ` + string(src) + `).then(function (r) {
  document.getElementById("out").innerHTML = r.svg;
  document.documentElement.setAttribute("data-rendered", "ok");
}, function (e) {
  document.documentElement.setAttribute("data-rendered", "error: " + e.message);
});
</script></body></html>`
	out, fetched := chromium(t, writePage(t, page), "--dump-dom", "--virtual-time-budget=10000")
	if len(fetched) > 0 {
		t.Errorf("Mermaid asked the network for %q", fetched)
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := attr(elements(doc, "html")[0], "data-rendered"); got != "ok" {
		t.Fatalf("Mermaid did not draw the chart (%q):\n%s", got, chart)
	}
	for _, class := range []string{"bar-plot-0", "bar-plot-1"} {
		var bars int
		walk(doc, func(n *html.Node) {
			if hasClass(n, class) {
				bars += len(elements(n, "rect"))
			}
		})
		// a/Dockerfile and the hostile file have estimates.
		if bars != 2 {
			t.Errorf("%s has %d bars, want 2:\n%s", class, bars, chart)
		}
	}
	var labels []string
	for _, n := range elements(doc, "text") {
		labels = append(labels, text(n))
	}
	for _, want := range []string{"a", `x 'q' [b], c; ‹d› %% e`, "Estimated image size (MB): before and after"} {
		if !slices.Contains(labels, want) {
			t.Errorf("no label %q in the chart's texts %q", want, labels)
		}
	}
}
