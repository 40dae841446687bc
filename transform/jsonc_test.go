package transform

import (
	"reflect"
	"testing"
)

// TestDecodeJSONC: tsconfig.json's comments and trailing commas are read
// as tsc reads them, while the same characters inside strings stay.
func TestDecodeJSONC(t *testing.T) {
	for _, c := range []struct {
		in   string
		want any // nil: an error
	}{
		{`{"a": 1}`, map[string]any{"a": 1.0}},
		{"{\n // c\n \"a\": \"x//y\", /* d, */ \"b\": [1, 2,],\n}", map[string]any{"a": "x//y", "b": []any{1.0, 2.0}}},
		{`{"a": "/* not a comment */", "b": "q\",}"}`, map[string]any{"a": "/* not a comment */", "b": "q\",}"}},
		{"{\"a\": 1, // last\n}", map[string]any{"a": 1.0}},
		{`{"a": 1,, }`, nil},
		{`{"a": /* open`, nil},
	} {
		got, err := decodeJSONC([]byte(c.in))
		if c.want == nil {
			if err == nil {
				t.Errorf("%q: want an error, got %v", c.in, got)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}
