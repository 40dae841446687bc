package presets

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/restage/restage/internal/yaml"

	"github.com/restage/restage/internal/textutil"
)

// Error is a problem in a YAML file, FILE:LINE: message; an odd FILE is
// quoted (textutil.ShowPath), so that the message stays one line.
type Error struct {
	File string
	Line int // 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", textutil.ShowPath(e.File), e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", textutil.ShowPath(e.File), e.Msg)
}

// DecodeStrict decodes the first YAML document of data into v, a pointer
// to a struct. A field v does not have is an error, so a typo never goes
// unnoticed. It returns io.EOF when data holds no document, and errors
// as *Error, worded for the file's author (see YAMLError).
func DecodeStrict(name string, data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if err == nil || errors.Is(err, io.EOF) {
		return err
	}
	return YAMLError(name, data, err, v)
}

// The patterns over yaml.v3's messages are compiled on the first error,
// not at every start.
var (
	// (?s): a value quoted in the message may hold newlines.
	yamlLineRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)^line (\d+): (.*)$`) })
	yamlUnknownRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^field (\S+) not found in type .+$`) })
	yamlIntoRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(` into ([\w.\[\]*]+)$`) })
)

// YAMLError turns an error of yaml.v3 from decoding data into v into
// FILE:LINE: message, the first problem only. Go type names never show:
// an unknown field is named with its YAML path and the fields allowed
// there, read from v's type.
func YAMLError(name string, data []byte, err error, v any) *Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	m := yamlLineRE().FindStringSubmatch(msg)
	if m == nil {
		return &Error{File: name, Msg: textutil.OneLine(msg)}
	}
	line, _ := strconv.Atoi(m[1])
	msg = m[2]
	if u := yamlUnknownRE().FindStringSubmatch(msg); u != nil {
		msg = unknownField(data, line, u[1], reflect.TypeOf(v))
	} else if t := yamlIntoRE().FindStringSubmatch(msg); t != nil {
		msg = msg[:len(msg)-len(t[1])] + kindName(t[1])
	}
	// A message is one line: the file's text quoted in it may not be.
	return &Error{File: name, Line: line, Msg: textutil.OneLine(msg)}
}

// kindName words a Go type of yaml.v3's messages as YAML: bool stays,
// a struct or a map is a mapping, a slice a list.
func kindName(goType string) string {
	t := strings.TrimLeft(goType, "*")
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map[") || strings.Contains(t, "."):
		return "a mapping"
	}
	return goType
}

// unknownField says where the key field on line sits and which fields
// the type decoded there has.
func unknownField(data []byte, line int, field string, t reflect.Type) string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) == nil && len(doc.Content) > 0 {
		if where, st, ok := findKey(doc.Content[0], t, "", line, field); ok {
			in := ""
			if where != "" {
				in = " in " + where
			}
			return fmt.Sprintf("unknown field %q%s (known: %s)", field, in, strings.Join(FieldNames(st), ", "))
		}
	}
	return fmt.Sprintf("unknown field %q (known: %s)", field, strings.Join(FieldNames(t), ", "))
}

// findKey walks the node and the Go type together to the mapping that has
// the key field on line, and returns its path (runtimes[1]) and type.
func findKey(n *yaml.Node, t reflect.Type, at string, line int, field string) (string, reflect.Type, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	join := func(k string) string {
		if at == "" {
			return k
		}
		return at + "." + k
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			switch t.Kind() {
			case reflect.Struct:
				if k.Line == line && k.Value == field {
					return at, t, true
				}
				if f, ok := fieldByName(t, k.Value); ok {
					if p, st, ok := findKey(n.Content[i+1], f.Type, join(k.Value), line, field); ok {
						return p, st, true
					}
				}
			case reflect.Map:
				if p, st, ok := findKey(n.Content[i+1], t.Elem(), join(k.Value), line, field); ok {
					return p, st, true
				}
			}
		}
	case yaml.SequenceNode:
		if t.Kind() == reflect.Slice {
			for i, c := range n.Content {
				if p, st, ok := findKey(c, t.Elem(), fmt.Sprintf("%s[%d]", at, i), line, field); ok {
					return p, st, true
				}
			}
		}
	}
	return "", nil, false
}

// FieldNames are the YAML names of the struct type's fields (through
// pointers), in their order.
func FieldNames(t reflect.Type) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []string
	if t.Kind() != reflect.Struct {
		return out
	}
	for i := range t.NumField() {
		if n := yamlName(t.Field(i)); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func fieldByName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if f := t.Field(i); yamlName(f) == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// yamlName is the key yaml.v3 decodes the field from; "" when it decodes
// none (unexported, or tagged "-").
func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	switch tag {
	case "-":
		return ""
	case "":
		return strings.ToLower(f.Name)
	}
	return tag
}
