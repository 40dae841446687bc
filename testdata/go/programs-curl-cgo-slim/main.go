package main

import (
	"log"
	"os/exec"
)

func main() {
	out, err := exec.Command("curl", "-fsS", "https://example.com/feed").Output()
	log.Print(string(out), err)
}
