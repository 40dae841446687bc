package main

import (
	"os"
	"os/exec"
)

// The program comes from the environment, which the Dockerfile sets.
func main() {
	ffmpeg := os.Getenv("FFMPEG_BIN")
	cmd := exec.Command(ffmpeg, "-i", os.Args[1], "-f", "s16le", "-")
	cmd.Stdout = os.Stdout
	if err := cmd.Run(); err != nil {
		panic(err)
	}
}
