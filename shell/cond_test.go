package shell

import "testing"

// TestCond: a top-level if's or loop's condition always runs when the
// script gets there (Cond); an elif's, a body's and a nested construct's
// condition may not.
func TestCond(t *testing.T) {
	src := `until nc -z db 5432; do sleep 1; done
while pgrep x; do wait1; done
if curl -fs http://db/; then ok1; elif wget -q http://db/; then ok2; fi
for i in 1 2; do if inner; then ok3; fi; done
plain
`
	sc, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"nc": true, "sleep": false, "pgrep": true, "wait1": false, "curl": true, "ok1": false, "wget": false, "ok2": false, "inner": false, "ok3": false, "plain": false}
	seen := 0
	for _, c := range sc.Cmds {
		name := c.Args()[0].Text
		w, ok := want[name]
		if !ok {
			t.Fatalf("unexpected command %q", name)
		}
		seen++
		if c.Cond != w {
			t.Errorf("%s: Cond %v, want %v", name, c.Cond, w)
		}
		if name == "plain" && c.Nested {
			t.Errorf("plain: nested")
		}
	}
	if seen != len(want) {
		t.Errorf("read %d commands, want %d", seen, len(want))
	}
}
