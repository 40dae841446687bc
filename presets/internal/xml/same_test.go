package xml

import (
	stdxml "encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tokens is every token of data as the presets' reader asks for them
// (Strict off), printed, and the error that ends them.
func tokens(data []byte) string {
	var b strings.Builder
	d := NewDecoder(strings.NewReader(string(data)))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			fmt.Fprintf(&b, "error %v eof %v", err, errors.Is(err, io.EOF))
			return b.String()
		}
		fmt.Fprintf(&b, "%T %q\n", tok, fmt.Sprint(tok))
	}
}

func stdTokens(data []byte) string {
	var b strings.Builder
	d := stdxml.NewDecoder(strings.NewReader(string(data)))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			fmt.Fprintf(&b, "error %v eof %v", err, errors.Is(err, io.EOF))
			return b.String()
		}
		fmt.Fprintf(&b, "%T %q\n", tok, fmt.Sprint(tok))
	}
}

// The copy reads every XML file of the repository and a set of malformed
// and entity-laden inputs token for token as encoding/xml does.
func TestSameAsStd(t *testing.T) {
	inputs := map[string][]byte{}
	filepath.WalkDir("../../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".xml") {
			b, err := os.ReadFile(p)
			if err == nil {
				inputs[p] = b
			}
		}
		return nil
	})
	if len(inputs) < 20 {
		t.Fatalf("only %d XML files found", len(inputs))
	}
	for i, s := range []string{
		`<project><artifactId>app</artifactId><version>1.0&nbsp;&amp;&lt;&#65;&#x42;&bogus;</version></project>`,
		`<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE p [<!ENTITY e "x">]><p a='1' b=2 c><!-- c --><![CDATA[<x>]]></p>`,
		`<a><b></a>`, `<a>`, `</a>`, `<a x="1></a>`, `<ns:a xmlns:ns="u"><ns:b/></ns:a>`, "<a>\x00</a>", `<a>&`, ``,
		`<?xml version="1.0" encoding="latin1"?><a/>`, `<a><br><p>text</a>`,
	} {
		inputs[fmt.Sprint("case ", i)] = []byte(s)
	}
	for name, b := range inputs {
		if got, want := tokens(b), stdTokens(b); got != want {
			t.Errorf("%s: tokens\n%s\nencoding/xml\n%s", name, got, want)
		}
	}
}
