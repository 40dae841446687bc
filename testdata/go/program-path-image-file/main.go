package main

import (
	"log"
	"os/exec"
)

// Reports the Go version of the toolchain the builder image has.
func main() {
	out, err := exec.Command("/usr/local/go/bin/go", "version").Output()
	if err != nil {
		log.Fatal(err)
	}
	log.Print(string(out))
}
