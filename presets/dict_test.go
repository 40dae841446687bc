package presets

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDictFromYAML(t *testing.T) {
	var v struct {
		A Dict[string]   `yaml:"a"`
		B Dict[[]string] `yaml:"b"`
		C Dict[string]   `yaml:"c"`
		D Dict[string]   `yaml:"d"`
	}
	src := "a: {zeta: z, alpha: a, mid: m}\nb: {x: [1, 2]}\nc: {}\n"
	if err := DecodeStrict("t.yaml", []byte(src), &v); err != nil {
		t.Fatal(err)
	}
	if got := v.A.Names(); !slices.Equal(got, []string{"alpha", "mid", "zeta"}) {
		t.Errorf("names %v, want sorted", got)
	}
	if x, ok := v.A.Lookup("mid"); !ok || x != "m" {
		t.Errorf("Lookup(mid) = %q, %v", x, ok)
	}
	if x, ok := v.A.Lookup("beta"); ok || x != "" {
		t.Errorf("Lookup(beta) = %q, %v: want absent", x, ok)
	}
	if v.A.Get("zeta") != "z" || v.A.Get("none") != "" {
		t.Errorf("Get: %q %q", v.A.Get("zeta"), v.A.Get("none"))
	}
	if got := v.B.Get("x"); !slices.Equal(got, []string{"1", "2"}) {
		t.Errorf("B.x = %v", got)
	}
	// {} is given and empty; a missing mapping is not given.
	if !v.C.Given() || v.C.Len() != 0 || v.D.Given() {
		t.Errorf("C given %v len %d, D given %v", v.C.Given(), v.C.Len(), v.D.Given())
	}
	if m := v.A.Map(); !maps.Equal(m, map[string]string{"alpha": "a", "mid": "m", "zeta": "z"}) {
		t.Errorf("Map() = %v", m)
	}
	var keys []string
	for k, x := range v.A.All() {
		keys = append(keys, k+"="+x)
		if k == "mid" {
			break // All stops when asked
		}
	}
	if strings.Join(keys, ",") != "alpha=a,mid=m" {
		t.Errorf("All yielded %v", keys)
	}
}

func TestDictRepeatedName(t *testing.T) {
	var v struct {
		A Dict[string] `yaml:"a"`
	}
	err := DecodeStrict("t.yaml", []byte("a: {k: 1, k: 2}\n"), &v)
	if err == nil || !strings.Contains(err.Error(), `"k" already defined`) {
		t.Fatalf("err = %v, want a repeated-key error", err)
	}
}

// TestSchemaHasNoMaps holds what Dict is for: no field that the
// generator writes holds a Go map, anywhere below Preset, so that the
// compiler lays the built-in presets out in the binary's data and the
// package initialiser builds nothing (a map field would put back about
// 50 page faults and 190K instructions on every run).
func TestSchemaHasNoMaps(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type, path string) []string
	walk = func(typ reflect.Type, path string) []string {
		switch typ.Kind() {
		case reflect.Map:
			return []string{path}
		case reflect.Pointer, reflect.Slice, reflect.Array:
			return walk(typ.Elem(), path+"[]")
		case reflect.Struct:
			if seen[typ] {
				return nil
			}
			seen[typ] = true
			var out []string
			for i := range typ.NumField() {
				f := typ.Field(i)
				if !f.IsExported() || f.Name == "Raw" || f.Name == "Shared" { // not generated
					continue
				}
				out = append(out, walk(f.Type, path+"."+f.Name)...)
			}
			return out
		}
		return nil
	}
	if maps := walk(reflect.TypeFor[Preset](), "Preset"); len(maps) > 0 {
		t.Errorf("fields holding a Go map (use Dict): %v", maps)
	}
}
