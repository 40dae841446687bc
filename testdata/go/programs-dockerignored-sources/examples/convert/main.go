package main

import "os/exec"

func main() {
	_ = exec.Command("ffmpeg", "-i", "in.mp4", "out.webm").Run()
}
