package main

import (
	"os"
	"os/exec"
)

func main() {
	// plays through the ffmpeg the Dockerfile installs from Alpine edge
	cmd := exec.Command("ffmpeg", "-version")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		os.Exit(1)
	}
}
