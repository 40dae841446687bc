package presets

import (
	"iter"
	"maps"
	"slices"
	"strings"

	"github.com/restage/restage/internal/yaml"
)

// Dict is a YAML mapping of names to values, kept as its entries sorted
// by name. The built-in presets (builtin_gen.go) are composite literals
// that the compiler lays out in the binary's data, which it cannot do
// with a Go map: building the presets' maps at every start, each written
// into a page of that data (which the kernel then copies), was a tenth
// of the page faults and a twentieth of the instructions of a one-file
// run.
type Dict[V any] struct {
	// Entries are sorted by name. A struct rather than a slice type,
	// so that ranging over a Dict as over a map (keys) cannot compile.
	Entries []DictEntry[V]
}

// DictEntry is one name of a Dict with its value.
type DictEntry[V any] struct {
	Name  string
	Value V
}

// DictOf returns the entries of m sorted by name; nil for a nil map,
// empty for an empty one (a mapping given as {} is still given).
func DictOf[V any](m map[string]V) Dict[V] {
	if m == nil {
		return Dict[V]{}
	}
	d := Dict[V]{make([]DictEntry[V], 0, len(m))}
	for _, name := range slices.Sorted(maps.Keys(m)) {
		d.Entries = append(d.Entries, DictEntry[V]{name, m[name]})
	}
	return d
}

// Lookup returns the value of name and whether d has it.
func (d Dict[V]) Lookup(name string) (V, bool) {
	i, ok := slices.BinarySearchFunc(d.Entries, name, func(e DictEntry[V], n string) int { return strings.Compare(e.Name, n) })
	if !ok {
		var zero V
		return zero, false
	}
	return d.Entries[i].Value, true
}

// Get returns the value of name, the zero value when d lacks it (as a
// map's index does).
func (d Dict[V]) Get(name string) V {
	v, _ := d.Lookup(name)
	return v
}

// All yields the names and values in name order.
func (d Dict[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for _, e := range d.Entries {
			if !yield(e.Name, e.Value) {
				return
			}
		}
	}
}

// Names returns the names in order.
func (d Dict[V]) Names() []string {
	out := make([]string, len(d.Entries))
	for i, e := range d.Entries {
		out[i] = e.Name
	}
	return out
}

// Len is the number of names.
func (d Dict[V]) Len() int { return len(d.Entries) }

// Given reports whether the mapping was given, even empty ({}).
func (d Dict[V]) Given() bool { return d.Entries != nil }

// UnmarshalYAML reads a mapping as a map would be read (a repeated name
// is an error, as yaml.v3 makes it for a map).
func (d *Dict[V]) UnmarshalYAML(n *yaml.Node) error {
	var m map[string]V
	if err := n.Decode(&m); err != nil {
		return err
	}
	*d = DictOf(m)
	return nil
}

// Map returns the entries as a new map (nil when d was not given).
func (d Dict[V]) Map() map[string]V {
	if d.Entries == nil {
		return nil
	}
	m := make(map[string]V, len(d.Entries))
	for _, e := range d.Entries {
		m[e.Name] = e.Value
	}
	return m
}
