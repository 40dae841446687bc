// Command engine is restage's conversion alone, for the start-up
// benchmark (bench/startup.sh): it reads one Dockerfile, converts it with
// transform.Convert (the built-in presets, the file's folder as build
// context) and prints the diff, as `restage FILE` does, without the
// command line, the configuration file and the other commands (verify,
// lsp, report) that restage's binary also carries. Its whole run, beside
// the parse-only floor (bench/floor) and restage, says how much of
// restage's start-up is the engine with its own libraries and how much
// the rest of the program: what splitting the program could win at most.
//
// It is a measuring stick, not a part of restage: nothing imports it.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/restage/restage/output"
	"github.com/restage/restage/transform"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: engine Dockerfile")
		os.Exit(2)
	}
	name := os.Args[1]
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	res, err := transform.Convert(data, transform.Options{Context: os.DirFS(filepath.Dir(name))})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Stdout.Write(output.UnifiedDiff(name, data, res.Output, false))
}
