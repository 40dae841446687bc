package main

import (
	"log"
	"os/exec"
)

func main() {
	if err := exec.Command("sysupgrade", "-n", "/tmp/fw.bin").Run(); err != nil {
		log.Print(err)
	}
	if err := exec.Command("halt").Run(); err != nil {
		log.Print(err)
	}
}
