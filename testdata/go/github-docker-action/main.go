package main

import (
	"fmt"
	"os"
)

// A Docker action reads its inputs from INPUT_* and appends its outputs to
// the file GITHUB_OUTPUT names, which the runner mounts from the host.
func main() {
	out, err := os.OpenFile(os.Getenv("GITHUB_OUTPUT"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer out.Close()
	fmt.Fprintf(out, "run-url=https://example.com/%s\n", os.Getenv("INPUT_WORKSPACE"))
}
