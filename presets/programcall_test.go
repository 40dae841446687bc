package presets

import "testing"

// TestProgramCallLine: a call that starts a line is found at that line,
// although the pattern begins with the character before the call, which
// is then the line break (the node preset's exec pattern).
func TestProgramCallLine(t *testing.T) {
	pr := &Programs{Calls: []string{`(?m)(?:^|[^.\w$])(?:exec|execSync)\(\s*['"](?P<prog>[^'"\s]+)`}}
	src := []byte("const x = 1;\nexecSync(\"chmod +x a\");\n")
	calls := pr.Find(src)
	if len(calls) != 1 || calls[0].Prog != "chmod" {
		t.Fatalf("calls %+v", calls)
	}
	if got := src[calls[0].Offset]; got != 'e' {
		t.Errorf("the call starts at %q, want the e of execSync", got)
	}
}

// TestNodeShellCalls: the node preset's calls that run their command
// through a shell (exec, execSync; spawn, spawnSync, execFile and
// execFileSync with shell: true or a shell named) count the shell as a
// program they run, at the call; the same calls without a shell, and
// methods of other objects named exec, do not (brief w2notes, item 3).
func TestNodeShellCalls(t *testing.T) {
	pr := builtinPreset(t, "node").Programs
	head := "const cp = require(\"child_process\");\nconst { exec, execSync, spawn, spawnSync, execFile } = cp;\n"
	cases := []struct {
		name, src, shell string // shell: the program the call needs for it, or ""
	}{
		{"exec of a script", "exec(\"./scripts/run.sh\", cb);\n", "sh"},
		{"execSync of a template", "execSync(`${process.execPath} other.js`);\n", "sh"},
		{"exec of an expression", "exec(cmd);\n", "sh"},
		{"module member", "cp.execSync(\"node other.js\");\n", "sh"},
		{"required inline", "require(\"node:child_process\").exec(\"ls\");\n", "sh"},
		{"spawn with shell: true", "spawn(process.execPath, [\"w.js\"], {\n  stdio: \"inherit\",\n  shell: true,\n});\n", "sh"},
		{"spawnSync with nested parentheses", "spawnSync(bin(x), args.map((a) => q(a)), { shell: true });\n", "sh"},
		{"execFile with /bin/sh named", "execFile(\"x\", [], { shell: \"/bin/sh\" }, cb);\n", "sh"},
		{"spawn with bash named", "spawn(\"x\", { shell: '/bin/bash' });\n", "bash"},
		{"spawn without shell", "spawn(process.execPath, [\"w.js\"], { stdio: \"inherit\" });\n", ""},
		{"spawn with shell: false", "spawnSync(process.execPath, [\"w.js\"], { shell: false });\n", ""},
		{"execFile", "execFile(process.execPath, [\"w.js\"], cb);\n", ""},
		{"shell: true of a later call", "spawn(process.execPath, [\"w.js\"]);\nrun({ shell: true });\n", ""},
		{"a regular expression's exec", "const m = /x/.exec(s);\nconst n = re.exec(s);\n", ""},
		{"a database's exec", "db.exec(\"CREATE TABLE t (x)\");\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(head + c.src)
			var shells []ProgramCall
			for _, call := range pr.Find(src) {
				if call.Prog == "sh" || call.Prog == "bash" {
					shells = append(shells, call)
				}
			}
			if c.shell == "" {
				if len(shells) > 0 {
					t.Fatalf("shell calls %+v, want none", shells)
				}
				return
			}
			if len(shells) != 1 || shells[0].Prog != c.shell {
				t.Fatalf("shell calls %+v, want one of %s", shells, c.shell)
			}
			if shells[0].Offset != len(head) {
				t.Errorf("the call is at %d, want %d (the start of the line)", shells[0].Offset, len(head))
			}
		})
	}
}
