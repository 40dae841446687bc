// Command floor is the parse-only floor for restage's start-up benchmark
// (bench/startup.sh): it reads one Dockerfile and parses it with
// BuildKit's parser and instructions package, as any tool that reads
// Dockerfiles the way Docker does must, and nothing else. A whole run of
// it is the least time such a tool can take; restage is measured against it.
//
// It must never import restage's packages: it is the baseline, not a
// part of restage (cmd/restage/architecture_test.go checks this).
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor Dockerfile")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	res, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	stages, _, err := instructions.Parse(res.AST, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	// Print something that depends on the parse, so that nothing is
	// optimised away and the run writes to stdout as restage does.
	n := 0
	for _, s := range stages {
		n += len(s.Commands)
	}
	fmt.Printf("%d stages, %d commands\n", len(stages), n)
}
