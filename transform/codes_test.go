package transform

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// codeRange is the kind each range of codes must have.
var codeRange = map[byte]CodeKind{'1': KindInfo, '2': KindDecline, '3': KindWarning, '9': KindInternal}

var codeForm = regexp.MustCompile(`^RS[1239][0-9][0-9]$`)

func TestCodesRegistry(t *testing.T) {
	seen := map[Code]bool{}
	titles := map[string]Code{}
	for _, c := range Codes() {
		if !codeForm.MatchString(string(c.Code)) {
			t.Errorf("%s: not of the form RSnnn with n in 1, 2, 3 or 9 first", c.Code)
			continue
		}
		if seen[c.Code] {
			t.Errorf("%s: listed twice", c.Code)
		}
		seen[c.Code] = true
		if want := codeRange[c.Code[2]]; c.Kind != want {
			t.Errorf("%s: kind %q, want %q for its range", c.Code, c.Kind, want)
		}
		if c.Title == "" || strings.HasSuffix(c.Title, ".") || strings.ContainsAny(c.Title, "\n|") {
			t.Errorf("%s: title %q: want a short phrase, no final period, no newline or |", c.Code, c.Title)
		}
		if other, ok := titles[c.Title]; ok {
			t.Errorf("%s: same title as %s; a distinct meaning needs a distinct title", c.Code, other)
		}
		titles[c.Title] = c.Code
		if !strings.HasSuffix(c.Help, ".") || strings.ContainsAny(c.Help, "\n|") || strings.Count(c.Help, ". ") > 0 {
			t.Errorf("%s: help %q: want one sentence ending in a period, no newline or |", c.Code, c.Help)
		}
		if got, ok := LookupCode(c.Code); !ok || got != c {
			t.Errorf("LookupCode(%s) = %v, %v", c.Code, got, ok)
		}
	}
	for _, c := range []Code{"RS000", "RS100", "RS999", "", "RS", "RS1010", "rs101"} {
		if _, ok := LookupCode(c); ok {
			t.Errorf("LookupCode finds %q, which is not registered", c)
		}
	}
	// The table is in code order, so that docs/codes.md reads in order.
	if !sort.SliceIsSorted(codes, func(i, j int) bool { return codes[i].Code < codes[j].Code }) {
		t.Error("the codes table is not sorted by code")
	}
}

// TestCodesGolden: every note and decline over the golden cases carries a
// registered code of the kind that matches it.
func TestCodesGolden(t *testing.T) {
	used := map[Code]bool{}
	for _, c := range loadCases(t) {
		res, err := Convert(c.Input, c.Options)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		for _, n := range res.Notes {
			info, ok := LookupCode(n.Code)
			want := map[Level]CodeKind{Info: KindInfo, Warning: KindWarning}[n.Level]
			if !ok || info.Kind != want {
				t.Errorf("%s: note %q has code %q (kind %q), want a registered %s code", c.Name, n, n.Code, info.Kind, want)
			}
			used[n.Code] = true
		}
		info, ok := LookupCode(res.DeclineCode)
		switch {
		case res.Declined == "" && res.DeclineCode != "":
			t.Errorf("%s: DeclineCode %s on a file that is not declined", c.Name, res.DeclineCode)
		case res.Declined != "" && (!ok || info.Kind != KindDecline && info.Kind != KindInternal):
			t.Errorf("%s: decline %q has code %q (kind %q), want a registered decline code", c.Name, res.Declined, res.DeclineCode, info.Kind)
		}
		used[res.DeclineCode] = true
	}
	n := 0
	for _, c := range codes {
		if used[c.Code] {
			n++
		}
	}
	t.Logf("the golden cases produce %d of the %d codes", n, len(codes))
}

// TestCodesAtCallSites reads the engine's source: every note and decline
// is given a code constant that is registered, with the kind the call
// needs. The golden cases do not reach every call; this does.
func TestCodesAtCallSites(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]Code{}
	var parsed []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
					continue
				}
				for i, n := range vs.Names {
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok {
						t.Fatalf("%s: a Code constant must be a literal", n.Name)
					}
					v, _ := strconv.Unquote(lit.Value)
					consts[n.Name] = Code(v)
				}
			}
		}
	}
	for name, c := range consts {
		if _, ok := LookupCode(c); !ok {
			t.Errorf("constant %s = %s is not in the codes table", name, c)
		}
	}
	calls := 0
	check := func(pos token.Pos, arg ast.Expr, kinds ...CodeKind) {
		calls++
		id, ok := arg.(*ast.Ident)
		if !ok {
			t.Errorf("%s: the code must be a constant of codes.go", fset.Position(pos))
			return
		}
		info, ok := LookupCode(consts[id.Name])
		if !ok {
			t.Errorf("%s: %s is not a registered code", fset.Position(pos), id.Name)
			return
		}
		for _, k := range kinds {
			if info.Kind == k {
				return
			}
		}
		t.Errorf("%s: %s (%s) is a %s code, want %v", fset.Position(pos), id.Name, info.Code, info.Kind, kinds)
	}
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				return n.Name.Name != "declinef" // it passes its caller's code on
			case *ast.CallExpr:
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					if fn.Name == "declinef" && len(n.Args) > 0 {
						check(n.Pos(), n.Args[0], KindDecline, KindInternal)
					}
				case *ast.SelectorExpr:
					if fn.Sel.Name == "note" && len(n.Args) > 1 {
						check(n.Pos(), n.Args[1], KindInfo, KindWarning)
					}
				}
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "decline" && len(n.Elts) > 0 {
					check(n.Pos(), n.Elts[0], KindDecline, KindInternal)
				}
			}
			return true
		})
	}
	if calls < len(codes) {
		t.Errorf("found %d note and decline calls, fewer than the %d codes: is the scan still finding them?", calls, len(codes))
	}
}

// codesDocFile is the generated table of codes.
const codesDocFile = "../docs/codes.md"

// codesDoc renders docs/codes.md from the registry.
func codesDoc() string {
	var b strings.Builder
	b.WriteString(`# Note and decline codes

<!-- Generated from transform/codes.go by ` + "`go test ./transform -run CodesDoc -update`" + `; do not edit. -->

Every note and every decline restage reports carries a stable code. A code never changes
meaning once published: a new meaning gets a new code. Match on codes, not on messages, whose
wording may change. The codes appear in ` + "`--json`" + ` (` + "`code`" + ` on each note, ` + "`decline_code`" + ` next to
` + "`declined`" + `), at the end of the stderr lines (` + "`path:line: warning: message [RS304]`" + `) and in
` + "`restage explain`" + `.

| range | kind | meaning |
|---|---|---|
| RS1xx | info | what was changed in the file, and why (stderr shows them with ` + "`-v`" + `) |
| RS2xx | decline | why the file is left unchanged; RS250–RS299 fire on a rule written in a preset, whose reason text comes from the YAML |
| RS3xx | warning | something the result may get wrong at run time; worth a look |
| RS9xx | internal | a bug in restage: the file is left unchanged; please report it with the Dockerfile |

| code | kind | title | meaning |
|---|---|---|---|
`)
	for _, c := range codes {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.Code, c.Kind, c.Title, c.Help)
	}
	return b.String()
}

// TestCodesDoc keeps docs/codes.md equal to the registry.
func TestCodesDoc(t *testing.T) {
	want := codesDoc()
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(codesDocFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(codesDocFile, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(codesDocFile)
	if err != nil {
		t.Fatalf("%v (go test ./transform -run CodesDoc -update writes it)", err)
	}
	if string(got) != want {
		t.Errorf("%s is not the codes table of codes.go; run go test ./transform -run CodesDoc -update:\n%s",
			codesDocFile, textDiff(codesDocFile, "codes.go", got, []byte(want)))
	}
}
