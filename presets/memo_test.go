package presets

import (
	"strings"
	"testing"
)

// A text whose slot another text holds is a miss, not that text's value;
// an equal text made anew is the same key.
func TestTextMemo(t *testing.T) {
	var m textMemo[int]
	var b strings.Builder
	for i := range 1 << 15 {
		b.WriteByte(byte('a' + i%26))
	}
	s := b.String()
	k1 := s[:9]
	m.put(k1, 1)
	if v, ok := m.get(k1); !ok || v != 1 {
		t.Fatalf("get(k1) = %v, %v", v, ok)
	}
	if v, ok := m.get(strings.Clone(k1)); ok && v != 1 {
		t.Fatalf("get(copy of k1) = %v", v)
	}
	collided := false
	for i := 1; i+9 <= len(s); i++ {
		k2 := s[i : i+9]
		if m.slot(k2) != m.slot(k1) || k2 == k1 {
			continue
		}
		collided = true
		if v, ok := m.get(k2); ok {
			t.Fatalf("get(%q) = %v, a hit on %q's slot", k2, v, k1)
		}
	}
	if !collided {
		t.Fatal("no text shares k1's slot: the test checks nothing")
	}
}
