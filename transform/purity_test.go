package transform

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestFactsReadOnly: what analysis found is not modified by the later
// phases, and only planning makes notes. Over every golden case, the facts are dumped in full right after
// analyse and again after plan, render and check have run; any write a later
// phase makes to them (a field set, an element appended, a value changed
// through a pointer into them) makes the two dumps differ.
func TestFactsReadOnly(t *testing.T) {
	builtin, err := builtinPresets()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			s, err := parseSource(c.Input)
			if err != nil {
				t.Fatal(err)
			}
			presets := c.Options.Presets
			if presets == nil {
				presets = builtin
			}
			f, err := analyse(s, c.Options, presets)
			if err != nil {
				return // declined in analysis: nothing runs after it
			}
			before := deepDump(f)
			if runAfterAnalysis(f) {
				t.Errorf("render or check made a note; notes are decided in plan")
			}
			if after := deepDump(f); after != before {
				t.Errorf("a phase after analyse modified the facts:\n%s", textDiff("facts after analyse", "facts after check", []byte(before), []byte(after)))
			}
		})
	}
}

// TestDeepDump makes sure the dump sees the kinds of change the test above
// is for.
func TestDeepDump(t *testing.T) {
	type inner struct{ n int }
	type outer struct {
		p    *inner
		list []*inner
		vals []inner
		m    map[string]bool
	}
	a := &inner{1}
	mk := func() *outer {
		return &outer{p: a, list: []*inner{a}, vals: []inner{{2}}, m: map[string]bool{"x": true}}
	}
	for name, change := range map[string]func(o *outer){
		"through a pointer":  func(o *outer) { o.p.n = 5 },
		"appended":           func(o *outer) { o.list = append(o.list, &inner{1}) },
		"element value":      func(o *outer) { o.vals[0].n = 3 },
		"map entry":          func(o *outer) { o.m["y"] = false },
		"pointer identity":   func(o *outer) { o.list[0] = &inner{1} },
		"pointer set to nil": func(o *outer) { o.p = nil },
	} {
		o := mk()
		before := deepDump(o)
		change(o)
		if deepDump(o) == before {
			t.Errorf("%s: the dump did not change", name)
		}
		a.n = 1
	}
	if deepDump(mk()) != deepDump(mk()) {
		t.Errorf("the dump is not deterministic")
	}
}

// deepDump writes v and everything it reaches, following pointers once
// each (a pointer seen before is written by its number, so that a pointer
// swapped for an equal copy shows too).
func deepDump(v any) string {
	var b strings.Builder
	seen := map[uintptr]int{}
	var dump func(v reflect.Value, depth int)
	dump = func(v reflect.Value, depth int) {
		switch v.Kind() {
		case reflect.Invalid:
			b.WriteString("<invalid>")
		case reflect.Pointer:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			if n, ok := seen[v.Pointer()]; ok {
				fmt.Fprintf(&b, "&#%d", n)
				return
			}
			seen[v.Pointer()] = len(seen)
			fmt.Fprintf(&b, "&#%d=", len(seen)-1)
			dump(v.Elem(), depth)
		case reflect.Interface:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			fmt.Fprintf(&b, "(%s)", v.Elem().Type())
			dump(v.Elem(), depth)
		case reflect.Struct:
			b.WriteString(v.Type().String() + "{\n")
			for i := range v.NumField() {
				fmt.Fprintf(&b, "%s%s: ", strings.Repeat(" ", depth+1), v.Type().Field(i).Name)
				dump(v.Field(i), depth+1)
				b.WriteString("\n")
			}
			b.WriteString(strings.Repeat(" ", depth) + "}")
		case reflect.Slice, reflect.Array:
			if v.Kind() == reflect.Slice && v.IsNil() {
				b.WriteString("nil")
				return
			}
			fmt.Fprintf(&b, "[%d]{", v.Len())
			for i := range v.Len() {
				dump(v.Index(i), depth+1)
				b.WriteString(", ")
			}
			b.WriteString("}")
		case reflect.Map:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			// Keys in a stable order; values dumped after sorting, so
			// that pointer numbering does not depend on map order.
			keys := v.MapKeys()
			sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
			b.WriteString("map{")
			for _, k := range keys {
				fmt.Fprintf(&b, "%v: ", k)
				dump(v.MapIndex(k), depth+1)
				b.WriteString(", ")
			}
			b.WriteString("}")
		case reflect.Func:
			fmt.Fprintf(&b, "func(nil=%v)", v.IsNil())
		case reflect.Chan, reflect.UnsafePointer:
			fmt.Fprintf(&b, "%s", v.Kind())
		case reflect.String:
			fmt.Fprintf(&b, "%q", v.String())
		default:
			fmt.Fprintf(&b, "%v", v)
		}
	}
	dump(reflect.ValueOf(v), 0)
	return b.String()
}

// runAfterAnalysis runs the phases after analyse as Convert does, and
// says whether render or check made a note: only planning may.
func runAfterAnalysis(f *facts) (renderNoted bool) {
	ns := &notes{}
	p, err := makePlan(f, ns)
	if err != nil {
		return false
	}
	planned := len(ns.list)
	stage, err := renderStage(f.src, p)
	if err == nil {
		_ = check(applyEdits(f.src.data, buildEdits(f.src, p, stage)), p)
	}
	return len(ns.list) != planned
}
