package main

import (
	"bufio"
	"os"
	"os/exec"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestArchitecture holds every package to the import rules that
// ARCHITECTURE.md states, read from its table, so that the document and
// the code cannot drift apart. A rule on a package of this module
// ("verify", "cmd/...") is checked against everything the package
// depends on, directly or not; a rule on another import path ("os/exec",
// "net") against its own imports only, since BuildKit's parser itself
// imports os.
func TestArchitecture(t *testing.T) {
	rules := architectureRules(t, "../../ARCHITECTURE.md")
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \",\"}}|{{join .Deps \",\"}}", "../../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const module = "github.com/restage/restage/"
	listed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.Split(line, "|")
		pkg := strings.TrimPrefix(parts[0], module)
		listed[pkg] = true
		imports, deps := strings.Split(parts[1], ","), strings.Split(parts[2], ",")
		never, ok := rules[pkg]
		if !ok {
			t.Errorf("package %s is not in ARCHITECTURE.md's table", pkg)
			continue
		}
		for _, rule := range never {
			inModule := !strings.Contains(strings.Split(rule, "/")[0], ".") && !isStd(rule)
			against := imports
			if inModule {
				against = deps
			}
			for _, imp := range against {
				name := imp
				if inModule {
					if !strings.HasPrefix(imp, module) {
						continue
					}
					name = strings.TrimPrefix(imp, module)
				}
				if matchRule(rule, name) {
					t.Errorf("%s imports %s, which ARCHITECTURE.md says it must never import (%s)", pkg, imp, rule)
				}
			}
		}
	}
	for pkg := range rules {
		if !listed[pkg] {
			t.Errorf("ARCHITECTURE.md names package %s, which does not exist", pkg)
		}
	}
}

// stdRoots are the first elements of the standard library paths the rules
// name; anything else without a dot is a package of this module.
var stdRoots = []string{"os", "net", "io", "syscall", "testing", "fmt", "regexp"}

func isStd(p string) bool { return slices.Contains(stdRoots, strings.Split(p, "/")[0]) }

func matchRule(rule, name string) bool {
	if prefix, ok := strings.CutSuffix(rule, "/..."); ok {
		return name == prefix || strings.HasPrefix(name, prefix+"/")
	}
	return name == rule
}

var codeSpan = regexp.MustCompile("`([^`]+)`")

// architectureRules reads the package table: | `pkg` | owns | `a`, `b` |.
func architectureRules(t *testing.T, file string) map[string][]string {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rules := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "|")
		if len(cells) != 5 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		pkg := codeSpan.FindStringSubmatch(cells[1])
		if pkg == nil {
			continue
		}
		var never []string
		for _, m := range codeSpan.FindAllStringSubmatch(cells[3], -1) {
			never = append(never, path.Clean(m[1]))
		}
		rules[strings.TrimSuffix(pkg[1], "/")] = never
	}
	if len(rules) == 0 {
		t.Fatalf("%s has no package table", file)
	}
	return rules
}
