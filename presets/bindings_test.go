package presets

import "testing"

// The node preset's programs.bindings: a call whose expression is a name
// a const binds to a literal runs that literal's program, unless the
// const's block closes first or the name may be bound anew in between
// (review 5, finding J).
func TestNodeProgramBindings(t *testing.T) {
	pr := builtinPreset(t, "node").Programs
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
		{"an earlier call passing it on", "const bin = 'sox';\nconsole.log(bin);\nif (x) {\n  f(a, bin);\n}\nspawn(bin, ['-n']);\n", "sox", ""},
		{"a function parameter", "const bin = 'sox';\nfunction g(a, bin) {\n  spawn(bin, []);\n}\n", "", "bin"},
		{"a method parameter", "const bin = 'sox';\nclass A {\n  run(bin) {\n    spawn(bin, []);\n  }\n}\n", "", "bin"},
		{"a destructuring", "const bin = 'sox';\n{\n  const { bin } = opts;\n  spawn(bin, []);\n}\n", "", "bin"},
		{"a catch", "const bin = 'sox';\ntry {\n  x();\n} catch (bin) {\n  spawn(bin, []);\n}\n", "", "bin"},
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

// A const bound to an environment variable (review 6, finding I): the
// call keeps its expression and names the variable, with the fallback
// literal when there is one.
func TestNodeProgramEnvBindings(t *testing.T) {
	pr := builtinPreset(t, "node").Programs
	head := "const { spawn } = require(\"child_process\");\n"
	cases := []envCase{
		{"require fallback", "const ff = process.env.FFMPEG_PATH || require('ffmpeg-static');\nspawn(ff, []);\n", "", "ff", "FFMPEG_PATH"},
		{"literal fallback", "const ff = process.env.FFMPEG_PATH ?? 'ffmpeg';\nspawn(ff, []);\n", "ffmpeg", "ff", "FFMPEG_PATH"},
		{"alone", "const ff = process.env.FFMPEG_PATH\nspawn(ff, []);\n", "", "ff", "FFMPEG_PATH"},
		{"a path built on it", "const ff = process.env.DIR + '/ffmpeg';\nspawn(ff, []);\n", "", "ff", ""},
		{"a second variable: A when set, else unnamed", "const ff = process.env.A || process.env.B;\nspawn(ff, []);\n", "", "ff", "A"},
		{"the nearer literal binding", "const ff = process.env.A || 'x';\n{\n  const ff = 'sox';\n  spawn(ff, []);\n}\n", "sox", "", ""},
	}
	checkEnvCalls(t, pr, head, cases)
}

// The go preset's binding to os.Getenv: only a declaration that is not
// assigned again before the call (review 6, finding I).
func TestGoProgramEnvBindings(t *testing.T) {
	pr := builtinPreset(t, "go").Programs
	head := "package main\n\nimport \"os/exec\"\n\nfunc main() {\n"
	cases := []envCase{
		{"declared and used", "\tbin := os.Getenv(\"FFMPEG_PATH\")\n\t_ = exec.Command(bin, \"-version\").Run()\n}\n", "", "bin", "FFMPEG_PATH"},
		{"a default assigned", "\tbin := os.Getenv(\"FFMPEG_PATH\")\n\tif bin == \"\" {\n\t\tbin = \"ffmpeg\"\n\t}\n\t_ = exec.Command(bin).Run()\n}\n", "", "bin", ""},
		{"redeclared with another", "\tbin := os.Getenv(\"A\")\n\tbin, err := find()\n\t_ = exec.Command(bin).Run()\n}\n", "", "bin", ""},
		{"more than the variable", "\tbin := os.Getenv(\"DIR\") + \"/ffmpeg\"\n\t_ = exec.Command(bin).Run()\n}\n", "", "bin", ""},
	}
	checkEnvCalls(t, pr, head, cases)
}

// The node preset's writes.sources (review 7, finding A): an SQLite
// database open writes its file, by a literal or by a const bound to a
// literal or to a conditional of literals and such names, unless the
// const's block closes first or the name may be bound anew in between.
func TestNodeWriteBindings(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var ws *WriteSources
	for _, p := range all {
		if p.Name == "node" && p.Writes != nil {
			ws = p.Writes.Sources
		}
	}
	if ws == nil {
		t.Fatal("node preset has no writes.sources")
	}
	cases := []struct {
		name, src string
		want      []string
	}{
		{"sqlite3 literal", "const db = new sqlite3.Database(\"/data/memos.db\");\n", []string{"/data/memos.db"}},
		{"sqlite3 verbose literal", "const db = new (require('sqlite3').verbose().Database)('/x.db');\nnew sqlite3.Database('/data/a.db', mode, cb);\n", []string{"/data/a.db"}},
		{"better-sqlite3 literal", "const db = new Database('/var/lib/n.db', { verbose: console.log });\n", []string{"/var/lib/n.db"}},
		{"memory and empty", "new Database(':memory:');\nnew sqlite3.Database('');\n", nil},
		{"a URL", "const db = new Database('http://localhost:8529');\n", nil},
		{"const literal", "const DB = '/data/app.db';\nconst db = new Database(DB);\n", []string{"/data/app.db"}},
		{"TypeScript annotation", "const DB: string = \"/data/app.db\";\nnew sqlite3.Database(DB, cb);\n", []string{"/data/app.db"}},
		{"ternary of a name and a literal", "const dev = \"/Users/me/memos.db\";\nconst file = process.env.NODE_ENV === \"dev\" ? dev : \"/data/memos.db\";\nnew sqlite3.Database(file);\n", []string{"/Users/me/memos.db", "/data/memos.db"}},
		{"fs call by a const", "const OUT = '/data/out.json';\nfs.writeFileSync(OUT, data);\n", []string{"/data/out.json"}},
		{"let is not for good", "let DB = '/data/app.db';\nnew Database(DB);\n", nil},
		{"block closed before the call", "function a() {\n  const DB = '/data/a.db';\n}\nfunction b(DB) {\n  new Database(DB);\n}\n", nil},
		{"a parameter of the same name", "const DB = '/data/a.db';\nconst open = (DB) => new Database(DB);\n", nil},
		{"const of no literal", "const DB = path.join(dir, 'a.db');\nnew Database(DB);\n", nil},
		{"template with an expression", "const DB = `${dir}/a.db`;\nnew Database(DB);\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ws.Paths([]byte(c.src))
			if len(got) != len(c.want) {
				t.Fatalf("paths %q, want %q", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("paths %q, want %q", got, c.want)
				}
			}
		})
	}
}

// The python preset's bindings to os.environ.get, os.getenv and
// os.environ[...]: a name bound on its own line and not bound again
// before the call (review 6, finding I).
func TestPythonProgramEnvBindings(t *testing.T) {
	pr := builtinPreset(t, "python").Programs
	head := "import os\nimport subprocess\n\n"
	cases := []struct {
		name, src, prog, expr, env string
	}{
		{"get with a default", "ffmpeg = os.environ.get(\"FFMPEG_PATH\", \"ffmpeg\")\nsubprocess.run([ffmpeg, \"-version\"])\n", "ffmpeg", "ffmpeg", "FFMPEG_PATH"},
		{"getenv with a default, single quotes", "bin = os.getenv('BIN', 'git')  # local path\nsubprocess.run([bin])\n", "git", "bin", "BIN"},
		{"subscript", "tool = os.environ[\"TOOL\"]\nsubprocess.run(tool, shell=True)\n", "", "tool", "TOOL"},
		{"no default", "tool = os.environ.get(\"TOOL\")\nsubprocess.run([tool])\n", "", "tool", "TOOL"},
		{"more than the variable", "tool = os.getenv(\"DIR\") + \"/ffmpeg\"\nsubprocess.run([tool])\n", "", "tool", ""},
		{"a default assigned", "tool = os.getenv(\"TOOL\")\nif not tool:\n    tool = \"ffmpeg\"\nsubprocess.run([tool])\n", "", "tool", ""},
		{"a parameter of that name", "tool = os.getenv(\"TOOL\", \"git\")\n\ndef run(tool):\n    subprocess.run([tool])\n", "", "tool", ""},
		{"a for target", "tool = os.getenv(\"TOOL\", \"git\")\nfor tool in TOOLS:\n    subprocess.run([tool])\n", "", "tool", ""},
		{"an earlier call with keywords", "git = os.getenv(\"GIT\", \"git\")\nsubprocess.run([git, \"init\"], check=True)\nsubprocess.run([git, \"status\"], check=True)\n", "git", "git", "GIT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			calls := pr.Find([]byte(head + c.src))
			if len(calls) == 0 {
				t.Fatalf("no calls")
			}
			if g := calls[len(calls)-1]; g.Prog != c.prog || g.Expr != c.expr || g.Env != c.env {
				t.Errorf("prog %q expr %q env %q, want prog %q expr %q env %q", g.Prog, g.Expr, g.Env, c.prog, c.expr, c.env)
			}
		})
	}
}

// envCase is a source whose one program call names a program through
// an environment variable: the call's program, expression and variable.
type envCase struct {
	name, src, prog, expr, env string
}

// checkEnvCalls finds the one program call of each case's source after
// head and compares it with the case.
func checkEnvCalls(t *testing.T, pr *Programs, head string, cases []envCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			calls := pr.Find([]byte(head + c.src))
			if len(calls) != 1 {
				t.Fatalf("calls = %+v, want one", calls)
			}
			if g := calls[0]; g.Prog != c.prog || g.Expr != c.expr || g.Env != c.env {
				t.Errorf("prog %q expr %q env %q, want prog %q expr %q env %q", g.Prog, g.Expr, g.Env, c.prog, c.expr, c.env)
			}
		})
	}
}
