package presets

import "testing"

// The node preset's programs.bindings: a call whose expression is a name
// a const binds to a literal runs that literal's program, unless the
// const's block closes first or the name may be bound anew in between
// (review 5, finding J).
func TestNodeProgramBindings(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var pr *Programs
	for _, p := range all {
		if p.Name == "node" {
			pr = p.Programs
		}
	}
	if pr == nil || pr.Bindings == nil {
		t.Fatal("node preset has no programs.bindings")
	}
	head := "const { exec, spawn } = require(\"child_process\");\n"
	cases := []struct {
		name, src, prog, expr string
	}{
		{"template in the same function", "function f(x) {\n  const cmd = `ffmpeg -i \"${x}\"`;\n  exec(cmd, cb);\n}\n", "ffmpeg", ""},
		{"TypeScript annotation", "const cmd: string = `magick convert a b`;\nexec(cmd);\n", "magick", ""},
		{"string, spawn", "const bin = 'sox';\nspawn(bin, ['-n']);\n", "sox", ""},
		{"nested block holds the call", "const cmd = \"git status\";\nif (x) {\n  exec(cmd);\n}\n", "git", ""},
		{"block closed before the call", "function a() {\n  const cmd = `ffprobe x`;\n}\nfunction b(cmd) {\n  exec(cmd);\n}\n", "", "cmd"},
		{"parameter of the same name", "const cmd = `ffmpeg`;\nconst run = (cmd) => exec(cmd);\n", "", "cmd"},
		{"let of the same name", "const cmd = `ffmpeg`;\n{\n  let cmd = other();\n  exec(cmd);\n}\n", "", "cmd"},
		{"const of no literal", "const tool = path.join(__dirname, 'tool');\nspawn(tool, []);\n", "", "tool"},
		{"template starting with an expression", "const cmd = `${bin} -i x`;\nexec(cmd);\n", "", "cmd"},
		{"let binding is not for good", "let cmd = 'ffmpeg';\nexec(cmd);\n", "", "cmd"},
		{"a member, not a name", "const cmd = 'ffmpeg';\nexec(job.cmd);\n", "", "job.cmd"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var calls []ProgramCall
			for _, call := range pr.Find([]byte(head + c.src)) {
				if call.Prog != "sh" { // exec's shell: TestNodeShellCalls
					calls = append(calls, call)
				}
			}
			if len(calls) != 1 {
				t.Fatalf("calls = %+v, want one", calls)
			}
			if calls[0].Prog != c.prog || calls[0].Expr != c.expr {
				t.Errorf("prog %q expr %q, want prog %q expr %q", calls[0].Prog, calls[0].Expr, c.prog, c.expr)
			}
		})
	}
}
