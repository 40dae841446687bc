//go:build editors

// Package editors drives real editors, headless, against the restage binary: Neovim 0.7
// and Emacs 28 with eglot 1.9, as Debian bookworm ships them (install.sh installs them).
// Each test loads one recipe of recipes/ (the text docs/editors.md shows), lets the
// editor save a Dockerfile, and compares the file on disk with what `restage -` prints
// for the same bytes and the same build context. A missing editor fails the test: with
// the build tag set, the editors are what is being tested.
//
// Run: go test -tags editors -count=1 ./e2e/editors/ (see docs/editors.md).
package editors

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const installHint = "run e2e/editors/install.sh (apt-get install neovim emacs-nox elpa-eglot)"

// binDir holds the restage built for this run; it is first on the editors' PATH, so
// the recipes' plain "restage" is this one.
var binDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "restage-editors-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	build := exec.Command("go", "build", "-tags", "urfave_cli_no_docs", "-o", filepath.Join(dir, "restage"), "github.com/restage/restage/cmd/restage")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building restage:", err)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// A fixture is a build context with a single-stage Dockerfile restage converts.
type fixture struct {
	name string
	dir  string // the build context, Dockerfile included; each run gets a copy
	// golden is a reviewed copy of the expected output: restage's output for the
	// fixture must still be it, so that a change in the engine shows up here as
	// such and not as an editor failure.
	golden string
	// contextMatters: the conversion reads the context (here go.mod's cgo module),
	// so an editor that loses the file's folder gets a different result.
	contextMatters bool
	// config is a .restage.yaml written above the fixture's folder (in the folder
	// holding .git), which the result must follow; "" for none.
	config string
}

var converted = []fixture{
	{name: "go-cgo-module", dir: "../../testdata/go/cgo-module-gomod", golden: "../../testdata/go/cgo-module-gomod/want", contextMatters: true},
	// CRLF line endings, non-ASCII comments and values (two- three- and four-byte UTF-8,
	// one character outside the BMP, so UTF-16 columns differ from code points), and
	// a warning at a line.
	{name: "crlf-utf8", dir: "testdata/crlf-utf8", golden: "testdata/crlf-utf8.want"},
	// The same file under a .restage.yaml that asks for the alpine runtime: the
	// editor's restage must find it from the file's folder.
	{name: "config-file", dir: "testdata/crlf-utf8", golden: "testdata/config-file.want", config: "runtime: alpine\n"},
}

// parseError is a Dockerfile restage cannot parse (FORM on line 4).
var parseError = fixture{name: "parse-error", dir: "testdata/parse-error"}

// skipFiles are the golden-case files of testdata/ that are not part of the build
// context a user would have.
var skipFiles = map[string]bool{"want": true, "notes": true, "declined": true, "WHY.md": true, "options.yaml": true}

// A workdir is one fixture copied for one editor run.
type workdir struct {
	file  string // the Dockerfile
	orig  []byte // its bytes before the editor runs
	want  []byte // restage's output for them, with the file's folder as the context
	notes []note // the notes restage gives for them
}

type note struct {
	Line  int    `json:"line"`
	Code  string `json:"code"`
	Level string `json:"level"`
}

// prepare copies the fixture into a fresh folder under a .git (the config lookup stops
// there) and computes what the editor must produce.
func prepare(t *testing.T, fx fixture) *workdir {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if fx.config != "" {
		if err := os.WriteFile(filepath.Join(root, ".restage.yaml"), []byte(fx.config), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dst := filepath.Join(root, fx.name)
	err := filepath.WalkDir(fx.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(fx.dir, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if skipFiles[rel] {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	w := &workdir{file: filepath.Join(dst, "Dockerfile")}
	if w.orig, err = os.ReadFile(w.file); err != nil {
		t.Fatal(err)
	}
	if fx.golden == "" {
		return w
	}
	w.want = restage(t, w.orig, "--quiet", "--stdin-filename", w.file, "-")
	golden, err := os.ReadFile(fx.golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.want, golden) {
		t.Fatalf("restage's output for %s is no longer %s: update the fixture after reading the difference\n%s", fx.dir, fx.golden, w.want)
	}
	if bytes.Equal(w.want, w.orig) {
		t.Fatalf("%s: restage leaves it unchanged; the fixture must convert", fx.dir)
	}
	if fx.config != "" {
		if plain := restage(t, w.orig, "--quiet", "--no-config", "--stdin-filename", w.file, "-"); bytes.Equal(plain, w.want) {
			t.Fatalf("%s: the result does not depend on the config file; the fixture must", fx.dir)
		}
	}
	if fx.contextMatters {
		if bare := restage(t, w.orig, "--quiet", "-"); bytes.Equal(bare, w.want) {
			t.Fatalf("%s: the result does not depend on the build context; the fixture must", fx.dir)
		}
	}
	var recs []struct {
		Notes []note `json:"notes"`
	}
	if err := json.Unmarshal(restage(t, w.orig, "--json", "--stdin-filename", w.file, "-"), &recs); err != nil || len(recs) != 1 {
		t.Fatalf("restage --json: %v %v", recs, err)
	}
	w.notes = recs[0].Notes
	return w
}

// declined is the first converted fixture with its Dockerfile replaced by restage's
// output for it: already multi-stage, so restage leaves it as it is.
func declined(t *testing.T) *workdir {
	t.Helper()
	w := prepare(t, converted[0])
	w.orig = w.want
	if err := os.WriteFile(w.file, w.orig, 0o644); err != nil {
		t.Fatal(err)
	}
	if again := restage(t, w.orig, "--quiet", "--stdin-filename", w.file, "-"); !bytes.Equal(again, w.orig) {
		t.Fatalf("restage changes its own output:\n%s", again)
	}
	return w
}

// restage runs the binary under test on stdin and returns its stdout; a non-zero exit
// fails the test.
func restage(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(filepath.Join(binDir, "restage"), args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("restage %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// fromLine is the 0-based line of the first FROM instruction.
func fromLine(t *testing.T, src []byte) int {
	t.Helper()
	for i, l := range strings.Split(string(src), "\n") {
		if f := strings.Fields(l); len(f) > 0 && strings.EqualFold(f[0], "FROM") {
			return i
		}
	}
	t.Fatal("no FROM line")
	return 0
}

// editorEnv is the environment of an editor run: this restage first on PATH, a home of
// its own so that no user configuration is read, a UTF-8 locale.
func editorEnv(t *testing.T, extra ...string) (env []string, home string) {
	home = t.TempDir()
	env = append(os.Environ(),
		"PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_STATE_HOME="+filepath.Join(home, ".local", "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"LANG=C.UTF-8", "LC_ALL=C.UTF-8",
	)
	return append(env, extra...), home
}

// requireEditor fails the test when the editor is not installed.
func requireEditor(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s not found: %s", name, installHint)
	}
}

// runEditor runs an editor with a deadline (an editor waiting for input would
// otherwise hang the suite) and returns its combined output.
func runEditor(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdin = nil
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("%s did not finish in 60 s:\n%s", name, out)
	}
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// nvim runs Neovim headless, without user config, shada or swap files, with a Lua
// driver from scripts/.
func nvim(t *testing.T, dir string, env []string, driver string, args ...string) string {
	t.Helper()
	requireEditor(t, "nvim")
	abs, err := filepath.Abs(filepath.Join("scripts", driver))
	if err != nil {
		t.Fatal(err)
	}
	argv := append([]string{"--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + abs}, args...)
	return runEditor(t, dir, env, "nvim", argv...)
}

// emacs runs Emacs in batch mode (no user init; Debian's site-start activates
// elpa-eglot) with a driver from scripts/.
func emacs(t *testing.T, dir string, env []string, driver string, args ...string) string {
	t.Helper()
	requireEditor(t, "emacs")
	abs, err := filepath.Abs(filepath.Join("scripts", driver))
	if err != nil {
		t.Fatal(err)
	}
	return runEditor(t, dir, env, "emacs", append([]string{"--batch", "-l", abs}, args...)...)
}

func recipe(t *testing.T, name string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("recipes", name))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// readResult decodes the JSON a driver wrote.
func readResult(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the driver wrote no result: %v", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("the driver's result %s: %v", b, err)
	}
}

func checkFile(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the saved file differs from restage's output\n--- got\n%q\n--- want\n%q", got, want)
	}
}

// fileURI is the URI an LSP client sends for path.
func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// --- Format on save through stdin, no language server ---

type nvimFormatResult struct {
	Error      string     `json:"error"`
	Before     []string   `json:"before"`
	After      []string   `json:"after"`
	Fileformat string     `json:"fileformat"`
	Modified   bool       `json:"modified"`
	Notes      []nvimNote `json:"notes"`
}

type nvimNote struct {
	Msg string `json:"msg"`
}

func TestNeovimFormatOnSaveStdin(t *testing.T) {
	for _, fx := range converted {
		t.Run(fx.name, func(t *testing.T) {
			w := prepare(t, fx)
			out := filepath.Join(t.TempDir(), "result.json")
			env, _ := editorEnv(t, "RECIPE="+recipe(t, "restage-format.lua"), "OUT="+out)
			log := nvim(t, filepath.Dir(w.file), env, "nvim_format.lua", w.file)
			var r nvimFormatResult
			readResult(t, out, &r)
			if r.Error != "" || len(r.Notes) > 0 {
				t.Fatalf("driver error %q, notes %v\n%s", r.Error, r.Notes, log)
			}
			checkFile(t, w.file, w.want)
			if r.Modified {
				t.Errorf("the buffer is modified after the save")
			}
		})
	}
	// A file restage declines (here already multi-stage) comes back as it is: the
	// buffer is not touched, the file is saved unchanged.
	t.Run("declined", func(t *testing.T) {
		w := declined(t)
		out := filepath.Join(t.TempDir(), "result.json")
		env, _ := editorEnv(t, "RECIPE="+recipe(t, "restage-format.lua"), "OUT="+out)
		log := nvim(t, filepath.Dir(w.file), env, "nvim_format.lua", w.file)
		var r nvimFormatResult
		readResult(t, out, &r)
		if r.Error != "" || len(r.Notes) > 0 {
			t.Fatalf("driver error %q, notes %v\n%s", r.Error, r.Notes, log)
		}
		checkFile(t, w.file, w.orig)
	})
	t.Run(parseError.name, func(t *testing.T) {
		w := prepare(t, parseError)
		out := filepath.Join(t.TempDir(), "result.json")
		env, _ := editorEnv(t, "RECIPE="+recipe(t, "restage-format.lua"), "OUT="+out)
		log := nvim(t, filepath.Dir(w.file), env, "nvim_format.lua", w.file)
		var r nvimFormatResult
		readResult(t, out, &r)
		if r.Error != "" {
			t.Fatalf("driver error %q\n%s", r.Error, log)
		}
		// The buffer and the file stay as they were; the error is shown, not pasted.
		if strings.Join(r.After, "\n") != strings.Join(r.Before, "\n") {
			t.Errorf("the buffer changed: %q", r.After)
		}
		checkFile(t, w.file, w.orig)
		if len(r.Notes) != 1 || !strings.Contains(r.Notes[0].Msg, ":4: unknown instruction: FORM") {
			t.Errorf("want one message naming line 4's error, got %v", r.Notes)
		}
	})
}

type emacsFormatResult struct {
	Error    string `json:"error"`
	Mode     string `json:"mode"`
	Coding   string `json:"coding"`
	Before   string `json:"before"`
	After    string `json:"after"`
	Modified bool   `json:"modified"`
}

func TestEmacsFormatOnSaveStdin(t *testing.T) {
	for _, fx := range converted {
		t.Run(fx.name, func(t *testing.T) {
			w := prepare(t, fx)
			out := filepath.Join(t.TempDir(), "result.json")
			env, _ := editorEnv(t, "RECIPE="+recipe(t, "restage-format.el"), "OUT="+out)
			log := emacs(t, filepath.Dir(w.file), env, "emacs_format.el", w.file)
			var r emacsFormatResult
			readResult(t, out, &r)
			if r.Error != "" {
				t.Fatalf("driver error %q\n%s", r.Error, log)
			}
			if r.Mode != "dockerfile-mode" {
				t.Errorf("major mode %q", r.Mode)
			}
			checkFile(t, w.file, w.want)
			if r.Modified {
				t.Errorf("the buffer is modified after the save")
			}
		})
	}
	t.Run("declined", func(t *testing.T) {
		w := declined(t)
		out := filepath.Join(t.TempDir(), "result.json")
		env, _ := editorEnv(t, "RECIPE="+recipe(t, "restage-format.el"), "OUT="+out)
		log := emacs(t, filepath.Dir(w.file), env, "emacs_format.el", w.file)
		var r emacsFormatResult
		readResult(t, out, &r)
		if r.Error != "" {
			t.Fatalf("driver error %q\n%s", r.Error, log)
		}
		if r.After != r.Before {
			t.Errorf("the buffer changed: %q", r.After)
		}
		checkFile(t, w.file, w.orig)
	})
	t.Run(parseError.name, func(t *testing.T) {
		w := prepare(t, parseError)
		out := filepath.Join(t.TempDir(), "result.json")
		env, _ := editorEnv(t, "RECIPE="+recipe(t, "restage-format.el"), "OUT="+out)
		log := emacs(t, filepath.Dir(w.file), env, "emacs_format.el", w.file)
		var r emacsFormatResult
		readResult(t, out, &r)
		if r.Error != "" {
			t.Fatalf("driver error %q\n%s", r.Error, log)
		}
		if r.After != r.Before {
			t.Errorf("the buffer changed: %q", r.After)
		}
		checkFile(t, w.file, w.orig)
		// Batch Emacs prints messages on stderr.
		if !strings.Contains(log, "restage: ") || !strings.Contains(log, ":4: unknown instruction: FORM") {
			t.Errorf("the error is not shown:\n%s", log)
		}
	})
}

// --- The language server (restage lsp) with real clients ---

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspDiagnostic struct {
	Range struct {
		Start lspPosition `json:"start"`
		End   lspPosition `json:"end"`
	} `json:"range"`
	Severity int             `json:"severity"`
	Code     json.RawMessage `json:"code"`
	Source   string          `json:"source"`
	Message  string          `json:"message"`
}

// code is the diagnostic's code as text (LSP allows a number or a string).
func (d lspDiagnostic) code() string {
	var s string
	if json.Unmarshal(d.Code, &s) == nil {
		return s
	}
	return string(d.Code)
}

type publication struct {
	URI         string          `json:"uri"`
	Diagnostics []lspDiagnostic `json:"diagnostics"`
}

type codeAction struct {
	Title string `json:"title"`
	Kind  string `json:"kind"`
	Edit  *struct {
		Changes         map[string]json.RawMessage `json:"changes"`
		DocumentChanges []struct {
			TextDocument struct {
				URI string `json:"uri"`
			} `json:"textDocument"`
			Edits json.RawMessage `json:"edits"`
		} `json:"documentChanges"`
	} `json:"edit"`
}

type lspResult struct {
	Error     string        `json:"error"`
	Published []publication `json:"published"`
	Actions   []codeAction  `json:"actions"`
	Clients   int           `json:"clients"`
	// Negotiated is the position encoding the server chose, when the driver offered
	// UTF-8.
	Negotiated string `json:"negotiated"`
	Modified   any    `json:"modified"`
}

const splitTitle = "Split into a build stage and a runtime stage (restage)"

// samePath: the URIs a client sends and a server sends back may differ in escaping.
func samePath(uri, path string) bool {
	u, err := url.Parse(uri)
	return err == nil && u.Scheme == "file" && filepath.Clean(u.Path) == filepath.Clean(path)
}

// lastDiagnostics are the diagnostics last published for path that were not empty.
func lastDiagnostics(pubs []publication, path string) []lspDiagnostic {
	var last []lspDiagnostic
	for _, p := range pubs {
		if samePath(p.URI, path) && len(p.Diagnostics) > 0 {
			last = p.Diagnostics
		}
	}
	return last
}

// checkDiagnostics: one hint with code "split" on the FROM line, and one warning per
// restage warning, at its line, with its code; nothing else.
func checkDiagnostics(t *testing.T, pubs []publication, w *workdir) {
	t.Helper()
	diags := lastDiagnostics(pubs, w.file)
	from := fromLine(t, w.orig)
	var split []lspDiagnostic
	warnings := map[string]lspDiagnostic{}
	for _, d := range diags {
		if d.Source != "restage" {
			t.Errorf("diagnostic with source %q: %+v", d.Source, d)
		}
		switch {
		case d.code() == "split":
			split = append(split, d)
		case d.Severity == 2 && strings.HasPrefix(d.code(), "RS3"):
			warnings[d.code()] = d
		default:
			t.Errorf("unexpected diagnostic %+v (code %s)", d, d.code())
		}
	}
	if len(split) != 1 {
		t.Fatalf("want one split hint, got %d in %+v", len(split), diags)
	}
	if d := split[0]; d.Severity != 4 || d.Range.Start.Line != from || !strings.HasPrefix(d.Message, "restage can split this Dockerfile") {
		t.Errorf("split hint: severity %d (want 4), line %d (want %d), message %q", d.Severity, d.Range.Start.Line, from, d.Message)
	}
	n := 0
	for _, nt := range w.notes {
		if nt.Level != "warning" {
			continue
		}
		n++
		d, ok := warnings[nt.Code]
		if !ok {
			t.Errorf("no diagnostic for restage's warning %s (line %d)", nt.Code, nt.Line)
		} else if nt.Line > 0 && d.Range.Start.Line != nt.Line-1 {
			t.Errorf("warning %s at line %d, want %d", nt.Code, d.Range.Start.Line, nt.Line-1)
		}
	}
	if len(warnings) != n {
		t.Errorf("%d warning diagnostics, restage has %d warnings", len(warnings), n)
	}
}

// checkActions: the quickfix with its title and an edit for the file, and the
// source.fixAll.restage action with the same edit. The edit is edit.changes[uri], or
// edit.documentChanges for a client that takes them.
func checkActions(t *testing.T, actions []codeAction, path string, wantQuickfix bool) {
	t.Helper()
	edits := func(a codeAction) json.RawMessage {
		if a.Edit == nil {
			return nil
		}
		for uri, e := range a.Edit.Changes {
			if samePath(uri, path) {
				return e
			}
		}
		// A client that advertises workspace.workspaceEdit.documentChanges (eglot)
		// gets them instead.
		for _, dc := range a.Edit.DocumentChanges {
			if samePath(dc.TextDocument.URI, path) {
				return dc.Edits
			}
		}
		return nil
	}
	var quick, fixAll *codeAction
	for i, a := range actions {
		switch {
		case a.Kind == "quickfix" && a.Title == splitTitle:
			quick = &actions[i]
		case a.Kind == "source.fixAll.restage":
			fixAll = &actions[i]
		}
	}
	if fixAll == nil || edits(*fixAll) == nil {
		t.Fatalf("no source.fixAll.restage action with an edit of the file in %+v", actions)
	}
	if !wantQuickfix {
		return
	}
	if quick == nil || edits(*quick) == nil {
		t.Fatalf("no quickfix %q with an edit of the file in %+v", splitTitle, actions)
	}
	var a, b any
	if json.Unmarshal(edits(*quick), &a) != nil || json.Unmarshal(edits(*fixAll), &b) != nil || fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the quickfix and source.fixAll.restage edits differ:\n%s\n%s", edits(*quick), edits(*fixAll))
	}
}

// logOnFailure prints a client's log of the messages when the test fails.
// nvimLSP runs the Neovim language-server driver (scripts/nvim_lsp.lua with
// the recipe restage-lsp.lua) on w's file with env (MODE and what it
// needs) and returns what the driver saw; a driver error fails the test,
// with the client's log.
func nvimLSP(t *testing.T, w *workdir, env ...string) lspResult {
	t.Helper()
	out := filepath.Join(t.TempDir(), "result.json")
	e, home := editorEnv(t, append([]string{"RECIPE=" + recipe(t, "restage-lsp.lua"), "OUT=" + out, "FILE=" + w.file}, env...)...)
	logOnFailure(t, filepath.Join(home, ".cache", "nvim", "lsp.log"))
	log := nvim(t, filepath.Dir(w.file), e, "nvim_lsp.lua")
	var r lspResult
	readResult(t, out, &r)
	if r.Error != "" {
		t.Fatalf("driver error %q\n%s", r.Error, log)
	}
	return r
}

func logOnFailure(t *testing.T, path string) {
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Logf("no client log at %s: %v", path, err)
			return
		}
		if len(b) > 20000 {
			b = b[len(b)-20000:]
		}
		t.Logf("client log %s (tail):\n%s", path, b)
	})
}

func TestNeovimLSP(t *testing.T) {
	for _, fx := range converted {
		for _, mode := range []string{"format", "action"} {
			t.Run(fx.name+"/"+mode, func(t *testing.T) {
				w := prepare(t, fx)
				r := nvimLSP(t, w, "MODE="+mode, fmt.Sprintf("FROM_LINE=%d", fromLine(t, w.orig)))
				checkDiagnostics(t, r.Published, w)
				if mode == "action" {
					checkActions(t, r.Actions, w.file, true)
				}
				checkFile(t, w.file, w.want)
			})
		}
	}
	// UTF-8 positions, offered the one way Neovim 0.7 can (clangd's offsetEncoding):
	// the server must answer utf-8 and send its edits in UTF-8 columns; the CRLF
	// fixture has an edit after a four-byte character, where the two disagree.
	for _, mode := range []string{"format", "action"} {
		t.Run("utf-8/"+mode, func(t *testing.T) {
			w := prepare(t, converted[1])
			r := nvimLSP(t, w, "MODE="+mode, fmt.Sprintf("FROM_LINE=%d", fromLine(t, w.orig)), "OFFER_UTF8=1")
			if r.Negotiated != "utf-8" {
				t.Errorf("negotiated %q, want utf-8", r.Negotiated)
			}
			checkFile(t, w.file, w.want)
		})
	}
	// workspace/didChangeConfiguration from a real client: a new runtime converts
	// the open file again (the hint names the new image), and format on save
	// then gives what the command gives with that runtime.
	t.Run("didChangeConfiguration", func(t *testing.T) {
		w := prepare(t, converted[1])
		want := restage(t, w.orig, "--quiet", "--runtime", "alpine", "--stdin-filename", w.file, "-")
		image := ""
		for _, l := range strings.Split(string(want), "\n") {
			if l = strings.TrimSuffix(l, "\r"); strings.HasPrefix(l, "FROM ") && !strings.Contains(l, " AS ") {
				image = strings.TrimPrefix(l, "FROM ")
			}
		}
		if !strings.Contains(image, "alpine") || bytes.Equal(want, w.want) {
			t.Fatalf("the fixture's alpine conversion: runtime %q\n%s", image, want)
		}
		nvimLSP(t, w, "MODE=config", "RUNTIME=alpine", "WANT_IMAGE="+image)
		checkFile(t, w.file, want)
	})
	// A file restage declines (already multi-stage) and one it cannot parse: no
	// diagnostics (declines are quiet by default), and formatting leaves them alone.
	quiet := []struct {
		name string
		w    func(*testing.T) *workdir
	}{
		{"declined", declined},
		{"parse-error", func(t *testing.T) *workdir { return prepare(t, parseError) }},
	}
	for _, q := range quiet {
		t.Run(q.name, func(t *testing.T) {
			w := q.w(t)
			r := nvimLSP(t, w, "MODE=quiet", "WAIT_MS=1500")
			if r.Clients != 1 {
				t.Errorf("%d clients attached, want 1", r.Clients)
			}
			if d := lastDiagnostics(r.Published, w.file); len(d) > 0 {
				t.Errorf("diagnostics for a file restage leaves alone: %+v", d)
			}
			checkFile(t, w.file, w.orig)
		})
	}
}

func TestEmacsEglot(t *testing.T) {
	for _, fx := range converted {
		for _, mode := range []string{"format", "action"} {
			t.Run(fx.name+"/"+mode, func(t *testing.T) {
				w := prepare(t, fx)
				dir := t.TempDir()
				out, events := filepath.Join(dir, "result.json"), filepath.Join(dir, "events.log")
				env, _ := editorEnv(t, "RECIPE="+recipe(t, "restage-eglot.el"), "OUT="+out, "EVENTS="+events, "MODE="+mode)
				logOnFailure(t, events)
				log := emacs(t, filepath.Dir(w.file), env, "emacs_eglot.el", w.file)
				var r lspResult
				readResult(t, out, &r)
				if r.Error != "" {
					t.Fatalf("driver error %q\n%s", r.Error, log)
				}
				checkDiagnostics(t, r.Published, w)
				if mode == "action" {
					// The driver asks for source.fixAll.restage only (eglot's
					// quickfix needs flymake's diagnostics, and flymake does not run
					// in batch mode); Neovim checks the quickfix.
					checkActions(t, r.Actions, w.file, false)
				}
				checkFile(t, w.file, w.want)
			})
		}
	}
}
