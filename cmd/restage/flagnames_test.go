package main

import (
	"bytes"
	"slices"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestNamesOnceChangesNothing: with the flags wrapped, every command's
// help reads the same, each flag has the same names and is still of a
// type namesOnce knows (a new flag type would silently miss the cache),
// and a flag given by an alias is seen as set by every one of its names.
func TestNamesOnceChangesNothing(t *testing.T) {
	help := func(wrap bool, args ...string) string {
		var out bytes.Buffer
		a := &app{stdout: &out, stderr: &out}
		c := a.cli()
		if wrap {
			namesOnce(c)
		}
		c.Writer, c.ErrWriter = &out, &out
		if err := c.Run(append([]string{"restage"}, args...)); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return out.String()
	}
	for _, args := range [][]string{{"--help"}, {"explain", "--help"}, {"verify", "--help"}, {"report", "--help"}, {"lsp", "--help"}, {"presets", "--help"}} {
		if plain, wrapped := help(false, args...), help(true, args...); plain != wrapped {
			t.Errorf("%v: help differs with namesOnce:\n%s\n---\n%s", args, plain, wrapped)
		}
	}

	plain, wrapped := (&app{}).cli(), (&app{}).cli()
	namesOnce(wrapped)
	check := func(where string, p, w []cli.Flag) {
		for i := range p {
			if !slices.Equal(p[i].Names(), w[i].Names()) {
				t.Errorf("%s: flag %v is named %v once wrapped", where, p[i].Names(), w[i].Names())
			}
			switch w[i].(type) {
			case boolFlag, stringFlag, stringSliceFlag, durationFlag, runtimeFlag:
			default:
				t.Errorf("%s: flag %v (%T) is not wrapped: add its type to wrapNames", where, p[i].Names(), p[i])
			}
		}
	}
	check("restage", plain.Flags, wrapped.Flags)
	for i, c := range plain.Commands {
		check(c.Name, c.Flags, wrapped.Commands[i].Flags)
	}

	var set []bool
	wrapped.Action = func(c *cli.Context) error {
		set = []bool{c.IsSet("quiet"), c.IsSet("q"), c.Bool("quiet"), c.IsSet("verbose")}
		return nil
	}
	if err := wrapped.Run([]string{"restage", "-q", "x"}); err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, true, false}; !slices.Equal(set, want) {
		t.Errorf("-q: IsSet(quiet), IsSet(q), Bool(quiet), IsSet(verbose) = %v, want %v", set, want)
	}
}
