package main

import (
	"encoding/json"
	"log"
	"os"
	"os/exec"
)

type task struct {
	Command string   `json:"command"`
	Args    []string `json:"args"`
}

func main() {
	var t task
	_ = json.NewDecoder(os.Stdin).Decode(&t)
	out, err := exec.Command(t.Command, t.Args...).CombinedOutput()
	log.Print(string(out), err)
	thumb, err := exec.Command("ffmpeg", "-i", "in.mp4", "out.png").Output()
	log.Print(len(thumb), err)
}
