package main

import (
	"log"
	"os/exec"
)

func main() {
	out, err := exec.Command("/bin/sh", "-c", "./run_cleanup.sh").CombinedOutput()
	log.Print(string(out), err)
}
