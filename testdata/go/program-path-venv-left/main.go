package main

import (
	"io"
	"os"
	"os/exec"
)

// Streams a video's audio the way gogogadgetto's youtube.go does: yt-dlp from
// the virtual environment the Dockerfile made in the working folder, piped into
// ffmpeg.
func main() {
	ytdl := exec.Command("./venv/bin/yt-dlp", "-f", "bestaudio", os.Args[1], "-o", "-")
	ffmpeg := exec.Command("ffmpeg", "-i", "-", "-f", "s16le", "-")
	out, _ := ytdl.StdoutPipe()
	ffmpeg.Stdin = out
	pcm, _ := ffmpeg.StdoutPipe()
	if err := ytdl.Start(); err != nil {
		panic(err)
	}
	if err := ffmpeg.Start(); err != nil {
		panic(err)
	}
	io.Copy(os.Stdout, pcm)
}
