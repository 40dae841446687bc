package presets

import (
	"sync/atomic"
	"unsafe"
)

// textMemo sits in front of a sync.Map keyed by a pattern's text
// (regexps, literals). A scan asks for the same few patterns again and
// again (about 150 times a file over a tree of Dockerfiles), nearly
// always with the very string the preset holds, and the sync.Map's
// lookup (hashing the whole text, often hundreds of bytes, and walking
// its trie) was 3% of a tree's instructions. Here a slot is chosen by
// where the text lies in memory and is a hit only when its key equals
// the text (the same string: a comparison of pointers), so a text made
// anew (a pattern with a name put in) misses and is looked up in the
// map as before. Keys are kept alive by their entry, so an address is
// never reused for another text while its entry holds it.
type textMemo[V any] struct {
	slots [1024]atomic.Pointer[textEntry[V]]
}

type textEntry[V any] struct {
	key string
	val V
}

func (m *textMemo[V]) slot(key string) *atomic.Pointer[textEntry[V]] {
	p := uintptr(unsafe.Pointer(unsafe.StringData(key)))
	return &m.slots[(p>>3^p>>13^uintptr(len(key)))%uintptr(len(m.slots))]
}

func (m *textMemo[V]) get(key string) (V, bool) {
	if e := m.slot(key).Load(); e != nil && e.key == key {
		return e.val, true
	}
	var zero V
	return zero, false
}

func (m *textMemo[V]) put(key string, val V) {
	m.slot(key).Store(&textEntry[V]{key, val})
}

// exprMemo keeps the pattern made from a list's pattern with {name}
// standing for the list's names (HomeDeps.expr, BuilderLibs.expr), by
// the list and the pattern, in a fixed number of slots. Made anew at
// every call, the text was a new string each time, so that the
// pattern caches (textMemo) always missed and hashed the whole text,
// hundreds of bytes, in their sync.Map: with making it, 3% of a tree's
// instructions for every RUN word and project file the lists look at.
// The entry holds its owner, so the address is not reused while it is
// kept; a lost slot only makes the text again.
type exprMemo struct {
	slots [256]atomic.Pointer[exprEntry]
}

type exprEntry struct {
	owner   unsafe.Pointer
	pattern string
	expr    string
}

func (m *exprMemo) get(owner unsafe.Pointer, pattern string, make func() string) string {
	p := uintptr(owner) ^ uintptr(unsafe.Pointer(unsafe.StringData(pattern)))
	slot := &m.slots[(p>>3^p>>11)%uintptr(len(m.slots))]
	if e := slot.Load(); e != nil && e.owner == owner && e.pattern == pattern {
		return e.expr
	}
	e := &exprEntry{owner, pattern, make()}
	slot.Store(e)
	return e.expr
}

var nameExprs exprMemo
